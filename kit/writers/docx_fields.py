"""Fields and bookmarks: the table of contents, page numbers, headings it links to."""

from __future__ import annotations

from lxml import etree

from kit.writers import docx_xml as xml
from kit.writers.docx_xml import nsdecls, qn

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


def _run(inner: str) -> etree._Element:
    return xml.fragment(f"<w:r {nsdecls('w')}>{inner}</w:r>")


def _text(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<w:t xml:space="preserve">{escaped}</w:t>'


def field_runs(instruction: str, shown: str, *, dirty: bool = False) -> list[etree._Element]:
    """The runs of a complex field showing `shown` until it is updated."""
    flag = ' w:dirty="true"' if dirty else ""
    instr = instruction.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    runs = [
        _run(f'<w:fldChar w:fldCharType="begin"{flag}/>'),
        _run(f'<w:instrText xml:space="preserve"> {instr} </w:instrText>'),
        _run('<w:fldChar w:fldCharType="separate"/>'),
    ]
    if shown:
        runs.append(_run(_text(shown)))
    runs.append(_run('<w:fldChar w:fldCharType="end"/>'))
    return runs


def text_run(text: str) -> etree._Element:
    """A run of text whose spaces at either end are kept."""
    return _run(_text(text))


def bookmark(p: etree._Element, name: str, number: int) -> None:
    """Wrap a paragraph's content in a bookmark, as Word does for a heading the TOC links to."""
    start = etree.SubElement(p, xml.w("bookmarkStart"))
    start.set(xml.w("id"), str(number))
    start.set(xml.w("name"), name)
    ppr = p.find(xml.PPR)
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    etree.SubElement(p, xml.w("bookmarkEnd")).set(xml.w("id"), str(number))


def contents(
    parent: etree._Element,
    first: etree._Element,
    entries: list[tuple[int, str, str]],
    entry_style: dict[int, str | None],
    levels: int,
) -> None:
    """A TOC field starting in paragraph `first`; until Word refreshes it, it lists the headings.

    The entries after the first go in paragraphs appended to `parent`, each a link to its
    heading. The cached entries have no page numbers: only a layout engine knows them, and
    Word fills them in when it refreshes the field on opening.
    """
    instruction = f'TOC \\o "1-{levels}" \\h \\z \\u'
    for run in field_runs(instruction, "", dirty=True)[:-1]:
        first.append(run)
    current = first
    for index, (level, text, anchor) in enumerate(entries):
        if index:
            current = etree.SubElement(parent, xml.P)
        style = entry_style.get(level)
        if style:
            old = current.find(xml.PPR)
            if old is not None:
                current.remove(old)
            ppr = etree.SubElement(current, xml.PPR)
            etree.SubElement(ppr, xml.PSTYLE).set(xml.VAL, style)
            current.insert(0, ppr)
        link = etree.SubElement(current, xml.w("hyperlink"))
        link.set(xml.w("anchor"), anchor)
        link.set(xml.w("history"), "1")
        t = etree.SubElement(etree.SubElement(link, xml.R), xml.T)
        t.set(xml.XML_SPACE, "preserve")
        t.text = text
    current.append(_run('<w:fldChar w:fldCharType="end"/>'))


def update_fields_on_open(settings: etree._Element) -> None:
    """Ask Word to refresh every field (the TOC above all) when the document opens."""
    if settings.find(qn("w:updateFields")) is None:
        flag = etree.SubElement(settings, qn("w:updateFields"))
        flag.set(xml.VAL, "true")
        xml.insert_before(settings, flag, *_SETTINGS_AFTER_UPDATE_FIELDS)
