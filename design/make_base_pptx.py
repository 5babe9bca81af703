"""Make templates/base.pptx: kit's own 16:9 deck template, a master and nine named layouts.

    python design/make_base_pptx.py

The look: a warm cream page with espresso text; deep espresso, terracotta and sage
slides to mark the title, the big idea, couple time and the close. Headings and
scripture in Cambria, everything else in Calibri: fonts PowerPoint has on Windows and
macOS, and that LibreOffice renders the same with Caladea and Carlito.

Layouts (kit looks them up by these names; a church template uses the standard ones):
Title Slide, Big Idea, Title and Content, Title Only, Scripture, Question, Couple Time,
Closing, Blank. The placeholders named Kicker and Caption hold the small
line above a title and the line under a body.
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.util import Emu

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates" / "base.pptx"

IN = 914400
W, H = 12192000, 6858000
LEFT = int(0.9 * IN)
WIDTH = W - 2 * LEFT

COLORS = {
    "dk1": "2E2723",  # body text: warm charcoal
    "lt1": "FFFFFF",
    "dk2": "3A2A22",  # headings on cream; the dark slides' ground
    "lt2": "F7F1E6",  # cream page
    "accent1": "A8532F",  # terracotta
    "accent2": "55654A",  # deep sage
    "accent3": "D9A655",  # ochre
    "accent4": "8A5A44",  # clay
    "accent5": "5D7480",  # slate
    "accent6": "E7DCCB",  # sand
    "hlink": "9C4A2B",
    "folHlink": "7A6A5E",
}
MAJOR, MINOR = "Cambria", "Calibri"

NSDECL = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
DARK_MAP = (
    '<p:clrMapOvr><a:overrideClrMapping bg1="dk1" tx1="lt1" bg2="dk2" tx2="lt2" '
    'accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" '
    'accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/></p:clrMapOvr>'
)
LIGHT_MAP = "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"


def inches(value: float) -> int:
    """EMU of a length in inches."""
    return round(value * IN)


def xfrm(x: int, y: int, cx: int, cy: int) -> str:
    """A shape's position."""
    return f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'


def fill(color: str) -> str:
    """A solid fill in a theme color or an RGB hex."""
    if color in COLORS or color in ("bg1", "bg2", "tx1", "tx2"):
        return f'<a:solidFill><a:schemeClr val="{color}"/></a:solidFill>'
    return f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>'


def run_props(
    size: int,
    color: str,
    font: str = "+mn-lt",
    *,
    bold: bool = False,
    italic: bool = False,
    caps: bool = False,
    spacing: int = 0,
) -> str:
    """Default run properties for a level of a text style."""
    attrs = f'sz="{size * 100}" b="{int(bold)}" i="{int(italic)}"'
    if caps:
        attrs += ' cap="all"'
    if spacing:
        attrs += f' spc="{spacing}"'
    return f'<a:defRPr {attrs}>{fill(color)}<a:latin typeface="{font}"/></a:defRPr>'


def level(
    size: int,
    color: str,
    font: str = "+mn-lt",
    *,
    line: int = 100,
    before: int = 0,
    align: str = "l",
    **kw,
) -> str:
    """A level-1 paragraph style without bullets."""
    return (
        f'<a:lvl1pPr marL="0" indent="0" algn="{align}">'
        f'<a:lnSpc><a:spcPct val="{line * 1000}"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{before * 100}"/></a:spcBef><a:buNone/>'
        f"{run_props(size, color, font, **kw)}</a:lvl1pPr>"
    )


def placeholder(
    sid: int,
    name: str,
    ph: str,
    box: tuple[int, int, int, int],
    style: str,
    prompt: str,
    *,
    anchor: str = "t",
) -> str:
    """A placeholder with its own position and level-1 style."""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{name}"/><p:cNvSpPr>'
        f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr>'
        f"<p:spPr>{xfrm(*box)}</p:spPr>"
        f'<p:txBody><a:bodyPr vert="horz" wrap="square" lIns="0" tIns="45720" rIns="0" '
        f'bIns="45720" rtlCol="0" anchor="{anchor}"><a:noAutofit/></a:bodyPr>'
        f"<a:lstStyle>{style}</a:lstStyle>"
        f'<a:p><a:r><a:rPr lang="en-US"/><a:t>{prompt}</a:t></a:r></a:p></p:txBody></p:sp>'
    )


