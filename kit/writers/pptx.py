"""Write a composed deck as a .pptx: its template, text fitted to each box, notes on every slide."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from lxml import etree
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.presentation import Presentation as PptxPresentation
from pptx.slide import Slide as PptxSlide
from pptx.slide import SlideLayout
from pptx.util import Emu

from kit.compose.blocks import Block, Deck, Heading, ListBlock, Paragraph, Run, Table
from kit.compose.blocks import Slide as ComposedSlide
from kit.writers.ooxml import normalized_zip, set_core_properties
from kit.writers.pptx_fit import Page, Text, badness, plan
from kit.writers.pptx_layouts import Box, Frames, candidate_layouts, frames, load_template
from kit.writers.pptx_layouts import template_problems as template_problems

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
EMU_PER_PT = 12700
CONTINUED_NOTE = "Continued from the previous slide."
LANG = "en-US"


def write_pptx(deck: Deck, *, brand: Path | None = None, author: str = "") -> bytes:
    """The bytes of a .pptx holding the deck; `brand` is the church's template, if any."""
    template = load_template(brand)
    prs = template.open()
    boxes: dict[int, Frames] = {}
    for slide in deck.slides:
        # The first layout whose boxes hold the slide whole wins; else the one that
        # needs the fewest continuation slides.
        best: tuple[tuple, SlideLayout, list[Page]] | None = None
        candidates = candidate_layouts(prs, slide.layout)
        # Kit's own template has a layout designed for each kind: always use it.
        for layout in candidates[:1] if template.own else candidates:
            key = id(layout.part)
            if key not in boxes:
                boxes[key] = frames(prs, layout)
            pages = plan(slide, boxes[key])
            score = badness(pages)
            if best is None or score[:2] < best[0][:2]:
                best = (score, layout, pages)
            if score[:2] == (1, 0):
                break
        assert best is not None
        for page in best[2]:
            _write_page(prs, best[1], page, slide, boxes[id(best[1].part)])
    set_core_properties(prs.core_properties, title=deck.title, subject=deck.footer, author=author)
    out = io.BytesIO()
    prs.save(out)
    return normalized_zip(out.getvalue())


def _write_page(
    prs: PptxPresentation, layout: SlideLayout, page: Page, slide: ComposedSlide, laid: Frames
) -> PptxSlide:
    out = prs.slides.add_slide(layout)
    boxes = page.frames
    by_idx = {ph.placeholder_format.idx: ph for ph in out.placeholders}
    if page.title:
        title_para = Text((Run(page.title),), "title", page.title_size)
        _fill(out, by_idx, boxes.title, [title_para], line=90, moved=boxes.title != laid.title)
    _fill(out, by_idx, boxes.body, page.body, moved=boxes.body != laid.body)
    if boxes.kicker is not None:
        _fill(out, by_idx, boxes.kicker, page.kicker)
    if boxes.caption is not None:
        _fill(out, by_idx, boxes.caption, page.caption)
    for shape in list(out.placeholders):
        if shape.has_text_frame and not shape.text_frame.text.strip():
            shape._element.getparent().remove(shape._element)
    notes = out.notes_slide.notes_text_frame
    _write_notes(notes, slide.notes, continued=page.part > 1)
    return out


def _fill(
    out: PptxSlide,
    by_idx: dict,
    box: Box,
    texts: Sequence[Text],
    line: int = 100,
    moved: bool = False,
) -> None:
    if not texts:
        return
    shape = by_idx.get(box.idx) if box.idx is not None else None
    if shape is None:
        shape = out.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
        shape.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    elif moved:
        # The fitter moved this box (a long title taking room from the body).
        shape.left, shape.top, shape.width, shape.height = _where(box)
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    body = frame._txBody
    for p in body.findall(f"{{{_A}}}p"):
        body.remove(p)
    first_number = True
    for i, text in enumerate(texts):
        body.append(_paragraph(text, first=i == 0, line=line, restart=first_number))
        if text.bullet == "number" and not text.continued:
            first_number = False


def _where(box: Box) -> tuple[Emu, Emu, Emu, Emu]:
    return Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{_A}}}{tag}", attrs)


def _paragraph(text: Text, *, first: bool, line: int, restart: bool) -> etree._Element:
    p = etree.Element(f"{{{_A}}}p")
    indent = round(text.indent * EMU_PER_PT)
    ppr = _sub(p, "pPr", marL=str(indent), indent=str(-indent if text.bullet else 0))
    _sub(_sub(ppr, "lnSpc"), "spcPct", val=str(line * 1000))
    before = 0 if first else round(text.before * 100)
    _sub(_sub(ppr, "spcBef"), "spcPts", val=str(before))
    if text.bullet and not text.continued:
        _sub(_sub(ppr, "buClr"), "schemeClr", val="accent1")
        if text.bullet == "number":
            _sub(ppr, "buFont", typeface="+mj-lt")
            auto = _sub(ppr, "buAutoNum", type="arabicPeriod")
            if restart:
                auto.set("startAt", str(text.number))
        else:
            _sub(ppr, "buFont", typeface="Arial")
            _sub(ppr, "buChar", char="\u2022")
    else:
        _sub(ppr, "buNone")
    size = str(round(text.size * 100))
    for run in text.runs:
        r = _sub(p, "r")
        rpr = _sub(r, "rPr", lang=LANG, sz=size, dirty="0")
        if run.bold or text.caps:
            rpr.set("b", "1")
        if run.italic:
            rpr.set("i", "1")
        if text.caps:
            rpr.set("cap", "all")
            rpr.set("spc", "150")
        _sub(r, "t").text = run.text
    _sub(p, "endParaRPr", lang=LANG, sz=size, dirty="0")
    return p


def _write_notes(frame, blocks: Sequence[Block], *, continued: bool) -> None:
    """Speaker notes: paragraphs with their emphasis, list items marked."""
    lines: list[tuple[Run, ...]] = []
    if continued:
        lines.append((Run(CONTINUED_NOTE, italic=True),))
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(block.runs)
        elif isinstance(block, ListBlock):
            for number, item in enumerate(block.items, 1):
                mark = f"{number}. " if block.kind == "number" else "\u2022 "
                lines.append((Run(mark), *item))
        elif isinstance(block, Heading):
            lines.append((Run(block.text, bold=True),))
        elif isinstance(block, Table):
            lines.extend(tuple(r for cell in row for r in (*cell, Run("  "))) for row in block.rows)
    body = frame._txBody
    for p in body.findall(f"{{{_A}}}p"):
        body.remove(p)
    for runs in lines or [(Run(""),)]:
        p = _sub(body, "p")
        for run in runs:
            r = _sub(p, "r")
            rpr = _sub(r, "rPr", lang=LANG, dirty="0")
            if run.bold:
                rpr.set("b", "1")
            if run.italic:
                rpr.set("i", "1")
            _sub(r, "t").text = run.text
