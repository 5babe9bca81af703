"""Where a paragraph starts and how far it may shrink in an area."""

from __future__ import annotations

from dataclasses import replace

from kit.compose.blocks import Run
from kit.writers.pptx.fit.areas import TextArea
from kit.writers.pptx.fit.paragraphs import Text, starting

AREA = TextArea(None, 0, 0, 9144000, 4572000, (0, 0, 0, 0), "Georgia", False, False, 44)


def test_kits_own_areas_let_text_shrink_to_three_quarters() -> None:
    question = starting(Text((Run("Why?"),), "question"), AREA, own_area=False)
    assert (question.max_size, question.min_size) == (44, 33)


def test_an_area_with_a_floor_lets_text_shrink_to_it_and_no_further() -> None:
    floored = replace(AREA, floor=24)
    question = starting(Text((Run("Why?"),), "question"), floored, own_area=False)
    assert (question.max_size, question.min_size) == (44, 24)
    small = starting(Text((Run("Why?"),), "small"), replace(floored, size=28), own_area=False)
    assert (small.max_size, small.min_size) == (22, 22)  # never a floor above its own size
    label = starting(Text((Run("Week 1"),), "kicker"), floored, own_area=False)
    assert label.min_size == 18  # small lines keep the small floor
