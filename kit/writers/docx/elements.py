"""Paragraphs and runs built directly with lxml, in the schema's order.

Making each element with lxml costs a fraction of going through python-docx's element
API, and a document holds thousands of them. The markup made is the same as python-docx
makes for the same text and formatting.
"""

from __future__ import annotations

import copy
import functools

from docx.oxml import parse_xml
from lxml import etree

from kit.compose.blocks import Inline
from kit.writers.ooxml import qn

VAL = qn("w:val")
P, PPR, PSTYLE, R, RPR, T = (qn(f"w:{tag}") for tag in ("p", "pPr", "pStyle", "r", "rPr", "t"))
KEEP_NEXT, PAGE_BREAK, JC = qn("w:keepNext"), qn("w:pageBreakBefore"), qn("w:jc")
NUMPR, ILVL, NUMID = qn("w:numPr"), qn("w:ilvl"), qn("w:numId")
BOLD, ITALIC, TAB, BR = qn("w:b"), qn("w:i"), qn("w:tab"), qn("w:br")
XML_SPACE = qn("xml:space")

_BREAKS = frozenset("\t\r\n")


def add_paragraph(
    parent: etree._Element,
    style_id: str | None,
    *,
    keep_next: bool = False,
    page_break: bool = False,
    num: tuple[int, int] | None = None,
    align: str | None = None,
) -> etree._Element:
    """Append a paragraph with its properties: style, keep with next, list (numId, level)."""
    p = etree.SubElement(parent, P)
    ppr = etree.SubElement(p, PPR)
    if style_id:
        etree.SubElement(ppr, PSTYLE).set(VAL, style_id)
    if keep_next:
        etree.SubElement(ppr, KEEP_NEXT)
    if page_break:
        etree.SubElement(ppr, PAGE_BREAK)
    if num is not None:
        num_id, level = num
        num_pr = etree.SubElement(ppr, NUMPR)
        etree.SubElement(num_pr, ILVL).set(VAL, str(level))
        etree.SubElement(num_pr, NUMID).set(VAL, str(num_id))
    if align:
        etree.SubElement(ppr, JC).set(VAL, align)
    return p


def keep_with_next(p: etree._Element) -> None:
    """Keep a paragraph on the page of what follows it (`w:keepNext` comes after the style)."""
    ppr = p.find(PPR)
    if ppr is None:
        ppr = etree.Element(PPR)
        p.insert(0, ppr)
    if ppr.find(KEEP_NEXT) is None:
        ppr.insert(1 if ppr.find(PSTYLE) is not None else 0, etree.Element(KEEP_NEXT))


def add_run(p: etree._Element, text: str, *, bold: bool = False, italic: bool = False) -> None:
    """Append a run of text; tabs and line breaks become their own elements, as in Word."""
    r = etree.SubElement(p, R)
    if bold or italic:
        rpr = etree.SubElement(r, RPR)
        if bold:
            etree.SubElement(rpr, BOLD)
        if italic:
            etree.SubElement(rpr, ITALIC)
    if not text:
        return
    if _BREAKS.isdisjoint(text):
        _text(r, text)
        return
    start = 0
    for index, char in enumerate(text):
        if char in _BREAKS:
            if index > start:
                _text(r, text[start:index])
            etree.SubElement(r, TAB if char == "\t" else BR)
            start = index + 1
    if start < len(text):
        _text(r, text[start:])


def _text(r: etree._Element, text: str) -> None:
    t = etree.SubElement(r, T)
    t.text = text
    # Word drops spaces at either end of a text element unless told to keep them.
    if len(text.strip()) < len(text):
        t.set(XML_SPACE, "preserve")


def add_runs(p: etree._Element, inline: Inline) -> None:
    """Append the runs of some inline text, with their emphasis."""
    for item in inline:
        add_run(p, item.text, bold=item.bold, italic=item.italic)


@functools.lru_cache(maxsize=256)
def _parsed(markup: str) -> etree._Element:
    return parse_xml(markup)


def fragment(markup: str) -> etree._Element:
    """A new element from markup (with its namespaces declared); each markup is parsed once."""
    return copy.deepcopy(_parsed(markup))
