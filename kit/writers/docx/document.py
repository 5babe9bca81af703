"""Write a composed document as a .docx: its blocks laid out on a prepared base."""

from __future__ import annotations

import io
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from kit.compose.blocks import (
    Block,
    Box,
    Contents,
    Document,
    Heading,
    ListBlock,
    PageBreak,
    Paragraph,
    Table,
    Together,
    WriteLines,
)
from kit.language import OFFICE_TAGS
from kit.writers.docx import elements, fields, section, tables
from kit.writers.docx.base import BaseDocument, prepared_base
from kit.writers.docx.numbering import Restarts
from kit.writers.docx.styles import BLOCK_STYLES, RULE, style_key
from kit.writers.ooxml import normalized_zip, set_core_properties

WRITE_LINE = 390
"""Height of one ruled writing line, in twips (about 0.3 in, room for handwriting)."""

_CORE_TEXT = 255
"""Longest text a core property may hold."""


def write_docx(document: Document, *, brand: Path | None = None, author: str = "") -> bytes:
    """The bytes of a .docx holding the document."""
    base = prepared_base(brand, large_print=document.large_print)
    doc = base.open()
    sect = doc.sections[-1]
    if brand is None and document.kind in ("handout", "notes", "packet"):
        section.set_sheet_page(sect)
    elif brand is None and document.kind == "booklet" and not document.large_print:
        # Folded pages, so that two sit side by side on a sheet printed as a booklet.
        section.set_half_page(sect)
    writer = BodyWriter(doc, base, section.text_width(sect))
    writer.lay_out(document.blocks)
    if _starts_with_cover(document.blocks):
        # The cover carries no page number.
        section.cover_without_page_number(sect)
    church = brand is not None
    section.page_footer(sect, document.footer, base.ids.get("footer"), keep_existing=church)
    set_core_properties(
        doc.core_properties,
        title=document.title[:_CORE_TEXT],
        subject=document.footer[:_CORE_TEXT],
        author=author[:_CORE_TEXT],
    )
    if document.language != "en":
        _spelled_in(doc, OFFICE_TAGS[document.language])
    if writer.has_contents:
        fields.update_fields_on_open(doc.settings.element)
    out = io.BytesIO()
    doc.save(out)
    return normalized_zip(out.getvalue())


