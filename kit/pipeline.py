"""Build a resolved course into its kit: compose and write each output in turn, publish them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from kit.compose.blocks import Calendar, Deck, Document
from kit.compose.documents import Composer, Output, Planned, plan_kit
from kit.course.model import ResolvedCourse
from kit.errors import BuildError, InputError
from kit.pdf import convert as pdfs
from kit.publish import Derive, Published, last_made, publish

log = logging.getLogger(__name__)


def render_output(output: Output, course: ResolvedCourse) -> bytes:
    """The bytes of one composed output in its file format."""
    # The writers' libraries load only when a build writes files, not for `kit check`.
    author = course.church or ""
    if isinstance(output.content, Calendar):
        from kit.writers.ics import write_ics

        return write_ics(output.content)
    if isinstance(output.content, Deck):
        from kit.writers.pptx import write_pptx

        return write_pptx(output.content, brand=course.brand_slides, author=author)
    assert isinstance(output.content, Document)
    from kit.writers.docx import write_docx

    return write_docx(output.content, brand=course.brand_document, author=author)


def build(
    course: ResolvedCourse,
    out_dir: str | Path = "build",
    *,
    pdf: bool | None = None,
    progress: pdfs.Progress | None = None,
) -> list[Path]:
    """Write the whole kit into `out_dir` and return the paths written, in order.

    With `pdf`, LibreOffice also makes a PDF of every file, listed after the
    Office files; with `pdf=None`, when the last build into `out_dir` made them, so a
    rebuild keeps the kit as whole as it was. `progress` is then called with (PDFs
    done, PDFs in all) while it runs. LibreOffice is looked for before anything else happens, so a
    missing one costs no time and writes nothing. Files an earlier build wrote
    in `out_dir` and this one does not are removed (see `kit.publish`).
    """
    return build_kit(course, out_dir, pdf=pdf, progress=progress).written


def build_kit(
    course: ResolvedCourse,
    out_dir: str | Path = "build",
    *,
    pdf: bool | None = None,
    progress: pdfs.Progress | None = None,
) -> Published:
    """Write the whole kit as `build` does; return all it did to the folder."""
    kept = pdf is None and last_made(Path(out_dir), ".pdf")
    program = pdfs.find_libreoffice(kept=kept) if pdf or kept else None
    planned = plan_kit(course)
    composer = Composer(planned)
    log.info("composing and writing %d output(s) for %s", len(planned), course.title)
    files: list[tuple[str, Callable[[Path], None]]] = [
        (p.name, _writer(p, composer, course)) for p in planned
    ]
    derive = None if program is None else _pdf_maker(program, progress)
    pdf_names = [] if program is None else [pdfs.pdf_name(n) for n in _office(planned)]
    try:
        return publish(Path(out_dir), files, derive=derive, derived=pdf_names)
    except InputError as exc:
        # The folder is checked before any output is composed, and composing stops at
        # the first template that fails: look at every template, to report all at once,
        # without composing again an output already composed or a template that failed.
        problems = dict.fromkeys([*exc.problems, *composer.problems()])
        raise InputError(list(problems)) from None


def _pdf_maker(program: str, progress: pdfs.Progress | None) -> Derive:
    def make_pdfs(staging: Path, names: list[str]) -> list[str]:
        office = [n for n in names if n.endswith(OFFICE)]
        try:
            made = pdfs.convert(
                [staging / n for n in office], staging, program=program, progress=progress
            )
        except BuildError as exc:
            raise BuildError(f"{exc}; nothing was written") from None
        return [p.name for p in made]

    return make_pdfs


OFFICE = (".docx", ".pptx")
"""The outputs LibreOffice makes a PDF of; a calendar has none."""


def _office(planned: list[Planned]) -> list[str]:
    return [p.name for p in planned if p.name.endswith(OFFICE)]


def _writer(planned: Planned, composer: Composer, course: ResolvedCourse) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        # Composed here and dropped once written: only one output's blocks and file
        # tree are in memory at a time (a 260-week course's would be about 50 MB).
        content = composer.compose(planned)
        path.write_bytes(render_output(Output(planned.name, content), course))

    return write
