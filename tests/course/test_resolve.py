"""Resolving a course: question changes, fitting questions to the time, week overrides."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.check.questions import Question, apply_changes
from kit.check.timing import PARTS
from kit.course.course_file import load_course
from kit.course.model import ResolvedCourse, Week
from kit.course.resolve import choose_questions
from kit.load import schema
from kit.load.lessons import builtin_lessons

EMPATHY = builtin_lessons()["empathy"].lesson
TEXT = {x.id: x.text for x in EMPATHY.questions}


def q(qid: str, audience: str = "group", *, optional: bool = False, origin: str = "lesson"):
    return Question(qid, qid, audience, "open", None, (), optional, origin)


def load(tmp_path: Path, text: str) -> ResolvedCourse:
    path = tmp_path / "course.yaml"
    path.write_text(text, encoding="utf-8")
    return load_course(path)


def test_changes_apply_drop_then_replace_then_add() -> None:
    changes = schema.QuestionChanges.model_validate(
        {
            "drop": ["empathy-fix-it", "empathy-weep-with"],
            "replace": {"empathy-understood": "Reworded.", "empathy-differ": "Also reworded."},
            "add": [
                {"text": "At the end."},
                {"text": "After the first.", "after": "empathy-understood", "id": "empathy-mine"},
                {"text": "After mine.", "after": "empathy-mine", "audience": "couple"},
            ],
        }
    )
    asked = apply_changes(EMPATHY, changes)
    assert [(x.id, x.text, x.origin) for x in asked] == [
        ("empathy-understood", "Reworded.", "reworded"),
        ("empathy-mine", "After the first.", "added"),
        ("empathy-added-3", "After mine.", "added"),
        ("empathy-not-excusing", TEXT["empathy-not-excusing"], "lesson"),
        ("empathy-real-apology", TEXT["empathy-real-apology"], "lesson"),
        ("empathy-what-helps", TEXT["empathy-what-helps"], "lesson"),
        ("empathy-differ", "Also reworded.", "reworded"),
        ("empathy-hard-day", TEXT["empathy-hard-day"], "lesson"),
        ("empathy-added-1", "At the end.", "added"),
    ]
    assert asked[2].audience == "couple"


def test_a_reworded_question_keeps_its_notes_and_settings() -> None:
    changes = schema.QuestionChanges.model_validate({"replace": {"empathy-fix-it": "New words."}})
    original = EMPATHY.questions[1]
    reworded = apply_changes(EMPATHY, changes)[1]
    assert (reworded.text, reworded.note, reworded.follow_up, reworded.level) == (
        "New words.",
        original.note,
        tuple(original.follow_up),
        original.level,
    )


def test_optional_questions_are_left_out_first_and_order_is_kept() -> None:
    asked = [q("a"), q("b", optional=True), q("c"), q("d", optional=True), q("e", "couple")]
    kept, left_out = choose_questions(asked, 3)
    assert [x.id for x in kept] == ["a", "c", "e"]
    assert [x.id for x in left_out] == ["b", "d"]


def test_a_short_session_keeps_some_table_and_some_couple_questions() -> None:
    asked = [q("g1"), q("g2"), q("g3"), q("c1", "couple"), q("c2", "couple"), q("c3", "couple")]
    kept, left_out = choose_questions(asked, 3)
    assert [x.id for x in kept] == ["g1", "g2", "c1"]
    assert [x.id for x in left_out] == ["g3", "c2", "c3"]


def test_the_courses_own_questions_stay_longest() -> None:
    asked = [q("g1"), q("mine", origin="added"), q("g2"), q("c1", "couple"), q("c2", "couple")]
    kept, _ = choose_questions(asked, 2)
    assert [x.id for x in kept] == ["mine", "c1"]


def test_enough_room_keeps_every_question() -> None:
    asked = [q("a"), q("b", optional=True)]
    assert choose_questions(asked, 5) == (asked, [])


@pytest.mark.parametrize("minutes", [45, 60, 75, 90, 120, 150, 180])
def test_resolved_weeks_fill_the_session_exactly(tmp_path: Path, minutes: int) -> None:
    course = load(tmp_path, f"title: T\nminutes: {minutes}\nweeks: [trust, empathy]\n")
    first, second = course.course.weeks
    assert [s.key for s in first.slots] == [PARTS[0], "ground_rules", *PARTS[1:]]
    assert [s.key for s in second.slots] == list(PARTS)
    for week in course.course.weeks:
        assert sum(s.minutes for s in week.slots) == minutes
        assert min(s.minutes for s in week.slots) >= 2


REQUIRED = [
    "empathy-understood",
    "empathy-fix-it",
    "empathy-not-excusing",
    "empathy-what-helps",
    "empathy-differ",
    "empathy-hard-day",
]
"""The empathy lesson's questions that are not optional, in order."""


def second_week(tmp_path: Path, minutes: int) -> Week:
    """The empathy lesson as week 2, clear of the first week's ground rules."""
    text = f"title: T\nminutes: {minutes}\nweeks: [trust, empathy]\n"
    return load(tmp_path, text).course.weeks[1]


