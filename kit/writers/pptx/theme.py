"""A template's identity: its theme colours and fonts, a layout's background, text contrast.

A church's template keeps its look when kit sets text in its own boxes: the text takes the
theme's fonts and colours, each colour chosen so the text stands out from the slide's
background by at least the 4.5:1 contrast ratio WCAG asks of normal text.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree
from PIL import Image
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.slide import SlideLayout, SlideMaster

from kit.writers.ooxml import NAMESPACES, qn
from kit.writers.pptx.pictures import PICTURE_SAMPLE, Pictures

MIN_CONTRAST = 4.5
"""Contrast ratio text keeps against its background (WCAG AA, normal text)."""

SLOTS = ("dk1", "lt1", "dk2", "lt2", *(f"accent{n}" for n in range(1, 7)), "hlink", "folHlink")
"""The colour slots of a theme's colour scheme."""

DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
"""How a slide's colour names point at theme slots when nothing says otherwise."""

SYSTEM = {"windowText": "000000", "window": "FFFFFF"}
"""System colours a theme may name for dk1 and lt1, where it gives no last colour."""

PRESET = {"black": "000000", "white": "FFFFFF"}
"""The preset colours a template plausibly names; others count as mid grey."""


@dataclass(frozen=True)
class Theme:
    """A master's theme: its colour scheme and its heading and body fonts."""

    colors: dict[str, str]
    """RGB hex of each scheme slot, dk1 to folHlink."""
    major: str
    """The heading font."""
    minor: str
    """The body font."""


def read_theme(master: SlideMaster) -> Theme:
    """The colours and fonts of a master's theme."""
    root = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    scheme = root.find(".//a:clrScheme", NAMESPACES)
    colors = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "44546A", "lt2": "E7E6E6"}
    for slot in SLOTS:
        el = scheme.find(qn(f"a:{slot}")) if scheme is not None else None
        value = _own_color(el[0]) if el is not None and len(el) else None
        if value is not None:
            colors[slot] = value
    for n in range(1, 7):
        colors.setdefault(f"accent{n}", colors["dk2"])
    return Theme(colors, _font(root, "majorFont", "Calibri Light"), _font(root, "minorFont"))


def _font(theme: etree._Element, which: str, default: str = "Calibri") -> str:
    found = theme.find(f".//a:fontScheme/a:{which}/a:latin", NAMESPACES)
    typeface = found.get("typeface") if found is not None else None
    return typeface or default


def _own_color(el: etree._Element) -> str | None:
    """The RGB of a colour element that names no scheme colour."""
    tag = etree.QName(el).localname
    if tag == "srgbClr":
        return (el.get("val") or "").upper() or None
    if tag == "sysClr":
        return (el.get("lastClr") or SYSTEM.get(el.get("val", ""), "")).upper() or None
    if tag == "prstClr":
        return PRESET.get(el.get("val", ""), "808080")
    return None


def color_map(master: SlideMaster, layout: SlideLayout) -> dict[str, str]:
    """Where bg1, tx1, bg2 and tx2 point on a layout: the master's map or the layout's own."""
    mapping = dict(DEFAULT_MAP)
    master_map = master.element.find(qn("p:clrMap"))
    if master_map is not None:
        mapping.update({k: master_map.get(k, v) for k, v in DEFAULT_MAP.items()})
    override = layout.element.find("p:clrMapOvr/a:overrideClrMapping", NAMESPACES)
    if override is not None:
        mapping.update({k: override.get(k, v) for k, v in DEFAULT_MAP.items()})
    return mapping


def resolve(el: etree._Element, theme: Theme, mapping: dict[str, str]) -> str | None:
    """The RGB a colour element stands for, with its lighter and darker changes applied."""
    tag = etree.QName(el).localname
    if tag == "schemeClr":
        name = el.get("val", "")
        rgb = theme.colors.get(mapping.get(name, name))
    else:
        rgb = _own_color(el)
    return _changed(rgb, el) if rgb else None


