"""Kit's slide design placed on any template: the free part of a slide, and its text areas there.

A church's template draws its own furniture (a logo, a band, a picture) on the master and
layouts. Kit sets its text clear of it: in the largest rectangle of the slide, inside the
margins, that no piece of furniture touches, with kit's own hierarchy of kicker, title,
body and caption, and its own sizes, fonts and alignment for each kind of slide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from kit.writers.pptx.fit.areas import EMU_PER_PT, PANEL_OPACITY, Panel, Rule, SlideAreas, TextArea

IN = 914400
"""EMU in an inch."""
DESIGN_HEIGHT = 6858000
"""The slide height kit's design is drawn for (7.5 inches); other heights scale it."""
MARGIN_X, MARGIN_Y = 0.9 / 13.333, 0.55 / 7.5
"""Margins at the slide's sides and at its top and foot, as shares of its width and height."""
GAP = int(0.2 * IN)
"""Room kept between kit's text and a template's furniture."""
INSETS = (0, 45720, 0, 45720)
"""Inner margins of kit's text boxes: none at the sides, so text lines up with the rule."""
KICKER_MIN = 18
"""Points a kicker is set at least (kit.writers.pptx.fit.paragraphs.BODY_MIN)."""
BODY_FLOOR = 24
"""Points body text shrinks to at most on a church's template, before a new slide, and
the least it starts at: on a slide shorter than kit's design it is not scaled down."""


class Box(NamedTuple):
    """A rectangle on a slide, EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        """The right edge."""
        return self.left + self.width

    @property
    def bottom(self) -> int:
        """The bottom edge."""
        return self.top + self.height

    def overlaps(self, other: Box) -> bool:
        """True when the two share any area."""
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )


def frame(width: int, height: int) -> Box:
    """The slide inside kit's margins."""
    dx, dy = round(width * MARGIN_X), round(height * MARGIN_Y)
    return Box(dx, dy, width - 2 * dx, height - 2 * dy)


MAX_OBSTACLES = 90
"""Most shapes a layout may draw for kit to look for room between them (templates seen: 87)."""


def largest_free(
    within: Box,
    obstacles: Sequence[Box],
    gap: int = GAP,
    *,
    centred: bool = False,
    least: tuple[int, int] = (0, 0),
) -> Box:
    """The largest rectangle inside `within` that keeps `gap` clear of every obstacle.

    Every maximal free rectangle has each edge on the frame or against an obstacle's far
    side, so only those edges are tried. Ties go to the highest, then the leftmost.
    `centred` keeps the rectangle's middle on the frame's, for text centred on the slide;
    `least` is the smallest width and height the rectangle may have (none: no width).
    """
    grown = [
        Box(o.left - gap, o.top - gap, o.width + 2 * gap, o.height + 2 * gap) for o in obstacles
    ]
    grown = [o for o in grown if o.overlaps(within)]
    if len(grown) > MAX_OBSTACLES:
        # The search grows with the cube of the shapes; past this, no room is found and
        # the text goes on a panel over the whole slide, as for any crowded template.
        return Box(within.left, within.top, 0, 0)
    tops = sorted({within.top, *(min(o.bottom, within.bottom) for o in grown)})
    bottoms = sorted({within.bottom, *(max(o.top, within.top) for o in grown)})
    best = Box(within.left, within.top, 0, 0)
    best_key = (0, 0, 0)
    for top in tops:
        for bottom in bottoms:
            if bottom <= top or bottom - top < least[1]:
                continue
            across = [o for o in grown if o.top < bottom and top < o.bottom]
            spans = _centred_span(within, across) if centred else _spans(within, across)
            for left, right in spans:
                if right - left < least[0]:
                    continue
                key = ((right - left) * (bottom - top), -top, -left)
                if key > best_key:
                    best, best_key = Box(left, top, right - left, bottom - top), key
    return best


def _spans(within: Box, across: Sequence[Box]) -> list[tuple[int, int]]:
    """The free stretches of a band of the frame, between the obstacles across it.

    Only the widest stretches between obstacles are given: any narrower one inside them
    has less area, and a template with many ornaments has many obstacles.
    """
    spans = []
    at = within.left
    for left, right in sorted((o.left, o.right) for o in across):
        if left > at:
            spans.append((at, min(left, within.right)))
        at = max(at, right)
    if within.right > at:
        spans.append((at, within.right))
    return [(left, right) for left, right in spans if right > left]


def _centred_span(within: Box, across: Sequence[Box]) -> list[tuple[int, int]]:
    """The widest free stretch of a band with its middle on the frame's, if any."""
    middle = within.left + within.width // 2
    half = within.width // 2
    for o in across:
        if o.left < middle < o.right:
            return []
        half = min(half, o.left - middle if o.left >= middle else middle - o.right)
    return [(middle - half, middle + half)] if half > 0 else []


@dataclass(frozen=True)
class Palette:
    """The colours of one layout's text and rule, RGB hex, each readable on its background."""

    title: str
    """Headings."""
    text: str
    """Body text."""
    accent: str
    """The kicker and the caption."""
    rule: str
    """The short rule above the kicker."""
    panel: str = ""
    """A panel laid under the text where the background is too busy for any text colour
    to read on all of it (a photo light in places and dark in others); "" for none."""
    panel_opacity: float = PANEL_OPACITY
    """How much of the panel's colour shows over what is under it."""


@dataclass(frozen=True)
class Fonts:
    """A template's heading and body fonts."""

    major: str
    """Headings, and Scripture, questions and the big idea, as kit sets them."""
    minor: str
    """Body text, kickers and captions."""


