"""Compose every output of a course: each a template rendered and read into blocks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from kit.check.packets import PACKET, packet_stem
from kit.compose.blocks import Calendar, Deck, Document, Event, Heading, Paragraph, plain
from kit.compose.locate import source_line
from kit.compose.markup import MarkupError, SlideCount, parse, parse_slides
from kit.compose.templates import environment, render
from kit.compose.typography import smarten
from kit.course.model import Course, LeaderOfTable, ResolvedCourse, Week
from kit.errors import InputError, Problem
from kit.language import N_, translate
from kit.resources import shown

BOOKLET = "participant-booklet.docx"
"""The couples' booklet: the whole course in one document."""
LARGE_PRINT = "-large-print"
"""What a large-print copy adds to its file's stem."""
CALENDAR = "course.ics"
"""The file of every meeting, for people's calendars; written when the course has dates."""
NO_TITLE = "the calendar template gives a meeting no title: start it with a # heading"


@dataclass(frozen=True)
class Output:
    """One file of the kit: its name and what goes in it."""

    name: str
    """File name inside the output folder."""
    content: Document | Deck | Calendar
    """The composed document, deck or calendar."""


def footer(course: Course) -> str:
    """The text in every footer: the course title, and the church when known."""
    # Footers are not blocks, so they are typeset here, like every word in the body.
    return smarten(f"{course.title} · {course.church}" if course.church else course.title)


def course_environment(resolved: ResolvedCourse) -> jinja2.Environment:
    """The template environment a course's documents are worded in."""
    files, course = resolved.files, resolved.course
    return environment(
        files.templates_dir,
        files.course_dir,
        course.date_style,
        course.time_style,
        course.language,
    )


@dataclass(frozen=True)
class Planned:
    """One file of the kit before it is composed: its name and how to compose it."""

    name: str
    """File name inside the output folder."""
    template: str
    """The template that words it, e.g. `handout.j2`."""
    compose: Callable[[], Document | Deck | Calendar]
    """Composes the document, deck or calendar, afresh at each call."""


def plan_kit(resolved: ResolvedCourse) -> list[Planned]:
    """Every output of the kit, in the order they are listed to the user, none composed yet."""
    env = course_environment(resolved)
    course = resolved.course
    planned = [Planned("leader-guide.docx", "leader-guide.j2", partial(guide, course, env))]
    planned += [
        Planned(f"{stem}.docx", "leader-packet.j2", partial(packet, course, leader, env))
        for stem, leader in packets(course)
    ]
    # Wide enough for every week, so the files sort in order past week 99.
    width = max(2, len(str(len(course.weeks))))
    for week in course.weeks:
        stem = f"week-{week.number:0{width}d}"
        planned += [
            Planned(
                f"{stem}-leader-notes.docx",
                "leader-notes.j2",
                partial(leader_notes, course, week, env),
            ),
            Planned(f"{stem}-slides.pptx", "slides.j2", partial(slides, course, week, env)),
            Planned(f"{stem}-handout.docx", "handout.j2", partial(handout, course, week, env)),
        ]
        if course.large_print:
            planned.append(
                Planned(
                    f"{stem}-handout{LARGE_PRINT}.docx",
                    "handout.j2",
                    partial(handout, course, week, env, large_print=True),
                )
            )
    planned.append(Planned(BOOKLET, "participant-booklet.j2", partial(booklet, course, env)))
    if course.large_print:
        large = partial(booklet, course, env, large_print=True)
        planned.append(Planned(large_print_name(BOOKLET), "participant-booklet.j2", large))
    if any(week.date is not None for week in course.weeks):
        planned.append(Planned(CALENDAR, "calendar.j2", partial(calendar, course, env)))
    return planned


