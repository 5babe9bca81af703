"""Read a deck template with python-pptx once and keep what every deck made from it shares.

python-pptx opens the template, drops its own slides, and makes what a deck needs the
way it would make it for every slide: a new slide on each layout a deck may use (its
placeholders ready for text) and a notes page. The result is plain data (pptx_prototype)
that writes decks without python-pptx, with the bytes python-pptx would save.
"""

from __future__ import annotations

import copy
import datetime as dt

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.spec import default_content_types
from pptx.oxml.ns import qn
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.base import BaseShape as Shape
from pptx.slide import NotesSlide, SlideLayout

from kit.writers.ooxml import set_core_properties
from kit.writers.pptx_layouts import LAYOUTS, all_layouts, candidate_layouts, frames, open_template
from kit.writers.pptx_package import Part, Rel, compressed
from kit.writers.pptx_prototype import (
    AUTHOR_MARK,
    CT_NOTES_SLIDE,
    CT_SLIDE,
    SUBJECT_MARK,
    TIME_MARK,
    TITLE_MARK,
    Layout,
    Prototype,
)
from kit.writers.pptx_template import Template

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_NS = {"p": _P}
_PORTRAIT = (6858000, 9144000)
"""A notes page's size where a template gives none: 7.5 by 10 inches."""


def _add_notes_body(prs: PptxPresentation, notes: NotesSlide) -> Shape:
    """A notes placeholder for a notes page whose master has none, where PowerPoint puts it."""
    size = prs.part._element.find(qn("p:notesSz"))
    width, height = (int(size.get("cx")), int(size.get("cy"))) if size is not None else _PORTRAIT
    shapes = notes.shapes
    ids = [int(e.get("id")) for e in shapes._spTree.iter(qn("p:cNvPr"))]
    sp = CT_Shape.new_placeholder_sp(
        max(ids, default=1) + 1, "Notes Placeholder", PP_PLACEHOLDER.BODY, "horz", "full", 1
    )
    shapes._spTree.append(sp)
    body = notes.notes_placeholder
    body.left, body.top = int(width * 0.1), int(height * 0.48)
    body.width, body.height = int(width * 0.8), int(height * 0.4)
    return body


def prepare(template: Template) -> Prototype:
    """The template read and made ready for decks."""
    prs = open_template(template)
    package, main = prs.part.package, prs.part
    core = package.core_properties  # python-pptx adds its default when a template has none
    main_part = Part(str(main.partname), main.content_type, _xml(main._element), _rels(main))
    had_notes_master = any(r.reltype == RT.NOTES_MASTER for r in main_part.rels)
    # The notes page python-pptx makes is the same for every slide; making it also
    # makes the notes master a template may lack, which a deck relates after its
    # first slide, as python-pptx does.
    notes = prs.slides.add_slide(all_layouts(prs)[0]).notes_slide
    body = notes.notes_placeholder or _add_notes_body(prs, notes)
    notes_body = list(notes.shapes._spTree).index(body._element)
    page = copy.deepcopy(notes._element)
    for p in page.cSld.spTree[notes_body].get_or_add_txBody().p_lst:
        p.getparent().remove(p)
    # A deck's title, subject and author, and the time stamp, replace these marks.
    set_core_properties(
        core, title=TITLE_MARK, subject=SUBJECT_MARK, author=AUTHOR_MARK, when=_MARK_TIME
    )
    core_part = Part(
        str(core.partname),
        core.content_type,
        _xml(core._element).replace(
            _MARK_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode(), TIME_MARK.encode()
        ),
    )
    kinds = {kind: candidate_layouts(prs, kind) for kind in (*LAYOUTS, "")}
    if template.own:  # kit's own template has a layout designed for each kind
        kinds = {kind: found[:1] for kind, found in kinds.items()}
    layouts = {str(layout.part.partname): layout for found in kinds.values() for layout in found}
    own = {CT_SLIDE, CT_NOTES_SLIDE}
    parts = {
        str(p.partname): Part(str(p.partname), p.content_type, p.blob, _rels(p))
        for p in package.iter_parts()
        if p.content_type not in own and p is not main and p is not core
    }
    return Prototype(
        own=template.own,
        candidates={
            kind: tuple(str(layout.part.partname) for layout in found)
            for kind, found in kinds.items()
        },
        layouts={name: _layout(prs, layout) for name, layout in layouts.items()},
        parts=parts,
        ready={name: compressed(part) for name, part in parts.items()},
        default_types=frozenset(default_content_types),
        package_rels=_rels(package),
        main=main_part,
        core=core_part,
        notes=_xml(page),
        notes_body=notes_body,
        notes_master=str(main.part_related_by(RT.NOTES_MASTER).partname),
        adds_notes_master=not had_notes_master,
    )


_MARK_TIME = dt.datetime(1901, 2, 3, 4, 5, 6)
"""A time no template stores, written where a deck's time stamp goes."""


def _layout(prs: PptxPresentation, layout: SlideLayout) -> Layout:
    slide = copy.deepcopy(prs.slides.add_slide(layout)._element)
    tree = slide.cSld.spTree
    # Every placeholder kit fills gets a text body set to wrap and never to shrink
    # its text; kit removes the ones it leaves empty.
    for shape in tree.iter_ph_elms():
        body = shape.get_or_add_txBody()
        body.bodyPr.wrap = "square"
        body.bodyPr.autofit = MSO_AUTO_SIZE.NONE
        for p in body.p_lst:
            body.remove(p)
    places = tuple(
        (i, int(ph.get("idx", "0")))
        for i, ph in enumerate(el.find("p:nvSpPr/p:nvPr/p:ph", _NS) for el in tree)
        if ph is not None
    )
    return Layout(str(layout.part.partname), frames(prs, layout), _xml(slide), places)


def _xml(element: etree._Element) -> bytes:
    return etree.tostring(element, encoding="UTF-8", standalone=True)


def _rels(source) -> tuple[Rel, ...]:
    """A python-pptx part's or package's relationships, in the order they were made."""
    return tuple(
        Rel(r.rId, r.reltype, r.target_ref, True)
        if r.is_external
        else Rel(r.rId, r.reltype, str(r.target_part.partname))
        for r in source._rels.values()
    )
