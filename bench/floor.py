"""What kit's libraries alone take to write files the size of a kit, with none of kit's work.

    python bench/floor.py [--weeks N] -o OUT

In one fresh process, as `kit build` runs: import the libraries a build uses (python-docx,
python-pptx, jinja2, pydantic, PyYAML, pythonbible), look up one verse of the WEB, and
write N decks and 2N+1 documents through the libraries' public API onto kit's own base
files. Each deck gets the built-in course's 19 slides, left empty and without notes
pages; the guide gets 110 paragraphs a week, each leader notes file 90 and each handout
36, one line of plain text each. Nothing is read, checked, worded, fitted, numbered or
normalised, so the time is a floor: a build of that size on these libraries takes at
least this long. bench/run.py times it beside kit's own builds.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import docx
import jinja2  # noqa: F401  (imported as a build imports it)
import pptx
import pydantic  # noqa: F401
import pythonbible
import yaml  # noqa: F401

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SLIDES = 19
"""Slides in a week's deck of the built-in course."""
PARAGRAPHS = {"guide": 110, "notes": 90, "handout": 36}
"""Paragraphs per week in the guide, and per file in a week's notes and handout."""
LINE = "Each couple takes a few minutes to talk this over together at the table."


def deck(template: bytes) -> bytes:
    """A deck of SLIDES empty slides."""
    prs = pptx.Presentation(io.BytesIO(template))
    layout = prs.slide_layouts[2]
    for _ in range(SLIDES):
        prs.slides.add_slide(layout)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def document(template: bytes, paragraphs: int) -> bytes:
    """A document of that many paragraphs, a heading every tenth."""
    doc = docx.Document(io.BytesIO(template))
    for n in range(paragraphs):
        if n % 10 == 0:
            doc.add_heading(f"Part {n // 10 + 1}", level=2)
        else:
            doc.add_paragraph(LINE)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=6, help="weeks of files (default 6)")
    parser.add_argument("-o", "--out", type=Path, required=True, help="folder to write into")
    args = parser.parse_args()
    pythonbible.get_verse_text(49004015, version=pythonbible.Version.WORLD_ENGLISH)
    slides = (TEMPLATES / "base.pptx").read_bytes()
    base = (TEMPLATES / "base.docx").read_bytes()
    args.out.mkdir(parents=True, exist_ok=True)
    guide = document(base, PARAGRAPHS["guide"] * args.weeks)
    (args.out / "leader-guide.docx").write_bytes(guide)
    for week in range(1, args.weeks + 1):
        for kind in ("notes", "handout"):
            data = document(base, PARAGRAPHS[kind])
            (args.out / f"week-{week:02d}-{kind}.docx").write_bytes(data)
        (args.out / f"week-{week:02d}-slides.pptx").write_bytes(deck(slides))


if __name__ == "__main__":
    main()
