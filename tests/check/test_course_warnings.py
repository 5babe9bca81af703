"""Warnings about a course that loads: located, worded, and never stopping the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.course.course_file import load_course


@pytest.fixture
def course_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A course.yaml in the working folder, so messages name it as a user would."""
    monkeypatch.chdir(tmp_path)
    return Path("course.yaml")


def test_a_lesson_used_again_warns_at_each_later_use_and_keeps_its_path(
    course_file: Path,
) -> None:
    course_file.write_text(
        "title: T\nweeks: [trust, safety, trust, trust]\ncare: [{name: Office, phone: 555-0100}]\n",
        encoding="utf-8",
    )
    course = load_course(course_file)
    assert [(w.line, w.column, w.where) for w in course.warnings] == [
        (2, 24, "weeks[2]"),
        (2, 31, "weeks[3]"),
    ]
    assert [w.message for w in course.warnings] == [
        "warning: lesson 'trust' is already week 1; choose another lesson, unless it is meant "
        "to be taught twice"
    ] * 2
    assert [week.lesson_id for week in course.course.weeks] == ["trust", "safety", "trust", "trust"]
