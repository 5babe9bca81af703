"""A deck template's layouts: which serve each kind of slide, and the text areas of each.

On kit's own template a slide's text goes into the placeholders of the layout designed
for its kind. For each placeholder this module works out what the planner needs: where
the area is, its inner margins, and the font, weight, style and size its text inherits
from the layout, the master and the theme. (A church's template gets kit's design placed
clear of its furniture instead: see placed.)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.placeholder import LayoutPlaceholder, MasterPlaceholder
from pptx.slide import SlideLayout, SlideMaster

from kit.writers.ooxml import NAMESPACES, qn
from kit.writers.pptx.fit.areas import SlideAreas, TextArea

CONTENT_LAYOUTS = ("Title and Content", "Title Only", "Blank")
"""Layouts of kit's own template any of which can carry every kind of slide."""

LAYOUTS = {
    "title": ("Title Slide", *CONTENT_LAYOUTS),
    "section": ("Big Idea", *CONTENT_LAYOUTS),
    "scripture": ("Scripture", *CONTENT_LAYOUTS),
    "points": CONTENT_LAYOUTS,
    "question": ("Question", *CONTENT_LAYOUTS),
    "couple": ("Couple Time", *CONTENT_LAYOUTS),
    "closing": ("Closing", *CONTENT_LAYOUTS),
}
"""Layout names for each kind of slide, best first: kit's own design, then plain ones."""

KICKER, CAPTION = "Kicker", "Caption"
"""Names of the placeholders in kit's template for the small line above a title and below
the body; a template without them gets that text in its body."""

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)
INSETS = (91440, 45720, 91440, 45720)
"""Inner margins left, top, right, bottom in EMU where a template sets none."""


@dataclass(frozen=True)
class LayoutChoice:
    """A layout a kind of slide may use, and its text areas."""

    partname: str
    """The layout's part in the template, which names it in any presentation opened from it."""
    areas: SlideAreas
    """Where its text goes."""


def all_layouts(prs: PptxPresentation) -> list[SlideLayout]:
    """Every layout of every master, first master first."""
    return [layout for master in prs.slide_masters for layout in master.slide_layouts]


def layout_choices(prs: PptxPresentation) -> dict[str, tuple[LayoutChoice, ...]]:
    """For each kind of slide ("" for any other) in kit's own template, its layout's areas.

    Kit's template has a layout designed for each kind, and its text goes in that layout's
    placeholders. A church's template gets kit's design placed on it instead (see placed).
    """
    areas: dict[str, SlideAreas] = {}
    choices = {}
    for kind in (*LAYOUTS, ""):
        found = candidate_layouts(prs, kind)[:1]
        for layout in found:
            if layout.part.partname not in areas:
                areas[layout.part.partname] = slide_areas(prs, layout)
        choices[kind] = tuple(
            LayoutChoice(layout.part.partname, areas[layout.part.partname]) for layout in found
        )
    return choices


def candidate_layouts(prs: PptxPresentation, kind: str) -> list[SlideLayout]:
    """The layouts a kind of slide may use, best first; never empty."""
    by_name: dict[str, SlideLayout] = {}
    for layout in all_layouts(prs):
        by_name.setdefault(layout.name, layout)
    found = [by_name[n] for n in LAYOUTS.get(kind, CONTENT_LAYOUTS) if n in by_name]
    # A layout with a place for the title looks like the rest of the deck; Blank is last.
    titled = [layout for layout in found if _has_title(layout)]
    return titled or found or all_layouts(prs)[:1]


def _has_title(layout: SlideLayout) -> bool:
    return any(ph.placeholder_format.type in TITLE_TYPES for ph in layout.placeholders)


