"""Deck templates read with python-pptx: check one, pick layouts per kind of slide, read boxes.

A slide's text goes into the placeholders of the layout it uses. For each placeholder this
module works out what the fitter needs: where the box is, its inner margins, and the font,
weight, style and size its text inherits from the layout, the master and the theme.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PptxPresentation
from pptx.slide import SlideLayout, SlideMaster

from kit.layout.areas import SlideAreas as Frames
from kit.layout.areas import TextArea as Box
from kit.writers.pptx_template import Template
from kit.writers.pptx_template import load_template as load_template

CONTENT_LAYOUTS = ("Title and Content", "Title Only", "Blank")
"""Layouts any of which can carry every kind of slide; a template needs one of them."""

LAYOUTS = {
    "title": ("Title Slide", "Section Header", *CONTENT_LAYOUTS),
    "section": ("Big Idea", *CONTENT_LAYOUTS, "Section Header"),
    "scripture": ("Scripture", *CONTENT_LAYOUTS),
    "points": CONTENT_LAYOUTS,
    "question": ("Question", *CONTENT_LAYOUTS),
    "couple": ("Couple Time", *CONTENT_LAYOUTS, "Section Header"),
    "closing": ("Closing", *CONTENT_LAYOUTS, "Section Header"),
}
"""Layout names to use for each kind of slide, best first; kit's own names lead. A
standard Section Header sets its text small, so the sentences these slides carry go
in a Title and Content layout when the template has one."""

KICKER, CAPTION = "Kicker", "Caption"
"""Names of the placeholders in kit's template for the small line above a title and below
the body; a template without them gets that text in its body."""

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": _A, "p": _P}


def open_template(template: Template) -> PptxPresentation:
    """A fresh presentation from the template, without any slides of its own."""
    prs = Presentation(io.BytesIO(template.data))
    ids = prs.slides._sldIdLst
    for sld_id in list(ids):
        prs.part.drop_rel(sld_id.rId)
        ids.remove(sld_id)
    return prs


def template_problems(path: Path) -> list[str]:
    """What keeps a .pptx from serving as a deck template; empty when it can.

    A course loader can report these at the course's `brand.slides` entry.
    """
    try:
        prs = Presentation(str(path))
    except Exception as exc:  # python-pptx raises many kinds on a damaged file
        return [f"'{path.name}' is not a PowerPoint file kit can read ({type(exc).__name__})"]
    problem = layout_problem(prs, path.name)
    return [problem] if problem else []


def layout_problem(prs: PptxPresentation, name: str) -> str | None:
    """Why an opened template lacks the layouts kit needs, naming them; None when it has them."""
    names = [layout.name for layout in all_layouts(prs)]
    if any(n in names for n in CONTENT_LAYOUTS):
        return None
    found = ", ".join(f"'{n}'" for n in names) or "none"
    wanted = ", ".join(f"'{n}'" for n in CONTENT_LAYOUTS[:-1])
    return (
        f"slide template '{name}' has no layout named {wanted} or '{CONTENT_LAYOUTS[-1]}'; "
        f"kit needs one of them for its slides (layouts found: {found})"
    )


def all_layouts(prs: PptxPresentation) -> list[SlideLayout]:
    """Every layout of every master, first master first."""
    return [layout for master in prs.slide_masters for layout in master.slide_layouts]


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


def frames(prs: PptxPresentation, layout: SlideLayout) -> Frames:
    """The boxes of a layout, with fallbacks for a layout that lacks a title or a body."""
    fonts = _ThemeFonts(layout.slide_master)
    title = kicker = caption = None
    bodies = []
    for ph in layout.placeholders:
        kind = ph.placeholder_format.type
        name = ph.name
        if kind in TITLE_TYPES and title is None:
            title = _box(ph, layout, fonts, "title")
        elif name == KICKER:
            kicker = _box(ph, layout, fonts, "body")
        elif name == CAPTION:
            caption = _box(ph, layout, fonts, "body")
        elif kind in BODY_TYPES:
            bodies.append(_box(ph, layout, fonts, "body"))
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
    return Frames(layout.name, title, body, kicker, caption)


def _added(fonts: _ThemeFonts, role: str, x: int, y: int, w: int, h: int, size: float) -> Box:
    font = fonts.resolve([], role)
    insets = (91440, 45720, 91440, 45720)
    return Box(None, x, y, w, h, insets, font.typeface, font.bold, font.italic, size)


def _box(ph, layout: SlideLayout, fonts: _ThemeFonts, role: str) -> Box:
    chain = [ph._element]
    master_ph = _master_placeholder(layout.slide_master, ph.placeholder_format.type, role)
    if master_ph is not None:
        chain.append(master_ph)
    font = fonts.resolve(chain, role)
    return Box(
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


def _master_placeholder(master: SlideMaster, kind, role: str):
    wanted = "title" if role == "title" else "body"
    for sp in master.placeholders:
        ph_type = sp.placeholder_format.type
        if (wanted == "title" and ph_type in TITLE_TYPES) or (
            wanted == "body" and ph_type in BODY_TYPES
        ):
            return sp._element
    return None


def _insets(chain: list) -> tuple[int, int, int, int]:
    defaults = {"lIns": 91440, "tIns": 45720, "rIns": 91440, "bIns": 45720}
    out = []
    for attr, default in defaults.items():
        value = default
        for el in chain:
            body_pr = el.find("./p:txBody/a:bodyPr", NS)
            if body_pr is not None and body_pr.get(attr) is not None:
                value = int(body_pr.get(attr))
                break
        out.append(value)
    return out[0], out[1], out[2], out[3]


@dataclass(frozen=True)
class Font:
    """How a box's text is set when its runs say nothing."""

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
        self.master = master
        theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
        self.major = _theme_font(theme, "majorFont") or "Calibri Light"
        self.minor = _theme_font(theme, "minorFont") or "Calibri"
        styles = master._element.find(f"{{{_P}}}txStyles")
        self.styles = {}
        if styles is not None:
            for name in ("titleStyle", "bodyStyle", "otherStyle"):
                self.styles[name] = styles.find(f"{{{_P}}}{name}")

    def resolve(self, chain: list, role: str) -> Font:
        """How level-1 text in a placeholder chain is set, after inheritance."""
        defs = [el.find("./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr", NS) for el in chain]
        style = {"title": "titleStyle", "body": "bodyStyle"}.get(role, "otherStyle")
        master_style = self.styles.get(style)
        if master_style is not None:
            defs.append(master_style.find("./a:lvl1pPr/a:defRPr", NS))
        defs = [d for d in defs if d is not None]
        typeface = _first(defs, lambda d: d.find("a:latin", NS), "typeface")
        if typeface is None or typeface == "+mn-lt":
            typeface = self.major if (typeface is None and role == "title") else self.minor
        elif typeface == "+mj-lt":
            typeface = self.major
        bold = _first(defs, lambda d: d, "b") in ("1", "true")
        italic = _first(defs, lambda d: d, "i") in ("1", "true")
        size = _first(defs, lambda d: d, "sz")
        caps = _first(defs, lambda d: d, "cap") in ("all", "small")
        spacing = _first(defs, lambda d: d, "spc")
        return Font(
            typeface,
            bold,
            italic,
            int(size) / 100 if size else 18.0,
            caps,
            max(0, int(spacing)) / 100 if spacing else 0.0,
        )


def _first(defs: list, find, attr: str) -> str | None:
    for d in defs:
        el = find(d)
        if el is not None and el.get(attr) is not None:
            return el.get(attr)
    return None


def _theme_font(theme, which: str) -> str | None:
    found = theme.find(f".//a:fontScheme/a:{which}/a:latin", NS)
    return found.get("typeface") if found is not None else None