def rect(sid: int, name: str, box: tuple[int, int, int, int], color: str) -> str:
    """A plain filled rectangle drawn on a layout."""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{name}"/><p:cNvSpPr/>'
        f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{xfrm(*box)}'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill(color)}<a:ln><a:noFill/></a:ln>'
        f"</p:spPr></p:sp>"
    )


def background(color: str) -> str:
    """A layout's solid background."""
    return f"<p:bg><p:bgPr>{fill(color)}<a:effectLst/></p:bgPr></p:bg>"


def tree(shapes: list[str]) -> str:
    """A shape tree holding the shapes."""
    return (
        '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
        f"<p:grpSpPr>{xfrm(0, 0, 0, 0).replace('</a:xfrm>', '')}"
        '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
        + "".join(shapes)
        + "</p:spTree>"
    )


def layout_xml(name: str, kind: str, shapes: list[str], *, bg: str = "", dark: bool = False) -> str:
    """A whole slide layout part."""
    kind_attr = f' type="{kind}"' if kind else ""
    return (
        f'<p:sldLayout {NSDECL}{kind_attr} preserve="1"><p:cSld name="{name}">{bg}'
        f"{tree(shapes)}</p:cSld>{DARK_MAP if dark else LIGHT_MAP}</p:sldLayout>"
    )


# --- shared pieces ---------------------------------------------------------------

KICKER_Y = inches(0.86)
BAR = (LEFT, inches(0.72), inches(0.62), inches(0.07))
BAND = (0, H - inches(0.14), W, inches(0.14))


def kicker(sid: int, y: int = KICKER_Y, color: str = "accent1") -> str:
    """The small capitals line above a title."""
    style = level(20, color, bold=True, caps=True, spacing=150)
    return placeholder(
        sid,
        "Kicker",
        '<p:ph type="body" sz="quarter" idx="13"/>',
        (LEFT, y, WIDTH, inches(0.5)),
        style,
        "Week 1 \u00b7 Part",
    )


def caption(sid: int, y: int, color: str = "accent1", size: int = 22) -> str:
    """The line under a body: a translation, a church, next week."""
    style = level(size, color, bold=False)
    return placeholder(
        sid,
        "Caption",
        '<p:ph type="body" sz="quarter" idx="14"/>',
        (LEFT, y, WIDTH, inches(0.6)),
        style,
        "Caption",
    )


def title(sid: int, y: int, h: int, size: int = 40, color: str = "tx2", x: int = LEFT) -> str:
    """A slide title in the heading font."""
    style = level(size, color, "+mj-lt", line=90)
    return placeholder(
        sid, "Title", '<p:ph type="title"/>', (x, y, W - LEFT - x, h), style, "Title"
    )


def body(
    sid: int,
    box: tuple[int, int, int, int],
    size: int,
    color: str = "tx1",
    font: str = "+mn-lt",
    *,
    ph: str = '<p:ph type="body" idx="1"/>',
    italic: bool = False,
    anchor: str = "t",
) -> str:
    """The main text of a slide."""
    style = level(size, color, font, italic=italic)
    return placeholder(sid, "Body", ph, box, style, "Text", anchor=anchor)


def light(shapes: list[str]) -> list[str]:
    """A cream slide's accent bar and foot band, then its shapes."""
    return [rect(2, "Accent", BAR, "accent1"), rect(3, "Band", BAND, "accent6"), *shapes]


# --- the layouts ---------------------------------------------------------------------

TITLE_TOP, TITLE_H = inches(1.3), inches(0.8)
"""A title box holds one line; kit grows it into the body's room for a longer title."""
BODY_TOP = inches(2.3)
BODY_H = H - BODY_TOP - inches(0.75)
DARK_TITLE = inches(1.9)
ORNAMENT = (inches(8.9), inches(-1.6), inches(6.4), inches(6.4))
ORNAMENT_COLOR = "4A382E"
BIG_IDEA_GROUND = "8F4526"  # a deeper terracotta than accent1, for light text to read on
BIG_IDEA_GOLD = "F0D098"  # a lighter ochre: 4.6:1 on that ground, where accent3 is 3.1:1
BIG_IDEA_ORNAMENT = "9C4E2D"  # a shade lighter than the ground, as on the other dark slides
LOW_ORNAMENT = (inches(9.6), inches(4.1), inches(5.6), inches(5.6))
"""A circle rising from the lower right corner of the big idea and couple time slides."""


