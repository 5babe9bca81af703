"""Write a composed document as a .docx on a prepared base, with lxml."""

from __future__ import annotations

from pathlib import Path

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
    WriteLines,
)
from kit.writers import docx_fields as fields
from kit.writers import docx_tables as tables
from kit.writers import docx_xml as xml
from kit.writers.docx_numbering import restart
from kit.writers.docx_section import Section, page_footer
from kit.writers.docx_styles import BLOCK_STYLES, RULE, style_key
from kit.writers.docx_template import Template, template
from kit.writers.docx_xml import qn
from kit.writers.ooxml import fixed_time

HANDOUT_PAGE = {
    "top": 760,
    "bottom": 760,
    "left": 1080,
    "right": 1080,
    "header": 400,
    "footer": 400,
}
"""Handouts use more of the sheet (twips), so a week fits on one sheet printed both sides."""

WRITE_LINE = 390
"""Height of one ruled writing line, in twips (about 0.3 in, room for handwriting)."""

_CORE_TEXT = 255
"""Longest text a core property may hold."""


def write_docx(document: Document, *, brand: Path | None = None, author: str = "") -> bytes:
    """The bytes of a .docx holding the document."""
    base = template(brand)
    package = base.package()
    section = Section(package, base.document)
    if brand is None and document.kind == "handout":
        section.set_margins(HANDOUT_PAGE)
    numbering = package.part(base.numbering) if base.numbering else None
    writer = _Writer(base, section.sect_pr.getparent(), numbering, section.text_width())
    writer.write(document.blocks)
    if _starts_with_cover(document.blocks) and not section.title_page:
        # The cover carries no page number: its own footer, left empty.
        section.set_title_page()
        section.footer("first")
    page_footer(section, document.footer, base.ids.get("footer"), keep_existing=brand is not None)
    _core_properties(package.part(base.core), document.title, document.footer, author)
    if writer.has_contents:
        fields.update_fields_on_open(package.part(base.settings))
    return package.to_bytes()


def _core_properties(core: etree._Element, title: str, subject: str, author: str) -> None:
    """Fill the core properties with stable values (every one is in a prepared base)."""
    when = fixed_time().strftime("%Y-%m-%dT%H:%M:%SZ")
    values = {
        "dc:title": title,
        "dc:subject": subject,
        "dc:creator": author,
        "cp:lastModifiedBy": author,
        "dcterms:created": when,
        "dcterms:modified": when,
        "cp:lastPrinted": when,
        "cp:revision": "1",
        "cp:keywords": "",
        "dc:description": "",
        "cp:category": "",
    }
    for tag, value in values.items():
        element = core.find(qn(tag))
        if element is None:
            element = etree.SubElement(core, qn(tag))
        element.text = value[:_CORE_TEXT]


def _starts_with_cover(blocks: list[Block]) -> bool:
    """True when the first page holds a title and nothing runs on from it."""
    for block in blocks:
        if isinstance(block, PageBreak):
            return False
        if isinstance(block, Paragraph) and block.style == "title":
            return any(isinstance(b, PageBreak) for b in blocks)
    return False