def slide_areas(prs: PptxPresentation, layout: SlideLayout) -> SlideAreas:
    """The text areas of a layout, with stand-ins for a layout that lacks a title or a body."""
    fonts = _ThemeFonts(layout.slide_master)
    title = kicker = caption = None
    bodies = []
    for ph in layout.placeholders:
        kind = ph.placeholder_format.type
        if kind in TITLE_TYPES and title is None:
            title = _area(ph, layout, fonts, "title")
        elif ph.name == KICKER:
            kicker = _area(ph, layout, fonts, "body")
        elif ph.name == CAPTION:
            caption = _area(ph, layout, fonts, "body")
        elif kind in BODY_TYPES:
            bodies.append(_area(ph, layout, fonts, "body"))
    width, height = prs.slide_width, prs.slide_height
    if title is None:
        title = _added(
            fonts, "title", width // 16, height // 18, width * 7 // 8, height * 2 // 9, 44
        )
    body = max(bodies, key=lambda b: b.width * b.height) if bodies else None
    if body is None or body.height < height // 8:
        top = title.top + title.height + height // 50
        margin = max(title.top, height // 18)
        room = max(height - top - margin, height // 8)
        body = replace(
            _added(fonts, "other", title.left, top, title.width, room, 28), insets=title.insets
        )
    return SlideAreas(layout.name, title, body, kicker, caption)


def _added(fonts: _ThemeFonts, role: str, x: int, y: int, w: int, h: int, size: float) -> TextArea:
    font = fonts.resolve([], role)
    return TextArea(None, x, y, w, h, INSETS, font.typeface, font.bold, font.italic, size)


def _area(ph: LayoutPlaceholder, layout: SlideLayout, fonts: _ThemeFonts, role: str) -> TextArea:
    chain = [ph.element]
    master_ph = _master_placeholder(layout.slide_master, role)
    if master_ph is not None:
        chain.append(master_ph.element)
    font = fonts.resolve(chain, role)
    return TextArea(
        ph.placeholder_format.idx,
        int(ph.left),
        int(ph.top),
        int(ph.width),
        int(ph.height),
        _insets(chain),
        font.typeface,
        font.bold,
        font.italic,
        font.size,
        font.caps,
        font.spacing,
    )


def _master_placeholder(master: SlideMaster, role: str) -> MasterPlaceholder | None:
    wanted = TITLE_TYPES if role == "title" else BODY_TYPES
    return next((sp for sp in master.placeholders if sp.placeholder_format.type in wanted), None)


def _insets(chain: list[etree._Element]) -> tuple[int, int, int, int]:
    out = []
    for attr, default in zip(("lIns", "tIns", "rIns", "bIns"), INSETS, strict=True):
        value = default
        for el in chain:
            body_pr = el.find("./p:txBody/a:bodyPr", NAMESPACES)
            if body_pr is not None and body_pr.get(attr) is not None:
                value = int(body_pr.get(attr))
                break
        out.append(value)
    return out[0], out[1], out[2], out[3]


@dataclass(frozen=True)
class Font:
    """How an area's text is set when its runs say nothing."""

    typeface: str
    """Font name, theme fonts resolved."""
    bold: bool
    """Bold."""
    italic: bool
    """Italic."""
    size: float
    """Size in points."""
    caps: bool
    """In capitals or small capitals."""
    spacing: float
    """Extra points between letters."""


class _ThemeFonts:
    """A master's text styles and theme fonts, to resolve what a placeholder inherits."""

    def __init__(self, master: SlideMaster) -> None:
        theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
        self.major = _theme_font(theme, "majorFont") or "Calibri Light"
        self.minor = _theme_font(theme, "minorFont") or "Calibri"
        styles = master.element.find(qn("p:txStyles"))
        self.styles = {}
        if styles is not None:
            for name in ("titleStyle", "bodyStyle", "otherStyle"):
                self.styles[name] = styles.find(qn(f"p:{name}"))

    def resolve(self, chain: list[etree._Element], role: str) -> Font:
        """How level-1 text in a placeholder chain is set, after inheritance."""
        defs = [el.find("./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr", NAMESPACES) for el in chain]
        style = {"title": "titleStyle", "body": "bodyStyle"}.get(role, "otherStyle")
        master_style = self.styles.get(style)
        if master_style is not None:
            defs.append(master_style.find("./a:lvl1pPr/a:defRPr", NAMESPACES))
        defs = [d for d in defs if d is not None]
        typeface = _first(defs, "typeface", "a:latin")
        if typeface is None or typeface == "+mn-lt":
            typeface = self.major if (typeface is None and role == "title") else self.minor
        elif typeface == "+mj-lt":
            typeface = self.major
        size = _first(defs, "sz")
        spacing = _first(defs, "spc")
        return Font(
            typeface,
            _first(defs, "b") in ("1", "true"),
            _first(defs, "i") in ("1", "true"),
            int(size) / 100 if size else 18.0,
            _first(defs, "cap") in ("all", "small"),
            max(0, int(spacing)) / 100 if spacing else 0.0,
        )


def _first(defs: list[etree._Element], attr: str, child: str = "") -> str | None:
    """The first value of `attr` on the run defaults (or on their `child`) that has one."""
    for d in defs:
        el = d.find(child, NAMESPACES) if child else d
        if el is not None and el.get(attr) is not None:
            return el.get(attr)
    return None


def _theme_font(theme: etree._Element, which: str) -> str | None:
    found = theme.find(f".//a:fontScheme/a:{which}/a:latin", NAMESPACES)
    return found.get("typeface") if found is not None else None
