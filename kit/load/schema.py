"""The course and lesson file formats: every field once, with its type and meaning."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    model_validator,
)

from kit.load.date_reading import read_clock, read_date
from kit.load.scripture import DEFAULT_TRANSLATION, SPANISH

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$")

NOTICE_LENGTH = 80
"""Most characters in one notice: a short line that fits the handout and the closing slide."""


def _text(value: str) -> str:
    bad = _XML_ILLEGAL.search(value)
    if bad:
        raise ValueError(
            f"contains the control character U+{ord(bad.group()):04X}, "
            "which documents cannot hold; delete it"
        )
    value = value.strip()
    if not value:
        raise ValueError("is empty; write it, or leave the line out if it is optional")
    return value


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        example = "-".join(re.findall(r"[a-z0-9]+", value.lower()))
        such = f", such as '{example}'" if example else ""
        raise ValueError(
            f"'{value}' cannot be an id: an id is lowercase letters, digits and hyphens{such}"
        )
    return value


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"'{value}' is not an e-mail address; write it as name@example.org")
    return value


def _notice(value: str) -> str:
    if len(value) > NOTICE_LENGTH:
        raise ValueError(
            f"is {len(value)} characters long; a notice takes at most {NOTICE_LENGTH}, "
            'a short line such as "Childcare in Room 104"'
        )
    return value


Text = Annotated[str, AfterValidator(_text)]
"""Non-empty text with surrounding space removed and no characters XML cannot hold."""
Slug = Annotated[str, AfterValidator(_slug)]
"""A lowercase id of letters, digits and hyphens."""
Email = Annotated[str, AfterValidator(_text), AfterValidator(_email)]
"""An e-mail address: name@example.org."""
Notice = Annotated[str, AfterValidator(_text), AfterValidator(_notice)]
"""A short line from the church, such as "Childcare in Room 104"."""
IsoDate = Annotated[dt.date, BeforeValidator(read_date)]
"""A calendar date written year-month-day: 2027-01-10 or 2027-1-10."""
Clock = Annotated[dt.time, BeforeValidator(read_clock)]
"""A time of day: 18:30, 18.30, 6:30 PM, 6:30pm or 6pm."""
Minutes = Annotated[int, Field(ge=1, le=180, strict=True)]
"""Whole minutes for one part of a session."""
DateStyle = Literal["us", "international", "iso"]
"""How outputs write dates (see kit/dates.py)."""
TimeStyle = Literal["12h", "24h"]
"""How outputs write clock times (see kit/dates.py)."""
Language = Literal["en", "es"]
"""A language kit writes its outputs in: en English, es Spanish."""
Audience = Literal["group", "couple"]
Level = Literal["open", "dig", "reflect"]


class Model(BaseModel):
    """Base of every file model: unknown keys are errors, fields keep their docstrings."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=True, str_strip_whitespace=False
    )


# --- lesson file -------------------------------------------------------------------


class Source(Model):
    """Where a lesson's material comes from."""

    article: Text
    """Title of the source article; for one without a title, a plain description of it."""
    section: Text | None = None
    """The heading of the section drawn on, exactly as the article gives it."""
    part: Text | None = None
    """Optional: a plain description of a part with no heading of its own, such as "its
    opening paragraphs" or "a reader's comment under it"; never an invented heading."""
    author: Text | None = None
    """Optional: the writer as the article names them, or "not named" when it does not."""
    subtitle: Text | None = None
    """Optional: the part of the title after its colon, printed as "article: subtitle"."""
    site: Text | None = None
    """Optional: the website or publisher the article appeared on."""
    date: Text | None = None
    """Optional: the article's date as it gives it, e.g. "November 16, 2016"."""
    description: Text | None = None
    """Optional: a line saying what the article is, for the leader guide's Sources page."""


class Opening(Model):
    """The warm-up question for the whole room."""

    question: Text
    """A question anyone can answer without risk."""
    minutes: Minutes
    """Minutes at the lesson's natural length."""