def ellipse(sid: int, name: str, box: tuple[int, int, int, int], color: str) -> str:
    """A filled circle drawn on a layout, for the dark slides' quiet ornament."""
    return rect(sid, name, box, color).replace('prst="rect"', 'prst="ellipse"')


def dark_head(color: str = "accent3") -> list[str]:
    """The accent bar and kicker of a dark slide."""
    return [
        rect(2, "Accent", (LEFT, inches(1.3), inches(0.62), inches(0.07)), color),
        kicker(3, inches(1.44), color),
    ]


def layouts() -> list[str]:
    """Every layout, in the order they appear in PowerPoint's layout menu."""
    return [
        layout_xml(
            "Title Slide",
            "title",
            [
                ellipse(8, "Ornament", ORNAMENT, ORNAMENT_COLOR),
                placeholder(
                    5,
                    "Title",
                    '<p:ph type="ctrTitle"/>',
                    (LEFT, inches(1.0), WIDTH, inches(3.45)),
                    level(54, "tx1", "+mj-lt", line=90),
                    "Lesson title",
                    anchor="b",
                ),
                rect(2, "Accent", (LEFT, inches(4.68), inches(0.62), inches(0.07)), "accent3"),
                kicker(4, inches(4.82), "accent3"),
                placeholder(
                    6,
                    "Subtitle",
                    '<p:ph type="subTitle" idx="1"/>',
                    (LEFT, inches(5.32), WIDTH, inches(0.95)),
                    level(24, "accent6"),
                    "Course",
                ),
                caption(7, inches(6.22), "accent3", 20),
            ],
            bg=background("dk2"),
            dark=True,
        ),
        layout_xml(
            "Big Idea",
            "secHead",
            [
                ellipse(6, "Ornament", LOW_ORNAMENT, BIG_IDEA_ORNAMENT),
                *dark_head(BIG_IDEA_GOLD),
                title(4, DARK_TITLE, inches(0.72), 32, "accent6"),
                body(5, (LEFT, inches(2.75), WIDTH, inches(3.95)), 40, "tx1", "+mj-lt"),
            ],
            bg=background(BIG_IDEA_GROUND),
            dark=True,
        ),
        layout_xml(
            "Title and Content",
            "obj",
            light(
                [
                    kicker(4),
                    title(5, TITLE_TOP, TITLE_H),
                    body(6, (LEFT, BODY_TOP, WIDTH, BODY_H), 28, ph='<p:ph idx="1"/>'),
                ]
            ),
        ),
        layout_xml("Title Only", "titleOnly", light([kicker(4), title(5, TITLE_TOP, TITLE_H)])),
        layout_xml(
            "Scripture",
            "",
            light(
                [
                    kicker(4),
                    title(5, TITLE_TOP, TITLE_H),
                    body(
                        7,
                        (LEFT, BODY_TOP, WIDTH, inches(3.75)),
                        34,
                        "tx1",
                        "+mj-lt",
                        italic=True,
                        anchor="ctr",
                    ),
                    caption(8, inches(6.12)),
                ]
            ),
        ),
        layout_xml(
            "Question",
            "",
            light(
                [
                    kicker(4),
                    title(5, TITLE_TOP, TITLE_H),
                    body(
                        7,
                        (LEFT, BODY_TOP, WIDTH, BODY_H - inches(0.3)),
                        44,
                        "tx2",
                        "+mj-lt",
                        anchor="ctr",
                    ),
                ]
            ),
        ),
        layout_xml(
            "Couple Time",
            "",
            [
                ellipse(6, "Ornament", LOW_ORNAMENT, "607157"),
                *dark_head("accent6"),
                title(4, DARK_TITLE, inches(0.82), 44, "tx1"),
                body(5, (LEFT, inches(2.95), WIDTH, inches(3.75)), 28, "tx1"),
            ],
            bg=background("accent2"),
            dark=True,
        ),
        layout_xml(
            "Closing",
            "",
            [
                ellipse(7, "Ornament", ORNAMENT, ORNAMENT_COLOR),
                *dark_head(),
                title(4, DARK_TITLE, inches(0.82), 44, "tx1"),
                body(5, (LEFT, inches(2.95), WIDTH, inches(2.7)), 28, "accent6"),
                caption(6, inches(5.9), "accent3", 22),
            ],
            bg=background("dk2"),
            dark=True,
        ),
        layout_xml("Blank", "blank", []),
    ]


