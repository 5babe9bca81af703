"""The course model: a resolved course as templates read it, and the build's files beside it.

A course folder may come from anyone, and its templates run on the computer that builds
it. So `Course` and the records it holds are frozen data: values, other records and
properties that compute only from fields; no pydantic model (they read files and
unpickle), no path, no message. The sandbox lets a template read only the fields and
properties of `TEMPLATE_RECORDS`. What only the build reads is in `ResolvedCourse`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from kit.check.questions import Question
from kit.check.schedule import Meeting
from kit.check.timing import (
    GROUND_RULES,
    Slot,
    couple_minutes,
    couple_questions_tonight,
    fit_session,
    session_parts,
)
from kit.errors import Problem
from kit.load.schema import Lesson
from kit.load.scripture import Passage
from kit.templating.records import Lookup

ARRIVAL = "arrival"
"""The part a course with `arrival` minutes puts first: couples arrive and eat."""


def fitted_parts(
    lesson: Lesson, number: int, minutes: int, arrival: int | None = None
) -> list[tuple[str, int]]:
    """Week `number`'s parts with their minutes fitted to a session of `minutes`.

    An arrival part keeps its own minutes and comes first; the lesson's parts share the rest.
    """
    keys, natural = zip(*session_parts(lesson, number), strict=True)
    fitted = fit_session(natural, minutes - (arrival or 0))
    parts = list(zip(keys, fitted, strict=True))
    return [(ARRIVAL, arrival), *parts] if arrival else parts


# What the lesson and course files give, as records; kit/load/schema.py documents each field.


@dataclass(frozen=True, slots=True)
class SourceArticle:
    """Where a lesson's material comes from: a lesson file's `sources` entry."""

    article: str
    section: str | None = None
    part: str | None = None
    author: str | None = None
    subtitle: str | None = None
    site: str | None = None
    date: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class TeachingPoint:
    """One point of the short talk: a lesson file's `teaching.points` entry."""

    heading: str
    body: str
    slide: str | None = None
    talk: tuple[str, ...] = ()
    story: str | None = None


@dataclass(frozen=True, slots=True)
class HelpContact:
    """Someone couples can turn to for help: a course file's `care` entry."""

    name: str
    role: str | None = None
    phone: str | None = None
    email: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class CrisisLines:
    """The lines for abuse at home and for suicide: a course file's `helplines`."""

    abuse: str | None = None
    crisis: str | None = None


@dataclass(frozen=True, slots=True)
class LeaderOfTable:
    """Someone who leads a table and gets its packet: a course file's `leaders` entry."""

    name: str
    table: int | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Week:
    """One meeting, fully resolved."""

    number: int
    """1-based week number."""
    lesson_id: str
    """Id of the lesson taught."""
    title: str
    """The week's title (the lesson's unless the course gives one)."""
    big_idea: str
    """One sentence to remember."""
    sources: tuple[SourceArticle, ...]
    """Where the lesson comes from."""
    date: dt.date | None
    """Meeting date, when the course has a start."""
    scripture: tuple[Passage, ...]
    """Passages with their text."""
    slots: tuple[Slot, ...]
    """The parts of the session with fitted minutes and clock times."""
    opening: str
    """The opening question."""
    points: tuple[TeachingPoint, ...]
    """Teaching points."""
    exercise_title: str
    """Name of the couple exercise."""
    exercise_steps: tuple[str, ...]
    """Steps of the couple exercise."""
    bring: str | None
    """What each couple brings for the exercise; the meeting before reminds them."""
    reflection: str | None
    """A quiet reflection for one person alone, offered instead of the exercise."""
    questions: tuple[Question, ...]
    """Questions asked, in order."""
    left_out: tuple[Question, ...]
    """Questions left out because the session is too short for them."""
    take_home_title: str
    """Name of the take-home challenge."""
    take_home_steps: tuple[str, ...]
    """Steps of the take-home challenge."""
    private: str | None
    """A word for each couple alone on the physical side of marriage: the handout only."""
    prayer: str
    """Closing prayer prompt."""
    prep: tuple[str, ...]
    """Leader-only: a table leader's preparation."""
    host: tuple[str, ...]
    """Host-only: preparing and running the room; in the leader guide, not the leader notes."""
    notes: tuple[str, ...]
    """Leader-only: facilitation."""
    care: tuple[str, ...]
    """Leader-only: care and referral."""
    skipped_after: tuple[Meeting, ...] = ()
    """Dates with no meeting between this week's meeting and the next."""
    notices: tuple[str, ...] = ()
    """The church's notices for the week: the course's own, then the week's."""
    slot: Lookup = field(init=False, repr=False, compare=False)
    """One part of the session by its key: `week.slot("opening")`."""
    minutes: Lookup = field(init=False, repr=False, compare=False)
    """Fitted minutes of one part by its key: `week.minutes("exercise")`."""

    def __post_init__(self) -> None:
        # Lookups, not methods, so a template may call them and reach nothing else.
        parts = MappingProxyType({s.key: s for s in self.slots})
        minutes = MappingProxyType({k: s.minutes for k, s in parts.items()})
        object.__setattr__(self, "slot", Lookup("part", parts))
        object.__setattr__(self, "minutes", Lookup("part", minutes))

    @property
    def has_ground_rules(self) -> bool:
        """True for the week whose session holds the ground rules (the first)."""
        return any(s.key == GROUND_RULES[0] for s in self.slots)

    @property
    def group_questions(self) -> tuple[Question, ...]:
        """Questions for the whole table: the ones that go on slides."""
        return tuple(q for q in self.questions if q.audience == "group")

    @property
    def couple_questions(self) -> tuple[Question, ...]:
        """Questions private to each couple."""
        return tuple(q for q in self.questions if q.audience == "couple")

    @property
    def scripture_places(self) -> tuple[tuple[tuple[int, Passage], ...], ...]:
        """Where the deck shows each passage, numbered in the order shown: first those no
        teaching point names (after the big idea), then, for each point in turn, those it
        is the first to name (after the point's slide)."""
        # The host reads a passage when the talk brings it in, not before the talk starts.
        first = [_first_naming(p, self.points) for p in self.scripture]
        places = [
            [p for p, at in zip(self.scripture, first, strict=True) if at == place]
            for place in (None, *range(len(self.points)))
        ]
        shown = iter(range(1, len(self.scripture) + 1))
        return tuple(tuple((next(shown), p) for p in place) for place in places)

    @property
    def couple_minutes(self) -> int:
        """Minutes of the discussion couples spend apart on their own questions; 0 when the
        discussion is not split between the table and the couples."""
        # Time apart is a share of the evening's table time, which arrival is not.
        return couple_minutes(
            sum(s.minutes for s in self.slots if s.key != ARRIVAL),
            self.minutes("exercise"),
            self.minutes("discussion"),
            len(self.couple_questions),
            len(self.group_questions),
        )

    @property
    def couple_at_home(self) -> tuple[Question, ...]:
        """The couples' own questions there is no time for tonight: theirs to take home."""
        tonight = couple_questions_tonight(self.couple_minutes, len(self.couple_questions))
        return self.couple_questions[tonight:] if self.couple_minutes else ()

    @property
    def end(self) -> dt.time | None:
        """Clock time the session ends, when the course has a start time."""
        return self.slots[-1].end


