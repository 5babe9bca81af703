"""What templates see of a course: plain, frozen records of text, numbers and dates.

A course folder may come from anyone, and its templates run on the computer that
builds it. So templates are never handed kit's own objects (pydantic models carry
methods that read files and unpickle data; paths name folders on the computer), but
copies of them as records: each holds only values (text, numbers, dates, tuples of
records), has no methods of its own, and the sandbox lets a template read nothing of
it but its fields (see kit/templating/sandbox.py).

A record is made for each kind of object the resolved course holds, with the same
name and the same public fields and properties, so a field added to the course
model reaches templates without a change here. The two lookups a week offers,
`week.slot(key)` and `week.minutes(key)`, are `Lookup` tables: callable, and
holding nothing else. What names files and folders or carries messages is left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Mapping
from pathlib import PurePath
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel

from kit.course.model import ResolvedCourse
from kit.course.model import Week as _ModelWeek
from kit.templating.records import FIELDS, Lookup

HIDDEN = frozenset(
    {"brand_slides", "brand_document", "templates_dir", "course_dir", "source", "warnings"}
)
"""Fields of the resolved course templates never see: where its files are, its messages."""
_NAMES = {"ResolvedCourse": "Course"}
"""Records named otherwise than the class they copy."""

_TYPES: dict[type, type] = {}


def course_view(course: ResolvedCourse) -> Any:
    """The course as templates see it."""
    return plain(course)


def plain(value: Any) -> Any:
    """`value` as plain data: text, numbers, dates, tuples, read-only mappings, records."""
    if value is None or isinstance(value, (str, int, float, dt.date, dt.time)):
        return value  # bool is an int; datetime a date
    if isinstance(value, (tuple, list)):
        return tuple(plain(item) for item in value)
    if isinstance(value, Mapping):
        return MappingProxyType({key: plain(item) for key, item in value.items()})
    if isinstance(value, PurePath):
        raise TypeError("a path may not reach a template")
    names = _public(type(value))
    if names is None:
        raise TypeError(f"no plain form for {type(value).__name__}")
    values = {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, _ModelWeek):
        # The week's two lookups: its parts by key, and their minutes.
        slots = values["slots"]
        values["slot"] = Lookup("part", MappingProxyType({s.key: s for s in slots}))
        values["minutes"] = Lookup("part", MappingProxyType({s.key: s.minutes for s in slots}))
    return _record_type(type(value), tuple(values))(**values)


def _public(cls: type) -> tuple[str, ...] | None:
    """The fields and properties of one of kit's classes, or None for any other class."""
    if issubclass(cls, BaseModel):
        fields = list(cls.model_fields)
    elif dataclasses.is_dataclass(cls):
        fields = [f.name for f in dataclasses.fields(cls)]
    else:
        return None
    properties = [
        name
        for name, attr in vars(cls).items()
        if isinstance(attr, property) and not name.startswith("_")
    ]
    return tuple(n for n in (*fields, *properties) if n not in HIDDEN and not n.startswith("_"))


def _record_type(cls: type, names: tuple[str, ...]) -> type:
    """The record type copying `cls`: frozen, with slots, and fields only."""
    found = _TYPES.get(cls)
    if found is not None:
        return found
    name = _NAMES.get(cls.__name__, cls.__name__)
    record = dataclasses.make_dataclass(name, names, frozen=True, slots=True)
    record.__module__ = __name__
    record.__qualname__ = name
    record.__doc__ = f"What a template sees of a {name}."
    setattr(sys.modules[__name__], name, record)  # so messages can list its fields
    _TYPES[cls] = record
    FIELDS[record] = frozenset(names)
    return record


def records() -> list[type]:
    """Every record type made so far."""
    return list(FIELDS)
