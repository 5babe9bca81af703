"""Write a composed deck as a .pptx with python-pptx."""

from __future__ import annotations

import io
from pathlib import Path

from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.presentation import Presentation as PptxPresentation
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Pt

from kit.compose.blocks import Block, Deck, Heading, ListBlock, Paragraph, Slide, plain
from kit.resources import data_dir
from kit.writers.ooxml import normalized_zip, set_core_properties

BASE_NAME = "base.pptx"
"""Kit's own designed deck template in the templates folder."""

LAYOUTS = {
    "title": ("Title Slide",),
    "section": ("Section Header", "Title Only"),
    "scripture": ("Title Only", "Title and Content"),
    "points": ("Title and Content",),
    "question": ("Title Only", "Title and Content"),
    "couple": ("Section Header", "Title Only"),
    "closing": ("Title Only", "Title Slide"),
}
"""Standard layout names to use for each kind of slide, best first."""

BODY_PT = 24
TITLE_PT = 36


def open_base(brand: Path | None) -> PptxPresentation:
    """The base deck: the church's template, kit's own, or python-pptx's default at 16:9."""
    if brand is not None:
        prs = Presentation(str(brand))
        _drop_slides(prs)
        return prs
    base = data_dir("templates") / BASE_NAME
    if base.is_file():
        return Presentation(str(base))
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    return prs


def write_pptx(deck: Deck, *, brand: Path | None = None, author: str = "") -> bytes:
    """The bytes of a .pptx holding the deck."""
    prs = open_base(brand)
    for slide in deck.slides:
        _slide(prs, slide)
    set_core_properties(prs.core_properties, title=deck.title, subject=deck.footer, author=author)
    out = io.BytesIO()
    prs.save(out)
    return normalized_zip(out.getvalue())


def _layout(prs: PptxPresentation, kind: str):
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    for name in LAYOUTS.get(kind, ("Title and Content",)):
        if name in by_name:
            return by_name[name]
    return prs.slide_layouts[min(1, len(prs.slide_layouts) - 1)]


def _slide(prs: PptxPresentation, slide: Slide) -> PptxSlide:
    out = prs.slides.add_slide(_layout(prs, slide.layout))
    body_frame = None
    for shape in out.placeholders:
        kind = shape.placeholder_format.type
        if shape.placeholder_format.idx == 0 and slide.title:
            shape.text_frame.text = slide.title
            _size(shape.text_frame, TITLE_PT)
        elif body_frame is None and shape.placeholder_format.idx in (1, 13) and kind is not None:
            body_frame = shape.text_frame
    if slide.blocks:
        if body_frame is None:
            margin = Emu(prs.slide_width // 12)
            box = out.shapes.add_textbox(
                margin,
                Emu(prs.slide_height * 3 // 10),
                prs.slide_width - 2 * margin,
                Emu(prs.slide_height * 6 // 10),
            )
            body_frame = box.text_frame
        _fill(body_frame, slide.blocks)
    _remove_empty_placeholders(out)
    if slide.notes:
        out.notes_slide.notes_text_frame.text = notes_text(slide.notes)
    return out


def _fill(frame, blocks: list[Block]) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    first = True
    for block in blocks:
        lines: list[tuple[str, int]] = []
        if isinstance(block, Paragraph):
            lines.append((plain(block.runs), 0))
        elif isinstance(block, ListBlock):
            lines.extend((plain(item), 0) for item in block.items)
        elif isinstance(block, Heading):
            lines.append((block.text, 0))
        for text, level in lines:
            par = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            par.text = text
            par.level = level
            for run in par.runs:
                run.font.size = Pt(BODY_PT)


def _size(frame, points: int) -> None:
    for par in frame.paragraphs:
        for run in par.runs:
            run.font.size = Pt(points)


def notes_text(blocks: list[Block]) -> str:
    """Speaker notes as plain text, list items bulleted."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(plain(block.runs))
        elif isinstance(block, ListBlock):
            for number, item in enumerate(block.items, 1):
                mark = f"{number}. " if block.kind == "number" else "\u2022 "
                out.append(mark + plain(item))
        elif isinstance(block, Heading):
            out.append(block.text)
    return "\n".join(out)


def _remove_empty_placeholders(slide: PptxSlide) -> None:
    for shape in list(slide.placeholders):
        if shape.has_text_frame and not shape.text_frame.text.strip():
            shape._element.getparent().remove(shape._element)


def _drop_slides(prs: PptxPresentation) -> None:
    """Remove a template's own slides; kit keeps only its masters and layouts."""
    ids = prs.slides._sldIdLst
    for sld_id in list(ids):
        prs.part.drop_rel(sld_id.rId)
        ids.remove(sld_id)
