"""The template a deck is made from, kit's own or a church's.

Each deck reads the file and its layouts' text areas, then opens a fresh presentation from
the bytes read. The template was checked when the course was loaded
(`kit.load.brand`), so nothing here reports on it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.presentation import Presentation as PptxPresentation
from pptx.slide import SlideLayout

from kit.office import as_presentation
from kit.resources import data_dir
from kit.writers.pptx.layouts import LayoutChoice, all_layouts, layout_choices
from kit.writers.pptx.placed import placed_choices
from kit.writers.pptx.roles import designs

BASE_NAME = "base.pptx"
"""Kit's own designed deck template in the templates folder."""


@dataclass(frozen=True)
class DeckDesign:
    """A deck template read: its bytes and the layouts each kind of slide may use."""

    data: bytes
    """The .pptx file's bytes."""
    choices: dict[str, tuple[LayoutChoice, ...]]
    """For each kind of slide ("" for any other), its layouts and their text areas, best first."""

    def layouts_for(self, kind: str) -> tuple[LayoutChoice, ...]:
        """The layouts a kind of slide may use, best first; never empty."""
        return self.choices.get(kind) or self.choices[""]

    def open(self) -> tuple[PptxPresentation, dict[str, SlideLayout]]:
        """A fresh presentation without the template's own slides, and its layouts by part."""
        prs = open_presentation(self.data)
        return prs, {layout.part.partname: layout for layout in all_layouts(prs)}


def deck_design(brand: Path | None) -> DeckDesign:
    """The church's template when given, else kit's own."""
    data = as_presentation((brand or data_dir("templates") / BASE_NAME).read_bytes())
    prs = Presentation(io.BytesIO(data))
    # The template's own slides show which master is its title design, which its content.
    masters = designs(prs)
    _drop_slides(prs)
    return DeckDesign(data, placed_choices(prs, masters) if brand else layout_choices(prs))


def open_presentation(data: bytes) -> PptxPresentation:
    """A presentation from a template's bytes, without any slides of its own."""
    return _drop_slides(Presentation(io.BytesIO(data)))


def _drop_slides(prs: PptxPresentation) -> PptxPresentation:
    ids = prs.slides.element
    for sld_id in list(ids.sldId_lst):
        prs.part.drop_rel(sld_id.rId)
        ids.remove(sld_id)
    return prs
