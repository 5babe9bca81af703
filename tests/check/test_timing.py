"""Fitting a lesson's parts to the session length, and the clock times of each part."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from kit.check.course_file import course_problems
from kit.check.timing import (
    GROUND_RULES,
    MIN_PART,
    MIN_QUESTION,
    PARTS,
    clock_slots,
    couple_minutes,
    couple_questions_tonight,
    discussion_shortfall,
    fit_minutes,
    fit_session,
    question_capacity,
)
from kit.course.resolve import resolve
from kit.load import schema
from kit.load.lessons import LessonFile, builtin_lessons
from kit.load.yamlfile import load_text

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


def test_a_session_is_planned_in_whole_five_minutes() -> None:
    assert fit_session([10, 15, 10, 50, 5], 90) == [10, 15, 10, 50, 5]
    assert fit_session([10, 15, 10, 50, 5], 75) == [10, 10, 10, 40, 5]
    assert fit_session([10, 15, 10, 50, 5], 120) == [15, 20, 15, 65, 5]
    # The odd minutes of a length that is not a multiple go to the longest part.
    assert fit_session([10, 15, 10, 50, 5], 83) == [10, 10, 10, 48, 5]
    # Too short for five minutes a part: fitted by the minute.
    assert fit_session([10, 15, 10, 50, 5], 24) == fit_minutes([10, 15, 10, 50, 5], 24)


def test_a_lessons_own_minutes_are_kept_at_its_natural_length() -> None:
    assert fit_session([7, 16, 12, 50, 5], 90) == [7, 16, 12, 50, 5]


@given(natural=st.lists(st.integers(1, 180), min_size=1, max_size=8), minutes=st.integers(45, 180))
def test_any_parts_fit_any_length_in_whole_steps(natural: list[int], minutes: int) -> None:
    fitted = fit_session(natural, minutes)
    assert sum(fitted) == minutes
    if minutes != sum(natural) and minutes // 5 >= len(natural):
        longest = natural.index(max(natural))
        assert all(m % 5 == 0 and m >= 5 for i, m in enumerate(fitted) if i != longest)


def _course(minutes: int):
    text = f"title: T\nminutes: {minutes}\nweeks: [{', '.join(LESSONS)}]\n"
    doc = load_text(text, "c.yaml")
    course = schema.CourseFile.model_validate(doc.data)
    return resolve(course, LESSONS, base=None, source="c.yaml")


@pytest.mark.parametrize("minutes", [60, 75, 90, 120])
def test_couples_are_back_at_their_table_for_most_of_the_evening(minutes: int) -> None:
    for week in _course(minutes).course.weeks:
        assert [s.minutes % 5 for s in week.slots] == [0] * len(week.slots), week.number
        apart = week.minutes("exercise") + week.couple_minutes
        # Couple time and the couples' own questions: at most 20 minutes of 90.
        assert week.couple_minutes >= 5 and apart <= minutes * 2 / 9, (week.number, apart)
    if minutes == 90:
        assert {w.minutes("exercise") + w.couple_minutes for w in _course(90).course.weeks} == {20}


def test_couple_minutes_follow_the_questions_within_the_share_apart() -> None:
    # 3 of 8 questions would take 19 of 50 minutes; 20 of 90 minutes apart leaves 10.
    assert couple_minutes(90, 10, 50, 3, 5) == 10
    # A long session with few couple questions gives them their share of the discussion.
    assert couple_minutes(180, 20, 100, 1, 7) == 10
    # Never under ten minutes together where the share apart has room for it.
    assert couple_minutes(120, 15, 65, 1, 7) == 10
    # Where it has not, five, and the couples take what does not fit home.
    assert couple_minutes(75, 10, 40, 3, 5) == 5
    assert couple_questions_tonight(5, 3) == 1 and couple_questions_tonight(10, 3) == 3
    # No split without questions on both sides.
    assert couple_minutes(90, 10, 50, 0, 8) == couple_minutes(90, 10, 50, 3, 0) == 0


def test_question_capacity_follows_the_lessons_own_pace() -> None:
    # 45 minutes for 8 questions: about 5.6 minutes each.
    assert question_capacity(45, 45, 8) == 8
    assert question_capacity(30, 45, 8) == 5
    assert question_capacity(22, 45, 8) == 3
    assert question_capacity(90, 45, 8) == 16
    assert question_capacity(1, 45, 8) == 1


def test_question_capacity_keeps_every_required_question() -> None:
    # The lesson: two questions in 40 minutes; at 75 minutes its discussion has 35.
    assert question_capacity(35, 40, 2) == 1
    assert question_capacity(35, 40, 2, required=2) == 2
    assert question_capacity(22, 45, 8, required=6) == 6


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


# --- questions that are not optional are always asked --------------------------------

PART_MINUTES = {
    "opening": st.integers(1, 30),
    "teaching": st.integers(1, 45),
    "exercise": st.integers(1, 45),
    "discussion": st.integers(1, 90),
    "prayer": st.integers(1, 15),
}


@st.composite
def lessons(draw: st.DrawFn) -> schema.Lesson:
    """A lesson with any part lengths and any mix of required and optional questions."""
    minutes = {part: draw(strategy) for part, strategy in PART_MINUTES.items()}
    flags = draw(st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=12))
    return schema.Lesson.model_validate(
        {
            "id": "gen",
            "title": "Generated",
            "big_idea": "Anything.",
            "opening": {"question": "Hello?", "minutes": minutes["opening"]},
            "teaching": {
                "minutes": minutes["teaching"],
                "points": [{"heading": "One", "body": "Two."}],
            },
            "exercise": {"title": "Ex", "minutes": minutes["exercise"], "steps": ["Do."]},
            "discussion": {"minutes": minutes["discussion"]},
            "questions": [
                {
                    "id": f"gen-q{i}",
                    "text": f"Question {i}?",
                    "optional": optional,
                    "audience": "couple" if couple else "group",
                }
                for i, (optional, couple) in enumerate(flags)
            ],
            "take_home": {"title": "Home", "steps": ["Go."]},
            "prayer": {"minutes": minutes["prayer"], "prompt": "Pray."},
        }
    )


@settings(max_examples=300, deadline=None)
@given(lesson=lessons(), minutes=st.integers(45, 180))
def test_required_questions_are_kept_or_the_check_says_why(
    lesson: schema.Lesson, minutes: int
) -> None:
    doc = load_text("title: T\nweeks: [gen]\n", "c.yaml")
    course = schema.CourseFile.model_validate({"title": "T", "minutes": minutes, "weeks": ["gen"]})
    library = {"gen": LessonFile(lesson, load_text("id: gen\n", "gen.yaml"), builtin=False)}
    # As the first week, the session also holds the ground rules, after the opening.
    natural = [getattr(lesson, part).minutes for part in PARTS]
    natural.insert(1, GROUND_RULES[1])
    discussion = fit_session(natural, minutes)[1 + PARTS.index("discussion")]
    required = [q.id for q in lesson.questions if not q.optional]
    optional = [q.id for q in lesson.questions if q.optional]
    pace = lesson.discussion.minutes / len(lesson.questions)
    needed = math.ceil(len(required) * min(MIN_QUESTION, pace) - 1e-9)

    found = [str(p) for p in course_problems(course, doc, library, None)]
    if needed > discussion:
        event("the required questions do not fit")
        assert len(found) == 1
        assert found[0].startswith(
            f"c.yaml:2:9: week 1 (weeks[0]): lesson 'gen': its {len(required)} questions that "
            f"are not optional need at least {needed} minutes of discussion, but a "
            f"{minutes}-minute session leaves {discussion}; "
        )
        return
    event("the required questions fit" + (" with none optional" if not optional else ""))
    assert found == []
    week = resolve(course, library, base=None, source="c.yaml").course.weeks[0]
    kept = [q.id for q in week.questions]
    left_out = [q.id for q in week.left_out]
    assert [i for i in kept if i in required] == required  # every one, in order
    assert all(i in optional for i in left_out)
    assert sorted(kept + left_out) == sorted(required + optional)
    # Optional questions stay while they fit at the lesson's own pace.
    room = max(1, math.floor(discussion / pace + 1e-9))
    assert len(kept) == max(len(required), min(room, len(lesson.questions)))


def test_a_lesson_always_fits_its_own_natural_length() -> None:
    for entry in LESSONS.values():
        lesson = entry.lesson
        natural = sum(getattr(lesson, part).minutes for part in PARTS)
        required = sum(1 for q in lesson.questions if not q.optional)
        args = (lesson.discussion.minutes, len(lesson.questions))
        assert discussion_shortfall(lesson.discussion.minutes, required, *args) is None, natural


def test_a_shortfall_counts_three_minutes_a_question_or_the_lessons_quicker_pace() -> None:
    assert discussion_shortfall(22, 6, 45, 8) is None  # 6 x 3 = 18 minutes
    assert discussion_shortfall(17, 6, 45, 8) == 18
    assert discussion_shortfall(20, 10, 20, 10) is None  # the lesson's pace: 2 minutes each
    assert discussion_shortfall(19, 10, 20, 10) == 20
    assert discussion_shortfall(9, 5, 20, 10) == 10
