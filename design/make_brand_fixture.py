# ruff: noqa: E501  (the XML parts read best one element a line)
"""Make tests/fixtures/brand-docx/brand/church.docx: a church's own Word template.

    .venv/bin/python design/make_brand_fixture.py [OUT]

It is built the way Word 2010 saves a letterhead document, with the things that make a
real template awkward: A4 paper and wide margins, a header with the church's name and a
footer with its address but no page number, a Georgia/Trebuchet look in maroon, a
stylesWithEffects copy of the styles, no numbering part, font table or theme (as some
programs that save .docx leave out), and only a handful of styles:
no Title, Subtitle, Heading 3, List Bullet, List Number, TOC or Footer style. Its body
holds letter text that must never reach a kit document.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "tests" / "fixtures" / "brand-docx" / "brand" / "church.docx"

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
    """The bytes of the church template; the same on every run."""
    parts = {
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
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, text.replace("\n", ""))
    return out.getvalue()


def main(argv: list[str]) -> int:
    """Write the fixture template."""
    target = Path(argv[0]) if argv else TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(make_fixture())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
