# ruff: noqa: E501  (the XML parts read best one element a line)
"""Make templates/base.docx: kit's own designed base document for every .docx it writes.

    .venv/bin/python design/make_base_docx.py [OUT]     (default: templates/base.docx)

The base holds no text: only page setup, a theme, the document defaults and kit's
styles. Body text is Cambria (Caladea on systems without it, same metrics), headings
and small print are Calibri (Carlito), with one deep teal accent that prints as a
dark grey. Every style except Normal comes from kit/writers/docx/styles.py, the same
specs that fill in what a church's own template lacks, so the two never drift apart.
The output is byte-identical on every run.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx

from kit.writers.docx.styles import ACCENT, INK, Look, ensure_styles
from kit.writers.ooxml import normalized_zip, set_core_properties

ROOT = Path(__file__).resolve().parent.parent
BODY_FONT = "Cambria"
HEADING_FONT = "Calibri"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PKG = "http://schemas.openxmlformats.org/package/2006"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"

CONTENT_TYPES = f"""{HEAD}<Types xmlns="{PKG}/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""

PACKAGE_RELS = f"""{HEAD}<Relationships xmlns="{PKG}/relationships">
<Relationship Id="rId1" Type="{DOC_REL}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="{PKG}/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="{DOC_REL}/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""

DOCUMENT_RELS = f"""{HEAD}<Relationships xmlns="{PKG}/relationships">
<Relationship Id="rId1" Type="{DOC_REL}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{DOC_REL}/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="{DOC_REL}/settings" Target="settings.xml"/>
<Relationship Id="rId4" Type="{DOC_REL}/fontTable" Target="fontTable.xml"/>
<Relationship Id="rId5" Type="{DOC_REL}/theme" Target="theme/theme1.xml"/>
</Relationships>"""

# US Letter; one-inch sides, a little less at top and bottom. Handouts narrow these.
DOCUMENT = f"""{HEAD}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>
<w:sectPr><w:pgSz w:w="12240" w:h="15840"/>
<w:pgMar w:top="1296" w:right="1440" w:bottom="1296" w:left="1440" w:header="648" w:footer="576" w:gutter="0"/>
<w:cols w:space="720"/></w:sectPr>
</w:body></w:document>"""

STYLES = f"""{HEAD}<w:styles xmlns:w="{W}" xmlns:r="{R}">
<w:docDefaults>
<w:rPrDefault><w:rPr>
<w:rFonts w:ascii="{BODY_FONT}" w:eastAsia="{BODY_FONT}" w:hAnsi="{BODY_FONT}" w:cs="{BODY_FONT}"/>
<w:color w:val="{INK}"/><w:sz w:val="22"/><w:szCs w:val="22"/>
<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>
</w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="140" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="{ACCENT}"/><w:u w:val="single"/></w:rPr></w:style>
</w:styles>"""

NUMBERING = f"""{HEAD}<w:numbering xmlns:w="{W}"/>"""

SETTINGS = f"""{HEAD}<w:settings xmlns:w="{W}">
<w:zoom w:percent="100"/>
<w:defaultTabStop w:val="720"/>
<w:characterSpacingControl w:val="doNotCompress"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
<w:themeFontLang w:val="en-US"/>
<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" w:followedHyperlink="followedHyperlink"/>
<w:decimalSymbol w:val="."/>
<w:listSeparator w:val=","/>
</w:settings>"""

FONTS = f"""{HEAD}<w:fonts xmlns:w="{W}">
<w:font w:name="{BODY_FONT}"><w:panose1 w:val="02040503050406030204"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="{HEADING_FONT}"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="Segoe UI Symbol"><w:panose1 w:val="020B0502040204020203"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
</w:fonts>"""


def _srgb(tag: str, value: str) -> str:
    return f'<a:{tag}><a:srgbClr val="{value}"/></a:{tag}>'


_SOLID = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
_LINE = '<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">' + _SOLID + "</a:ln>"
THEME = f"""{HEAD}<a:theme xmlns:a="{A}" name="Kit">
<a:themeElements>
<a:clrScheme name="Kit">
<a:dk1><a:srgbClr val="{INK}"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>
{_srgb("dk2", "24424C")}{_srgb("lt2", "EEF2F3")}
{_srgb("accent1", ACCENT)}{_srgb("accent2", "8C6A3F")}{_srgb("accent3", "6B7F4A")}
{_srgb("accent4", "7A5C7E")}{_srgb("accent5", "4F7C99")}{_srgb("accent6", "9A4F45")}
{_srgb("hlink", ACCENT)}{_srgb("folHlink", "5B4A6B")}
</a:clrScheme>
<a:fontScheme name="Kit">
<a:majorFont><a:latin typeface="{HEADING_FONT}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>
<a:minorFont><a:latin typeface="{BODY_FONT}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>
</a:fontScheme>
<a:fmtScheme name="Kit">
<a:fillStyleLst>{_SOLID * 3}</a:fillStyleLst>
<a:lnStyleLst>{_LINE.format(w=6350)}{_LINE.format(w=12700)}{_LINE.format(w=19050)}</a:lnStyleLst>
<a:effectStyleLst>{"<a:effectStyle><a:effectLst/></a:effectStyle>" * 3}</a:effectStyleLst>
<a:bgFillStyleLst>{_SOLID * 3}</a:bgFillStyleLst>
</a:fmtScheme>
</a:themeElements>
<a:objectDefaults/><a:extraClrSchemeLst/>
</a:theme>"""

CORE = f"""{HEAD}<cp:coreProperties xmlns:cp="{PKG}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>"""

APP = f"""{HEAD}<Properties xmlns="{DOC_REL.replace("relationships", "extended-properties")}"><Application>kit</Application></Properties>"""

PARTS = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": PACKAGE_RELS,
    "docProps/core.xml": CORE,
    "docProps/app.xml": APP,
    "word/document.xml": DOCUMENT,
    "word/_rels/document.xml.rels": DOCUMENT_RELS,
    "word/styles.xml": STYLES,
    "word/numbering.xml": NUMBERING,
    "word/settings.xml": SETTINGS,
    "word/fontTable.xml": FONTS,
    "word/theme/theme1.xml": THEME,
}


def make_base() -> bytes:
    """The bytes of the base document."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as out:
        for name, text in PARTS.items():
            out.writestr(name, text.replace("\n", ""))
    doc = docx.Document(io.BytesIO(raw.getvalue()))
    ensure_styles(doc, Look.kit(HEADING_FONT))
    set_core_properties(doc.core_properties, title="", subject="", author="")
    out = io.BytesIO()
    doc.save(out)
    return normalized_zip(out.getvalue())


def main(argv: list[str]) -> int:
    """Write the base document."""
    target = Path(argv[0]) if argv else ROOT / "templates" / "base.docx"
    target.write_bytes(make_base())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
