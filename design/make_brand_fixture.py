# ruff: noqa: E501  (the XML parts read best one element a line)
"""Make the church Word templates the tests build on, in tests/fixtures/brand-docx*/brand/.

    .venv/bin/python design/make_brand_fixture.py [OUT_DIR]

brand-docx/brand/church.docx is built the way Word 2010 saves a letterhead document, with the things that make a
real template awkward: A4 paper and wide margins, a header with the church's name and a
footer with its address but no page number, a Georgia/Trebuchet look in maroon, a
stylesWithEffects copy of the styles, no numbering part, font table or theme (as some
programs that save .docx leave out), and only a handful of styles:
no Title, Subtitle, Heading 3, List Bullet, List Number, TOC or Footer style. Its body
holds letter text that must never reach a kit document.

brand-docx-theme/brand/church.docx is the other kind, made from Word's own blank
document: a theme whose heading font (Caladea) and body font (Liberation Sans) the
styles name as theme fonts, deep green headings, a theme accent of its own (sage), and
the church's logo beside its name in the header. Its look is in design/brand_theme.py.
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "tests" / "fixtures" / "brand-docx" / "brand" / "church.docx"
THEME_TARGET = ROOT / "tests" / "fixtures" / "brand-docx-theme" / "brand" / "church.docx"

BODY_TEXT = "Dear friends, this letterhead text belongs to the church office."
"""Text in the template's body; a kit document built on it must not contain it."""
HEADER_TEXT = "St. Brigid's Parish"
FOOTER_TEXT = "12 Harbour Road, Kinsale · office@stbrigid.example"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
PKG = "http://schemas.openxmlformats.org/package/2006"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
NS = f'xmlns:mc="{MC}" xmlns:r="{R}" xmlns:w="{W}" xmlns:w14="{W14}" mc:Ignorable="w14"'

CONTENT_TYPES = f"""{HEAD}<Types xmlns="{PKG}/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{WML}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{WML}.styles+xml"/>
<Override PartName="/word/stylesWithEffects.xml" ContentType="application/vnd.ms-word.stylesWithEffects+xml"/>
<Override PartName="/word/settings.xml" ContentType="{WML}.settings+xml"/>
<Override PartName="/word/header1.xml" ContentType="{WML}.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="{WML}.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

PACKAGE_RELS = f"""{HEAD}<Relationships xmlns="{PKG}/relationships">
<Relationship Id="rId1" Type="{DOC_REL}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="{PKG}/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

DOCUMENT_RELS = f"""{HEAD}<Relationships xmlns="{PKG}/relationships">
<Relationship Id="rId1" Type="{DOC_REL}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects" Target="stylesWithEffects.xml"/>
<Relationship Id="rId3" Type="{DOC_REL}/settings" Target="settings.xml"/>
<Relationship Id="rId4" Type="{DOC_REL}/header" Target="header1.xml"/>
<Relationship Id="rId5" Type="{DOC_REL}/footer" Target="footer1.xml"/>
</Relationships>"""

DOCUMENT = f"""{HEAD}<w:document {NS}><w:body>
<w:p w:rsidR="00A1B2C3"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Parish letter</w:t></w:r></w:p>
<w:p w:rsidR="00A1B2C3"><w:r><w:t>{BODY_TEXT}</w:t></w:r></w:p>
<w:sectPr w:rsidR="00A1B2C3"><w:headerReference w:type="default" r:id="rId4"/><w:footerReference w:type="default" r:id="rId5"/>
<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1247" w:right="1247" w:bottom="1247" w:left="1247" w:header="567" w:footer="567" w:gutter="0"/>
<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>
</w:body></w:document>"""

HEADER = f"""{HEAD}<w:hdr {NS}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Trebuchet MS" w:hAnsi="Trebuchet MS"/><w:b/><w:color w:val="7B2D26"/></w:rPr><w:t>{HEADER_TEXT}</w:t></w:r></w:p></w:hdr>"""

FOOTER = f"""{HEAD}<w:ftr {NS}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t>{FOOTER_TEXT}</w:t></w:r></w:p></w:ftr>"""