class Point(Model):
    """One point of the short talk."""

    heading: Text
    """A short heading for the point."""
    body: Text
    """A few sentences a leader can say aloud."""
    slide: Text | None = None
    """Optional: a short line for the face of the slide; the heading alone when absent."""
    talk: list[Text] = []
    """Optional: the point as the host speaks it, a paragraph each; the guide prints it
    and the slide's speaker notes carry it."""
    story: Text | None = None
    """Optional: marks the place after this point for the host couple's own story, and
    says what kind of story fits."""


class Teaching(Model):
    """The short talk."""

    minutes: Minutes
    """Minutes at the lesson's natural length."""
    points: list[Point] = Field(min_length=1, max_length=8)
    """The talk's points, one slide each."""


class Exercise(Model):
    """The private couple exercise."""

    title: Text
    """Name of the exercise."""
    minutes: Minutes
    """Minutes at the lesson's natural length."""
    steps: list[Text] = Field(min_length=1)
    """What each couple does, in order."""
    bring: Text | None = None
    """Optional: what each couple brings for the exercise ("a calendar or phone"); the
    meeting before reminds them."""
    reflection: Text | None = None
    """Optional: a quiet reflection each person may do alone instead, offered beside the
    steps so that choosing it is never conspicuous."""


class Discussion(Model):
    """The discussion part of the session."""

    minutes: Minutes
    """Minutes at the lesson's natural length."""


class QuestionBase(Model):
    """How a discussion question is asked, whether a lesson has it or a course adds it."""

    audience: Audience = "group"
    """group: asked of the table and shown on slides; couple: private to each couple."""
    level: Level = "open"
    """open, dig or reflect."""
    note: Text | None = None
    """Leader-only: what to listen for and how to follow up."""
    follow_up: list[Text] = []
    """Leader-only follow-up questions."""
    optional: bool = False
    """True for the questions to leave out first when time is short."""


class LessonQuestion(QuestionBase):
    """A discussion question."""

    id: Slug
    """Unique id, prefixed with the lesson id."""
    text: Text
    """The question as it is asked."""


class TakeHome(Model):
    """The challenge for the week ahead."""

    title: Text
    """Name of the challenge."""
    steps: list[Text] = Field(min_length=1)
    """What to do during the week."""
    private: Text | None = None
    """Optional: a word for each couple alone about the physical side of marriage, printed
    on the handout only (never on a slide or in the group); a course may leave it out."""


class Prayer(Model):
    """The closing prayer."""

    minutes: Minutes
    """Minutes at the lesson's natural length."""
    prompt: Text
    """What to pray about; nobody is asked to pray aloud."""


class LeaderNotes(Model):
    """Leader-only notes for the week."""

    prep: list[Text] = []
    """What a table leader does before the night."""
    host: list[Text] = []
    """What the host does before and on the night (slides, teaching, timing); guide only."""
    notes: list[Text] = []
    """How to lead the conversation at a table."""
    care: list[Text] = []
    """What to do when a couple is hurting, and when to refer."""


class Lesson(Model):
    """A lesson file."""

    id: Slug
    """Unique lesson id."""
    title: Text
    """The lesson's title."""
    big_idea: Text
    """One sentence the whole room should remember."""
    sources: list[Source] = []
    """Articles and sections the lesson is written from."""
    scripture: list[Text] = Field(default=[], max_length=6)
    """Scripture references; their text comes from the course's translation."""
    opening: Opening
    """The warm-up."""
    teaching: Teaching
    """The short talk."""
    exercise: Exercise
    """The private couple exercise."""
    discussion: Discussion
    """The discussion part."""
    questions: list[LessonQuestion] = Field(min_length=1)
    """Discussion questions, in the order they are asked."""
    take_home: TakeHome
    """The challenge for the week ahead."""
    prayer: Prayer
    """The closing prayer."""
    leader: LeaderNotes = LeaderNotes()
    """Leader-only preparation, facilitation and care notes."""


# --- course file -------------------------------------------------------------------