def master_xml(layout_ids: str) -> str:
    """The slide master: cream ground, title and body styles, no footer placeholders."""
    bullets = "".join(
        f'<a:lvl{n}pPr marL="{457200 * (n - 1)}" indent="-342900">'
        f'<a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="800"/></a:spcBef>'
        f'<a:buFont typeface="Arial"/><a:buChar char="\u2022"/>'
        f"{run_props(24, 'tx1')}</a:lvl{n}pPr>"
        for n in range(2, 10)
    )
    body_style = level(28, "tx1", before=10).replace("</a:lvl1pPr>", "</a:lvl1pPr>") + bullets
    return (
        f"<p:sldMaster {NSDECL}><p:cSld>{background('bg2')}"
        + tree(
            [
                placeholder(
                    2,
                    "Title Placeholder",
                    '<p:ph type="title"/>',
                    (LEFT, TITLE_TOP, WIDTH, TITLE_H),
                    "",
                    "Click to edit the title",
                ),
                placeholder(
                    3,
                    "Text Placeholder",
                    '<p:ph type="body" idx="1"/>',
                    (LEFT, BODY_TOP, WIDTH, BODY_H),
                    "",
                    "Click to edit the text",
                ),
            ]
        )
        + "</p:cSld>"
        '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" '
        'accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" '
        'accent6="accent6" hlink="hlink" folHlink="folHlink"/>'
        f"{layout_ids}"
        "<p:txStyles>"
        f"<p:titleStyle>{level(40, 'tx2', '+mj-lt', line=90)}</p:titleStyle>"
        f"<p:bodyStyle>{body_style}</p:bodyStyle>"
        f"<p:otherStyle>{level(18, 'tx1')}</p:otherStyle>"
        "</p:txStyles></p:sldMaster>"
    )


def theme_xml(original: bytes) -> bytes:
    """The default theme with kit's colors and fonts."""
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    root = etree.fromstring(original)
    root.set("name", "Kit Warm")
    scheme = root.find(f".//{{{a}}}clrScheme")
    scheme.set("name", "Kit Warm")
    for key, value in COLORS.items():
        slot = scheme.find(f"{{{a}}}{key}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{a}}}srgbClr", val=value)
    fonts = root.find(f".//{{{a}}}fontScheme")
    fonts.set("name", "Kit Warm")
    fonts.find(f"{{{a}}}majorFont/{{{a}}}latin").set("typeface", MAJOR)
    fonts.find(f"{{{a}}}minorFont/{{{a}}}latin").set("typeface", MINOR)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def main() -> None:
    """Build the template and write it."""
    OUT.write_bytes(make_base())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


def make_base() -> bytes:
    """The template's bytes, the same on every run."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(W), Emu(H)
    prs.part._element.find(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}sldSz"
    ).attrib.pop("type", None)
    master = prs.slide_master
    designs = layouts()
    for extra in list(prs.slide_layouts)[len(designs) :]:
        prs.slide_layouts.remove(extra)
    for layout, xml in zip(prs.slide_layouts, designs, strict=True):
        layout.part._element = parse_xml(xml)
    ids = etree.tostring(
        master._element.find(
            "{http://schemas.openxmlformats.org/presentationml/2006/main}sldLayoutIdLst"
        )
    ).decode()
    master.part._element = parse_xml(master_xml(ids))
    theme = master.part.part_related_by(RT.THEME)
    theme._blob = theme_xml(theme.blob)
    # A notes master of kit's own, so decks never need python-pptx's default one.
    prs.notes_master  # noqa: B018 - creating it is the point
    for rel_id, rel in list(prs.part.package._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            prs.part.package.drop_rel(rel_id)
    prs.core_properties.title = "Kit slides"
    out = io.BytesIO()
    prs.save(out)
    return _stable(out.getvalue())


def _stable(data: bytes) -> bytes:
    import sys

    sys.path.insert(0, str(ROOT))
    from kit.writers.ooxml import normalized_zip, set_core_properties

    prs = Presentation(io.BytesIO(data))
    set_core_properties(prs.core_properties, title="Kit slides", subject="", author="")
    out = io.BytesIO()
    prs.save(out)
    return normalized_zip(out.getvalue())


if __name__ == "__main__":
    main()
