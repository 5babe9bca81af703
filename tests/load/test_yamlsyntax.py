"""YAML syntax errors are reported where the slip is, in words a coordinator reads."""

from __future__ import annotations

import pytest

from kit.errors import InputError
from kit.load.yamlfile import load_text

UNCLOSED_DOUBLE = 'YAML syntax: this quoted text has no closing quote; add a " where the text ends'
UNCLOSED_SINGLE = "YAML syntax: this quoted text has no closing quote; add a ' where the text ends"
NO_SPACE = "YAML syntax: no space after the ':' of"
TAB = "YAML syntax: this line is indented with a tab; indent with spaces only"

COURSE = """\
title: "Closer"
subtitle: "A marriage small-group study"
minutes: 75
every: 2
weeks:
  - lesson: trust
    title: {title}
  - lesson: safety
    title: "Safe With Each Other"
"""
"""A course whose week 1 title is written in line 7, column 12."""

LESSON = """\
id: listening
title: "Listening Well"
questions:
  - id: listening-who
    text: {text}
    note: "Listen for names."
  - id: listening-why
    text: "Why does it matter?"
"""
"""A lesson whose first question's text is written in line 5, column 11."""


def _problem(text: str, file: str) -> str:
    with pytest.raises(InputError) as caught:
        load_text(text, file)
    [problem] = caught.value.problems
    return str(problem)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ('"Trust', f"course.yaml:7:12: {UNCLOSED_DOUBLE}"),
        ("'Trust", f"course.yaml:7:12: {UNCLOSED_SINGLE}"),
        (
            "'Trust isn't easy'",
            "course.yaml:7:22: YAML syntax: this ' ends the quoted text before it; write it "
            "twice ('') or put the whole text in double quotes",
        ),
        (
            '"Trust "me" now"',
            'course.yaml:7:19: YAML syntax: this " ends the quoted text before it; write it as '
            '\\" or put the whole text in single quotes',
        ),
    ],
)
def test_a_quote_in_a_course_file_is_reported_where_it_goes_wrong(
    parser: str, title: str, expected: str
) -> None:
    assert _problem(COURSE.format(title=title), "course.yaml") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Who taught you to listen?', f"my-lessons/listening.yaml:5:11: {UNCLOSED_DOUBLE}"),
        ("'Who taught you to listen?", f"my-lessons/listening.yaml:5:11: {UNCLOSED_SINGLE}"),
        (
            "'Who's listening?'",
            "my-lessons/listening.yaml:5:15: YAML syntax: this ' ends the quoted text before it; "
            "write it twice ('') or put the whole text in double quotes",
        ),
    ],
)
def test_a_quote_in_a_lesson_file_is_reported_where_it_goes_wrong(
    parser: str, text: str, expected: str
) -> None:
    assert _problem(LESSON.format(text=text), "my-lessons/listening.yaml") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The quote left open at the end of the file, and before a list closes.
        ('title: T\nweeks: [trust]\nchurch: "Grace\n', f"3:9: {UNCLOSED_DOUBLE}"),
        ('title: T\nweeks: [trust, "safety]\nchurch: "Grace"\n', f"2:16: {UNCLOSED_DOUBLE}"),
        ('title: T\nleaders:\n  - "Dan\n  - "Mia"\nweeks: [trust]\n', f"3:5: {UNCLOSED_DOUBLE}"),
        # The next key of a mapping taken into the text shows whose quote is missing.
        (
            'title: T\ncare:\n  - {name: "Pastor Sam, role: "Care pastor"}\nweeks: [trust]\n',
            f"3:12: {UNCLOSED_DOUBLE}",
        ),
    ],
)
def test_an_unclosed_quote_is_found_wherever_it_is(parser: str, text: str, expected: str) -> None:
    assert _problem(text, "course.yaml") == f"course.yaml:{expected}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: T\nweeks:\n\t- trust\n", f"course.yaml:3:1: {TAB}"),
        ("title: T\nweeks:\n  - lesson: trust\n  \ttitle: Trust\n", f"course.yaml:4:3: {TAB}"),
        ("id: x\nquestions:\n\t- id: x-a\n", f"course.yaml:3:1: {TAB}"),
    ],
)
def test_a_tab_in_the_indentation_is_named(parser: str, text: str, expected: str) -> None:
    assert _problem(text, "course.yaml") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title:Closer\nweeks: [trust]\n", f"1:6: {NO_SPACE} 'title'; write it as 'title: Closer'"),
        ("title: T\nminutes:90\nweeks: [trust]\n", f"2:8: {NO_SPACE} 'minutes'; write it as "
         "'minutes: 90'"),
        ("title: T\nweeks:\n  - lesson:trust\n    title: Trust\n", f"3:11: {NO_SPACE} 'lesson'; "
         "write it as 'lesson: trust'"),
        ("id: x\nopening:\n  minutes:10\n  question: Hi?\n", f"3:10: {NO_SPACE} 'minutes'; "
         "write it as 'minutes: 10'"),
    ],
)  # fmt: skip
def test_a_colon_without_a_space_is_named(parser: str, text: str, expected: str) -> None:
    assert _problem(text, "course.yaml") == f"course.yaml:{expected}"


def test_a_key_with_a_colon_in_its_value_is_not_blamed_for_another_error(parser: str) -> None:
    text = "title: T\nchurch: Grace:North\nweeks:\n  - lesson: trust\n   title: x\n"
    assert _problem(text, "course.yaml") == (
        "course.yaml:5:4: YAML syntax: this line's indentation does not match the lines above it"
    )


def test_text_with_quotes_and_colons_that_is_right_loads(parser: str) -> None:
    text = (
        "title: \"Closer: Six Weeks\"\nsubtitle: 'It''s \"ours\"'\ntime: 18:30\n"
        'weeks:\n  - {lesson: trust, title: "Trust: \\"kept\\""}\n'
    )
    data = load_text(text, "course.yaml").data
    assert data["title"] == "Closer: Six Weeks"
    assert data["subtitle"] == 'It\'s "ours"'
    assert data["weeks"] == [{"lesson": "trust", "title": 'Trust: "kept"'}]
