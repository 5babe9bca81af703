"""Compose every output of a course: each a template rendered and read into blocks."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from kit.compose.blocks import Deck, Document
from kit.compose.markup import MarkupError, parse, parse_slides
from kit.compose.templates import environment, render
from kit.compose.typography import smarten
from kit.course.model import ResolvedCourse, Week
from kit.errors import InputError, Problem


@dataclass(frozen=True)
class Output:
    """One file of the kit: its name and what goes in it."""

    name: str
    """File name inside the output folder."""
    content: Document | Deck
    """The composed document or deck."""


def footer(course: ResolvedCourse) -> str:
    """The text in every footer: the course title, and the church when known."""
    # Footers are not blocks, so they are typeset here, like every word in the body.
    return smarten(f"{course.title} · {course.church}" if course.church else course.title)


def compose_kit(course: ResolvedCourse) -> list[Output]:
    """Every output of the kit, in the order they are listed to the user."""
    env = environment(course.templates_dir, course.date_style, course.time_style)
    outputs = [Output("leader-guide.docx", guide(course, env))]
    for week in course.weeks:
        stem = f"week-{week.number:02d}"
        outputs += [
            Output(f"{stem}-leader-notes.docx", leader_notes(course, week, env)),
            Output(f"{stem}-slides.pptx", slides(course, week, env)),
            Output(f"{stem}-handout.docx", handout(course, week, env)),
        ]
    return outputs


def guide(course: ResolvedCourse, env: jinja2.Environment) -> Document:
    """The leader guide: the whole course."""
    text = render(env, "leader-guide.j2", course=course)
    title = f"{course.title}: Leader guide"
    return Document("guide", title, footer(course), _parse(text, "leader-guide.j2"))


def leader_notes(course: ResolvedCourse, week: Week, env: jinja2.Environment) -> Document:
    """One week's leader notes."""
    text = render(env, "leader-notes.j2", course=course, week=week)
    title = f"Week {week.number}: {week.title} (leader notes)"
    return Document("notes", title, footer(course), _parse(text, "leader-notes.j2"))


def handout(course: ResolvedCourse, week: Week, env: jinja2.Environment) -> Document:
    """One week's participant handout."""
    text = render(env, "handout.j2", course=course, week=week)
    title = f"Week {week.number}: {week.title}"
    return Document("handout", title, footer(course), _parse(text, "handout.j2"))


def slides(course: ResolvedCourse, week: Week, env: jinja2.Environment) -> Deck:
    """One week's slide deck."""
    text = render(env, "slides.j2", course=course, week=week)
    try:
        deck_slides = parse_slides(text)
    except MarkupError as exc:
        raise InputError(Problem("slides.j2", 0, 0, "", str(exc))) from None
    return Deck(f"Week {week.number}: {week.title}", footer(course), deck_slides)


def _parse(text: str, template: str) -> list:
    try:
        return parse(text)
    except MarkupError as exc:
        raise InputError(Problem(template, 0, 0, "", str(exc))) from None
