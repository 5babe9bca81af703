"""Bullets, numbers and check boxes: list definitions for the styles that need them."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.text.parfmt import CT_PPr
from docx.parts.numbering import NumberingPart
from lxml import etree

from kit.writers.ooxml import nsdecls, qn

NUMBERED_STYLES = {"List Bullet": "bullet", "List Number": "number", "Kit Check": "check"}
"""Paragraph styles that carry a list definition, and which kind."""

_LEVELS = {
    # kind: [(format, text, glyph font), ...] one per level
    "bullet": [("bullet", "\u2022", None), ("bullet", "\u2013", None), ("bullet", "\u2022", None)],
    "number": [("decimal", "%1.", None), ("lowerLetter", "%2.", None), ("lowerRoman", "%3.", None)],
    "check": [("bullet", "\u2610", "Segoe UI Symbol")] * 3,
}
_INDENT = {"bullet": (360, 230), "number": (360, 300), "check": (400, 320)}
"""Left indent and hanging indent of the first level, in twips."""
_STEP = 240
"""How much further in each level of a list starts, in twips."""


def _abstract(number: int, kind: str) -> etree._Element:
    left, hanging = _INDENT[kind]
    levels = []
    for ilvl, (fmt, text, font) in enumerate(_LEVELS[kind]):
        fonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/>' if font else ""
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left + _STEP * ilvl}" w:hanging="{hanging}"/></w:pPr>'
            f"<w:rPr>{fonts}</w:rPr></w:lvl>"
        )
    return parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{"".join(levels)}</w:abstractNum>'
    )


def _numbering(doc: DocxDocument) -> etree._Element:
    """The document's numbering definitions, made empty first if it has none."""
    try:
        return doc.part.part_related_by(RT.NUMBERING).element
    except KeyError:
        # python-docx cannot make this part itself; a template without lists has none.
        package = doc.part.package
        taken = {part.partname for part in package.iter_parts()}
        partname = PackURI("/word/numbering.xml")
        if partname in taken:
            partname = package.next_partname("/word/numbering%d.xml")
        element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        part = NumberingPart(partname, CT.WML_NUMBERING, element, package)
        doc.part.relate_to(part, RT.NUMBERING)
        return element


def _next_id(numbering: etree._Element, tag: str, attr: str) -> int:
    used = [int(el.get(qn(attr))) for el in numbering.iter(qn(tag))]
    return max(used, default=0) + 1


def add_list(doc: DocxDocument, kind: str) -> int:
    """A new list definition of a kind (bullet, number, check); returns its numId."""
    numbering = _numbering(doc)
    abstract_id = _next_id(numbering, "w:abstractNum", "w:abstractNumId")
    first_num = numbering.find(qn("w:num"))
    element = _abstract(abstract_id, kind)
    if first_num is not None:
        first_num.addprevious(element)
    else:
        numbering.append(element)
    num_id = _next_id(numbering, "w:num", "w:numId")
    _put_num(numbering, num_id, abstract_id, restart=False)
    return num_id


def _put_num(numbering: etree._Element, num_id: int, abstract_id: int, restart: bool) -> None:
    override = (
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    )
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        f"{override}</w:num>"
    )
    tail = numbering.find(qn("w:numIdMacAtCleanup"))
    if tail is not None:
        tail.addprevious(num)
    else:
        numbering.append(num)


def style_num_id(styles: etree._Element, style_id: str) -> int | None:
    """The numId a paragraph style (in a styles part) carries, if any."""
    for style in styles.iter(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            num = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
            return int(num.get(qn("w:val"))) if num is not None else None
    return None


class Restarts:
    """Lists that start again at 1, each a new numId added to a document's numbering part."""

    def __init__(self, numbering: etree._Element) -> None:
        self.numbering = numbering
        self.abstract_of: dict[str, str] = {}
        """Each numId's list definition (abstractNumId), as the part holds them."""
        for num in numbering.iter(qn("w:num")):
            abstract = num.find(qn("w:abstractNumId"))
            if abstract is not None:
                self.abstract_of.setdefault(num.get(qn("w:numId")), abstract.get(qn("w:val")))
        self.next_id = _next_id(numbering, "w:num", "w:numId")

    def restart(self, num_id: int) -> int:
        """A numId that continues the same list definition as `num_id` but starts at 1."""
        abstract = self.abstract_of.get(str(num_id))
        if abstract is None:
            return num_id
        new_id, self.next_id = self.next_id, self.next_id + 1
        _put_num(self.numbering, new_id, int(abstract), restart=True)
        return new_id


def set_num(ppr: CT_PPr, num_id: int, level: int = 0) -> None:
    """Put a paragraph style on a list, at a level (python-docx keeps the schema's order)."""
    num_pr = ppr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def ensure_numbering(doc: DocxDocument, ids: dict[str, str]) -> None:
    """Give each list style that has no list definition one of its kind."""
    styles = {s.get(qn("w:styleId")): s for s in doc.styles.element.iter(qn("w:style"))}
    for name, kind in NUMBERED_STYLES.items():
        style = styles.get(ids[name])
        if style is None or style.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
            continue
        set_num(style.get_or_add_pPr(), add_list(doc, kind))
