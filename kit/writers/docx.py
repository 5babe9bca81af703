"""Write a composed document as a .docx: its body laid out as markup on a prepared base."""

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
from kit.writers.docx_numbering import Restarts
from kit.writers.docx_package import Package
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
    writer = _Writer(base, package, section.text_width())
    writer.write(document.blocks)
    if _starts_with_cover(document.blocks) and not section.title_page:
        # The cover carries no page number: its own footer, left empty.
        section.set_title_page()
        section.footer("first")
    page_footer(section, document.footer, base.ids.get("footer"), keep_existing=brand is not None)
    _core_properties(package.part(base.core), document.title, document.footer, author)
    if writer.has_contents:
        fields.update_fields_on_open(package.part(base.settings))
    _put_body(package, base.document, section.sect_pr, "".join(writer.out))
    return package.to_bytes()


_MARK = "kit-body"


def _put_body(package: Package, name: str, sect_pr: etree._Element, body: str) -> None:
    """Put the body's markup into the document part, before the section's properties."""
    marker = etree.Comment(_MARK)
    sect_pr.addprevious(marker)
    if marker.getparent().nsmap.get("w") == xml.W_NS:
        head, found, tail = xml.serialize(package.part(name)).partition(f"<!--{_MARK}-->".encode())
        if found:
            package.put(name, head + body.encode() + tail)
            return
    # The document names WordprocessingML with another prefix: lxml translates the markup.
    marker.getparent().remove(marker)
    for child in list(xml.parse(f"<w:body {xml.nsdecls('w')}>{body}</w:body>")):
        sect_pr.addprevious(child)


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
    """Lays blocks out as body markup, carrying page breaks to the next paragraph."""

    def __init__(self, base: Template, package: Package, width: int) -> None:
        self.ids = base.ids
        self.package = package
        self.numbering = base.numbering
        self.restarts: Restarts | None = None
        self.width = width
        self.out: list[str] = []
        self.last = ""
        """What the last thing written inside the current container was: p or tbl."""
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
        for index, block in enumerate(blocks):
            self.block(block, self.width, index)

    # -- paragraphs ------------------------------------------------------------

    def _style_id(self, style: str) -> str | None:
        found = self.style_ids.get(style, "")
        if found == "":
            found = self.ids.get(style_key(style)) or self.ids.get("normal")
            self.style_ids[style] = found
        return found

    def _start(
        self,
        style: str,
        *,
        keep_next: bool = False,
        num: tuple[int, int] | None = None,
        align: str | None = None,
    ) -> str:
        """The start of a paragraph in a style; it takes any page break waiting."""
        start = xml.paragraph(
            self._style_id(style),
            keep_next=keep_next,
            page_break=self.break_next,
            num=num,
            align=align,
        )
        self.break_next = False
        self.last = "p"
        return start

    def _para(self, style: str, runs: str = "", **props: object) -> None:
        self.out.append(f"{self._start(style, **props)}{runs}</w:p>")  # type: ignore[arg-type]

    def block(self, block: Block, width: int, index: int = -1) -> None:
        if isinstance(block, PageBreak):
            self.break_next = True
        elif isinstance(block, Heading):
            style = f"Heading {min(max(block.level, 1), 3)}"
            runs = xml.run(block.text) if block.text else ""
            if index in self.bookmarks:
                start = self._start(style)
                self.out.append(fields.bookmarked(start, runs, self.bookmarks[index], index))
            else:
                self._para(style, runs)
        elif isinstance(block, Paragraph):
            self._para(BLOCK_STYLES.get(block.style, "Normal"), xml.runs(block.runs))
        elif isinstance(block, ListBlock):
            self._list(block)
        elif isinstance(block, Table):
            self._table(block, width)
        elif isinstance(block, Contents):
            self._contents()
        elif isinstance(block, WriteLines):
            self._lines(block.count, width)
        elif isinstance(block, Box):
            self._box(block, width)

    def _list(self, block: ListBlock) -> None:
        style = {"number": "List Number", "check": "Kit Check"}.get(block.kind, "List Bullet")
        num_id = self.style_lists.get(self.ids.get(style_key(style), ""))
        level = max(0, min(getattr(block, "level", 0), 2))
        if num_id is not None and block.kind == "number" and self.numbering:
            if self.restarts is None:
                self.restarts = Restarts(self.package.part(self.numbering))
            num_id = self.restarts.restart(num_id)
        on_list = num_id is not None and (block.kind == "number" or level)
        num = (num_id, level) if on_list and num_id is not None else None
        for item in block.items:
            self._para(style, xml.runs(item), num=num)

    def _contents(self) -> None:
        self.has_contents = True
        entry_styles = {n: self.ids.get(f"toc {n}") for n in (1, 2, 3)}
        first = self._start("toc 1")
        self.out.append(fields.contents(first, self.entries, entry_styles, self.levels))

    # -- tables ----------------------------------------------------------------

    def _indent(self, border: int, padding: int) -> int:
        """The table indent that puts a table's left border `border` twips from the margin.

        Word 2013 and later measure a table's indent to its border; documents in an older
        Word's layout (as many church templates are) measure it to the text of the first
        cell, so there the padding is added back.
        """
        return border if self.word_2013 else border + padding

    def _lead_in(self) -> None:
        # A page break cannot ride on a table, so it goes on an empty paragraph before it.
        if self.break_next:
            self._para("Kit Write Line")

    def _table(self, block: Table, width: int) -> None:
        self._lead_in()
        side = tables.CELL_SIDE
        widths = tables.column_widths(block.rows, width + 2 * side)
        self.out.append(
            tables.table_start(
                widths,
                indent=self._indent(-side, side),
                borders=tables.grid_borders(self.accent, RULE),
                margins=(70, side, 70, side),
            )
        )
        numeric = [tables.right_aligned(block.rows, c) for c in range(len(widths))]
        last = len(block.rows) - 1
        for r, row in enumerate(block.rows):
            head = r == 0
            props = tables.header_cell_props(self.accent) if head else ""
            self.out.append(tables.row_start(header=head))
            style = "Kit Table Head" if head else "Kit Table Text"
            # Short tables stay whole on one page.
            keep = r < last and len(block.rows) <= 12
            for c, cell_width in enumerate(widths):
                self.out.append(tables.cell_start(cell_width, props))
                runs = xml.runs(row[c]) if c < len(row) else ""
                self._para(style, runs, keep_next=keep, align="right" if numeric[c] else None)
                self.out.append("</w:tc>")
            self.out.append("</w:tr>")
        self.out.append("</w:tbl>")
        self.last = "tbl"

    def _box(self, block: Box, width: int) -> None:
        # A little air between the frame and what comes before it; this also carries a
        # page break, since a table cannot.
        self._para("Kit Spacer")
        side = tables.BOX_SIDE
        self.out.append(
            tables.table_start(
                [width],
                indent=self._indent(0, side),
                borders=tables.box_borders(self.accent),
                margins=(120, side, 60, side),
            )
        )
        self.out.append(tables.row_start())
        self.out.append(tables.cell_start(width, tables.shade("F4F7F8")))
        self.last = ""
        if block.title:
            self._para("Kit Box Title", xml.run(block.title))
        for inner in block.blocks:
            self.block(inner, width - 2 * side)
        if self.last != "p":
            self._para("Kit Write Line")
        self.out.append("</w:tc></w:tr></w:tbl>")
        # A little air after the frame before whatever follows.
        self._para("Kit Write Line")

    def _lines(self, count: int, width: int) -> None:
        self._lead_in()
        self.out.append(
            tables.table_start(
                [width], indent=0, borders=tables.line_borders(RULE), margins=(0, 0, 0, 0)
            )
        )
        for n in range(count):
            self.out.append(tables.row_start(height=WRITE_LINE))
            self.out.append(tables.cell_start(width))
            self._para("Kit Write Line", keep_next=n < count - 1)
            self.out.append("</w:tc></w:tr>")
        self.out.append("</w:tbl>")
        self.last = "tbl"
