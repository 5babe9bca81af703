"""Resolve stage: course + lessons + changes + timing + dates + scripture into one course."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kit.check.questions import Question, apply_changes
from kit.check.schedule import Meeting, gaps, meetings
from kit.check.timing import clock_slots, lengthen_closing, question_capacity, session_parts
from kit.course import model
from kit.course.model import ResolvedCourse, Week, fitted_parts
from kit.load import schema
from kit.load.lessons import LessonFile
from kit.load.scripture import passage, translation_name
from kit.wording import fill_weeks


def resolve(
    course: schema.CourseFile,
    library: dict[str, LessonFile],
    *,
    base: Path | None,
    source: str,
) -> ResolvedCourse:
    """Build the resolved course from a checked course and its lesson library."""
    dates: list = [None] * len(course.weeks)
    schedule: tuple[Meeting, ...] = ()
    if course.start:
        skipped = [s.date for s in course.skip]
        labels = {s.date: s.label for s in course.skip if s.label}
        schedule = tuple(meetings(course.start, course.every, skipped, len(course.weeks), labels))
        dates = [m.date for m in schedule if m.week is not None]
    after = gaps(schedule)
    weeks = tuple(
        _week(
            i + 1,
            spec,
            library[spec.lesson].lesson,
            course,
            dates[i],
            after.get(i + 1, ()),
            last=i + 1 == len(course.weeks) > 1,
        )
        for i, spec in enumerate(course.weeks)
    )
    # Lesson text may name the course ({weeks}, {week}, {next}); each week gets its values.
    weeks = fill_weeks(weeks, course.language)
    code = course.translation.upper()
    resolved = model.Course(
        title=course.title,
        subtitle=course.subtitle,
        church=course.church,
        leaders=tuple(x for x in course.leaders if isinstance(x, str)),
        table_leaders=tuple(
            _record(model.LeaderOfTable, x)
            for x in course.leaders
            if isinstance(x, schema.TableLeader)
        ),
        minutes=course.minutes,
        every=course.every,
        start_time=course.time,
        translation=code,
        translation_name=translation_name(code),
        care=tuple(_record(model.HelpContact, c) for c in course.care),
        helplines=_record(model.CrisisLines, course.helplines),
        arrival=course.arrival,
        weeks=weeks,
        schedule=schedule,
        date_style=course.date_style,
        time_style=course.time_style,
        language=course.language,
        place=course.place,
        large_print=course.large_print,
    )
    files = model.CourseFiles(
        brand_slides=_path(base, course.brand.slides),
        brand_document=_path(base, course.brand.document),
        templates_dir=_path(base, course.templates),
        course_dir=base,
        source=source,
    )
    return ResolvedCourse(resolved, files)


def _record(kind: type, entry: Any) -> Any:
    """A record of `kind` holding a file model's values, its lists as tuples."""
    values = entry.model_dump()
    return kind(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


def _path(base: Path | None, value: str | None) -> Path | None:
    if value is None:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() or base is None else base / path


def choose_questions(
    questions: list[Question], capacity: int
) -> tuple[list[Question], list[Question]]:
    """Keep at most `capacity` questions; return those kept and those left out, in order.

    Optional questions go first. After them, the lesson's own questions go before
    the ones the course added or reworded, since those were asked for by name;
    and the audience (table or couples) with more questions left gives one up, so a
    short session keeps some of each (couples' first on a tie). Within that, the
    last question goes first.
    """
    # Each question waits in a stack for its tier (optional, the lesson's own) and
    # audience, latest on top; each one left out is the top of a stack in the highest
    # tier that has any, so choosing takes time in proportion to the questions.
    drop = len(questions) - max(capacity, 0)
    if drop <= 0:
        return list(questions), []
    stacks: dict[tuple[bool, bool], dict[str, list[int]]] = {}
    left: dict[str, int] = {}
    for i, q in enumerate(questions):
        stacks.setdefault((q.optional, q.origin == "lesson"), {}).setdefault(q.audience, []).append(
            i
        )
        left[q.audience] = left.get(q.audience, 0) + 1
    out: set[int] = set()
    for tier in sorted(stacks, reverse=True):
        by_audience = stacks[tier]
        while len(out) < drop and any(by_audience.values()):
            audience = max(
                (a for a, waiting in by_audience.items() if waiting),
                key=lambda a: (left[a], a == "couple", by_audience[a][-1]),
            )
            out.add(by_audience[audience].pop())
            left[audience] -= 1
    keep = [q for i, q in enumerate(questions) if i not in out]
    return keep, [q for i, q in enumerate(questions) if i in out]


def _week(
    number: int,
    spec: schema.WeekEntry,
    lesson: schema.Lesson,
    course: schema.CourseFile,
    date,
    skipped_after: tuple[Meeting, ...],
    *,
    last: bool = False,
) -> Week:
    natural = dict(session_parts(lesson, number))
    parts = fitted_parts(lesson, number, course.minutes, course.arrival)
    asked = apply_changes(lesson, spec.questions)
    required = sum(1 for q in asked if not q.optional)
    # The questions are chosen as for any week: the last gives its closing a little of
    # the discussion's time, not one of its questions.
    capacity = question_capacity(
        dict(parts)["discussion"], natural["discussion"], len(lesson.questions), required
    )
    if last:
        parts = lengthen_closing(parts)
    slots = clock_slots(parts, course.time)
    kept, left_out = choose_questions(asked, capacity)
    exercise = spec.exercise or schema.OwnVersion()
    take_home = spec.take_home or schema.OwnVersion()
    return Week(
        number=number,
        lesson_id=lesson.id,
        title=spec.title or lesson.title,
        big_idea=lesson.big_idea,
        sources=tuple(_record(model.SourceArticle, s) for s in lesson.sources),
        date=date,
        scripture=tuple(
            passage(ref, course.translation, course.language) for ref in lesson.scripture
        ),
        slots=tuple(slots),
        opening=lesson.opening.question,
        points=tuple(_record(model.TeachingPoint, p) for p in lesson.teaching.points),
        exercise_title=exercise.title or lesson.exercise.title,
        exercise_steps=tuple(exercise.steps or lesson.exercise.steps),
        bring=lesson.exercise.bring,
        reflection=lesson.exercise.reflection,
        questions=tuple(kept),
        left_out=tuple(left_out),
        take_home_title=take_home.title or lesson.take_home.title,
        take_home_steps=tuple(take_home.steps or lesson.take_home.steps),
        # A week's own take-home replaces the lesson's, private word and all.
        private=(lesson.take_home.private if course.intimacy and not take_home.steps else None),
        prayer=lesson.prayer.prompt,
        prep=tuple(lesson.leader.prep),
        host=tuple(lesson.leader.host),
        notes=tuple(lesson.leader.notes),
        care=tuple(lesson.leader.care),
        skipped_after=skipped_after,
        notices=(*course.notices, *spec.notices),
    )