def _first_naming(passage: Passage, points: tuple[TeachingPoint, ...]) -> int | None:
    """The first point whose words name the passage or one of its verses."""
    chapter, _, verses = passage.reference.rpartition(":")
    first, _, last = verses.partition("\u2013")
    if not (chapter and first.isdigit() and (last or first).isdigit()):
        return None
    names = "|".join(re.escape(f"{chapter}:{v}") for v in range(int(first), int(last or first) + 1))
    # "Ephesians 4:2" names verse 2, not verse 25.
    named = re.compile(rf"(?:{names})(?!\d)")
    return next(
        (i for i, p in enumerate(points) if named.search(" ".join((p.body, *p.talk)))),
        None,
    )


@dataclass(frozen=True, slots=True)
class Course:
    """A course with its lessons, timing, dates and scripture resolved: what templates read."""

    title: str
    """Course title."""
    subtitle: str | None
    """Line under the title."""
    church: str | None
    """Church name."""
    leaders: tuple[str, ...]
    """Course leaders, as the course file names them in plain words."""
    minutes: int
    """Session length."""
    every: int
    """Weeks between meetings."""
    start_time: dt.time | None
    """Clock time sessions start."""
    translation: str
    """Translation code."""
    translation_name: str
    """Translation name."""
    care: tuple[HelpContact, ...]
    """Local help."""
    weeks: tuple[Week, ...]
    """The meetings in order."""
    schedule: tuple[Meeting, ...] = ()
    """Dates, including skipped ones; empty without a start date."""
    date_style: str = "us"
    """How outputs write dates: us, international or iso (kit/dates.py)."""
    time_style: str = "12h"
    """How outputs write clock times: 12h or 24h."""
    language: str = "en"
    """The language of the outputs: en or es."""
    place: str | None = None
    """Where the class meets."""
    table_leaders: tuple[LeaderOfTable, ...] = ()
    """Table leaders named with their table and e-mail; each gets a packet."""
    large_print: bool = False
    """Also write large-print copies of the handouts and the couples' booklet."""
    helplines: CrisisLines = CrisisLines()
    """The abuse and crisis lines for the church's country; the templates' US lines when
    neither is given."""
    arrival: int | None = None
    """Minutes for arrival and food before the opening question, when the course has them."""

    @property
    def span(self) -> int:
        """Weeks the course spans: the first meeting's week, the last's and those between.

        Six meetings every other week span 11 weeks, as a calendar shows them; a skipped
        date adds its weeks. Without dates, the rhythm alone gives the span.
        """
        if self.first_date and self.last_date:
            return (self.last_date - self.first_date).days // 7 + 1
        return (len(self.weeks) - 1) * self.every + 1 if self.weeks else 0

    @property
    def first_date(self) -> dt.date | None:
        """Date of the first meeting."""
        return self.weeks[0].date if self.weeks else None

    @property
    def last_date(self) -> dt.date | None:
        """Date of the last meeting."""
        return self.weeks[-1].date if self.weeks else None


@dataclass(frozen=True, slots=True)
class CourseFiles:
    """The files a build reads besides the course, and the course file's name in messages."""

    brand_slides: Path | None = None
    """The church's .pptx template."""
    brand_document: Path | None = None
    """The church's .docx template."""
    templates_dir: Path | None = None
    """Folder of templates overriding the built-in ones."""
    course_dir: Path | None = None
    """The folder holding the course file; its templates may resolve only inside it."""
    source: str = "<built-in>"
    """The course file as messages name it."""


@dataclass(frozen=True, slots=True)
class ResolvedCourse:
    """A course ready to build: what its templates read, and what only the build reads."""

    course: Course
    """The course, as templates read it."""
    files: CourseFiles = CourseFiles()
    """Its church templates, template folder and course folder."""
    warnings: tuple[Problem, ...] = ()
    """Located warnings from loading: worth a look, but the course builds."""


TEMPLATE_RECORDS: tuple[type, ...] = (
    Course, Week, TeachingPoint, SourceArticle, HelpContact, CrisisLines, LeaderOfTable,
    Question, Slot, Passage, Meeting,
)  # fmt: skip
"""The records templates reach from a course: they may read only their fields and properties."""
