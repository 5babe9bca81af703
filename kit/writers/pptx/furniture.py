"""What a template draws on every slide of a layout: its pictures, bands and logos, measured.

Shapes on the master (unless the layout hides them) and on the layout itself show on
each slide made from it; placeholders do not, since a slide shows only the ones it has
and kit removes those it leaves empty. Each drawn shape is measured where it lands on
the slide, through its rotation and the transforms of any groups it is in.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace

from lxml import etree
from pptx.slide import SlideLayout

from kit.writers.ooxml import NAMESPACES, qn
from kit.writers.pptx.fit.areas import Panel
from kit.writers.pptx.fit.placement import Box
from kit.writers.pptx.theme import (
    Theme,
    backgrounds,
    color_map,
    contrast,
    read_theme,
    shape_colors,
)

BACKDROP = 0.5
"""A shape covering this share of the slide or more is a backdrop, not furniture."""
FAINT = 1.25
"""The most contrast a freeform over most of the slide may have with what lies under it and
still be a backdrop: a pattern in a near tint of its ground (Sunset's rays on its card,
1.1:1), not an edge that would run through the text (Progress's light grey on white,
1.4:1)."""

_DRAWN = {qn(f"p:{t}") for t in ("sp", "pic", "graphicFrame", "cxnSp", "grpSp")}

Transform = tuple[float, float, float, float]
"""x scale, x offset, y scale, y offset: where a group puts its children's coordinates."""

IDENTITY: Transform = (1.0, 0.0, 1.0, 0.0)


def furniture(layout: SlideLayout, width: int, height: int) -> list[Box]:
    """The boxes of everything the layout and its master draw on a slide, backdrops aside."""
    return [box for _, box, backdrop in _sorted(layout, width, height) if not backdrop]


def backdrops(layout: SlideLayout, width: int, height: int) -> list[tuple[etree._Element, bool]]:
    """The shapes drawn over most of a slide, behind its text; True for one over all of it."""
    return [
        (shape, _over_all(box, width, height))
        for shape, box, backdrop in _sorted(layout, width, height)
        if backdrop
    ]


THIN = 3
"""The widest strip of a shape, in hundredths of the slide, a panel hides rather than
leaves showing beyond it."""


def covering(panel: Panel, layout: SlideLayout, width: int, height: int) -> Panel:
    """An opaque panel over the furniture, reaching the slide's edge on each side where it
    would leave only a thin strip of a shape.

    The panel lies inside the slide's margins, so a shape it nearly covers (a band across
    the top, the ends of a line) would show only a thin strip beyond it, like an ending
    left over. Widened, it hides such a shape whole. A shape that shows a good part of
    itself beyond the panel (a swirl, a photo's edge) stays as the template draws it, so
    the slide still looks like the template; a shape beside it stays whole.
    """
    shapes = furniture(layout, width, height)  # a backdrop goes on under the panel
    left, top, right, bottom = (
        panel.left,
        panel.top,
        panel.left + panel.width,
        panel.top + panel.height,
    )
    changed = True
    while changed:  # a side widened may reach another shape
        changed = False
        for box in shapes:
            x0, y0 = max(box.left, 0), max(box.top, 0)
            x1, y1 = min(box.right, width), min(box.bottom, height)
            if not (x0 < right and left < x1 and y0 < bottom and top < y1):
                continue
            thin_x, thin_y = width * THIN // 100, height * THIN // 100
            sides = (0 < left - x0 < thin_x, 0 < top - y0 < thin_y)
            far = (0 < x1 - right < thin_x, 0 < y1 - bottom < thin_y)
            left, top = (0 if s else v for s, v in zip(sides, (left, top), strict=True))
            right = width if far[0] else right
            bottom = height if far[1] else bottom
            changed = changed or any(sides) or any(far)
    return replace(panel, left=left, top=top, width=right - left, height=bottom - top)


def _over_all(box: Box, width: int, height: int) -> bool:
    return box.left <= 0 and box.top <= 0 and box.right >= width and box.bottom >= height


def drawn(layout: SlideLayout) -> Iterator[tuple[etree._Element, Box]]:
    """Every shape the layout and its master draw on a slide, backdrops too, bottom first."""
    return _drawn(layout)


def _sorted(
    layout: SlideLayout, width: int, height: int
) -> Iterator[tuple[etree._Element, Box, bool]]:
    """Every drawn shape, bottom first, with whether it is a backdrop.

    A backdrop covers most of the slide and has edges that lie along its box or off the
    slide, or is drawn so faintly on what lies under it that no edge of it shows. A
    freeform over most of the slide in a colour of its own (Progress's grey shape with its
    diagonal edge) is furniture: text set across it would have that edge run through it.
    """
    plain_below: list[etree._Element] = []
    for shape, box in _drawn(layout):
        if box.width * box.height < BACKDROP * width * height:
            yield shape, box, False
        elif _over_all(box, width, height) or _rectangular(shape):
            plain_below.append(shape)
            yield shape, box, True
        else:
            yield shape, box, _faint(shape, plain_below, layout)


