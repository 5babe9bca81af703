"""Kit's design on a church's template: each kind of slide's text areas, placed and coloured.

A church's layouts were drawn for its own slides, not for kit's kicker, title, body and
caption: their placeholders may be small, oddly placed or missing. So on a church's
template kit sets its text where the template leaves room (see furniture and
fit.placement), in the theme's fonts and colours, aligned as the template aligns its
titles; only the title goes into the layout's own title placeholder, moved there.
"""

from __future__ import annotations

import math
from dataclasses import replace

from pptx.presentation import Presentation as PptxPresentation
from pptx.slide import SlideLayout

from kit.writers.ooxml import NAMESPACES
from kit.writers.pptx.fit.areas import PANEL_OPACITY, SlideAreas, TextArea
from kit.writers.pptx.fit.paragraphs import SAFETY_PT
from kit.writers.pptx.fit.placement import Box, Fonts, Palette, frame, largest_free, place
from kit.writers.pptx.fit.textfit import LINE_HEIGHT
from kit.writers.pptx.furniture import backdrops, covering, furniture
from kit.writers.pptx.layouts import LAYOUTS, TITLE_TYPES, LayoutChoice, all_layouts
from kit.writers.pptx.pictures import Pictures
from kit.writers.pptx.roles import BLANK, OPENING, layouts_by_role, layouts_for, role
from kit.writers.pptx.theme import (
    MIN_CONTRAST,
    Theme,
    backgrounds,
    blend,
    color_map,
    contrast,
    own_colors,
    pick,
    read_theme,
    shape_colors,
    worst_contrast,
)
from kit.writers.pptx.tone import is_dark, tone

BIG_ENOUGH = 0.6
"""Share of its width and of its height on the whole slide (inside the margins) a kind's
body keeps in the room the furniture leaves, for kit to set the text there."""

NARROWEST = 0.5
"""Share of its width on the whole slide a kind's body keeps in a smaller free rectangle
for kit to try the text there rather than on a panel."""

CENTRED_SHARE = 0.85
"""Share of the free area a centred layout keeps to have its text on the slide's middle."""

BUSY_CONTRAST = 3.0
"""Contrast between the parts of a slide's background at which it shows shapes one can
make out (WCAG's 3:1 for drawn things): a drawing or photo, too busy for bare text."""

HUE = 64
"""Least spread between a colour's red, green and blue (0 to 255) for it to have a hue
kit keeps when it darkens the colour; a grey made darker is only another grey."""

SHADE_STEPS = 10
"""Steps from a colour to black (or white) in which it is darkened (or lightened)."""

RULE_CONTRAST = 1.5
"""Contrast a rule keeps against its background: it carries no words, it need only be seen."""


