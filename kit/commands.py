"""What each command does, as library calls that return the lines to show."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kit.errors import InputError, Problem, UsageError
from kit.resources import data_dir, shown
from kit.safe_files import Folder, link_on_the_way

if TYPE_CHECKING:
    from kit.course.model import ResolvedCourse
    from kit.load.lessons import LessonFile
    from kit.pdf.convert import Progress

# Each command imports what it needs when it runs: `kit new` and `kit --help` never
# load the schema, the Bible or the Office writers, and `kit check` skips the writers.


class Warned(str):
    """A line that warns about the input; the command line prints it with the problems."""


def warnings(course: ResolvedCourse) -> Iterator[str]:
    """The course's located warnings, one line each."""
    for problem in course.warnings:
        yield Warned(problem)


STARTER = {"en": "starter-course.yaml", "es": "starter-course.es.yaml"}
"""The commented starter course in the templates folder."""


def run(args: argparse.Namespace, progress: Progress | None = None) -> Iterator[str]:
    """Run one parsed command, yielding the lines to print; `progress` follows a PDF build."""
    if args.command == "build":
        yield from cmd_build(args, progress)
        return
    handler = {
        "lessons": cmd_lessons,
        "show": cmd_show,
        "new": cmd_new,
        "check": cmd_check,
        "serve": cmd_serve,
    }[args.command]
    yield from handler(args)


def library(extra: Path | None, language: str = "en") -> dict[str, LessonFile]:
    """Built-in lessons in a language, overlaid with a folder of lessons when one is given."""
    from kit.load.lessons import builtin_lessons, load_lessons

    found = builtin_lessons(language)
    if extra is None:
        return found
    if not extra.is_dir():
        raise InputError(Problem(shown(extra), 0, 0, "", "lesson folder not found"))
    own, problems = load_lessons(extra, builtin=False, language=language)
    if problems:
        raise InputError(problems)
    return {**found, **own}


def cmd_lessons(args: argparse.Namespace) -> Iterator[str]:
    """List lessons: id, title, minutes, source articles."""
    from kit.check.timing import PARTS

    lessons = library(args.lessons, args.language)
    width = max(len(i) for i in lessons)
    yield f"{'ID':<{width}}  {'MIN':>3}  TITLE  (SOURCES)"
    for lesson_id, entry in lessons.items():
        lesson = entry.lesson
        minutes = sum(getattr(lesson, part).minutes for part in PARTS)
        articles = "; ".join(dict.fromkeys(s.article for s in lesson.sources))
        origin = "" if entry.builtin else f"  [{entry.doc.file}]"
        yield f"{lesson_id:<{width}}  {minutes:>3}  {lesson.title}  ({articles}){origin}"


def cmd_show(args: argparse.Namespace) -> Iterator[str]:
    """One lesson's outline, with every question id."""
    from kit.messages import suggest

    lessons = library(args.lessons, args.language)
    entry = lessons.get(args.lesson)
    if entry is None:
        raise UsageError(f"unknown lesson '{args.lesson}'; {suggest(args.lesson, lessons)}")
    lesson = entry.lesson
    yield f"{lesson.id}: {lesson.title}"
    yield f"  {lesson.big_idea}"
    yield f"  file: {entry.doc.file}"
    for source in lesson.sources:
        yield f"  source: {source.article}: {source.section}"
    if lesson.scripture:
        yield f"  scripture: {', '.join(lesson.scripture)}"
    yield ""
    yield f"opening ({lesson.opening.minutes} min): {lesson.opening.question}"
    yield f"teaching ({lesson.teaching.minutes} min):"
    for point in lesson.teaching.points:
        yield f"  - {point.heading}"
    yield f"exercise ({lesson.exercise.minutes} min): {lesson.exercise.title}"
    yield f"discussion ({lesson.discussion.minutes} min):"
    width = max(len(q.id) for q in lesson.questions)
    for q in lesson.questions:
        flags = f"{q.audience}, {q.level}" + (", optional" if q.optional else "")
        yield f"  {q.id:<{width}}  [{flags}] {q.text}"
    yield f"take-home: {lesson.take_home.title}"
    yield f"prayer ({lesson.prayer.minutes} min)"


