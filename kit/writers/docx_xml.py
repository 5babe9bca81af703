"""WordprocessingML built directly with lxml: paragraphs, runs and text, in the schema's order.

Making each element with lxml costs a fraction of going through python-docx's element
classes and markup parsing, and a document holds thousands of them. The markup made is
the same as python-docx makes for the same text and formatting.
"""

from __future__ import annotations

import copy
import functools

from lxml import etree

from kit.compose.blocks import Inline

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""The WordprocessingML namespace."""


def w(tag: str) -> str:
    """The qualified name of a WordprocessingML tag or attribute."""
    return f"{{{W_NS}}}{tag}"


XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
VAL = w("val")
P, PPR, PSTYLE, R, RPR, T = w("p"), w("pPr"), w("pStyle"), w("r"), w("rPr"), w("t")
KEEP_NEXT, PAGE_BREAK, JC = w("keepNext"), w("pageBreakBefore"), w("jc")
NUMPR, ILVL, NUMID = w("numPr"), w("ilvl"), w("numId")
BOLD, ITALIC, TAB, BR = w("b"), w("i"), w("tab"), w("br")
SECT_PR = w("sectPr")

_BREAKS = frozenset("\t\r\n")


def paragraph(
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


def run(p: etree._Element, text: str, *, bold: bool = False, italic: bool = False) -> None:
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


def runs(p: etree._Element, inline: Inline) -> None:
    """Append the runs of some inline text, with their emphasis."""
    for item in inline:
        run(p, item.text, bold=item.bold, italic=item.italic)


_PARSER = etree.XMLParser(resolve_entities=False, remove_blank_text=True)


@functools.lru_cache(maxsize=256)
def _parsed(xml: str) -> etree._Element:
    return etree.fromstring(xml, _PARSER)


def fragment(xml: str) -> etree._Element:
    """A new element from markup (with its namespaces declared); each markup is parsed once."""
    return copy.deepcopy(_parsed(xml))