def placed_choices(
    prs: PptxPresentation, masters: tuple[str | None, str | None] = (None, None)
) -> dict[str, tuple[LayoutChoice, ...]]:
    """For each kind of slide ("" for any other), the template's layouts with kit's areas.

    Each layout's text area is decided once for each kind: the largest rectangle clear of
    its furniture when the kind's body keeps most of the room it has on the whole slide
    there, else the whole slide inside its margins on a panel laid over the furniture.
    Layouts whose furniture leaves room come first; then those whose largest free
    rectangle is smaller (beside a picture down one side), for a slide whose text fits
    it at kit's least sizes; then those whose text goes on a panel. Last, for a slide too
    long for the room, each layout's whole slide on a panel, the first layout's first,
    before any continuation slide; the deck writer keeps one kind's slides on one
    layout alike.

    `masters` are the template's title and content designs (see roles.designs): the
    slides that open and mark the parts of an evening take the layouts of the first, the
    others those of the second.
    """
    title_design, content_design = masters
    opening = layouts_by_role(prs, title_design)
    rest = layouts_by_role(prs, content_design or title_design)
    width, height = prs.slide_width, prs.slide_height
    whole = frame(width, height)
    free: dict[str, Box] = {}
    choices = {}
    pictures = Pictures()  # each picture is read once, however many layouts show it
    palettes: dict[tuple[str, bool], Palette] = {}
    for kind in (*LAYOUTS, ""):
        # The course loader made sure the template has a layout; a first one stands in anyway.
        found = opening if kind in OPENING else rest
        layouts = layouts_for(kind, found) or all_layouts(prs)[:1]
        roomy, smaller, panelled = [], [], []
        for layout in layouts:
            name = layout.part.partname
            if name not in free:
                free[name] = _free(layout, whole, width, height)
            room = _room(kind, layout, free[name], whole, (width, height))
            over = room is None
            areas = _placed(
                kind,
                layout,
                room or whole,
                whole,
                (width, height),
                pictures,
                over_furniture=over,
                palettes=palettes,
            )
            (panelled if over else roomy).append(LayoutChoice(name, areas))
            if over and _wide_enough(kind, free[name], whole, height):
                beside = _placed(
                    kind,
                    layout,
                    free[name],
                    whole,
                    (width, height),
                    pictures,
                    over_furniture=False,
                    palettes=palettes,
                )
                if beside.panel is None:  # a panel there would be no better than over all
                    smaller.append(LayoutChoice(name, beside))
        out = roomy + smaller + panelled
        covered = {c.partname for c in panelled}
        for layout in layouts:
            name = layout.part.partname
            if free[name] != whole and name not in covered:
                # A slide too long for the room the furniture leaves takes the whole slide.
                areas = _placed(
                    kind,
                    layout,
                    whole,
                    whole,
                    (width, height),
                    pictures,
                    over_furniture=True,
                    palettes=palettes,
                )
                out.append(LayoutChoice(name, areas))
        # A layout without a title comes after every titled one, on a panel or not: its
        # text would stand left and bare where the rest of the deck has its titles.
        blank = {layout.part.partname for layout in layouts if role(layout) == BLANK}
        titled = [c for c in out if c.partname not in blank]
        choices[kind] = tuple(titled + [c for c in out if c.partname in blank])
    return choices


def _room(
    kind: str, layout: SlideLayout, free: Box, whole: Box, size: tuple[int, int]
) -> Box | None:
    """Where a kind's text goes on a layout clear of its furniture; None for nowhere.

    The largest free rectangle serves when it is big enough for the kind; else a smaller
    one may be (taller and narrower, beside a tree rather than above it).
    """
    width, height = size
    if free == whole or _big_enough(kind, free, whole, height):
        return free
    body = _body(kind, whole, height)
    least = (
        math.ceil(BIG_ENOUGH * whole.width),
        whole.height - body.height + math.ceil(BIG_ENOUGH * body.height),
    )
    obstacles = furniture(layout, width, height)
    fitted = largest_free(whole, obstacles, least=least)
    return fitted if fitted.width and _big_enough(kind, fitted, whole, height) else None


def _placed(
    kind: str,
    layout: SlideLayout,
    room: Box,
    whole: Box,
    size: tuple[int, int],
    pictures: Pictures,
    *,
    over_furniture: bool,
    palettes: dict[tuple[str, bool], Palette] | None = None,
) -> SlideAreas:
    """Kit's areas for a kind in a layout's room; `whole` is the slide inside its margins.

    `palettes` keeps each layout's colours, the same for every kind, once worked out.
    """
    theme = read_theme(layout.slide_master)
    width, height = size
    palettes = {} if palettes is None else palettes
    key = (layout.part.partname, over_furniture)
    if key not in palettes:
        palettes[key] = palette(
            layout, theme, width, height, pictures, over_furniture=over_furniture
        )
    areas = place(
        kind or "points",
        layout.name,
        room,
        height,
        Fonts(theme.major, theme.minor),
        palettes[key],
        title_alignment(layout) == "ctr",
        _title_idx(layout),
        whole,
    )
    if over_furniture and areas.panel is not None:
        areas = replace(areas, panel=covering(areas.panel, layout, width, height))
    return areas


def _big_enough(kind: str, room: Box, whole: Box, height: int) -> bool:
    """True when a kind's body keeps most of its width and height in the room."""
    there, anywhere = _body(kind, room, height), _body(kind, whole, height)
    tall = _holds_a_line(there) and there.height >= BIG_ENOUGH * anywhere.height
    return tall and there.width >= BIG_ENOUGH * anywhere.width


