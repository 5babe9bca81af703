"""Kit's design on a church's template: each kind of slide's text areas, placed and coloured.

A church's layouts were drawn for its own slides, not for kit's kicker, title, body and
caption: their placeholders may be small, oddly placed or missing. So on a church's
template kit sets its text where the template leaves room (see furniture and
kit.layout.placement), in the theme's fonts and colours, aligned as the template aligns
its titles; only the title goes into the layout's own title placeholder, moved there.
"""

from __future__ import annotations

from dataclasses import replace

from pptx.presentation import Presentation as PptxPresentation
from pptx.slide import SlideLayout

from kit.layout.areas import PANEL_OPACITY
from kit.layout.placement import Box, Fonts, Palette, frame, largest_free, place
from kit.writers.ooxml import NAMESPACES
from kit.writers.pptx.furniture import backdrops, furniture
from kit.writers.pptx.layouts import LAYOUTS, TITLE_TYPES, LayoutChoice, all_layouts
from kit.writers.pptx.pictures import Pictures
from kit.writers.pptx.theme import (
    MIN_CONTRAST,
    Theme,
    backgrounds,
    blend,
    color_map,
    contrast,
    pick,
    read_theme,
    shape_colors,
)

SECTION_LAYOUTS = {
    "title": ("Title Slide", "Section Header"),
    "section": ("Section Header",),
    "couple": ("Section Header",),
    "closing": ("Section Header",),
}
"""A church's own layouts for the slides that open and mark the parts of an evening."""

CONTENT_ORDER = ("Title Only", "Title and Content", "Blank")
"""Layouts for every other slide: the fewer placeholders, the less to move aside."""

SMALL = 0.4
"""A layout whose free area is below this share of the slide's is used only as a last resort."""

CRAMPED = 0.2
"""A layout whose furniture leaves less than this share of the slide free has it ignored."""

CENTRED_SHARE = 0.85
"""Share of the free area a centred layout keeps to have its text on the slide's middle."""

RULE_CONTRAST = 1.5
"""Contrast a rule keeps against its background: it carries no words, it need only be seen."""


def placed_choices(prs: PptxPresentation) -> dict[str, tuple[LayoutChoice, ...]]:
    """For each kind of slide ("" for any other), the template's layouts with kit's areas."""
    by_name: dict[str, SlideLayout] = {}
    for layout in all_layouts(prs):
        by_name.setdefault(layout.name, layout)
    width, height = prs.slide_width, prs.slide_height
    whole = frame(width, height)
    free: dict[str, Box] = {}
    choices = {}
    pictures = Pictures()  # each picture is read once, however many layouts show it
    for kind in (*LAYOUTS, ""):
        names = [n for n in (*SECTION_LAYOUTS.get(kind, ()), *CONTENT_ORDER) if n in by_name]
        # The course loader made sure of a content layout; a first layout stands in anyway.
        names = names or [all_layouts(prs)[0].name]
        for name in names:
            if name not in free:
                free[name] = _free(by_name[name], whole, width, height)
        roomy = [n for n in names if _area(free[n]) >= SMALL * _area(whole)]
        out = []
        for name in roomy or names:
            layout = by_name[name]
            theme = read_theme(layout.slide_master)
            areas = place(
                kind or "points",
                name,
                free[name],
                height,
                Fonts(theme.major, theme.minor),
                palette(layout, theme, width, height, pictures),
                title_alignment(layout) == "ctr",
                _title_idx(layout),
            )
            out.append(LayoutChoice(layout.part.partname, areas))
        choices[kind] = tuple(out)
    return choices


def _area(box: Box) -> int:
    return box.width * box.height


def _free(layout: SlideLayout, whole: Box, width: int, height: int) -> Box:
    obstacles = furniture(layout, width, height)
    free = largest_free(whole, obstacles)
    if _area(free) < CRAMPED * _area(whole):
        # Better text over the furniture than a week spread over dozens of slides.
        return whole
    if title_alignment(layout) != "ctr":
        return free
    # Text centred under a centred title stands in the middle of the slide, not of the
    # room beside a logo, unless that costs much of the room.
    middle = largest_free(whole, obstacles, centred=True)
    return middle if _area(middle) >= CENTRED_SHARE * _area(free) else free


def _title_idx(layout: SlideLayout) -> int | None:
    for ph in layout.placeholders:
        if ph.placeholder_format.type in TITLE_TYPES:
            return ph.placeholder_format.idx
    return None


def title_alignment(layout: SlideLayout) -> str:
    """How the layout aligns its title: its own placeholder, the master's, then its style."""
    master = layout.slide_master
    chain = [ph.element for ph in layout.placeholders if ph.placeholder_format.type in TITLE_TYPES]
    chain += [ph.element for ph in master.placeholders if ph.placeholder_format.type in TITLE_TYPES]
    for el in chain:
        style = el.find("./p:txBody/a:lstStyle/a:lvl1pPr", NAMESPACES)
        if style is not None and style.get("algn"):
            return style.get("algn")
        # A title's own first paragraph is how PowerPoint shows a layout's alignment too.
        para = el.find("./p:txBody/a:p/a:pPr", NAMESPACES)
        if para is not None and para.get("algn"):
            return para.get("algn")
    style = master.element.find("p:txStyles/p:titleStyle/a:lvl1pPr", NAMESPACES)
    return style.get("algn", "l") if style is not None else "l"


def palette(
    layout: SlideLayout, theme: Theme, width: int, height: int, pictures: Pictures | None = None
) -> Palette:
    """The theme's colours for a layout's text and rule, each readable on its background.

    The background is the layout's own and any shape drawn over most of the slide; one
    drawn over all of it hides the layout's own. Where no colour reads on all of it, the
    text gets a panel under it (`Palette.panel`). Pictures are read through `pictures`.
    """
    pictures = pictures or Pictures()
    grounds = backgrounds(layout.slide_master, layout, theme, pictures)
    mapping = color_map(layout.slide_master, layout)
    for shape, whole in backdrops(layout, width, height):
        on_layout = shape.getroottree().getroot() is layout.element
        part = layout.part if on_layout else layout.slide_master.part
        colors = shape_colors(shape, theme, mapping, part, pictures)
        grounds = colors if whole and colors else grounds + colors
    found = _colors(grounds, theme, mapping)
    words = (found.title, found.text, found.accent)
    if all(min(contrast(c, g) for g in grounds) >= MIN_CONTRAST for c in words):
        return found
    # No colour reads on all of a busy picture: lay the theme's own background colour,
    # nearly opaque, under the text, and choose again on that.
    panel = theme.colors[mapping["bg1"]]
    under = [blend(panel, g, PANEL_OPACITY) for g in grounds]
    return replace(_colors(under, theme, mapping), panel=panel)


def _colors(grounds: list[str], theme: Theme, mapping: dict[str, str]) -> Palette:
    colors = theme.colors
    tx1, tx2 = colors[mapping["tx1"]], colors[mapping["tx2"]]
    accents = [colors[f"accent{n}"] for n in range(1, 7)]
    # The theme's own accents first; past them its dark or light, as they read best.
    accent = pick([*accents[:2], tx2, tx1], grounds, theme)
    rule = next(
        (a for a in accents if min(contrast(a, g) for g in grounds) >= RULE_CONTRAST), accent
    )
    return Palette(
        title=pick([tx2, tx1], grounds, theme),
        text=pick([tx1, tx2], grounds, theme),
        accent=accent,
        rule=rule,
    )