class Setting(Model):
    """Base of the course file's models: an optional key left empty takes its default."""

    @model_validator(mode="before")
    @classmethod
    def _empty_is_default(cls, data: Any) -> Any:
        # A coordinator clears `skip:` or `drop:` to mean "none"; YAML reads that as null.
        if not isinstance(data, dict):
            return data
        fields = cls.model_fields
        return {
            key: value
            for key, value in data.items()
            if value is not None or key not in fields or fields[key].is_required()
        }


class CareContact(Setting):
    """Someone couples can turn to for help."""

    name: Text
    """Person or service."""
    role: Text | None = None
    """What they do, e.g. "Care pastor"."""
    phone: Text | None = None
    """Phone number."""
    email: Text | None = None
    """E-mail address."""
    note: Text | None = None
    """Anything else, e.g. its hours or a website."""


class Helplines(Setting):
    """The lines for abuse at home and for suicide where the church is."""

    abuse: Text | None = None
    """Whom to call about abuse at home, and how, e.g. "Refuge: call 0808 2000 247"."""
    crisis: Text | None = None
    """Whom to call when someone thinks of harming themselves, e.g. "Samaritans: call 116 123"."""


class TableLeader(Setting):
    """Someone who leads a table, and gets a packet of the table's notes."""

    name: Text
    """Their name or names, e.g. "Dan & Mia Lopez"; it names their packet's file."""
    table: int | None = Field(default=None, ge=1, strict=True)
    """The number of the table they lead."""
    email: Email | None = None
    """E-mail address, to send them their packet."""


LEADER_TAGS = ("<name>", "<table leader>")
"""Names of the two kinds of leader, which kit/load/validate.py leaves out of error paths."""


def _leader_kind(value: Any) -> str:
    return LEADER_TAGS[1] if isinstance(value, (dict, TableLeader)) else LEADER_TAGS[0]


Leader = Annotated[
    Annotated[Text, Tag(LEADER_TAGS[0])] | Annotated[TableLeader, Tag(LEADER_TAGS[1])],
    Discriminator(_leader_kind),
]
"""Who leads the course (a name), or a table leader ({name, table, email})."""


class Brand(Model):
    """The church's own Office templates."""

    slides: Text | None = None
    """A .pptx whose theme and layouts the decks use."""
    document: Text | None = None
    """A .docx whose styles, page setup, header and footer the documents use."""


class AddedQuestion(Setting, QuestionBase):
    """A question a course adds to a week."""

    text: Text
    """The question as it is asked."""
    id: Slug | None = None
    """Optional id, so later changes can name it."""
    after: Slug | None = None
    """Id of the question it follows; at the end when absent."""


class Rewording(Setting):
    """A week's own version of one of its lesson's questions; what it leaves out stays."""

    text: Text | None = None
    """New wording; the lesson's note and follow-ups stay unless given here too."""
    note: Text | None = None
    """A new leader-only note."""
    follow_up: list[Text] | None = None
    """New leader-only follow-up questions; [] for none."""

    @model_validator(mode="after")
    def _changes_something(self) -> Rewording:
        if self.text is None and self.note is None and self.follow_up is None:
            raise ValueError("give the new text, note or follow_up")
        return self


def _rewording_shorthand(value: Any) -> Any:
    return value if isinstance(value, dict) else {"text": value}


class QuestionChanges(Setting):
    """A week's changes to its lesson's questions, applied drop, replace, add."""

    drop: list[Slug] = []
    """Ids of questions to leave out."""
    replace: dict[str, Annotated[Rewording, BeforeValidator(_rewording_shorthand)]] = {}
    """New wording by question id, or {text, note, follow_up}; the question keeps its place."""
    add: list[AddedQuestion] = []
    """New questions."""


class OwnVersion(Setting):
    """A week's own version of the couple exercise or of the take-home challenge."""

    title: Text | None = None
    """Its new name."""
    steps: list[Text] | None = Field(default=None, min_length=1)
    """Its new steps, in order."""


class Skip(Setting):
    """A date with no meeting."""

    date: IsoDate
    """The date nobody meets; the meetings after it move on."""
    label: Text | None = None
    """Why, e.g. "Thanksgiving"; shown beside the date."""


def _skip_shorthand(value: Any) -> Any:
    return value if isinstance(value, dict) else {"date": value}


