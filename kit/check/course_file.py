"""Check a course read: every problem and warning between it, its lessons, files and settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

from kit.check.course_warnings import course_warnings, lesson_at
from kit.check.packets import packet_problems
from kit.check.questions import apply_changes, question_problems
from kit.check.schedule import meetings, stray_skips
from kit.check.timing import (
    LONGEST_SESSION,
    SHORTEST_REST,
    discussion_shortfall,
    fit_session,
    session_parts,
)
from kit.dates import format_date
from kit.errors import InputError, Problem
from kit.language import LANGUAGES
from kit.load import schema
from kit.load.brand import brand_problem
from kit.load.course_file import ReadCourse, missing_folder
from kit.load.files import MAX_ENTRIES, list_folder, named_path
from kit.load.lessons import LessonFile, builtin_ids, placeholder_problems
from kit.load.salvage import Checked
from kit.load.scripture import passage_problem, translation_problem
from kit.load.validate import written_path
from kit.load.yamlfile import YamlDoc
from kit.messages import suggest
from kit.templating.templates import template_problems

SLIDE_TEMPLATE = (".pptx", ".potx")
"""A slide template may be a PowerPoint template as saved (.potx) as well as a .pptx."""
RHYTHMS = {1: "every week", 2: "every other week", 3: "every third week"}
"""How often a course meets, by the weeks between meetings."""

MOST_NOTICES = 3
"""Most notices one week may have, the course's and its own: the closing slide's room."""

FIRST_YEAR, LAST_YEAR = 1900, 2199
"""Years a course may start in; anything else is a typo, and far dates overflow."""


def check_course(read: ReadCourse) -> list[Problem]:
    """The warnings of a course read; raise `InputError` with every problem, and them."""
    course = read.checked.value
    problems = [*read.problems]
    problems.extend(
        course_problems(
            course, read.doc, read.library, read.base, broken=read.broken, checked=read.checked
        )
    )
    # Warnings are said with the problems: fixing these should not bring more to fix.
    found = course_warnings(course, read.doc, read.library, own_file=read.base is not None)
    if problems:
        raise InputError(problems, found)
    return found


def course_problems(
    course: schema.CourseFile,
    doc: YamlDoc,
    library: dict[str, LessonFile],
    base: Path | None,
    *,
    broken: set[str] | frozenset[str] = frozenset(),
    checked: Checked | None = None,
) -> Iterator[Problem]:
    """Problems between the course and its lessons, files and settings.

    Weeks naming a lesson in `broken` (a lesson file whose own problems are
    reported already) are not reported again as unknown lessons. With `checked`,
    the course may be a salvaged one (see kit/load/salvage.py): a check runs only
    when the values it depends on are sound.
    """
    ok = checked.ok if checked is not None else _always
    translation = ok(("translation",))
    problem = translation_problem(course.translation) if translation else None
    if problem:
        yield doc.problem(("translation",), problem)
    sound = ok(("minutes",), ("arrival",))
    if sound and course.arrival and course.minutes - course.arrival < SHORTEST_REST:
        yield doc.problem(("arrival",), _arrival_problem(course.minutes, course.arrival))
        sound = False
    for i, week in enumerate(course.weeks or ()):
        if week is None or week.lesson is None:
            continue  # its own problem is reported
        entry = library.get(week.lesson)
        if entry is None and week.lesson in broken:
            continue
        if entry is None:
            yield doc.problem(lesson_at(doc, i), _unknown_lesson(week.lesson, library, course))
            continue
        found = list(question_problems(week, entry.lesson, doc, ("weeks", i, "questions")))
        yield from found
        fits = sound and not found and ok(("weeks", i, "questions"))
        if fits and (timing := _timing_problem(i, week, entry.lesson, course)):
            yield doc.problem(("weeks", i), timing)
    if translation and problem is None:
        yield from _passage_problems(course, library, doc)
    if ok(("start",), ("every",)) and course.weeks is not None:
        yield from _date_problems(course, doc, ok)
    for key, value, suffix in (
        (("brand", "slides"), course.brand.slides, ".pptx"),
        (("brand", "document"), course.brand.document, ".docx"),
    ):
        if value is None:
            continue
        named = named_path(base, value)
        path = named.path
        if path is None:
            yield doc.problem(key, str(named.problem))
        elif path.suffix.lower() != suffix and (suffix, path.suffix.lower()) != SLIDE_TEMPLATE:
            wanted = " or ".join(SLIDE_TEMPLATE) if suffix in SLIDE_TEMPLATE else suffix
            yield doc.problem(key, f"'{value}' should be a {wanted} file")
        elif not path.is_file():
            yield doc.problem(key, f"file '{value}' not found")
        elif problem := brand_problem(path, value):
            yield doc.problem(key, problem)
    if course.templates is not None:
        yield from _templates_problems(course.templates, base, doc)
    yield from placeholder_problems(doc, ("weeks",))
    yield from placeholder_problems(doc, ("notices",))
    names = [x.name if isinstance(x, schema.TableLeader) else None for x in course.leaders or ()]
    for i, message in packet_problems(names):
        yield doc.problem(("leaders", i, "name"), message)
    yield from _notice_problems(course, doc)


def _notice_problems(course: schema.CourseFile, doc: YamlDoc) -> Iterator[Problem]:
    """Weeks with more notices, the course's and their own, than a closing slide holds."""
    shared = len(course.notices or ())
    for i, week in enumerate(course.weeks or ()):
        own = len(week.notices) if week is not None else 0
        if own and shared + own > MOST_NOTICES:
            yield doc.problem(
                ("weeks", i, "notices"),
                f"{own} notice{'s' if own != 1 else ''} here and {shared} for the whole course "
                f"make {shared + own}; a week's closing slide holds {MOST_NOTICES}, so "
                "leave some out or put them on the handout another week",
            )
    if shared > MOST_NOTICES:
        yield doc.problem(
            ("notices",),
            f"{shared} notices for every week; a week's closing slide holds {MOST_NOTICES}, "
            "so leave some out",
        )


