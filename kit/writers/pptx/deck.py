"""Write a composed deck as a .pptx with python-pptx: text fitted to each area, notes on each.

Each slide goes on the layout that holds it best; its title and text go into the layout's
placeholders, or into text boxes where a layout has none, and the placeholders left
empty are taken off. python-pptx saves the package; kit only fixes its times and order.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.autoshape import Shape
from pptx.shapes.placeholder import NotesSlidePlaceholder, SlidePlaceholder
from pptx.slide import NotesSlide
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu

from kit.compose.blocks import Deck, Run
from kit.compose.blocks import Slide as ComposedSlide
from kit.language import OFFICE_TAGS
from kit.writers.ooxml import NAMESPACES, normalized_zip, qn, set_core_properties
from kit.writers.pptx.fit.areas import Panel, Rule, SlideAreas, TextArea
from kit.writers.pptx.fit.paragraphs import Text
from kit.writers.pptx.fit.planner import PlannedSlide, badness, plan
from kit.writers.pptx.layouts import LayoutChoice
from kit.writers.pptx.template import DeckDesign, deck_design
from kit.writers.pptx.text import LANG, face_paragraphs, notes_paragraphs

_PH = "p:nvSpPr/p:nvPr/p:ph"
"""Where a shape says it is a placeholder, and which."""

MAX_PROPERTY = 255
"""Characters a document property holds at most (python-pptx's and Office's limit)."""

ANCHORS = {"t": MSO_ANCHOR.TOP, "ctr": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}
"""A text area's anchoring as python-pptx names it."""

PORTRAIT = (6858000, 9144000)
"""A notes page's size where a template gives none: 7.5 by 10 inches."""


def write_pptx(
    deck: Deck, *, brand: Path | None = None, author: str = "", design: DeckDesign | None = None
) -> bytes:
    """The bytes of a .pptx holding the deck; `brand` is the church's template, if any.

    `design` is that template as `deck_design` read it, for a build that writes many decks
    on one template; read here when not given.
    """
    design = design or deck_design(brand)
    prs, layouts = design.open()
    chosen = [(slide, *_best(design.layouts_for(slide.layout), slide)) for slide in deck.slides]
    for slide, choice, planned in _alike(chosen, design):
        for page in planned:
            out = prs.slides.add_slide(layouts[choice.partname])
            out.notes_slide  # noqa: B018
            _write_slide(prs, out, page, slide, choice.areas, deck.language)
    title, subject, author = (v[:MAX_PROPERTY] for v in (deck.title, deck.footer, author))
    set_core_properties(prs.core_properties, title=title, subject=subject, author=author)
    out = io.BytesIO()
    prs.save(out)
    return normalized_zip(out.getvalue())


def _best(
    choices: Sequence[LayoutChoice], slide: ComposedSlide
) -> tuple[LayoutChoice, list[PlannedSlide]]:
    """The first layout that holds the slide whole; else the one needing fewest extra slides."""
    best: tuple[tuple, LayoutChoice, list[PlannedSlide]] | None = None
    for choice in choices:
        planned = plan(slide, choice.areas)
        score = badness(planned)
        if best is None or score[:2] < best[0][:2]:
            best = (score, choice, planned)
        if score[:2] == (1, 0):
            break
    assert best is not None, "every kind of slide has a layout"
    return best[1], best[2]


Chosen = tuple[ComposedSlide, LayoutChoice, list[PlannedSlide]]
"""A slide, the layout choice it goes on and the slides it becomes there."""


def _alike(chosen: list[Chosen], design: DeckDesign) -> list[Chosen]:
    """The slides with every slide of one kind and layout on the largest panel any needs.

    On a church's template a slide too long for the room beside the furniture goes on a
    panel over it; the deck's other slides of its kind on that layout go on the same
    panel, so one kind does not change look from slide to slide. Other kinds keep their
    own room: one long Scripture does not put the week's questions on a panel, and every
    week of a template looks alike but where a slide's own text needs the room.
    """
    largest: dict[tuple[str, str], int] = {}
    for slide, choice, _ in chosen:
        if choice.areas.panel is not None:
            key = (slide.layout, choice.partname)
            largest[key] = max(_panel_area(choice), largest.get(key, 0))
    if not largest:
        return chosen
    out = []
    for slide, choice, planned in chosen:
        wanted = largest.get((slide.layout, choice.partname), 0)
        if wanted and _panel_area(choice) < wanted:
            options = [
                c
                for c in design.layouts_for(slide.layout)
                if c.partname == choice.partname and _panel_area(c) == wanted
            ]
            if options:
                choice, planned = _best(options, slide)
        out.append((slide, choice, planned))
    return out


def _panel_area(choice: LayoutChoice) -> int:
    panel = choice.areas.panel
    return panel.width * panel.height if panel is not None else 0


def _write_slide(
    prs: PptxPresentation,
    out: PptxSlide,
    page: PlannedSlide,
    slide: ComposedSlide,
    laid: SlideAreas,
    language: str = "en",
) -> None:
    placeholders = _placeholders(out)
    by_idx: dict[int, Shape] = {}
    for idx, ph in placeholders:
        # A template saved without indexes gives several placeholders one: the first (its
        # title, as templates draw them) keeps it.
        by_idx.setdefault(idx, ph)
    areas = page.areas
    if areas.panel is not None:
        _panel(out, areas.panel)
    if page.title:
        title = Text((Run(page.title),), "title", page.title_size)
        moved = areas.title != laid.title
        _fill(out, by_idx, areas.title, [title], line=90, moved=moved, name="Title")
    _fill(out, by_idx, areas.body, page.body, moved=areas.body != laid.body)
    if areas.kicker is not None:
        _fill(out, by_idx, areas.kicker, page.kicker)
    if areas.caption is not None:
        _fill(out, by_idx, areas.caption, page.caption)
    if areas.rule is not None and page.kicker:
        _rule(out, areas.rule)
    for _, shape in placeholders:
        if shape.has_text_frame and not shape.text_frame.text.strip():
            shape.element.getparent().remove(shape.element)
    body = _notes_placeholder(prs, out.notes_slide)
    _replace_paragraphs(
        body, notes_paragraphs(slide.notes, continued=page.part > 1, language=language)
    )
    if language != "en":
        # kit's text says it is in the course's language, so PowerPoint checks its spelling so.
        tag = OFFICE_TAGS[language]
        for part in (out.element, out.notes_slide.element):
            for rpr in part.iter(qn("a:rPr"), qn("a:endParaRPr")):
                if rpr.get("lang") == LANG:
                    rpr.set("lang", tag)


