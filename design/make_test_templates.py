"""Make tests/fixtures/templates-pptx/*.pptx: ten church slide templates unlike kit's own.

    python design/make_test_templates.py

Each starts from PowerPoint's standard layouts and changes what churches change: theme
colours and fonts, light or dark grounds, left or centred titles, a logo (a small PNG
drawn here) in a corner, bands and grouped or turned ornaments on the master or a layout,
placeholders small or in odd places, 4:3 or 16:9, one with only a Blank layout, and two
whose background is a photo (a picture drawn here) under a light theme: one dark, one
light and dark in halves.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from PIL import Image, ImageDraw, ImageFilter
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.presentation import Presentation as PptxPresentation
from pptx.util import Emu

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "templates-pptx"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:a="{A}" xmlns:p="{P}" xmlns:r="{R}"'
IN = 914400
WIDE, NARROW, HEIGHT = 12192000, 9144000, 6858000


@dataclass
class Spec:
    """What one template looks like."""

    name: str
    colors: dict[str, str]
    major: str
    minor: str
    width: int = WIDE
    centred: bool = False
    dark: bool = False
    """Light text on a dark ground: the master's map puts bg1 on dk1."""
    logo: str = ""
    """Corner of the logo: "tr", "bl", "br" or "" for none."""
    shapes: list[str] = field(default_factory=list)
    """Master shapes, as XML made by the helpers below (ids from 100)."""
    layouts: dict[str, list[str]] = field(default_factory=dict)
    """Shapes drawn on named layouts."""
    keep: tuple[str, ...] = ()
    """Only these layouts stay (all when empty)."""
    small_body: bool = False
    """The content layouts' body placeholder shrunk into a corner, its title in a band."""
    gradient: tuple[str, str] = ("", "")
    """A master background gradient between two RGB colours."""
    photo: str = ""
    """A picture as the master's background, whatever the theme says: "night" (dark all
    over) or "split" (a light wall on the left, dark on the right, a green bush)."""


def rect(sid: int, x: int, y: int, cx: int, cy: int, color: str, prst: str = "rect") -> str:
    """A filled shape; `color` is a scheme name or RGB hex."""
    tag = "schemeClr" if not color[0].isdigit() and len(color) != 6 else "srgbClr"
    return (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{sid}" name="Decor {sid}"/><p:cNvSpPr/>'
        '<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>'
        f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:{tag} val="{color}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        "</p:spPr></p:sp>"
    )


def turned(shape: str, degrees: int) -> str:
    """A shape turned by some degrees."""
    return shape.replace("<a:xfrm>", f'<a:xfrm rot="{degrees * 60000}">', 1)


def group(sid: int, x: int, y: int, scale: float, children: list[str]) -> str:
    """Shapes drawn in child coordinates from (0, 0), placed at (x, y) and scaled."""
    ext = 2 * IN
    inner = "".join(c.replace(f" {NS}", "") for c in children)
    return (
        f'<p:grpSp {NS}><p:nvGrpSpPr><p:cNvPr id="{sid}" name="Ornament"/><p:cNvGrpSpPr/>'
        f'<p:nvPr userDrawn="1"/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="{x}" y="{y}"/>'
        f'<a:ext cx="{round(ext * scale)}" cy="{round(ext * scale)}"/><a:chOff x="0" y="0"/>'
        f'<a:chExt cx="{ext}" cy="{ext}"/></a:xfrm></p:grpSpPr>{inner}</p:grpSp>'
    )


def logo_png(color: str) -> bytes:
    """A small round logo with a cross, as a PNG."""
    img = Image.new("RGBA", (96, 96), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    rgb = tuple(int(color[i : i + 2], 16) for i in (0, 2, 4))
    draw.ellipse((2, 2, 93, 93), fill=(*rgb, 255))
    draw.rectangle((43, 18, 52, 78), fill=(255, 255, 255, 255))
    draw.rectangle((28, 34, 67, 43), fill=(255, 255, 255, 255))
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def add_logo(prs: PptxPresentation, corner: str, color: str) -> None:
    """The logo as a picture on the master, in a corner."""
    master = prs.slide_master
    _, rid = master.part.get_or_add_image_part(io.BytesIO(logo_png(color)))
    size = int(0.9 * IN)
    margin = int(0.3 * IN)
    x = prs.slide_width - size - margin if corner[1] == "r" else margin
    y = margin if corner[0] == "t" else prs.slide_height - size - margin
    pic = parse_xml(
        f'<p:pic {NS}><p:nvPicPr><p:cNvPr id="120" name="Logo"/><p:cNvPicPr>'
        '<a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr userDrawn="1"/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{size}" cy="{size}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
    )
    master.shapes.element.append(pic)


def night_jpeg() -> bytes:
    """A dark photo-like picture: a deep blue sky, lighter toward a hazy horizon, two glows."""
    width, height = 1280, 720
    img = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(img)
    for y in range(height):
        t = y / (height - 1)
        draw.line([(0, y), (width, y)], fill=(int(12 + 26 * t), int(16 + 30 * t), int(30 + 34 * t)))
    for x, y, r in ((300, 520, 120), (980, 260, 90)):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(66, 80, 104))
    img = img.filter(ImageFilter.GaussianBlur(48))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