def _changed(rgb: str, el: etree._Element) -> str:
    """A colour after the lumMod, lumOff, tint and shade its element asks for."""
    r, g, b = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    for change in el:
        name = etree.QName(change).localname
        val = int(change.get("val", "100000")) / 100000
        if name in ("lumMod", "lumOff"):
            h, light, s = colorsys.rgb_to_hls(r, g, b)
            light = light * val if name == "lumMod" else light + val
            r, g, b = colorsys.hls_to_rgb(h, min(1.0, max(0.0, light)), s)
        elif name == "tint":  # towards white
            r, g, b = (c + (1 - c) * (1 - val) for c in (r, g, b))
        elif name == "shade":  # towards black
            r, g, b = (c * val for c in (r, g, b))
    return "".join(f"{round(min(1.0, max(0.0, c)) * 255):02X}" for c in (r, g, b))


def backgrounds(
    master: SlideMaster, layout: SlideLayout, theme: Theme, pictures: Pictures | None = None
) -> list[str]:
    """The colours a layout's slides show behind their text: one, or a gradient's stops.

    A picture counts as its darkest and lightest parts (see `picture_colors`), read
    through `pictures`; a pattern, or a picture that cannot be read, as the background
    colour the map names.
    """
    pictures = pictures or Pictures()
    mapping = color_map(master, layout)
    background = background_of(master, layout)
    if background is None:
        return [theme.colors[mapping["bg1"]]]
    owner, bg = background
    fill = bg.find("p:bgPr", NAMESPACES)
    if fill is None:
        colors = reference_colors(bg, theme, mapping)
    else:
        colors = _fill_colors(fill, theme, mapping, owner.part, pictures)
    found = [c for c in colors if c]
    return found or [theme.colors[mapping["bg1"]]]


def background_of(master: SlideMaster, layout: SlideLayout) -> tuple[Any, Any] | None:
    """The layout's own background, else its master's: its owner and its `p:bg`; or None."""
    for owner in (layout, master):
        bg = owner.element.find("p:cSld/p:bg", NAMESPACES)
        if bg is not None:
            return owner, bg
    return None


def reference_colors(bg: Any, theme: Theme, mapping: dict[str, str]) -> list[str]:
    """The colours of a background that refers to the theme's background styles."""
    ref = bg.find("p:bgRef", NAMESPACES)
    colors = [resolve(c, theme, mapping) for c in (ref if ref is not None else [])]
    return [c for c in colors if c]


def shape_colors(
    shape: etree._Element,
    theme: Theme,
    mapping: dict[str, str],
    part: Part,
    pictures: Pictures | None = None,
) -> list[str]:
    """The colours a drawn shape shows: one, a gradient's stops, a picture's, or none known.

    `part` is the master or layout the shape is drawn on, which holds its pictures.
    """
    pictures = pictures or Pictures()
    if shape.tag == qn("p:pic"):
        blip = shape.find("p:blipFill/a:blip", NAMESPACES)
        return list(_picture(blip, part, theme.colors[mapping["bg1"]], pictures))
    props = shape.find("p:spPr", NAMESPACES)
    if props is None:
        return []
    return [c for c in _fill_colors(props, theme, mapping, part, pictures) if c]


def _fill_colors(
    fill: etree._Element, theme: Theme, mapping: dict[str, str], part: Part, pictures: Pictures
) -> list[str | None]:
    solid = fill.find("a:solidFill", NAMESPACES)
    if solid is not None and len(solid):
        return [resolve(solid[0], theme, mapping)]
    blip = fill.find("a:blipFill/a:blip", NAMESPACES)
    if blip is not None:
        return list(_picture(blip, part, theme.colors[mapping["bg1"]], pictures))
    stops = fill.findall("a:gradFill/a:gsLst/a:gs", NAMESPACES)
    return [resolve(gs[0], theme, mapping) for gs in stops if len(gs)]


def _picture(
    blip: etree._Element | None, part: Part, under: str, pictures: Pictures
) -> tuple[str, ...]:
    """The colours of the picture a fill or picture shape embeds, or none if not found."""
    rid = blip.get(qn("r:embed")) if blip is not None else None
    if not rid or rid not in part.rels or part.rels[rid].is_external:
        return ()  # a picture outside the file is never fetched (the brand check refuses it)
    return picture_colors(part.related_part(rid).blob, under, pictures)


