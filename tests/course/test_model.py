"""The resolved course: what templates read from it."""

from __future__ import annotations

from pathlib import Path

import pytest

import kit

LESSONS = ["trust", "safety", "empathy", "vulnerability", "closeness", "connection"]


def _course(tmp_path: Path, settings: str, count: int = 6) -> kit.ResolvedCourse:
    weeks = ", ".join(LESSONS[:count])
    text = f"title: Closer\ncare: [{{name: Office}}]\n{settings}weeks: [{weeks}]\n"
    (tmp_path / "course.yaml").write_text(text, encoding="utf-8")
    return kit.load_course(tmp_path / "course.yaml")


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
