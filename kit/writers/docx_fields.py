"""Fields and bookmarks: the table of contents, page numbers, headings it links to."""

from __future__ import annotations

from lxml import etree

from kit.writers import docx_xml as xml
from kit.writers.docx_xml import qn

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


def _text(value: str) -> str:
    return f'<w:t xml:space="preserve">{xml.text(value)}</w:t>'


def field(instruction: str, shown: str, *, dirty: bool = False) -> list[str]:
    """The runs of a complex field showing `shown` until it is updated, as markup."""
    flag = ' w:dirty="true"' if dirty else ""
    runs = [
        f'<w:r><w:fldChar w:fldCharType="begin"{flag}/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> {xml.text(instruction)} </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    ]
    if shown:
        runs.append(f"<w:r>{_text(shown)}</w:r>")
    runs.append('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    return runs


def text_run(value: str) -> str:
    """A run of text whose spaces at either end are kept, as markup."""
    return f"<w:r>{_text(value)}</w:r>"


def bookmarked(start: str, runs: str, name: str, number: int) -> str:
    """A paragraph (its start, its runs) whose content is a bookmark a TOC links to."""
    mark = f'<w:bookmarkStart w:id="{number}" w:name="{xml.attr(name)}"/>'
    return f'{start}{mark}{runs}<w:bookmarkEnd w:id="{number}"/></w:p>'


def contents(
    first: str,
    entries: list[tuple[int, str, str]],
    entry_style: dict[int, str | None],
    levels: int,
) -> str:
    """A TOC field in paragraphs, the first begun with `first`, listing the headings as links.

    Until Word refreshes the field, it shows these entries. They have no page numbers:
    only a layout engine knows them, and Word fills them in when it refreshes the field
    on opening.
    """
    instruction = f'TOC \\o "1-{levels}" \\h \\z \\u'
    begin = "".join(field(instruction, "", dirty=True)[:-1])
    out = []
    for index, (level, text, anchor) in enumerate(entries):
        style = entry_style.get(level)
        if style:
            start = f'<w:p><w:pPr><w:pStyle w:val="{xml.attr(style)}"/></w:pPr>'
        else:
            start = first if not index else "<w:p>"
        if index:
            out.append("</w:p>")
        out.append(start + begin if not index else start)
        link = f'<w:hyperlink w:anchor="{xml.attr(anchor)}" w:history="1">'
        out.append(f"{link}{text_run(text)}</w:hyperlink>")
    if not entries:
        out.append(first + begin)
    out.append('<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    return "".join(out)


def update_fields_on_open(settings: etree._Element) -> None:
    """Ask Word to refresh every field (the TOC above all) when the document opens."""
    if settings.find(qn("w:updateFields")) is None:
        flag = etree.SubElement(settings, qn("w:updateFields"))
        flag.set(xml.VAL, "true")
        xml.insert_before(settings, flag, *_SETTINGS_AFTER_UPDATE_FIELDS)
