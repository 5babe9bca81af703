"""Load a course: read and check the course file and its lessons, then resolve it."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

from kit.compose.templates import template_problems
from kit.course.model import ResolvedCourse
from kit.course.resolve import resolve
from kit.course.schedule import meetings, stray_skips
from kit.course.scripture import passage_problem, translation_problem
from kit.errors import InputError, Problem
from kit.load import schema
from kit.load.brand import brand_problem
from kit.load.lessons import LessonFile, builtin_lessons, lesson_paths, load_lessons
from kit.load.validate import check_model, suggest
from kit.load.yamlfile import YamlDoc, load_file, load_text
from kit.resources import shown

log = logging.getLogger(__name__)

DEFAULT_COURSE = """\
title: "Closer: Six Weeks of Building Connection"
subtitle: "A marriage small-group study"
weeks: [trust, safety, empathy, vulnerability, closeness, connection]
"""
"""The built-in six-week course."""

FIRST_YEAR, LAST_YEAR = 1900, 2199
"""Years a course may start in; anything else is a typo, and far dates overflow."""


def load_course(path: str | Path) -> ResolvedCourse:
    """Read, check and resolve a course file; raise `InputError` with every problem."""
    path = Path(path)
    doc = load_file(path, shown(path))
    return _from_doc(doc, base=path.resolve().parent)


def load_course_text(
    text: str, file: str, base: Path, *, builtin: dict[str, LessonFile] | None = None
) -> ResolvedCourse:
    """Check and resolve a course file's text as if it were saved as `file` in `base`.

    `builtin` gives the built-in lessons already loaded, for a caller that checks
    many versions of a course in one process.
    """
    return _from_doc(load_text(text, file), base=base.resolve(), builtin=builtin)


def default_course() -> ResolvedCourse:
    """The built-in six-week course."""
    return _from_doc(load_text(DEFAULT_COURSE, "<built-in course>"), base=None)


def _from_doc(
    doc: YamlDoc, base: Path | None, builtin: dict[str, LessonFile] | None = None
) -> ResolvedCourse:
    course, problems = check_model(schema.Course, doc, "course")
    if course is None:
        raise InputError(problems)
    library = builtin_lessons() if builtin is None else builtin
    broken: set[str] = set()
    if course.lessons is not None:
        folder = _under(base, course.lessons)
        if folder.is_dir():
            own, lesson_problems = load_lessons(folder, builtin=False)
            problems.extend(lesson_problems)
            broken = _broken_ids(folder, lesson_problems)
            library = {**library, **own}
            log.debug("loaded %d lesson(s) from %s", len(own), folder)
        else:
            problems.append(
                doc.problem(("lessons",), _missing_folder("lesson", course.lessons, folder))
            )
    problems.extend(course_problems(course, doc, library, base, broken=broken))
    if problems:
        raise InputError(problems)
    return resolve(course, library, base=base, source=doc.file)


def _broken_ids(folder: Path, problems: list[Problem]) -> set[str]:
    """Lesson ids the folder's faulty files were meant to hold, by their id key or name."""
    faulty = {p.file for p in problems}
    ids: set[str] = set()
    for path in lesson_paths(folder):
        if shown(path) not in faulty:
            continue
        ids.add(re.sub(r"^\d+-", "", path.stem))
        try:
            data = load_file(path, shown(path)).data
        except InputError:
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            ids.add(data["id"])
    return ids


def _missing_folder(kind: str, value: str, folder: Path) -> str:
    if folder.exists():
        return f"'{value}' is a file; {kind} files go in a folder"
    return f"{kind} folder '{value}' not found"


