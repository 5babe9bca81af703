"""Paragraphs as a slide stores them: the face text as planned, and the speaker notes."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from kit.compose.blocks import Block, Heading, Inline, ListBlock, Paragraph, Run, Table
from kit.language import N_, translate
from kit.writers.ooxml import NAMESPACES, qn
from kit.writers.pptx.fit.areas import EMU_PER_PT, TextArea
from kit.writers.pptx.fit.paragraphs import Text

CONTINUED_NOTE = N_("Continued from the previous slide.")
"""Said at the top of the speaker notes of a slide continued from the one before."""
LANG = "en-US"

_P, _R, _T, _BR, _PPR, _RPR, _END = (
    qn(f"a:{t}") for t in ("p", "r", "t", "br", "pPr", "rPr", "endParaRPr")
)


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, qn(f"a:{tag}"), attrs)


def face_paragraphs(
    texts: Sequence[Text], *, line: int = 100, area: TextArea | None = None
) -> list[etree._Element]:
    """An area's paragraphs: sizes, spacing, bullets; `line` is the line spacing in percent.

    A numbered list starts at its first item's number; the items after it count on. An
    `area` that names a colour has kit set its font, colour and alignment on the text
    too, rather than leave them to the template.
    """
    out = []
    first_number = True
    look = area if area is not None and area.color else None
    for i, text in enumerate(texts):
        p = _face_paragraph(text, first=i == 0, line=line, restart=first_number)
        if look is not None:
            _set_look(p, text, look)
        out.append(p)
        if text.bullet == "number" and not text.continued:
            first_number = False
    return out


MAX_SPACING = 158400
"""Largest space before a paragraph the schema allows, in hundredths of a point."""


def _face_paragraph(text: Text, *, first: bool, line: int, restart: bool) -> etree._Element:
    p = etree.Element(_P)
    indent = round(text.indent * EMU_PER_PT)
    ppr = etree.SubElement(p, _PPR, marL=str(indent), indent=str(-indent if text.bullet else 0))
    _sub(_sub(ppr, "lnSpc"), "spcPct", val=str(line * 1000))
    before = 0 if first else min(round(text.before * 100), MAX_SPACING)
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
        for n, line in enumerate(run.text.split("\n")):
            if n:  # a line break the planner chose (a title set on two even lines)
                etree.SubElement(etree.SubElement(p, _BR), _RPR, lang=LANG, sz=size, dirty="0")
            r = etree.SubElement(p, _R)
            rpr = etree.SubElement(r, _RPR, lang=LANG, sz=size, dirty="0")
            if run.bold or text.caps:
                rpr.set("b", "1")
            if run.italic:
                rpr.set("i", "1")
            if text.caps:
                rpr.set("cap", "all")
                rpr.set("spc", "150")
            etree.SubElement(r, _T).text = line
    etree.SubElement(p, _END, lang=LANG, sz=size, dirty="0")
    return p


def _set_look(p: etree._Element, text: Text, area: TextArea) -> None:
    """Give a paragraph the area's alignment and its runs the area's font and colour."""
    # A list keeps its items flush left, where the bullets line up, under any title.
    ppr = p.find(_PPR)
    ppr.set("algn", "l" if text.bullet else area.align or "l")
    mark = ppr.find("a:buClr/a:schemeClr", NAMESPACES)
    if mark is not None:  # a theme's accent may be too pale for a bullet; its text is not
        mark.tag = qn("a:srgbClr")
        mark.set("val", area.color)
    for rpr in (*p.iter(_RPR), p.find(_END)):
        # Said outright, so a layout's bold capitals (a Section Header's) do not carry over.
        rpr.set("b", "1" if area.bold or rpr.get("b") == "1" else "0")
        rpr.set("i", "1" if area.italic or rpr.get("i") == "1" else "0")
        rpr.set("cap", rpr.get("cap", "none"))
        fill = etree.SubElement(rpr, qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr"), val=area.color)
        etree.SubElement(rpr, qn("a:latin"), typeface=area.typeface)


def notes_paragraphs(
    blocks: Sequence[Block], *, continued: bool, language: str = "en"
) -> list[etree._Element]:
    """Speaker notes: paragraphs with their emphasis, list items marked; never none."""
    lines: list[Inline] = []
    if continued:
        lines.append((Run(translate(language, CONTINUED_NOTE), italic=True),))
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
    out = []
    for runs in lines or [(Run(""),)]:
        p = etree.Element(_P)
        for run in runs:
            r = etree.SubElement(p, _R)
            rpr = etree.SubElement(r, _RPR, lang=LANG, dirty="0")
            if run.bold:
                rpr.set("b", "1")
            if run.italic:
                rpr.set("i", "1")
            etree.SubElement(r, _T).text = run.text
        out.append(p)
    return out
