"""Build a resolved course into its kit: compose and write each output in turn, publish them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kit.compose.blocks import Calendar, Deck, Document
from kit.compose.documents import BOOKLET, Output, compose_kit, plan_kit
from kit.course.model import ResolvedCourse
from kit.errors import BuildError, InputError
from kit.pdf import convert as pdfs
from kit.publish import Derive, Published, last_made, problems_in_the_way, publish

log = logging.getLogger(__name__)


def render_output(output: Output, course: ResolvedCourse, deck_template: Any = None) -> bytes:
    """The bytes of one composed output in its file format.

    `deck_template` is the course's slide template as `read_deck_template` read it; a
    deck reads it itself when it is not given.
    """
    # The writers' libraries load only when a build writes files, not for `kit check`.
    author = course.course.church or ""
    if isinstance(output.content, Calendar):
        from kit.writers.ics import write_ics

        return write_ics(output.content)
    if isinstance(output.content, Deck):
        from kit.writers.pptx import write_pptx

        return write_pptx(
            output.content, brand=course.files.brand_slides, author=author, design=deck_template
        )
    assert isinstance(output.content, Document)
    from kit.writers.docx import write_docx

    return write_docx(output.content, brand=course.files.brand_document, author=author)


def read_deck_template(course: ResolvedCourse) -> Any:
    """The course's slide template read for its decks: read once for a build, so that a
    template's pictures are decoded once however many decks are made on it."""
    from kit.writers.pptx import deck_design

    return deck_design(course.files.brand_slides)


def build(
    course: ResolvedCourse,
    out_dir: str | Path = "build",
    *,
    pdf: bool | None = None,
    booklet: bool | None = None,
    progress: pdfs.Progress | None = None,
) -> list[Path]:
    """Write the whole kit into `out_dir` and return the paths written, in order.

    With `pdf`, LibreOffice also makes a PDF of every file, listed after the
    Office files; with `pdf=None`, when the last build into `out_dir` made them, so a
    rebuild keeps the kit as whole as it was. With `booklet`, the couples' booklet's
    PDF is made (with or without the others) and imposed for printing as a booklet
    (`participant-booklet-print.pdf`, listed last); with `booklet=None`, when the last
    build made it. `progress` is then called with (PDFs done, PDFs in all) while
    LibreOffice runs. LibreOffice is looked for before anything else happens, so a
    missing one costs no time and writes nothing. Files an earlier build wrote in
    `out_dir` and this one does not are removed (see `kit.publish`).
    """
    return build_kit(course, out_dir, pdf=pdf, booklet=booklet, progress=progress).written


def pdfs_kept(out_dir: Path) -> bool:
    """Whether the last build into `out_dir` made the kit's PDFs (not only the booklet's)."""
    return last_made(out_dir, ".pdf", besides=BOOKLET_PDFS)


def build_kit(
    course: ResolvedCourse,
    out_dir: str | Path = "build",
    *,
    pdf: bool | None = None,
    booklet: bool | None = None,
    progress: pdfs.Progress | None = None,
) -> Published:
    """Write the whole kit as `build` does; return all it did to the folder."""
    out = Path(out_dir)
    kept = pdf is None and pdfs_kept(out)
    kept_print = booklet is None and last_made(out, PRINT)
    program = _libreoffice(bool(pdf), kept, bool(booklet), kept_print)
    every = program is not None and (bool(pdf) or kept)
    imposed = program is not None and (bool(booklet) or kept_print)
    try:
        outputs = compose_kit(course)
    except InputError as exc:
        # What in the folder is in the way too, so that one run lists every problem.
        names = [p.name for p in plan_kit(course)]
        sources = _pdf_sources(names, every, program is not None)
        in_the_way = problems_in_the_way(out, [*names, *_derived(sources, imposed)])
        raise InputError([*exc.problems, *in_the_way]) from None
    log.info("writing %d output(s) for %s", len(outputs), course.course.title)
    names = [o.name for o in outputs]
    decks = any(isinstance(o.content, Deck) for o in outputs)
    deck_template = read_deck_template(course) if decks else None
    files: list[tuple[str, Callable[[Path], None]]] = [
        (o.name, _writer(o, course, deck_template)) for o in outputs
    ]
    sources = _pdf_sources(names, every, program is not None)
    derive = None if program is None else _pdf_maker(program, sources, imposed, progress)
    return publish(out, files, derive=derive, derived=_derived(sources, imposed))


def _pdf_sources(names: list[str], every: bool, booklet: bool) -> list[str]:
    """The outputs LibreOffice makes a PDF of: every Office file, or only the booklet."""
    return [n for n in names if n.endswith(OFFICE) and (every or (booklet and n == BOOKLET))]


def _derived(sources: list[str], imposed: bool) -> list[str]:
    """The files made from the outputs: their PDFs, and the booklet imposed for printing."""
    return [pdfs.pdf_name(n) for n in sources] + ([PRINT] if imposed else [])


def _libreoffice(pdf: bool, kept: bool, booklet: bool, kept_print: bool) -> str | None:
    """LibreOffice's command when this build makes any PDF; None when it makes none."""
    if pdf or booklet:
        return pdfs.find_libreoffice(asked="--pdf" if pdf else "--booklet")
    if kept or kept_print:
        without = " ".join(f for f, on in (("--no-pdf", kept), ("--no-booklet", kept_print)) if on)
        return pdfs.find_libreoffice(kept=True, without=without)
    return None


def _pdf_maker(
    program: str, sources: list[str], imposed: bool, progress: pdfs.Progress | None
) -> Derive:
    def make_pdfs(staging: Path, names: list[str]) -> list[str]:
        del names  # the sources were chosen when the build was planned
        try:
            made = pdfs.convert(
                [staging / n for n in sources], staging, program=program, progress=progress
            )
            if imposed:
                from kit.pdf.impose import impose

                # Made from the booklet's PDF, which LibreOffice has just made in staging.
                impose(staging / pdfs.pdf_name(BOOKLET), staging / PRINT)
                made.append(staging / PRINT)
        except BuildError as exc:
            raise BuildError(f"{exc}; nothing was written") from None
        return [p.name for p in made]

    return make_pdfs


OFFICE = (".docx", ".pptx")
"""The outputs LibreOffice makes a PDF of; a calendar has none."""
PRINT = "participant-booklet-print.pdf"
"""The couples' booklet imposed for printing, made from its PDF with `--booklet`."""
BOOKLET_PDFS = frozenset({pdfs.pdf_name(BOOKLET), PRINT})
"""The PDFs `--booklet` makes even without `--pdf`."""


def _writer(output: Output, course: ResolvedCourse, deck_template: Any) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(render_output(output, course, deck_template))

    return write
