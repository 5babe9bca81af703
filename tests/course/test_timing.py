"""Fitting a lesson's parts to the session length, and the clock times of each part."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.course.model import PARTS
from kit.course.timing import MIN_PART, clock_slots, fit_minutes, question_capacity
from kit.load.lessons import builtin_lessons

LESSONS = builtin_lessons()
NATURAL = {
    lesson_id: [getattr(entry.lesson, part).minutes for part in PARTS]
    for lesson_id, entry in LESSONS.items()
}


@given(lesson_id=st.sampled_from(sorted(NATURAL)), minutes=st.integers(45, 180))
def test_every_lesson_fits_every_length_exactly(lesson_id: str, minutes: int) -> None:
    fitted = fit_minutes(NATURAL[lesson_id], minutes)
    assert sum(fitted) == minutes
    assert min(fitted) >= MIN_PART
    assert len(fitted) == len(PARTS)


def test_every_lesson_fits_every_length_exhaustively() -> None:
    for lesson_id, natural in NATURAL.items():
        for minutes in range(45, 181):
            fitted = fit_minutes(natural, minutes)
            assert sum(fitted) == minutes and min(fitted) >= MIN_PART, (lesson_id, minutes)


@given(
    natural=st.lists(st.integers(1, 180), min_size=1, max_size=8),
    minutes=st.integers(45, 180),
)
def test_any_parts_fit_any_length_exactly(natural: list[int], minutes: int) -> None:
    fitted = fit_minutes(natural, minutes)
    assert sum(fitted) == minutes
    assert min(fitted) >= MIN_PART
    # Scaling keeps the order of sizes: a longer part never ends up shorter.
    for a, b in zip(natural, fitted, strict=True):
        for c, d in zip(natural, fitted, strict=True):
            if a > c:
                assert b >= d


def test_natural_length_is_kept_as_written() -> None:
    assert fit_minutes([10, 15, 15, 45, 5], 90) == [10, 15, 15, 45, 5]


def test_parts_scale_by_largest_remainder() -> None:
    # 60/90 of each: 6.67, 10, 10, 30, 3.33 -> floors 6+10+10+30+3 = 59; the
    # largest remainder (the opening's .67) gets the last minute.
    assert fit_minutes([10, 15, 15, 45, 5], 60) == [7, 10, 10, 30, 3]
    assert fit_minutes([10, 15, 15, 45, 5], 45) == [5, 8, 8, 22, 2]


def test_a_part_that_would_shrink_below_two_minutes_is_held_at_two() -> None:
    # The 1-minute part would get 0.5; it is held at 2 and the others share the rest.
    assert fit_minutes([1, 45, 44], 45) == [2, 22, 21]


def test_too_short_for_the_parts_is_refused() -> None:
    with pytest.raises(ValueError, match="9 minutes cannot hold 5 parts"):
        fit_minutes([10, 15, 15, 45, 5], 9)


def test_question_capacity_follows_the_lessons_own_pace() -> None:
    # 45 minutes for 8 questions: about 5.6 minutes each.
    assert question_capacity(45, 45, 8) == 8
    assert question_capacity(30, 45, 8) == 5
    assert question_capacity(22, 45, 8) == 3
    assert question_capacity(90, 45, 8) == 16
    assert question_capacity(1, 45, 8) == 1


def test_clock_times_run_on_from_the_start() -> None:
    slots = clock_slots([("opening", 7), ("teaching", 10), ("prayer", 43)], dt.time(18, 30))
    assert [(s.start, s.end) for s in slots] == [
        (dt.time(18, 30), dt.time(18, 37)),
        (dt.time(18, 37), dt.time(18, 47)),
        (dt.time(18, 47), dt.time(19, 30)),
    ]


def test_no_start_time_means_no_clock_times() -> None:
    slots = clock_slots([("opening", 7), ("teaching", 10)], None)
    assert [(s.minutes, s.start, s.end) for s in slots] == [(7, None, None), (10, None, None)]
