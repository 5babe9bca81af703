"""Fuzzing the loader and validator: whatever the files hold, only kit's own error escapes."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit
from kit.errors import InputError, KitError

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Modest and repeatable: the suite stays fast and a failure reproduces."""

COURSE = """\
title: "Closer"
subtitle: "A marriage small-group study"
church: "Grace Community Church"
leaders: ["Dan & Mia Lopez"]
start: 2027-01-10
every: 1
skip: [2027-01-17]
time: "18:30"
minutes: 90
translation: WEB
care:
  - {name: "Pastor Sam", role: "Care pastor", phone: "555-0100", email: "sam@example.org"}
lessons: my-lessons/
weeks:
  - listening
  - lesson: empathy
    title: "Seeing Each Other"
    questions:
      drop: [empathy-fix-it]
      replace: {empathy-understood: "When did you last feel understood?"}
      add:
        - {text: "What makes listening hard?", after: empathy-understood, audience: couple}
    exercise: {title: "Say It Back"}
    take_home: {steps: ["Listen each evening."]}
"""
"""A valid course using every key, to mutate."""

LESSON = """\
id: listening
title: "Listening Well"
big_idea: "Listening is how love pays attention."
sources:
  - {article: "Building Connection", section: "Listening"}
scripture: ["James 1:19"]
opening: {question: "Who in your life listens well?", minutes: 10}
teaching:
  minutes: 15
  points:
    - {heading: "Slow down", body: "Hear the whole thought before you answer."}
exercise:
  title: "Say it back"
  minutes: 15
  steps: ["One talks for two minutes.", "The other says back what they heard."]
discussion: {minutes: 30}
questions:
  - {id: listening-who, text: "What makes you feel heard?", note: "Listen for small things."}
  - {id: listening-hard, text: "When is listening hardest?", audience: couple, optional: true}
take_home: {title: "Ten quiet minutes", steps: ["Ask one open question each evening."]}
prayer: {minutes: 5, prompt: "Give thanks for being heard."}
leader: {prep: ["Read James 1."], notes: ["Keep it light."], care: ["Refer when needed."]}
"""
"""A valid lesson using every key, to mutate."""

KEYS = sorted(
    {*yaml.safe_load(COURSE), *yaml.safe_load(LESSON), "lesson", "questions", "drop", "add"}
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.text(max_size=30),
    st.sampled_from(["trust", "empathy", "listening", "18:30", "2027-02-30", "WEB", "James 1:19"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), inner, max_size=4),
    ),
    max_leaves=12,
)
documents = st.one_of(
    values, st.dictionaries(st.sampled_from(KEYS), values, min_size=1, max_size=8)
)
"""Any YAML value, mostly mappings with the keys kit knows."""


def _load(course: str | bytes, lesson: str | bytes = LESSON) -> None:
    """Load a course (with one lesson of its own); only a KitError may escape."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "my-lessons").mkdir()
        for path, text in ((root / "course.yaml", course), (root / "my-lessons/l.yaml", lesson)):
            if isinstance(text, str):
                path.write_text(text, encoding="utf-8", errors="surrogatepass")
            else:
                path.write_bytes(text)
        try:
            kit.load_course(root / "course.yaml")
        except KitError as exc:
            for problem in getattr(exc, "problems", []):
                assert problem.message, exc


def _paths(data: Any, at: tuple = ()) -> Iterator[tuple]:
    yield at
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*at, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paths(value, (*at, i))


def _mutate(data: Any, path: tuple, how: str, new: Any) -> Any:
    """The data with one change at `path`."""
    if not path:
        return new if how == "replace" else data
    *parent_path, last = path
    parent = data
    for part in parent_path:
        parent = parent[part]
    if how == "delete":
        del parent[last]
    elif how == "replace":
        parent[last] = new
    elif how == "rename" and isinstance(last, str):
        parent[f"{last}x"] = parent.pop(last)
    elif how == "wrap":
        parent[last] = [parent[last]]
    elif how == "duplicate" and isinstance(last, int):
        parent.insert(last, parent[last])
    return data


mutations = st.tuples(
    st.sampled_from(["delete", "replace", "rename", "wrap", "duplicate"]), values, st.randoms()
)


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_a_valid_course_and_lesson_load() -> None:
    course = _load_ok(COURSE, LESSON)
    assert [w.lesson_id for w in course.course.weeks] == ["listening", "empathy"]


def _load_ok(course: str, lesson: str) -> kit.ResolvedCourse:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "my-lessons").mkdir()
        (root / "course.yaml").write_text(course, encoding="utf-8")
        (root / "my-lessons/l.yaml").write_text(lesson, encoding="utf-8")
        return kit.load_course(root / "course.yaml")


@FUZZ
@given(st.text(max_size=300))
def test_any_text_as_a_course(text: str) -> None:
    _load(text)


@FUZZ
@given(st.binary(max_size=200))
def test_any_bytes_as_a_course(data: bytes) -> None:
    _load(data)


@FUZZ
@given(documents)
def test_any_yaml_document_as_a_course(data: Any) -> None:
    _load(_dump(data))


@FUZZ
@given(documents)
def test_any_yaml_document_as_a_lesson(data: Any) -> None:
    _load(COURSE, _dump(data))


@pytest.mark.parametrize("which", ["course", "lesson"])
@FUZZ
@given(mutation=mutations)
def test_one_change_to_a_valid_file(which: str, mutation: tuple) -> None:
    how, new, rnd = mutation
    data = yaml.safe_load(COURSE if which == "course" else LESSON)
    path = rnd.choice(list(_paths(data)))
    text = _dump(_mutate(data, path, how, new))
    if which == "course":
        _load(text)
    else:
        _load(COURSE, text)


@pytest.mark.parametrize("which", ["course", "lesson"])
@FUZZ
@given(
    start=st.integers(min_value=0, max_value=2000),
    length=st.integers(min_value=0, max_value=40),
    insert=st.text(alphabet=st.sampled_from(list(" \t\n:-[]{}#&*!|>'\"%@`,?x0")), max_size=6),
)
def test_one_edit_to_the_text_of_a_valid_file(
    which: str, start: int, length: int, insert: str
) -> None:
    source = COURSE if which == "course" else LESSON
    start %= len(source)
    text = source[:start] + insert + source[start + length :]
    if which == "course":
        _load(text)
    else:
        _load(COURSE, text)


def test_unchanged_files_are_the_fuzzed_ones() -> None:
    """The mutated seeds are valid to begin with, so the fuzz tests reach deep checks."""
    with pytest.raises(InputError):
        _load_ok(COURSE.replace("listening\n", "listenin\n"), LESSON)
    assert _load_ok(COURSE, LESSON).course.title == "Closer"
