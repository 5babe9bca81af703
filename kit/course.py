"""Load a course: read and check the course file and its lessons, then resolve it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from kit import schema
from kit.errors import InputError, Problem
from kit.library import LessonFile, builtin_lessons, load_lessons
from kit.model import ResolvedCourse
from kit.resolve import resolve
from kit.resources import shown
from kit.schedule import stray_skips
from kit.scripture import translation_problem
from kit.templating import template_problems
from kit.validate import check_model, suggest
from kit.yamlfile import YamlDoc, load_file, load_text

log = logging.getLogger(__name__)

DEFAULT_COURSE = """\
title: "Closer: Six Weeks of Building Connection"
subtitle: "A marriage small-group study"
weeks: [trust, safety, empathy, vulnerability, closeness, connection]
"""
"""The built-in six-week course."""


def load_course(path: str | Path) -> ResolvedCourse:
    """Read, check and resolve a course file; raise `InputError` with every problem."""
    path = Path(path)
    doc = load_file(path, shown(path))
    return _from_doc(doc, base=path.resolve().parent)


def default_course() -> ResolvedCourse:
    """The built-in six-week course."""
    return _from_doc(load_text(DEFAULT_COURSE, "<built-in course>"), base=None)


def _from_doc(doc: YamlDoc, base: Path | None) -> ResolvedCourse:
    course, problems = check_model(schema.Course, doc, "course")
    if course is None:
        raise InputError(problems)
    library = builtin_lessons()
    if course.lessons is not None:
        folder = _under(base, course.lessons)
        if folder.is_dir():
            own, lesson_problems = load_lessons(folder, builtin=False)
            problems.extend(lesson_problems)
            library = {**library, **own}
            log.debug("loaded %d lesson(s) from %s", len(own), folder)
        else:
            problems.append(
                doc.problem(("lessons",), f"lesson folder '{course.lessons}' not found")
            )
    problems.extend(course_problems(course, doc, library, base))
    if problems:
        raise InputError(problems)
    return resolve(course, library, base=base, source=doc.file)


def _under(base: Path | None, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() or base is None else base / path


def course_problems(
    course: schema.Course, doc: YamlDoc, library: dict[str, LessonFile], base: Path | None
) -> Iterator[Problem]:
    """Problems between the course and its lessons, files and settings."""
    problem = translation_problem(course.translation)
    if problem:
        yield doc.problem(("translation",), problem)
    for i, week in enumerate(course.weeks):
        entry = library.get(week.lesson)
        if entry is None:
            where = (
                ("weeks", i) if isinstance(doc.data["weeks"][i], str) else ("weeks", i, "lesson")
            )
            yield doc.problem(
                where, f"unknown lesson '{week.lesson}'; {suggest(week.lesson, library)}"
            )
            continue
        yield from _question_problems(week, entry.lesson, doc, ("weeks", i, "questions"))
    if course.skip and course.start is None:
        yield doc.problem(("skip",), "skip needs a start date to know the meeting days")
    elif course.start is not None:
        weekday = course.start.strftime("%A")
        for i in stray_skips(course.start, course.every, course.skip, len(course.weeks)):
            day = course.skip[i]
            yield doc.problem(
                ("skip", i),
                f"{day.isoformat()} is not a meeting date (meetings fall on {weekday}s "
                f"every {course.every} week(s) from {course.start.isoformat()})",
            )
    for key, value, suffix in (
        (("brand", "slides"), course.brand.slides, ".pptx"),
        (("brand", "document"), course.brand.document, ".docx"),
    ):
        if value is None:
            continue
        path = _under(base, value)
        if path.suffix.lower() != suffix:
            yield doc.problem(key, f"'{value}' should be a {suffix} file")
        elif not path.is_file():
            yield doc.problem(key, f"file '{value}' not found")
    if course.templates is not None:
        folder = _under(base, course.templates)
        if not folder.is_dir():
            yield doc.problem(("templates",), f"template folder '{course.templates}' not found")
        else:
            yield from template_problems(folder)


def _question_problems(
    week: schema.Week, lesson: schema.Lesson, doc: YamlDoc, at: tuple
) -> Iterator[Problem]:
    ids = [q.id for q in lesson.questions]
    changes = week.questions
    for j, qid in enumerate(changes.drop):
        if qid not in ids:
            yield doc.problem((*at, "drop", j), f"unknown question id '{qid}'; {suggest(qid, ids)}")
    dropped = set(changes.drop)
    for qid in changes.replace:
        if qid not in ids:
            msg = f"unknown question id '{qid}'; {suggest(qid, ids)}"
            yield doc.problem((*at, "replace", qid), msg, key=True)
        elif qid in dropped:
            yield doc.problem((*at, "replace", qid), f"question '{qid}' is dropped", key=True)
    present = [i for i in ids if i not in dropped]
    for j, add in enumerate(changes.add):
        if add.after is not None and add.after not in present:
            why = "is dropped" if add.after in dropped else "is not a question of this week"
            msg = f"'{add.after}' {why}; {suggest(add.after, present)}"
            yield doc.problem((*at, "add", j, "after"), msg)
        new_id = add.id or f"{lesson.id}-added-{j + 1}"
        if new_id in present:
            yield doc.problem((*at, "add", j, "id"), f"question id '{new_id}' is already used")
        present.append(new_id)
