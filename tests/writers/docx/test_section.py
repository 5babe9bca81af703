"""The page: handout margins, text width, the cover without a number and every page's footer."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from helpers import FIXTURES

from kit.compose.blocks import Document
from kit.compose.markup import parse
from kit.writers.docx import write_docx
from kit.writers.docx.section import text_width

BRAND = FIXTURES / "brand-docx" / "brand" / "church.docx"
THEMED = FIXTURES / "brand-docx-theme" / "brand" / "church.docx"


def _instructions(footer) -> str:
    return " ".join(i.text for i in footer.part.element.iter(qn("w:instrText")))


def test_cover_page_has_no_page_number_and_the_rest_do(sample) -> None:
    section = sample.sections[-1]
    assert section.different_first_page_header_footer
    assert not section.first_page_footer.is_linked_to_previous
    assert "".join(p.text for p in section.first_page_footer.paragraphs) == ""
    assert "PAGE" in _instructions(section.footer)
    assert "Sample · Church" in "".join(p.text for p in section.footer.paragraphs)


def test_a_document_without_a_cover_numbers_its_first_page(write) -> None:
    section = write("# Week\nText.").sections[-1]
    assert not section.different_first_page_header_footer
    assert "PAGE" in _instructions(section.footer)


def test_handouts_and_leader_notes_use_more_of_the_sheet_than_the_guide() -> None:
    markup = "# Week\nText."
    guide = docx.Document(io.BytesIO(write_docx(Document("guide", "G", "F", parse(markup)))))
    g = guide.sections[-1]
    for kind in ("handout", "notes"):
        written = write_docx(Document(kind, "H", "F", parse(markup)))
        s = docx.Document(io.BytesIO(written)).sections[-1]
        assert s.left_margin < g.left_margin and s.top_margin < g.top_margin, kind
        assert s.footer_distance < g.footer_distance, kind
        assert text_width(s) > text_width(g), kind


def test_a_template_without_page_size_or_margins_is_laid_out_on_letter(
    brand_variant, write
) -> None:
    brand = brand_variant("word/document.xml", b'<w:pgSz w:w="11906" w:h="16838"/>', b"")
    doc = write("@table t\n| A | B |\n| 1 | 2 |", brand=brand)
    section = doc.sections[-1]
    assert section.page_width is None
    grid = doc.tables[0]._tbl.tblGrid.iter(qn("w:gridCol"))
    # US Letter less the template's own side margins, and the cells' padding either side.
    assert sum(int(c.get(qn("w:w"))) for c in grid) == 12240 - 2 * 1247 + 2 * 90


def test_a_church_footer_without_paragraphs_gains_the_page_number(tmp_path: Path, write) -> None:
    template = docx.Document(str(BRAND))
    footer = template.sections[-1].footer.part.element
    for p in footer.findall(qn("w:p")):
        footer.remove(p)
    brand = tmp_path / "bare-footer.docx"
    template.save(str(brand))
    texts = [p.text for p in write("Text.", brand=brand).sections[-1].footer.paragraphs]
    assert texts == ["Sample · Church\t1"]


def test_a_church_footer_with_a_page_number_is_kept_as_it_is(brand_variant, write) -> None:
    field = b'<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'
    brand = brand_variant("word/footer1.xml", b"</w:p>", field)
    footer = write("Text.", brand=brand).sections[-1].footer
    assert [p.text for p in footer.paragraphs] == [
        "12 Harbour Road, Kinsale · office@stbrigid.example"
    ]
    assert "PAGE" not in _instructions(footer)


def test_a_template_without_section_properties_gets_a_letter_page(tmp_path: Path, write) -> None:
    template = docx.Document(str(BRAND))
    body = template.element.body
    body.remove(body.sectPr)
    brand = tmp_path / "no-section.docx"
    template.save(str(brand))
    doc = write("@table t\n| A | B |\n| 1 | 2 |", brand=brand)
    section = doc.sections[-1]
    assert "PAGE" in _instructions(section.footer)
    grid = doc.tables[0]._tbl.tblGrid.iter(qn("w:gridCol"))
    # US Letter with Word's inch margins, and the cells' padding either side.
    assert sum(int(c.get(qn("w:w"))) for c in grid) == 12240 - 2 * 1440 + 2 * 90


def test_the_page_number_is_at_the_right_though_the_footer_style_has_a_centre_stop(
    write,
) -> None:
    # Word's own Footer style has a centre tab stop; the tab before the number skips it.
    template = docx.Document(str(THEMED))
    (centre, right) = template.styles["Footer"].paragraph_format.tab_stops
    section = write("Text.", brand=THEMED).sections[-1]
    (address, number) = section.footer.paragraphs
    assert address.text.startswith("400 Elm Street") and number.text == "\t1"
    stops = {s.position.twips: s.alignment for s in number.paragraph_format.tab_stops}
    assert stops == {
        centre.position.twips: WD_TAB_ALIGNMENT.CLEAR,
        text_width(section): WD_TAB_ALIGNMENT.RIGHT,
    }
    assert right.position.twips == text_width(section)


def test_a_cover_gets_its_own_copy_of_the_templates_header(write, sample_markup: str) -> None:
    section = write(sample_markup, brand=THEMED).sections[-1]
    cover, pages = section.first_page_header, section.header
    assert cover.part is not pages.part
    assert [p.text for p in cover.paragraphs] == [p.text for p in pages.paragraphs]
    drawing = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
    ids = [d.get("id") for h in (cover, pages) for d in h.part.element.iter(drawing)]
    assert len(ids) == 2 and len(set(ids)) == 2  # Word reads a repeated drawing id as damage


def test_a_cover_on_a_template_without_a_header_gets_none(sample) -> None:
    assert sample.sections[-1].first_page_header.is_linked_to_previous
