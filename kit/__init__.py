"""kit: turn lesson files into a small-group study kit of leader notes, handouts and slides."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kit.errors import InputError, KitError

if TYPE_CHECKING:
    from kit.course.course_file import default_course, load_course
    from kit.course.model import ResolvedCourse
    from kit.pipeline import build

__all__ = ["InputError", "KitError", "ResolvedCourse", "build", "default_course", "load_course"]
__version__ = "0.1.0"

_LAZY = {
    "build": "kit.pipeline",
    "default_course": "kit.course.course_file",
    "load_course": "kit.course.course_file",
    "ResolvedCourse": "kit.course.model",
}
"""Imported on first use, so that `kit --help` and `kit new` start at once."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kit' has no attribute {name!r}")