def cmd_new(args: argparse.Namespace) -> Iterator[str]:
    """Write the commented starter course file."""
    path: Path = args.path
    link = link_on_the_way(path)
    if link is not None:
        # Writing would go wherever the link points, even to a file that is not there yet.
        raise UsageError(f"{link} is a symbolic link; choose another name")
    if os.path.lexists(path) and not args.force:
        raise UsageError(f"{path} already exists; choose another name or add --force")
    text = (data_dir("templates") / STARTER[args.language]).read_text(encoding="utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with Folder.open(path.parent, "" if path.parent == Path() else None) as here:
            # Never through a link, and never into a pipe or a device in the file's place.
            here.write_atomic(path.name, text.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    yield f"wrote {path}"
    yield f"  edit it, then run: kit check {path} && kit build {path}"


def _course(path: Path | None) -> ResolvedCourse:
    from kit.course.course_file import default_course, load_course

    return default_course() if path is None else load_course(path)


def cmd_check(args: argparse.Namespace) -> Iterator[str]:
    """Validate a course, including rendering its templates; write nothing.

    A build found interrupted in the output folder is first finished or undone.
    """
    from kit.compose.documents import compose_kit
    from kit.publish import tidy_if_needed

    out = getattr(args, "out", None)
    # The output folder's problems are reported with the course's, all in one run.
    in_folder: list[Problem] = []
    if out is not None:
        try:
            yield from _tidied(out, tidy_if_needed(out))
        except InputError as exc:
            in_folder = exc.problems
    try:
        resolved = _course(args.course)
        compose_kit(resolved)
    except InputError as exc:
        raise InputError([*in_folder, *exc.problems], exc.warnings) from None
    if in_folder:
        raise InputError(in_folder)
    from kit.dates import format_date

    yield from warnings(resolved)
    name, course = resolved.files.source, resolved.course
    dates = ""
    if course.first_date:
        # Said in the course's date style, as its outputs say them.
        first, last = (
            format_date(day, "long", course.date_style)
            for day in (course.first_date, course.last_date)
        )
        dates = f", on {first}" if first == last else f", from {first} to {last}"
    count = len(course.weeks)
    weeks = f"{count} week{'s' if count != 1 else ''}"
    yield f"{name}: ok: {weeks} of {course.minutes} minutes{dates}"


def cmd_build(args: argparse.Namespace, progress: Progress | None = None) -> Iterator[str]:
    """Write the kit."""
    from kit.pipeline import build_kit, pdfs_kept

    course = _course(args.course)
    yield from warnings(course)
    # Said after the build, so that the first line still comes once files are done with.
    again = args.pdf is None and pdfs_kept(Path(args.out))
    done = build_kit(course, args.out, pdf=args.pdf, booklet=args.booklet, progress=progress)
    yield from _tidied(args.out, done.tidied)
    yield f"wrote {len(done.written)} files to {shown(done.folder)}/"
    for path in done.written:
        yield f"  {path.name}"
    if again:
        yield "  (PDFs made again, as the last build made them; --no-pdf leaves them out)"
    if course.course.first_date is None:
        yield "  (no course.ics: the course has no start date, so no meeting has a date)"
    if done.removed:
        count = len(done.removed)
        yield (
            f"removed {count} stale file{'s' if count != 1 else ''} from {shown(done.folder)}/: "
            + ", ".join(done.removed)
        )


def _tidied(out: Path, said: list[str]) -> Iterator[str]:
    """What was done about a build found interrupted in `out`, one line each."""
    for line in said:
        yield f"{shown(out.resolve())}/: {line}"


SERVE_NEEDS = ("starlette", "uvicorn", "ruamel.yaml", "multipart")
"""Modules `kit serve` needs beyond kit's own, from the `serve` extra."""


def cmd_serve(args: argparse.Namespace) -> Iterator[str]:
    """Serve the course planner page for a course file until Ctrl-C."""
    import importlib.util

    from kit.errors import ToolMissingError

    missing = [m for m in SERVE_NEEDS if importlib.util.find_spec(m) is None]
    if missing:
        raise ToolMissingError(
            f"kit serve needs {', '.join(missing)}; "
            'install them with: pip install "kit-curriculum[serve]"'
        )
    from kit.serve import server, storage

    path: Path = args.course or Path("course.yaml")
    if path.is_dir():
        raise UsageError(f"{path} is a folder; name a course file such as {path / 'course.yaml'}")
    sock = server.listen(args.host, args.port)
    port = sock.getsockname()[1]  # the free one the system chose, for --port 0
    try:
        if storage.create_if_missing(path):
            yield f"wrote {path} from the starter course"
        app_server = server.make_server(path, host=args.host, port=port)
    except BaseException:
        sock.close()
        raise
    yield f"serving {shown(path.resolve())}"
    if args.host not in server.LOOPBACK:
        yield (
            f"warning: listening on {args.host}, not only on this computer: anyone who can "
            "reach it can open the page and change this course file"
        )
    yield f"open {server.address(args.host, port)} in your browser; press Ctrl-C to stop"
    server.run(app_server, sock)
    yield "stopped"
