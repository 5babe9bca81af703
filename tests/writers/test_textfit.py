"""Measuring and fitting slide text: widths, wrapping, shrinking and continuation slides."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.compose.blocks import Paragraph, Run, Slide
from kit.writers import textfit
from kit.writers.pptx_fit import BODY_MIN, TITLE_MIN, face_para, plan
from kit.writers.pptx_layouts import Box, Frames

IN = 914400
LETTERS = "abcdefghij\u2019\u00e9\u2014"


def _para(text: str, size: float = 20, face: str = "Calibri") -> textfit.Para:
    return textfit.Para((textfit.Piece(text, textfit.face(face)),), size)


def _box(left: float, top: float, width: float, height: float, size: float, face: str) -> Box:
    return Box(
        0,
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


def _frames(body_height: float = 2.0, title_height: float = 0.8) -> Frames:
    title = _box(1, 1, 8, title_height, 40, "Cambria")
    body = replace_idx(_box(1, 1 + title_height + 0.2, 8, body_height, 28, "Calibri"), 1)
    return Frames("Test", title, body, None, None)


def replace_idx(box: Box, idx: int) -> Box:
    return Box(idx, *(getattr(box, f) for f in list(box.__dataclass_fields__)[1:]))


def test_office_fonts_are_measured_with_their_metric_twins() -> None:
    assert textfit.face("Calibri").name == "Carlito regular"
    assert textfit.face("Cambria", bold=True).name == "Caladea bold"
    assert textfit.face("Arial", italic=True).name == "Liberation Sans italic"
    # Carlito's "M" is 1751/2048 em; at 20 pt with the 1% allowance:
    assert abs(textfit.face("Calibri").width("M", 20) - 1751 / 2048 * 20 * 1.01) < 1e-9


def test_an_unknown_font_is_measured_as_wide_as_any_known_one() -> None:
    text = "Where do we go from here, together?"
    unknown = textfit.face("Aptos Display").width(text, 20)
    for name in ("Calibri", "Cambria", "Arial", "Times New Roman"):
        assert unknown >= textfit.face(name).width(text, 20)


def test_wider_columns_never_need_more_lines() -> None:
    para = _para("Empathy means putting your own reactions aside for a while " * 3)
    counts = [textfit.line_count(para, w) for w in (150, 300, 600, 900)]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=14), min_size=1, max_size=40),
    st.integers(min_value=80, max_value=900),
)
def test_wrapping_keeps_every_word_whole_and_in_order(words: list[str], width: int) -> None:
    para = _para(" ".join(words))
    lines = textfit.wrap(para, width)
    assert " ".join(lines).split() == words


def test_sentences_split_after_closing_punctuation_only() -> None:
    text = "One. Two? “Three!” Four… and five, e.g. six"
    assert textfit.sentences(text) == ["One.", "Two?", "“Three!”", "Four…", "and five, e.g.", "six"]


def _slide(text: str, title: str = "A title") -> Slide:
    return Slide("points", title, [Paragraph((Run(text),), "body")])


def test_text_that_fits_shrinks_no_further_than_it_must() -> None:
    pages = plan(_slide("A short sentence."), _frames())
    assert len(pages) == 1
    assert [t.size for t in pages[0].body] == [28]
    assert pages[0].title_size == 40


def test_a_paragraph_too_long_for_one_slide_runs_on_at_sentence_ends() -> None:
    sentences = [f"Sentence number {n} says a little more about closeness." for n in range(40)]
    frames = _frames()
    pages = plan(_slide(" ".join(sentences)), frames)
    assert len(pages) > 2
    assert [p.part for p in pages] == list(range(1, len(pages) + 1))
    assert all(p.title.endswith("(continued)") for p in pages[1:])
    shown = [t for p in pages for t in p.body]
    assert " ".join(r.text for t in shown for r in t.runs).split() == " ".join(sentences).split()
    for page in pages:
        assert all(t.size >= BODY_MIN for t in page.body)
        text = "".join(r.text for t in page.body for r in t.runs)
        assert text.endswith("closeness.")  # every page ends where a sentence does
        paras = [face_para(t, frames.body) for t in page.body]
        assert textfit.height(paras, frames.body.inner_width) <= frames.body.inner_height


def test_a_sentence_longer_than_a_slide_is_split_between_words() -> None:
    words = [f"word{n}" for n in range(700)]
    pages = plan(_slide(" ".join(words)), _frames())
    assert len(pages) > 1
    shown = " ".join(r.text for p in pages for t in p.body for r in t.runs).split()
    assert shown == words


def test_a_long_title_takes_the_bodys_room_before_it_shrinks() -> None:
    title = "A heading long enough to need a second line on this slide, at least"
    pages = plan(_slide("Short body."), _frames())
    assert pages[0].title_size == 40
    grown = plan(_slide("Short body.", title), _frames())
    assert grown[0].title == title
    assert grown[0].title_size == 40
    assert grown[0].frames.title.height > _frames().title.height
    assert grown[0].frames.body.top > _frames().body.top


def test_a_title_too_long_for_any_box_leads_the_body_in_full() -> None:
    title = " ".join(["unfolding"] * 60)
    pages = plan(_slide("Body.", title), _frames(body_height=0.8, title_height=0.6))
    assert pages[0].title_cut
    assert pages[0].title.endswith("…")
    assert pages[0].title_size == TITLE_MIN
    lead = ["".join(r.text for r in t.runs) for p in pages for t in p.body if t.style == "lead"]
    assert " ".join(lead).split() == title.split()
