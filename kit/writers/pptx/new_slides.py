"""New slides and notes pages as python-pptx makes them, from XML it made once per template.

`prs.slides.add_slide` clones a layout's placeholders, and a slide's first `notes_slide`
clones the notes master's, searching the template's shapes and every part of the package
each time: most of a deck's time. A slide depends only on its layout and a notes page only
on the notes master, so python-pptx makes one slide per layout and one notes page when a
template is read, and each deck adds copies of them as the same parts, related in the same
order, so its bytes are the same.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.presentation import Presentation as PptxPresentation
from pptx.slide import Slide, SlideLayout


@dataclass(frozen=True)
class NewSlide:
    """What python-pptx makes for a new slide on one layout: the slide and its notes page."""

    slide: etree._Element
    """The slide with the layout's placeholders cloned. Copy it; never change it."""
    notes: etree._Element
    """Its notes page with the notes master's placeholders cloned. Copy it; never change it."""


def new_slides(prs: PptxPresentation, layouts: list[SlideLayout]) -> dict[str, NewSlide]:
    """A new slide of each layout, made by python-pptx on a presentation kept for it alone."""
    made = {}
    notes = None
    for layout in layouts:
        slide = prs.slides.add_slide(layout)
        if notes is None:
            # A notes page is cloned from the notes master alone, whatever the slide's
            # layout, so one made for the first slide serves them all.
            notes = slide.notes_slide.element
        made[layout.part.partname] = NewSlide(slide.element, notes)
    return made


def add_slide(prs: PptxPresentation, layout: SlideLayout, new: NewSlide) -> Slide:
    """Add a slide on `layout`, with its notes page, as python-pptx's own calls would."""
    number = len(prs.slides) + 1
    package = prs.part.package
    slide_name = PackURI(f"/ppt/slides/slide{number}.xml")
    slide_part = SlidePart(slide_name, CT.PML_SLIDE, package, copy.deepcopy(new.slide))
    slide_part.relate_to(layout.part, RT.SLIDE_LAYOUT)
    prs.slides.element.add_sldId(prs.part.relate_to(slide_part, RT.SLIDE))
    # Asked after the first slide is related: a template without a notes master gets
    # python-pptx's default one at this point, as it does for a slide's first notes page.
    notes_master = prs.part.notes_master_part
    # The template's own slides and notes pages were dropped, so these numbers are free.
    notes_name = PackURI(f"/ppt/notesSlides/notesSlide{number}.xml")
    notes_part = NotesSlidePart(notes_name, CT.PML_NOTES_SLIDE, package, copy.deepcopy(new.notes))
    notes_part.relate_to(notes_master, RT.NOTES_MASTER)
    notes_part.relate_to(slide_part, RT.SLIDE)
    slide_part.relate_to(notes_part, RT.NOTES_SLIDE)
    return slide_part.slide
