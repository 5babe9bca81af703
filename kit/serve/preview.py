"""The preview of one week: its timing plan, handout, leader notes and slides, as HTML.

Everything is composed by the library exactly as a build composes it, and written
by the HTML writer beside the Office writers; nothing of the content is made here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kit.check.questions import Question
from kit.compose.documents import course_environment, handout, leader_notes, slides
from kit.course.model import ResolvedCourse
from kit.language import translate, translate_plural
from kit.templating.templates import PART_NAMES
from kit.writers.html import deck_html, document_html


@dataclass
class PlanRow:
    """One part of the session in the timing plan."""

    name: str
    minutes: int
    start: str
    end: str


@dataclass
class WeekPreview:
    """Everything the preview shows for one week."""

    number: int
    title: str
    date: str
    plan: list[PlanRow]
    end: str
    left_out: list[Question]
    handout: str
    notes: str
    slides: str
    private: list[Question] = field(default_factory=list)
    """Questions private to each couple: on the handout, never on a slide."""
    numbers: dict[str, int] = field(default_factory=dict)
    """Each asked question's number on the handout, by id."""


def day(course: ResolvedCourse, value: dt.date | None) -> str:
    """A meeting date the way the course's documents write it, with its weekday."""
    return course_environment(course).filters["date"](value) if value else ""


def week_preview(resolved: ResolvedCourse, index: int) -> WeekPreview:
    """Compose week `index` (0-based) of a loaded course; `InputError` for template problems."""
    course = resolved.course
    week = course.weeks[max(0, min(index, len(course.weeks) - 1))]
    env = course_environment(resolved)
    clock = env.filters["clock"]
    deck = slides(course, week, env)
    private = list(week.couple_questions)
    badge = translate_plural(
        course.language,
        "%(count)d couple-private question: on the handout only, never on screen",
        "%(count)d couple-private questions: on the handout only, never on screen",
        len(private),
    ) % {"count": len(private)}
    badges = {
        i: badge
        for i, s in enumerate(deck.slides)
        if s.layout == "couple" and private and s.title != week.exercise_title
    }
    plan = [
        PlanRow(
            translate(course.language, PART_NAMES.get(s.key, s.key)),
            s.minutes,
            clock(s.start),
            clock(s.end),
        )
        for s in week.slots
    ]
    return WeekPreview(
        number=week.number,
        title=week.title,
        date=day(resolved, week.date),
        plan=plan,
        end=clock(week.end),
        left_out=list(week.left_out),
        handout=document_html(handout(course, week, env)),
        notes=document_html(leader_notes(course, week, env)),
        slides=deck_html(deck, badges),
        private=private,
        numbers={q.id: n for n, q in enumerate(week.questions, 1)},
    )


@dataclass
class ScheduleRow:
    """One date of the course's calendar."""

    date: str
    week: int | None
    title: str
    label: str = ""
    """Why nobody meets on a skipped date, when the course says."""


def schedule(resolved: ResolvedCourse) -> list[ScheduleRow]:
    """The course's dates, skipped ones included, with each week's title."""
    titles = {w.number: w.title for w in resolved.course.weeks}
    return [
        ScheduleRow(day(resolved, m.date), m.week, titles.get(m.week or 0, ""), m.label or "")
        for m in resolved.course.schedule
    ]
