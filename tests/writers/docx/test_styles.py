"""Styles: kit's base holds them all; a church's template gets those it lacks, in its look."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from helpers import FIXTURES

from kit.resources import data_dir
from kit.writers.docx.styles import INK, Look, ensure_styles

BRAND = FIXTURES / "brand-docx" / "brand" / "church.docx"


def test_base_document_already_has_every_kit_style() -> None:
    doc = docx.Document(str(data_dir("templates") / "base.docx"))
    before = len(doc.styles.element.findall(qn("w:style")))
    ensure_styles(doc)
    assert len(doc.styles.element.findall(qn("w:style"))) == before
    assert doc.styles["Normal"].font.name is None  # the body font is the document default
    assert doc.styles["Heading 1"].font.name == "Calibri"


def test_a_template_with_black_headings_gets_no_colour_of_kits(
    tmp_path: Path, write, sample_markup: str
) -> None:
    template = docx.Document(str(BRAND))
    for color in list(template.styles.element.iter(qn("w:color"))):
        color.getparent().remove(color)
    plain = tmp_path / "plain.docx"
    template.save(str(plain))
    doc = write(sample_markup, brand=plain)
    for name in ("Title", "Kit Kicker", "Kit Box Title"):
        assert str(doc.styles[name].font.color.rgb) == INK, name


def test_rules_take_the_theme_accent_and_titling_text_the_heading_colour() -> None:
    template = docx.Document(str(BRAND))
    look = Look.of(template.styles.element, "5B8A5E")
    ensure_styles(template, look)
    note = template.styles["Kit Note"].element.find(f".//{qn('w:pBdr')}/{qn('w:left')}")
    # Word follows the theme colour; a program that does not shows the value.
    assert (note.get(qn("w:color")), note.get(qn("w:themeColor"))) == ("5B8A5E", "accent1")
    for name in ("Title", "Kit Kicker", "Kit Box Title"):
        assert str(template.styles[name].font.color.rgb) == "7B2D26", name


def test_without_a_theme_the_rules_are_in_the_heading_colour() -> None:
    template = docx.Document(str(BRAND))
    ensure_styles(template)
    rule = template.styles["Kit Scripture"].element.find(f".//{qn('w:pBdr')}/{qn('w:left')}")
    assert rule.get(qn("w:color")) == "7B2D26"
    assert rule.get(qn("w:themeColor")) is None