STYLES = f"""{HEAD}<w:styles {NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:eastAsia="Georgia" w:hAnsi="Georgia" w:cs="Times New Roman"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-IE" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="371">
<w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/><w:lsdException w:name="heading 1" w:uiPriority="9" w:qFormat="1"/>
<w:lsdException w:name="heading 2" w:semiHidden="1" w:uiPriority="9" w:unhideWhenUsed="1" w:qFormat="1"/>
<w:lsdException w:name="Title" w:uiPriority="10" w:qFormat="1"/></w:latentStyles>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:link w:val="Heading1Char"/><w:uiPriority w:val="9"/><w:qFormat/>
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>
<w:rPr><w:rFonts w:ascii="Trebuchet MS" w:hAnsi="Trebuchet MS"/><w:b/><w:color w:val="7B2D26"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>
<w:pPr><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="Heading1"/><w:uiPriority w:val="9"/><w:rPr><w:rFonts w:ascii="Trebuchet MS" w:hAnsi="Trebuchet MS"/><w:b/><w:color w:val="7B2D26"/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
</w:styles>"""

SETTINGS = f"""{HEAD}<w:settings {NS}><w:zoom w:percent="100"/><w:proofState w:spelling="clean" w:grammar="clean"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="14"/></w:compat>
<w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00A1B2C3"/></w:rsids><w:themeFontLang w:val="en-IE"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>"""

CORE = f"""{HEAD}<cp:coreProperties xmlns:cp="{PKG}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Parish letterhead</dc:title><dc:creator>Parish office</dc:creator></cp:coreProperties>"""


def make_fixture() -> bytes:
    """The bytes of the letterhead template; the same on every run."""
    return _zipped(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "_rels/.rels": PACKAGE_RELS,
            "docProps/core.xml": CORE,
            "word/document.xml": DOCUMENT,
            "word/_rels/document.xml.rels": DOCUMENT_RELS,
            "word/styles.xml": STYLES,
            "word/stylesWithEffects.xml": STYLES,
            "word/settings.xml": SETTINGS,
            "word/header1.xml": HEADER,
            "word/footer1.xml": FOOTER,
        }
    )


