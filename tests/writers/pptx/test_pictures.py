"""A template's pictures: only safe formats decoded, each once, within a budget of pixels."""

from __future__ import annotations

import io

import pytest
from brand_pictures import (
    EPS,
    black_png,
    count_decoding,
    damaged_png,
    dds,
    picture_template,
    png,
    spider,
)
from PIL import EpsImagePlugin, Image
from pptx import Presentation

from kit.office import MAX_TEMPLATE_PIXELS, template_pixels
from kit.writers.pptx.pictures import Pictures
from kit.writers.pptx.placed import placed_choices
from kit.writers.pptx.theme import picture_colors


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The size of every picture Pillow decodes from now on, once per decoding."""
    return count_decoding(monkeypatch)


def test_postscript_is_never_handed_to_ghostscript(monkeypatch: pytest.MonkeyPatch) -> None:
    ran = []

    def ghostscript(*args: object, **kwargs: object) -> None:
        ran.append(args)
        raise OSError("Ghostscript was asked to run a picture")

    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", ghostscript)
    assert picture_colors(EPS) == ()
    assert ran == []


@pytest.mark.parametrize("blob", [damaged_png(), dds(), spider()], ids=["png", "dds", "spider"])
def test_a_picture_pillow_raises_on_counts_as_the_theme_background(blob: bytes) -> None:
    assert picture_colors(blob) == ()


def test_a_picture_too_large_to_read_is_not_decoded(decoded: list[tuple[int, int]]) -> None:
    assert picture_colors(black_png(8000, 6000)) == ()  # past 40 million pixels
    assert picture_colors(black_png(20000, 20000)) == ()  # Pillow's DecompressionBombError
    assert decoded == []


def test_a_picture_is_decoded_once_however_many_layouts_show_it(
    decoded: list[tuple[int, int]],
) -> None:
    sizes = [(64 + n, 36) for n in range(17)]
    data = picture_template([png(w, h, f"{w}", (10 * n, 20, 40)) for n, (w, h) in enumerate(sizes)])
    placed_choices(Presentation(io.BytesIO(data)))
    assert sorted(decoded) == sizes


def test_pictures_past_the_budget_are_not_decoded(decoded: list[tuple[int, int]]) -> None:
    pictures = Pictures(budget=5_000)
    assert pictures.sample(png(64, 36, "a")) is not None
    assert pictures.sample(png(64, 36, "b")) is not None
    assert pictures.sample(png(64, 36, "c")) is None  # 3 x 2,304 pixels: past 5,000
    assert decoded == [(64, 36), (64, 36)]


def test_a_template_counts_each_picture_it_reads_once() -> None:
    photo = io.BytesIO()
    Image.new("RGB", (1600, 800), (10, 20, 40)).save(photo, "JPEG")
    same = png(100, 50, "same")
    data = picture_template([same, same, photo.getvalue(), EPS, black_png(8000, 6000)])
    # The PNG of 5,000 pixels once, the JPEG at its full size, the rest not read.
    assert template_pixels(Presentation(io.BytesIO(data))) == 5_000 + 1_280_000


def test_seventeen_tiny_pictures_of_6300_by_6300_are_past_the_budget() -> None:
    data = picture_template([black_png(6300, 6300, f"{n}") for n in range(17)])
    assert template_pixels(Presentation(io.BytesIO(data))) == 17 * 6300 * 6300
    assert MAX_TEMPLATE_PIXELS < 17 * 6300 * 6300