def _week_shorthand(value: Any) -> Any:
    return {"lesson": value} if isinstance(value, str) else value


class WeekEntry(Setting):
    """One meeting of the course."""

    lesson: Slug
    """Id of the lesson taught that week."""
    title: Text | None = None
    """A title for this week instead of the lesson's."""
    questions: QuestionChanges = QuestionChanges()
    """Changes to the lesson's questions."""
    exercise: OwnVersion | None = None
    """Changes to the couple exercise."""
    take_home: OwnVersion | None = None
    """Changes to the take-home challenge."""
    notices: list[Notice] = []
    """This week's own notices, after the course's: its handout, notes and closing slide."""


class CourseFile(Setting):
    """A course file."""

    title: Text
    """The course's title, on every cover and footer."""
    subtitle: Text | None = None
    """Optional: a line under the title."""
    church: Text | None = None
    """Optional: the church's name, on covers and footers."""
    leaders: list[Leader] = []
    """Who leads the course, a name each, and table leaders as {name, table, email}."""
    start: IsoDate | None = None
    """Date of the first meeting; without it the materials are undated."""
    every: int = Field(default=1, ge=1, le=4, strict=True)
    """Weeks between meetings: 1 weekly, 2 every other week."""
    skip: list[Annotated[Skip, BeforeValidator(_skip_shorthand)]] = []
    """Dates with no meeting, each a date or {date, label}; later meetings move on."""
    time: Clock | None = None
    """Start time of the meetings; leader notes then show the clock time of every part."""
    place: Text | None = None
    """Optional: where you meet, e.g. Fellowship Hall, for people's calendars (course.ics)."""
    language: Language = "en"
    """The language of the outputs and of the built-in lessons: en (English) or es (Spanish)."""
    date_style: DateStyle = "us"
    """How dates are written: us (January 10, 2027), international (10 January 2027) or iso."""
    time_style: TimeStyle = "12h"
    """How leader notes and the guide write clock times: 12h (6:30 pm) or 24h (18:30)."""
    minutes: int = Field(default=90, ge=45, le=180, strict=True)
    """Session length in minutes; every week is fitted to it exactly."""
    arrival: int | None = Field(default=None, ge=5, le=60, strict=True)
    """Optional: minutes for arriving and a meal or dessert before the opening question;
    the session's other parts share the rest of its minutes."""
    translation: Text = DEFAULT_TRANSLATION
    """The Bible translation every passage is quoted in, by its code: WEB, KJV, ASV, ...;
    a Spanish course that names none quotes the Reina-Valera 1909 (RV1909)."""
    intimacy: bool = Field(default=True, strict=True)
    """Each lesson's private word to couples on the physical side of marriage, on the
    handout only, never on a slide or in the group; false leaves it out."""
    large_print: bool = Field(default=False, strict=True)
    """A copy of each handout and of the couples' booklet in bigger type (16 pt, lines
    spaced wider) beside the usual ones, for couples who find small print hard to read."""
    care: list[CareContact] = []
    """Local help, printed on the care page, in leader notes and in handouts."""
    helplines: Helplines = Helplines()
    """The abuse and crisis lines for the church's country; the US lines when not given."""
    notices: list[Notice] = []
    """Short lines for every week ("Childcare in Room 104"): handouts, notes, closing slides."""
    brand: Brand = Brand()
    """The church's Office templates."""
    templates: Text | None = None
    """Optional: a folder of jinja2 templates, relative to the course file, overriding kit's."""
    lessons: Text | None = None
    """Optional: a folder of lessons, relative to the course file, replacing built-ins by id."""
    weeks: list[Annotated[WeekEntry, BeforeValidator(_week_shorthand)]] = Field(min_length=1)
    """The weeks in order: a lesson id, or a mapping with changes."""

    @model_validator(mode="before")
    @classmethod
    def _translation_of_its_language(cls, data: Any) -> Any:
        # A Spanish class reads a Spanish Bible unless the course file names another.
        if isinstance(data, dict) and data.get("language") == "es" and not data.get("translation"):
            return {**data, "translation": SPANISH}
        return data
