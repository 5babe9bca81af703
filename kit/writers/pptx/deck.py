"""Write a composed deck as a .pptx: its template, text fitted to each box, notes on every slide.

Writing needs only lxml: the template comes made ready (pptx_prototype), and the few
shapes kit changes are changed as python-pptx would change them, so the bytes match.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from kit.compose.blocks import Block, Deck, Heading, ListBlock, Paragraph, Run, Table
from kit.compose.blocks import Slide as ComposedSlide
from kit.layout.areas import EMU_PER_PT
from kit.layout.areas import TextArea as Box
from kit.layout.paragraphs import Text
from kit.layout.planner import PlannedSlide as Planned
from kit.layout.planner import badness, plan
from kit.writers.pptx_prototype import Layout, Page, Prototype, prototype
from kit.writers.pptx_template import load_template

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_T = f"{{{_A}}}t"
_TX_BODY = f"{{{_P}}}txBody"
_SP_PR = f"{{{_P}}}spPr"
_EXT_LST = f"{{{_P}}}extLst"
_SP_TREE = f"{{{_P}}}cSld/{{{_P}}}spTree"
CONTINUED_NOTE = "Continued from the previous slide."
LANG = "en-US"


def write_pptx(deck: Deck, *, brand: Path | None = None, author: str = "") -> bytes:
    """The bytes of a .pptx holding the deck; `brand` is the church's template, if any."""
    proto = prototype(load_template(brand))
    pages: list[Page] = []
    for slide in deck.slides:
        # The first layout whose boxes hold the slide whole wins; else the one that
        # needs the fewest continuation slides.
        best: tuple[tuple, Layout, list[Planned]] | None = None
        for layout in proto.choices(slide.layout):
            planned = plan(slide, layout.frames)
            score = badness(planned)
            if best is None or score[:2] < best[0][:2]:
                best = (score, layout, planned)
            if score[:2] == (1, 0):
                break
        assert best is not None
        pages.extend(_write_page(proto, best[1], part, slide) for part in best[2])
    return proto.package(pages, title=deck.title, subject=deck.footer, author=author)


def _write_page(proto: Prototype, layout: Layout, page: Planned, slide: ComposedSlide) -> Page:
    out = proto.new_slide(layout)
    tree = out.find(_SP_TREE)
    placeholders = [tree[i] for i, _ in layout.placeholders]
    by_idx = {idx: tree[i] for i, idx in layout.placeholders}
    boxes, laid = page.areas, layout.frames
    if page.title:
        title_para = Text((Run(page.title),), "title", page.title_size)
        _fill(tree, by_idx, boxes.title, [title_para], line=90, moved=boxes.title != laid.title)
    _fill(tree, by_idx, boxes.body, page.body, moved=boxes.body != laid.body)
    if boxes.kicker is not None:
        _fill(tree, by_idx, boxes.kicker, page.kicker)
    if boxes.caption is not None:
        _fill(tree, by_idx, boxes.caption, page.caption)
    for shape in placeholders:
        if not any((t.text or "").strip() for t in shape.iter(_T)):
            tree.remove(shape)
    notes, body = proto.new_notes()
    _write_notes(body, slide.notes, continued=page.part > 1)
    return Page(layout, out, notes)


def _fill(
    tree: etree._Element,
    by_idx: dict[int, etree._Element],
    box: Box,
    texts: Sequence[Text],
    line: int = 100,
    moved: bool = False,
) -> None:
    if not texts:
        return
    shape = by_idx.get(box.idx) if box.idx is not None else None
    if shape is None:
        shape = text_box(tree, box)
    elif moved:
        # The fitter moved this box (a long title taking room from the body).
        place(shape, box)
    paras: list[str] = []
    first_number = True
    for i, text in enumerate(texts):
        paras.append(_paragraph(text, first=i == 0, line=line, restart=first_number))
        if text.bullet == "number" and not text.continued:
            first_number = False
    _append(shape.find(_TX_BODY), paras, empty=any(not r.text for t in texts for r in t.runs))