def picture_colors(
    blob: bytes, under: str = "FFFFFF", pictures: Pictures | None = None
) -> tuple[str, ...]:
    """The darkest and lightest colours a picture shows, or none if it cannot be read.

    Text over a photo has to read on its dark parts and its light parts alike. The picture
    is read shrunk to a grid of 32 by 18 averages, so a speck of white in a night sky
    does not count, but a glow that text could stand on does. Where it is see-through (a
    watermark, a tinted band), it shows the colour `under` it. `pictures` holds what the
    template's pictures read so far (see pictures); without it the picture is read alone.
    """
    small = (pictures or Pictures()).sample(blob)
    if small is None:
        return ()  # not a picture kit reads (EMF, SVG, EPS), damaged, or too large
    shown = Image.new("RGBA", PICTURE_SAMPLE, f"#{under}")
    shown.alpha_composite(small)
    data = shown.convert("RGB").tobytes()  # red, green and blue bytes, pixel by pixel
    colors = sorted((data[i : i + 3].hex().upper() for i in range(0, len(data), 3)), key=luminance)
    return colors[0], colors[-1]


def blend(top: str, under: str, opacity: float) -> str:
    """The colour `top` shows laid at `opacity` (0 to 1) over `under`, as RGB hex."""
    mixed = (
        round(int(top[i : i + 2], 16) * opacity + int(under[i : i + 2], 16) * (1 - opacity))
        for i in (0, 2, 4)
    )
    return "".join(f"{c:02X}" for c in mixed)


def luminance(rgb: str) -> float:
    """WCAG relative luminance of an RGB hex colour."""
    out = []
    for i in (0, 2, 4):
        c = int(rgb[i : i + 2], 16) / 255
        out.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * out[0] + 0.7152 * out[1] + 0.0722 * out[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two RGB hex colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def worst_contrast(color: str, grounds: Sequence[str]) -> float:
    """The lowest contrast of a colour against any of the background's colours."""
    return min(contrast(color, g) for g in grounds)


def pick(wanted: Iterable[str], grounds: Sequence[str], theme: Theme) -> str:
    """The first wanted colour that reads on the background, else the theme's best dark or light.

    `wanted` holds RGB hex colours, best first.
    """
    for color in wanted:
        if worst_contrast(color, grounds) >= MIN_CONTRAST:
            return color
    plain = [theme.colors[s] for s in ("dk1", "lt1", "dk2", "lt2")] + ["000000", "FFFFFF"]
    return max(plain, key=lambda c: worst_contrast(c, grounds))


OWN_TEXT = (
    "./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/a:solidFill/a:srgbClr",
    "./p:txBody/a:p[1]/a:r[1]/a:rPr/a:solidFill/a:srgbClr",
    "./p:txBody/a:p[1]/a:endParaRPr/a:solidFill/a:srgbClr",
)
"""Where a placeholder sets the colour of its first line's text in RGB of its own."""


def own_colors(layout: SlideLayout) -> tuple[str, str]:
    """The RGB of a layout's titles and body text where the template sets it itself, else "".

    A colour set in RGB rather than through the theme is what the slides show: the
    placeholders' own list styles (the layout's, then its master's), then the master's text
    styles, which slides inherit. A template saved by LibreOffice carries Office's default
    theme and keeps its own colours only on its placeholders' prompt text, which slides do
    not inherit: that is looked at last.
    """
    master = layout.slide_master
    found = []
    for types, style in ((("title", "ctrTitle"), "titleStyle"), (("body", "obj"), "bodyStyle")):
        chain = [
            sp
            for owner in (layout, master)
            for sp in owner.placeholders
            if sp.element.ph is not None and sp.element.ph.get("type", "obj") in types
        ]
        places = [el for sp in chain for el in sp.element.findall(OWN_TEXT[0], NAMESPACES)]
        places += master.element.findall(
            f"p:txStyles/p:{style}/a:lvl1pPr/a:defRPr/a:solidFill/a:srgbClr", NAMESPACES
        )
        places += [
            el
            for sp in chain
            for path in OWN_TEXT[1:]
            for el in sp.element.findall(path, NAMESPACES)
        ]
        value = next((el.get("val", "") for el in places if el.get("val")), "")
        found.append(value.upper())
    return found[0], found[1]
