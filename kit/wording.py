"""Course values in lesson text: `{weeks}`, `{week}`, `{next}` and `{until}`, for each week.

A lesson is taught in courses of any length, so its text must not say "six weeks"
when a course has five. Lesson text (and a course's own wording) may name the
course through these placeholders instead:

    {weeks}   the course's length with its noun: "six weeks", "one week"
    {week}    this week's number: "3"
    {next}    the title of the next week's lesson; in the last week "what comes next"
    {until}   "before we meet again"; in the last week "in the weeks ahead"

Written with a capital (`{Weeks}`, `{Next}`) the value starts with one. `{{` and `}}`
stand for a brace itself. Any other `{name}` is a problem `kit check` reports, and
a text that names a number of weeks other than the course's is a warning.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from kit.language import N_, translate, translate_plural

NAMES = ("weeks", "week", "next", "until")
"""The placeholders lesson text may use."""

LAST_NEXT = N_("what comes next")
"""What `{next}` says in the last week, which has no next lesson."""
UNTIL, LAST_UNTIL = N_("before we meet again"), N_("in the weeks ahead")
"""What `{until}` says before the last meeting, and at it."""
_WORDS = [
    N_("zero"),
    N_("one"),
    N_("two"),
    N_("three"),
    N_("four"),
    N_("five"),
    N_("six"),
    N_("seven"),
    N_("eight"),
    N_("nine"),
    N_("ten"),
    N_("eleven"),
    N_("twelve"),
    N_("thirteen"),
    N_("fourteen"),
    N_("fifteen"),
    N_("sixteen"),
    N_("seventeen"),
    N_("eighteen"),
    N_("nineteen"),
    N_("twenty"),
]
"""The counts up to twenty as English writes them, each marked for the catalog, which
says it in a course's language for `{weeks}` (a count of weeks: in Spanish "una semana")."""


_SPANISH_WORDS = [
    "cero",
    "una|uno|un",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis|dieciseis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
]
"""The same counts as Spanish writes them, so a Spanish course's "seis semanas" is read
as its English "six weeks" is."""

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_]+)\}")

_NUMBER = r"(?P<n>\d{1,2}|" + "|".join(_WORDS[1:]) + r")"
_COURSE_WEEKS = re.compile(
    r"\b(?:these|those|our|the|all|this|past|first|over)\s+" + _NUMBER + r"\s+weeks\b"
    r"|\b" + _NUMBER.replace("?P<n>", "?P<m>") + r"[-\s]weeks?\s+"
    r"(?:of\b|together\b|course\b|study\b|class\b|series\b|program\b|journey\b|group\b)",
    re.IGNORECASE,
)
"""Phrases that speak of the course's length: "these six weeks", "a 6-week course",
"Six Weeks of ...". A plain duration ("in the next two weeks") is not one of them."""

_NUMERO = r"(?P<s>\d{1,2}|" + "|".join(_SPANISH_WORDS[1:]) + r")"
_SPANISH_COURSE_WEEKS = re.compile(
    r"\b(?:estas|esas|nuestras|las|todas\s+las|primeras|últimas)\s+" + _NUMERO + r"\s+semanas\b"
    r"|\b(?:curso|estudio|clase|serie|programa|grupo|camino|recorrido)\s+de\s+"
    + _NUMERO.replace("?P<s>", "?P<t>")
    + r"\s+semanas\b",
    re.IGNORECASE,
)
"""The same in Spanish: "estas seis semanas", "un curso de 6 semanas"."""


