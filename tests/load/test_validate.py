"""Validation: schema errors become located problems in a coordinator's words."""

from __future__ import annotations

import pytest

from kit.load import schema
from kit.load.validate import check_model
from kit.load.yamlfile import load_text

WEEKS = "weeks: [trust]\n"


def _course_problems(text: str) -> list[str]:
    course, problems = check_model(schema.CourseFile, load_text(text, "c.yaml"), "course")
    assert course is None
    return [str(p) for p in sorted(problems)]


def test_a_valid_course_validates() -> None:
    course, problems = check_model(
        schema.CourseFile, load_text('title: "Closer"\n' + WEEKS, "c.yaml"), "course"
    )
    assert problems == []
    assert course is not None
    assert course.title == "Closer"
    assert [w.lesson for w in course.weeks] == ["trust"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "",
            "c.yaml:1:1: a course file holds keys with their values, such as 'title: ...', each "
            "on a line of its own; this one is empty",
        ),
        (
            "- a\n",
            "c.yaml:1:1: a course file holds keys with their values, such as 'title: ...', each "
            "on a line of its own; this one holds a list",
        ),
        (
            "42\n",
            "c.yaml:1:1: a course file holds keys with their values, such as 'title: ...', "
            "each on a line of its own; this one holds only the number 42",
        ),
    ],
)
def test_the_top_level_must_be_a_mapping(text: str, expected: str) -> None:
    assert _course_problems(text) == [expected]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "title: 1984\n",
            "c.yaml:1:8: title: should be text; this is the number 1984; "
            "put it in quotes to keep it as text",
        ),
        (
            "title: 2027-01-01\n",
            "c.yaml:1:8: title: should be text; this is the date 2027-01-01; "
            "put it in quotes to keep it as text",
        ),
        (
            "title: yes\n",
            "c.yaml:1:8: title: should be text; this is true (true/false); "
            "put it in quotes to keep it as text",
        ),
        ("title: [a]\n", "c.yaml:1:8: title: should be text; this is a list"),
        ("title: {a: 1}\n", "c.yaml:1:8: title: should be text; this is a set of keys with values"),
        (
            'title: "   "\n',
            "c.yaml:1:8: title: is empty; write it, or leave the line out if it is optional",
        ),
    ],
)
def test_text_fields(line: str, expected: str) -> None:
    assert _course_problems(line + WEEKS) == [expected]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "minutes: 300\n",
            "c.yaml:2:10: session length (minutes): a meeting must be at most 180 minutes long; "
            "this says 300",
        ),
        (
            "minutes: 44\n",
            "c.yaml:2:10: session length (minutes): a meeting must be at least 45 minutes long; "
            "this says 44",
        ),
        (
            "minutes: 90.5\n",
            "c.yaml:2:10: session length (minutes): should be a whole number of minutes; this is "
            "the number 90.5",
        ),
        (
            'minutes: "90"\n',
            "c.yaml:2:10: session length (minutes): should be a whole number of minutes; this "
            "says '90'; write it without quotes",
        ),
        (
            "minutes: ninety\n",
            "c.yaml:2:10: session length (minutes): should be a whole number of minutes; this "
            "says 'ninety'",
        ),
        (
            "minutes: true\n",
            "c.yaml:2:10: session length (minutes): should be a whole number of minutes; this is "
            "true (true/false)",
        ),
        (
            "every: 0\n",
            "c.yaml:2:8: meeting rhythm (every): meetings must be at least 1 week apart; this "
            "says 0",
        ),
    ],
)
def test_numbers(line: str, expected: str) -> None:
    assert _course_problems('title: "x"\n' + line + WEEKS) == [expected]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "start: 2027-02-30\n",
            "c.yaml:2:8: start date (start): '2027-02-30' is not a day on the calendar; check the "
            "month and the day (written YYYY-MM-DD)",
        ),
        (
            "start: 10/01/2027\n",
            "c.yaml:2:8: start date (start): '10/01/2027' is not a date kit can read; write it "
            "year first, as YYYY-MM-DD (such as 2027-01-10)",
        ),
        (
            "start: 12\n",
            "c.yaml:2:8: start date (start): should be a date; write it year first, as YYYY-MM-DD "
            "(such as 2027-01-10)",
        ),
        (
            'time: "25:00"\n',
            "c.yaml:2:7: start time (time): '25:00' is not a time of day; "
            'write it as "18:30" or "6:30 PM"',
        ),
        (
            "time: 13pm\n",
            "c.yaml:2:7: start time (time): '13pm' is not a time of day; "
            'write it as "18:30" or "6:30 PM"',
        ),
    ],
)
def test_dates_and_times(line: str, expected: str) -> None:
    assert _course_problems('title: "x"\n' + line + WEEKS) == [expected]


def test_unknown_keys_suggest_the_closest_known_one() -> None:
    problems = _course_problems(
        'title: "x"\nchurh: "Grace"\nweeks:\n  - lesson: trust\n    titl: T\n'
    )
    assert problems == [
        "c.yaml:2:1: churh: unknown key 'churh'; known: arrival, brand, care, church, date_style, "
        "every, helplines, intimacy, language, large_print, leaders, lessons, minutes, notices, "
        "place, skip, start, subtitle, templates, time, time_style, title, translation, weeks; "
        "did you mean 'church'?",
        "c.yaml:5:5: week 1 (weeks[0].titl): unknown key 'titl'; known: exercise, lesson, "
        "notices, questions, take_home, title; did you mean 'title'?",
    ]


def test_every_problem_is_reported_not_just_the_first() -> None:
    problems = _course_problems("title: [x]\nminutes: 10\nevery: 9\nweeks: trust\n")
    assert [p.split(": ")[1] for p in problems] == [
        "title",
        "session length (minutes)",
        "meeting rhythm (every)",
        "weeks",
    ]


def test_a_missing_field_is_located_at_its_mapping() -> None:
    problems = _course_problems('title: "x"\nweeks:\n  - questions: {drop: [a]}\n')
    assert problems == [
        "c.yaml:3:5: week 1's lesson (weeks[0].lesson): is missing; add it as 'lesson: ...'"
    ]


def test_a_wrong_choice_lists_the_choices() -> None:
    lesson_question = 'title: "x"\nweeks:\n  - lesson: trust\n    questions:\n      add:\n'
    problems = _course_problems(lesson_question + "        - {text: Hi, audience: everyone}\n")
    assert problems == [
        "c.yaml:6:32: week 1, the audience of the 1st question added "
        "(weeks[0].questions.add[0].audience): should be 'group' or 'couple'; "
        "this says 'everyone'"
    ]


def test_a_control_character_in_text() -> None:
    assert _course_problems('title: "Closer\\x1b[1m"\n' + WEEKS) == [
        "c.yaml:1:8: title: contains the control character U+001B, "
        "which documents cannot hold; delete it"
    ]


def test_check_model_finds_every_problem() -> None:
    course, problems = check_model(
        schema.CourseFile, load_text("title: [x]\nweeks: 3\n", "c.yaml"), "course"
    )
    assert course is None
    assert len(problems) == 2
