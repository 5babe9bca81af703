"""Dates and times in the built files: their style, skipped dates and the next meeting."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import docx_lines, docx_rows, slide_texts

import kit
from kit.course.model import ResolvedCourse


def build(folder: Path, text: str) -> tuple[ResolvedCourse, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "course.yaml").write_text(text, encoding="utf-8")
    course = kit.load_course(folder / "course.yaml")
    kit.build(course, folder / "out")
    return course, folder / "out"


# --- date_style and time_style -------------------------------------------------------

STYLED = """\
title: Closer
start: 2026-10-1
time: 7:00 PM
date_style: {date_style}
time_style: {time_style}
weeks: [trust, safety]
"""


@pytest.fixture(scope="module")
def international(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = STYLED.format(date_style="international", time_style="24h")
    return build(tmp_path_factory.mktemp("international"), text)[1]


def test_dates_and_times_any_spelling_come_out_in_the_courses_style(international: Path) -> None:
    notes = docx_lines(international / "week-01-leader-notes.docx")
    assert "Thursday 1 October 2026, 19:00 to 20:30 · 90 minutes" in notes
    assert docx_rows(international / "week-01-leader-notes.docx", "Time")[1:3] == [
        ["19:00", "Welcome and opening question", "10"],
        ["19:10", "Teaching", "15"],
    ]
    assert "1. Welcome and opening question (10 min, 19:00)" in notes
    handout = docx_lines(international / "week-02-handout.docx")
    assert handout[0] == "Closer · Week 2 · Thursday 8 October 2026"
    guide = docx_lines(international / "leader-guide.docx")
    assert "Thursday 1 October 2026 to Thursday 8 October 2026" in guide
    assert "2 weeks · 90-minute sessions starting at 19:00" in guide
    assert docx_rows(international / "leader-guide.docx", "Week")[1:] == [
        ["1", "Thursday 1 October 2026", "Someone You Can Count On"],
        ["2", "Thursday 8 October 2026", "A Safe Place to Land"],
    ]
    deck = slide_texts(international / "week-01-slides.pptx")
    assert deck[0][1].splitlines()[0] == "Week 1 · Thursday 1 October 2026"
    assert deck[0][2].startswith("Tonight at a glance: 90 minutes, 19:00 to 20:30.")
    assert "Next time: A Safe Place to Land, 8 Oct" in deck[-1][1]


def test_iso_dates_and_12_hour_times(tmp_path: Path) -> None:
    _, out = build(tmp_path, STYLED.format(date_style="iso", time_style="12h"))
    notes = docx_lines(out / "week-01-leader-notes.docx")
    assert "Thursday 2026-10-01, 7:00 pm to 8:30 pm · 90 minutes" in notes
    closing = slide_texts(out / "week-01-slides.pptx")[-1]
    assert "Next time: A Safe Place to Land, 2026-10-08" in closing[1]


def test_without_styles_dates_and_times_are_written_the_us_way(tmp_path: Path) -> None:
    text = "title: Closer\nstart: 2026-10-1\ntime: 19.00\nweeks: [trust, safety]\n"
    _, out = build(tmp_path, text)
    notes = docx_lines(out / "week-01-leader-notes.docx")
    assert "Thursday, October 1, 2026, 7:00 pm to 8:30 pm · 90 minutes" in notes
    assert docx_lines(out / "week-01-handout.docx")[0] == (
        "Closer · Week 1 · Thursday, October 1, 2026"
    )