class _Writer:
    """Lays blocks into a document, carrying page breaks to the next paragraph."""

    def __init__(
        self,
        base: Template,
        body: etree._Element,
        numbering: etree._Element | None,
        width: int,
    ) -> None:
        self.ids = base.ids
        self.body = body
        self.numbering = numbering
        self.width = width
        self.break_next = False
        self.has_contents = False
        self.bookmarks: dict[int, str] = {}
        self.style_lists = base.lists
        self.accent = base.accent
        self.levels = 1
        self.entries: list[tuple[int, str, str]] = []
        self.word_2013 = base.word_2013
        self.style_ids: dict[str, str | None] = {}

    def write(self, blocks: list[Block]) -> None:
        """Lay out the body; headings the contents lists get bookmarks to link to."""
        levels = max((b.levels for b in blocks if isinstance(b, Contents)), default=0)
        self.levels = min(max(levels, 1), 3)
        for index, block in enumerate(blocks):
            if isinstance(block, Heading) and block.level <= levels:
                name = f"_Toc{index + 1:08d}"
                self.bookmarks[index] = name
                self.entries.append((block.level, block.text, name))
        # The section's properties stay last: held aside while the body is appended.
        sect_pr = self.body[-1] if len(self.body) and self.body[-1].tag == xml.SECT_PR else None
        if sect_pr is not None:
            self.body.remove(sect_pr)
        for index, block in enumerate(blocks):
            self.block(self.body, block, self.width, index)
        if sect_pr is not None:
            self.body.append(sect_pr)

    # -- paragraphs ------------------------------------------------------------

    def _style_id(self, style: str) -> str | None:
        found = self.style_ids.get(style, "")
        if found == "":
            found = self.ids.get(style_key(style)) or self.ids.get("normal")
            self.style_ids[style] = found
        return found

    def _para(
        self,
        where: etree._Element,
        style: str,
        text: str = "",
        *,
        keep_next: bool = False,
        num: tuple[int, int] | None = None,
        align: str | None = None,
    ) -> etree._Element:
        p = xml.paragraph(
            where,
            self._style_id(style),
            keep_next=keep_next,
            page_break=self.break_next,
            num=num,
            align=align,
        )
        self.break_next = False
        if text:
            xml.run(p, text)
        return p

    def block(self, where: etree._Element, block: Block, width: int, index: int = -1) -> None:
        if isinstance(block, PageBreak):
            self.break_next = True
        elif isinstance(block, Heading):
            p = self._para(where, f"Heading {min(max(block.level, 1), 3)}", block.text)
            if index in self.bookmarks:
                fields.bookmark(p, self.bookmarks[index], index)
        elif isinstance(block, Paragraph):
            xml.runs(self._para(where, BLOCK_STYLES.get(block.style, "Normal")), block.runs)
        elif isinstance(block, ListBlock):
            self._list(where, block)
        elif isinstance(block, Table):
            self._table(where, block, width)
        elif isinstance(block, Contents):
            self._contents(where)
        elif isinstance(block, WriteLines):
            self._lines(where, block.count, width)
        elif isinstance(block, Box):
            self._box(where, block, width)

    def _list(self, where: etree._Element, block: ListBlock) -> None:
        style = {"number": "List Number", "check": "Kit Check"}.get(block.kind, "List Bullet")
        num_id = self.style_lists.get(self.ids.get(style_key(style), ""))
        level = max(0, min(getattr(block, "level", 0), 2))
        if num_id is not None and block.kind == "number" and self.numbering is not None:
            num_id = restart(self.numbering, num_id)
        on_list = num_id is not None and (block.kind == "number" or level)
        num = (num_id, level) if on_list and num_id is not None else None
        for item in block.items:
            xml.runs(self._para(where, style, num=num), item)

    def _contents(self, where: etree._Element) -> None:
        self.has_contents = True
        entry_styles = {n: self.ids.get(f"toc {n}") for n in (1, 2, 3)}
        first = self._para(where, "toc 1")
        fields.contents(where, first, self.entries, entry_styles, self.levels)

    # -- tables ----------------------------------------------------------------

    def _indent(self, border: int, padding: int) -> int:
        """The table indent that puts a table's left border `border` twips from the margin.

        Word 2013 and later measure a table's indent to its border; documents in an older
        Word's layout (as many church templates are) measure it to the text of the first
        cell, so there the padding is added back.
        """
        return border if self.word_2013 else border + padding

    def _lead_in(self, where: etree._Element) -> None:
        # A page break cannot ride on a table, so it goes on an empty paragraph before it.
        if self.break_next:
            self._para(where, "Kit Write Line")

    def _table(self, where: etree._Element, block: Table, width: int) -> None:
        self._lead_in(where)
        side = tables.CELL_SIDE
        widths = tables.column_widths(block.rows, width + 2 * side)
        table = tables.table_element(
            widths,
            indent=self._indent(-side, side),
            borders=tables.grid_borders(self.accent, RULE),
            margins=(70, side, 70, side),
        )
        where.append(table)
        numeric = [tables.right_aligned(block.rows, c) for c in range(len(widths))]
        last = len(block.rows) - 1
        for r, row in enumerate(block.rows):
            head = r == 0
            props = tables.header_cell_props(self.accent) if head else ""
            cells = tables.add_row(table, widths, header=head, cell_props=props)
            style = "Kit Table Head" if head else "Kit Table Text"
            # Short tables stay whole on one page.
            keep = r < last and len(block.rows) <= 12
            for c, cell in enumerate(cells):
                par = self._para(cell, style, keep_next=keep, align="right" if numeric[c] else None)
                if c < len(row):
                    xml.runs(par, row[c])

    def _box(self, where: etree._Element, block: Box, width: int) -> None:
        # A little air between the frame and what comes before it; this also carries a
        # page break, since a table cannot.
        self._para(where, "Kit Spacer")
        side = tables.BOX_SIDE
        table = tables.table_element(
            [width],
            indent=self._indent(0, side),
            borders=tables.box_borders(self.accent),
            margins=(120, side, 60, side),
        )
        where.append(table)
        (cell,) = tables.add_row(table, [width], cell_props=tables.shade("F4F7F8"))
        if block.title:
            self._para(cell, "Kit Box Title", block.title)
        for inner in block.blocks:
            self.block(cell, inner, width - 2 * side)
        if not len(cell) or cell[-1].tag != xml.P:
            self._para(cell, "Kit Write Line")
        # A little air after the frame before whatever follows.
        self._para(where, "Kit Write Line")

    def _lines(self, where: etree._Element, count: int, width: int) -> None:
        self._lead_in(where)
        table = tables.table_element(
            [width], indent=0, borders=tables.line_borders(RULE), margins=(0, 0, 0, 0)
        )
        where.append(table)
        for n in range(count):
            (cell,) = tables.add_row(table, [width], height=WRITE_LINE)
            self._para(cell, "Kit Write Line", keep_next=n < count - 1)
