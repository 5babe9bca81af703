"""What templates see of a course: plain, frozen records of text, numbers and dates.

A course folder may come from anyone, and its templates run on the computer that
builds it. So templates are never handed kit's own objects (pydantic models carry
methods that read files and unpickle data; paths name folders on the computer), but
these records: each holds only values, has no methods of its own, and the sandbox
lets a template read nothing of it but its fields (see kit/compose/sandbox.py).
The two lookups a week offers, `week.slot(key)` and `week.minutes(key)`, are
`Lookup` tables: callable, and holding nothing else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from jinja2.exceptions import TemplateRuntimeError

from kit.course.model import Question as ModelQuestion
from kit.course.model import ResolvedCourse
from kit.course.model import Week as ModelWeek
from kit.load.validate import suggest


@dataclass(frozen=True, slots=True)
class Lookup:
    """A table a template calls with a key, such as `week.slot("opening")`."""

    what: str
    """What the keys name, for the message when one is unknown."""
    table: Mapping[str, Any]
    """The values by key."""

    def __call__(self, key: Any) -> Any:
        try:
            return self.table[key]
        except (KeyError, TypeError):
            raise TemplateRuntimeError(
                f"no {self.what} '{key}'; {suggest(str(key), self.table)}"
            ) from None


@dataclass(frozen=True, slots=True)
class Source:
    """Where a lesson comes from."""

    article: str
    section: str


@dataclass(frozen=True, slots=True)
class Point:
    """One point of the short talk."""

    heading: str
    body: str


@dataclass(frozen=True, slots=True)
class CareContact:
    """Someone couples can turn to for help."""

    name: str
    role: str | None
    phone: str | None
    email: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class Passage:
    """A scripture passage with its text."""

    reference: str
    text: str
    translation: str
    translation_name: str


@dataclass(frozen=True, slots=True)
class Slot:
    """One part of the session."""

    key: str
    minutes: int
    start: dt.time | None
    end: dt.time | None


@dataclass(frozen=True, slots=True)
class Meeting:
    """One row of the schedule: a meeting, or a date with none (`week` is None)."""

    date: dt.date
    week: int | None


@dataclass(frozen=True, slots=True)
class Question:
    """A question as the week asks it."""

    id: str
    text: str
    audience: str
    level: str
    note: str | None
    follow_up: tuple[str, ...]
    optional: bool
    origin: str


@dataclass(frozen=True, slots=True)
class Week:
    """One meeting."""

    number: int
    lesson_id: str
    title: str
    big_idea: str
    sources: tuple[Source, ...]
    date: dt.date | None
    scripture: tuple[Passage, ...]
    slots: tuple[Slot, ...]
    slot: Lookup
    minutes: Lookup
    end: dt.time | None
    opening: str
    points: tuple[Point, ...]
    exercise_title: str
    exercise_steps: tuple[str, ...]
    questions: tuple[Question, ...]
    group_questions: tuple[Question, ...]
    couple_questions: tuple[Question, ...]
    left_out: tuple[Question, ...]
    take_home_title: str
    take_home_steps: tuple[str, ...]
    prayer: str
    prep: tuple[str, ...]
    notes: tuple[str, ...]
    care: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Course:
    """The whole course; no file or folder of it is named here."""

    title: str
    subtitle: str | None
    church: str | None
    leaders: tuple[str, ...]
    minutes: int
    start_time: dt.time | None
    translation: str
    translation_name: str
    care: tuple[CareContact, ...]
    weeks: tuple[Week, ...]
    schedule: tuple[Meeting, ...]
    first_date: dt.date | None
    last_date: dt.date | None


RECORDS: tuple[type, ...] = (
    Source,
    Point,
    CareContact,
    Passage,
    Slot,
    Meeting,
    Question,
    Week,
    Course,
)
"""Every record type a template may see."""

FIELDS: dict[type, frozenset[str]] = {
    cls: frozenset(f.name for f in dataclasses.fields(cls)) for cls in RECORDS
}
"""What a template may read of each record: its fields and nothing else."""


def course_view(course: ResolvedCourse) -> Course:
    """The course as templates see it."""
    weeks = tuple(_week(w) for w in course.weeks)
    return Course(
        title=course.title,
        subtitle=course.subtitle,
        church=course.church,
        leaders=tuple(course.leaders),
        minutes=course.minutes,
        start_time=course.start_time,
        translation=course.translation,
        translation_name=course.translation_name,
        care=tuple(CareContact(c.name, c.role, c.phone, c.email, c.note) for c in course.care),
        weeks=weeks,
        schedule=tuple(Meeting(m.date, m.week) for m in course.schedule),
        first_date=course.first_date,
        last_date=course.last_date,
    )


def _question(q: ModelQuestion) -> Question:
    return Question(
        q.id, q.text, q.audience, q.level, q.note, tuple(q.follow_up), q.optional, q.origin
    )


def _week(week: ModelWeek) -> Week:
    slots = tuple(Slot(s.key, s.minutes, s.start, s.end) for s in week.slots)
    by_key = MappingProxyType({s.key: s for s in slots})
    minutes = MappingProxyType({s.key: s.minutes for s in slots})
    questions = tuple(_question(q) for q in week.questions)
    return Week(
        number=week.number,
        lesson_id=week.lesson_id,
        title=week.title,
        big_idea=week.big_idea,
        sources=tuple(Source(s.article, s.section) for s in week.sources),
        date=week.date,
        scripture=tuple(
            Passage(p.reference, p.text, p.translation, p.translation_name) for p in week.scripture
        ),
        slots=slots,
        slot=Lookup("part", by_key),
        minutes=Lookup("part", minutes),
        end=slots[-1].end if slots else None,
        opening=week.opening,
        points=tuple(Point(p.heading, p.body) for p in week.points),
        exercise_title=week.exercise_title,
        exercise_steps=tuple(week.exercise_steps),
        questions=questions,
        group_questions=tuple(q for q in questions if q.audience == "group"),
        couple_questions=tuple(q for q in questions if q.audience == "couple"),
        left_out=tuple(_question(q) for q in week.left_out),
        take_home_title=week.take_home_title,
        take_home_steps=tuple(week.take_home_steps),
        prayer=week.prayer,
        prep=tuple(week.prep),
        notes=tuple(week.notes),
        care=tuple(week.care),
    )
