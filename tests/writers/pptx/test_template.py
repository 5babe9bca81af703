"""The template a deck is made from: read as it is now, its own slides left out."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

from helpers import FIXTURES
from pptx import Presentation

from kit.compose.blocks import Deck, Paragraph, Run, Slide
from kit.writers.pptx import write_pptx
from kit.writers.pptx.template import deck_design

CHURCH = FIXTURES / "church-pptx" / "brand" / "church.pptx"


def test_a_template_edited_between_two_decks_is_used_as_edited(tmp_path: Path) -> None:
    path = tmp_path / "church.pptx"
    shutil.copy(CHURCH, path)
    stat = path.stat()
    first = deck_design(path)
    prs = Presentation(str(path))
    prs.slide_layouts[0].name = "Our Cover"
    prs.save(str(path))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # an edit the clock missed
    prs, _ = deck_design(path).open()
    assert prs.slide_layouts[0].name == "Our Cover"
    assert deck_design(path).data != first.data


def test_a_deck_has_none_of_the_templates_own_slides() -> None:
    assert len(Presentation(str(CHURCH)).slides) == 1
    prs, layouts = deck_design(CHURCH).open()
    assert len(prs.slides) == 0
    assert {layout.name for layout in layouts.values()} >= {"Title Slide", "Title and Content"}


def test_a_template_lacking_the_layouts_kit_wants_still_makes_a_deck(tmp_path: Path) -> None:
    # Templates are checked when the course loads; writing a deck never refuses one.
    prs = Presentation()
    for layout in list(prs.slide_layouts)[1:]:
        prs.slide_layouts.remove(layout)
    path = tmp_path / "one-layout.pptx"
    prs.save(str(path))
    slide = Slide("points", "A title", [Paragraph((Run("Some words."),), "body")])
    deck = Presentation(io.BytesIO(write_pptx(Deck("T", "F", [slide]), brand=path)))
    [written] = deck.slides
    assert written.slide_layout.name == "Title Slide"
    assert "Some words." in " ".join(s.text_frame.text for s in written.shapes)


def test_a_powerpoint_template_makes_a_deck_as_its_pptx_does(tmp_path: Path) -> None:
    with zipfile.ZipFile(CHURCH) as z:
        parts = {info.filename: z.read(info) for info in z.infolist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"presentationml.presentation.main", b"presentationml.template.main"
    )
    potx = tmp_path / "church.potx"
    with zipfile.ZipFile(potx, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    slide = Slide("points", "A title", [Paragraph((Run("Some words."),), "body")])
    deck = Deck("T", "F", [slide])
    assert write_pptx(deck, brand=potx) == write_pptx(deck, brand=CHURCH)
