"""Jinja2 templates: the built-in ones, overridden by a course's own, rendered in a sandbox.

Course templates come from whoever shared the course, so they run in kit's sandbox
(kit/compose/sandbox.py) with undefined names as errors: a template sees plain
records of the course, its weeks and their text (kit/compose/view.py), and nothing
of Python or the computer it runs on. Each render has a time, memory and output
budget. `kit check` compiles every template of a course before anything is
rendered, and an error while rendering is reported at the template's file and line.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta, nodes
from jinja2.sandbox import SecurityError

from kit.compose.budget import OverBudget, budget
from kit.compose.loader import TEMPLATE_SUFFIX, FolderLoader
from kit.compose.markup import escape
from kit.compose.measure import MAX_VALUE, size
from kit.compose.sandbox import Sandbox
from kit.course.model import PART_NAMES
from kit.dates import format_clock, format_date
from kit.errors import InputError, KitError, Problem
from kit.load.files import LINK_OUT, FileProblem, list_folder, read_limited
from kit.load.validate import suggest
from kit.load.yamlfile import MAX_BYTES, decode
from kit.resources import data_dir, shown

log = logging.getLogger(__name__)

CONTEXT = {
    "leader-guide.j2": ("course",),
    "leader-notes.j2": ("course", "week"),
    "leader-packet.j2": ("course", "leader"),
    "handout.j2": ("course", "week"),
    "slides.j2": ("course", "week"),
    "week-plan.j2": ("course", "week", "host", "in_packet"),
}
"""The names each template is rendered with (see kit/compose/documents.py; week-plan.j2
also sees `host`, set by the guide, the leader notes and the packets that include it, and
`in_packet`, set by the packets); templates
whose names start with `_` hold macros and see only what their callers pass."""

MAX_OUTPUT = 10_000_000
"""Longest text one template may render, in characters; a 52-week leader guide is
about 550,000."""


class Raw(str):
    """Text that is already markup and must not be escaped."""


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


def _raw(value: Any) -> Raw:
    return Raw(value)


@functools.lru_cache(maxsize=8)
def environment(
    user_dir: Path | None = None,
    course_dir: Path | None = None,
    date_style: str = "us",
    time_style: str = "12h",
) -> Sandbox:
    """The template environment: a course's templates first, then the built-in ones.

    One environment per folder, date style and time style and process, so templates
    compile once; jinja2 still notices a template file that changes. A course's template
    may resolve only into its folder or the course folder `course_dir`. The `date` and
    `clock` filters write in the styles given (see kit/dates.py).
    """
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(FolderLoader(user_dir, () if course_dir is None else (course_dir,)))
    loaders.append(FolderLoader(data_dir("templates")))
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
    env.globals["part_names"] = dict(PART_NAMES)
    env.add_filters(
        {
            "date": functools.partial(format_date, style=date_style),
            "clock": functools.partial(format_clock, style=time_style),
            "raw": _raw,
        }
    )
    return env


def builtin_names() -> list[str]:
    """Relative names of every built-in template."""
    root = data_dir("templates")
    return sorted(p.relative_to(root).as_posix() for p in root.rglob(f"*{TEMPLATE_SUFFIX}"))


def template_problems(folder: Path, course_dir: Path | None = None) -> Iterator[Problem]:
    """Every problem among a course's templates, found without rendering them.

    Each `.j2` file must override a built-in template (or, named `_*.j2`, hold the
    course's own macros), be UTF-8 text, compile, name only templates that exist,
    use only the names its template is given, and leave Python's internals alone.
    No file or folder in it may be a link to outside it or the course folder.
    """
    known = builtin_names()
    env = environment(folder, course_dir)
    roots = (folder,) if course_dir is None else (folder, course_dir)
    listing = list_folder(folder, roots, recursive=True)
    for entry in listing.links_out:
        yield Problem(shown(entry.path), 1, 1, "", LINK_OUT)
    for entry, why in listing.unreadable:
        yield Problem(shown(entry.path), 0, 0, "", f"cannot read: {why}")
    for entry in listing.files:
        path, name = entry.path, entry.name
        rel = Path(name)
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
            source = decode(read_limited(path, MAX_BYTES), file)
        except InputError as exc:
            yield from exc.problems
            continue
        except FileProblem as exc:
            line = 1 if exc.located else 0
            yield Problem(file, line, line, "", str(exc))
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
        message = _explain(exc, context)
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
        if owner == "jinja2.environment.TemplateModule":  # {% import "x.j2" as x %}, x.attr
            return f"the imported template has no macro or variable '{attr}'"
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
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename:
            # A frame jinja2 has not rewritten: map the Python line to the template's.
            found = (template.filename, template.get_corresponding_lineno(tb.tb_lineno))
        elif code.co_filename.endswith(TEMPLATE_SUFFIX):
            found = (code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
