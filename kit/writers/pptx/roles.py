"""What each of a church's layouts is for, read from what it holds, in any language.

A template names its layouts in the language it was saved in ("Titre et contenu",
"标题和内容", Google Slides' `TITLE_AND_BODY`) and LibreOffice writes layout types that do
not match what a layout holds, so kit goes by its placeholders: a title and nothing else,
a title and one body, nothing but the master's furniture. Only a section header, which
holds what a content layout holds, is known by its type alone.

A template may also have more than one master, each a design of its own: LibreOffice
saves one for each of its master pages, a title design with the cover art and a content
design for the rest (see `designs`).
"""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation as PptxPresentation
from pptx.slide import SlideLayout

from kit.writers.pptx.layouts import TITLE_TYPES

TITLE, SECTION, TITLE_ONLY, CONTENT, BLANK, OTHER = (
    "title",
    "section",
    "title only",
    "content",
    "blank",
    "other",
)
"""The roles a layout can play, from a title slide to one kit uses only when it must."""

FURNITURE_TYPES = (
    PP_PLACEHOLDER.DATE,
    PP_PLACEHOLDER.FOOTER,
    PP_PLACEHOLDER.SLIDE_NUMBER,
    PP_PLACEHOLDER.HEADER,
)
"""Placeholders that hold the master's running text, not a slide's own."""

BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
"""Placeholders for a slide's body text."""

OPENING = {
    "title": (TITLE, SECTION),
    "section": (SECTION,),
    "couple": (SECTION,),
    "closing": (SECTION,),
}
"""Roles of the layouts for the slides that open and mark the parts of an evening."""

CONTENT_ORDER = (TITLE_ONLY, CONTENT, BLANK, OTHER)
"""Roles of the layouts for every other slide: the fewer placeholders, the less to move."""


def role(layout: SlideLayout) -> str:
    """What a layout is for, from the placeholders it holds and, for a section, its type."""
    held = [ph for ph in layout.placeholders if ph.placeholder_format.type not in FURNITURE_TYPES]
    if not held:
        return BLANK
    if any(ph.element.ph.get("orient") == "vert" for ph in held):
        return OTHER  # text set down the slide: kit's is set across it
    kinds = [ph.placeholder_format.type for ph in held]
    titles = [k for k in kinds if k in TITLE_TYPES]
    rest = [k for k in kinds if k not in TITLE_TYPES]
    if len(titles) != 1:
        return OTHER
    if layout.element.get("type") == "secHead":
        return SECTION
    if titles[0] == PP_PLACEHOLDER.CENTER_TITLE or layout.element.get("type") == "title":
        return TITLE
    if not rest:
        return TITLE_ONLY
    if all(k == PP_PLACEHOLDER.SUBTITLE for k in rest):
        return TITLE
    if len(rest) == 1 and rest[0] in BODY_TYPES:
        return CONTENT
    return OTHER


def designs(prs: PptxPresentation) -> tuple[str | None, str | None]:
    """The masters of the template's title design and of its content design, by part name.

    The template's own slides show them: its first slide is on the title design, and the
    first slide on another master is on the content design. A template with one master,
    or whose slides all use one, or without slides, has no second design: None says to
    take the masters in their order, first master first.
    """
    used = [slide.slide_layout.slide_master.part.partname for slide in prs.slides]
    if not used:
        return None, None
    title = used[0]
    content = next((master for master in used if master != title), None)
    return title, content


def layouts_by_role(prs: PptxPresentation, master: str | None = None) -> dict[str, SlideLayout]:
    """The template's first layout of each role it has, the layouts of `master` first.

    Without `master` (a part name, see `designs`) the masters are taken in their order.
    """
    masters = sorted(prs.slide_masters, key=lambda m: m.part.partname != master)
    found: dict[str, SlideLayout] = {}
    for layout in (layout for m in masters for layout in m.slide_layouts):
        found.setdefault(role(layout), layout)
    return found


def layouts_for(kind: str, found: dict[str, SlideLayout]) -> list[SlideLayout]:
    """The layouts a kind of slide may use, best first; empty only for a template without any."""
    roles = (*OPENING.get(kind, ()), *CONTENT_ORDER)
    return [found[r] for r in roles if r in found]
