"""The six built-in lessons: complete, well-formed, timed at 90 minutes, in our own words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kit.course.model import PARTS
from kit.course.scripture import reference_problem
from kit.load.lessons import builtin_lessons
from kit.load.schema import Lesson

ROOT = Path(__file__).resolve().parent.parent
OVERLAP = ROOT.parent / "shared" / "tools" / "overlap.py"
ORDER = ["trust", "safety", "empathy", "vulnerability", "closeness", "connection"]
ARTICLE_SECTIONS = {
    ("Emotional Intimacy", "Nurture Trust"),
    ("Emotional Intimacy", "Ensure Emotional Safety"),
    ("Emotional Intimacy", "Encourage Vulnerability"),
    ("Emotional Intimacy", "Cultivate Closeness"),
    ("Emotional Intimacy", "Foster Deep Connection"),
    ("Building Connection", "Displaying Empathy"),
    ("Building Connection", "Healthy Vulnerability"),
    ("Building Connection", "Building Connection"),
}
"""The eight section headings of the two source articles."""

LESSONS = {k: v.lesson for k, v in builtin_lessons().items()}


def test_the_six_lessons_in_order() -> None:
    assert list(LESSONS) == ORDER


@pytest.mark.parametrize("lesson_id", ORDER)
def test_parts_add_up_to_90_minutes(lesson_id: str) -> None:
    lesson = LESSONS[lesson_id]
    assert sum(getattr(lesson, part).minutes for part in PARTS) == 90


@pytest.mark.parametrize("lesson_id", ORDER)
def test_questions(lesson_id: str) -> None:
    lesson = LESSONS[lesson_id]
    ids = [q.id for q in lesson.questions]
    assert len(ids) >= 6
    assert len(set(ids)) == len(ids)
    assert all(i.startswith(f"{lesson_id}-") for i in ids)
    assert all(q.note for q in lesson.questions), "every question needs a leader note"
    assert sum(q.audience == "group" for q in lesson.questions) >= 2
    assert sum(q.audience == "couple" for q in lesson.questions) >= 2
    assert {q.level for q in lesson.questions} == {"open", "dig", "reflect"}
    assert all(q.follow_up for q in lesson.questions if q.level == "dig")
    assert any(q.optional for q in lesson.questions)


@pytest.mark.parametrize("lesson_id", ORDER)
def test_shape_of_the_session(lesson_id: str) -> None:
    lesson: Lesson = LESSONS[lesson_id]
    assert 1 <= len(lesson.scripture) <= 3
    assert all(reference_problem(ref) is None for ref in lesson.scripture)
    assert 2 <= len(lesson.teaching.points) <= 4
    assert len(lesson.exercise.steps) >= 2
    assert lesson.take_home.steps
    assert lesson.leader.prep and lesson.leader.notes
    assert "aloud" in lesson.prayer.prompt.lower() or "silen" in lesson.prayer.prompt.lower()


@pytest.mark.parametrize("lesson_id", ORDER)
def test_care_notes_cover_the_hard_cases(lesson_id: str) -> None:
    care = " ".join(LESSONS[lesson_id].leader.care).lower()
    assert any(w in care for w in ("crisis", "in trouble", "falling apart")), "couple in crisis"
    assert any(w in care for w in ("abuse", "afraid", "fear", "unsafe")), "abuse or fear"
    assert any(w in care for w in ("unwilling", "guarded", "reluctant")), "unwilling spouse"
    assert any(w in care for w in ("faith", "devout")), "spouses who differ about faith"
    assert any(w in care for w in ("care contact", "refer", "pastor", "counsel")), "referral"


def test_every_article_section_is_a_source() -> None:
    used = {(s.article, s.section) for lesson in LESSONS.values() for s in lesson.sources}
    assert sorted(ARTICLE_SECTIONS - used) == []


@pytest.mark.skipif(not OVERLAP.is_file(), reason=f"{OVERLAP} is not beside this checkout")
def test_nothing_copied_from_the_articles() -> None:
    done = subprocess.run(
        [sys.executable, str(OVERLAP), str(ROOT)], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.splitlines()[-1] == "0 copied run(s) of 8+ words", done.stdout
