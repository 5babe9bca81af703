"""Lesson files: find, load and check the built-in lessons and a course's own."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kit import wording
from kit.errors import InputError, Problem
from kit.load.files import LINK_OUT, MAX_ENTRIES, list_folder
from kit.load.salvage import check_partial
from kit.load.schema import Lesson
from kit.load.scripture import reference_problem
from kit.load.yamlfile import YamlDoc, load_file
from kit.places import ordinal
from kit.resources import data_dir, shown

LESSON_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LessonFile:
    """A validated lesson and the document it came from, for located messages."""

    lesson: Lesson
    """The lesson."""
    doc: YamlDoc
    """Its loaded YAML, with positions."""
    builtin: bool
    """True for a lesson shipped with kit."""


def lesson_paths(folder: Path, roots: tuple[Path, ...] = ()) -> list[Path]:
    """Lesson files in a folder, in name order; links out of it (or `roots`) are left out."""
    listing = list_folder(folder, (folder, *roots), recursive=False)
    return [e.path for e in listing.files if e.path.suffix in LESSON_SUFFIXES]


def folder_problems(folder: Path, roots: tuple[Path, ...] = ()) -> list[Problem]:
    """A lesson folder's own problems: too many entries, lesson files linking out of it."""
    listing = list_folder(folder, (folder, *roots), recursive=False)
    problems = [
        Problem(shown(e.path), 1, 1, "", LINK_OUT)
        for e in listing.links_out
        if e.path.suffix in LESSON_SUFFIXES
    ]
    problems += [
        Problem(shown(e.path), 0, 0, "", f"cannot read: {why}") for e, why in listing.unreadable
    ]
    if listing.too_many:
        msg = f"holds more than {MAX_ENTRIES} files; a lesson folder holds a few lesson files"
        problems.append(Problem(shown(folder), 0, 0, "", msg))
    return problems


def load_lessons(
    folder: Path, *, builtin: bool, roots: tuple[Path, ...] = (), language: str = "en"
) -> tuple[dict[str, LessonFile], list[Problem]]:
    """Load and check every lesson in a folder, collecting problems instead of stopping.

    A lesson file may resolve only inside the folder or one of `roots` (the course folder).
    Its Scripture references are read in `language`'s book names ("Efesios 4:25" in es).
    """
    found: dict[str, LessonFile] = {}
    problems = folder_problems(folder, roots)
    if any(p.file == shown(folder) for p in problems):
        return found, problems
    for path in lesson_paths(folder, roots):
        try:
            doc = load_file(path, shown(path), partial=True)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        # The checks after the schema's run on what it found sound, so one run
        # reports every problem of the file.
        checked = check_partial(Lesson, doc, "lesson")
        problems.extend(checked.problems)
        lesson = checked.value
        if lesson is None:
            continue
        problems.extend(lesson_problems(lesson, doc, language))
        if checked.problems or not checked.ok(("id",)):
            continue  # only a lesson the schema accepts is taught
        if lesson.id in found:
            first = found[lesson.id].doc.file
            problems.append(
                doc.problem(("id",), f"lesson id '{lesson.id}' is also used by {first}")
            )
            continue
        found[lesson.id] = LessonFile(lesson, doc, builtin)
    return found, problems


def lesson_problems(lesson: Lesson, doc: YamlDoc, language: str = "en") -> Iterable[Problem]:
    """Problems the schema cannot see: question ids, scripture references, placeholders.

    The lesson may be a salvaged one (see kit/load/salvage.py): what the schema
    refused is None here, and left to the schema's own problems.
    """
    seen: dict[str, int] = {}
    prefix = f"{lesson.id}-" if lesson.id else None
    for i, question in enumerate(lesson.questions or ()):
        if question is None or question.id is None:
            continue
        where = ("questions", i, "id")
        if prefix and not question.id.startswith(prefix):
            yield doc.problem(where, f"question id '{question.id}' must start with '{prefix}'")
        if question.id in seen:
            yield doc.problem(
                where,
                f"question id '{question.id}' is already used by the "
                f"{ordinal(seen[question.id] + 1)} question",
            )
        else:
            seen[question.id] = i
    for i, ref in enumerate(lesson.scripture or ()):
        if ref is None:
            continue
        problem = reference_problem(ref, language)
        if problem:
            yield doc.problem(("scripture", i), problem)
    yield from placeholder_problems(doc)


def placeholder_problems(doc: YamlDoc, under: tuple = ()) -> Iterator[Problem]:
    """Placeholders such as `{wekes}` that kit cannot fill, in a file or part of one."""
    data = doc.data
    for key in under:
        if not isinstance(data, dict) or key not in data:
            return  # the schema reports what is missing
        data = data[key]
    known = ", ".join(f"{{{n}}}" for n in wording.NAMES)
    for path, text in wording.strings(data, under):
        for name in wording.unknown(text):
            yield doc.problem(
                path, f"unknown placeholder '{{{name}}}'; known: {known} (write {{{{ for a brace)"
            )


def builtin_folder(language: str = "en") -> Path:
    """The folder of kit's own lessons in one language."""
    return data_dir("lessons") / language


def builtin_lessons(language: str = "en") -> dict[str, LessonFile]:
    """The lessons shipped with kit in one language; a problem in them is a defect in kit."""
    found, problems = load_lessons(builtin_folder(language), builtin=True, language=language)
    if problems:
        raise InputError(problems)
    return found


def builtin_ids(language: str) -> dict[str, Path]:
    """The ids of kit's own lessons in one language, by their file names, without reading them."""
    return {re.sub(r"^\d+-", "", p.stem): p for p in lesson_paths(builtin_folder(language))}
