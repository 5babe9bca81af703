"""Warnings about a course that loads: worth a look, but nothing stops the build."""

from __future__ import annotations

from collections.abc import Iterator

from kit import wording
from kit.errors import Problem, warning
from kit.load import schema
from kit.load.lessons import LessonFile
from kit.load.schema import CourseFile
from kit.load.yamlfile import YamlDoc

NO_CARE = (
    "lists no care contacts; add your pastor's or a counselor's name and phone under care, "
    "so every handout and leader note can say who to call"
)
"""The warning for a course with no one to call."""


def course_warnings(
    course: CourseFile, doc: YamlDoc, library: dict[str, LessonFile], *, own_file: bool = True
) -> list[Problem]:
    """Every warning about a course and the lessons it teaches, in file order.

    The course may be one salvaged from a file with problems (kit/load/salvage.py): a
    value that failed is None, and only what is sound is looked at. The built-in course
    (`own_file` false) has no file to add care contacts to.
    """
    found = [
        *repeated_lessons(course, doc),
        *repeated_notices(course, doc),
        *length_warnings(course, doc, library),
        *intimacy_left_out(course, doc, library),
    ]
    if not course.care and own_file:
        # Every handout and leader note prints the care contacts; without any, leaders
        # meet a hard disclosure with a blank box to fill in by hand.
        found.append(warning(doc.problem((), NO_CARE)))
    return sorted(found)


def repeated_lessons(course: schema.CourseFile, doc: YamlDoc) -> Iterator[Problem]:
    """A lesson listed again after its first week: a slip as a rule, so it is said.

    A course may mean it (a lesson taught again to close a series), so nothing stops.
    """
    first: dict[str, int] = {}
    for i, week in enumerate(course.weeks or ()):
        if week is None or week.lesson is None:
            continue  # its own problem is reported
        if week.lesson not in first:
            first[week.lesson] = i
            continue
        message = (
            f"lesson '{week.lesson}' is already week {first[week.lesson] + 1}; "
            "choose another lesson, unless it is meant to be taught twice"
        )
        yield warning(doc.problem(lesson_at(doc, i), message))


def repeated_notices(course: schema.CourseFile, doc: YamlDoc) -> Iterator[Problem]:
    """A notice given again: printed twice on the same handout and closing slide.

    A week's notices follow the course's on every page, so one that repeats a notice
    for every week, or one of its own week's, is said where it is given again.
    """
    every: dict[str, int] = {}
    for i, notice in enumerate(course.notices or ()):
        if notice is None:
            continue  # its own problem is reported
        if _key(notice) in every:
            at = every[_key(notice)] + 1
            message = f"'{notice}' is already notice {at}; remove one of them"
            yield warning(doc.problem(("notices", i), message))
        else:
            every[_key(notice)] = i
    for w, week in enumerate(course.weeks or ()):
        if week is None:
            continue
        own: dict[str, int] = {}
        for i, notice in enumerate(week.notices or ()):
            if notice is None:
                continue
            key = _key(notice)
            if key in every:
                message = (
                    f"'{notice}' is already a notice for every week (notice "
                    f"{every[key] + 1}); remove it here"
                )
            elif key in own:
                message = (
                    f"'{notice}' is already this week's notice {own[key] + 1}; remove one of them"
                )
            else:
                own[key] = i
                continue
            yield warning(doc.problem(("weeks", w, "notices", i), message))


def lesson_at(doc: YamlDoc, i: int) -> tuple:
    """Where week `i` names its lesson: the week itself, or its `lesson` key."""
    return ("weeks", i) if isinstance(doc.data["weeks"][i], str) else ("weeks", i, "lesson")


def length_warnings(
    course: schema.CourseFile, doc: YamlDoc, library: dict[str, LessonFile]
) -> Iterator[Problem]:
    """Text that names a course length other than this course's: "six weeks" in five.

    The course file's own wording is read, then each lesson the course teaches, once.
    """
    if course.weeks is None:
        return  # no length to compare with
    count = len(course.weeks)
    sources = [(doc, ())]
    taught = (week.lesson for week in course.weeks if week is not None)
    for lesson_id in dict.fromkeys(taught):
        if lesson_id in library:  # an unknown lesson is a problem of its own
            sources.append((library[lesson_id].doc, ()))
    for source, under in sources:
        for path, text in wording.strings(source.data, under):
            # Placeholders are filled in a week's text, not in the course's own title.
            filled = source is not doc or path[:1] == ("weeks",)
            fix = (
                "write {weeks} to name the course's length, or reword it"
                if filled
                else ("reword it to match")
            )
            title = source is doc and path in (("title",), ("subtitle",))
            for named in sorted(set(wording.weeks_named(text, title=title)) - {count}):
                said = f"{wording.number_word(named)} week{'s' if named != 1 else ''}"
                message = f"says {said}, but the course has {wording.number_word(count)}; {fix}"
                yield warning(source.problem(path, message))


def intimacy_left_out(
    course: schema.CourseFile, doc: YamlDoc, library: dict[str, LessonFile]
) -> Iterator[Problem]:
    """A course that keeps the private word on intimacy but teaches no lesson that has one.

    Only some lessons carry it (`take_home.private`), so a course that teaches most of the
    built-in series but leaves those out drops it without a word; `intimacy: false` says it
    means to.
    """
    if not course.intimacy or not course.weeks or any(w is None for w in course.weeks):
        return
    taught = {week.lesson for week in course.weeks}
    if any(week.lesson not in library for week in course.weeks):
        return  # an unknown lesson is a problem of its own
    having = [i for i, f in library.items() if f.lesson.take_home.private]
    if not having or taught.intersection(having):
        return
    builtin = [i for i, f in library.items() if f.builtin]
    if 2 * len(taught.intersection(builtin)) < len(builtin):
        # A taster of a week or two, or a course of the church's own lessons, chose what
        # it says; one that teaches half the series or more reads as the series.
        return
    names = " or ".join(having)
    message = (
        f"the private word on physical intimacy is in the {names} lesson, which this course "
        f"leaves out; add {names}, or set intimacy: false to say you mean it"
    )
    yield warning(doc.problem(("weeks",), message))


def _key(notice: str) -> str:
    """A notice as a reader compares it: case and spacing aside."""
    return " ".join(notice.split()).casefold()
