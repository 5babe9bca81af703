"""kit: turn lesson files into a small-group study kit of leader notes, handouts and slides."""

from __future__ import annotations

from kit.course import default_course, load_course
from kit.errors import InputError, KitError
from kit.model import ResolvedCourse
from kit.pipeline import build

__all__ = ["InputError", "KitError", "ResolvedCourse", "build", "default_course", "load_course"]
__version__ = "0.1.0"
