"""The `kit` command line: exit status, messages, and nothing written on bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FIXTURES

from kit import commands
from kit.load.lessons import builtin_lessons

LESSON_IDS = ["trust", "safety", "empathy", "vulnerability", "closeness", "connection"]


def test_check_reports_every_problem_located(run_kit, monkeypatch) -> None:
    monkeypatch.chdir(FIXTURES / "typo")
    course = "course.yaml"
    result = run_kit("check", course)
    known = "closeness, connection, empathy, safety, trust, vulnerability"
    ids = ", ".join(sorted(q.id for q in builtin_lessons()["empathy"].lesson.questions))
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines() == [
        f"{course}:4:5: week 2 (weeks[1]): unknown lesson 'trsut'; known: {known}; did you mean "
        "'trust'?",
        f"{course}:7:14: week 3, the 1st question to drop (weeks[2].questions.drop[0]): unknown "
        "question id 'empathy-fixit'; "
        f"known: {ids}; did you mean 'empathy-fix-it'?",
        "kit: 2 problems found; nothing was written",
    ]


def test_build_with_bad_course_writes_nothing(run_kit, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_kit("build", FIXTURES / "typo" / "course.yaml", "-o", out)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_missing_course_file(run_kit, tmp_path: Path) -> None:
    result = run_kit("check", tmp_path / "nope.yaml")
    assert result.code == 2
    assert result.err.splitlines()[0] == f"{tmp_path / 'nope.yaml'}: no such file"


def test_internal_error_is_one_line_with_a_hint(run_kit, monkeypatch) -> None:
    def broken(args):
        raise RuntimeError("something odd")

    monkeypatch.setattr(commands, "cmd_check", broken)
    result = run_kit("check")
    assert result.code == 1
    assert result.err == (
        "kit: internal error: RuntimeError: something odd "
        "(run again with --debug for the traceback)\n"
    )


def test_debug_shows_the_traceback(run_kit, monkeypatch) -> None:
    def broken(args):
        raise RuntimeError("something odd")

    monkeypatch.setattr(commands, "cmd_check", broken)
    result = run_kit("--debug", "check")
    assert result.code == 1
    assert "Traceback (most recent call last)" in result.err


def test_bad_option_exits_2(run_kit) -> None:
    result = run_kit("build", "--no-such-option")
    assert result.code == 2
    assert "unrecognized arguments: --no-such-option" in result.err


def test_lessons_lists_the_builtin_lessons(run_kit) -> None:
    result = run_kit("lessons")
    assert result.code == 0
    rows = result.out.splitlines()[1:]
    assert [row.split()[0] for row in rows] == LESSON_IDS
    # The first lesson leaves five minutes for the ground rules of a first meeting.
    assert [" 85 " in row for row in rows] == [True, False, False, False, False, False]
    assert all(" 90 " in row for row in rows[1:])


def test_show_lists_every_question_id(run_kit) -> None:
    result = run_kit("show", "empathy")
    assert result.code == 0
    for question in builtin_lessons()["empathy"].lesson.questions:
        assert f"  {question.id} " in result.out


def test_show_unknown_lesson_suggests(run_kit) -> None:
    result = run_kit("show", "empaty")
    assert result.code == 2
    assert result.err == (
        "kit: unknown lesson 'empaty'; known: closeness, connection, empathy, safety, "
        "trust, vulnerability; did you mean 'empathy'?\n"
    )


def test_new_refuses_to_overwrite(run_kit, tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_text("mine")
    result = run_kit("new", path)
    assert result.code == 2
    assert path.read_text() == "mine"


def test_check_builtin_course(run_kit) -> None:
    result = run_kit("check")
    assert result.code == 0
    assert result.out == "<built-in course>: ok: 6 weeks of 90 minutes\n"


@pytest.mark.parametrize("args", [["lessons"], ["--help"]])
def test_python_dash_m_kit(args: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kit", *args], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert ("trust" if args == ["lessons"] else "usage: kit") in done.stdout


@pytest.mark.parametrize("where", ["before", "after"])
def test_options_are_taken_before_or_after_the_command(run_kit, tmp_path: Path, where: str) -> None:
    """`kit build course.yaml -q` is as good as `kit -q build course.yaml`."""
    course = FIXTURES / "markers" / "course.yaml"
    args = ["build", course, "-o", tmp_path / "out"]
    result = run_kit(*(["-q", *args] if where == "before" else [*args, "-q"]))
    assert (result.code, result.err) == (0, "")
    assert result.out == f"wrote 7 files to {tmp_path / 'out'}/\n"


# --- messages a coordinator reads -------------------------------------------------------

REPEATED = """\
title: Closer
weeks:
  - trust
  - safety
  - lesson: trust
    title: Trust, again
  - safety
