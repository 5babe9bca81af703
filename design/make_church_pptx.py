"""Make tests/fixtures/church-pptx/brand/church.pptx: a church's own deck template for tests.

    python design/make_church_pptx.py

It is unlike kit's template on purpose: 4:3, the standard Office layouts (a Section
Header whose text sits above its title, bulleted bodies, 90% line spacing), Georgia
headings that kit has no metrics for and Arial text, a navy theme, a band drawn on the
master, and a slide of its own that kit must not keep.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.util import Pt

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "church-pptx" / "brand" / "church.pptx"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"

COLORS = {"dk2": "1F3A5F", "lt2": "EEF2F7", "accent1": "2E6DA4", "accent2": "C8A24A"}


def main() -> None:
    """Build the church template and write it."""
    prs = Presentation()
    master = prs.slide_master
    theme = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    root.set("name", "Grace Navy")
    fonts = root.find(f".//{{{A}}}fontScheme")
    fonts.find(f"{{{A}}}majorFont/{{{A}}}latin").set("typeface", "Georgia")
    fonts.find(f"{{{A}}}minorFont/{{{A}}}latin").set("typeface", "Arial")
    scheme = root.find(f".//{{{A}}}clrScheme")
    for key, value in COLORS.items():
        slot = scheme.find(f"{{{A}}}{key}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=value)
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    # Office 2013 habits: 90% line spacing and a little space before each paragraph.
    for style in master._element.iterfind(f".//{{{A}}}lvl1pPr"):
        spacing = etree.SubElement(style, f"{{{A}}}lnSpc")
        etree.SubElement(spacing, f"{{{A}}}spcPct", val="90000")
        style.insert(0, spacing)

    # A navy band along the foot of every slide, drawn behind the placeholders.
    top = prs.slide_height - 400000
    band = parse_xml(
        f'<p:sp xmlns:a="{A}" xmlns:p="{P}"><p:nvSpPr><p:cNvPr id="90" name="Band"/>'
        '<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>'
        f'<a:xfrm><a:off x="0" y="{top}"/><a:ext cx="{prs.slide_width}" cy="400000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:schemeClr val="tx2"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        "</p:spPr></p:sp>"
    )
    master.shapes._spTree.insert(2, band)

    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Announcements"
    slide.placeholders[1].text = "Potluck after the service on Sunday"
    slide.placeholders[1].text_frame.paragraphs[0].runs[0].font.size = Pt(28)

    out = io.BytesIO()
    prs.save(out)
    sys.path.insert(0, str(ROOT))
    from kit.writers.ooxml import normalized_zip, set_core_properties

    prs = Presentation(io.BytesIO(out.getvalue()))
    set_core_properties(prs.core_properties, title="Grace Navy", subject="", author="")
    out = io.BytesIO()
    prs.save(out)
    OUT.write_bytes(normalized_zip(out.getvalue()))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
