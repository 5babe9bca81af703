"""The template environment and the check of a course's templates, before any is rendered.

Both the check stage and the compose stage use the one environment: the check compiles
a course's templates in it, and compose renders them (kit/compose/templates.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta, nodes

from kit.dates import format_clock, format_date
from kit.errors import InputError, Problem
from kit.language import N_, translate, translations
from kit.load.files import LINK_OUT, FileProblem, list_folder, read_limited
from kit.load.yamlfile import MAX_BYTES, decode
from kit.messages import suggest
from kit.resources import data_dir, shown
from kit.templating.loader import TEMPLATE_SUFFIX, FolderLoader
from kit.templating.sandbox import Sandbox

PART_NAMES = {
    "arrival": N_("Arrival and food"),
    "opening": N_("Welcome and opening question"),
    "ground_rules": N_("Ground rules"),
    "teaching": N_("Teaching"),
    "exercise": N_("Couple time"),
    "discussion": N_("Discussion"),
    "prayer": N_("Closing prayer"),
}
"""The parts of a session by name, as every template (`part_names`) and the web page's plan
name them."""
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


class Raw(str):
    """Text that is already markup and must not be escaped."""


def _raw(value: Any) -> Raw:
    return Raw(value)


@functools.lru_cache(maxsize=8)
def sandboxed(
    user_dir: Path | None = None,
    course_dir: Path | None = None,
    date_style: str = "us",
    time_style: str = "12h",
    finalize: Callable[[Any], Any] | None = None,
    records: tuple[type, ...] = (),
    language: str = "en",
) -> Sandbox:
    """The template environment: a course's templates first, then the built-in ones.

    One environment per folder, date style, time style, language and process, so
    templates compile once; jinja2 still notices a template file that changes. A course's
    template may resolve only into its folder or the course folder `course_dir`. The
    `date` and `clock` filters write in the styles and language given (see kit/dates.py);
    `finalize` makes what each {{ value }} prints, `records` lists what templates read
    (kit/course/model.py): checking templates, which renders none, needs neither.
    `{% trans %}`, `_()`, `gettext()` and `ngettext()` word their English text in the
    course's language (see kit/language.py).
    """
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(FolderLoader(user_dir, () if course_dir is None else (course_dir,)))
    loaders.append(FolderLoader(data_dir("templates")))
    env = Sandbox(
        records=records,
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.user_dir = user_dir
    _install_catalog(env, language, finalize)
    env.globals["part_names"] = {k: translate(language, v) for k, v in PART_NAMES.items()}
    env.add_filters(
        {
            "date": functools.partial(format_date, style=date_style, language=language),
            "clock": functools.partial(format_clock, style=time_style, language=language),
            "raw": _raw,
        }
    )
    return env


def _install_catalog(env: Sandbox, language: str, finalize: Callable[[Any], Any] | None) -> None:
    """Give templates the catalog of `language` through jinja2's i18n extension.

    A template's own words are markup (`**bold**` in them is bold), so what the catalog
    gives is printed as it is; only the values put into it are printed as plain text,
    each as a `{{ value }}` would be.
    """
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    for name in ("pgettext", "npgettext"):  # kit's words need no context
        del env.globals[name]
    for name in ("gettext", "ngettext", "_"):
        env.globals[name] = _as_markup(env.globals[name], finalize)
    env.allow_callables(env.globals[name] for name in ("gettext", "ngettext", "_"))


def _as_markup(
    word: Callable[..., str], finalize: Callable[[Any], Any] | None
) -> Callable[..., Raw]:
    @jinja2.pass_context
    def worded(context: Any, *args: Any, **values: Any) -> Raw:
        if finalize is not None:
            values = {k: finalize(v) for k, v in values.items()}
        return Raw(word(context, *args, **values))

    return worded


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
    env = sandboxed(folder, course_dir)
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


_NO_FILTER = re.compile(r"^No (?P<kind>filter|test) named '(?P<name>[^']+)'")
