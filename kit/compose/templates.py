"""Jinja2 templates: the built-in ones, overridden by a course's own, rendered in a sandbox.

Course templates come from whoever shared the course, so they run in kit's sandbox
(kit/templating/sandbox.py) with undefined names as errors: a template sees the
course model's records (kit/course/model.py), and nothing of Python or the computer
it runs on. Each render has a time, memory and output budget. `kit check` compiles
every template of a course before anything is rendered, and an error while rendering
is reported at the template's file and line.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SecurityError

from kit.compose.markup import escape
from kit.course.model import TEMPLATE_RECORDS
from kit.errors import InputError, KitError, Problem
from kit.messages import suggest
from kit.resources import shown
from kit.templating.budget import OverBudget, budget
from kit.templating.loader import TEMPLATE_SUFFIX
from kit.templating.measure import MAX_VALUE, size
from kit.templating.sandbox import Sandbox
from kit.templating.templates import Raw, sandboxed

log = logging.getLogger(__name__)

MAX_OUTPUT = 10_000_000
"""Longest text one template may render, in characters; a 52-week leader guide is
about 550,000."""


def _finalize(value: Any) -> str:
    # Like HTML autoescaping: every {{ value }} is plain text unless marked Raw, so
    # nothing in a lesson can change the document's structure.
    if isinstance(value, Raw):
        return value
    if value is None:
        return ""
    if not isinstance(value, str) and size(value) > MAX_VALUE:
        raise SecurityError(f"this value would print as more than {MAX_VALUE:,} characters")
    return escape(str(value))


def environment(
    user_dir: Path | None = None,
    course_dir: Path | None = None,
    date_style: str = "us",
    time_style: str = "12h",
    language: str = "en",
) -> Sandbox:
    """The environment templates are rendered in, where every value prints as plain text."""
    return sandboxed(
        user_dir,
        course_dir,
        date_style,
        time_style,
        finalize=_finalize,
        records=TEMPLATE_RECORDS,
        language=language,
    )


def render(
    env: jinja2.Environment,
    name: str,
    /,
    watch: Callable[[str], str | None] | None = None,
    **context: Any,
) -> str:
    """Render a template within its budgets; a failure in it is reported at its file and line.

    `watch`, when given, sees each piece of text as it is rendered and returns why the
    template must stop there, or None; the template is then reported at its line.
    """
    try:
        template = env.get_template(name)
        with budget():
            return _generate(template, context, watch)
    except KitError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(
            _located(exc.filename, exc.lineno, f"template syntax: {exc.message}")
        ) from None
    except jinja2.TemplateError as exc:
        filename, line = _template_frame(exc)
        message = _explain(exc, context, getattr(env, "records", {}))
        raise InputError(_located(filename, line, f"template error: {message}")) from None
    except Exception as exc:
        filename, line = _template_frame(exc)
        user_dir = getattr(env, "user_dir", None)
        if isinstance(exc, MemoryError):
            message = f"it needs more memory than this computer has ({name})"
        elif filename is None or user_dir is None or not _inside(Path(filename), user_dir):
            raise
        elif isinstance(exc, RecursionError):
            message = "it includes or calls itself without end"
        else:
            message = f"{type(exc).__name__}: {exc}"
        raise InputError(_located(filename, line, f"template error: {message}")) from None


class OutputTooLong(OverBudget):
    """A template rendered more text than `MAX_OUTPUT`, or text its watch refused."""


def _generate(
    template: jinja2.Template,
    context: dict[str, Any],
    watch: Callable[[str], str | None] | None = None,
) -> str:
    """The template's text, stopped inside the template once it passes `MAX_OUTPUT`."""
    stream = template.generate(**context)
    pieces: list[str] = []
    length = 0
    for piece in stream:
        length += len(piece)
        if length > MAX_OUTPUT:
            refused: str | None = f"it renders more than {MAX_OUTPUT:,} characters"
        else:
            refused = None if watch is None else watch(piece)
        if refused is not None:
            # Thrown in where the template is, so the message names its line.
            stream.throw(OutputTooLong(refused))
        pieces.append(piece)
    return "".join(pieces)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


_NO_ATTRIBUTE = re.compile(r"^'(?P<owner>[\w.]+) object' has no attribute '(?P<attr>[^']+)'$")
_UNDEFINED = re.compile(r"^'(?P<name>[^']+)' is undefined$")


def _explain(
    exc: jinja2.TemplateError, context: dict[str, Any], records: dict[type, frozenset[str]]
) -> str:
    """The error in a template author's words, with the names that would work."""
    message = str(exc.message or exc)
    if isinstance(exc, SecurityError) and message.endswith("is unsafe."):
        return f"{message[:-1]}; templates see the course and its text, not Python"
    match = _NO_ATTRIBUTE.match(message)
    if match:
        owner, attr = match["owner"], match["attr"]
        if owner == "jinja2.environment.TemplateModule":  # {% import "x.j2" as x %}, x.attr
            return f"the imported template has no macro or variable '{attr}'"
        known = {f"{k.__module__}.{k.__qualname__}": n for k, n in records.items()}
        names = sorted(known.get(owner, ()))
        short = owner.rsplit(".", 1)[-1]
        if names:
            return f"{short} has no '{attr}'; {suggest(attr, names)}"
        return f"{short} has no '{attr}'"
    match = _UNDEFINED.match(message)
    if match:
        return f"'{match['name']}' is not defined here; {suggest(match['name'], context)}"
    return message


def _located(filename: str | None, line: int | None, message: str) -> Problem:
    file = shown(Path(filename)) if filename else "<template>"
    return Problem(file, line or 1, 1, "", message)


def _template_frame(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost template file and line in a traceback."""
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename:
            # A frame jinja2 has not rewritten: map the Python line to the template's.
            found = (template.filename, template.get_corresponding_lineno(tb.tb_lineno))
        elif code.co_filename.endswith(TEMPLATE_SUFFIX):
            found = (code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
