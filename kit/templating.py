"""Jinja2 templates: the built-in ones, overridden by a course's own, rendered in a sandbox."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from kit.compose.markup import escape
from kit.errors import InputError, Problem
from kit.resources import data_dir, shown

TEMPLATE_SUFFIX = ".j2"


class Raw(str):
    """Text that is already markup and must not be escaped."""


def _finalize(value: Any) -> str:
    # Like HTML autoescaping: every {{ value }} is plain text unless marked Raw, so
    # nothing in a lesson can change the document's structure.
    if isinstance(value, Raw):
        return value
    if value is None:
        return ""
    return escape(str(value))


def _date(value: dt.date | None, form: str = "long") -> str:
    if value is None:
        return ""
    if form == "short":
        return f"{value:%b} {value.day}"
    return f"{value:%A, %B} {value.day}, {value.year}"


def _clock(value: dt.time | None) -> str:
    if value is None:
        return ""
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'am' if value.hour < 12 else 'pm'}"


def _raw(value: Any) -> Raw:
    return Raw(value)


def environment(user_dir: Path | None = None) -> SandboxedEnvironment:
    """The template environment: a course's templates first, then the built-in ones."""
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(user_dir))
    loaders.append(jinja2.FileSystemLoader(data_dir("templates")))
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(date=_date, clock=_clock, raw=_raw)
    return env


def builtin_names() -> list[str]:
    """Relative names of every built-in template."""
    root = data_dir("templates")
    return sorted(p.relative_to(root).as_posix() for p in root.rglob(f"*{TEMPLATE_SUFFIX}"))


def template_problems(folder: Path) -> Iterator[Problem]:
    """Syntax errors and unknown names among a course's template overrides."""
    known = builtin_names()
    env = environment(folder)
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(folder).as_posix()
        if name not in known:
            yield Problem(
                shown(path),
                0,
                0,
                "",
                f"no built-in template '{name}' to override; known: {', '.join(known)}",
            )
            continue
        try:
            env.parse(path.read_text(encoding="utf-8"), name, str(path))
        except jinja2.TemplateSyntaxError as exc:
            yield Problem(shown(path), exc.lineno or 1, 1, "", f"template syntax: {exc.message}")
        except UnicodeDecodeError:
            yield Problem(shown(path), 0, 0, "", "not UTF-8 text")


def render(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render a template; a failure in it is reported at the template's file and line."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(
            _located(exc, exc.filename, exc.lineno, f"template syntax: {exc.message}")
        ) from None
    except jinja2.TemplateError as exc:
        filename, line = _template_frame(exc)
        raise InputError(_located(exc, filename, line, f"template error: {exc}")) from None


def _located(exc: Exception, filename: str | None, line: int | None, message: str) -> Problem:
    file = shown(Path(filename)) if filename else "<template>"
    return Problem(file, line or 0, 1 if line else 0, "", message)


def _template_frame(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost template file and line in a traceback."""
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.endswith(TEMPLATE_SUFFIX):
            found = (code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