def _templates_problems(value: str, base: Path | None, doc: YamlDoc) -> Iterator[Problem]:
    """Problems with the course's templates folder and every template in it."""
    named = named_path(base, value)
    folder = named.path
    if folder is None:
        yield doc.problem(("templates",), str(named.problem))
        return
    if not folder.is_dir():
        yield doc.problem(("templates",), missing_folder("template", value, folder))
        return
    roots = (folder,) if base is None else (folder, base)
    if list_folder(folder, roots, recursive=True).too_many:
        msg = (
            f"template folder '{value}' holds more than {MAX_ENTRIES} files and folders; "
            "a templates folder holds a few .j2 files"
        )
        yield doc.problem(("templates",), msg)
        return
    yield from template_problems(folder, base)


def _always(*paths: tuple) -> bool:
    return True


def _arrival_problem(minutes: int, arrival: int) -> str:
    """What is wrong when arrival leaves too little of the session for the rest."""
    return (
        f"{arrival} minutes of arrival leave {minutes - arrival} of the {minutes}-minute "
        f"session for the rest of the evening, which needs at least {SHORTEST_REST}; "
        f"make the session length (minutes) at least {arrival + SHORTEST_REST}, "
        f"or the arrival at most {minutes - SHORTEST_REST}"
    )


def _timing_problem(
    i: int, week: schema.WeekEntry, lesson: schema.Lesson, course: schema.CourseFile
) -> str | None:
    """What is wrong when a week's questions that are not optional cannot fit its session."""
    keys, natural = zip(*session_parts(lesson, i + 1), strict=True)
    at = keys.index("discussion")
    arrival = course.arrival or 0
    discussion = fit_session(natural, course.minutes - arrival)[at]
    required = sum(1 for q in apply_changes(lesson, week.questions) if not q.optional)
    needed = discussion_shortfall(discussion, required, natural[at], len(lesson.questions))
    if needed is None:
        return None
    # Parts come in whole steps of minutes, so one minute more can shorten the discussion
    # (80 minutes gives a step to another part that 79 gave to it as odd minutes): the
    # length named is one from which every longer session fits too.
    longer = None
    for m in range(LONGEST_SESSION, course.minutes, -1):
        if fit_session(natural, m - arrival)[at] < needed:
            break
        longer = m
    fix = f"make the session length (minutes) at least {longer}, " if longer else ""
    with_arrival = f"with {arrival} minutes of arrival " if arrival else ""
    return (
        f"lesson '{lesson.id}': its {required} questions that are not optional "
        f"need at least {needed} minutes of discussion, but a {course.minutes}-minute session "
        f"{with_arrival}leaves {discussion}; {fix}drop some this week or mark some optional"
    )


