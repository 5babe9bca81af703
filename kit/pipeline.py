"""Build a resolved course into its kit: compose every output, write each, publish them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from kit import filecache
from kit import pdf as pdfs
from kit.compose.blocks import Deck, Document
from kit.compose.documents import Output, compose_kit
from kit.errors import BuildError
from kit.model import ResolvedCourse
from kit.parallel import render_all
from kit.publish import Derive, publish
from kit.writers.ooxml import fixed_time

log = logging.getLogger(__name__)


def render_output(output: Output, course: ResolvedCourse) -> bytes:
    """The bytes of one composed output in its file format."""
    # The writers' libraries load only when a file has to be written afresh.
    author = _author(course)
    if isinstance(output.content, Deck):
        from kit.writers.pptx import write_pptx

        return write_pptx(output.content, brand=course.brand_slides, author=author)
    assert isinstance(output.content, Document)
    from kit.writers.docx import write_docx

    return write_docx(output.content, brand=course.brand_document, author=author)


def render_kit(outputs: list[Output], course: ResolvedCourse) -> list[bytes]:
    """The bytes of every output, in order: unchanged files from the cache, the rest written."""
    keys = [filecache.file_key(o.content, *_made_with(o, course)) for o in outputs]
    found = [filecache.recall(key) for key in keys]
    missing = [i for i, data in enumerate(found) if data is None]
    fresh = render_all([outputs[i] for i in missing], course, render_output)
    filecache.remember([(keys[i], data) for i, data in zip(missing, fresh, strict=True)])
    log.info(
        "wrote %d file(s); %d unchanged since an earlier build",
        len(missing),
        len(keys) - len(missing),
    )
    made = iter(fresh)
    return [next(made) if data is None else data for data in found]


def _made_with(output: Output, course: ResolvedCourse) -> tuple[object, ...]:
    """What besides its content makes an output's bytes (SOURCE_DATE_EPOCH sets the time)."""
    brand = course.brand_slides if isinstance(output.content, Deck) else course.brand_document
    return (type(output.content).__name__, _author(course), brand, fixed_time())


def _author(course: ResolvedCourse) -> str:
    """The author a file's properties name: the church."""
    return course.church or ""


def build(
    course: ResolvedCourse,
    out_dir: str | Path = "build",
    *,
    pdf: bool = False,
    progress: pdfs.Progress | None = None,
) -> list[Path]:
    """Write the whole kit into `out_dir` and return the paths written, in order.

    With `pdf`, LibreOffice also makes a PDF of every file, listed after the
    Office files; `progress` is then called with (PDFs done, PDFs in all) while
    it runs. LibreOffice is looked for before anything else happens, so a
    missing one costs no time and writes nothing.
    """
    program = pdfs.find_libreoffice() if pdf else None
    outputs = compose_kit(course)
    log.info("composed %d output(s) for %s", len(outputs), course.title)
    rendered = render_kit(outputs, course)
    files: list[tuple[str, Callable[[Path], None]]] = [
        (output.name, _writer(data)) for output, data in zip(outputs, rendered, strict=True)
    ]
    derive = None if program is None else _pdf_maker(program, progress)
    return publish(Path(out_dir), files, derive=derive)


def _pdf_maker(program: str, progress: pdfs.Progress | None) -> Derive:
    def make_pdfs(staging: Path, names: list[str]) -> list[str]:
        try:
            made = pdfs.convert(
                [staging / n for n in names], staging, program=program, progress=progress
            )
        except BuildError as exc:
            raise BuildError(f"{exc}; nothing was written") from None
        return [p.name for p in made]

    return make_pdfs


def _writer(data: bytes) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(data)

    return write
