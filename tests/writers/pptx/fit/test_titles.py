"""A title on two lines is broken where it reads best, never onto a third line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.writers.pptx.fit import textfit
from kit.writers.pptx.fit.areas import TextArea
from kit.writers.pptx.fit.paragraphs import SAFETY_PT
from kit.writers.pptx.fit.titles import balanced

IN = 914400


def _title_area(width_in: float) -> TextArea:
    return TextArea(
        0, 0, 0, int(width_in * IN), int(1.5 * IN), (0, 0, 0, 0), "Cambria", False, False, 40
    )


def _lines(text: str, area: TextArea, size: float = 40) -> list[str]:
    """The lines a renderer sets: at each given break, and wherever a line is full."""
    face = textfit.face(area.typeface)
    width = area.inner_width - SAFETY_PT
    out = []
    for given_line in text.split("\n"):
        para = textfit.Para((textfit.Piece(given_line, face),), size, line=0.9)
        out += [" ".join(w.text for w in line) for line in textfit._lines(para, width)]
    return out


def _width_for(text: str, last_line: str) -> float:
    """The narrowest width in inches at which the plain wrap leaves `last_line` alone."""
    width = 2.0
    while (
        _lines(text, _title_area(width))[-1:] != [last_line]
        or len(_lines(text, _title_area(width))) != 2
    ):
        width += 0.05
        assert width < 20, "no such width"
    return width


def test_a_word_left_alone_on_the_second_line_gets_company() -> None:
    text = "Someone You Can Count On"
    area = _title_area(_width_for(text, "On"))
    assert _lines(text, area) == ["Someone You Can Count", "On"]
    assert balanced(text, area, 40) == "Someone You\nCan Count On"
    assert _lines(balanced(text, area, 40), area) == ["Someone You", "Can Count On"]


def test_the_break_goes_after_a_comma_and_not_after_a_word_that_leads_on() -> None:
    comma = "When it isn\u2019t safe yet, slow down"
    area = _title_area(_width_for(comma, "down"))
    assert balanced(comma, area, 40) == "When it isn\u2019t safe yet,\nslow down"
    leading = "Stay curious about each other"
    area = _title_area(_width_for(leading, "other"))
    assert balanced(leading, area, 40) == "Stay curious\nabout each other"


def test_titles_on_one_line_or_on_three_are_left_alone() -> None:
    assert balanced("Opening question", _title_area(8), 40) == "Opening question"
    long = "A heading so long that even a wide title box wraps it onto three lines or more"
    area = _title_area(5)
    assert len(_lines(long, area)) > 2
    assert balanced(long, area, 40) == long


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["a", "for", "trust", "each", "other,", "Someone", "we"]),
        min_size=2,
        max_size=9,
    ),
    width=st.floats(2.0, 9.0),
)
def test_balancing_keeps_every_word_and_never_adds_a_line(words: list[str], width: float) -> None:
    text = " ".join(words)
    area = _title_area(width)
    shown = balanced(text, area, 40)
    assert shown.replace("\n", " ") == text
    assert len(_lines(shown, area)) == len(_lines(text, area))
    # A word wider than the column is broken by the renderer; such a title keeps its wrap.
    every_word_fits = all(len(_lines(w, area)) == 1 for w in words)
    breakable = len(_lines(text, area)) == 2 and every_word_fits
    assert shown.count("\n") == (1 if breakable else 0)