def _spelled_in(doc: DocxDocument, tag: str) -> None:
    """Have Word check the document's spelling in `tag`'s language, whatever its styles said."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = styles.makeelement(qn("w:docDefaults"), {})
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = etree.SubElement(defaults, qn("w:rPrDefault"))
        defaults.insert(0, run_defaults)
    rpr = run_defaults.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.SubElement(run_defaults, qn("w:rPr"))
    if rpr.find(qn("w:lang")) is None:
        etree.SubElement(rpr, qn("w:lang"))
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), tag)
    doc.core_properties.language = tag


def _starts_with_cover(blocks: list[Block]) -> bool:
    """True when the first page holds a title and nothing runs on from it."""
    for block in blocks:
        if isinstance(block, PageBreak):
            return False
        if isinstance(block, Paragraph) and block.style == "title":
            return any(isinstance(b, PageBreak) for b in blocks)
    return False


class BodyWriter:
    """Lays blocks into a document's body, carrying page breaks to the next paragraph."""

    def __init__(self, doc: DocxDocument, base: BaseDocument, width: int) -> None:
        self.doc = doc
        self.base = base
        self.ids = base.ids
        self.width = width
        self.body = doc.element.body
        self.restarts: Restarts | None = None
        self.break_next = False
        self.has_contents = False
        self.bookmarks: dict[int, str] = {}
        self.levels = 1
        self.entries: list[tuple[int, str, str]] = []
        self.style_ids: dict[str, str | None] = {}

    def lay_out(self, blocks: list[Block]) -> None:
        """Lay out the body; headings the contents lists get bookmarks to link to."""
        levels = max((b.levels for b in blocks if isinstance(b, Contents)), default=0)
        self.levels = min(max(levels, 1), 3)
        for index, block in enumerate(blocks):
            if isinstance(block, Heading) and block.level <= levels:
                name = f"_Toc{index + 1:08d}"
                self.bookmarks[index] = name
                self.entries.append((block.level, block.text, name))
        # The section's properties stay last: held aside while the body is appended.
        sect_pr = self.body.sectPr
        if sect_pr is not None:
            self.body.remove(sect_pr)
        for index, block in enumerate(blocks):
            self.block(self.body, block, self.width, index)
        if sect_pr is not None:
            self.body.append(sect_pr)

    # -- paragraphs ------------------------------------------------------------

    def style_id(self, style: str) -> str | None:
        """The id of a style by its name; Normal's for a style the document lacks."""
        found = self.style_ids.get(style, "")
        if found == "":
            found = self.ids.get(style_key(style)) or self.ids.get("normal")
            self.style_ids[style] = found
        return found

    def para(
        self,
        where: etree._Element,
        style: str,
        text: str = "",
        *,
        keep_next: bool = False,
        num: tuple[int, int] | None = None,
        align: str | None = None,
    ) -> etree._Element:
        """Append a paragraph in a style; it takes any page break waiting."""
        p = elements.add_paragraph(
            where,
            self.style_id(style),
            keep_next=keep_next,
            page_break=self.break_next,
            num=num,
            align=align,
        )
        self.break_next = False
        if text:
            elements.add_run(p, text)
        return p

    def block(self, where: etree._Element, block: Block, width: int, index: int = -1) -> None:
        """Lay out one block at the end of `where` (the body or a table cell)."""
        if isinstance(block, PageBreak):
            self.break_next = True
        elif isinstance(block, Heading):
            p = self.para(where, f"Heading {min(max(block.level, 1), 3)}", block.text)
            if index in self.bookmarks:
                fields.bookmark(p, self.bookmarks[index], index)
        elif isinstance(block, Paragraph):
            elements.add_runs(self.para(where, BLOCK_STYLES.get(block.style, "Normal")), block.runs)
        elif isinstance(block, ListBlock):
            self.list_items(where, block)
        elif isinstance(block, Table):
            self.table(where, block, width)
        elif isinstance(block, Contents):
            self.contents(where)
        elif isinstance(block, WriteLines):
            self.lines(where, block.count, width)
        elif isinstance(block, Box):
            self.box(where, block, width)
        elif isinstance(block, Together):
            self.together(where, block, width)

    def together(self, where: etree._Element, block: Together, width: int) -> None:
        """Lay out blocks kept on one page: each paragraph keeps with the next but the last."""
        start = len(where)
        for inner in block.blocks:
            self.block(where, inner, width)
        paragraphs = [p for element in where[start:] for p in element.iter(elements.P)]
        for p in paragraphs[:-1]:
            elements.keep_with_next(p)

    def list_items(self, where: etree._Element, block: ListBlock) -> None:
        """Append a list's items; a numbered list starts again at one."""
        style = {"number": "List Number", "check": "Kit Check"}.get(block.kind, "List Bullet")
        num_id = self.base.lists.get(self.ids.get(style_key(style), ""))
        level = max(0, min(getattr(block, "level", 0), 2))
        if num_id is not None and block.kind == "number" and self.base.has_numbering:
            if self.restarts is None:
                self.restarts = Restarts(self.doc.part.numbering_part.element)
            num_id = self.restarts.restart(num_id)
        on_list = num_id is not None and (block.kind == "number" or level)
        num = (num_id, level) if on_list and num_id is not None else None
        for item in block.items:
            elements.add_runs(self.para(where, style, num=num), item)

    def contents(self, where: etree._Element) -> None:
        """Append the table of contents, listing the headings found by `write`."""
        self.has_contents = True
        entry_styles = {n: self.ids.get(f"toc {n}") for n in (1, 2, 3)}
        first = self.para(where, "toc 1")
        fields.contents(where, first, self.entries, entry_styles, self.levels)

    # -- tables ----------------------------------------------------------------

    def table_indent(self, border: int, padding: int) -> int:
        """The table indent that puts a table's left border `border` twips from the margin.

        Word 2013 and later measure a table's indent to its border; documents in an older
        Word's layout (as many church templates are) measure it to the text of the first
        cell, so there the padding is added back.
        """
        return border if self.base.word_2013 else border + padding

    def lead_in(self, where: etree._Element) -> None:
        """Append an empty paragraph to carry a page break waiting for a table."""
        # A page break cannot ride on a table, so it goes on an empty paragraph before it.
        if self.break_next:
            self.para(where, "Kit Write Line")

    def table(self, where: etree._Element, block: Table, width: int) -> None:
        """Append a table with a header row, its text lined up with the text around it."""
        self.lead_in(where)
        side = tables.CELL_SIDE
        accent = self.base.accent
        widths = tables.column_widths(block.rows, width + 2 * side)
        table = tables.new_table(
            widths,
            indent=self.table_indent(-side, side),
            borders=tables.grid_borders(accent, RULE),
            margins=(70, side, 70, side),
        )
        where.append(table)
        numeric = [tables.right_aligned(block.rows, c) for c in range(len(widths))]
        last = len(block.rows) - 1
        for r, row in enumerate(block.rows):
            head = r == 0
            props = tables.header_cell_props(accent) if head else ""
            cells = tables.add_row(table, widths, header=head, cell_props=props)
            style = "Kit Table Head" if head else "Kit Table Text"
            # Short tables stay whole on one page.
            keep = r < last and len(block.rows) <= 12
            for c, cell in enumerate(cells):
                par = self.para(cell, style, keep_next=keep, align="right" if numeric[c] else None)
                if c < len(row):
                    elements.add_runs(par, row[c])

    def box(self, where: etree._Element, block: Box, width: int) -> None:
        """Append a framed, shaded box holding its title and blocks."""
        # A box never starts a page on its own: the paragraph before it goes along.
        if len(where) and where[-1].tag == elements.P:
            elements.keep_with_next(where[-1])
        # A little air between the frame and what comes before it; this also carries a
        # page break, since a table cannot.
        self.para(where, "Kit Spacer")
        side = tables.BOX_SIDE
        table = tables.new_table(
            [width],
            indent=self.table_indent(0, side),
            borders=tables.box_borders(self.base.accent),
            margins=(120, side, 60, side),
        )
        where.append(table)
        (cell,) = tables.add_row(table, [width], cell_props=tables.shade(self.base.fill))
        if block.title:
            self.para(cell, "Kit Box Title", block.title)
        for inner in block.blocks:
            self.block(cell, inner, width - 2 * side)
        if cell[-1].tag != elements.P:
            # A cell must end in a paragraph.
            self.para(cell, "Kit Write Line")
        # A little air after the frame before whatever follows.
        self.para(where, "Kit Write Line")

    def lines(self, where: etree._Element, count: int, width: int) -> None:
        """Append ruled lines to write on, kept together on one page."""
        self.lead_in(where)
        table = tables.new_table(
            [width], indent=0, borders=tables.line_borders(RULE), margins=(0, 0, 0, 0)
        )
        where.append(table)
        for n in range(count):
            (cell,) = tables.add_row(table, [width], height=WRITE_LINE)
            self.para(cell, "Kit Write Line", keep_next=n < count - 1)