def _wide_enough(kind: str, room: Box, whole: Box, height: int) -> bool:
    """True when a kind's body in the room is wide enough to try its text there.

    Whether the text fits is the planner's to say, at kit's least sizes; this only keeps
    words from being tried in a column a few of them wide.
    """
    there, anywhere = _body(kind, room, height), _body(kind, whole, height)
    return _holds_a_line(there) and there.width >= NARROWEST * anywhere.width


def _holds_a_line(body: TextArea) -> bool:
    """True when a body holds one line at kit's least size for it.

    The planner sets a word too big for its room alone on a slide of its own, so a body
    a sliver high would hold a one-word subtitle (Pencil's title slide, under a short
    course title) as its words fall out of the box; place() gives a body with no room
    one EMU.
    """
    return body.inner_height >= body.floor * LINE_HEIGHT + SAFETY_PT


def _body(kind: str, room: Box, height: int) -> TextArea:
    """Where a kind's body goes in a room, whatever its fonts and colours."""
    colors = Palette("000000", "000000", "000000", "000000")
    return place(kind or "points", "", room, height, Fonts("", ""), colors, False, None).body


def _free(layout: SlideLayout, whole: Box, width: int, height: int) -> Box:
    obstacles = furniture(layout, width, height)
    free = largest_free(whole, obstacles)
    if title_alignment(layout) != "ctr":
        return free
    # Text centred under a centred title stands in the middle of the slide, not of the
    # room beside a logo, unless that costs much of the room.
    middle = largest_free(whole, obstacles, centred=True)
    return middle if _area(middle) >= CENTRED_SHARE * _area(free) else free


def _area(box: Box) -> int:
    return box.width * box.height


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
    layout: SlideLayout,
    theme: Theme,
    width: int,
    height: int,
    pictures: Pictures | None = None,
    *,
    over_furniture: bool = False,
) -> Palette:
    """The template's colours for a layout's text and rule, each readable on its background.

    The colours are those the template's placeholders set themselves, else its theme's.
    The background is the layout's own and any shape drawn over most of the slide; one
    drawn over all of it hides the layout's own. Where no colour reads on all of it, where
    it is busy (parts 3:1 apart), or where the text is set `over_furniture`, the text gets
    a panel under it
    (`Palette.panel`), opaque over furniture. Pictures are read through `pictures`.
    """
    pictures = pictures or Pictures()
    grounds = backgrounds(layout.slide_master, layout, theme, pictures)
    mapping = color_map(layout.slide_master, layout)
    for shape, whole in backdrops(layout, width, height):
        on_layout = shape.getroottree().getroot() is layout.element
        part = layout.part if on_layout else layout.slide_master.part
        colors = shape_colors(shape, theme, mapping, part, pictures)
        grounds = colors if whole and colors else grounds + colors
    own = own_colors(layout)
    found = _colors(grounds, theme, mapping, own)
    if _reads(found, grounds) and not over_furniture and not _busy(grounds):
        return found
    # No colour reads on all of a picture, or it is busy (a grid and drawings a colour
    # reads on but words get lost in): lay a panel under the text, nearly opaque, and
    # choose again on that. Over furniture the panel hides it, so no line of a drawing
    # runs through the words. The panel takes the template's own tone where that is dark
    # (a dark template keeps dark slides), else the theme's background colour.
    opacity = 1.0 if over_furniture else PANEL_OPACITY
    fallback = None
    for panel in _panel_colors(layout, theme, mapping, (width, height), pictures):
        under = [panel] if opacity >= 1 else [blend(panel, g, opacity) for g in grounds]
        # A title colour darkened just until it reads on the panel would not where the
        # panel shows a darker part of what is under it: none is tried on a panel that
        # shows any. An opaque one shows nothing, and keeps the template's titles in its
        # colour, as on its slides without a panel (Pencil's orange, not black).
        colors = _colors(under, theme, mapping, own, shades=opacity >= 1)
        colors = replace(colors, panel=panel, panel_opacity=opacity)
        if _reads(colors, under):
            return colors
        fallback = fallback or colors
    assert fallback is not None, "there is always the theme's background colour"
    return fallback


