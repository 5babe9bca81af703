"""Paragraphs and runs: text kept and spaced as Word reads it, on any template."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from helpers import FIXTURES, docx_paragraphs
from openxml_audit import OpenXmlValidator

from kit.compose.blocks import Document, Paragraph, Run
from kit.compose.markup import parse
from kit.writers.docx import write_docx

BRAND = FIXTURES / "brand-docx" / "brand" / "church.docx"

AWKWARD = (
    Run('  Fish & chips <for> "two" '),
    Run("bold", bold=True),
    Run("tab\there\nnext line", italic=True),
    Run("é ✓ 𝄞\u00a0"),
)


def _doc(blocks) -> Document:
    return Document("notes", "Title & <more>", "Footer & co", list(blocks))


def test_text_keeps_its_characters_spaces_tabs_and_line_breaks() -> None:
    data = write_docx(_doc([Paragraph(AWKWARD)]))
    doc = docx.Document(io.BytesIO(data))
    (par,) = [p for p in docx_paragraphs(doc) if p.text.strip()]
    assert par.text == "".join(r.text for r in AWKWARD)
    assert [(r.bold, r.italic) for r in par.runs] == [
        (None, None),
        (True, None),
        (None, True),
        (None, None),
    ]
    tab_run = par.runs[2]._r
    assert tab_run.find(qn("w:tab")) is not None and tab_run.find(qn("w:br")) is not None
    first_text = par.runs[0]._r.find(qn("w:t"))
    assert first_text.get(qn("xml:space")) == "preserve"
    assert doc.core_properties.title == "Title & <more>"


def test_text_xml_cannot_hold_is_refused() -> None:
    with pytest.raises(ValueError, match="XML compatible"):
        write_docx(_doc([Paragraph((Run("bell \x07"),))]))


def _renamed_prefix(tmp_path: Path) -> Path:
    """The church template with WordprocessingML under another prefix in its document part."""
    out = tmp_path / "prefixed.docx"
    with zipfile.ZipFile(BRAND) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:", b"<wx:").replace(b"</w:", b"</wx:")
                data = data.replace(b" w:", b" wx:").replace(b"xmlns:w=", b"xmlns:wx=")
            dst.writestr(info, data)
    return out


def test_a_template_naming_wordprocessingml_otherwise_gets_the_same_body(tmp_path: Path) -> None:
    blocks = parse("# Heading\nSome **bold** words.\n- a bullet\n@lines 2\n")
    brand = _renamed_prefix(tmp_path)
    assert b"<wx:body>" in zipfile.ZipFile(brand).read("word/document.xml")
    usual = docx.Document(io.BytesIO(write_docx(_doc(blocks), brand=BRAND)))
    data = write_docx(_doc(blocks), brand=brand)
    other = docx.Document(io.BytesIO(data))
    assert [(p.style.name, p.text) for p in docx_paragraphs(other)] == [
        (p.style.name, p.text) for p in docx_paragraphs(usual)
    ]
    assert len(other.tables) == 1
    path = tmp_path / "written.docx"
    path.write_bytes(data)
    assert [e.description for e in OpenXmlValidator(max_errors=0).validate(path).errors] == []
