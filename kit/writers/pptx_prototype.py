"""A deck template made ready once: its fixed parts, layouts, a blank slide of each, a notes page.

python-pptx opens each template a single time per process. What every deck made from it
shares is kept: the parts a deck stores as they are (masters, layouts, themes, pictures),
the presentation and document properties a deck fills in, each layout's text boxes and
the new slide python-pptx makes on it, and the notes page it makes for a slide. A deck
copies these elements instead of asking python-pptx again, and stores its package in the
order python-pptx saves one, so a deck's bytes do not depend on how it was assembled.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.coreprops import CorePropertiesPart
from pptx.slide import SlideLayout

from kit.writers.ooxml import set_core_properties
from kit.writers.pptx_layouts import Frames, Template, all_layouts, candidate_layouts, frames
from kit.writers.pptx_package import Part, Rel, compressed, next_rid, package_bytes

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True)
class Layout:
    """One layout of the template, as a deck uses it."""

    partname: str
    """Its part in the package."""
    frames: Frames
    """Its text boxes."""
    slide: etree._Element
    """A new slide on the layout: its placeholders, without text. Copy it; never change it."""
    placeholders: tuple[tuple[int, int], ...]
    """Each placeholder of the slide: its position in the shape tree and its index."""


@dataclass(frozen=True)
class Page:
    """A written slide: the layout it is on, its XML and its notes page's XML."""

    layout: Layout
    """Its layout."""
    slide: etree._Element
    """The slide."""
    notes: etree._Element
    """Its notes page."""


class Prototype:
    """What every deck made from one template shares, read once."""

    def __init__(self, template: Template) -> None:
        self.own = template.own
        prs = self._prs = template.open()
        package, main = prs.part.package, prs.part
        core = package.core_properties  # python-pptx adds its default when a template has none
        self._core = (str(core.partname), core._element)
        self._main = (str(main.partname), main.content_type, copy.deepcopy(main._element))
        self._package_rels = _rels(package)
        self._main_rels = _rels(main)
        had_notes_master = any(r.reltype == RT.NOTES_MASTER for r in self._main_rels)
        # The notes page python-pptx makes is the same for every slide; making it also
        # makes the notes master a template may lack, which a deck relates after its
        # first slide, as python-pptx does.
        layouts = all_layouts(prs)
        notes = prs.slides.add_slide(layouts[0]).notes_slide
        self._notes = copy.deepcopy(notes._element)
        body = notes.notes_placeholder
        if body is None:
            raise ValueError("the template's notes master has no place for notes")
        self._notes_body = list(notes.shapes._spTree).index(body._element)
        for p in self._notes.cSld.spTree[self._notes_body].get_or_add_txBody().p_lst:
            p.getparent().remove(p)
        self._notes_master = str(main.part_related_by(RT.NOTES_MASTER).partname)
        self._adds_notes_master = not had_notes_master
        own = {CT.PML_SLIDE, CT.PML_NOTES_SLIDE}
        self._parts = {
            str(p.partname): Part(str(p.partname), p.content_type, p.blob, _rels(p))
            for p in package.iter_parts()
            if p.content_type not in own and p is not main and p is not core
        }
        self._ready = {name: compressed(part) for name, part in self._parts.items()}
        self._layouts: dict[str, Layout] = {}
        self._candidates: dict[str, list[SlideLayout]] = {}

    def candidates(self, kind: str) -> list[SlideLayout]:
        """The layouts a kind of slide may use, best first; never empty."""
        if kind not in self._candidates:
            self._candidates[kind] = candidate_layouts(self._prs, kind)
        return self._candidates[kind]

    def layout(self, layout: SlideLayout) -> Layout:
        """A layout made ready for decks, the first time it is asked for."""
        name = str(layout.part.partname)
        if name not in self._layouts:
            slide = self._prs.slides.add_slide(layout)
            element = copy.deepcopy(slide._element)
            tree = element.cSld.spTree
            # Every placeholder kit fills gets a text body set to wrap and never to
            # shrink its text; kit removes the ones it leaves empty.
            for shape in tree.iter_ph_elms():
                prepare_text_body(shape.get_or_add_txBody())
            places = tuple(
                (i, int(ph.get("idx", "0")))
                for i, ph in enumerate(el.find("p:nvSpPr/p:nvPr/p:ph", _NS) for el in tree)
                if ph is not None
            )
            self._layouts[name] = Layout(name, frames(self._prs, layout), element, places)
        return self._layouts[name]

    def notes_page(self) -> etree._Element:
        """A new, empty notes page."""
        return copy.deepcopy(self._notes)

    def notes_body(self, page: etree._Element) -> etree._Element:
        """The text body of a notes page's notes, without paragraphs."""
        return page.find(_SP_TREE)[self._notes_body].find(_TX_BODY)

    def package(self, pages: Sequence[Page], *, title: str, subject: str, author: str) -> bytes:
        """The deck's .pptx bytes: the template's parts and these pages."""
        parts = dict(self._parts)
        main_name, main_type, main_element = self._main
        main = copy.deepcopy(main_element)
        ids = main.find("p:sldIdLst", _NS)
        main_rels = list(self._main_rels)
        rids = {r.rid for r in main_rels}
        for n, page in enumerate(pages, 1):
            slide, notes = f"/ppt/slides/slide{n}.xml", f"/ppt/notesSlides/notesSlide{n}.xml"
            rid = next_rid(rids)
            rids.add(rid)
            main_rels.append(Rel(rid, RT.SLIDE, slide))
            etree.SubElement(ids, f"{{{_P}}}sldId", {"id": str(255 + n), f"{{{_R}}}id": rid})
            if n == 1 and self._adds_notes_master:
                master = next_rid(rids)
                rids.add(master)
                main_rels.append(Rel(master, RT.NOTES_MASTER, self._notes_master))
            parts[slide] = Part(
                slide,
                CT.PML_SLIDE,
                _xml(page.slide),
                (
                    Rel("rId1", RT.SLIDE_LAYOUT, page.layout.partname),
                    Rel("rId2", RT.NOTES_SLIDE, notes),
                ),
            )
            parts[notes] = Part(
                notes,
                CT.PML_NOTES_SLIDE,
                _xml(page.notes),
                (Rel("rId1", RT.NOTES_MASTER, self._notes_master), Rel("rId2", RT.SLIDE, slide)),
            )
        parts[main_name] = Part(main_name, main_type, _xml(main), tuple(main_rels))
        core_name, core_element = self._core
        core = CorePropertiesPart(
            PackURI(core_name), CT.OPC_CORE_PROPERTIES, None, copy.deepcopy(core_element)
        )
        set_core_properties(core, title=title, subject=subject, author=author)
        parts[core_name] = Part(core_name, CT.OPC_CORE_PROPERTIES, core.blob)
        return package_bytes(self._package_rels, parts, self._ready)


_NS = {"p": _P}
_SP_TREE = f"{{{_P}}}cSld/{{{_P}}}spTree"
_TX_BODY = f"{{{_P}}}txBody"


def prepare_text_body(body: etree._Element) -> None:
    """Set a shape's text body to wrap, never to resize, and to hold no paragraphs yet."""
    body.bodyPr.wrap = "square"
    body.bodyPr.autofit = MSO_AUTO_SIZE.NONE
    for p in body.p_lst:
        body.remove(p)


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


@lru_cache(maxsize=4)
def prototype(template: Template) -> Prototype:
    """The template made ready, once per process."""
    return Prototype(template)
