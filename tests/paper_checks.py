"""What a person checks on printed paper, shared by the English and Spanish paper tests.

A page holding fewer than eighty words is one wasted on a box or a heading and a line,
unless it stands alone on purpose; a week's leader notes print on two sheets, both sides.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

MIN_WORDS = 80
"""Fewest words a page holds: less is a page wasted on a box or a heading and a line."""
ALONE = ("Contents", "Ground rules", "Schedule", "Sources")
"""First lines of the guide's pages that stand alone on purpose, in English."""
MAX_NOTES_PAGES = 4
"""A week's leader notes print on two sheets, both sides."""


def printed_pages(pdfs: list[Path]) -> dict[str, list]:
    """The text and words of each page of each rendered PDF, by file stem."""
    pages = {}
    for pdf in pdfs:
        with pymupdf.open(pdf) as doc:
            pages[pdf.stem] = [(page.get_text().strip(), page.get_text("words")) for page in doc]
    return pages


def first_line(text: str) -> str:
    """A page's first line: its heading, when it starts with one."""
    return text.splitlines()[0] if text else ""


def short_guide_pages(pages: list, alone: tuple[str, ...] = ALONE) -> list[tuple[int, str, int]]:
    """The guide's nearly empty pages, save its cover and those that stand alone on purpose."""
    return [
        (number, first_line(text), len(words))
        for number, (text, words) in enumerate(pages, 1)
        if number > 1 and first_line(text) not in alone and len(words) < MIN_WORDS
    ]


def long_notes(printed: dict[str, list]) -> dict[str, int]:
    """The leader notes that take more than two sheets, with their page counts."""
    counts = {name: len(pages) for name, pages in printed.items() if name.endswith("notes")}
    return {name: n for name, n in counts.items() if n > MAX_NOTES_PAGES}