def _placeholders(out: PptxSlide) -> list[tuple[int, SlidePlaceholder]]:
    """The slide's placeholders with their indexes, found in one pass over its shapes.

    python-pptx finds a placeholder's properties with an XPath query at every access, which
    was most of a deck's time; a new slide's placeholders are all plain shapes (`p:sp`).
    """
    found = []
    for sp in out.shapes.element.iterchildren(qn("p:sp")):
        ph = sp.find(_PH, NAMESPACES)
        if ph is not None:
            found.append((int(ph.get("idx", "0")), SlidePlaceholder(sp, out.shapes)))
    return found


def _fill(
    out: PptxSlide,
    by_idx: dict[int, Shape],
    area: TextArea,
    texts: Sequence[Text],
    line: int = 100,
    moved: bool = False,
    name: str = "",
) -> None:
    """Put paragraphs in an area's placeholder, or in a text box (`name`d) where it has none."""
    if not texts:
        return
    shape = by_idx.get(area.idx) if area.idx is not None else None
    if shape is None:
        shape = out.shapes.add_textbox(*_where(area))
        shape.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        if name:
            shape.name = name
    elif moved or area.color:
        # The planner moved this area (a long title taking room from the body), or kit
        # placed it clear of a church template's furniture.
        shape.left, shape.top, shape.width, shape.height = _where(area)
    if area.color and area.idx is not None:
        # A placeholder drawn filled or outlined where the layout had it would carry that
        # box here, under text whose colour was chosen for the slide's background.
        shape.fill.background()
        shape.line.fill.background()
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    if area.color:  # kit's own design on a church's template: nothing left to inherit
        frame.vertical_anchor = ANCHORS.get(area.anchor, MSO_ANCHOR.TOP)
        left, top, right, bottom = (Emu(v) for v in area.insets)
        frame.margin_left, frame.margin_top = left, top
        frame.margin_right, frame.margin_bottom = right, bottom
    _replace_paragraphs(shape, face_paragraphs(texts, line=line, area=area))


def _rule(out: PptxSlide, rule: Rule) -> None:
    """Kit's short accent rule above the kicker, in a theme colour, without outline or shadow."""
    _filled(out, "Rule", rule)


def _panel(out: PptxSlide, panel: Panel) -> None:
    """A panel under all of the slide's text, behind every other shape, nearly or quite opaque."""
    box = _filled(out, "Panel", panel)
    if panel.opacity < 1:
        # python-pptx has no API for a fill's transparency: DrawingML's alpha, in 1/1000 %.
        color = box.element.find("p:spPr/a:solidFill/a:srgbClr", NAMESPACES)
        etree.SubElement(color, qn("a:alpha"), val=str(round(panel.opacity * 100000)))
    tree = out.shapes.element
    tree.remove(box.element)
    tree.insert(2, box.element)  # after the tree's own properties: under everything


def _filled(out: PptxSlide, name: str, box: Rule | Panel) -> Shape:
    """A rectangle filled with the box's colour, without outline or shadow."""
    shape = out.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
    )
    shape.name = name
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(box.color)
    shape.line.fill.background()
    shape.shadow.inherit = False
    return shape


def _where(area: TextArea) -> tuple[Emu, Emu, Emu, Emu]:
    return Emu(area.left), Emu(area.top), Emu(area.width), Emu(area.height)


def _replace_paragraphs(shape: Shape, paragraphs: list[etree._Element]) -> None:
    """A shape's text becomes these paragraphs (python-pptx has no API to add built ones)."""
    body = shape.element.get_or_add_txBody()
    for p in body.p_lst:
        body.remove(p)
    body.extend(paragraphs)


def _notes_placeholder(prs: PptxPresentation, notes: NotesSlide) -> Shape:
    """The notes page's notes placeholder, added where PowerPoint puts it if its master has none.

    python-pptx can only add placeholders a master has, so the shape is made as it makes one.
    """
    # Found as in _placeholders; python-pptx's notes_placeholder asks XPath for each shape.
    for sp in notes.shapes.element.iterchildren(qn("p:sp")):
        ph = sp.find(_PH, NAMESPACES)
        if ph is not None and ph.get("type") == "body":
            return NotesSlidePlaceholder(sp, notes.shapes)
    size = prs.element.find(qn("p:notesSz"))
    width, height = (int(size.get("cx")), int(size.get("cy"))) if size is not None else PORTRAIT
    tree = notes.shapes.element
    ids = [int(e.get("id")) for e in tree.iter(qn("p:cNvPr"))]
    tree.append(
        CT_Shape.new_placeholder_sp(
            max(ids, default=1) + 1, "Notes Placeholder", PP_PLACEHOLDER.BODY, "horz", "full", 1
        )
    )
    body = notes.notes_placeholder
    body.left, body.top = Emu(int(width * 0.1)), Emu(int(height * 0.48))
    body.width, body.height = Emu(int(width * 0.8)), Emu(int(height * 0.4))
    return body
