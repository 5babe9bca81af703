"""The resolved course: what templates read from it."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURES

import kit
from kit.course.model import TEMPLATE_RECORDS, Course
from kit.templating.records import Lookup

LESSONS = ["trust", "safety", "empathy", "vulnerability", "closeness", "connection"]


def _course(tmp_path: Path, settings: str, count: int = 6) -> Course:
    weeks = ", ".join(LESSONS[:count])
    text = f"title: Closer\ncare: [{{name: Office}}]\n{settings}weeks: [{weeks}]\n"
    (tmp_path / "course.yaml").write_text(text, encoding="utf-8")
    return kit.load_course(tmp_path / "course.yaml").course


@pytest.mark.parametrize(
    ("settings", "count", "span"),
    [
        ("start: 2027-01-06\n", 6, 6),
        ("start: 2027-01-06\n", 1, 1),
        ("start: 2027-01-06\nevery: 2\n", 6, 11),
        ("start: 2027-01-06\nevery: 2\n", 5, 9),
        ("start: 2027-01-06\nskip: [2027-01-20]\n", 6, 7),
        ("start: 2027-01-06\nevery: 2\nskip: [2027-02-17, 2027-03-31]\n", 6, 15),
        ("start: 2027-01-06\nevery: 3\n", 3, 7),
        ("", 6, 6),
        ("every: 2\n", 6, 11),
    ],
)
def test_the_span_counts_the_weeks_from_the_first_meeting_to_the_last(
    tmp_path: Path, settings: str, count: int, span: int
) -> None:
    # Six meetings every other week, the first on 6 January and the last on 17 March,
    # fill 11 weeks of a calendar: the first week, the last and the nine between.
    assert _course(tmp_path, settings, count).span == span


@pytest.mark.parametrize(
    ("settings", "arrival"),
    [
        ("minutes: 90\narrival: 30\n", 30),
        ("minutes: 75\nevery: 2\narrival: 20\n", 20),
        ("minutes: 120\narrival: 45\n", 45),
        ("minutes: 100\narrival: 15\ntime: 6pm\n", 15),
    ],
)
def test_an_arrival_part_comes_first_and_the_rest_share_the_other_minutes(
    tmp_path: Path, settings: str, arrival: int
) -> None:
    course = _course(tmp_path, settings)
    for week in course.weeks:
        first, *rest = week.slots
        assert (first.key, first.minutes) == ("arrival", arrival), week.number
        assert sum(s.minutes for s in week.slots) == course.minutes, week.number
        assert all(s.minutes % 5 == 0 for s in week.slots), week.number
        assert [s.key for s in rest][:1] == ["opening"], week.number


def test_an_arrival_part_starts_the_clock_and_the_opening_follows_it(tmp_path: Path) -> None:
    course = _course(tmp_path, "minutes: 90\narrival: 30\ntime: 6pm\n")
    week = course.weeks[0]
    assert [(s.key, s.start.strftime("%H:%M")) for s in week.slots[:2]] == [
        ("arrival", "18:00"),
        ("opening", "18:30"),
    ]
    assert week.end.strftime("%H:%M") == "19:30"


def test_without_an_arrival_part_the_evening_is_as_before(tmp_path: Path) -> None:
    plain = _course(tmp_path, "minutes: 90\n")
    assert [s.key for s in plain.weeks[1].slots] == [
        "opening",
        "teaching",
        "exercise",
        "discussion",
        "prayer",
    ]
    assert [s.minutes for s in plain.weeks[1].slots] == [10, 15, 10, 50, 5]


def _courses() -> list[Course]:
    """The built-in course and every fixture course that loads, as templates read them."""
    loaded = [kit.default_course()]
    for path in sorted(FIXTURES.glob("*/course.yaml")):
        with contextlib.suppress(kit.KitError):
            loaded.append(kit.load_course(path))
    return [resolved.course for resolved in loaded]


def test_what_templates_read_holds_values_and_records_never_paths_or_file_models() -> None:
    plain = (str, int, float, type(None), dt.date, dt.time)
    for course in _courses():
        stack: list[Any] = [course]
        while stack:
            value = stack.pop()
            if isinstance(value, tuple):
                stack.extend(value)
            elif isinstance(value, Lookup):
                stack.extend(value.table.values())
            elif type(value) in TEMPLATE_RECORDS:
                stack.extend(getattr(value, f.name) for f in dataclasses.fields(value))
            else:
                assert isinstance(value, plain), (course.title, type(value))


def test_the_build_reads_the_church_templates_beside_the_course() -> None:
    resolved = kit.load_course(FIXTURES / "church-pptx" / "course.yaml")
    assert resolved.files.brand_slides == FIXTURES.resolve() / "church-pptx" / "brand/church.pptx"
    assert resolved.files.course_dir == FIXTURES.resolve() / "church-pptx"
    assert "church.pptx" not in repr(resolved.course)
