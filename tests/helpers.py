"""Helpers shared by the tests: expected file names, fixture folders, LibreOffice rendering."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
"""Small fixture projects, one folder per case."""


def kit_names(weeks: int) -> list[str]:
    """The files a build of a course of `weeks` weeks without dates or named table leaders
    writes, in order."""
    each = ("leader-notes.docx", "slides.pptx", "handout.docx")
    return [
        "leader-guide.docx",
        "leader-packet.docx",
        *(f"week-{n:02d}-{kind}" for n in range(1, weeks + 1) for kind in each),
        "participant-booklet.docx",
    ]


KIT_FILES = kit_names(6)
"""The 21 files a six-week build without dates or named table leaders writes."""

MANIFEST = ".kit-manifest.json"
"""kit's record, in the output folder, of the files the last build wrote there."""


NOT_OURS = (
    "kit did not write this file and will not replace it; move or rename it, "
    "or build into another folder with -o"
)
"""What a build says of a file in its output folder that it did not write."""


def build_problems(problems: list[str], course_file: Path, in_the_way: list[str]) -> list[str]:
    """What `kit build` reports where `kit check` reports `problems`: once the course loads,
    a build also checks its output folder, and says of each file `in_the_way` (their
    names as kit shows them) that it did not write it."""
    import kit

    try:
        kit.load_course(course_file)
    except kit.InputError:
        return problems
    return sorted([*problems, *(f"{name}: {NOT_OURS}" for name in in_the_way)])


def kit_files(folder: Path) -> list[Path]:
    """The files a build wrote in `folder`, by name, without kit's record of them."""
    return sorted(p for p in folder.iterdir() if p.name != MANIFEST)


def soffice() -> str | None:
    """The LibreOffice program, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


needs_soffice = pytest.mark.skipif(
    soffice() is None,
    reason="LibreOffice (soffice) is not installed; CI installs it (see .ci/run)",
)
"""Mark a test that renders documents with LibreOffice."""


def render_pdf(files: Sequence[Path], out_dir: Path, timeout: int = 300) -> list[Path]:
    """Convert Office files to PDF with LibreOffice, in one process with its own profile."""
    return convert_with_libreoffice(files, out_dir, "pdf", timeout)


def docx_paragraphs(document: Any) -> list[Any]:
    """Every paragraph of an open .docx in reading order, those in tables and boxes too."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    # `_body` is the parent python-docx gives the body's own paragraphs (it has no public one).
    return [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]


def docx_lines(path: Path) -> list[str]:
    """Every paragraph's text of a .docx in reading order, tables and boxes included."""
    import docx

    return [" ".join(p.text.split()) for p in docx_paragraphs(docx.Document(str(path)))]


def docx_rows(path: Path, first: str) -> list[list[str]]:
    """The cells of the first table of a .docx whose header row starts with `first`."""
    import docx

    document = docx.Document(str(path))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == first)
    return [[cell.text for cell in row.cells] for row in table.rows]


def slide_texts(path: Path) -> list[tuple[str, str, str]]:
    """(title, text on the face, speaker notes) of every slide of a .pptx."""
    import pptx

    found = []
    for slide in pptx.Presentation(str(path)).slides:
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        face = "\n".join(
            shape.text_frame.text
            for shape in slide.shapes
            if shape.has_text_frame and shape != slide.shapes.title
        )
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        found.append((title, face, notes))
    return found


EMU_PER_PT = 12700
TOLERANCE = 1.0
"""Points a word's box may stand past its shape's edge (glyph side bearings)."""


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def stray_words(deck: Path, pdf: Path) -> list[str]:
    """Words drawn outside every shape whose text holds them, one line each.

    Words a template's master or layout draws in its own text boxes (a slide number
    field) are the template's, not kit's: one inside such a box is not counted.
    """
    import pymupdf
    from pptx import Presentation

    prs = Presentation(str(deck))
    doc = pymupdf.open(pdf)
    assert len(doc) == len(prs.slides)
    found = []
    for number, (slide, page) in enumerate(zip(prs.slides, doc, strict=True), 1):
        shapes = [_text_box(shape) for shape in slide.shapes if _has_text(shape)]
        layout = slide.slide_layout
        template = [
            _text_box(shape)
            for shape in (*layout.slide_master.shapes, *layout.shapes)
            if _has_text(shape) and not shape.is_placeholder
        ]
        for x0, y0, x1, y1, word, *_ in page.get_text("words"):
            text = _norm(word)
            owners = [s for s in shapes if text in s[4]]
            if not owners and re.fullmatch(r"[\u2022\d.]+", text):
                owners = shapes  # a bullet or an automatic number
            inside = any(
                left - TOLERANCE <= x0
                and x1 <= right + TOLERANCE
                and top - TOLERANCE <= y0
                and y1 <= bottom + TOLERANCE
                for left, top, right, bottom, _ in (*owners, *template)
            )
            if not inside:
                found.append(
                    f"slide {number}: {word!r} at ({x0:.0f}, {y0:.0f}, {x1:.0f}, {y1:.0f})"
                )
    return found


def _has_text(shape) -> bool:
    return shape.has_text_frame and bool(shape.text_frame.text.strip())


def _text_box(shape) -> tuple[float, float, float, float, str]:
    """A text shape's box in points and its text, as the words are compared with it."""
    return (
        shape.left / EMU_PER_PT,
        shape.top / EMU_PER_PT,
        (shape.left + shape.width) / EMU_PER_PT,
        (shape.top + shape.height) / EMU_PER_PT,
        _norm(shape.text_frame.text),
    )


def older_kit_file(folder: Path, name: str, data: bytes) -> None:
    """Put `data` in `folder` as kit's file `name`, as an older build of kit would have
    written it: the record holds its digest, so the next build may replace it."""
    import hashlib
    import json

    (folder / name).write_bytes(data)
    record = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    record["files"][name] = hashlib.sha256(data).hexdigest()
    (folder / MANIFEST).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def tree_snapshot(root: Path, skip: Path | None = None) -> dict[str, str]:
    """Every entry under `root` but `skip`: a link's target, a file's digest, or its kind;
    two snapshots are equal when nothing under `root` changed."""
    import hashlib
    import os

    found: dict[str, str] = {}
    for here, folders, names in os.walk(root):
        at = Path(here)
        folders[:] = [f for f in folders if at / f != skip]
        for name in folders + names:
            path = at / name
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[key] = f"-> {os.readlink(path)}"
            elif path.is_file():
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[key] = "folder" if path.is_dir() else "special"
    return found


def convert_with_libreoffice(
    files: Sequence[Path], out_dir: Path, to: str, timeout: int = 300
) -> list[Path]:
    """Convert files to format `to` with LibreOffice, in one process with its own profile."""
    program = soffice()
    if program is None:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs it (see .ci/run)")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                to,
                "--outdir",
                str(out_dir),
                *map(str, files),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
    return [out_dir / f"{f.stem}.{to}" for f in files]


def text_shapes(slide: Any) -> list[Any]:
    """A slide's shapes that show some text."""
    return [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]


def text_runs(shape: Any) -> list[Any]:
    """A text shape's runs that hold more than spaces."""
    return [r for p in shape.text_frame.paragraphs for r in p.runs if r.text.strip()]


def is_kicker(shape: Any) -> bool:
    """Whether a shape is kit's kicker: its runs are set in capitals."""
    from pptx.oxml.ns import qn

    # python-pptx has no property for a run's capitals; its element is read instead.
    return any(r._r.find(qn("a:rPr")).get("cap") == "all" for r in text_runs(shape))