def _busy(grounds: list[str]) -> bool:
    """True when the background's parts stand apart enough to be seen as shapes.

    A picture counts as its darkest and lightest parts: a sky of one tone or a soft
    gradient is not busy; a grid with a pencil and an eraser drawn on it is, even where a
    colour reads on all of it.
    """
    return max(contrast(a, b) for a in grounds for b in grounds) >= BUSY_CONTRAST


def _reads(colors: Palette, grounds: list[str]) -> bool:
    """True when the title, text and accent each read on every colour of the background."""
    words = (colors.title, colors.text, colors.accent)
    return all(min(contrast(c, g) for g in grounds) >= MIN_CONTRAST for c in words)


def _panel_colors(
    layout: SlideLayout,
    theme: Theme,
    mapping: dict[str, str],
    size: tuple[int, int],
    pictures: Pictures,
) -> list[str]:
    """The colours a panel may take, best first: a dark template's own tone, then darker,
    then the theme's background colour.

    A template is dark when what its layout shows is dark at the middle of its lightness
    (see tone) and its titles, where it sets their colour itself, are light.
    """
    light = theme.colors[mapping["bg1"]]
    own = tone(layout, theme, size, pictures)
    title = own_colors(layout)[0]
    # A template that sets its titles dark is a light one, however bright its pictures.
    if is_dark(light) or not is_dark(own) or (title and is_dark(title)):
        return [light]
    return [own, blend(own, "000000", 0.5), "000000", light]


def _shades(color: str, grounds: list[str]) -> list[str]:
    """A coloured (not grey) colour made darker step by step, or lighter on a dark ground.

    The first of them that reads keeps as much of the template's colour as reading allows.
    """
    channels = [int(color[i : i + 2], 16) for i in (0, 2, 4)]
    if max(channels) - min(channels) < HUE:
        return []
    dark = worst_contrast("000000", grounds) >= worst_contrast("FFFFFF", grounds)
    toward = "000000" if dark else "FFFFFF"
    return [blend(color, toward, 1 - step / SHADE_STEPS) for step in range(1, SHADE_STEPS)]


def _colors(
    grounds: list[str],
    theme: Theme,
    mapping: dict[str, str],
    own: tuple[str, str] = ("", ""),
    *,
    shades: bool = True,
) -> Palette:
    colors = theme.colors
    tx1, tx2 = colors[mapping["tx1"]], colors[mapping["tx2"]]
    accents = [colors[f"accent{n}"] for n in range(1, 7)]
    # Colours the template sets itself are what its slides show; its theme's may not be.
    own_title, own_text = own
    mine = [c for c in (own_title, own_text) if c]
    # A title colour of the template's own that does not read is made darker (or lighter)
    # until it does; else its body colour, else the theme's first text colour: a template
    # that sets its titles' colour itself does not take them from its theme, and that of
    # a LibreOffice file is Office's default, whose blue (its second) is none of its own.
    titles = [tx2, tx1]
    if own_title:
        darker = _shades(own_title, grounds) if shades else []
        titles = [own_title, *darker, *mine[1:], tx1, tx2]
    title = pick(titles, grounds, theme)
    # The template's own colours or else its theme's accents first; past them its dark or
    # light, as they read best. A template that sets its own colours gives the kicker and
    # the rule its title's colour next, not its theme's, which may be Office's default.
    accent = pick([*mine, title] if mine else [*accents[:2], tx2, tx1], grounds, theme)
    rule = next(
        (
            a
            for a in ((*mine[:1], title) if mine else accents)
            if min(contrast(a, g) for g in grounds) >= RULE_CONTRAST
        ),
        accent,
    )
    return Palette(
        title=title,
        text=pick([own_text, tx1, tx2] if own_text else [tx1, tx2], grounds, theme),
        accent=accent,
        rule=rule,
    )
