"""Impose a booklet's PDF for saddle-stitch printing: two pages a side, in folding order.

Each sheet is printed on both sides (flipped on the short edge), and the stack is
folded down the middle and stapled. A booklet of n pages is padded with blank pages to
N, a multiple of four; the blanks go just before its last page, so that the last page
stays the back cover. Sheet 1's front holds pages N and 1, its back pages 2 and N-1,
sheet 2's front N-2 and 3, and so on.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.errors import PyPdfError

from kit.errors import BuildError

log = logging.getLogger(__name__)


def folding_order(pages: int) -> list[tuple[int | None, int | None]]:
    """The (left, right) pages of each side of each sheet in turn, numbered from 1.

    None stands for a blank page. Sides alternate front and back, sheet by sheet.
    """
    total = max(4, -(-pages // 4) * 4)
    blanks = total - pages
    # Page numbers in the padded booklet, the blanks just before the back cover.
    padded: list[int | None] = [*range(1, pages), *([None] * blanks), pages]
    if pages == 1:
        padded = [1, None, None, None]
    sides = []
    for sheet in range(total // 4):
        front = (padded[total - 1 - 2 * sheet], padded[2 * sheet])
        back = (padded[2 * sheet + 1], padded[total - 2 - 2 * sheet])
        sides += [front, back]
    return sides


def impose(source: Path, target: Path) -> None:
    """Write `target`, the booklet PDF `source` imposed two pages to a landscape side.

    Each side is as wide as two of the booklet's pages and as tall as one: Letter
    pages of 5.5 x 8.5 in go on Letter sheets, A5 on A4. Raises BuildError when the
    source cannot be read.
    """
    try:
        reader = PdfReader(source)
        pages = list(reader.pages)
    except (PyPdfError, OSError, ValueError) as exc:
        raise BuildError(f"cannot read {source.name} to impose it: {exc}") from None
    if not pages:
        raise BuildError(f"{source.name} has no pages to impose")
    width = float(pages[0].mediabox.width)
    height = float(pages[0].mediabox.height)
    writer = PdfWriter()
    for left, right in folding_order(len(pages)):
        side = PageObject.create_blank_page(width=2 * width, height=height)
        for number, offset in ((left, 0.0), (right, width)):
            if number is None:
                continue
            page = pages[number - 1]
            box = page.mediabox
            move = Transformation().translate(offset - float(box.left), -float(box.bottom))
            side.merge_transformed_page(page, move)
        # Merged pages' drawing is left uncompressed: compressed, the file is a third the size.
        writer.add_page(side).compress_content_streams()
    title = (reader.metadata or {}).get("/Title")
    if title:
        writer.add_metadata({"/Title": str(title)})
    # pypdf stamps no date and no random ID: the same source gives the same bytes.
    out = io.BytesIO()
    writer.write(out)
    target.write_bytes(out.getvalue())
    sheets = len(writer.pages) // 2
    log.info("imposed %d page(s) of %s on %d sheet(s)", len(pages), source.name, sheets)