def number_word(n: int) -> str:
    """A count as a word up to twenty, in digits beyond."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def values(number: int, count: int, next_title: str | None, language: str = "en") -> dict[str, str]:
    """What each placeholder says in week `number` of a course of `count` weeks."""
    said = translate(language, _WORDS[count]) if 0 <= count < len(_WORDS) else str(count)
    return {
        "weeks": translate_plural(language, "%(count)s week", "%(count)s weeks", count)
        % {"count": said},
        "week": str(number),
        "next": next_title if next_title is not None else translate(language, LAST_NEXT),
        "until": translate(language, UNTIL if next_title is not None else LAST_UNTIL),
    }


def fill(text: str, given: dict[str, str]) -> str:
    """Text with its placeholders filled; unknown names are left as written."""
    if "{" not in text and "}" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        token, name = match.group(), match.group(1)
        if name is None:
            return token[0]
        value = given.get(name.lower())
        if value is None:
            return token
        return value[:1].upper() + value[1:] if name[0].isupper() else value

    return _PLACEHOLDER.sub(one, text)


def unknown(text: str) -> list[str]:
    """Placeholder names in a text that kit does not know."""
    return [
        m.group(1)
        for m in _PLACEHOLDER.finditer(text)
        if m.group(1) is not None and m.group(1).lower() not in NAMES
    ]


_TITLE_WEEKS = re.compile(
    r"\b" + _NUMBER + r"[-\s]weeks?\b|\b" + _NUMERO + r"\s+semanas?\b", re.IGNORECASE
)
"""In a title any number of weeks is the course's length: "Five Weeks Closer", "Más cerca
en seis semanas"."""


def weeks_named(text: str, *, title: bool = False) -> list[int]:
    """Course lengths a text names in words or digits ("these six weeks" gives 6).

    With `title`, the text is a course's title or subtitle, where any "N weeks" counts.
    """
    found = []
    patterns = (_TITLE_WEEKS,) if title else (_COURSE_WEEKS, _SPANISH_COURSE_WEEKS)
    for pattern in patterns:
        for match in pattern.finditer(text):
            word = next(w for w in match.groupdict().values() if w is not None).lower()
            found.append(_count(word))
    return found


def _count(word: str) -> int:
    """A count written in digits, or as an English or Spanish word."""
    if word.isdigit():
        return int(word)
    if word in _WORDS:
        return _WORDS.index(word)
    return next(n for n, said in enumerate(_SPANISH_WORDS) if word in said.split("|"))


def strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string in loaded YAML with its path, for located messages."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from strings(value, (*path, i))


def fill_week(week: Any, given: dict[str, str]) -> Any:
    """A resolved week with the placeholders in all its text filled."""

    def text(value: str) -> str:
        return fill(value, given)

    def texts(items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(text(t) for t in items)

    def question(q: Any) -> Any:
        return dataclasses.replace(
            q,
            text=text(q.text),
            note=text(q.note) if q.note else q.note,
            follow_up=texts(q.follow_up),
        )

    points = tuple(
        dataclasses.replace(
            p,
            heading=text(p.heading),
            body=text(p.body),
            slide=text(p.slide) if p.slide else p.slide,
            talk=texts(p.talk),
            story=text(p.story) if p.story else p.story,
        )
        for p in week.points
    )
    return dataclasses.replace(
        week,
        title=text(week.title),
        big_idea=text(week.big_idea),
        opening=text(week.opening),
        points=points,
        exercise_title=text(week.exercise_title),
        exercise_steps=texts(week.exercise_steps),
        bring=text(week.bring) if week.bring else week.bring,
        reflection=text(week.reflection) if week.reflection else week.reflection,
        questions=tuple(question(q) for q in week.questions),
        left_out=tuple(question(q) for q in week.left_out),
        take_home_title=text(week.take_home_title),
        take_home_steps=texts(week.take_home_steps),
        private=text(week.private) if week.private else week.private,
        prayer=text(week.prayer),
        prep=texts(week.prep),
        host=texts(week.host),
        notes=texts(week.notes),
        care=texts(week.care),
        notices=texts(week.notices),
    )


def fill_weeks(weeks: tuple[Any, ...], language: str = "en") -> tuple[Any, ...]:
    """Every week of a course with its placeholders filled for its place in the course."""
    count = len(weeks)
    return tuple(
        fill_week(
            w, values(w.number, count, weeks[i + 1].title if i + 1 < count else None, language)
        )
        for i, w in enumerate(weeks)
    )
