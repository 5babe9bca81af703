"""The base documents are written on: kit's own, or a church's template made ready once."""

from __future__ import annotations

import importlib.util
import io
import os
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Twips
from helpers import FIXTURES, docx_paragraphs

from kit.compose.blocks import Document
from kit.compose.markup import parse
from kit.resources import data_dir
from kit.writers.docx import write_docx
from kit.writers.docx.base import prepared_base

ROOT = Path(__file__).resolve().parents[3]
BRAND = FIXTURES / "brand-docx" / "brand" / "church.docx"
THEMED = FIXTURES / "brand-docx-theme" / "brand" / "church.docx"


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "design" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _styled(doc, name: str) -> list[str]:
    return [p.text for p in docx_paragraphs(doc) if p.style is not None and p.style.name == name]


def test_base_document_is_what_its_design_script_makes() -> None:
    made = _load_script("make_base_docx").make_base()
    assert made == (data_dir("templates") / "base.docx").read_bytes()


def test_brand_fixture_is_what_its_design_script_makes() -> None:
    assert _load_script("make_brand_fixture").make_fixture() == BRAND.read_bytes()


def test_themed_brand_fixture_is_what_its_design_script_makes() -> None:
    made = _load_script("make_brand_fixture").make_theme_fixture()
    assert made == THEMED.read_bytes()


def test_the_accent_is_the_themes_or_else_heading_1s() -> None:
    assert prepared_base(THEMED).accent == "5B8A5E"  # the theme's accent1
    # Kit gives a template without a theme its own, but its accent stays the church's.
    assert prepared_base(BRAND).accent == "7B2D26"
    assert prepared_base(None).accent == "2E5E6E"


def test_church_template_gives_its_look_and_gets_the_styles_it_lacks(brand_sample) -> None:
    template = docx.Document(str(BRAND))
    names = {s.name for s in template.styles}
    assert not {"Title", "List Number", "List Bullet", "Heading 3"} & names
    doc = brand_sample
    # Its page setup, header and styles are used; its body text is not.
    section = doc.sections[-1]
    assert section.page_width == Twips(11906) and section.left_margin == Twips(1247)
    assert "St. Brigid's Parish" in "".join(p.text for p in section.header.paragraphs)
    footer = "".join(p.text for p in section.footer.paragraphs)
    assert "12 Harbour Road" in footer
    instructions = section.footer.part.element.iter(qn("w:instrText"))
    assert "PAGE" in " ".join(i.text for i in instructions)
    text = "\n".join(p.text for p in docx_paragraphs(doc))
    assert "letterhead text" not in text and "Parish letter" not in text
    assert doc.styles["Heading 1"].font.name == "Trebuchet MS"
    # Missing styles are added in the template's heading font and colour.
    assert _styled(doc, "Title") == ["A Title"]
    assert _styled(doc, "List Number") == ["first", "second", "again from one"]
    title = doc.styles["Title"]
    assert title.font.name == "Trebuchet MS" and str(title.font.color.rgb) == "7B2D26"
    numbered = [p for p in docx_paragraphs(doc) if p.style.name == "List Number"]
    assert numbered and all(
        p._p.pPr.numPr is not None or p.style.element.pPr.numPr for p in numbered
    )
    with zipfile.ZipFile(io.BytesIO(write_docx(Document("notes", "N", "F", []), brand=BRAND))) as z:
        assert not any("stylesWithEffects" in name for name in z.namelist())
        # A font table and theme come from kit's base, as Word expects of a file.
        assert {"word/fontTable.xml", "word/theme/theme1.xml"} <= set(z.namelist())


def test_a_base_is_prepared_once_and_a_changed_brand_file_again(tmp_path: Path) -> None:
    brand = tmp_path / "church.docx"
    brand.write_bytes(BRAND.read_bytes())
    assert prepared_base(brand) is prepared_base(brand)
    note = Document("notes", "N", "F", parse("Text."))
    before = docx.Document(io.BytesIO(write_docx(note, brand=brand)))
    assert before.styles["Heading 1"].font.name == "Trebuchet MS"
    template = docx.Document(str(brand))
    for fonts in template.styles.element.iter(qn("w:rFonts")):
        fonts.set(qn("w:ascii"), "Georgia")
        fonts.set(qn("w:hAnsi"), "Georgia")
    template.save(str(brand))
    stat = brand.stat()
    # Even within the same second and at the same size, the file is read again.
    os.utime(brand, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    after = docx.Document(io.BytesIO(write_docx(note, brand=brand)))
    assert after.styles["Heading 1"].font.name == "Georgia"


def test_a_footer_the_template_names_but_does_not_hold_is_made_anew(brand_variant) -> None:
    brand = brand_variant("word/document.xml", b'r:id="rId5"', b'r:id="rId99"')
    data = write_docx(Document("notes", "N", "Course · Church", parse("Text.")), brand=brand)
    footer = docx.Document(io.BytesIO(data)).sections[-1].footer
    assert [p.text for p in footer.paragraphs] == ["Course · Church\t1"]


def test_a_brand_documents_macros_are_left_behind(tmp_path: Path) -> None:
    brand = tmp_path / "church.docx"
    doc = docx.Document(str(BRAND))
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    macros = Part(PackURI("/word/vbaProject.bin"), "application/vnd.ms-office.vbaProject", b"x")
    doc.part.relate_to(macros, "http://schemas.microsoft.com/office/2006/relationships/vbaProject")
    doc.save(str(brand))
    with zipfile.ZipFile(brand) as z:
        assert "word/vbaProject.bin" in z.namelist()
    written = write_docx(Document("notes", "N", "F", []), brand=brand)
    with zipfile.ZipFile(io.BytesIO(written)) as z:
        names = z.namelist()
        types = z.read("[Content_Types].xml").decode()
    assert not [n for n in names if "vba" in n.lower()]
    assert "vbaProject" not in types
