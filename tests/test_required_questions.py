"""A question that is not optional is asked at every session length, or the check says why."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import docx_lines

import kit
from kit.errors import InputError

LESSON = """\
id: listening
title: "Listening Well"
big_idea: "Listening is how love pays attention."
opening: {{question: "Who in your life listens well?", minutes: 10}}
teaching:
  minutes: 15
  points: [{{heading: "Slow down", body: "Hear the whole thought before you answer."}}]
exercise: {{title: "Say it back", minutes: 15, steps: ["One talks.", "The other says it back."]}}
discussion: {{minutes: {discussion}}}
questions:
{questions}
take_home: {{title: "Ten quiet minutes", steps: ["Ask one open question each evening."]}}
prayer: {{minutes: 5, prompt: "Give thanks for being heard."}}
"""


def write(folder: Path, minutes: int, discussion: int, questions: list[str]) -> Path:
    """A course of one week of a lesson with these questions, at this session length."""
    (folder / "mine").mkdir(parents=True)
    lesson = LESSON.format(discussion=discussion, questions="\n".join(questions))
    (folder / "mine" / "listening.yaml").write_text(lesson, encoding="utf-8")
    course = folder / "course.yaml"
    text = f"title: Closer\nminutes: {minutes}\nlessons: mine\nweeks:\n  - listening\n"
    text += "care: [{name: Office}]\n"
    course.write_text(text, encoding="utf-8")
    return course


def test_two_required_questions_in_40_minutes_are_both_asked_at_75(tmp_path: Path) -> None:
    course_file = write(
        tmp_path,
        75,
        40,
        [
            '  - {id: listening-heard, text: "What makes you feel heard?"}',
            '  - {id: listening-hardest, text: "When is listening hardest?", audience: couple}',
        ],
    )
    course = kit.load_course(course_file)
    kit.build(course, tmp_path / "out")
    notes = docx_lines(tmp_path / "out" / "week-01-leader-notes.docx")
    assert "1. What makes you feel heard?" in notes
    assert "2. When is listening hardest?" in notes
    assert not [line for line in notes if "left out" in line]
    handout = docx_lines(tmp_path / "out" / "week-01-handout.docx")
    assert "2. When is listening hardest? (just the two of you)" in handout


def test_an_optional_question_goes_before_any_required_one(tmp_path: Path) -> None:
    course_file = write(
        tmp_path,
        60,
        40,
        [
            '  - {id: listening-heard, text: "What makes you feel heard?"}',
            '  - {id: listening-extra, text: "Who taught you to listen?", optional: true}',
            '  - {id: listening-hardest, text: "When is listening hardest?", audience: couple}',
        ],
    )
    kit.build(kit.load_course(course_file), tmp_path / "out")
    notes = docx_lines(tmp_path / "out" / "week-01-leader-notes.docx")
    asked = [line for line in notes if line.endswith("?") and line[:2] in ("1.", "2.", "3.")]
    assert asked == ["1. What makes you feel heard?", "2. When is listening hardest?"]
    said = "To fit 60 minutes, this question is left out tonight; use it if the discussion moves "
    assert notes[notes.index(said + "quickly:") + 1] == "Who taught you to listen?"


def test_required_questions_that_cannot_fit_are_a_located_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_kit
) -> None:
    questions = [f'  - {{id: listening-q{i}, text: "Question {i}?"}}' for i in range(10)]
    write(tmp_path, 45, 30, questions)
    monkeypatch.chdir(tmp_path)
    result = run_kit("check", "course.yaml")
    assert result.code == 2
    assert result.err.splitlines() == [
        "course.yaml:5:5: week 1 (weeks[0]): lesson 'listening': its 10 questions that are not "
        "optional need at least 30 minutes of discussion, but a 45-minute session leaves 15; "
        "make the session length (minutes) at least 80, drop some this week or mark some optional",
        "kit: 1 problem found; nothing was written",
    ]
    assert not (tmp_path / "build").exists()


def test_questions_the_course_adds_count_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    added = "\n".join(f'        - {{text: "Added {i}?"}}' for i in range(12))
    Path("course.yaml").write_text(
        f"title: T\nminutes: 45\nweeks:\n  - lesson: trust\n    questions:\n      add:\n{added}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        kit.load_course("course.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "course.yaml:4:5: week 1 (weeks[0]): lesson 'trust': its 18 questions that are not "
        "optional need at least 54 minutes of discussion, but a 45-minute session leaves 20; "
        "make the session length (minutes) at least 104, drop some this week or mark some optional"
    ]


def test_the_length_suggested_and_every_longer_one_hold_the_questions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Parts come in whole five minutes, so one minute more can shorten a discussion: the
    # length the check names must not be one a minute longer breaks.
    monkeypatch.chdir(tmp_path)
    added = "\n".join(f'        - {{text: "Added {i}?"}}' for i in range(12))
    for minutes in (103, *range(104, 181)):
        Path("course.yaml").write_text(
            f"title: T\nminutes: {minutes}\nweeks:\n  - lesson: trust\n    questions:\n"
            f"      add:\n{added}\n",
            encoding="utf-8",
        )
        if minutes == 103:
            with pytest.raises(InputError):
                kit.load_course("course.yaml")
        else:
            assert kit.load_course("course.yaml").course.minutes == minutes


def test_when_no_length_is_enough_the_problem_says_what_else_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    added = "\n".join(f'        - {{text: "Added {i}?"}}' for i in range(40))
    Path("course.yaml").write_text(
        f"title: T\nminutes: 90\nweeks:\n  - lesson: trust\n    questions:\n      add:\n{added}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        kit.load_course("course.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "course.yaml:4:5: week 1 (weeks[0]): lesson 'trust': its 46 questions that are not "
        "optional need at least 138 minutes of discussion, but a 90-minute session leaves 45; "
        "drop some this week or mark some optional"
    ]