def text_box(tree: etree._Element, box: Box) -> etree._Element:
    """A new text box where a layout has no placeholder, as python-pptx adds one.

    It is anchored at the top, wraps, never resizes, and has no paragraphs yet.
    """
    ids = [int(v) for v in tree.xpath("//@id") if v.isdigit()]
    shape_id = max(ids, default=0) + 1
    shape = etree.fromstring(
        f'<p:sp xmlns:a="{_A}" xmlns:p="{_P}"><p:nvSpPr>'
        f'<p:cNvPr id="{shape_id}" name="TextBox {shape_id - 1}"/><p:cNvSpPr txBox="1"/>'
        "<p:nvPr/></p:nvSpPr><p:spPr>"
        f'<a:xfrm><a:off x="{box.left}" y="{box.top}"/>'
        f'<a:ext cx="{box.width}" cy="{box.height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
        '<p:txBody><a:bodyPr wrap="square" anchor="t"><a:noAutofit/></a:bodyPr>'
        "<a:lstStyle/></p:txBody></p:sp>"
    )
    end = tree.find(_EXT_LST)
    if end is None:
        tree.append(shape)
    else:
        end.addprevious(shape)
    return shape


def place(shape: etree._Element, box: Box) -> None:
    """Give a placeholder its own position and size, as python-pptx sets them."""
    properties = shape.find(_SP_PR)
    # Placeholders come with empty shape properties; the transform always goes first.
    xfrm = etree.Element(f"{{{_A}}}xfrm")
    properties.insert(0, xfrm)
    etree.SubElement(xfrm, f"{{{_A}}}off", x=str(box.left), y=str(box.top))
    etree.SubElement(xfrm, f"{{{_A}}}ext", cx=str(box.width), cy=str(box.height))


def _append(body: etree._Element, paras: list[str], *, empty: bool) -> None:
    """Add paragraphs written as XML to a text body: parsing them beats building them."""
    parsed = etree.fromstring(f'<a:txBody xmlns:a="{_A}">{"".join(paras)}</a:txBody>')
    if empty:  # an empty run is stored as <a:t></a:t>, as lxml writes an empty string
        for t in parsed.iter(_T):
            if t.text is None:
                t.text = ""
    body.extend(parsed)


def _escape(text: str) -> str:
    # A parser reads a carriage return as a line feed; a reference keeps it.
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _paragraph(text: Text, *, first: bool, line: int, restart: bool) -> str:
    indent = round(text.indent * EMU_PER_PT)
    hang = -indent if text.bullet else 0
    before = 0 if first else round(text.before * 100)
    out = [
        f'<a:p><a:pPr marL="{indent}" indent="{hang}">'
        f'<a:lnSpc><a:spcPct val="{line * 1000}"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{before}"/></a:spcBef>'
    ]
    if text.bullet and not text.continued:
        out.append('<a:buClr><a:schemeClr val="accent1"/></a:buClr>')
        if text.bullet == "number":
            start = f' startAt="{text.number}"' if restart else ""
            out.append(f'<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod"{start}/>')
        else:
            out.append('<a:buFont typeface="Arial"/><a:buChar char="\u2022"/>')
    else:
        out.append("<a:buNone/>")
    out.append("</a:pPr>")
    size = round(text.size * 100)
    for run in text.runs:
        marks = ' b="1"' if run.bold or text.caps else ""
        marks += ' i="1"' if run.italic else ""
        marks += ' cap="all" spc="150"' if text.caps else ""
        out.append(
            f'<a:r><a:rPr lang="{LANG}" sz="{size}" dirty="0"{marks}/>'
            f"<a:t>{_escape(run.text)}</a:t></a:r>"
        )
    out.append(f'<a:endParaRPr lang="{LANG}" sz="{size}" dirty="0"/></a:p>')
    return "".join(out)


def _write_notes(body: etree._Element, blocks: Sequence[Block], *, continued: bool) -> None:
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
    paras = []
    for runs in lines or [(Run(""),)]:
        out = ["<a:p>"]
        for run in runs:
            marks = (' b="1"' if run.bold else "") + (' i="1"' if run.italic else "")
            out.append(
                f'<a:r><a:rPr lang="{LANG}" dirty="0"{marks}/><a:t>{_escape(run.text)}</a:t></a:r>'
            )
        out.append("</a:p>")
        paras.append("".join(out))
    _append(body, paras, empty=any(not r.text for runs in lines for r in runs) or not lines)