def test_shorter_sessions_leave_out_optional_questions_only(tmp_path: Path) -> None:
    week90 = second_week(tmp_path, 90)
    assert (len(week90.questions), week90.left_out) == (8, ())
    for minutes in (45, 60, 75):
        week = second_week(tmp_path, minutes)
        assert [x.id for x in week.questions] == REQUIRED, minutes
        assert [x.id for x in week.left_out] == ["empathy-real-apology", "empathy-weep-with"]


def test_a_longer_session_keeps_every_question(tmp_path: Path) -> None:
    week = second_week(tmp_path, 180)
    assert (len(week.questions), week.left_out) == (8, ())
    assert week.minutes("discussion") == 100  # 50 of 90 minutes, doubled


def test_start_time_1830_for_60_minutes_ends_at_1930(tmp_path: Path) -> None:
    week = load(tmp_path, 'title: T\ntime: "18:30"\nminutes: 60\nweeks: [trust]\n').course.weeks[0]
    assert week.end == dt.time(19, 30)
    assert [(s.key, s.start, s.end) for s in week.slots] == [
        ("opening", dt.time(18, 30), dt.time(18, 35)),
        ("ground_rules", dt.time(18, 35), dt.time(18, 40)),
        ("teaching", dt.time(18, 40), dt.time(18, 50)),
        ("exercise", dt.time(18, 50), dt.time(18, 55)),
        ("discussion", dt.time(18, 55), dt.time(19, 25)),
        ("prayer", dt.time(19, 25), dt.time(19, 30)),
    ]


def test_a_week_overrides_title_exercise_and_take_home(tmp_path: Path) -> None:
    text = """\
title: T
weeks:
  - lesson: empathy
    title: "Seeing Each Other"
    exercise: {title: "Say It Back"}
    take_home: {title: "Five Minutes", steps: ["Listen for five minutes a day."]}
  - lesson: trust
    exercise: {steps: ["Only this."]}
"""
    first, second = load(tmp_path, text).course.weeks
    trust = builtin_lessons()["trust"].lesson
    assert first.title == "Seeing Each Other"
    assert (first.exercise_title, first.exercise_steps) == (
        "Say It Back",
        tuple(EMPATHY.exercise.steps),
    )
    assert (first.take_home_title, first.take_home_steps) == (
        "Five Minutes",
        ("Listen for five minutes a day.",),
    )
    assert (second.title, second.exercise_title, second.exercise_steps) == (
        trust.title,
        trust.exercise.title,
        ("Only this.",),
    )
    assert second.take_home_title == trust.take_home.title


def test_care_contacts_reach_the_resolved_course(tmp_path: Path) -> None:
    text = """\
title: T
care:
  - {name: "Pastor Sam Ortiz", role: "Care pastor", phone: "555-0100"}
  - {name: "Family Counselling Centre", note: "Sliding-scale fees"}
weeks: [trust]
"""
    care = load(tmp_path, text).course.care
    assert [(c.name, c.role, c.phone, c.email, c.note) for c in care] == [
        ("Pastor Sam Ortiz", "Care pastor", "555-0100", None, None),
        ("Family Counselling Centre", None, None, None, "Sliding-scale fees"),
    ]


def _choose_questions_as_before(
    questions: list[Question], capacity: int
) -> tuple[list[Question], list[Question]]:
    """The first, quadratic-per-step version of `choose_questions`, kept to compare."""
    keep = list(questions)

    def expendable(q: Question) -> tuple[bool, bool, int, bool, int]:
        same = sum(1 for k in keep if k.audience == q.audience)
        return (q.optional, q.origin == "lesson", same, q.audience == "couple", keep.index(q))

    while len(keep) > max(capacity, 0):
        keep.remove(max(keep, key=expendable))
    return keep, [q for q in questions if q not in keep]


_ASKED = st.lists(
    st.tuples(
        st.sampled_from(["group", "couple"]),
        st.booleans(),
        st.sampled_from(["lesson", "reworded", "added"]),
    ),
    max_size=14,
)


@settings(max_examples=300, deadline=None)
@given(_ASKED, st.integers(min_value=-1, max_value=15))
def test_choosing_questions_matches_the_first_version(asked: list, capacity: int) -> None:
    questions = [
        Question(f"q-{i}", f"Question {i}?", audience, "open", None, (), optional, origin)
        for i, (audience, optional, origin) in enumerate(asked)
    ]
    assert choose_questions(questions, capacity) == _choose_questions_as_before(questions, capacity)


def test_choosing_among_thousands_of_questions_is_quick() -> None:
    questions = [
        Question(
            f"q-{i}",
            "?",
            "couple" if i % 3 else "group",
            "open",
            None,
            (),
            i % 5 == 0,
            "added" if i % 2 else "lesson",
        )
        for i in range(20_000)
    ]
    started = time.perf_counter()
    kept, left_out = choose_questions(questions, 10)
    assert time.perf_counter() - started < 1
    assert len(kept) == 10 and len(left_out) == 19_990