def _unknown_lesson(lesson: str, library: dict[str, LessonFile], course: schema.CourseFile) -> str:
    """Why a week's lesson is not one the course can teach: unknown, or not in its language."""
    language = course.language
    for other in LANGUAGES:
        if other != language and lesson in builtin_ids(other):
            return (
                f"no {LANGUAGES[language]} lesson '{lesson}' (kit has it in "
                f"{LANGUAGES[other]}); {suggest(lesson, library)}"
            )
    return f"unknown lesson '{lesson}'; {suggest(lesson, library)}"


def _passage_problems(
    course: schema.CourseFile, library: dict[str, LessonFile], doc: YamlDoc
) -> Iterator[Problem]:
    """Passages the chosen translation has no text for."""
    seen: set[str] = set()
    for week in course.weeks or ():
        entry = library.get(week.lesson) if week is not None else None
        for ref in entry.lesson.scripture if entry else ():
            if ref in seen:
                continue
            seen.add(ref)
            missing = passage_problem(ref, course.translation, course.language)
            if missing:
                yield doc.problem(
                    ("translation",), f"{missing} (lesson '{week.lesson}'); choose another"
                )


def _date_problems(
    course: schema.CourseFile, doc: YamlDoc, ok: Callable[..., bool]
) -> Iterator[Problem]:
    """A start date out of any calendar's reach, and skipped dates that are not meeting dates."""
    if course.start is not None and not FIRST_YEAR <= course.start.year <= LAST_YEAR:
        yield doc.problem(
            ("start",),
            f"the year {course.start.year} is not between {FIRST_YEAR} and {LAST_YEAR}; "
            "check the year",
        )
        return
    if not course.skip:
        return
    if course.start is None:
        yield doc.problem(
            ("skip",),
            "skipped dates need a start date, to know which days the class meets; "
            "add the first meeting's date as 'start: YYYY-MM-DD'",
        )
        return
    rhythm = RHYTHMS.get(course.every, f"every {course.every} weeks")
    # Dates said back in the course's own style: the coordinator finds them in the outputs so.
    style = course.date_style if ok(("date_style",)) else "us"

    def said(day: dt.date) -> str:
        return format_date(day, "long", style)

    # A skip that is not a date is reported already; the others are checked without it.
    sound = [(i, s.date) for i, s in enumerate(course.skip) if s is not None and s.date]
    skipped = [day for _, day in sound]
    last = meetings(course.start, course.every, skipped, len(course.weeks))[-1].date
    for k, why in stray_skips(course.start, course.every, skipped, len(course.weeks)):
        i, day = sound[k][0], said(skipped[k])
        if why == "before":
            msg = f"{day} is before the first meeting, on {said(course.start)}; leave it out"
        elif why == "after":
            msg = f"{day} is after the last meeting, on {said(last)}; leave it out"
        elif why == "twice":
            msg = f"{day} is already skipped; leave out one of the two"
        else:
            msg = (
                f"the class does not meet on {day}: it meets on {course.start:%A}s, "
                f"{rhythm}, from {said(course.start)}"
            )
        yield doc.problem(written_path(doc.data, ("skip", i, "date")), msg)
