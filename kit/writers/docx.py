"""Write a composed document as a .docx with python-docx."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Twips
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
from kit.resources import data_dir
from kit.writers import docx_fields as fields
from kit.writers import docx_tables as tables
from kit.writers import docx_xml as xml
from kit.writers.docx_numbering import restart, style_num_id
from kit.writers.docx_styles import (
    ACCENT,
    BLOCK_STYLES,
    RULE,
    Look,
    ensure_styles,
    style_key,
)
from kit.writers.ooxml import normalized_zip, set_core_properties

BASE_NAME = "base.docx"
"""Kit's own designed base document in the templates folder."""

HANDOUT_PAGE = {
    "top_margin": 760,
    "bottom_margin": 760,
    "left_margin": 1080,
    "right_margin": 1080,
    "header_distance": 400,
    "footer_distance": 400,
}
"""Handouts use more of the sheet (twips), so a week fits on one sheet printed both sides."""

WRITE_LINE = 390
"""Height of one ruled writing line, in twips (about 0.3 in, room for handwriting)."""

_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def open_base(brand: Path | None) -> DocxDocument:
    """The base document: the church's template without its text, or kit's own."""
    if brand is None:
        return docx.Document(str(data_dir("templates") / BASE_NAME))
    doc = docx.Document(str(brand))
    body = doc.element.body
    # Keep the template's styles, page setup, header and footer, not its text.
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    # A copy of the styles kept for Word 2010; styles added here would be missing from it,
    # which newer Word reads as damage. Word rebuilds it when it needs it.
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            doc.part.drop_rel(rel_id)
    _complete(doc)
    return doc


def _complete(doc: DocxDocument) -> None:
    """Give a template made outside Word the font table and theme Word expects of a file."""
    have = {rel.reltype for rel in doc.part.rels.values()}
    missing = [kind for kind in (RT.FONT_TABLE, RT.THEME) if kind not in have]
    if not missing:
        return
    base = docx.Document(str(data_dir("templates") / BASE_NAME))
    package = doc.part.package
    taken = {part.partname for part in package.iter_parts()}
    for kind in missing:
        source = base.part.part_related_by(kind)
        name = source.partname
        if name in taken:
            name = package.next_partname(name.replace(".xml", "%d.xml"))
        part = Part(PackURI(name), source.content_type, source.blob, package)
        doc.part.relate_to(part, kind)


def write_docx(document: Document, *, brand: Path | None = None, author: str = "") -> bytes:
    """The bytes of a .docx holding the document."""
    doc = open_base(brand)
    ids = ensure_styles(doc)
    section = doc.sections[-1]
    if brand is None and document.kind == "handout":
        for name, value in HANDOUT_PAGE.items():
            setattr(section, name, Twips(value))
    writer = _Writer(doc, ids, fields.text_width(section))
    writer.write(document.blocks)
    if _starts_with_cover(document.blocks) and not section.different_first_page_header_footer:
        # The cover carries no page number: its own footer, left empty.
        section.different_first_page_header_footer = True
        section.first_page_footer.is_linked_to_previous = False
    fields.page_footer(section, document.footer, ids.get("footer"), keep_existing=brand is not None)
    set_core_properties(
        doc.core_properties, title=document.title, subject=document.footer, author=author
    )
    if writer.has_contents:
        fields.update_fields_on_open(doc)
    out = io.BytesIO()
    doc.save(out)
    return normalized_zip(out.getvalue())


def _compat_mode(doc: DocxDocument) -> int:
    """The Word version whose layout the document asks for (15 = Word 2013 and later)."""
    for setting in doc.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            value = setting.get(qn("w:val")) or ""
            return int(value) if value.isdigit() else 0
    return 0


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

    def __init__(self, doc: DocxDocument, ids: dict[str, str], width: int) -> None:
        self.doc = doc
        self.ids = ids
        self.width = width
        self.body = doc.element.body
        self.break_next = False
        self.has_contents = False
        self.bookmarks: dict[int, str] = {}
        self.style_lists: dict[str, int | None] = {}
        accent = Look.of(doc.styles.element).accent.get(qn("w:val"))
        # Borders take a plain colour value; a theme colour without one falls back to kit's.
        self.accent = accent if re.fullmatch(r"[0-9A-Fa-f]{6}", accent or "") else ACCENT
        self.levels = 1
        self.entries: list[tuple[int, str, str]] = []
        self.word_2013 = _compat_mode(doc) >= 15
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
        sid = self.ids.get(style_key(style), "")
        if sid not in self.style_lists:
            self.style_lists[sid] = style_num_id(self.doc, sid)
        num_id = self.style_lists[sid]
        level = max(0, min(getattr(block, "level", 0), 2))
        if num_id is not None and block.kind == "number":
            num_id = restart(self.doc, num_id)
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