care: [{name: Church office, phone: 555-0100}]
"""


WARNED_AND_WRONG = """\
title: "Closer: Five Weeks Together"
minutes: 30
care: [{name: Office}]
weeks: [trust, safety, empathy, vulnerability, closeness, connection]
"""
"""A course with one problem (too short a session) and one warning (six weeks, "Five")."""


@pytest.mark.parametrize("command", ["check", "build"])
def test_warnings_are_said_with_the_problems(run_kit, tmp_path: Path, monkeypatch, command) -> None:
    monkeypatch.chdir(tmp_path)
    Path("course.yaml").write_text(WARNED_AND_WRONG, encoding="utf-8")
    result = run_kit(command, "course.yaml")
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines() == [
        "course.yaml:2:10: session length (minutes): a meeting must be at least 45 minutes long; "
        "this says 30",
        "course.yaml:1:8: title: warning: says five weeks, but the course has six; reword it "
        "to match",
        "kit: 1 problem and 1 warning found; nothing was written",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course.yaml"]


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_lesson_used_twice_is_a_warning_at_its_second_use(
    run_kit, tmp_path: Path, monkeypatch, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("course.yaml").write_text(REPEATED, encoding="utf-8")
    result = run_kit(command, "course.yaml", *(["-q"] if command == "build" else []))
    assert result.code == 0
    assert result.err.splitlines() == [
        "course.yaml:5:13: week 3's lesson (weeks[2].lesson): warning: lesson 'trust' is "
        "already week 1; choose another lesson, unless it is meant to be taught twice",
        "course.yaml:7:5: week 4 (weeks[3]): warning: lesson 'safety' is already week 2; "
        "choose another lesson, unless it is meant to be taught twice",
    ]
    if command == "build":
        assert (tmp_path / "build" / "week-04-handout.docx").is_file()
    else:
        assert result.out == "course.yaml: ok: 4 weeks of 90 minutes\n"


REPEATED_NOTICES = """\
title: T
notices: ["Childcare in Room 104", "childcare in  room 104 "]
weeks:
  - trust
  - lesson: safety
    notices: ["CHILDCARE in Room 104"]
care: [{name: Office, phone: 555-0100}]
"""


def test_a_notice_given_twice_is_a_warning_where_it_is_given_again(
    run_kit, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("course.yaml").write_text(REPEATED_NOTICES, encoding="utf-8")
    result = run_kit("check", "course.yaml")
    assert result.code == 0
    assert result.err.splitlines() == [
        # The same notice in another case or spacing is the same notice to a reader.
        "course.yaml:2:36: the 2nd notice (notices[1]): warning: 'childcare in  room 104' "
        "is already notice 1; remove one of them",
        "course.yaml:6:15: week 2, the 1st notice (weeks[1].notices[0]): warning: 'CHILDCARE "
        "in Room 104' is already a notice for every week (notice 1); remove it here",
    ]
    # Twice in one week, with none for every week.
    Path("course.yaml").write_text(
        REPEATED_NOTICES.replace(
            'notices: ["Childcare in Room 104", "childcare in  room 104 "]\n', ""
        ).replace('["CHILDCARE in Room 104"]', '["Meal sign-up", "Bring a Bible", "Meal sign-up"]'),
        encoding="utf-8",
    )
    result = run_kit("check", "course.yaml")
    assert result.code == 0
    assert result.err.splitlines() == [
        "course.yaml:5:48: week 2, the 3rd notice (weeks[1].notices[2]): warning: 'Meal "
        "sign-up' is already this week's notice 1; remove one of them",
    ]
