"""The course file's fields as the page edits them, each read from the schema.

A field's kind, choices, limits and help line are the schema's (`kit/load/schema.py`);
the page adds only its own label where the field's name would read badly.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import annotated_types
from pydantic import BaseModel

from kit.load import schema, scripture

Pattern = tuple[str, ...]
"""A field's place in the course file, each list item or mapping entry written `*`."""

SHORTHAND = {"weeks": "lesson", "skip": "date", "leaders": "name"}
"""Lists whose items may be written as one value alone, and the field that value fills."""
OPEN_CHOICES = {("translation",): scripture.available}
"""Fields whose choices are what is installed, not a list the schema can hold."""
LABELS = {
    ("title",): "Course title",
    ("start",): "First meeting",
    ("every",): "How often",
    ("time",): "Start time",
    ("place",): "Where you meet",
    ("minutes",): "Session length (minutes)",
    ("arrival",): "Arrival and meal (minutes)",
    ("translation",): "Bible translation",
    ("date_style",): "Dates written as",
    ("time_style",): "Times written as",
    ("large_print",): "Also make large-print handouts and booklet",
    ("intimacy",): "Include the private word on the physical side of marriage",
    ("helplines", "abuse"): "Abuse helpline",
    ("helplines", "crisis"): "Crisis helpline",
    ("lessons",): "Folder of your own lessons",
    ("templates",): "Folder of your own templates",
    ("care", "*", "email"): "E-mail",
}
"""The page's label of a field, where the field's own name would read badly."""
TEXT_ONLY = {
    ("weeks", "*", "questions", "replace", "*", "note"),
    ("weeks", "*", "questions", "replace", "*", "follow_up", "*"),
    ("weeks", "*", "questions", "add", "*", "follow_up", "*"),
}
"""Fields the page leaves to the course file's text, shown under Advanced."""

Kind = Literal["text", "id", "email", "number", "date", "time", "choice", "bool", "list", "group"]


@dataclass(frozen=True)
class Field:
    """One field of the course file: what it holds, as the schema declares it."""

    path: Pattern
    kind: Kind
    help: str
    """The field's docstring: the page's help line under it."""
    choices: tuple[str, ...] = ()
    low: int | None = None
    """The least whole number it takes, for a number."""
    high: int | None = None
    """The greatest whole number it takes, for a number."""

    @property
    def label(self) -> str:
        """The page's label: its own wording, or the field's name as words."""
        return LABELS.get(self.path) or self.path[-1].replace("_", " ").capitalize()

    @property
    def plain(self) -> bool:
        """True for an id, a code or a number: spaces around it are never meant."""
        return self.kind in ("id", "number", "choice")


def pattern(path: typing.Sequence[str | int]) -> Pattern:
    """The pattern of a path in the course file, its list positions written `*`."""
    return tuple("*" if isinstance(p, int) else str(p) for p in path)


def field(path: typing.Sequence[str | int]) -> Field | None:
    """The field at `path` in the course file, or None when the schema has none there."""
    return _field(pattern(path))


@cache
def _field(at: Pattern) -> Field | None:
    tp: Any = schema.Course
    meta: list[Any] = []
    doc = ""
    where: list[str] = []
    for part in at:
        tp, _ = _unwrap(tp, part)
        if typing.get_origin(tp) is dict or (part == "*" and typing.get_origin(tp) is list):
            tp, meta, part = typing.get_args(tp)[-1], [], "*"
        elif _model(tp) and part in tp.model_fields:
            info = tp.model_fields[part]
            tp, meta, doc = info.annotation, list(info.metadata), info.description or ""
        else:
            return None
        where.append(part)
    tp, found = _unwrap(tp, "")
    if len(at) == 2 and at[0] in SHORTHAND and _model(tp):
        return _field((*at, SHORTHAND[at[0]]))  # an item written as one value alone
    return _described(tuple(where), tp, meta + found, " ".join(doc.split()))


def _unwrap(tp: Any, part: str) -> tuple[Any, list[Any]]:
    """A type without Optional and Annotated, and their metadata; a union of a value
    and a mapping (a leader's name, or a table leader) is the mapping when `part` is a key."""
    meta: list[Any] = []
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp, *more = typing.get_args(tp)
            meta += more
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            models = [a for a in args if _model(_unwrap(a, "")[0])]
            tp = models[0] if part not in ("", "*") and models else args[0]
        else:
            return tp, meta


def _model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _described(at: Pattern, tp: Any, meta: list[Any], doc: str) -> Field:
    low = next((m.ge for m in meta if isinstance(m, annotated_types.Ge)), None)
    high = next((m.le for m in meta if isinstance(m, annotated_types.Le)), None)
    origin = typing.get_origin(tp)
    kind: Kind = "text"
    choices: tuple[str, ...] = ()
    if at in OPEN_CHOICES:
        kind, choices = "choice", tuple(OPEN_CHOICES[at]())
    elif origin is Literal:
        kind, choices = "choice", typing.get_args(tp)
    elif origin in (list, dict) or _model(tp):
        kind = "list" if origin is list else "group"
    elif tp is bool:
        kind = "bool"
    elif tp is int:
        kind = "number"
    elif tp is dt.date:
        kind = "date"
    elif tp is dt.time:
        kind = "time"
    elif set(typing.get_args(schema.Slug)[1:]) <= set(meta):
        kind = "id"
    elif set(typing.get_args(schema.Email)[1:]) <= set(meta):
        kind = "email"
    return Field(at, kind, doc, choices, low, high)
