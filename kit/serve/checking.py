"""Check a course file's text with the library's own loader, and place each problem on the page."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.course.course_file import load_course_text
from kit.course.model import ResolvedCourse
from kit.errors import InputError, KitError, Problem, printable
from kit.language import LANGUAGES
from kit.load.files import named_path
from kit.load.lessons import (
    LessonFile,
    builtin_folder,
    builtin_lessons,
    lesson_paths,
    load_lessons,
)
from kit.load.yamlfile import MAX_BYTES, load_text
from kit.messages import field_path, too_big
from kit.places import in_words

log = logging.getLogger(__name__)

_PART = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


@dataclass(frozen=True)
class Shown:
    """A problem as the page shows it: the field it belongs to and the words `kit check` prints."""

    field: str
    """Key of the field on the page (`minutes`, `weeks[2]`, `weeks[2].questions.q.ID`)."""
    text: str
    """The problem exactly as `kit check` prints it."""
    message: str
    """What is wrong, without its place."""
    warning: bool = False
    """True for a warning: worth a look, but the course saves and builds."""
    words: str = ""
    """What the page shows first: the place in words ("week 4, the 1st question to drop")
    and what is wrong."""
    at: str = ""
    """The file, line and column, and the field path, shown after in small type."""


@dataclass
class CheckOutcome:
    """The outcome of checking a course file's text."""

    course: ResolvedCourse | None
    """The resolved course, or None when it has problems."""
    problems: list[Problem] = field(default_factory=list)
    """Every problem found, in the order `kit check` prints them."""
    warnings: list[Problem] = field(default_factory=list)
    """Every warning, with problems or without, in the order `kit check` prints them."""


def check(text: str, file: str, base: Path) -> CheckOutcome:
    """Load `text` as the course file `file` in the folder `base`, as `kit check` would."""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        msg = too_big(size, MAX_BYTES)
        return CheckOutcome(None, [Problem(file, 1, 1, "", msg)])
    try:
        course = load_course_text(text, file, base, builtin=builtin)
    except InputError as exc:
        log.debug("%s: %d problem(s)", file, len(exc.problems))
        return CheckOutcome(None, list(exc.problems), list(exc.warnings))
    except KitError as exc:
        return CheckOutcome(None, [Problem(file, 0, 0, "", str(exc))])
    return CheckOutcome(course, [], list(course.warnings))


def parse_where(where: str) -> list[str | int]:
    """A field path as `kit check` prints it (`weeks[2].questions.drop[0]`), as parts."""
    return [int(i) if i else name for i, name in _PART.findall(where)]


def field_of(problem: Problem, data: Any, file: str) -> str:
    """The key of the page's field a problem belongs to; empty for the page as a whole."""
    if problem.file != file or not problem.where:
        return ""
    path = parse_where(problem.where)
    if len(path) >= 4 and path[0] == "weeks" and path[2] == "questions":
        week = path[1]
        kind = path[3]
        if kind == "drop" and len(path) >= 5 and isinstance(path[4], int):
            qid = _get(data, ["weeks", week, "questions", "drop", path[4]])
            if isinstance(qid, str):
                return field_path(["weeks", week, "questions", "q", qid])
        if kind == "replace" and len(path) >= 5:
            return field_path(["weeks", week, "questions", "q", path[4]])
    if len(path) >= 3 and path[0] == "weeks" and path[2] == "lesson":
        return field_path(path[:2])
    return problem.where


def by_field(
    problems: list[Problem], data: Any, file: str, *, warning: bool = False
) -> list[Shown]:
    """Problems (or, with `warning`, warnings) with the page field each belongs to."""
    return [
        Shown(field_of(p, data, file), str(p), p.message, warning, *_said(p, file))
        for p in problems
    ]


def _said(problem: Problem, file: str) -> tuple[str, str]:
    """A problem's place in words with what is wrong, and its file, line, column and path."""
    place = in_words(problem.where)
    path = f" ({problem.where})"
    words = place.removesuffix(path) if problem.where else ""
    if problem.file != file:  # a lesson's file: its places are not the course file's
        words = f"{problem.file}, {words}" if words else problem.file
    at = f"{problem.file}:{problem.line}:{problem.column}" if problem.line else problem.file
    if problem.where and words != problem.where:
        at = f"{at} · {problem.where}"
    return printable(f"{words}: {problem.message}" if words else problem.message), printable(at)


def warnings(checked: CheckOutcome) -> list[Problem]:
    """The course's warnings, beside its problems or without any: worth a look."""
    return list(checked.warnings)


def _get(data: Any, path: list[str | int]) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or not 0 <= part < len(data):
                return None
        elif not isinstance(data, dict):
            return None
        data = data[part] if isinstance(part, int) else data.get(part)
    return data


_BUILTIN: dict[str, tuple[tuple, dict[str, LessonFile]]] = {}


def builtin(language: str = "en") -> dict[str, LessonFile]:
    """kit's own lessons in a language, read again only when one of their files changes.

    Reading and checking them takes longer than everything else a change on the page
    needs, and they stay the same while the page is open.
    """
    folder = builtin_folder(language)
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in lesson_paths(folder))
    kept = _BUILTIN.get(language)
    if kept is None or kept[0] != stamp:
        kept = _BUILTIN[language] = (stamp, builtin_lessons(language))
    return kept[1]


def language_of(data: Any) -> str:
    """The language a course file's data says, English when it says none kit speaks."""
    language = data.get("language") if isinstance(data, dict) else None
    return language if isinstance(language, str) and language in LANGUAGES else "en"


def library(data: Any, base: Path) -> dict[str, LessonFile]:
    """The lessons a course can choose from: kit's own, then those in its `lessons` folder.

    A lesson folder with faulty files still offers its good lessons; the course check
    reports the faulty ones.
    """
    language = language_of(data)
    found = dict(builtin(language))
    folder = data.get("lessons") if isinstance(data, dict) else None
    if isinstance(folder, str) and folder.strip():
        # Found as the course check finds it: a name too long or a link out is not looked at.
        path = named_path(base, folder.strip()).path
        if path is not None and path.is_dir():
            own, _ = load_lessons(path, builtin=False, language=language)
            found.update(own)
    return found


def data_of(text: str, file: str) -> tuple[Any, list[Problem]]:
    """The plain data of a course file's text, or the problems that stop it being read."""
    try:
        return load_text(text, file).data, []
    except InputError as exc:
        return None, list(exc.problems)
