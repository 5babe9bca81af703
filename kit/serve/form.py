"""What the page's editor shows: every setting of the course file, read from its data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

from kit.course.model import ResolvedCourse, Week
from kit.dates import format_clock, format_date
from kit.language import translate
from kit.load import declared, schema, scripture
from kit.load.lessons import LessonFile
from kit.serve.checking import language_of
from kit.serve.editing import DEFAULTS
from kit.serve.preview import day

SETTINGS = tuple(
    key
    for key in schema.CourseFile.model_fields
    if (found := declared.field([key])) is not None and found.kind not in ("list", "group")
)
"""Single-value settings the page edits as they are written, in the schema's order."""
EXAMPLE_DAY = dt.datetime(2027, 1, 10, 18, 30)
"""The date and time each date and time style is shown with."""
BRAND_DEPTH = 2
"""How many folders deep brand files are looked for under the course folder."""


@dataclass
class SkipRow:
    """A date with no meeting, as the page shows it: a date box and a label box, or text.

    `short` is True when the file writes the date alone; the label box then turns the
    item into `{date, label}`. A value the date box cannot show (not a date of the
    calendar) is shown in a text box, as it is written, so it can be corrected.
    """

    index: int
    short: bool
    date: str
    label: str


@dataclass
class QuestionRow:
    """One of a lesson's questions as a week asks it."""

    id: str
    text: str
    reworded: str
    audience: str
    level: str
    optional: bool
    dropped: bool
    number: int | None = None
    """The number the handout prints it with; None when the handout leaves it out."""
    for_time: bool = False
    """True when it is left out to fit the session's time."""
    own_note: str = ""
    """The leader note the rewording brings with it in place of the lesson's, if any."""


@dataclass
class AddedRow:
    """A question the course adds to a week."""

    index: int
    text: str
    id: str
    after: str
    audience: str
    level: str
    note: str
    optional: bool
    number: int | None = None
    """The number the handout prints it with; None when the handout leaves it out."""
    for_time: bool = False
    """True when it is left out to fit the session's time."""


@dataclass
class WeekRow:
    """One meeting in the weeks list."""

    index: int
    short: bool
    """True when the week is written as its lesson id alone."""
    lesson: str
    title: str
    lesson_title: str
    big_idea: str
    known: bool
    date: str
    own: dict[str, str] = field(default_factory=dict)
    """The week's own exercise and take-home (`exercise.title`, `take_home.steps`, ...)."""
    lessons_own: dict[str, str] = field(default_factory=dict)
    """The lesson's exercise and take-home, in the same keys, shown until replaced."""
    questions: list[QuestionRow] = field(default_factory=list)
    added: list[AddedRow] = field(default_factory=list)
    extra_drops: list[str] = field(default_factory=list)
    """Dropped ids the lesson does not have (typos), so they can be removed."""
    notices: list[str] = field(default_factory=list)
    """The week's own notices, shown after the course's."""


