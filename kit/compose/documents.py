"""Compose every output of a course: each a template rendered and read into blocks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from kit.compose.blocks import Deck, Document
from kit.compose.locate import source_line
from kit.compose.markup import MarkupError, parse, parse_slides
from kit.compose.templates import environment, render
from kit.compose.typography import smarten
from kit.compose.view import course_view
from kit.course.model import ResolvedCourse
from kit.errors import InputError, Problem
from kit.resources import shown


@dataclass(frozen=True)
class Output:
    """One file of the kit: its name and what goes in it."""

    name: str
    """File name inside the output folder."""
    content: Document | Deck
    """The composed document or deck."""


def footer(course: Any) -> str:
    """The text in every footer: the course title, and the church when known."""
    # Footers are not blocks, so they are typeset here, like every word in the body.
    return smarten(f"{course.title} · {course.church}" if course.church else course.title)


def course_environment(course: ResolvedCourse) -> jinja2.Environment:
    """The template environment a course's documents are worded in."""
    return environment(
        course.templates_dir, course.course_dir, course.date_style, course.time_style
    )


@dataclass(frozen=True)
class Planned:
    """One file of the kit before it is composed: its name and how to compose it."""

    name: str
    """File name inside the output folder."""
    template: str
    """The template that words it, e.g. `handout.j2`."""
    compose: Callable[[], Document | Deck]
    """Composes the document or deck, afresh at each call."""


def plan_kit(course: ResolvedCourse) -> list[Planned]:
    """Every output of the kit, in the order they are listed to the user, none composed yet.

    A build composes each output just before writing it, so that a long course's outputs
    are never all in memory at once.
    """
    env = course_environment(course)
    view = course_view(course)
    planned = [Planned("leader-guide.docx", "leader-guide.j2", partial(guide, view, env))]
    # Wide enough for every week, so the files sort in order past week 99.
    width = max(2, len(str(len(view.weeks))))
    for week in view.weeks:
        stem = f"week-{week.number:0{width}d}"
        planned += [
            Planned(
                f"{stem}-leader-notes.docx",
                "leader-notes.j2",
                partial(leader_notes, view, week, env),
            ),
            Planned(f"{stem}-slides.pptx", "slides.j2", partial(slides, view, week, env)),
            Planned(f"{stem}-handout.docx", "handout.j2", partial(handout, view, week, env)),
        ]
    return planned


def compose_kit(course: ResolvedCourse) -> list[Output]:
    """Every output of the kit, composed, in the order they are listed to the user.

    An output that cannot be composed raises an InputError with the problems of every
    template that fails (see `composing_problems`).
    """
    planned = plan_kit(course)
    try:
        return [Output(p.name, p.compose()) for p in planned]
    except InputError:
        raise InputError(composing_problems(planned)) from None


def composing_problems(planned: Sequence[Planned]) -> list[Problem]:
    """The problems composing the outputs finds: each template's first, each once.

    Once a template has failed, its other outputs are not tried: the author mends the
    template either way, and a template that runs out of time would cost its budget
    again for every week.
    """
    found: dict[Problem, None] = {}
    failed: set[str] = set()
    for p in planned:
        if p.template in failed:
            continue
        try:
            p.compose()
        except InputError as exc:
            failed.add(p.template)
            found.update(dict.fromkeys(exc.problems))
    return list(found)


def guide(course: Any, env: jinja2.Environment) -> Document:
    """The leader guide: the whole course."""
    context = {"course": course}
    blocks = _parse(env, "leader-guide.j2", context)
    return Document("guide", f"{course.title}: Leader guide", footer(course), blocks)


def leader_notes(course: Any, week: Any, env: jinja2.Environment) -> Document:
    """One week's leader notes."""
    blocks = _parse(env, "leader-notes.j2", {"course": course, "week": week})
    title = f"Week {week.number}: {week.title} (leader notes)"
    return Document("notes", title, footer(course), blocks)


def handout(course: Any, week: Any, env: jinja2.Environment) -> Document:
    """One week's participant handout."""
    blocks = _parse(env, "handout.j2", {"course": course, "week": week})
    return Document("handout", f"Week {week.number}: {week.title}", footer(course), blocks)


def slides(course: Any, week: Any, env: jinja2.Environment) -> Deck:
    """One week's slide deck."""
    deck_slides = _parse(env, "slides.j2", {"course": course, "week": week}, slides=True)
    return Deck(f"Week {week.number}: {week.title}", footer(course), deck_slides)


def _parse(
    env: jinja2.Environment, name: str, context: dict[str, Any], *, slides: bool = False
) -> list:
    """Render a template and read its markup; a markup error names the template's line."""
    text = render(env, name, **context)
    try:
        return parse_slides(text) if slides else parse(text)
    except MarkupError as exc:
        filename, line = source_line(env, name, context, exc.line)
        file = shown(Path(filename)) if filename else name
        raise InputError(Problem(file, line or 1, 1, "", f"markup: {exc}")) from None