def _faint(shape: etree._Element, below: list[etree._Element], layout: SlideLayout) -> bool:
    """Whether each of a shape's colours is near one of the ground's it is drawn on: the
    colours of the last plain backdrop below it that has any, else the background's."""
    theme = read_theme(layout.slide_master)
    mapping = color_map(layout.slide_master, layout)
    colors = _colors(shape, layout, theme, mapping)
    grounds = (_colors(s, layout, theme, mapping) for s in reversed(below) if s.tag != qn("p:pic"))
    under = next((c for c in grounds if c), None)
    under = under or backgrounds(layout.slide_master, layout, theme)
    # A gradient's pale stop is ground enough: the shape's edge does not show on it.
    return bool(colors) and all(min(contrast(c, u) for u in under) < FAINT for c in colors)


def _colors(
    shape: etree._Element, layout: SlideLayout, theme: Theme, mapping: dict[str, str]
) -> list[str]:
    on_layout = shape.getroottree().getroot() is layout.element
    part = layout.part if on_layout else layout.slide_master.part
    return shape_colors(shape, theme, mapping, part)


def _rectangular(shape: etree._Element) -> bool:
    """True for a picture or a shape drawn as a plain rectangle."""
    if shape.find("p:spPr/a:custGeom", NAMESPACES) is not None:
        return False
    geometry = shape.find("p:spPr/a:prstGeom", NAMESPACES)
    return geometry is None or geometry.get("prst") == "rect"


def _drawn(layout: SlideLayout) -> Iterator[tuple[etree._Element, Box]]:
    if layout.element.get("showMasterSp") != "0":
        yield from _boxes(layout.slide_master.shapes.element, IDENTITY)
    yield from _boxes(layout.shapes.element, IDENTITY)


def _boxes(tree: etree._Element, transform: Transform) -> Iterator[tuple[etree._Element, Box]]:
    for shape in tree:
        if shape.tag not in _DRAWN or _is_placeholder(shape) or _hidden(shape):
            continue
        if shape.tag == qn("p:grpSp"):
            inner = _group_transform(shape, transform)
            if inner is not None:
                yield from _boxes(shape, inner)
            continue
        box = _box(shape, transform)
        if box is not None and (shape.tag != qn("p:sp") or _visible(shape)):
            yield shape, box


def _is_placeholder(shape: etree._Element) -> bool:
    return any(el.find(qn("p:ph")) is not None for el in shape.iter(qn("p:nvPr")))


def _hidden(shape: etree._Element) -> bool:
    props = next(shape.iter(qn("p:cNvPr")), None)
    return props is not None and props.get("hidden") in ("1", "true")


def _visible(sp: etree._Element) -> bool:
    """False for a shape with no fill, no outline and no text: it draws nothing."""
    props = sp.find(qn("p:spPr"))
    no_fill = props is not None and props.find(qn("a:noFill")) is not None
    line = props.find(qn("a:ln")) if props is not None else None
    no_line = line is not None and line.find(qn("a:noFill")) is not None
    if sp.find(qn("p:style")) is None:
        no_line = no_line or line is None
    text = "".join(sp.itertext()).strip()
    return not (no_fill and no_line and not text)


def _xfrm(shape: etree._Element) -> etree._Element | None:
    if shape.tag == qn("p:graphicFrame"):
        return shape.find(qn("p:xfrm"))
    if shape.tag == qn("p:grpSp"):
        return shape.find("p:grpSpPr/a:xfrm", NAMESPACES)
    return shape.find("p:spPr/a:xfrm", NAMESPACES)


def _numbers(xfrm: etree._Element, offset: str, extent: str) -> tuple[int, int, int, int] | None:
    off, ext = xfrm.find(qn(f"a:{offset}")), xfrm.find(qn(f"a:{extent}"))
    if off is None or ext is None:
        return None
    return int(off.get("x", 0)), int(off.get("y", 0)), int(ext.get("cx", 0)), int(ext.get("cy", 0))


def _box(shape: etree._Element, transform: Transform) -> Box | None:
    xfrm = _xfrm(shape)
    found = _numbers(xfrm, "off", "ext") if xfrm is not None else None
    if found is None:
        return None
    x, y, cx, cy = found
    rotation = int(xfrm.get("rot", 0)) / 60000
    if rotation % 180:
        # A turned shape's box is its bounding box on the slide.
        turn = math.radians(rotation)
        c, s = abs(math.cos(turn)), abs(math.sin(turn))
        w, h = cx * c + cy * s, cx * s + cy * c
        x, y, cx, cy = x + (cx - w) / 2, y + (cy - h) / 2, w, h
    sx, dx, sy, dy = transform
    left, top = x * sx + dx, y * sy + dy
    return Box(math.floor(left), math.floor(top), math.ceil(cx * sx), math.ceil(cy * sy))


def _group_transform(group: etree._Element, outer: Transform) -> Transform | None:
    xfrm = _xfrm(group)
    if xfrm is None:
        return outer
    own, child = _numbers(xfrm, "off", "ext"), _numbers(xfrm, "chOff", "chExt")
    if own is None:
        return outer
    x, y, cx, cy = own
    cx0, cy0, ccx, ccy = child or own
    sx = cx / ccx if ccx else 1.0
    sy = cy / ccy if ccy else 1.0
    osx, odx, osy, ody = outer
    # Child coordinates go first into the group's frame, then into the outer one.
    return osx * sx, osx * (x - cx0 * sx) + odx, osy * sy, osy * (y - cy0 * sy) + ody
