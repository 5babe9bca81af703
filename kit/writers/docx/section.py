"""The document's page: its margins, the width of its text, its headers and footers."""

from __future__ import annotations

import copy

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.package import OpcPackage
from docx.opc.part import XmlPart
from docx.section import Section, _Footer, _Header  # private names; for type hints only
from docx.shared import Length, Twips
from docx.text.paragraph import Paragraph
from lxml import etree

from kit.writers.docx import elements, fields
from kit.writers.ooxml import qn

SHEET_PAGE = {
    "top_margin": 760,
    "bottom_margin": 760,
    "left_margin": 1080,
    "right_margin": 1080,
    "header_distance": 400,
    "footer_distance": 400,
}
"""Handouts and weekly leader notes use more of the sheet (twips): a handout fits on one
sheet printed both sides, a table leader's notes on two."""

_LETTER_WIDTH = Twips(12240)
_LETTER_HEIGHT = Twips(15840)
_MARGIN = Twips(1440)
"""What Word assumes of a section that gives no page width or side margin."""

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def set_sheet_page(section: Section) -> None:
    """Narrow the margins and header and footer distances to `SHEET_PAGE`."""
    for name, value in SHEET_PAGE.items():
        setattr(section, name, Twips(value))


HALF_PAGE_MARGINS = {
    "top_margin": 720,
    "bottom_margin": 720,
    "left_margin": 792,
    "right_margin": 792,
    "header_distance": 360,
    "footer_distance": 360,
}
"""Margins of a booklet's folded page (twips): half an inch, a little more at the sides."""


def set_half_page(section: Section) -> None:
    """Make the page the sheet folded in half (Letter to 5.5 x 8.5 in, A4 to A5), upright.

    The margins become `HALF_PAGE_MARGINS`: a page half the size keeps less of them.
    """
    width = _or(section.page_width, _LETTER_WIDTH)
    height = _or(section.page_height, _LETTER_HEIGHT)
    section.page_width, section.page_height = Twips(height.twips // 2), Twips(width.twips)
    for name, value in HALF_PAGE_MARGINS.items():
        setattr(section, name, Twips(value))


def _or(value: Length | None, default: Length) -> Length:
    return default if value is None else value


def text_width(section: Section) -> int:
    """Width between the side margins, in twips."""
    width = _or(section.page_width, _LETTER_WIDTH)
    width -= _or(section.left_margin, _MARGIN) + _or(section.right_margin, _MARGIN)
    return int(width // 635)


def cover_without_page_number(section: Section) -> None:
    """Give the first page a header and footer of its own, unless it already has them.

    They hold what the template's own header and footer hold (a church's logo and name,
    its address), copied before kit adds its page number, or nothing.
    """
    if section.different_first_page_header_footer:
        return
    section.different_first_page_header_footer = True
    if not section.header.is_linked_to_previous:
        # Without a header of its own the cover's would be blank, losing the church's logo.
        section.first_page_header.is_linked_to_previous = False
        _copy_story(section.header, section.first_page_header)
    section.first_page_footer.is_linked_to_previous = False
    if not section.footer.is_linked_to_previous:
        _copy_story(section.footer, section.first_page_footer)


def _copy_story(source: _Header | _Footer, target: _Header | _Footer) -> None:
    """Fill `target` with copies of `source`'s paragraphs and tables, pictures and all."""
    element = target.part.element
    for child in list(element):
        element.remove(child)
    taken = _drawing_ids(target.part.package)
    for child in source.part.element:
        element.append(copy.deepcopy(child))
    for node in element.iter():
        for name, value in node.attrib.items():
            # r:embed (a picture), r:id (a link or an object): the target's own relationship.
            if name.startswith(_R) and value in source.part.rels:
                rel = source.part.rels[value]
                target_of = rel.target_ref if rel.is_external else rel.target_part
                node.set(name, target.part.relate_to(target_of, rel.reltype, rel.is_external))
        if node.tag == _DOC_PR:
            # Word reads a drawing id used twice in a document as damage.
            taken += 1
            node.set("id", str(taken))


def _drawing_ids(package: OpcPackage) -> int:
    """The highest drawing id in any part of the package (0 when there are no drawings)."""
    ids = [
        int(value)
        for part in package.iter_parts()
        if isinstance(part, XmlPart)
        for node in part.element.iter(_DOC_PR)
        if (value := node.get("id", "")).isdigit()
    ]
    return max(ids, default=0)


def page_footer(section: Section, text: str, style_id: str | None, *, keep_existing: bool) -> None:
    """Course title (or church) at the left of the footer, the page number at the right.

    A church template's own footer is kept; it only gains a page number if it has none.
    """
    footer = section.footer
    existing = [p for p in footer.paragraphs if p.text.strip()] if keep_existing else []
    ftr = footer.part.element
    has_page = (
        any("PAGE" in (i.text or "").split() for i in ftr.iter(qn("w:instrText")))
        or ftr.find(f".//{qn('w:fldSimple')}") is not None
    )
    if existing and has_page:
        return
    paragraphs = ftr.findall(elements.P)
    if existing or not paragraphs:
        par = etree.SubElement(ftr, elements.P)
    else:
        par = paragraphs[0]
        for child in list(par):
            par.remove(child)
    ppr = etree.SubElement(par, elements.PPR)
    if style_id:
        etree.SubElement(ppr, elements.PSTYLE).set(elements.VAL, style_id)
    width = text_width(section)
    # The style's own stops (Word's Footer style has a centre one) would catch the tab
    # before the page number, so they are cleared here.
    stops = {pos: "clear" for pos in _style_tab_stops(Paragraph(par, footer)) if pos != width}
    tabs = etree.SubElement(ppr, qn("w:tabs"))
    for pos, kind in sorted((stops | {width: "right"}).items()):
        tab = etree.SubElement(tabs, elements.TAB)
        tab.set(elements.VAL, kind)
        tab.set(qn("w:pos"), str(pos))
    if not existing:
        fields.kept_text(par, text)
    etree.SubElement(etree.SubElement(par, elements.R), elements.TAB)
    fields.add_field(par, "PAGE", "1")


def _style_tab_stops(paragraph: Paragraph) -> set[int]:
    """The tab stops (twips) a paragraph's style sets, with those of the styles it is based on."""
    stops: set[int] = set()
    cleared: set[int] = set()
    style = paragraph.style
    while style is not None:
        # Reading tab_stops gives a style without paragraph properties an empty set of them.
        stops_of = style.paragraph_format.tab_stops if style.element.pPr is not None else ()
        for stop in stops_of:
            position = stop.position.twips
            if stop.alignment == WD_TAB_ALIGNMENT.CLEAR:
                cleared.add(position)
            elif position not in cleared:
                stops.add(position)
        style = style.base_style
    return stops
