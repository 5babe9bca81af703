"""A course file read: its YAML, checked against the schema, and the lessons it may teach."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kit.errors import InputError, Problem
from kit.load import schema
from kit.load.files import named_path
from kit.load.lessons import LessonFile, builtin_lessons, lesson_paths, load_lessons
from kit.load.salvage import Checked, check_partial
from kit.load.yamlfile import YamlDoc, load_file
from kit.resources import shown

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadCourse:
    """A course file read as far as the schema: what the checks after it run on."""

    doc: YamlDoc
    """The course file's YAML, with positions."""
    checked: Checked
    """The course the schema found, salvaged where it found problems."""
    library: dict[str, LessonFile]
    """The lessons it may teach, by id: the built-in ones and its own folder's."""
    broken: set[str]
    """Ids of its own lessons whose files have problems of their own."""
    problems: list[Problem]
    """What the schema and the lessons folder found wrong."""
    base: Path | None
    """The course file's folder; None for the built-in course."""


def read_course(
    doc: YamlDoc,
    base: Path | None,
    builtin: Callable[[str], dict[str, LessonFile]] | None = None,
) -> ReadCourse:
    """Check a course file's YAML against the schema and read its lessons folder.

    The built-in lessons are those of the course's language, from `builtin` when given
    (a caller that keeps them loaded) or read from kit's lessons.
    """
    checked = check_partial(schema.CourseFile, doc, "course")
    course, problems = checked.value, list(checked.problems)
    if course is None:
        raise InputError(problems)
    library = (builtin or builtin_lessons)(course.language)
    broken: set[str] = set()
    if course.lessons is not None:
        named = named_path(base, course.lessons)
        folder = named.path
        if folder is None:
            problems.append(doc.problem(("lessons",), str(named.problem)))
        elif folder.is_dir():
            roots = () if base is None else (base,)
            own, lesson_problems = load_lessons(
                folder, builtin=False, roots=roots, language=course.language
            )
            problems.extend(_at_key(lesson_problems, folder, doc, "lessons", course.lessons))
            broken = _broken_ids(folder, lesson_problems)
            library = {**library, **own}
            log.debug("loaded %d lesson(s) from %s", len(own), folder)
        else:
            problems.append(
                doc.problem(("lessons",), missing_folder("lesson", course.lessons, folder))
            )
    return ReadCourse(doc, checked, library, broken, problems, base)


def _at_key(
    problems: list[Problem], folder: Path, doc: YamlDoc, key: str, value: str
) -> list[Problem]:
    """Problems of a whole folder, moved to the course file's key that names it."""
    here = shown(folder)
    return [
        doc.problem((key,), f"folder '{value}' {p.message}") if p.file == here else p
        for p in problems
    ]


def _broken_ids(folder: Path, problems: list[Problem]) -> set[str]:
    """Lesson ids the folder's faulty files were meant to hold, by their id key or name."""
    faulty = {p.file for p in problems}
    ids: set[str] = set()
    for path in lesson_paths(folder):
        if shown(path) not in faulty:
            continue
        ids.add(re.sub(r"^\d+-", "", path.stem))
        try:
            data = load_file(path, shown(path), partial=True).data
        except InputError:
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            ids.add(data["id"])
    return ids


def missing_folder(kind: str, value: str, folder: Path) -> str:
    """Why a folder the course names, for `kind` files, is not one it can read."""
    if folder.exists():
        return f"'{value}' is a file; {kind} files go in a folder"
    return f"no folder '{value}' beside the course file; check the name, or make the folder"
