"""Build a resolved course into its kit: compose every output, write each, publish them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from kit.compose.blocks import Deck, Document
from kit.compose.documents import Output, compose_kit
from kit.model import ResolvedCourse
from kit.publish import publish
from kit.writers.docx import write_docx
from kit.writers.pptx import write_pptx

log = logging.getLogger(__name__)


def render_output(output: Output, course: ResolvedCourse) -> bytes:
    """The bytes of one composed output in its file format."""
    author = course.church or ""
    if isinstance(output.content, Deck):
        return write_pptx(output.content, brand=course.brand_slides, author=author)
    assert isinstance(output.content, Document)
    return write_docx(output.content, brand=course.brand_document, author=author)


def build(
    course: ResolvedCourse, out_dir: str | Path = "build", *, pdf: bool = False
) -> list[Path]:
    """Write the whole kit into `out_dir` and return the paths written, in order."""
    outputs = compose_kit(course)
    log.info("composed %d output(s) for %s", len(outputs), course.title)
    files: list[tuple[str, Callable[[Path], None]]] = []
    for output in outputs:
        data = render_output(output, course)
        files.append((output.name, _writer(data)))
    return publish(Path(out_dir), files)


def _writer(data: bytes) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(data)

    return write
