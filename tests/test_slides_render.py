"""Rendered decks: LibreOffice draws every word inside the box of the shape it belongs to.

One LibreOffice run converts a few decks: two weeks of the built-in course, the
long-lesson fixture, both weeks of the church-template fixture, a week with the most and
longest notices a closing slide takes, and a control deck whose text overflows on
purpose, to show the check can fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES, needs_soffice, render_pdf, stray_words
from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Emu, Pt

import kit

DECKS = {
    "builtin-01": (None, "week-01-slides.pptx"),
    "builtin-03": (None, "week-03-slides.pptx"),
    "long-01": ("long-lesson", "week-01-slides.pptx"),
    "church-01": ("church-pptx", "week-01-slides.pptx"),
    "church-02": ("church-pptx", "week-02-slides.pptx"),
    "notices-02": ("notices-long", "week-02-slides.pptx"),
}


def _overflowing_deck(path: Path) -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Emu(914400), Emu(914400), Emu(3000000), Emu(600000))
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.text = "Far too many words for so small a box, " * 6
    frame.paragraphs[0].runs[0].font.size = Pt(24)
    prs.save(str(path))


@pytest.fixture(scope="module")
def rendered(builtin_kit: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    """Each deck with the PDF LibreOffice made of it."""
    folder = tmp_path_factory.mktemp("render")
    builds: dict[str | None, Path] = {None: builtin_kit}
    decks: dict[str, Path] = {}
    for key, (fixture, name) in DECKS.items():
        if fixture not in builds:
            out = folder / fixture
            kit.build(kit.load_course(FIXTURES / fixture / "course.yaml"), out)
            builds[fixture] = out
        decks[key] = folder / f"{key}.pptx"
        decks[key].write_bytes((builds[fixture] / name).read_bytes())
    decks["control"] = folder / "control.pptx"
    _overflowing_deck(decks["control"])
    pdfs = render_pdf(list(decks.values()), folder / "pdf")
    return {key: (path, pdf) for (key, path), pdf in zip(decks.items(), pdfs, strict=True)}


@needs_soffice
@pytest.mark.parametrize("key", list(DECKS))
def test_every_word_lies_inside_its_shape(rendered: dict[str, tuple], key: str) -> None:
    deck, pdf = rendered[key]
    assert stray_words(deck, pdf) == []


@needs_soffice
def test_the_check_sees_text_overflowing_its_box(rendered: dict[str, tuple]) -> None:
    deck, pdf = rendered["control"]
    assert len(stray_words(deck, pdf)) > 10
