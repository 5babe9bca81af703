"""A template's theme colours and fonts, its backgrounds, and text contrast."""

from __future__ import annotations

import io

import pytest
from helpers import FIXTURES
from lxml import etree
from PIL import Image, ImageDraw
from pptx import Presentation

from kit.writers.ooxml import NAMESPACES
from kit.writers.pptx.theme import (
    Theme,
    backgrounds,
    contrast,
    luminance,
    pick,
    picture_colors,
    read_theme,
    resolve,
)

TEMPLATES = FIXTURES / "templates-pptx"


def _first(name: str, layout: str = "Title Only"):
    prs = Presentation(str(TEMPLATES / f"{name}.pptx"))
    found = next((x for x in prs.slide_layouts if x.name == layout), prs.slide_layouts[0])
    return prs.slide_master, found


def test_theme_colours_and_fonts_are_read() -> None:
    master, _ = _first("navy-gold")
    theme = read_theme(master)
    assert (theme.major, theme.minor) == ("Georgia", "Arial")
    assert theme.colors["dk2"] == "1F3A5F"
    assert theme.colors["accent1"] == "C8A24A"


def test_contrast_follows_wcag() -> None:
    assert contrast("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast("777777", "FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("123456", "123456") == 1.0


def test_a_light_ground_and_a_dark_one_as_the_colour_map_has_them() -> None:
    master, layout = _first("navy-gold")
    assert backgrounds(master, layout, read_theme(master)) == ["FFFFFF"]
    master, layout = _first("dark-serif")  # bg1 mapped to dk1
    assert backgrounds(master, layout, read_theme(master)) == ["14213D"]


def test_a_gradient_counts_as_every_one_of_its_colours() -> None:
    master, layout = _first("gradient-ornament")
    assert backgrounds(master, layout, read_theme(master)) == ["1D2B38", "0E161F"]


THEME = Theme({"dk1": "000000", "lt1": "FFFFFF", "dk2": "1F3A5F", "lt2": "EEEEEE"}, "A", "B")


def test_pick_takes_the_first_colour_that_reads_else_the_themes_best_plain_one() -> None:
    assert pick(["F7E08A", "1F3A5F"], ["FFFFFF"], THEME) == "1F3A5F"
    assert pick(["F7E08A"], ["FFFFFF"], THEME) == "000000"
    assert pick(["F7E08A"], ["101010"], THEME) == "F7E08A"


def _color(xml: str) -> etree._Element:
    return etree.fromstring(f'<r xmlns:a="{NAMESPACES["a"]}">{xml}</r>')[0]


def test_scheme_colours_go_through_the_map_and_their_changes() -> None:
    mapping = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
    assert resolve(_color('<a:schemeClr val="tx2"/>'), THEME, mapping) == "1F3A5F"
    dimmed = _color('<a:schemeClr val="bg1"><a:lumMod val="50000"/></a:schemeClr>')
    assert resolve(dimmed, THEME, mapping) == "808080"
    shaded = _color('<a:srgbClr val="FFFFFF"><a:shade val="50000"/></a:srgbClr>')
    assert resolve(shaded, THEME, mapping) == "808080"
    assert resolve(_color('<a:sysClr val="windowText"/>'), THEME, mapping) == "000000"


def _png(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def test_a_picture_counts_as_its_darkest_and_lightest_parts() -> None:
    img = Image.new("RGB", (640, 360), (10, 20, 40))
    ImageDraw.Draw(img).rectangle((320, 0, 639, 359), fill=(240, 240, 230))
    assert picture_colors(_png(img)) == ("0A1428", "F0F0E6")


def test_a_speck_of_white_does_not_make_a_dark_picture_light() -> None:
    img = Image.new("RGB", (640, 360), (10, 20, 40))
    ImageDraw.Draw(img).rectangle((100, 100, 102, 102), fill=(255, 255, 255))
    darkest, lightest = picture_colors(_png(img))
    assert darkest == "0A1428"
    assert luminance(lightest) < 0.02


def test_a_see_through_picture_shows_what_is_under_it() -> None:
    img = Image.new("RGBA", (640, 360), (0, 0, 0, 0))  # clear, but black where it is clear
    ImageDraw.Draw(img).rectangle((0, 0, 319, 359), fill=(200, 30, 30, 255))
    assert picture_colors(_png(img), "F4F1EA") == ("C81E1E", "F4F1EA")


def test_a_picture_that_cannot_be_read_or_is_huge_counts_as_the_theme_background() -> None:
    assert picture_colors(b"not a picture at all") == ()
    assert picture_colors(_png(Image.new("1", (8000, 6000)))) == ()


def test_a_photo_background_is_read_from_its_picture() -> None:
    master, layout = _first("photo-night")
    theme = read_theme(master)
    grounds = backgrounds(master, layout, theme)
    # The theme's own background is white; the picture is a night sky.
    assert theme.colors["lt1"] == "FFFFFF"
    assert len(grounds) == 2 and max(luminance(g) for g in grounds) < 0.2
