"""The document's section: page margins, text width, a title page and the page footers."""

from __future__ import annotations

from lxml import etree

from kit.writers import docx_fields as fields
from kit.writers import docx_package as opc
from kit.writers import docx_xml as xml
from kit.writers.docx_package import Package
from kit.writers.docx_xml import qn

_AFTER_REFERENCES = (
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)
"""What follows the header and footer references in w:sectPr, in the schema's order."""

DEFAULT_FOOTER = (
    "<w:ftr"
    ' xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main"'
    ' xmlns:mv="urn:schemas-microsoft-com:mac:vml"'
    ' xmlns:o="urn:schemas-microsoft-com:office:office"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"'
    ' xmlns:w10="urn:schemas-microsoft-com:office:word"'
    ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
    ' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"'
    ' xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"'
    ' xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"'
    ' xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' mc:Ignorable="w14 wp14"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p></w:ftr>'
)
"""A new footer: one empty paragraph in the Footer style, as Word and python-docx make it."""

_UNITS = {"mm": 36000, "cm": 360000, "in": 914400, "pt": 12700, "pc": 152400, "pi": 152400}
"""EMUs per unit of the measures Word also accepts in place of twips."""
_EMU_PER_TWIP = 635
_LETTER_WIDTH = 12240
_MARGIN = 1440


def _emu(value: str) -> int:
    """A twips measure (or one with units, like 2.5cm) in EMUs."""
    if value[-2:] in _UNITS:
        return round(float(value[:-2]) * _UNITS[value[-2:]])
    return int(value) * _EMU_PER_TWIP


class Section:
    """The last section of a document: its properties and the footers it refers to."""

    def __init__(self, package: Package, document: str) -> None:
        self.package = package
        self.document = document
        body = package.part(document).find(qn("w:body"))
        sect_pr = body[-1] if len(body) else None
        if sect_pr is None or sect_pr.tag != xml.SECT_PR:
            sect_pr = etree.SubElement(body, xml.SECT_PR)
        self.sect_pr = sect_pr

    def _child(self, tag: str, successors: tuple[str, ...]) -> etree._Element:
        found = self.sect_pr.find(qn(tag))
        if found is None:
            found = etree.SubElement(self.sect_pr, qn(tag))
            xml.insert_before(self.sect_pr, found, *successors)
        return found

    def set_margins(self, twips: dict[str, int]) -> None:
        """Set page margins and header and footer distances (pgMar attributes, in twips)."""
        margins = self._child("w:pgMar", _AFTER_REFERENCES[5:])
        for side, value in twips.items():
            margins.set(qn(f"w:{side}"), str(value))

    def _measure(self, tag: str, attr: str, default: int) -> int:
        element = self.sect_pr.find(qn(tag))
        value = element.get(qn(attr)) if element is not None else None
        return _emu(value) if value else default * _EMU_PER_TWIP

    def text_width(self) -> int:
        """Width between the side margins, in twips."""
        width = self._measure("w:pgSz", "w:w", _LETTER_WIDTH)
        width -= self._measure("w:pgMar", "w:left", _MARGIN)
        width -= self._measure("w:pgMar", "w:right", _MARGIN)
        return width // _EMU_PER_TWIP

    @property
    def title_page(self) -> bool:
        """True when the first page has headers and footers of its own."""
        found = self.sect_pr.find(qn("w:titlePg"))
        return found is not None and found.get(qn("w:val")) not in ("0", "false", "off")

    def set_title_page(self) -> None:
        """Give the first page headers and footers of its own."""
        found = self._child("w:titlePg", _AFTER_REFERENCES[14:])
        found.attrib.pop(qn("w:val"), None)

    def _reference(self, kind: str) -> etree._Element | None:
        for ref in self.sect_pr.iterchildren(qn("w:footerReference")):
            if ref.get(qn("w:type")) == kind:
                return ref
        return None

    def has_footer(self, kind: str) -> bool:
        """True when the section has a footer of a kind (default, first or even)."""
        return self._reference(kind) is not None

    def footer(self, kind: str) -> etree._Element:
        """The section's footer of a kind, made with one empty paragraph if it has none."""
        ref = self._reference(kind)
        if ref is not None:
            name = self.package.target(self.document, ref.get(qn("r:id")) or "")
            if name is not None:
                return self.package.part(name)
            self.sect_pr.remove(ref)
        element = xml.parse(DEFAULT_FOOTER)
        rid = self.package.add_part(
            self.document, opc.RT_FOOTER, "word/footer%d.xml", opc.CT_FOOTER, element
        )
        ref = etree.SubElement(self.sect_pr, qn("w:footerReference"))
        xml.insert_before(self.sect_pr, ref, *_AFTER_REFERENCES)
        ref.set(qn("w:type"), kind)
        ref.set(qn("r:id"), rid)
        return element


def _visible(p: etree._Element) -> bool:
    """True when a paragraph's runs (and links) hold text other than space."""
    for run in p.xpath("w:r | w:hyperlink/w:r", namespaces=xml.NAMESPACES):
        for item in run:
            if item.tag == xml.T and (item.text or "").strip():
                return True
            if item.tag == qn("w:noBreakHyphen"):
                return True
    return False


def page_footer(section: Section, text: str, style_id: str | None, *, keep_existing: bool) -> None:
    """Course title (or church) at the left of the footer, the page number at the right.

    A church template's own footer is kept; it only gains a page number if it has none.
    """
    footer = section.footer("default")
    paragraphs = list(footer.iterchildren(xml.P))
    existing = [p for p in paragraphs if _visible(p)] if keep_existing else []
    has_page = (
        any("PAGE" in (i.text or "").split() for i in footer.iter(qn("w:instrText")))
        or footer.find(f".//{qn('w:fldSimple')}") is not None
    )
    if existing and has_page:
        return
    if existing or not paragraphs:
        par = etree.SubElement(footer, xml.P)
    else:
        par = paragraphs[0]
        for child in list(par):
            par.remove(child)
    ppr = etree.SubElement(par, xml.PPR)
    if style_id:
        etree.SubElement(ppr, xml.PSTYLE).set(xml.VAL, style_id)
    tab = etree.SubElement(etree.SubElement(ppr, qn("w:tabs")), qn("w:tab"))
    tab.set(xml.VAL, "right")
    tab.set(qn("w:pos"), str(section.text_width()))
    if not existing:
        par.append(xml.element(fields.text_run(text)))
    etree.SubElement(etree.SubElement(par, xml.R), xml.TAB)
    for run in fields.field("PAGE", "1"):
        par.append(xml.element(run))
