"""Write a composed document as a .docx with python-docx."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from kit.compose.blocks import (
    Block,
    Box,
    Contents,
    Document,
    Heading,
    Inline,
    ListBlock,
    PageBreak,
    Paragraph,
    Table,
    WriteLines,
)
from kit.resources import data_dir
from kit.writers.docx_styles import BLOCK_STYLES, ensure_styles
from kit.writers.ooxml import normalized_zip, set_core_properties

BASE_NAME = "base.docx"
"""Kit's own designed base document in the templates folder."""

Container = DocxDocument | _Cell


def open_base(brand: Path | None) -> DocxDocument:
    """The base document: the church's template, kit's own, or python-docx's default."""
    if brand is not None:
        doc = docx.Document(str(brand))
        body = doc.element.body
        # Keep the template's styles, page setup, header and footer, not its text.
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        return doc
    base = data_dir("templates") / BASE_NAME
    return docx.Document(str(base)) if base.is_file() else docx.Document()


def write_docx(document: Document, *, brand: Path | None = None, author: str = "") -> bytes:
    """The bytes of a .docx holding the document."""
    doc = open_base(brand)
    ensure_styles(doc)
    writer = _Writer(doc)
    for block in document.blocks:
        writer.block(doc, block)
    _footer(doc, document.footer, keep_existing=brand is not None)
    set_core_properties(
        doc.core_properties, title=document.title, subject=document.footer, author=author
    )
    if any(isinstance(b, Contents) for b in document.blocks):
        _update_fields_on_open(doc)
    out = io.BytesIO()
    doc.save(out)
    return normalized_zip(out.getvalue())


class _Writer:
    """Lays blocks into a document, carrying page breaks to the next paragraph."""

    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc
        self.break_next = False
        # python-docx looks styles up by scanning them all; look each one up once.
        self.style_ids = {s.name: s.style_id for s in doc.styles}

    def block(self, where: Container, block: Block) -> None:
        if isinstance(block, PageBreak):
            self.break_next = True
        elif isinstance(block, Heading):
            self._para(where, block.text, f"Heading {block.level}")
        elif isinstance(block, Paragraph):
            par = self._para(where, "", BLOCK_STYLES.get(block.style, "Normal"))
            _runs(par, block.runs)
        elif isinstance(block, ListBlock):
            self._list(where, block)
        elif isinstance(block, Table):
            self._table(where, block)
        elif isinstance(block, Contents):
            par = self._para(where, "", "Normal")
            _field(par, 'TOC \\o "1-2" \\h \\z \\u', "Open in Word to see the contents.")
        elif isinstance(block, WriteLines):
            for _ in range(block.count):
                par = self._para(where, "", "Kit Write Line")
                _bottom_border(par)
        elif isinstance(block, Box):
            self._box(where, block)

    def _para(self, where: Container, text: str, style: str) -> DocxParagraph:
        par = where.add_paragraph(text)
        par._p.style = self.style_ids.get(style)
        if self.break_next:
            par.paragraph_format.page_break_before = True
            self.break_next = False
        return par

    def _style(self, name: str) -> str:
        return name if name in self.style_ids else "Normal"

    def _list(self, where: Container, block: ListBlock) -> None:
        if block.kind == "check":
            for item in block.items:
                par = self._para(where, "\u2610\u2002", "Kit Check")
                _runs(par, item)
            return
        style = "List Number" if block.kind == "number" else "List Bullet"
        num_id = _restart_numbering(self.doc, style) if block.kind == "number" else None
        for item in block.items:
            par = self._para(where, "", style)
            _runs(par, item)
            if num_id is not None:
                num_pr = par._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id

    def _table(self, where: Container, block: Table) -> None:
        width = max(len(r) for r in block.rows)
        table = where.add_table(rows=0, cols=width)
        table.style = self._table_style()
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        for index, row in enumerate(block.rows):
            cells = table.add_row().cells
            tr = table.rows[-1]._tr
            tr_pr = tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
            if index == 0:
                tr_pr.append(OxmlElement("w:tblHeader"))
            for cell, runs in zip(cells, row, strict=False):
                par = cell.paragraphs[0]
                _runs(par, runs, bold=index == 0 or None)
        if self.break_next:
            self._para(where, "", "Normal")

    def _table_style(self) -> str | None:
        for name in ("Kit Table", "Table Grid"):
            if name in self.style_ids:
                return name
        return None

    def _box(self, where: Container, block: Box) -> None:
        table = where.add_table(rows=1, cols=1)
        table.style = self._table_style()
        cell = table.rows[0].cells[0]
        _shade(cell, "F2F2F2")
        first = cell.paragraphs[0]
        if block.title:
            first.style = self._style("Kit Box Title")
            first.add_run(block.title)
        for inner in block.blocks:
            self.block(cell, inner)
        where.add_paragraph("", style=self._style("Kit Small"))


def _runs(par: DocxParagraph, runs: Inline, *, bold: bool | None = None) -> None:
    for run in runs:
        out = par.add_run(run.text)
        if run.bold or bold:
            out.bold = True
        if run.italic:
            out.italic = True


def _field(par: DocxParagraph, instruction: str, placeholder: str) -> None:
    """Append a complex field (TOC, PAGE) with text shown until it is updated."""

    def fld(kind: str) -> None:
        run = par.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            el.set(qn("w:dirty"), "true")
        run._r.append(el)

    fld("begin")
    instr = par.add_run()._r
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    instr.append(text)
    fld("separate")
    par.add_run(placeholder)
    fld("end")


def _footer(doc: DocxDocument, text: str, *, keep_existing: bool) -> None:
    for section in doc.sections:
        footer = section.footer
        if keep_existing and any(p.text.strip() for p in footer.paragraphs):
            continue
        footer.is_linked_to_previous = False
        par = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        par.text = ""
        par.style = doc.styles["Footer"] if "Footer" in doc.styles else None
        run = par.add_run(text)
        run.font.size = Pt(9)
        par.add_run("\t")
        _field(par, "PAGE", "1")


def _update_fields_on_open(doc: DocxDocument) -> None:
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        el = OxmlElement("w:updateFields")
        el.set(qn("w:val"), "true")
        settings.append(el)


def _restart_numbering(doc: DocxDocument, style_name: str) -> int | None:
    """A new numbering instance for one list, so each numbered list starts at 1."""
    style = doc.styles[style_name] if style_name in doc.styles else None
    ppr = style.element.pPr if style is not None else None
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None
    numbering = doc.part.numbering_part.element
    current = numbering.num_having_numId(ppr.numPr.numId.val)
    num = numbering.add_num(current.abstractNumId.val)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def _bottom_border(par: DocxParagraph) -> None:
    ppr = par._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "A6A6A6")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    ppr.append(borders)


def _shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)
