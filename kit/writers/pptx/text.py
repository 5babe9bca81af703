"""Paragraphs as a slide stores them: the face text as planned, and the speaker notes."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from kit.compose.blocks import Block, Heading, Inline, ListBlock, Paragraph, Run, Table
from kit.layout.areas import EMU_PER_PT
from kit.layout.paragraphs import Text
from kit.writers.ooxml import qn

CONTINUED_NOTE = "Continued from the previous slide."
LANG = "en-US"

_P, _R, _T, _PPR, _RPR, _END = (qn(f"a:{t}") for t in ("p", "r", "t", "pPr", "rPr", "endParaRPr"))


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, qn(f"a:{tag}"), attrs)


def face_paragraphs(texts: Sequence[Text], *, line: int = 100) -> list[etree._Element]:
    """An area's paragraphs: sizes, spacing, bullets; `line` is the line spacing in percent.

    A numbered list starts at its first item's number; the items after it count on.
    """
    out = []
    first_number = True
    for i, text in enumerate(texts):
        out.append(_face_paragraph(text, first=i == 0, line=line, restart=first_number))
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
        r = etree.SubElement(p, _R)
        rpr = etree.SubElement(r, _RPR, lang=LANG, sz=size, dirty="0")
        if run.bold or text.caps:
            rpr.set("b", "1")
        if run.italic:
            rpr.set("i", "1")
        if text.caps:
            rpr.set("cap", "all")
            rpr.set("spc", "150")
        etree.SubElement(r, _T).text = run.text
    etree.SubElement(p, _END, lang=LANG, sz=size, dirty="0")
    return p


def notes_paragraphs(blocks: Sequence[Block], *, continued: bool) -> list[etree._Element]:
    """Speaker notes: paragraphs with their emphasis, list items marked; never none."""
    lines: list[Inline] = []
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
