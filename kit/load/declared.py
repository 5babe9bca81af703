"""What the schema declares at a place in a file: a field's kind, choices, limits and docstring."""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import annotated_types
from pydantic import BaseModel

from kit.load import schema, scripture

Pattern = tuple[str, ...]
"""A place in a file, each list item or mapping entry written `*`."""
KINDS = {bool: "bool", int: "number", dt.date: "date", dt.time: "time"}
"""The kind of a field of each plain type; others are text, id, email, choice, list or group."""
SHORTHAND = {"weeks": "lesson", "skip": "date", "leaders": "name"}
"""The course file's lists whose items may be written as one value alone, and the field
that value fills."""
OPEN_CHOICES = {("translation",): scripture.available}
"""The course file's fields whose choices are what is installed, not a list the schema holds."""


@dataclass(frozen=True)
class Field:
    """A field as the schema declares it."""

    path: Pattern
    type: Any
    """Its type without Optional and Annotated: a model, a list, a Literal, ..."""
    kind: str
    help: str
    """Its docstring, on one line."""
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    """The least and the greatest whole number it takes, for a number."""


def is_model(tp: Any) -> bool:
    """True for a model of the schema, such as a course file's WeekEntry."""
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def unwrap(tp: Any, key: bool = False) -> tuple[Any, list[Any]]:
    """A type without Optional and Annotated, and the metadata they carried, innermost first.

    A union of a value and a mapping (a leader's name, or a table leader) stays a union,
    or is the mapping when `key` says a key of it is wanted.
    """
    meta: list[Any] = []
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp, *more = typing.get_args(tp)
            meta = [*more, *meta]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            models = [a for a in args if is_model(unwrap(a)[0])]
            if len(args) > 1 and not (key and models):
                return tp, meta
            tp = models[0] if key and models else args[0]
        else:
            return tp, meta


def pattern(path: Sequence[str | int]) -> Pattern:
    """The pattern of a path, its list positions written `*`."""
    return tuple("*" if isinstance(p, int) else str(p) for p in path)


def field(path: Sequence[str | int]) -> Field | None:
    """The course file's field at `path`, or None when the schema has none there; an item
    written as one value alone is the field that value fills."""
    found = declared(schema.CourseFile, pattern(path))
    if found is not None and len(found.path) == 2 and found.path[0] in SHORTHAND:
        return declared(schema.CourseFile, (*found.path, SHORTHAND[found.path[0]]))
    return found


@cache
def declared(model: type[BaseModel], at: Pattern) -> Field | None:
    """The field at the place `at` in a file of `model`, or None when the schema has none."""
    tp: Any = model
    meta: list[Any] = []
    doc = ""
    where: list[str] = []
    for part in at:
        tp, _ = unwrap(tp, key=part != "*")
        if typing.get_origin(tp) is dict or (part == "*" and typing.get_origin(tp) is list):
            tp, meta, part = typing.get_args(tp)[-1], [], "*"
        elif is_model(tp) and part in tp.model_fields:
            info = tp.model_fields[part]
            tp, meta, doc = info.annotation, list(info.metadata), info.description or ""
        else:
            return None
        where.append(part)
    tp, found = unwrap(tp, key=True)
    meta += found
    kind, choices = KINDS.get(tp, "text"), ()
    if model is schema.CourseFile and tuple(where) in OPEN_CHOICES:
        kind, choices = "choice", tuple(OPEN_CHOICES[tuple(where)]())
    elif typing.get_origin(tp) is Literal:
        kind, choices = "choice", typing.get_args(tp)
    elif typing.get_origin(tp) in (list, dict) or is_model(tp):
        kind = "list" if typing.get_origin(tp) is list else "group"
    elif set(typing.get_args(schema.Slug)[1:]) <= set(meta):
        kind = "id"
    elif set(typing.get_args(schema.Email)[1:]) <= set(meta):
        kind = "email"
    low = next((m.ge for m in meta if isinstance(m, annotated_types.Ge)), None)
    high = next((m.le for m in meta if isinstance(m, annotated_types.Le)), None)
    return Field(tuple(where), tp, kind, " ".join(doc.split()), choices, low, high)


def docstrings(model: type[BaseModel] = schema.CourseFile) -> list[str]:
    """Every field's docstring in a file of `model`, on one line as `Field.help` has it.

    These are the help lines the page shows beside its boxes; the catalog translates them.
    """
    found: set[str] = set()
    seen: set[type[BaseModel]] = set()
    waiting: list[Any] = [model]
    while waiting:
        tp = waiting.pop()
        if is_model(tp):
            if tp in seen:
                continue
            seen.add(tp)
            for info in tp.model_fields.values():
                if info.description:
                    found.add(" ".join(info.description.split()))
                waiting.append(info.annotation)
        else:
            waiting.extend(a for a in typing.get_args(tp) if not isinstance(a, str))
    return sorted(found)


def extract_docstrings(
    fileobj: Any, keywords: Any, comment_tags: Any, options: Any
) -> typing.Iterator[tuple[int, str | None, str, list[str]]]:
    """A Babel extractor for the schema: its texts marked as Python's are, and its docstrings.

    babel.cfg maps kit/load/schema.py to it, so `make catalog` lists the page's help lines.
    """
    from babel.messages.extract import extract_python

    yield from extract_python(fileobj, keywords, comment_tags, options)
    for text in docstrings():
        yield 0, None, text, []