def _under(base: Path | None, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() or base is None else base / path


def course_problems(
    course: schema.Course,
    doc: YamlDoc,
    library: dict[str, LessonFile],
    base: Path | None,
    *,
    broken: set[str] | frozenset[str] = frozenset(),
) -> Iterator[Problem]:
    """Problems between the course and its lessons, files and settings.

    Weeks naming a lesson in `broken` (a lesson file whose own problems are
    reported already) are not reported again as unknown lessons.
    """
    problem = translation_problem(course.translation)
    if problem:
        yield doc.problem(("translation",), problem)
    for i, week in enumerate(course.weeks):
        entry = library.get(week.lesson)
        if entry is None and week.lesson in broken:
            continue
        if entry is None:
            where = (
                ("weeks", i) if isinstance(doc.data["weeks"][i], str) else ("weeks", i, "lesson")
            )
            yield doc.problem(
                where, f"unknown lesson '{week.lesson}'; {suggest(week.lesson, library)}"
            )
            continue
        yield from _question_problems(week, entry.lesson, doc, ("weeks", i, "questions"))
    if problem is None:
        yield from _passage_problems(course, library, doc)
    yield from _date_problems(course, doc)
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
        elif problem := brand_problem(path, value):
            yield doc.problem(key, problem)
        elif suffix == ".pptx":
            # python-pptx loads only when a course brings its own slide template.
            from kit.writers.pptx_layouts import template_problems as slide_template_problems

            for layout_problem in slide_template_problems(path):
                yield doc.problem(key, layout_problem)
    if course.templates is not None:
        folder = _under(base, course.templates)
        if not folder.is_dir():
            yield doc.problem(("templates",), _missing_folder("template", course.templates, folder))
        else:
            yield from template_problems(folder)


def _question_problems(
    week: schema.Week, lesson: schema.Lesson, doc: YamlDoc, at: tuple
) -> Iterator[Problem]:
    """Question ids a week's changes name that its lesson does not have at that point."""
    ids = [q.id for q in lesson.questions]
    changes = week.questions
    dropped: set[str] = set()
    for j, qid in enumerate(changes.drop):
        if qid not in ids:
            yield doc.problem((*at, "drop", j), f"unknown question id '{qid}'; {suggest(qid, ids)}")
        elif qid in dropped:
            yield doc.problem((*at, "drop", j), f"question '{qid}' is already dropped")
        dropped.add(qid)
    for qid in changes.replace:
        if qid not in ids:
            msg = f"unknown question id '{qid}'; {suggest(qid, ids)}"
            yield doc.problem((*at, "replace", qid), msg, key=True)
        elif qid in dropped:
            msg = f"question '{qid}' is dropped, so it cannot be reworded"
            yield doc.problem((*at, "replace", qid), msg, key=True)
    present = [i for i in ids if i not in dropped]
    added = [add.id or f"{lesson.id}-added-{j + 1}" for j, add in enumerate(changes.add)]
    for j, add in enumerate(changes.add):
        if add.after is not None and add.after not in present:
            if add.after in dropped:
                msg = f"question '{add.after}' is dropped; known: {', '.join(sorted(present))}"
            elif add.after in added[j + 1 :]:
                msg = f"question '{add.after}' is added later; list it before this one"
            else:
                msg = f"unknown question id '{add.after}'; {suggest(add.after, present)}"
            yield doc.problem((*at, "add", j, "after"), msg)
        if added[j] in present:
            where = (*at, "add", j, "id") if add.id else (*at, "add", j)
            yield doc.problem(where, f"question id '{added[j]}' is already used")
        else:
            present.append(added[j])
    if not present:
        yield doc.problem((*at, "drop"), "every question is dropped; keep or add at least one")


def _passage_problems(
    course: schema.Course, library: dict[str, LessonFile], doc: YamlDoc
) -> Iterator[Problem]:
    """Passages the chosen translation has no text for."""
    seen: set[str] = set()
    for week in course.weeks:
        entry = library.get(week.lesson)
        for ref in entry.lesson.scripture if entry else ():
            if ref in seen:
                continue
            seen.add(ref)
            missing = passage_problem(ref, course.translation)
            if missing:
                yield doc.problem(
                    ("translation",), f"{missing} (lesson '{week.lesson}'); choose another"
                )


def _date_problems(course: schema.Course, doc: YamlDoc) -> Iterator[Problem]:
    """A start date out of any calendar's reach, and skipped dates that are not meeting dates."""
    if course.start is not None and not FIRST_YEAR <= course.start.year <= LAST_YEAR:
        yield doc.problem(
            ("start",),
            f"{course.start.isoformat()} is not between {FIRST_YEAR} and {LAST_YEAR}; "
            "check the year",
        )
        return
    if not course.skip:
        return
    if course.start is None:
        yield doc.problem(("skip",), "skip needs a start date to know the meeting days")
        return
    rhythm = "every week" if course.every == 1 else f"every {course.every} weeks"
    last = meetings(course.start, course.every, course.skip, len(course.weeks))[-1].date
    for i, why in stray_skips(course.start, course.every, course.skip, len(course.weeks)):
        day = course.skip[i].isoformat()
        if why == "before":
            msg = f"{day} is before the first meeting ({course.start.isoformat()})"
        elif why == "after":
            msg = f"{day} is after the last meeting ({last.isoformat()}); leave it out"
        elif why == "twice":
            msg = f"{day} is already skipped"
        else:
            msg = (
                f"{day} is not a meeting date (meetings fall on "
                f"{course.start:%A}s {rhythm} from {course.start.isoformat()})"
            )
        yield doc.problem(("skip", i), msg)
