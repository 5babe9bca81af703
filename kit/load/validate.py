"""Validate stage: check loaded YAML against the schema and report located problems."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kit.errors import Problem
from kit.load.limits import limit_problems
from kit.load.schema import LEADER_TAGS
from kit.load.yamlfile import Path_, YamlDoc

M = TypeVar("M", bound=BaseModel)

UNION_TAGS = frozenset(LEADER_TAGS)
"""Names pydantic gives a union's kinds of item in error paths, which no file writes."""

_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys and values",
    "model_type": "a mapping of keys and values",
    "model_attributes_type": "a mapping of keys and values",
}


def suggest(name: str, known: typing.Iterable[str]) -> str:
    """The valid names, then a did-you-mean for the closest one."""
    known = sorted(known)
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"known: {', '.join(known)}{hint}"


def check_model(model: type[M], doc: YamlDoc, what: str) -> tuple[M | None, list[Problem]]:
    """Validate a document against a model, returning it or the located problems."""
    value, found = check_located(model, doc, what)
    return value, [problem for problem, _ in found]


def check_located(
    model: type[M], doc: YamlDoc, what: str
) -> tuple[M | None, list[tuple[Problem, Path_]]]:
    """Like `check_model`, with the field path, as written, of each problem."""
    if not isinstance(doc.data, dict):
        found = _describe(doc.data)
        msg = f"expected a {what} (a mapping of keys such as 'title:'), found {found}"
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
        known = _fields_at(model, path[:-1])
        return doc.problem(
            path, f"unknown key '{path[-1]}'; {suggest(str(path[-1]), known)}", key=True
        )
    if kind == "missing":
        return doc.problem(path, "missing; this field is required")
    value = err.get("input")
    if kind == "value_error":
        message = str(err["ctx"]["error"])
    elif kind in _TYPE_NAMES:
        message = f"expected {_TYPE_NAMES[kind]}, found {_describe(value)}"
        if kind == "string_type" and isinstance(value, (int, float, dt.date, dt.time)):
            # YAML read the text as a number, date or true/false.
            message += "; put it in quotes to keep it as text"
        elif kind in ("int_type", "int_parsing") and _is_whole(value):
            message += "; write it without quotes"
    elif kind == "literal_error":
        expected = err["ctx"]["expected"]
        message = f"must be one of {expected}; found {_describe(value)}"
        close = difflib.get_close_matches(str(value), re.findall(r"'([^']*)'", expected), n=1)
        if close:
            message += f"; did you mean '{close[0]}'?"
    elif kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        bound = next(iter(err["ctx"].values()))
        words = {
            "less_than_equal": "at most",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "greater_than": "more than",
        }[kind]
        message = f"must be {words} {bound}; found {value}"
    elif kind == "too_short":
        message = f"needs at least {err['ctx']['min_length']} item(s)"
    elif kind == "too_long":
        ctx = err["ctx"]
        message = f"allows at most {ctx['max_length']} item(s); found {ctx['actual_length']}"
    else:
        message = err["msg"][0].lower() + err["msg"][1:]
    return doc.problem(path, message)


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
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _fields_at(model: type[BaseModel], path: Path_) -> list[str]:
    """Names of the fields of the model found at a path, for did-you-mean hints."""
    current: Any = model
    for part in path:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[-1] if args else Any
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            current = field.annotation if field else Any
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[-1]
        else:
            return []
    # A union's mapping kind (a table leader beside a plain name) names the fields.
    current = _unwrap(current)
    union = typing.get_origin(current) in (typing.Union, types.UnionType)
    kinds = [_unwrap(t) for t in typing.get_args(current)] if union else [current]
    models = [t for t in kinds if isinstance(t, type) and issubclass(t, BaseModel)]
    return list(models[0].model_fields) if len(models) == 1 else []


def _unwrap(tp: Any) -> Any:
    """Strip Optional and Annotated wrappers from a type."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                return tp
        else:
            return tp
