"""The six built-in lessons: complete, well-formed, timed at 90 minutes, in our own words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kit import wording
from kit.check.timing import GROUND_RULES, PARTS
from kit.load.lessons import builtin_lessons
from kit.load.schema import Lesson
from kit.load.scripture import passage, reference_problem

ROOT = Path(__file__).resolve().parent.parent
OVERLAP = ROOT.parent / "shared" / "tools" / "overlap.py"
ARTICLES = ROOT.parent / "shared" / "articles"
ORDER = ["trust", "safety", "empathy", "vulnerability", "closeness", "connection"]
ARTICLE_SECTIONS = {
    ("Emotional Intimacy", "Nurture Trust"),
    ("Emotional Intimacy", "Ensure Emotional Safety"),
    ("Emotional Intimacy", "Encourage Vulnerability"),
    ("Emotional Intimacy", "Cultivate Closeness"),
    ("Emotional Intimacy", "Foster Deep Connection"),
    ("A post on building connection", "Displaying Empathy"),
    ("A post on building connection", "Healthy Vulnerability"),
    ("A post on building connection", "Building Connection"),
}
"""The eight section headings of the two source articles (the building-connection post
has no title, so lessons name it by a plain description)."""

LESSONS = {k: v.lesson for k, v in builtin_lessons().items()}


def test_the_six_lessons_in_order() -> None:
    assert list(LESSONS) == ORDER


@pytest.mark.parametrize("lesson_id", ORDER)
def test_parts_add_up_to_90_minutes(lesson_id: str) -> None:
    lesson = LESSONS[lesson_id]
    # The first lesson leaves room for the ground rules, so at 90 minutes it asks every
    # question.
    rules = GROUND_RULES[1] if lesson_id == ORDER[0] else 0
    assert sum(getattr(lesson, part).minutes for part in PARTS) + rules == 90


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
def test_care_notes_are_the_lessons_own(lesson_id: str) -> None:
    # The hard cases every week shares (crisis, abuse, self-harm, a child at risk, a
    # guarded spouse, faith) are in the leader notes template; see test_course_text.
    assert LESSONS[lesson_id].leader.care, "a word on this lesson's own tender spots"


def test_every_article_section_is_a_source() -> None:
    used = {(s.article, s.section) for lesson in LESSONS.values() for s in lesson.sources}
    assert sorted(ARTICLE_SECTIONS - used) == []


def test_each_source_is_credited_the_same_way_in_every_lesson() -> None:
    credits: dict[str, set] = {}
    for lesson in LESSONS.values():
        for s in lesson.sources:
            credits.setdefault(s.article, set()).add((s.subtitle, s.site, s.date, s.description))
    assert sorted(credits) == ["A post on building connection", "Emotional Intimacy"]
    assert all(len(found) == 1 for found in credits.values()), credits
    (ei,) = credits["Emotional Intimacy"]
    assert (ei[0], ei[2]) == ("How to Connect on a Deeper Level", "November 16, 2016")
    (post,) = credits["A post on building connection"]
    assert post[1] is None and post[2] is None, "the post names no site or date: none invented"
    assert "Fully Alive Marriage" in post[3]


@pytest.mark.skipif(not ARTICLES.is_dir(), reason=f"{ARTICLES} is not beside this checkout")
def test_sources_match_the_articles_headings_and_title() -> None:
    files = {
        "Emotional Intimacy": ARTICLES / "emotional-intimacy.txt",
        "A post on building connection": ARTICLES / "building-connection.txt",
    }
    lines = {
        k: [x.strip() for x in v.read_text(encoding="utf-8").splitlines()] for k, v in files.items()
    }
    for lesson in LESSONS.values():
        for s in lesson.sources:
            # A part with no heading is described, never given an invented one.
            assert (s.section is None) != (s.part is None) or s.section, s
            assert s.section is None or s.section in lines[s.article], s
            if s.subtitle:
                assert lines[s.article][0] == f"{s.article}: {s.subtitle}"
            if s.date:
                assert s.date in "\n".join(lines[s.article][:3])


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def test_no_exercise_or_take_home_is_used_twice() -> None:
    seen: dict[str, str] = {}
    for lesson in LESSONS.values():
        parts = [lesson.exercise.title, lesson.take_home.title]
        parts += [*lesson.exercise.steps, *lesson.take_home.steps]
        for text in parts:
            key = _norm(text)
            assert key not in seen, (lesson.id, text, seen.get(key))
            seen[key] = lesson.id
    # The 1-to-10 scale and the "thank you for telling me" reply each belong to one week.
    for phrase in ("scale of 1 to 10", "1-to-10", "thank you for telling me"):
        owners = {
            lesson.id
            for lesson in LESSONS.values()
            for text in (*lesson.exercise.steps, *lesson.take_home.steps)
            if phrase in _norm(text)
        }
        assert len(owners) <= 1, (phrase, owners)


def test_openings_differ_from_lesson_to_lesson() -> None:
    starts = [_norm(lesson.opening.question).split()[:3] for lesson in LESSONS.values()]
    firsts = [_norm(lesson.questions[0].text).split()[:3] for lesson in LESSONS.values()]
    assert len({tuple(s) for s in starts}) == len(starts), starts
    assert len({tuple(f) for f in firsts}) == len(firsts), firsts
    everything = [lesson.opening.question for lesson in LESSONS.values()]
    everything += [q.text for lesson in LESSONS.values() for q in lesson.questions]
    assert [t for t in everything if _norm(t).startswith("think of")] == []


def test_leader_notes_are_not_repeated_across_lessons() -> None:
    seen: dict[str, str] = {}
    for lesson in LESSONS.values():
        leader = lesson.leader
        for text in (*leader.prep, *leader.host, *leader.notes, *leader.care):
            key = _norm(text)
            assert key not in seen, (lesson.id, text, seen.get(key))
            seen[key] = lesson.id


LEVEL_ORDER = {"open": 0, "dig": 1, "reflect": 2}


@pytest.mark.parametrize("lesson_id", ORDER)
def test_questions_run_open_then_dig_then_reflect(lesson_id: str) -> None:
    lesson = LESSONS[lesson_id]
    for audience in ("group", "couple"):
        levels = [LEVEL_ORDER[q.level] for q in lesson.questions if q.audience == audience]
        assert levels == sorted(levels), (audience, [q.id for q in lesson.questions])
    assert any(q.audience == "group" and q.level == "reflect" for q in lesson.questions)


@pytest.mark.parametrize("lesson_id", ORDER)
def test_every_teaching_point_has_a_short_slide_line(lesson_id: str) -> None:
    for point in LESSONS[lesson_id].teaching.points:
        assert point.slide, point.heading
        assert len(point.slide.split()) <= 20, point.slide
        assert len(point.slide) < len(point.body) / 2, point.heading


@pytest.mark.parametrize("code", ["WEB", "KJV", "ASV"])
def test_every_passage_reads_as_a_sentence(code: str) -> None:
    for lesson in LESSONS.values():
        for ref in lesson.scripture:
            text = passage(ref, code).text
            assert text[-1] not in ",;:", (lesson.id, ref, code, text[-40:])
            first = next(c for c in text if c.isalpha())
            assert first.isupper(), (lesson.id, ref, code, text[:40])


@pytest.mark.parametrize("language", ["en", "es"])
def test_lesson_text_names_no_course_length(language: str) -> None:
    for lesson_id, entry in builtin_lessons(language).items():
        for path, text in wording.strings(entry.doc.data):
            assert wording.weeks_named(text) == [], (lesson_id, path, text)
            assert "six weeks" not in text.lower(), (lesson_id, path, text)
            assert "seis semanas" not in text.lower(), (lesson_id, path, text)


@pytest.mark.skipif(not OVERLAP.is_file(), reason=f"{OVERLAP} is not beside this checkout")
def test_nothing_copied_from_the_articles() -> None:
    done = subprocess.run(
        [sys.executable, str(OVERLAP), str(ROOT)], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.splitlines()[-1] == "0 copied run(s) of 8+ words", done.stdout
