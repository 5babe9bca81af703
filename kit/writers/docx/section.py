"""The document's page: its margins, the width of its text, and the footers on its pages."""

from __future__ import annotations

from docx.section import Section
from docx.shared import Length, Twips
from lxml import etree

from kit.writers.docx import fields, markup
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
_MARGIN = Twips(1440)
"""What Word assumes of a section that gives no page width or side margin."""


def set_sheet_page(section: Section) -> None:
    """Narrow the margins and header and footer distances to `SHEET_PAGE`."""
    for name, value in SHEET_PAGE.items():
        setattr(section, name, Twips(value))


def _or(value: Length | None, default: Length) -> Length:
    return default if value is None else value


def text_width(section: Section) -> int:
    """Width between the side margins, in twips."""
    width = _or(section.page_width, _LETTER_WIDTH)
    width -= _or(section.left_margin, _MARGIN) + _or(section.right_margin, _MARGIN)
    return int(width // 635)


def blank_cover_footer(section: Section) -> None:
    """Give the first page a footer of its own, left empty, unless it already has one."""
    if not section.different_first_page_header_footer:
        section.different_first_page_header_footer = True
        section.first_page_footer.is_linked_to_previous = False


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
    paragraphs = ftr.findall(markup.P)
    if existing or not paragraphs:
        par = etree.SubElement(ftr, markup.P)
    else:
        par = paragraphs[0]
        for child in list(par):
            par.remove(child)
    ppr = etree.SubElement(par, markup.PPR)
    if style_id:
        etree.SubElement(ppr, markup.PSTYLE).set(markup.VAL, style_id)
    tab = etree.SubElement(etree.SubElement(ppr, qn("w:tabs")), markup.TAB)
    tab.set(markup.VAL, "right")
    tab.set(qn("w:pos"), str(text_width(section)))
    if not existing:
        fields.kept_text(par, text)
    etree.SubElement(etree.SubElement(par, markup.R), markup.TAB)
    fields.add_field(par, "PAGE", "1")
