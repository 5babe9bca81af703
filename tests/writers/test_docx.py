"""The .docx writer: real Word structure, kit's own base, a church's template, valid files."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.text.paragraph import Paragraph as DocxParagraph
from helpers import FIXTURES
from openxml_audit import OpenXmlValidator

import kit
from kit.compose.blocks import Document
from kit.compose.markup import parse
from kit.resources import data_dir
from kit.writers.docx import write_docx
from kit.writers.docx_styles import INK, ensure_styles

ROOT = Path(__file__).resolve().parents[2]
BRAND_COURSE = FIXTURES / "brand-docx" / "course.yaml"
BRAND = FIXTURES / "brand-docx" / "brand" / "church.docx"

SAMPLE = """\
:title: A Title
:subtitle: A subtitle
@pagebreak
:heading: Contents

@contents 2
@pagebreak
# Chapter one
Plain words with **bold** and *italic*.

## A section
1. first
2. second

- a bullet
-- a bullet one level in

### A small heading
1. again from one

[ ] a box to tick

@table timetable
| Part | Minutes |
| Opening | 10 |
| Teaching | 15 |

:question: **1.** A question?
@lines 3
@box care Care contacts
:small: Pastor Sam, 555-0100
@end
"""


def _write(markup: str, **kwargs) -> docx.document.Document:
    data = write_docx(Document("guide", "Sample", "Sample · Church", parse(markup)), **kwargs)
    return docx.Document(io.BytesIO(data))


def _paragraphs(doc) -> list[DocxParagraph]:
    return [DocxParagraph(p, doc._body) for p in doc.element.body.iter(qn("w:p"))]


def _styled(doc, name: str) -> list[str]:
    return [p.text for p in _paragraphs(doc) if p.style is not None and p.style.name == name]


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "design" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_base_document_is_what_its_design_script_makes() -> None:
    made = _load_script("make_base_docx").make_base()
    assert made == (data_dir("templates") / "base.docx").read_bytes()


def test_brand_fixture_is_what_its_design_script_makes() -> None:
    assert _load_script("make_brand_fixture").make_fixture() == BRAND.read_bytes()


def test_base_document_already_has_every_kit_style() -> None:
    doc = docx.Document(str(data_dir("templates") / "base.docx"))
    before = len(doc.styles.element.findall(qn("w:style")))
    ensure_styles(doc)
    assert len(doc.styles.element.findall(qn("w:style"))) == before
    assert doc.styles["Normal"].font.name is None  # the body font is the document default
    assert doc.styles["Heading 1"].font.name == "Calibri"


def test_blocks_become_word_structure() -> None:
    doc = _write(SAMPLE)
    assert _styled(doc, "Title") == ["A Title"]
    assert _styled(doc, "Subtitle") == ["A subtitle"]
    assert _styled(doc, "Heading 1") == ["Chapter one"]
    assert _styled(doc, "Heading 2") == ["A section"]
    assert _styled(doc, "Heading 3") == ["A small heading"]
    assert _styled(doc, "List Bullet") == ["a bullet", "a bullet one level in"]
    assert _styled(doc, "Kit Check") == ["a box to tick"]
    nested = next(p for p in _paragraphs(doc) if p.text == "a bullet one level in")
    assert nested._p.pPr.numPr.ilvl.val == 1
    runs = next(p for p in _paragraphs(doc) if p.text.startswith("Plain")).runs
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("Plain words with ", None, None),
        ("bold", True, None),
        (" and ", None, None),
        ("italic", None, True),
        (".", None, None),
    ]
    chapter = next(p for p in _paragraphs(doc) if p.style.name == "Heading 1")
    assert chapter.paragraph_format.page_break_before is True


def test_each_numbered_list_starts_again_at_one() -> None:
    doc = _write(SAMPLE)
    numbered = [p for p in _paragraphs(doc) if p.style.name == "List Number"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] != ids[2]
    numbering = doc.part.numbering_part.element
    for num_id in {ids[0], ids[2]}:
        num = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
        start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        assert start is not None and start.get(qn("w:val")) == "1"


def test_tables_fill_the_text_width_and_keep_their_rows_whole() -> None:
    doc = _write(SAMPLE)
    section = doc.sections[-1]
    width = (section.page_width - section.left_margin - section.right_margin) // 635
    timetable, lines, box = doc.tables
    grid = [int(c.get(qn("w:w"))) for c in timetable._tbl.tblGrid.iter(qn("w:gridCol"))]
    indent = int(timetable._tbl.tblPr.find(qn("w:tblInd")).get(qn("w:w")))
    # The table reaches past the margins by its cell padding, so its text lines up with the page.
    assert sum(grid) == width - 2 * indent and indent < 0
    rows = timetable._tbl.findall(qn("w:tr"))
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    minutes = timetable.rows[1].cells[1].paragraphs[0]
    assert minutes.alignment == 2  # numbers line up on the right
    assert len(lines.rows) == 3
    assert box.cell(0, 0).paragraphs[0].text == "Care contacts"


def test_contents_is_a_toc_field_listing_headings_as_links() -> None:
    doc = _write(SAMPLE)
    instructions = " ".join(i.text for i in doc.element.body.iter(qn("w:instrText")))
    assert 'TOC \\o "1-2"' in instructions
    links = [h.get(qn("w:anchor")) for h in doc.element.body.iter(qn("w:hyperlink"))]
    marks = {b.get(qn("w:name")) for b in doc.element.body.iter(qn("w:bookmarkStart"))}
    assert len(links) == 2 and set(links) <= marks
    assert doc.settings.element.find(qn("w:updateFields")) is not None


def test_cover_page_has_no_page_number_and_the_rest_do() -> None:
    doc = _write(SAMPLE)
    section = doc.sections[-1]
    assert section.different_first_page_header_footer
    assert not section.first_page_footer.is_linked_to_previous
    assert "".join(p.text for p in section.first_page_footer.paragraphs) == ""
    footer = section.footer._element
    assert "PAGE" in " ".join(i.text for i in footer.iter(qn("w:instrText")))
    assert "Sample · Church" in "".join(p.text for p in section.footer.paragraphs)


def test_handouts_use_more_of_the_sheet_than_leader_documents() -> None:
    markup = "# Week\nText."
    handout = write_docx(Document("handout", "H", "F", parse(markup)))
    notes = write_docx(Document("notes", "N", "F", parse(markup)))
    h = docx.Document(io.BytesIO(handout)).sections[-1]
    n = docx.Document(io.BytesIO(notes)).sections[-1]
    assert h.left_margin < n.left_margin and h.top_margin < n.top_margin
    assert h.footer_distance < n.footer_distance


def test_church_template_gives_its_look_and_gets_the_styles_it_lacks() -> None:
    template = docx.Document(str(BRAND))
    names = {s.name for s in template.styles}
    assert not {"Title", "List Number", "List Bullet", "Heading 3"} & names
    doc = _write(SAMPLE, brand=BRAND)
    # Its page setup, header and styles are used; its body text is not.
    section = doc.sections[-1]
    assert section.page_width == Twips(11906) and section.left_margin == Twips(1247)
    assert "St. Brigid's Parish" in "".join(p.text for p in section.header.paragraphs)
    footer = "".join(p.text for p in section.footer.paragraphs)
    assert "12 Harbour Road" in footer
    assert "PAGE" in " ".join(i.text for i in section.footer._element.iter(qn("w:instrText")))
    text = "\n".join(p.text for p in _paragraphs(doc))
    assert "letterhead text" not in text and "Parish letter" not in text
    assert doc.styles["Heading 1"].font.name == "Trebuchet MS"
    # Missing styles are added in the template's heading font and colour.
    assert _styled(doc, "Title") == ["A Title"]
    assert _styled(doc, "List Number") == ["first", "second", "again from one"]
    title = doc.styles["Title"]
    assert title.font.name == "Trebuchet MS" and str(title.font.color.rgb) == "7B2D26"
    numbered = [p for p in _paragraphs(doc) if p.style.name == "List Number"]
    assert all(p._p.pPr.numPr is not None or p.style.element.pPr.numPr for p in numbered)
    with zipfile.ZipFile(io.BytesIO(write_docx(Document("notes", "N", "F", []), brand=BRAND))) as z:
        assert not any("stylesWithEffects" in name for name in z.namelist())


@pytest.fixture(scope="module")
def brand_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brand") / "build"
    kit.build(kit.load_course(BRAND_COURSE), out)
    return out


def test_brand_builds_are_byte_identical(brand_kit: Path, tmp_path: Path) -> None:
    kit.build(kit.load_course(BRAND_COURSE), tmp_path / "again")
    for path in sorted(brand_kit.glob("*.docx")):
        assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize(
    "name",
    ["leader-guide.docx", "week-01-leader-notes.docx", "week-03-handout.docx"],
)
def test_openxml_audit_finds_nothing_in_builtin_documents(builtin_kit: Path, name: str) -> None:
    result = OpenXmlValidator(max_errors=0).validate(builtin_kit / name)
    assert [e.description for e in result.errors] == []


@pytest.mark.parametrize(
    "name",
    ["leader-guide.docx", "week-02-leader-notes.docx", "week-02-handout.docx"],
)
def test_openxml_audit_finds_nothing_in_documents_on_a_church_template(
    brand_kit: Path, name: str
) -> None:
    result = OpenXmlValidator(max_errors=0).validate(brand_kit / name)
    assert [e.description for e in result.errors] == []


def test_a_template_with_black_headings_gets_no_colour_of_kits(tmp_path: Path) -> None:
    template = docx.Document(str(BRAND))
    for color in list(template.styles.element.iter(qn("w:color"))):
        color.getparent().remove(color)
    plain = tmp_path / "plain.docx"
    template.save(str(plain))
    doc = _write(SAMPLE, brand=plain)
    for name in ("Title", "Kit Kicker", "Kit Box Title"):
        assert str(doc.styles[name].font.color.rgb) == INK, name


@pytest.mark.parametrize(("brand", "shift"), [(None, 0), (BRAND, 1)])
def test_tables_line_up_with_the_text_in_old_and_new_word_layouts(brand, shift) -> None:
    """Word 2013 measures a table's indent to its border, older layouts to its text."""
    doc = _write(SAMPLE, brand=brand)
    timetable, _, box = doc.tables
    for table, border in ((timetable, "text"), (box, "frame")):
        tbl_pr = table._tbl.tblPr
        indent = int(tbl_pr.find(qn("w:tblInd")).get(qn("w:w")))
        padding = int(tbl_pr.find(f"{qn('w:tblCellMar')}/{qn('w:left')}").get(qn("w:w")))
        # The timetable's text sits on the margin; the box's frame does.
        wanted = -padding if border == "text" else 0
        assert indent == wanted + shift * padding