@dataclass
class Form:
    """Everything the editor shows."""

    leaders: list[dict[str, str]]
    """Each leader's name, table and e-mail: a leader written as a name alone has the name."""
    skip: list[SkipRow]
    care: list[dict[str, str]]
    brand: dict[str, str]
    helplines: dict[str, str]
    weeks: list[WeekRow]
    lessons: list[tuple[str, str, str]]
    brand_files: dict[str, list[str]]
    skipped_dates: list[str]
    choices: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Values a setting is picked from, with the words each is shown in, by setting."""
    picked: dict[str, str] = field(default_factory=dict)
    """The value a setting's control shows: the file's, or the default when it has none."""
    next_lesson: str = ""
    """The lesson Add week offers: the first one no week teaches yet."""
    leader_paths: list[list[str | int]] = field(default_factory=list)
    """Where each leader's name box writes: the item, or a table leader's `name` in it,
    so its table and e-mail are kept."""
    notices: list[str] = field(default_factory=list)
    """The notices for every week."""


def choices(picked: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """What each setting with the schema's choices is picked from, the picked value kept.

    A value the list lacks (a translation not installed, a misspelt style) stays in
    its list as written, so the page shows what the file holds and the check says why.
    """
    versions = scripture.translations()
    language = language_of(picked)

    def unknown(value: str) -> str:
        return translate(language, "%(value)s (unknown)") % {"value": value}

    words = {
        "translation": lambda v: (
            f"{v}: {versions[v.upper()].title}" if v.upper() in versions else unknown(v)
        ),
        "date_style": lambda style: format_date(EXAMPLE_DAY.date(), style=style, language=language),
        "time_style": lambda style: format_clock(
            EXAMPLE_DAY.time(), style=style, language=language
        ),
        # Each language by its own name, as a person who reads it looks for it.
        "language": lambda code: Locale.parse(code).get_display_name(code).capitalize(),
    }
    found = {}
    for key in SETTINGS:
        known, value = declared.field([key]).choices, picked[key]
        if known:
            shown = words.get(key, str)
            found[key] = [(v, shown(v)) for v in known]
            if value not in known:
                found[key].append((value, shown(value) if key == "translation" else unknown(value)))
    return found


def is_date(text: str) -> bool:
    """True when a date box can show `text`: empty, or a calendar date as YYYY-MM-DD.

    A browser shows any other value in a date box as an empty box; such a value is
    shown as text instead, so that it can be seen and corrected.
    """
    try:
        return not text or dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def text_of(value: Any) -> str:
    """A value as the field shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        # A list or mapping where one value belongs is shown as the file writes it.
        return yaml.safe_dump(value, default_flow_style=True, width=10**6).strip()
    return str(value)


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _map(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def build_form(
    data: Any, library: dict[str, LessonFile], course: ResolvedCourse | None, base: Path
) -> Form:
    """The editor's contents for the course file's data, its lessons and, when it loads, dates."""
    data = _map(data)
    weeks = [_week(i, item, library, course) for i, item in enumerate(_list(data.get("weeks")))]
    lessons = [(lid, e.lesson.title, e.lesson.big_idea) for lid, e in library.items()]
    skipped = [text_of(m.date) for m in course.course.schedule if m.week is None] if course else []
    values = {key: text_of(data.get(key)) for key in SETTINGS}
    if isinstance(data.get("time"), float):
        # `time: 18.30` is read as the number 18.3; its two decimals are the minutes.
        values["time"] = f"{data['time']:.2f}"
    used = {w.lesson for w in weeks}
    picked = {key: values[key] or text_of(DEFAULTS.get(key)) for key in SETTINGS}
    return Form(
        leaders=[
            _values(x if isinstance(x, dict) else {"name": x}, schema.TableLeader)
            for x in _list(data.get("leaders"))
        ],
        leader_paths=[
            ["leaders", i, "name"] if isinstance(x, dict) else ["leaders", i]
            for i, x in enumerate(_list(data.get("leaders")))
        ],
        notices=[text_of(x) for x in _list(data.get("notices"))],
        skip=[_skip(i, x) for i, x in enumerate(_list(data.get("skip")))],
        care=[_values(c, schema.CareContact) for c in _list(data.get("care"))],
        brand=_values(data.get("brand"), schema.Brand),
        helplines=_values(data.get("helplines"), schema.Helplines),
        weeks=weeks,
        lessons=lessons,
        brand_files={"slides": brand_files(base, ".pptx"), "document": brand_files(base, ".docx")},
        skipped_dates=skipped,
        choices=choices(picked),
        picked=picked,
        next_lesson=next((lid for lid, _, _ in lessons if lid not in used), ""),
    )


def _values(item: Any, model: type[schema.Model]) -> dict[str, str]:
    """Each field of a mapping of the schema as a box shows it, in the schema's order."""
    return {key: text_of(_map(item).get(key)) for key in model.model_fields}


def _skip(index: int, item: Any) -> SkipRow:
    spec = item if isinstance(item, dict) else {"date": item}
    date = text_of(spec.get("date"))
    return SkipRow(index, not isinstance(item, dict), date, text_of(spec.get("label")))


def _week(
    index: int, item: Any, library: dict[str, LessonFile], course: ResolvedCourse | None
) -> WeekRow:
    spec = {"lesson": item} if isinstance(item, str) else _map(item)
    lesson_id = text_of(spec.get("lesson"))
    entry = library.get(lesson_id)
    date = ""
    weeks = course.course.weeks if course is not None else ()
    if index < len(weeks) and weeks[index].date:
        date = day(course, weeks[index].date)
    row = WeekRow(
        index=index,
        short=isinstance(item, str),
        lesson=lesson_id,
        title=text_of(spec.get("title")),
        lesson_title=entry.lesson.title if entry else "",
        big_idea=entry.lesson.big_idea if entry else "",
        known=entry is not None,
        date=date,
        notices=[text_of(x) for x in _list(spec.get("notices"))],
    )
    for part in ("exercise", "take_home"):
        mine = _map(spec.get(part))
        row.own[f"{part}.title"] = text_of(mine.get("title"))
        row.own[f"{part}.steps"] = "\n".join(text_of(x) for x in _list(mine.get("steps")))
        if entry:
            theirs = getattr(entry.lesson, part)
            row.lessons_own[f"{part}.title"] = theirs.title
            row.lessons_own[f"{part}.steps"] = "\n".join(theirs.steps)
    changes = _map(spec.get("questions"))
    drops = [text_of(d) for d in _list(changes.get("drop"))]
    # A rewording with its own leader note is {text, note, follow_up}: the box shows the text.
    replace = {
        str(k): text_of(v["text"] if isinstance(v, dict) and "text" in v else v)
        for k, v in _map(changes.get("replace")).items()
    }
    notes = {
        str(k): text_of(v.get("note"))
        for k, v in _map(changes.get("replace")).items()
        if isinstance(v, dict)
    }
    if entry:
        ids = {q.id for q in entry.lesson.questions}
        row.questions = [
            QuestionRow(
                q.id,
                q.text,
                replace.get(q.id, ""),
                q.audience,
                q.level,
                q.optional,
                q.id in drops,
                own_note=notes.get(q.id, ""),
            )
            for q in entry.lesson.questions
        ]
        row.extra_drops = [d for d in drops if d not in ids]
    for j, add in enumerate(_list(changes.get("add"))):
        add = _map(add)
        row.added.append(
            AddedRow(
                index=j,
                text=text_of(add.get("text")),
                id=text_of(add.get("id")),
                after=text_of(add.get("after")),
                audience=text_of(add.get("audience")) or "group",
                level=text_of(add.get("level")) or "open",
                note=text_of(add.get("note")),
                optional=add.get("optional") is True,
            )
        )
    _number(row, weeks[index] if index < len(weeks) else None)
    return row


def _number(row: WeekRow, week: Week | None) -> None:
    """Number the week's questions as its handout does: those asked, in the order asked.

    A loaded course says which questions the handout prints, after drops, additions
    and any left out to fit the time; a course that does not load yet is numbered
    the same way, without the time.
    """
    added = {f"{row.lesson}-added-{a.index + 1}": a for a in row.added if not a.id}
    added.update({a.id: a for a in row.added if a.id})
    if week is not None and week.lesson_id == row.lesson:
        asked = [q.id for q in week.questions]
        for_time = {q.id for q in week.left_out}
    else:
        asked = [q.id for q in row.questions if not q.dropped]
        for key, a in added.items():
            at = asked.index(a.after) + 1 if a.after in asked else len(asked)
            asked.insert(at, key)
        for_time = set()
    numbers = {qid: n for n, qid in enumerate(asked, 1)}
    for q in row.questions:
        q.number = None if q.dropped else numbers.get(q.id)
        q.for_time = q.id in for_time and not q.dropped
    for key, a in added.items():
        a.number, a.for_time = numbers.get(key), key in for_time


def brand_files(base: Path, suffix: str) -> list[str]:
    """Office files of one kind in the course folder and the folders just under it."""
    found: list[str] = []
    for depth in range(BRAND_DEPTH):
        pattern = "/".join(["*"] * depth + [f"*{suffix}"])
        for path in sorted(base.glob(pattern)):
            rel = path.relative_to(base)
            # Hidden folders, Office's lock files (~$x.docx) and built kits are not brands:
            # a folder kit built into keeps its record, whatever it is called.
            hidden = any(p.startswith((".", "~$")) for p in rel.parts)
            built = (path.parent / ".kit-manifest.json").exists()
            if path.is_file() and not hidden and not built and rel.parts[0] != "build":
                found.append(rel.as_posix())
    return found
