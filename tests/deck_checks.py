"""What a person checks on a deck built on a church's template, shared by the template tests.

Each check reads a built deck and returns what it finds wrong, one line per slide or
word, so a test asserts an empty list: body text under 24 points, a text box lower than
a line of its text, text over a picture or line of the template without a panel that
hides it, text bare on a busy picture, and text that does not read on what is under it.
"""

from __future__ import annotations

from pathlib import Path

from helpers import is_kicker, text_runs, text_shapes
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.shapes.base import BaseShape
from pptx.slide import Slide
from pptx.util import Emu, Pt

from kit.writers.ooxml import NAMESPACES
from kit.writers.pptx.theme import (
    MIN_CONTRAST,
    backgrounds,
    blend,
    color_map,
    contrast,
    read_theme,
    shape_colors,
)

BODY_MIN = 24
"""Least size of body text, in points."""

LINE = 1.2
"""A line's height in ems at single spacing, as LibreOffice and PowerPoint set it."""

BUSY = 3.0
"""Contrast at which the parts of a picture are seen as shapes (WCAG's 3:1 for drawn
things)."""


def _slides(deck: Path) -> list[tuple[int, Slide]]:
    return list(enumerate(Presentation(str(deck)).slides, 1))


def body(slide: Slide) -> BaseShape:
    """The tallest text shape that is neither the title nor the kicker."""
    title = slide.shapes.title or next((s for s in slide.shapes if s.name == "Title"), None)
    others = [s for s in text_shapes(slide) if s != title and not is_kicker(s)]
    return max(others, key=lambda s: s.height)


def inside(shape: BaseShape, box: BaseShape) -> bool:
    """True when a shape lies wholly inside a box."""
    return (
        box.left <= shape.left
        and box.top <= shape.top
        and shape.left + shape.width <= box.left + box.width
        and shape.top + shape.height <= box.top + box.height
    )


def _overlap(a: BaseShape, b: BaseShape) -> bool:
    return (
        a.left < b.left + b.width
        and b.left < a.left + a.width
        and a.top < b.top + b.height
        and b.top < a.top + a.height
    )


def _drawing(shape: BaseShape) -> bool:
    """A picture, or a line drawn across the slide."""
    if shape.shape_type in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.LINE):
        return True
    geometry = shape.element.find("p:spPr/a:prstGeom", NAMESPACES)
    return geometry is not None and geometry.get("prst") in ("line", "straightConnector1")


def _freeform(shape: BaseShape, width: int, height: int) -> bool:
    """A shape drawn with its own outline, short of covering the whole slide."""
    whole = shape.left <= 0 and shape.top <= 0 and shape.width >= width and shape.height >= height
    return shape.element.find("p:spPr/a:custGeom", NAMESPACES) is not None and not whole


FAINT = 1.25
"""Contrast under which a shape's edge does not show on what it is drawn over."""


def _faint_shapes(layout) -> list:
    """The template's shapes drawn in a near tint of a colour already under them."""
    theme = read_theme(layout.slide_master)
    mapping = color_map(layout.slide_master, layout)
    under = list(backgrounds(layout.slide_master, layout, theme))
    found = []
    for owner in (layout.slide_master, layout):
        for shape in owner.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                continue  # a picture is no freeform; reading its colours would decode it
            colors = shape_colors(shape.element, theme, mapping, owner.part)
            if colors and all(min(contrast(c, u) for u in under) < FAINT for c in colors):
                found.append(shape.element)
            under += colors
    return found


def opacity(panel: BaseShape) -> float:
    """How opaque a panel is, 0 to 1."""
    alpha = panel.element.find("p:spPr/a:solidFill/a:srgbClr/a:alpha", NAMESPACES)
    return 1.0 if alpha is None else int(alpha.get("val")) / 100000


def small_body(deck: Path) -> list[str]:
    """Slides whose body has text under `BODY_MIN` points."""
    found = []
    for n, slide in _slides(deck):
        sizes = {r.font.size.pt for r in text_runs(body(slide))}
        if min(sizes) < BODY_MIN:
            found.append(f"slide {n}: {sorted(sizes)}")
    return found


