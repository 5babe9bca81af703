"""Fields and bookmarks: the table of contents, page numbers, the headings a TOC links to."""

from __future__ import annotations

from lxml import etree

from kit.writers.docx import elements
from kit.writers.ooxml import escape_xml, nsdecls, qn

_SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
"""Settings that follow w:updateFields in the schema's order."""

HYPERLINK, ANCHOR, HISTORY = qn("w:hyperlink"), qn("w:anchor"), qn("w:history")
BOOKMARK_START, BOOKMARK_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
ID, NAME = qn("w:id"), qn("w:name")


def _run(inner: str) -> etree._Element:
    return elements.fragment(f"<w:r {nsdecls('w')}>{inner}</w:r>")


def kept_text(p: etree._Element, text: str) -> None:
    """Append a run of text whose spaces at either end are kept."""
    t = etree.SubElement(etree.SubElement(p, elements.R), elements.T)
    t.set(elements.XML_SPACE, "preserve")
    t.text = text


def add_field(
    p: etree._Element, instruction: str, shown: str = "", *, dirty: bool = False, end: bool = True
) -> None:
    """Append the runs of a complex field showing `shown` until it is updated.

    Without `end` the field is left open, for content that follows to be its result.
    """
    flag = ' w:dirty="true"' if dirty else ""
    p.append(_run(f'<w:fldChar w:fldCharType="begin"{flag}/>'))
    p.append(_run(f'<w:instrText xml:space="preserve"> {escape_xml(instruction)} </w:instrText>'))
    p.append(_run('<w:fldChar w:fldCharType="separate"/>'))
    if shown:
        kept_text(p, shown)
    if end:
        end_field(p)


def end_field(p: etree._Element) -> None:
    """Append the run that closes a complex field."""
    p.append(_run('<w:fldChar w:fldCharType="end"/>'))


def bookmark(p: etree._Element, name: str, number: int) -> None:
    """Wrap a paragraph's content in a bookmark, as Word does for a heading the TOC links to."""
    start = etree.SubElement(p, BOOKMARK_START)
    start.set(ID, str(number))
    start.set(NAME, name)
    ppr = p.find(elements.PPR)
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    etree.SubElement(p, BOOKMARK_END).set(ID, str(number))


def contents(
    parent: etree._Element,
    first: etree._Element,
    entries: list[tuple[int, str, str]],
    entry_style: dict[int, str | None],
    levels: int,
) -> None:
    """A TOC field starting in paragraph `first`; until Word refreshes it, it lists the headings.

    The entries after the first go in paragraphs appended to `parent`, each a link to its
    heading. The entries shown have no page numbers: only a layout engine knows them, and
    Word fills them in when it refreshes the field on opening.
    """
    instruction = f'TOC \\o "1-{levels}" \\h \\z \\u'
    add_field(first, instruction, dirty=True, end=False)
    current = first
    for index, (level, text, anchor) in enumerate(entries):
        if index:
            current = etree.SubElement(parent, elements.P)
        style = entry_style.get(level)
        if style:
            old = current.find(elements.PPR)
            if old is not None:
                current.remove(old)
            ppr = etree.SubElement(current, elements.PPR)
            etree.SubElement(ppr, elements.PSTYLE).set(elements.VAL, style)
            current.insert(0, ppr)
        link = etree.SubElement(current, HYPERLINK)
        link.set(ANCHOR, anchor)
        link.set(HISTORY, "1")
        kept_text(link, text)
    end_field(current)


def update_fields_on_open(settings: etree._Element) -> None:
    """Ask Word to refresh every field (the TOC above all) when the document opens."""
    if settings.find(qn("w:updateFields")) is None:
        flag = elements.fragment(f'<w:updateFields {nsdecls("w")} w:val="true"/>')
        # python-docx's public oxml method, which puts the flag in the schema's order.
        settings.insert_element_before(flag, *_SETTINGS_AFTER_UPDATE_FIELDS)
