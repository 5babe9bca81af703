"""What is valid of a faulty document is kept, so the checks after the schema still run."""

from __future__ import annotations

import datetime as dt

import pytest

from kit.errors import InputError
from kit.load import schema
from kit.load.salvage import check_partial
from kit.load.yamlfile import MAX_NODES, load_text


def checked(text: str) -> object:
    return check_partial(schema.CourseFile, load_text(text, "c.yaml", partial=True), "course")


def test_a_valid_document_is_simply_validated() -> None:
    result = checked("title: T\nweeks: [trust]\n")
    assert (result.problems, result.broken) == ([], frozenset())
    assert result.value == schema.CourseFile.model_validate({"title": "T", "weeks": ["trust"]})


def test_failed_values_take_their_defaults_and_list_items_keep_their_places() -> None:
    result = checked(
        "title: [T]\nminutes: ninety\nstart: 2027-1-10\n"
        "skip: [2027-13-01, 2027-01-17]\nweeks: [trust, 12, {lesson: Bad Id}, safety]\n"
    )
    course = result.value
    assert course.title is None  # required: None
    assert (course.minutes, course.start) == (90, dt.date(2027, 1, 10))
    assert course.skip == [None, schema.Skip(date=dt.date(2027, 1, 17))]
    assert [w.lesson if w else w for w in course.weeks] == ["trust", None, None, "safety"]
    assert sorted(result.broken) == [
        ("minutes",),
        ("skip", 0),
        ("title",),
        ("weeks", 1),
        ("weeks", 2, "lesson"),
    ]


def test_ok_says_whether_a_value_and_all_around_it_are_sound() -> None:
    result = checked("title: T\nweeks:\n  - lesson: trust\n    questions: {drop: [Bad Id]}\n")
    assert result.ok(("title",), ("weeks", 0, "lesson"))
    assert not result.ok(("weeks", 0, "questions"))  # something inside it failed
    assert not result.ok(("weeks", 0, "questions", "drop", 0, "x"))  # inside what failed
    assert result.value.weeks[0].questions.drop == [None]


def test_a_value_the_loader_could_not_read_is_reported_once() -> None:
    result = checked("title: !!binary eA==\nchurch: ok\nchurch: twice\nweeks: [trust]\n")
    assert [str(p) for p in result.problems] == [
        "c.yaml:1:8: title: '!!binary' marks a kind of value kit does not read; write plain text, "
        "numbers or dates",
        "c.yaml:3:1: church's name (church): 'church' is given twice (first at line 2); keep one "
        "of them",
    ]
    assert result.value.weeks[0].lesson == "trust"
    assert not result.ok(("title",)) and not result.ok(("church",))


def test_a_document_that_is_not_a_mapping_has_nothing_to_keep() -> None:
    result = checked("- trust\n")
    assert result.value is None
    assert [str(p) for p in result.problems] == [
        "c.yaml:1:1: a course file holds keys with their values, such as 'title: ...', each on a "
        "line of its own; this one holds a list"
    ]


def test_files_that_expand_too_far_still_stop_at_once() -> None:
    bomb = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcde", "bcdef", strict=True)
    )
    with pytest.raises(InputError, match=f"more than {MAX_NODES:,} values"):
        load_text(bomb, "c.yaml", partial=True)
