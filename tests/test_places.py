"""A place in a course file said as a coordinator reads it, with the path kept for authors."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from kit.errors import Problem
from kit.load import schema
from kit.places import KEYS, in_words, ordinal


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("weeks[3]", "week 4"),
        ("weeks[0].title", "week 1's title"),
        ("weeks[0].lesson", "week 1's lesson"),
        ("weeks[2].questions.drop[0]", "week 3, the 1st question to drop"),
        ("weeks[2].questions.drop", "week 3's questions to drop"),
        ("weeks[2].questions.add[1].text", "week 3, the text of the 2nd question added"),
        ("weeks[1].questions.add[0].after", "week 2, the 'after' of the 1st question added"),
        ("weeks[0].questions.replace.trust-x", "week 1, the new wording of 'trust-x'"),
        (
            "weeks[0].questions.replace.trust-x.follow_up[1]",
            "week 1, the 2nd follow-up question of the new wording of 'trust-x'",
        ),
        ("weeks[1].take_home.steps[2]", "week 2, the 3rd step of the take-home"),
        ("weeks[1].exercise.title", "week 2, the title of the exercise"),
        ("care[1].phone", "the phone of the 2nd care contact"),
        ("skip[0]", "the 1st skipped date"),
        ("skip[0].date", "the 1st skipped date"),
        ("skip[1].label", "the label of the 2nd skipped date"),
        ("brand.slides", "the PowerPoint template"),
        ("brand.document", "the Word template"),
        ("leaders[0]", "the 1st leader"),
    ],
)
def test_a_place_in_a_course_file_is_said_in_words_before_its_path(where: str, said: str) -> None:
    assert in_words(where) == f"{said} ({where})"


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("questions[2].text", "the text of the 3rd question"),
        ("questions[2].follow_up[0]", "the 1st follow-up question of the 3rd question"),
        ("questions[0].id", "the id of the 1st question"),
        ("opening.minutes", "the minutes of the opening"),
        ("teaching.points[1].heading", "the heading of the 2nd teaching point"),
        ("scripture[1]", "the 2nd scripture reference"),
        ("sources[0].article", "the article of the 1st source"),
        ("take_home.steps[0]", "the 1st step of the take-home"),
        ("leader.prep[2]", "the 3rd preparation note for leaders"),
        ("leader.care[0]", "the 1st care note for leaders"),
        ("leader.host[1]", "the 2nd note for the host"),
    ],
)
def test_a_place_in_a_lesson_file_is_said_in_words_before_its_path(where: str, said: str) -> None:
    assert in_words(where) == f"{said} ({where})"


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("weeks[0].titel", "week 1"),
        ("weeks[1].questions.replce", "week 2's questions"),
        ("care[0].fone", "the 1st care contact"),
    ],
)
def test_a_misspelt_key_is_left_to_the_path(where: str, said: str) -> None:
    assert in_words(where) == f"{said} ({where})"


@pytest.mark.parametrize(
    "where", ["", "title", "titel", "weeks", "weeks[0", "a b", "a8.k", "e[7][8]"]
)
def test_a_place_words_cannot_improve_is_left_as_it_is(where: str) -> None:
    assert in_words(where) == where


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("minutes", "session length"),
        ("every", "meeting rhythm"),
        ("start", "start date"),
        ("time", "start time"),
        ("translation", "Bible translation"),
        ("skip", "skipped dates"),
    ],
)
def test_a_key_that_says_it_in_code_is_said_in_words(where: str, said: str) -> None:
    assert in_words(where) == f"{said} ({where})"


def test_ordinals_read_as_spoken() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
    ]  # fmt: skip


def _keys(model: type[BaseModel]) -> set[str]:
    """Every key of a file format, its nested models' keys included."""
    found: set[str] = set()
    for name, info in model.model_fields.items():
        found.add(name)
        for kind in _models(info.annotation):
            found |= _keys(kind)
    return found


def _models(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models(arg)]


def test_every_key_of_the_course_and_lesson_files_has_words() -> None:
    assert _keys(schema.CourseFile) | _keys(schema.Lesson) <= KEYS


def test_a_problem_says_its_place_in_words_and_keeps_its_path() -> None:
    problem = Problem("course.yaml", 49, 5, "weeks[3]", "unknown lesson 'vulnerabilty'")
    assert str(problem) == "course.yaml:49:5: week 4 (weeks[3]): unknown lesson 'vulnerabilty'"
    assert problem.where == "weeks[3]"


def _paths(model: type[BaseModel], path: str = "") -> list[str]:
    """A field path to every key of a file format: lists at their 3rd item, and under a
    mapping of question ids, a plain id and one no path can name ('a b')."""
    found: list[str] = []
    for name, info in model.model_fields.items():
        here = f"{path}.{name}" if path else name
        found.append(here)
        annotation = str(info.annotation)
        if annotation.startswith("list["):
            here = f"{here}[2]"
            found.append(here)
        elif annotation.startswith("dict["):
            found += [f"{here}.trust-watching", f"{here}.a b"]
            here = f"{here}.trust-watching"
        for kind in _models(info.annotation):
            found += _paths(kind, here)
    return found


@pytest.mark.parametrize("model", [schema.CourseFile, schema.Lesson])
def test_a_place_has_one_bracketed_path_at_most_at_its_end(model: type[BaseModel]) -> None:
    for where in _paths(model):
        said = str(Problem("course.yaml", 1, 1, where, "m"))[len("course.yaml:1:1: ") : -3]
        words = said.removesuffix(f" ({where})")
        assert words == where or not re.search(r"[()\[\]]", words), said
