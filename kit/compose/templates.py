"""Jinja2 templates: the built-in ones, overridden by a course's own, rendered in a sandbox.

Course templates come from whoever shared the course, so they run in jinja2's
immutable sandbox with undefined names as errors: a template sees the course, its
weeks and their text, and nothing of Python or the computer it runs on. `kit check`
compiles every template of a course before anything is rendered, and an error
while rendering is reported at the template's file and line.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import operator
import re
import sys
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any

import jinja2
from jinja2 import meta, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from kit.compose.dates import format_clock, format_date
from kit.compose.markup import escape
from kit.errors import InputError, KitError, Problem
from kit.load.validate import suggest
from kit.load.yamlfile import decode
from kit.resources import data_dir, shown

log = logging.getLogger(__name__)

TEMPLATE_SUFFIX = ".j2"

CONTEXT = {
    "leader-guide.j2": ("course",),
    "leader-notes.j2": ("course", "week"),
    "handout.j2": ("course", "week"),
    "slides.j2": ("course", "week"),
    "week-plan.j2": ("course", "week", "host"),
}
"""The names each template is rendered with (see kit/compose/documents.py; week-plan.j2
also sees `host`, set by the guide and the leader notes that include it); templates
whose names start with `_` hold macros and see only what their callers pass."""

MAX_SIZE = 100_000
"""Longest string or list a template may build with `*`."""
MAX_BITS = 100_000
"""Largest whole number, in bits, a template may compute with `**`."""
_PATH_ATTRIBUTES = frozenset({"name", "stem", "suffix"})
"""What a template may read of a file path: never its folder, never its contents."""


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


def _raw(value: Any) -> Raw:
    return Raw(value)


class Sandbox(ImmutableSandboxedEnvironment):
    """jinja2's immutable sandbox, also closed to file paths and to runaway `*` and `**`."""

    intercepted_binops = frozenset({"*", "**"})

    user_dir: Path | None = None
    """The course's own template folder, if any."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Every rule here and in jinja2's sandbox depends on the object's type and the
        # attribute's name alone, and templates ask the same few questions thousands
        # of times: the answers are kept.
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = self._decide(obj, attr, value)
        return safe

    def _decide(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, PurePath):
            return attr in _PATH_ATTRIBUTES
        if attr.startswith("model_") and hasattr(type(obj), "model_fields"):
            return False  # pydantic's machinery, not a lesson's content
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "**":
            whole = _is_int(left) and _is_int(right) and abs(left) > 1 and right > 0
            if whole and left.bit_length() * right > MAX_BITS:
                raise SecurityError(f"{left!r} ** {right!r} is too large to compute")
            return operator.pow(left, right)
        for seq, times in ((left, right), (right, left)):
            sized = isinstance(seq, (str, list, tuple)) and isinstance(times, int)
            if sized and len(seq) * times > MAX_SIZE:
                raise SecurityError(f"repeating {len(seq)} item(s) {times} times is too large")
        return operator.mul(left, right)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@functools.lru_cache(maxsize=8)
def environment(
    user_dir: Path | None = None, date_style: str = "us", time_style: str = "12h"
) -> Sandbox:
    """The template environment: a course's templates first, then the built-in ones.

    One environment per folder, date style and time style and process, so templates
    compile once; jinja2 still notices a template file that changes. The `date` and
    `clock` filters write in the styles given (see kit/compose/dates.py).
    """
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(user_dir))
    loaders.append(jinja2.FileSystemLoader(data_dir("templates")))
    env = Sandbox(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.user_dir = user_dir
    env.globals.pop("lipsum", None)  # can be asked for megabytes of text
    env.filters.update(
        date=functools.partial(format_date, style=date_style),
        clock=functools.partial(format_clock, style=time_style),
        raw=_raw,
    )
    return env


def builtin_names() -> list[str]:
    """Relative names of every built-in template."""
    root = data_dir("templates")
    return sorted(p.relative_to(root).as_posix() for p in root.rglob(f"*{TEMPLATE_SUFFIX}"))


def template_problems(folder: Path) -> Iterator[Problem]:
    """Every problem among a course's templates, found without rendering them.

    Each `.j2` file must override a built-in template (or, named `_*.j2`, hold the
    course's own macros), be UTF-8 text, compile, name only templates that exist,
    use only the names its template is given, and leave Python's internals alone.
    """
    known = builtin_names()
    env = environment(folder)
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if not path.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        name = rel.as_posix()
        file = shown(path)
        if path.suffix != TEMPLATE_SUFFIX:
            if rel.with_suffix(TEMPLATE_SUFFIX).as_posix() in known:
                msg = f"templates end in {TEMPLATE_SUFFIX}; rename it to {path.stem}.j2"
                yield Problem(file, 1, 1, "", msg)
            continue  # notes and other files may live beside the templates
        if name not in known and not path.name.startswith("_"):
            msg = f"no built-in template '{name}' to override; {suggest(name, known)}"
            yield Problem(file, 1, 1, "", msg)
            continue
        try:
            source = decode(path.read_bytes(), file)
        except InputError as exc:
            yield from exc.problems
            continue
        except OSError as exc:
            yield Problem(file, 0, 0, "", f"cannot read: {exc.strerror}")
            continue
        yield from source_problems(env, source, name, file)


def source_problems(
    env: jinja2.Environment, source: str, name: str, file: str
) -> Iterator[Problem]:
    """Problems in one template's text: syntax, unknown filters, names and templates."""
    try:
        tree = env.parse(source, name, file)
    except jinja2.TemplateSyntaxError as exc:
        yield Problem(file, exc.lineno or 1, 1, "", f"template syntax: {exc.message}")
        return
    yield from _internals(tree, file)
    yield from _missing_templates(env, tree, file)
    if name in CONTEXT:
        yield from _undefined_names(env, tree, CONTEXT[name], file)
    try:
        env.compile(source, name, file)  # unknown filters and tests show up here
    except jinja2.TemplateSyntaxError as exc:
        message = exc.message or ""
        match = _NO_FILTER.match(message)
        if match:
            kind, unknown = match["kind"], match["name"]
            names = env.filters if kind == "filter" else env.tests
            message = f"no {kind} named '{unknown}'; {suggest(unknown, names)}"
        yield Problem(file, exc.lineno or 1, 1, "", f"template syntax: {message}")


def _internals(tree: nodes.Template, file: str) -> Iterator[Problem]:
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        if isinstance(node, nodes.Getattr):
            attr: Any = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            attr = node.arg.value
        elif isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
            arg = node.args[0]
            attr = arg.value if isinstance(arg, nodes.Const) else None
        else:
            continue
        if isinstance(attr, str) and attr.startswith("_"):
            yield Problem(
                file,
                node.lineno,
                1,
                "",
                f"'{attr}' is not allowed: templates see the course and its text, "
                "not Python's internals",
            )


def _missing_templates(
    env: jinja2.Environment, tree: nodes.Template, file: str
) -> Iterator[Problem]:
    available = env.list_templates(extensions=[TEMPLATE_SUFFIX.lstrip(".")])
    for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        target = node.template
        if not isinstance(target, nodes.Const) or not isinstance(target.value, str):
            continue
        if target.value not in available:
            msg = f"template '{target.value}' not found; {suggest(target.value, available)}"
            yield Problem(file, node.lineno, 1, "", msg)


def _undefined_names(
    env: jinja2.Environment, tree: nodes.Template, given: tuple[str, ...], file: str
) -> Iterator[Problem]:
    known = {*given, *env.globals}
    try:
        undeclared = meta.find_undeclared_variables(tree)
    except jinja2.TemplateSyntaxError:
        return  # the compile step reports it
    for name in sorted(undeclared - known):
        line = next(
            (n.lineno for n in tree.find_all(nodes.Name) if n.name == name and n.ctx == "load"), 1
        )
        yield Problem(file, line, 1, "", f"'{name}' is not defined here; {suggest(name, known)}")


def render(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render a template; a failure in it is reported at the template's file and line."""
    try:
        return env.get_template(name).render(**context)
    except KitError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(
            _located(exc.filename, exc.lineno, f"template syntax: {exc.message}")
        ) from None
    except jinja2.TemplateError as exc:
        filename, line = _template_frame(exc)
        message = _explain(exc, context)
        raise InputError(_located(filename, line, f"template error: {message}")) from None
    except Exception as exc:
        filename, line = _template_frame(exc)
        user_dir = getattr(env, "user_dir", None)
        if filename is None or user_dir is None or not _inside(Path(filename), user_dir):
            raise
        if isinstance(exc, RecursionError):
            message = "it includes or calls itself without end"
        else:
            message = f"{type(exc).__name__}: {exc}"
        raise InputError(_located(filename, line, f"template error: {message}")) from None


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


_NO_FILTER = re.compile(r"^No (?P<kind>filter|test) named '(?P<name>[^']+)'")
_NO_ATTRIBUTE = re.compile(r"^'(?P<owner>[\w.]+) object' has no attribute '(?P<attr>[^']+)'$")
_UNDEFINED = re.compile(r"^'(?P<name>[^']+)' is undefined$")


def _explain(exc: jinja2.TemplateError, context: dict[str, Any]) -> str:
    """The error in a template author's words, with the names that would work."""
    message = str(exc.message or exc)
    if isinstance(exc, SecurityError) and message.endswith("is unsafe."):
        return f"{message[:-1]}; templates see the course and its text, not Python"
    match = _NO_ATTRIBUTE.match(message)
    if match:
        owner, attr = match["owner"], match["attr"]
        names = _public_names(owner)
        short = owner.rsplit(".", 1)[-1]
        if names:
            return f"{short} has no '{attr}'; {suggest(attr, names)}"
        return f"{short} has no '{attr}'"
    match = _UNDEFINED.match(message)
    if match:
        return f"'{match['name']}' is not defined here; {suggest(match['name'], context)}"
    return message


def _public_names(qualified: str) -> list[str]:
    """Fields, properties and methods of one of kit's classes, by its dotted name."""
    module_name, _, class_name = qualified.rpartition(".")
    cls = getattr(sys.modules.get(module_name), class_name, None)
    if not isinstance(cls, type) or not module_name.startswith("kit."):
        return []
    names = {f.name for f in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set()
    names |= set(getattr(cls, "model_fields", {}))
    names |= {n for n in vars(cls) if not n.startswith("_") and not n.startswith("model_")}
    return sorted(names)


def _located(filename: str | None, line: int | None, message: str) -> Problem:
    file = shown(Path(filename)) if filename else "<template>"
    return Problem(file, line or 1, 1, "", message)


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