@dataclass(frozen=True)
class Design:
    """How one kind of slide sets its text: sizes in points, the body's font and anchoring."""

    title: int
    body: int
    body_major: bool = False
    italic: bool = False
    centred: bool = False
    """The body stands in the middle of the room below the title."""
    caption: int = 0
    """The caption's size; 0 when the kind has no caption line of its own."""
    lower: bool = False
    """A section slide: its text starts lower, as kit's own dark slides do."""


DESIGNS = {
    "title": Design(54, 24, caption=20, lower=True),
    "section": Design(32, 40, body_major=True, lower=True),
    "scripture": Design(40, 34, body_major=True, italic=True, centred=True, caption=22),
    "points": Design(40, 28),
    "question": Design(40, 44, body_major=True, centred=True),
    "couple": Design(44, 28, lower=True),
    "closing": Design(44, 28, caption=22, lower=True),
}
"""Kit's own sizes for each kind of slide (see design/make_base_pptx.py)."""


def _panel(
    free: Box, margins: Box | None, pad: int, color: str, opacity: float
) -> tuple[Panel, Box]:
    """A panel around the free room, and the room its text keeps inside it."""
    out_left = out_top = out_right = out_bottom = False
    if margins is not None:  # without margins, the text moves in on every side
        out_left, out_top = free.left <= margins.left, free.top <= margins.top
        out_right, out_bottom = free.right >= margins.right, free.bottom >= margins.bottom
    panel = Box(
        free.left - pad * out_left,
        free.top - pad * out_top,
        free.width + pad * (out_left + out_right),
        free.height + pad * (out_top + out_bottom),
    )
    left = free.left + pad * (not out_left)
    top = free.top + pad * (not out_top)
    right = free.right - pad * (not out_right)
    bottom = free.bottom - pad * (not out_bottom)
    text = Box(left, top, right - left, bottom - top)
    return Panel(*panel, color, opacity), text


def place(
    kind: str,
    layout: str,
    free: Box,
    slide_height: int,
    fonts: Fonts,
    palette: Palette,
    centre: bool,
    title_idx: int | None,
    margins: Box | None = None,
) -> SlideAreas:
    """Kit's text areas for a kind of slide in the free rectangle of a layout.

    Top to bottom: the rule, the kicker, the title (one line; the planner grows it), the
    body, and for a kind that has one the caption at the foot. `centre` centres them all,
    as the template centres its titles; `title_idx` is the layout's title placeholder.
    A panel reaches out past the text into the slide's `margins` (the frame inside them)
    where the free rectangle meets them, and the text keeps its room.
    """
    design = DESIGNS.get(kind, DESIGNS["points"])
    k = slide_height / DESIGN_HEIGHT

    def pt(size: float) -> float:
        return round(size * k)

    def emu(inches: float) -> int:
        return round(inches * IN * k)

    panel = None
    if palette.panel:
        # The text stands clear of the panel's edges: the panel reaches into the slide's
        # margins where it can, and elsewhere (beside furniture) the text moves in.
        panel, free = _panel(free, margins, emu(0.3), palette.panel, palette.panel_opacity)
    align = "ctr" if centre else "l"
    top = free.top
    needed = emu(4.6)
    if design.lower and free.height > needed:
        top += min(round(free.height * 0.12), free.height - needed)
    rule_w, rule_h = emu(0.62), emu(0.07)
    rule_x = free.left + (free.width - rule_w) // 2 if centre else free.left
    rule = Rule(rule_x, top, rule_w, rule_h, palette.rule)

    def area(
        y: int,
        h: int,
        face: str,
        size: float,
        color: str,
        *,
        bold: bool = False,
        italic: bool = False,
        anchor: str = "t",
        floor: float = 0.0,
    ) -> TextArea:
        return TextArea(
            None, free.left, y, free.width, max(h, 1), INSETS, face, bold, italic, pt(size),
            color=color, align=align, anchor=anchor, floor=floor,
        )  # fmt: skip

    # On a slide shorter than kit's design the kicker stays at 18 points (the least any
    # text on a slide is set at), and its box holds that line.
    kicker_h = max(emu(0.5), round((KICKER_MIN * 1.2 + 10) * EMU_PER_PT))
    kicker = area(top + emu(0.14), kicker_h, fonts.minor, 20, palette.accent, bold=True)
    title_top = kicker.top + emu(0.46)
    # One line of the title at 0.9 line spacing, with its insets and a little to spare.
    title_h = round((pt(design.title) * 1.08 + 14) * EMU_PER_PT)
    title = area(title_top, title_h, fonts.major, design.title, palette.title)
    # The layout's title placeholder, moved here, keeps the slide's title a title.
    title = replace(title, idx=title_idx)
    caption = None
    bottom = free.bottom
    if design.caption:
        # Room for two lines, standing at the foot: a reference or next week's title may
        # wrap in a narrow free area, and would otherwise join the body at a small size.
        cap_h = emu(0.9)
        caption = area(
            bottom - cap_h, cap_h, fonts.minor, design.caption, palette.accent, anchor="b"
        )
        bottom -= cap_h
    body_top = title.top + title.height + emu(0.2)
    floor = max(pt(BODY_FLOOR), BODY_FLOOR)
    body = replace(
        area(
            body_top,
            bottom - body_top,
            fonts.major if design.body_major else fonts.minor,
            design.body,
            palette.text,
            italic=design.italic,
            anchor="ctr" if design.centred else "t",
            floor=floor,
        ),
        size=max(pt(design.body), floor),
    )
    return SlideAreas(layout, title, body, kicker, caption, rule, panel)
