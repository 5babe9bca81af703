"""Planning a slide: shrinking text to fit, long titles, and continuation slides."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.compose.blocks import Paragraph, Run, Slide
from kit.writers.pptx.fit import textfit
from kit.writers.pptx.fit.areas import SlideAreas, TextArea
from kit.writers.pptx.fit.paragraphs import BODY_MIN, Text, face_para
from kit.writers.pptx.fit.planner import plan, split
from kit.writers.pptx.fit.titles import TITLE_MIN

IN = 914400
LETTERS = "abcdefghij\u2019\u00e9\u2014"


def _area(
    left: float, top: float, width: float, height: float, size: float, face: str, idx: int = 0
) -> TextArea:
    return TextArea(
        idx,
        int(left * IN),
        int(top * IN),
        int(width * IN),
        int(height * IN),
        (0, 45720, 0, 45720),
        face,
        False,
        False,
        size,
    )


def _areas(body_height: float = 2.0, title_height: float = 0.8) -> SlideAreas:
    title = _area(1, 1, 8, title_height, 40, "Cambria")
    body = _area(1, 1 + title_height + 0.2, 8, body_height, 28, "Calibri", idx=1)
    return SlideAreas("Test", title, body, None, None)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=14), min_size=1, max_size=40))
def test_every_word_is_shown_whole_and_in_order(words: list[str]) -> None:
    pages = plan(_slide(" ".join(words)), _areas(body_height=0.9))
    shown = " ".join(r.text for p in pages for t in p.body for r in t.runs).split()
    assert shown == words


def test_paragraphs_run_on_after_closing_punctuation_only() -> None:
    text = Text((Run("One. Two? \u201cThree!\u201d Four\u2026 and five, e.g. six"),), "body")
    pieces = ["".join(r.text for r in piece.runs) for piece in split(text, "sentence")]
    assert pieces == ["One.", "Two?", "\u201cThree!\u201d", "Four\u2026", "and five, e.g.", "six"]


def _slide(text: str, title: str = "A title") -> Slide:
    return Slide("points", title, [Paragraph((Run(text),), "body")])


def test_text_that_fits_shrinks_no_further_than_it_must() -> None:
    pages = plan(_slide("A short sentence."), _areas())
    assert len(pages) == 1
    assert [t.size for t in pages[0].body] == [28]
    assert pages[0].title_size == 40


def test_a_paragraph_too_long_for_one_slide_runs_on_at_sentence_ends() -> None:
    sentences = [f"Sentence number {n} says a little more about closeness." for n in range(40)]
    areas = _areas()
    pages = plan(_slide(" ".join(sentences)), areas)
    assert len(pages) > 2
    assert [p.part for p in pages] == list(range(1, len(pages) + 1))
    assert all(p.title.endswith("(continued)") for p in pages[1:])
    shown = [t for p in pages for t in p.body]
    assert " ".join(r.text for t in shown for r in t.runs).split() == " ".join(sentences).split()
    for page in pages:
        assert all(t.size >= BODY_MIN for t in page.body)
        text = "".join(r.text for t in page.body for r in t.runs)
        assert text.endswith("closeness.")  # every page ends where a sentence does
        paras = [face_para(t, areas.body) for t in page.body]
        assert textfit.height(paras, areas.body.inner_width) <= areas.body.inner_height


def test_a_sentence_longer_than_a_slide_is_split_between_words() -> None:
    words = [f"word{n}" for n in range(700)]
    pages = plan(_slide(" ".join(words)), _areas())
    assert len(pages) > 1
    shown = " ".join(r.text for p in pages for t in p.body for r in t.runs).split()
    assert shown == words


def test_a_long_title_takes_the_bodys_room_before_it_shrinks() -> None:
    title = "A heading long enough to need a second line on this slide, at least"
    pages = plan(_slide("Short body."), _areas())
    assert pages[0].title_size == 40
    grown = plan(_slide("Short body.", title), _areas())
    assert grown[0].title.replace("\n", " ") == title
    assert grown[0].title_size == 40
    assert grown[0].areas.title.height > _areas().title.height
    assert grown[0].areas.body.top > _areas().body.top


def test_a_title_too_long_for_any_box_leads_the_body_in_full() -> None:
    title = " ".join(["unfolding"] * 60)
    pages = plan(_slide("Body.", title), _areas(body_height=0.8, title_height=0.6))
    assert pages[0].title_cut
    assert pages[0].title.endswith("…")
    assert pages[0].title_size == TITLE_MIN
    lead = ["".join(r.text for r in t.runs) for p in pages for t in p.body if t.style == "lead"]
    assert " ".join(lead).split() == title.split()