def _zipped(parts: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            data = text if isinstance(text, bytes) else text.replace("\n", "")
            archive.writestr(entry, data)
    return out.getvalue()


# -- the themed template -----------------------------------------------------------------

THEME_CHURCH = "Holy Trinity Church"
THEME_HEADING_FONT = "Caladea"
"""The theme's major (heading) font: a serif, where kit's own headings are sans."""
THEME_BODY_FONT = "Liberation Sans"
"""The theme's minor (body) font: a sans, where kit's own body text is serif."""
THEME_HEADING_COLOR = "1E4D2B"
"""Deep green, set on Heading 1 itself rather than taken from the theme."""
THEME_ACCENT = "5B8A5E"
"""The theme's accent1: a sage green, neither kit's teal nor the headings' green."""
LOGO_SIZE = 96
"""The logo picture's width and height in pixels."""
LOGO_EMU = 502920
"""The logo's width and height in the header: 0.55 in."""

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
NS15 = (
    f'xmlns:mc="{MC}" xmlns:r="{R}" xmlns:w="{W}" xmlns:w14="{W14}" xmlns:w15="{W15}" '
    'mc:Ignorable="w14 w15"'
)

THEME_CONTENT_TYPES = f"""{HEAD}<Types xmlns="{PKG}/content-types">
<Default Extension="png" ContentType="image/png"/>
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{WML}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{WML}.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="{WML}.settings+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="{WML}.fontTable+xml"/>
<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>
<Override PartName="/word/header1.xml" ContentType="{WML}.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="{WML}.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

THEME_DOCUMENT_RELS = f"""{HEAD}<Relationships xmlns="{PKG}/relationships">
<Relationship Id="rId1" Type="{DOC_REL}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{DOC_REL}/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="{DOC_REL}/fontTable" Target="fontTable.xml"/>
<Relationship Id="rId4" Type="{DOC_REL}/theme" Target="theme/theme1.xml"/>
<Relationship Id="rId5" Type="{DOC_REL}/header" Target="header1.xml"/>
<Relationship Id="rId6" Type="{DOC_REL}/footer" Target="footer1.xml"/>
</Relationships>"""

HEADER_RELS = f"""{HEAD}<Relationships xmlns="{PKG}/relationships">
<Relationship Id="rId1" Type="{DOC_REL}/image" Target="media/image1.png"/>
</Relationships>"""

THEME_DOCUMENT = f"""{HEAD}<w:document {NS15}><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Newsletter</w:t></w:r></w:p>
<w:p><w:r><w:t>{BODY_TEXT}</w:t></w:r></w:p>
<w:sectPr><w:headerReference w:type="default" r:id="rId5"/><w:footerReference w:type="default" r:id="rId6"/>
<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1080" w:bottom="1080" w:left="1080" w:header="576" w:footer="576" w:gutter="0"/>
<w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>
</w:body></w:document>"""

_LOGO_DRAWING = (
    f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{LOGO_EMU}" cy="{LOGO_EMU}"/>'
    '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="1" name="Logo" descr="Holy Trinity Church logo"/>'
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
    f'<a:graphic><a:graphicData uri="{PIC}"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>'
    '<pic:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{LOGO_EMU}" cy="{LOGO_EMU}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
    "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
)

THEME_HEADER = f"""{HEAD}<w:hdr {NS15} xmlns:wp="{WP}" xmlns:a="{A}" xmlns:pic="{PIC}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>
<w:r>{_LOGO_DRAWING}</w:r><w:r><w:tab/></w:r><w:r><w:tab/></w:r>
<w:r><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:color w:val="{THEME_HEADING_COLOR}"/><w:sz w:val="24"/></w:rPr><w:t>{THEME_CHURCH}</w:t></w:r></w:p></w:hdr>"""

THEME_FOOTER = f"""{HEAD}<w:ftr {NS15}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t>400 Elm Street, Springfield · holytrinity.example</w:t></w:r></w:p></w:ftr>"""

_HEADING_FONTS = '<w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"/>'

THEME_STYLES = f"""{HEAD}<w:styles {NS15}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:link w:val="Heading1Char"/><w:uiPriority w:val="9"/><w:qFormat/>
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>
<w:rPr>{_HEADING_FONTS}<w:color w:val="{THEME_HEADING_COLOR}"/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:link w:val="Heading2Char"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr>
<w:rPr>{_HEADING_FONTS}<w:color w:val="{THEME_HEADING_COLOR}"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:link w:val="TitleChar"/><w:uiPriority w:val="10"/><w:qFormat/>
<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:contextualSpacing/></w:pPr>
<w:rPr>{_HEADING_FONTS}<w:color w:val="{THEME_HEADING_COLOR}"/><w:kern w:val="28"/><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:link w:val="HeaderChar"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
<w:pPr><w:tabs><w:tab w:val="center" w:pos="5040"/><w:tab w:val="right" w:pos="10080"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:link w:val="FooterChar"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
<w:pPr><w:tabs><w:tab w:val="center" w:pos="5040"/><w:tab w:val="right" w:pos="10080"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="Heading1"/><w:uiPriority w:val="9"/><w:rPr>{_HEADING_FONTS}<w:color w:val="{THEME_HEADING_COLOR}"/><w:sz w:val="40"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="Heading2Char"><w:name w:val="Heading 2 Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="Heading2"/><w:uiPriority w:val="9"/><w:rPr>{_HEADING_FONTS}<w:color w:val="{THEME_HEADING_COLOR}"/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="TitleChar"><w:name w:val="Title Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="Title"/><w:uiPriority w:val="10"/><w:rPr>{_HEADING_FONTS}<w:color w:val="{THEME_HEADING_COLOR}"/><w:sz w:val="56"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="HeaderChar"><w:name w:val="Header Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="Header"/><w:uiPriority w:val="99"/></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="FooterChar"><w:name w:val="Footer Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="Footer"/><w:uiPriority w:val="99"/><w:rPr><w:color w:val="595959"/><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
</w:styles>"""

THEME_SETTINGS = f"""{HEAD}<w:settings {NS15}><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
<w:themeFontLang w:val="en-US"/><w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" w:followedHyperlink="followedHyperlink"/>
<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>"""

THEME_FONT_TABLE = f"""{HEAD}<w:fonts {NS15}>
<w:font w:name="{THEME_BODY_FONT}"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="{THEME_HEADING_FONT}"><w:panose1 w:val="02040503050406030204"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
</w:fonts>"""


def _srgb(name: str, value: str) -> str:
    return f'<a:{name}><a:srgbClr val="{value}"/></a:{name}>'


THEME = f"""{HEAD}<a:theme xmlns:a="{A}" name="Holy Trinity"><a:themeElements>
<a:clrScheme name="Holy Trinity"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>
{_srgb("dk2", "1E2A22")}{_srgb("lt2", "EEF2EC")}{_srgb("accent1", THEME_ACCENT)}{_srgb("accent2", "B08A3E")}{_srgb("accent3", "7A6A8C")}
{_srgb("accent4", "A65B4B")}{_srgb("accent5", "4B7A99")}{_srgb("accent6", "8C8C5B")}{_srgb("hlink", "2F6B46")}{_srgb("folHlink", "6B5B7A")}</a:clrScheme>
<a:fontScheme name="Holy Trinity"><a:majorFont><a:latin typeface="{THEME_HEADING_FONT}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>
<a:minorFont><a:latin typeface="{THEME_BODY_FONT}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>
<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>
<a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>
<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>
<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme>
</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"""

THEME_CORE = f"""{HEAD}<cp:coreProperties xmlns:cp="{PKG}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Holy Trinity newsletter</dc:title><dc:creator>Church office</dc:creator></cp:coreProperties>"""


def logo_png() -> bytes:
    """The church's logo: a white cross on a deep green disc, as a PNG with transparency."""
    size = LOGO_SIZE
    middle, radius, arm = (size - 1) / 2, size / 2 - 1, size // 12
    green = bytes.fromhex(THEME_HEADING_COLOR) + b"\xff"
    rows = []
    for y in range(size):
        row = bytearray(b"\0")  # each scanline starts with its filter type: none
        for x in range(size):
            inside = (x - middle) ** 2 + (y - middle) ** 2 <= radius**2
            upright = abs(x - middle) <= arm and size * 0.2 <= y <= size * 0.8
            beam = abs(y - size * 0.4) <= arm and size * 0.3 <= x <= size * 0.7
            if not inside:
                row += b"\0\0\0\0"
            elif upright or beam:
                row += b"\xff\xff\xff\xff"
            else:
                row += green
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"".join(rows), 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def make_theme_fixture() -> bytes:
    """The bytes of the themed template with a logo in its header; the same on every run."""
    return _zipped(
        {
            "[Content_Types].xml": THEME_CONTENT_TYPES,
            "_rels/.rels": PACKAGE_RELS,
            "docProps/core.xml": THEME_CORE,
            "word/document.xml": THEME_DOCUMENT,
            "word/_rels/document.xml.rels": THEME_DOCUMENT_RELS,
            "word/styles.xml": THEME_STYLES,
            "word/settings.xml": THEME_SETTINGS,
            "word/fontTable.xml": THEME_FONT_TABLE,
            "word/theme/theme1.xml": THEME,
            "word/header1.xml": THEME_HEADER,
            "word/_rels/header1.xml.rels": HEADER_RELS,
            "word/media/image1.png": logo_png(),
            "word/footer1.xml": THEME_FOOTER,
        }
    )


def main(argv: list[str]) -> int:
    """Write both fixture templates (into OUT_DIR when given)."""
    out = Path(argv[0]) if argv else None
    for target, make, name in (
        (TARGET, make_fixture, "church.docx"),
        (THEME_TARGET, make_theme_fixture, "church-theme.docx"),
    ):
        path = out / name if out else target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make())
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