def cramped(deck: Path) -> list[str]:
    """Text boxes lower than one line of their largest text: its words fall out of them."""
    found = []
    for n, slide in _slides(deck):
        for shape in text_shapes(slide):
            frame = shape.text_frame
            insets = (frame.margin_top or 0) + (frame.margin_bottom or 0)
            # A paragraph's line is its largest run at its own spacing (a title's 0.9).
            lines = [
                r.font.size.pt * LINE * (p.line_spacing if isinstance(p.line_spacing, float) else 1)
                for p in frame.paragraphs
                for r in p.runs
                if r.text.strip() and r.font.size
            ]
            if lines and shape.height - insets < max(lines) * Pt(1):
                found.append(f"slide {n}: {frame.text[:30]!r} in {Emu(shape.height).inches:.3f} in")
    return found


def over_drawings(deck: Path) -> list[str]:
    """Text over a picture, line or freeform of the template that no opaque panel hides."""
    prs = Presentation(str(deck))
    found = []
    faint_by_layout: dict[str, list] = {}
    for n, slide in enumerate(prs.slides, 1):
        layout = slide.slide_layout
        name = str(layout.part.partname)
        if name not in faint_by_layout:  # each layout's shapes are read once a deck
            faint_by_layout[name] = _faint_shapes(layout)
        faint = faint_by_layout[name]
        drawings = [
            s
            for shapes in (layout.slide_master.shapes, layout.shapes)
            for s in shapes
            # A picture over half the slide or more is its background; a freeform is not,
            # however large: its edge would run through the text (Progress's grey shape),
            # unless it is drawn in a near tint of what is under it (Sunset's pale rays).
            if (_drawing(s) and s.width * s.height < prs.slide_width * prs.slide_height / 2)
            or (
                _freeform(s, prs.slide_width, prs.slide_height)
                and not any(s.element is e for e in faint)
            )
        ]
        panels = [s for s in slide.shapes if s.name == "Panel" and opacity(s) == 1]
        for shape in text_shapes(slide):
            if any(inside(shape, panel) for panel in panels):
                continue
            if any(_overlap(shape, p) for p in drawings):
                found.append(f"slide {n}: {shape.text_frame.text[:30]!r}")
    return found


def bare_on_busy(deck: Path) -> list[str]:
    """Text on a background whose parts are `BUSY` apart, not on a panel."""
    found = []
    for n, slide in _slides(deck):
        layout = slide.slide_layout
        grounds = backgrounds(layout.slide_master, layout, read_theme(layout.slide_master))
        if max(contrast(a, b) for a in grounds for b in grounds) < BUSY:
            continue
        panels = [s for s in slide.shapes if s.name == "Panel"]
        for shape in text_shapes(slide):
            if not any(inside(shape, p) for p in panels):
                found.append(f"slide {n}: {shape.text_frame.text[:30]!r}")
    return found


def _on_panel(panel: BaseShape, grounds: list[str]) -> list[str]:
    """What a panel shows at its own opacity over each of `grounds`, black and white."""
    color, seen = str(panel.fill.fore_color.rgb), opacity(panel)
    return [blend(color, g, seen) for g in (*grounds, "000000", "FFFFFF")]


def unreadable(deck: Path) -> list[str]:
    """Runs whose colour does not reach `MIN_CONTRAST` on all of what is under them."""
    found = []
    for n, slide in _slides(deck):
        layout = slide.slide_layout
        grounds = backgrounds(layout.slide_master, layout, read_theme(layout.slide_master))
        panels = [s for s in slide.shapes if s.name == "Panel"]
        for shape in text_shapes(slide):
            under = grounds
            if any(inside(shape, panel) for panel in panels):
                under = _on_panel(panels[0], grounds)
            for run in text_runs(shape):
                if min(contrast(str(run.font.color.rgb), g) for g in under) < MIN_CONTRAST:
                    found.append(f"slide {n}: {run.text!r}")
    return found
