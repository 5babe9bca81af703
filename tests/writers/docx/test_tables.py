"""Tables, boxes and writing lines: laid out to the text width, lined up with the text."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn
from helpers import FIXTURES

from kit.writers.docx.styles import ACCENT
from kit.writers.docx.tables import KIT_FILL, box_fill

BRAND = FIXTURES / "brand-docx" / "brand" / "church.docx"


def test_tables_fill_the_text_width_and_keep_their_rows_whole(sample) -> None:
    section = sample.sections[-1]
    width = (section.page_width - section.left_margin - section.right_margin) // 635
    timetable, lines, box = sample.tables
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


@pytest.mark.parametrize(("brand", "shift"), [(None, 0), (BRAND, 1)])
def test_tables_line_up_with_the_text_in_old_and_new_word_layouts(
    write, sample_markup: str, brand, shift
) -> None:
    """Word 2013 measures a table's indent to its border, older layouts to its text."""
    doc = write(sample_markup, brand=brand)
    timetable, _, box = doc.tables
    for table, border in ((timetable, "text"), (box, "frame")):
        tbl_pr = table._tbl.tblPr
        indent = int(tbl_pr.find(qn("w:tblInd")).get(qn("w:w")))
        padding = int(tbl_pr.find(f"{qn('w:tblCellMar')}/{qn('w:left')}").get(qn("w:w")))
        # The timetable's text sits on the margin; the box's frame does.
        wanted = -padding if border == "text" else 0
        assert indent == wanted + shift * padding


def test_boxes_are_shaded_with_a_faint_tint_of_the_accent() -> None:
    assert box_fill(ACCENT) == KIT_FILL  # kit's own look is kept as designed
    assert box_fill("5B8A5E") == "F5F8F5"
    assert box_fill("7B2D26") == "F7F2F2"
    assert box_fill("000000") == "F0F0F0"


def test_a_box_on_a_church_template_is_shaded_with_its_accent(write) -> None:
    doc = write("@box care Care\n:small: Call us\n@end", brand=BRAND)
    (box,) = doc.tables
    fill = box._tbl.find(f".//{qn('w:shd')}").get(qn("w:fill"))
    assert fill == box_fill("7B2D26")
