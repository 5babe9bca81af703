"""The booklet imposed for saddle-stitch printing: pages in folding order, two to a side."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from kit.errors import BuildError
from kit.pdf.impose import folding_order, impose

WIDTH, HEIGHT = 396, 612
"""A half-Letter page, 5.5 x 8.5 inches, in points."""


def _booklet(path: Path, pages: int) -> Path:
    """A PDF of `pages` half-Letter pages, each saying its number."""
    with pymupdf.open() as doc:
        for number in range(1, pages + 1):
            page = doc.new_page(width=WIDTH, height=HEIGHT)
            page.insert_text((60, 300), f"page {number}", fontsize=24)
        doc.save(path)
    return path


def _halves(path: Path) -> list[tuple[str, str]]:
    """The text of the left and right half of each side of each sheet."""
    with pymupdf.open(path) as doc:
        found = []
        for page in doc:
            width, height = page.rect.width, page.rect.height
            assert width > height, "a side of the sheet is landscape"
            left = page.get_text(clip=pymupdf.Rect(0, 0, width / 2, height)).strip()
            right = page.get_text(clip=pymupdf.Rect(width / 2, 0, width, height)).strip()
            found.append((left, right))
        return found


def _named(pages: list[tuple[int | None, int | None]]) -> list[tuple[str, str]]:
    return [tuple("" if n is None else f"page {n}" for n in side) for side in pages]


def test_eight_pages_fold_as_a_printer_lays_them_out() -> None:
    assert folding_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]


def test_blank_pages_pad_to_four_and_keep_the_last_page_as_the_back_cover() -> None:
    # 6 pages make 8: the two blanks come before page 6, which stays on the back.
    assert folding_order(6) == [(6, 1), (2, None), (None, 3), (4, 5)]
    assert folding_order(1) == [(None, 1), (None, None)]


@pytest.mark.parametrize("pages", [1, 2, 3, 4, 5, 8, 9, 23])
def test_every_page_is_printed_once_on_sheets_of_four(pages: int) -> None:
    sides = folding_order(pages)
    assert len(sides) % 2 == 0 and len(sides) * 2 % 4 == 0
    assert len(sides) * 2 == max(4, -(-pages // 4) * 4)
    printed = [n for side in sides for n in side if n is not None]
    assert sorted(printed) == list(range(1, pages + 1))
    assert sides[0] == (pages if pages > 1 else None, 1)


@pytest.mark.parametrize("pages", [5, 8, 23])
def test_the_imposed_pdf_holds_the_pages_in_folding_order(tmp_path: Path, pages: int) -> None:
    target = tmp_path / "print.pdf"
    impose(_booklet(tmp_path / "booklet.pdf", pages), target)
    halves = _halves(target)
    sheets = -(-pages // 4)
    assert len(halves) == 2 * sheets
    assert halves[0] == (f"page {pages}", "page 1")
    assert halves[1][0] == "page 2"
    assert halves == _named(folding_order(pages))
    with pymupdf.open(target) as doc:
        assert {(p.rect.width, p.rect.height) for p in doc} == {(2 * WIDTH, HEIGHT)}


def test_the_same_booklet_imposes_to_the_same_bytes(tmp_path: Path) -> None:
    source = _booklet(tmp_path / "booklet.pdf", 7)
    impose(source, tmp_path / "a.pdf")
    impose(source, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_a_damaged_booklet_pdf_is_a_build_error(tmp_path: Path) -> None:
    source = tmp_path / "booklet.pdf"
    source.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(BuildError, match=r"^cannot read booklet\.pdf to impose it: "):
        impose(source, tmp_path / "print.pdf")
    assert not (tmp_path / "print.pdf").exists()
