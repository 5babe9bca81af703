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

NAMESPACES = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "sl": "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
"""Namespaces by the prefixes kit's markup uses."""
W_NS = NAMESPACES["w"]


@functools.cache
def qn(tag: str) -> str:
    """The qualified name of a prefixed tag or attribute, e.g. `w:p`."""
    prefix, local = tag.split(":")
    return f"{{{NAMESPACES[prefix]}}}{local}"


def nsdecls(*prefixes: str) -> str:
    """Namespace declarations for markup that uses these prefixes."""
    return " ".join(f'xmlns:{p}="{NAMESPACES[p]}"' for p in prefixes)


def w(tag: str) -> str:
    """The qualified name of a WordprocessingML tag or attribute."""
    return f"{{{W_NS}}}{tag}"


XML_SPACE = qn("xml:space")
VAL = w("val")
P, PPR, PSTYLE, R, RPR, T = w("p"), w("pPr"), w("pStyle"), w("r"), w("rPr"), w("t")
KEEP_NEXT, PAGE_BREAK, JC = w("keepNext"), w("pageBreakBefore"), w("jc")
NUMPR, ILVL, NUMID = w("numPr"), w("ilvl"), w("numId")
BOLD, ITALIC, TAB, BR = w("b"), w("i"), w("tab"), w("br")
SECT_PR = w("sectPr")

_PARSER = etree.XMLParser(resolve_entities=False, remove_blank_text=True)


def parse(data: str | bytes) -> etree._Element:
    """Parse markup or a part the way python-docx does: no entities, no blank text."""
    return etree.fromstring(data, _PARSER)


def serialize(element: etree._Element) -> bytes:
    """The bytes of an XML part, with the declaration Word and python-docx write."""
    return etree.tostring(element, encoding="UTF-8", standalone=True)


def insert_before(parent: etree._Element, child: etree._Element, *successors: str) -> None:
    """Put `child` before the first successor found (in the order given), else last.

    `child` may already be one of `parent`'s children: it is moved. The successors are
    the tags the schema puts after `child`, as python-docx places its elements.
    """
    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


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


@functools.lru_cache(maxsize=256)
def _parsed(xml: str) -> etree._Element:
    return parse(xml)


def fragment(xml: str) -> etree._Element:
    """A new element from markup (with its namespaces declared); each markup is parsed once."""
    return copy.deepcopy(_parsed(xml))
