"""A course file, from its text to the resolved course: read, checked, then resolved."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from kit.check.course_file import check_course
from kit.course.model import ResolvedCourse
from kit.course.resolve import resolve
from kit.load.course_file import read_course
from kit.load.lessons import LessonFile
from kit.load.yamlfile import YamlDoc, load_file, load_text
from kit.resources import shown

DEFAULT_COURSE = """\
title: "Closer: Six Weeks of Building Connection"
subtitle: "A marriage small-group study"
weeks: [trust, safety, empathy, vulnerability, closeness, connection]
"""
"""The built-in six-week course."""


def load_course(path: str | Path) -> ResolvedCourse:
    """Read, check and resolve a course file; raise `InputError` with every problem."""
    path = Path(path)
    doc = load_file(path, shown(path), partial=True)
    base = path.resolve().parent
    return _from_doc(doc, base=base)


def load_course_text(
    text: str,
    file: str,
    base: Path,
    *,
    builtin: Callable[[str], dict[str, LessonFile]] | None = None,
) -> ResolvedCourse:
    """Check and resolve a course file's text as if it were saved as `file` in `base`.

    `builtin` gives the built-in lessons of a language, already loaded, for a caller
    that checks many versions of a course in one process.
    """
    base = base.resolve()
    doc = load_text(text, file, partial=True)
    return _from_doc(doc, base=base, builtin=builtin)


def default_course() -> ResolvedCourse:
    """The built-in six-week course."""
    return _from_doc(load_text(DEFAULT_COURSE, "<built-in course>"), base=None)


def _from_doc(
    doc: YamlDoc, base: Path | None, builtin: Callable[[str], dict[str, LessonFile]] | None = None
) -> ResolvedCourse:
    # Every stage runs on what the stages before it found sound, so one run reports
    # every problem: the YAML, the schema, lessons, ids, dates, brand files, templates.
    read = read_course(doc, base, builtin)
    found = check_course(read)
    resolved = resolve(read.checked.value, read.library, base=base, source=doc.file)
    return dataclasses.replace(resolved, warnings=tuple(found))
