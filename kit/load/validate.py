"""Validate stage: check loaded YAML against the schema and report located problems."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kit.errors import Problem
from kit.load.declared import declared, is_model, pattern
from kit.load.limits import limit_problems
from kit.load.schema import LEADER_TAGS
from kit.load.yamlfile import Path_, YamlDoc
from kit.messages import suggest
from kit.places import ITEMS

M = TypeVar("M", bound=BaseModel)

_KEYS_AND_VALUES = "keys with their values, such as 'name: ...', each on a line of its own"

UNION_TAGS = frozenset(LEADER_TAGS)
"""Names pydantic gives a union's kinds of item in error paths, which no file writes."""

_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list, each item on a line of its own starting with '- '",
    "dict_type": _KEYS_AND_VALUES,
    "model_type": _KEYS_AND_VALUES,
    "model_attributes_type": _KEYS_AND_VALUES,
}
"""What a value should be, by the kind of mismatch pydantic reports."""

_UNITS = {"minutes": "minute", "every": "week", "arrival": "minute"}
"""What a whole number counts, by its key."""

_LIMITS = {
    ("minutes",): "a meeting must be {words} {bound} long",
    ("every",): "meetings must be {words} {bound} apart",
    ("arrival",): "arrival must be {words} {bound} long",
}
"""Limits said as what they mean, by field path; others say the number and its unit."""

_LIMIT_WORDS = {
    "less_than_equal": "at most",
    "greater_than_equal": "at least",
    "less_than": "less than",
    "greater_than": "more than",
}


def check_model(model: type[M], doc: YamlDoc, what: str) -> tuple[M | None, list[Problem]]:
    """Validate a document against a model, returning it or the located problems."""
    value, found = check_located(model, doc, what)
    return value, [problem for problem, _ in found]


def check_located(
    model: type[M], doc: YamlDoc, what: str
) -> tuple[M | None, list[tuple[Problem, Path_]]]:
    """Like `check_model`, with the field path, as written, of each problem."""
    if not isinstance(doc.data, dict):
        msg = (
            f"a {what} file holds keys with their values, such as 'title: ...', each on a "
            f"line of its own; {_this_file(doc.data)}"
        )
        return None, [(doc.problem((), msg), ())]
    too_big = limit_problems(doc, what)
    if too_big:
        return None, [(problem, ()) for problem in too_big]
    if doc.data and not set(doc.data) & set(model.model_fields):
        # Not this kind of file at all (a note, a config file, a password file): say so
        # once, without echoing its lines back as unknown keys.
        msg = f"not a {what} file: none of its keys is one a {what} has; known: "
        return None, [(doc.problem((), msg + ", ".join(sorted(model.model_fields))), ())]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        located = []
        for err in exc.errors():
            path = written_path(doc.data, _untagged(doc.data, err["loc"]))
            located.append((_problem(model, doc, err, path), path))
        return None, located


def _problem(model: type[BaseModel], doc: YamlDoc, err: Any, path: Path_) -> Problem:
    kind = err["type"]
    if kind == "extra_forbidden":
        found = declared(model, pattern(path[:-1]))
        known = list(found.type.model_fields) if found and is_model(found.type) else []
        return doc.problem(
            path, f"unknown key '{path[-1]}'; {suggest(str(path[-1]), known)}", key=True
        )
    if kind == "missing":
        return doc.problem(path, f"is missing; add it as '{path[-1]}: ...'")
    return doc.problem(path, _message(kind, err, path))


def _message(kind: str, err: Any, path: Path_) -> str:
    """What is wrong with a value, in words: what it should be, then what it is."""
    value = err.get("input")
    key = path[-1] if path and isinstance(path[-1], str) else ""
    if kind == "value_error":
        return str(err["ctx"]["error"])
    if kind in _TYPE_NAMES:
        should = _TYPE_NAMES[kind]
        if should == "a whole number" and key in _UNITS:
            should = f"a whole number of {_UNITS[key]}s"
        message = f"should be {should}; {_this(value)}"
        if kind == "string_type" and isinstance(value, (int, float, dt.date, dt.time)):
            # YAML read the text as a number, date or true/false.
            message += "; put it in quotes to keep it as text"
        elif kind in ("int_type", "int_parsing") and _is_whole(value):
            message += "; write it without quotes"
        return message
    if kind == "literal_error":
        expected = err["ctx"]["expected"]
        message = f"should be {expected}; {_this(value)}"
        close = difflib.get_close_matches(str(value), re.findall(r"'([^']*)'", expected), n=1)
        return message + (f"; did you mean '{close[0]}'?" if close else "")
    if kind in _LIMIT_WORDS:
        bound = next(iter(err["ctx"].values()))
        unit = _UNITS.get(key)
        counted = f"{unit}{'s' if bound != 1 else ''}" if unit else ""
        template = _LIMITS.get(tuple(p for p in path if isinstance(p, str)))
        if template:
            said = template.format(words=_LIMIT_WORDS[kind], bound=f"{bound} {counted}".strip())
        else:
            said = f"must be {_LIMIT_WORDS[kind]} {bound} {counted}".rstrip()
        return f"{said}; this says {value}"
    if kind in ("too_short", "too_long"):
        ctx = err["ctx"]
        item = "week" if key == "weeks" else ITEMS.get(key, "item")
        if kind == "too_short":
            least = ctx["min_length"]
            count = len(value) if isinstance(value, list) else 0
            found = f"this lists {count}" if count else "this lists none"
            return f"needs at least {least} {item if least == 1 else _plural(item)}; {found}"
        most = ctx["max_length"]
        return f"takes at most {most} {_plural(item)}; this lists {ctx['actual_length']}"
    return err["msg"][0].lower() + err["msg"][1:]


def _plural(item: str) -> str:
    """More than one item: "teaching points", "questions added", "notes for leaders"."""
    head, _, rest = item.partition(" ")
    if rest.split(" ")[0] in ("added", "to", "for"):
        return f"{head}s {rest}"
    return f"{item}s"


def _this(value: Any) -> str:
    """What a value is, as "this is ..." or "this says ...", to follow what it should be."""
    if value is None:
        return "this is empty"
    if isinstance(value, str):
        return f"this says {_describe(value)}"
    return f"this is {_describe(value)}"


def _this_file(value: Any) -> str:
    """What a file that is not a mapping holds instead."""
    if value is None:
        return "this one is empty"
    if isinstance(value, list):
        return "this one holds a list"
    if isinstance(value, str):
        return f"this one holds only the text {_describe(value)}"
    return f"this one holds only {_describe(value)}"


def written_path(data: Any, path: Path_) -> Path_:
    """The part of a field path that is written in the file.

    A shorthand stands for a mapping: `- trust` for `{lesson: trust}`, a skipped
    date for `{date: ...}`. An error in it is named by the shorthand's own place,
    not by a key nobody wrote; a key missing from a mapping is still named.
    """
    for i, part in enumerate(path):
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if not in_list and not (isinstance(data, dict) and part in data):
            return path if isinstance(data, dict) else path[:i]
        data = data[part]
    return path


def _untagged(data: Any, loc: tuple) -> Path_:
    """An error's field path without the tags pydantic adds for a union's kinds of item."""
    path: list[str | int] = []
    for part in loc:
        if not isinstance(part, (str, int)):
            continue
        if part in UNION_TAGS and not (isinstance(data, dict) and part in data):
            continue
        path.append(part)
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            data = None
    return tuple(path)


def _is_whole(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lstrip("+-").isdigit()


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, dt.time):
        return f"the time {value.isoformat()}"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, dict):
        return "a set of keys with values"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")
