"""A template's own background tone: the colour most of a layout's slides show.

A template saved by LibreOffice carries Office's default theme whatever it looks like, so
its theme's background colour (white) says nothing of a template drawn dark: a black band
over most of the slide, a night photo. Kit paints a small picture of what a layout shows,
its background and every shape its master and the layout draw over it, and takes the
colour at the middle of its lightness. A panel under kit's text takes that tone, so a
dark template keeps dark slides with light text.
"""

from __future__ import annotations

from lxml import etree
from PIL import Image
from pptx.opc.package import Part
from pptx.slide import SlideLayout

from kit.writers.ooxml import NAMESPACES, qn
from kit.writers.pptx.furniture import drawn
from kit.writers.pptx.pictures import Pictures
from kit.writers.pptx.theme import (
    Theme,
    background_of,
    color_map,
    contrast,
    luminance,
    reference_colors,
    resolve,
)

CANVAS = (32, 18)
"""The size in pixels of the picture of a layout that its tone is read from."""


def tone(layout: SlideLayout, theme: Theme, size: tuple[int, int], pictures: Pictures) -> str:
    """The colour at the middle of the lightness of what the layout shows, as RGB hex."""
    mapping = color_map(layout.slide_master, layout)
    canvas = Image.new("RGB", CANVAS, f"#{theme.colors[mapping['bg1']]}")
    background = background_of(layout.slide_master, layout)
    if background is not None:
        owner, bg = background
        fill = bg.find("p:bgPr", NAMESPACES)
        if fill is None:  # a reference to the theme's background styles, in a colour
            found = reference_colors(bg, theme, mapping)
            painted = Image.new("RGB", CANVAS, f"#{found[0]}") if found else None
        else:
            painted = _painted(fill, theme, mapping, owner.part, pictures, CANVAS)
        if painted is not None:
            canvas.paste(painted.convert("RGB"), (0, 0), painted.convert("RGBA"))
    width, height = size
    for shape, box in drawn(layout):
        left, top = round(box.left * CANVAS[0] / width), round(box.top * CANVAS[1] / height)
        right = round(box.right * CANVAS[0] / width)
        bottom = round(box.bottom * CANVAS[1] / height)
        left, top = max(0, left), max(0, top)
        right, bottom = min(CANVAS[0], right), min(CANVAS[1], bottom)
        if right <= left or bottom <= top:
            continue
        on_layout = shape.getroottree().getroot() is layout.element
        part = layout.part if on_layout else layout.slide_master.part
        fill = (
            shape.find(qn("p:blipFill")) if shape.tag == qn("p:pic") else shape.find(qn("p:spPr"))
        )
        if fill is None or shape.tag == qn("p:cxnSp"):
            continue
        painted = _painted(fill, theme, mapping, part, pictures, (right - left, bottom - top))
        if painted is not None:
            canvas.paste(painted.convert("RGB"), (left, top), painted.convert("RGBA"))
    data = canvas.tobytes()
    colors = sorted((data[i : i + 3].hex().upper() for i in range(0, len(data), 3)), key=luminance)
    return colors[len(colors) // 2]


def is_dark(color: str) -> bool:
    """True for a colour light text reads better on than dark text."""
    return contrast(color, "FFFFFF") > contrast(color, "000000")


def _painted(
    fill: etree._Element,
    theme: Theme,
    mapping: dict[str, str],
    part: Part,
    pictures: Pictures,
    size: tuple[int, int],
) -> Image.Image | None:
    """What a fill paints over a box of `size` pixels, or None for nothing known."""
    solid = fill.find("a:solidFill", NAMESPACES)
    if solid is not None and len(solid):
        rgb = resolve(solid[0], theme, mapping)
        return Image.new("RGB", size, f"#{rgb}") if rgb else None
    blip = fill.find("a:blip", NAMESPACES)
    if blip is None:
        blip = fill.find("a:blipFill/a:blip", NAMESPACES)
    if blip is not None:
        rid = blip.get(qn("r:embed"))
        if not rid or rid not in part.rels or part.rels[rid].is_external:
            return None  # a picture outside the file is never fetched
        sample = pictures.sample(part.related_part(rid).blob)
        return sample.resize(size) if sample is not None else None
    stops = fill.findall("a:gradFill/a:gsLst/a:gs", NAMESPACES)
    colors = [c for c in (resolve(gs[0], theme, mapping) for gs in stops if len(gs)) if c]
    if not colors:
        return None
    mean = [sum(int(c[i : i + 2], 16) for c in colors) // len(colors) for i in (0, 2, 4)]
    return Image.new("RGB", size, tuple(mean))