def large_print_name(name: str) -> str:
    """The name of the large-print copy of a document: `-large-print` before its suffix."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}{LARGE_PRINT}{dot}{suffix}"


def compose_kit(course: ResolvedCourse) -> list[Output]:
    """Every output of the kit, each composed once, in the order they are listed to the user.

    Every template is tried before any problem is raised, so the InputError lists the
    problems of every template that fails, each template's first failure once. A
    template that fails is not rendered again for another week: one that ran out of
    time would cost its budget twice, and one that ran out of memory could pass the
    second time and go unreported.
    """
    outputs: list[Output] = []
    failed: dict[str, list[Problem]] = {}
    for planned in plan_kit(course):
        if planned.template in failed:
            continue
        try:
            outputs.append(Output(planned.name, planned.compose()))
        except InputError as exc:
            failed[planned.template] = list(exc.problems)
    if failed:
        raise InputError(list(dict.fromkeys(p for found in failed.values() for p in found)))
    return outputs


def _said(course: Any, text: str, /, **values: str) -> str:
    """A title of kit's, in the course's language, with its values put in."""
    return translate(course.language, text) % values


def _week(week: Any) -> dict[str, str]:
    return {"number": str(week.number), "title": week.title}


def guide(course: Course, env: jinja2.Environment) -> Document:
    """The leader guide: the whole course."""
    context = {"course": course}
    blocks = _parse(env, "leader-guide.j2", context)
    title = _said(course, N_("%(course)s: Leader guide"), course=course.title)
    return Document("guide", title, footer(course), blocks, language=course.language)


def packets(course: Course) -> list[tuple[str, LeaderOfTable | None]]:
    """Each table leader's packet's file name, without its extension, and its leader.

    A course that names no table leader gets one packet, for every table (leader None).
    """
    if not course.table_leaders:
        return [(PACKET, None)]
    return [(str(packet_stem(leader.name)), leader) for leader in course.table_leaders]


def packet(course: Course, leader: LeaderOfTable | None, env: jinja2.Environment) -> Document:
    """A table leader's packet: the dates, every week's leader notes and the care page."""
    blocks = _parse(env, "leader-packet.j2", {"course": course, "leader": leader})
    # Its title, as Word shows it, is the cover's: whose packet it is and for which course.
    cover = [
        plain(b.runs)
        for b in blocks
        if isinstance(b, Paragraph) and b.style in ("cover-kicker", "title")
    ]
    title = ": ".join(cover[:2]) or course.title
    return Document("packet", title, footer(course), blocks, language=course.language)


def leader_notes(course: Course, week: Week, env: jinja2.Environment) -> Document:
    """One week's leader notes."""
    blocks = _parse(env, "leader-notes.j2", {"course": course, "week": week})
    title = _said(course, N_("Week %(number)s: %(title)s (leader notes)"), **_week(week))
    return Document("notes", title, footer(course), blocks, language=course.language)


def handout(
    course: Course, week: Week, env: jinja2.Environment, *, large_print: bool = False
) -> Document:
    """One week's participant handout, in large print when asked."""
    blocks = _parse(env, "handout.j2", {"course": course, "week": week})
    title = _said(course, N_("Week %(number)s: %(title)s"), **_week(week))
    return Document(
        "handout", title, footer(course), blocks, large_print=large_print, language=course.language
    )


def booklet(course: Course, env: jinja2.Environment, *, large_print: bool = False) -> Document:
    """The couples' booklet: every week's handout pages between a cover and the care box."""
    blocks = _parse(env, "participant-booklet.j2", {"course": course})
    title = smarten(_said(course, N_("%(course)s: Couples' booklet"), course=course.title))
    return Document(
        "booklet", title, footer(course), blocks, large_print=large_print, language=course.language
    )


def slides(course: Course, week: Week, env: jinja2.Environment) -> Deck:
    """One week's slide deck."""
    deck_slides = _parse(env, "slides.j2", {"course": course, "week": week}, slides=True)
    title = _said(course, N_("Week %(number)s: %(title)s"), **_week(week))
    return Deck(title, footer(course), deck_slides, language=course.language)


def calendar(course: Course, env: jinja2.Environment) -> Calendar:
    """Every dated meeting, for people's calendars: its title and words from calendar.j2."""
    events = []
    for week in course.weeks:
        if week.date is None:
            continue
        blocks = _parse(env, "calendar.j2", {"course": course, "week": week})
        titles = [b.text for b in blocks if isinstance(b, Heading)]
        if not titles:
            raise InputError(Problem("calendar.j2", 1, 1, "", NO_TITLE))
        words = "\n\n".join(plain(b.runs) for b in blocks if isinstance(b, Paragraph))
        events.append(
            Event(
                week.date,
                course.start_time,
                course.minutes,
                titles[0],
                words,
                course.place,
                f"week {week.number}",
            )
        )
    return Calendar(course.title, events)


def _parse(
    env: jinja2.Environment, name: str, context: dict[str, Any], *, slides: bool = False
) -> list:
    """Render a template and read its markup; a markup error names the template's line."""
    text = render(env, name, SlideCount() if slides else None, **context)
    try:
        return parse_slides(text) if slides else parse(text)
    except MarkupError as exc:
        filename, line = source_line(env, name, context, exc.line)
        file = shown(Path(filename)) if filename else name
        raise InputError(Problem(file, line or 1, 1, "", f"markup: {exc}")) from None
