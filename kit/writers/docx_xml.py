"""WordprocessingML for kit's writer: names, parsing, and paragraphs and runs as markup.

A document's body is written as markup text, in the exact form lxml serializes it, and
put into the document part as it is: a document holds thousands of paragraphs, and
making each as text costs a fraction of making it as elements. The markup is the same
python-docx makes for the same text and formatting.
"""

from __future__ import annotations

import copy
import functools
import re

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


VAL = w("val")
P, PPR, PSTYLE, R, T, TAB = w("p"), w("pPr"), w("pStyle"), w("r"), w("t"), w("tab")
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


_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_TEXT = str.maketrans(_TEXT_ESCAPES)
_ATTR = str.maketrans(_TEXT_ESCAPES | {'"': "&quot;", "\n": "&#10;", "\t": "&#9;"})
_BREAKS = re.compile("([\t\r\n])")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def text(value: str) -> str:
    """Text escaped as lxml writes it in an element; characters XML cannot hold are refused."""
    _check(value)
    if "&" in value or "<" in value or ">" in value or "\r" in value:
        return value.translate(_TEXT)
    return value


def attr(value: str) -> str:
    """Text escaped as lxml writes it in an attribute's value."""
    _check(value)
    if "&" in value or "<" in value or ">" in value or '"' in value or not value.isprintable():
        return value.translate(_ATTR)
    return value


def _check(value: str) -> None:
    # Every character XML cannot hold is unprintable, so most text needs no closer look.
    if not value.isprintable() and _NOT_XML.search(value):
        raise ValueError(
            "All strings must be XML compatible: Unicode or ASCII, "
            "no NULL bytes or control characters"
        )


def paragraph(
    style_id: str | None,
    *,
    keep_next: bool = False,
    page_break: bool = False,
    num: tuple[int, int] | None = None,
    align: str | None = None,
) -> str:
    """The start of a paragraph with its properties: style, keep with next, list (numId, level)."""
    props = f'<w:pStyle w:val="{attr(style_id)}"/>' if style_id else ""
    if keep_next:
        props += "<w:keepNext/>"
    if page_break:
        props += "<w:pageBreakBefore/>"
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if align:
        props += f'<w:jc w:val="{align}"/>'
    return f"<w:p><w:pPr>{props}</w:pPr>" if props else "<w:p><w:pPr/>"


def run(value: str, *, bold: bool = False, italic: bool = False) -> str:
    """A run of text; tabs and line breaks become their own elements, as in Word."""
    props = ""
    if bold or italic:
        props = f"<w:rPr>{'<w:b/>' if bold else ''}{'<w:i/>' if italic else ''}</w:rPr>"
    if not value:
        return f"<w:r>{props}</w:r>" if props else "<w:r/>"
    if "\t" in value or "\n" in value or "\r" in value:
        inner = "".join(_piece(piece) for piece in _BREAKS.split(value) if piece)
    else:
        inner = _piece(value)
    return f"<w:r>{props}{inner}</w:r>"


def _piece(value: str) -> str:
    if value == "\t":
        return "<w:tab/>"
    if value in "\r\n":
        return "<w:br/>"
    # Word drops spaces at either end of a text element unless told to keep them.
    if len(value.strip()) < len(value):
        return f'<w:t xml:space="preserve">{text(value)}</w:t>'
    return f"<w:t>{text(value)}</w:t>"


def runs(inline: Inline) -> str:
    """The runs of some inline text, with their emphasis."""
    return "".join(run(item.text, bold=item.bold, italic=item.italic) for item in inline)


@functools.lru_cache(maxsize=256)
def _parsed(markup: str) -> etree._Element:
    return parse(f"<w:wrap {nsdecls('w')}>{markup}</w:wrap>")[0]


def element(markup: str) -> etree._Element:
    """A new element from markup that uses the w: prefix; each markup is parsed once."""
    return copy.deepcopy(_parsed(markup))
