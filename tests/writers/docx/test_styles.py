"""Styles: kit's base holds them all; a church's template gets those it lacks, in its look."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from helpers import FIXTURES

from kit.resources import data_dir
from kit.writers.docx.styles import INK, ensure_styles

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