def split_jpeg() -> bytes:
    """A busy photo-like picture, light on the left and dark on the right: no colour of
    text reads on all of it."""
    img = Image.new("RGB", (1280, 720), (235, 225, 200))
    draw = ImageDraw.Draw(img)
    draw.rectangle((640, 0, 1279, 719), fill=(30, 35, 50))
    draw.ellipse((200, 300, 700, 800), fill=(90, 110, 80))
    img = img.filter(ImageFilter.GaussianBlur(30))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


def set_photo(prs: PptxPresentation, photo: str) -> None:
    """The named picture as the master's background, stretched over the slide."""
    master = prs.slide_master
    jpeg = night_jpeg() if photo == "night" else split_jpeg()
    _, rid = master.part.get_or_add_image_part(io.BytesIO(jpeg))
    bg = master.element.find(f"{{{P}}}cSld/{{{P}}}bg")
    bg.getparent().replace(
        bg,
        parse_xml(
            f'<p:bg {NS}><p:bgPr><a:blipFill dpi="0" rotWithShape="1"><a:blip r:embed="{rid}"/>'
            "<a:srcRect/><a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/>"
            "</p:bgPr></p:bg>"
        ),
    )


def set_theme(prs: PptxPresentation, spec: Spec) -> None:
    """The spec's colours and fonts in the master's theme."""
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    root.set("name", spec.name)
    scheme = root.find(f".//{{{A}}}clrScheme")
    for key, value in spec.colors.items():
        slot = scheme.find(f"{{{A}}}{key}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=value)
    fonts = root.find(f".//{{{A}}}fontScheme")
    fonts.find(f"{{{A}}}majorFont/{{{A}}}latin").set("typeface", spec.major)
    fonts.find(f"{{{A}}}minorFont/{{{A}}}latin").set("typeface", spec.minor)
    # A design script may set a part's bytes: python-pptx has no API to edit a theme.
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def widen(prs: PptxPresentation, width: int) -> None:
    """Make the slides `width` wide, moving and stretching every placeholder with them."""
    scale = width / prs.slide_width
    prs.slide_width = Emu(width)
    parts = [prs.slide_master, *prs.slide_layouts]
    for part in parts:
        for off in part.element.iter(f"{{{A}}}off"):
            off.set("x", str(round(int(off.get("x")) * scale)))
        for ext in part.element.iter(f"{{{A}}}ext"):
            if ext.get("cx") is not None:
                ext.set("cx", str(round(int(ext.get("cx")) * scale)))


def make(spec: Spec) -> bytes:
    """The template's bytes."""
    prs = Presentation()
    if spec.width != prs.slide_width:
        widen(prs, spec.width)
    set_theme(prs, spec)
    master = prs.slide_master
    if spec.dark:
        cmap = master.element.find(f"{{{P}}}clrMap")
        cmap.attrib.update({"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"})
    if spec.gradient[0]:
        bg = master.element.find(f"{{{P}}}cSld/{{{P}}}bg")
        stops = "".join(
            f'<a:gs pos="{pos}"><a:srgbClr val="{c}"/></a:gs>'
            for pos, c in zip((0, 100000), spec.gradient, strict=True)
        )
        bg.getparent().replace(
            bg,
            parse_xml(
                f"<p:bg {NS}><p:bgPr><a:gradFill><a:gsLst>{stops}</a:gsLst>"
                '<a:lin ang="5400000" scaled="0"/></a:gradFill><a:effectLst/></p:bgPr></p:bg>'
            ),
        )
    if spec.photo:
        set_photo(prs, spec.photo)
    style = master.element.find(f"{{{P}}}txStyles/{{{P}}}titleStyle/{{{A}}}lvl1pPr")
    style.set("algn", "ctr" if spec.centred else "l")
    tree = master.shapes.element
    for xml in spec.shapes:
        tree.insert(2, parse_xml(xml))
    if spec.logo:
        add_logo(prs, spec.logo, spec.colors.get("accent1", "2E6DA4"))
    for layout in list(prs.slide_layouts):
        if spec.keep and layout.name not in spec.keep:
            prs.slide_layouts.remove(layout)
            continue
        for xml in spec.layouts.get(layout.name, []):
            layout.shapes.element.insert(2, parse_xml(xml))
        for ph in layout.placeholders:
            if spec.centred and ph.placeholder_format.type in (1, 3):  # title, centre title
                for lvl in ph.element.iter(f"{{{A}}}lvl1pPr"):
                    lvl.set("algn", "ctr")
            if spec.small_body and layout.name == "Title and Content":
                if ph.placeholder_format.idx == 1:
                    ph.left, ph.top = Emu(prs.slide_width - 3 * IN), Emu(5 * IN)
                    ph.width, ph.height = Emu(int(2.6 * IN)), Emu(int(0.8 * IN))
                elif ph.placeholder_format.idx == 0:
                    ph.top, ph.height = Emu(int(0.1 * IN)), Emu(int(0.6 * IN))
    out = io.BytesIO()
    prs.save(out)
    sys.path.insert(0, str(ROOT))
    from kit.writers.ooxml import normalized_zip, set_core_properties

    prs = Presentation(io.BytesIO(out.getvalue()))
    set_core_properties(prs.core_properties, title=spec.name, subject="", author="")
    out = io.BytesIO()
    prs.save(out)
    return normalized_zip(out.getvalue())


NAVY_GOLD = {"dk1": "1B1B1B", "dk2": "1F3A5F", "lt2": "EEF2F7", "accent1": "C8A24A"}
NAVY_GOLD |= {"accent2": "1F3A5F", "accent3": "7A8CA5"}


def specs() -> list[Spec]:
    """The eight templates."""
    top_band = rect(101, 0, 0, WIDE, int(1.1 * IN), "accent2")
    under_title = rect(110, 0, int(0.1 * IN), WIDE, int(0.6 * IN), "accent2")
    slant = turned(
        rect(100, int(7.6 * IN), int(5.2 * IN), int(2.4 * IN), int(0.5 * IN), "accent3"), 30
    )
    ring = int(1.4 * IN)
    rings = [
        rect(101, 0, int(0.6 * IN), ring, ring, "accent1", "ellipse"),
        rect(102, int(0.6 * IN), 0, ring, ring, "accent2", "ellipse"),
    ]
    corner = (WIDE - int(2.6 * IN), HEIGHT - int(2.2 * IN))
    return [
        Spec(
            "navy-gold",  # the template: logo and a band on the master
            NAVY_GOLD,
            "Georgia",
            "Arial",
            centred=True,
            logo="tr",
            shapes=[rect(100, 0, HEIGHT - int(0.45 * IN), WIDE, int(0.45 * IN), "tx2")],
        ),
        Spec(
            "dark-serif",
            {"dk1": "14213D", "lt1": "F5F0E6", "dk2": "0B1426", "lt2": "E5D9BF"}
            | {"accent1": "E0B84F", "accent2": "8FB3D9"},
            "Times New Roman",
            "Cambria",
            centred=True,
            dark=True,
            logo="bl",
        ),
        Spec(
            "bold-band",
            {"dk2": "202020", "accent1": "D1495B", "accent2": "00798C", "accent3": "EDAE49"},
            "Arial",
            "Arial",
            shapes=[top_band],
        ),
        Spec(
            "fourthree-left",
            {"dk2": "2D4739", "accent1": "5B8C5A", "accent2": "CFD186", "accent3": "E3655B"},
            "Cambria",
            "Calibri",
            width=NARROW,
            logo="bl",
            shapes=[rect(100, NARROW - int(0.35 * IN), 0, int(0.35 * IN), HEIGHT, "accent1")],
        ),
        Spec(
            "blank-only",
            {"accent1": "6A4C93", "accent2": "1982C4"},
            "Calibri",
            "Calibri",
            logo="br",
            keep=("Blank",),
        ),
        Spec(
            "small-placeholders",  # a body placeholder in a corner; a band under the title
            {"dk2": "3B2F2F", "accent1": "B5651D", "accent2": "F2E8CF"},
            "Georgia",
            "Verdana",
            keep=("Title Slide", "Title and Content", "Section Header", "Blank"),
            small_body=True,
            layouts={"Title and Content": [under_title]},
        ),
        Spec(
            "pale-accents",  # accents too light to read on white: kit falls back to dark text
            {"dk2": "333F48", "accent1": "F7E08A", "accent2": "CDE7F0", "accent3": "FBD3C7"}
            | {"accent4": "E2F0CB", "accent5": "FFF1B5", "accent6": "DDE2E6"},
            "Arial",
            "Georgia",
            width=NARROW,
            centred=True,
            logo="tr",
            shapes=[slant],
        ),
        Spec(
            "gradient-ornament",  # a dark gradient, and a group of shapes, scaled, bottom right
            {"dk1": "101820", "lt1": "FFFFFF", "dk2": "1D2B38", "lt2": "D7E3EE"}
            | {"accent1": "F2AA4C", "accent2": "5FA8D3"},
            "Calibri",
            "Calibri",
            dark=True,
            gradient=("1D2B38", "0E161F"),
            shapes=[group(100, *corner, 1.0, rings)],
        ),
        Spec(
            "photo-night",  # a dark photo behind a light theme: kit reads the picture's colours
            {"dk2": "44546A", "accent1": "E8B04B", "accent2": "7FC1DE"},
            "Georgia",
            "Calibri",
            photo="night",
            logo="br",
        ),
        Spec(
            "photo-split",  # light and dark halves: no text colour reads, kit lays a panel
            {"dk2": "44546A", "accent1": "E8B04B", "accent2": "7FC1DE"},
            "Georgia",
            "Calibri",
            photo="split",
        ),
    ]


def main() -> None:
    """Write every template."""
    OUT.mkdir(parents=True, exist_ok=True)
    for spec in specs():
        path = OUT / f"{spec.name}.pptx"
        path.write_bytes(make(spec))
        print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
