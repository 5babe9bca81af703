"""Tables, framed boxes and ruled writing lines, laid out to the width of the page."""

from __future__ import annotations

from lxml import etree

from kit.compose.blocks import Inline, plain
from kit.writers.docx.elements import fragment
from kit.writers.docx.styles import ACCENT
from kit.writers.ooxml import nsdecls

CELL_SIDE = 90
"""Left and right padding of a table cell, in twips."""
BOX_SIDE = 220
"""Padding inside a framed box, in twips."""
KIT_FILL = "F4F7F8"
"""The shading of kit's own boxes: its teal accent, faint."""
FILL_SHARE = 0.06
"""How much of a church's accent colour shades its boxes; the rest is white paper."""


def _border(side: str, size: int, color: str) -> str:
    if not size:
        return f'<w:{side} w:val="nil"/>'
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="{color}"/>'


def _borders(tag: str, **sides: tuple[int, str]) -> str:
    order = ("top", "left", "bottom", "right", "insideH", "insideV")
    inner = "".join(_border(s, *sides.get(s, (0, ""))) for s in order)
    return f"<w:{tag}>{inner}</w:{tag}>"


def new_table(
    widths: list[int], *, indent: int, borders: str, margins: tuple[int, int, int, int]
) -> etree._Element:
    """An empty table with fixed column widths (twips), borders and cell padding."""
    top, side, bottom, right = margins
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return fragment(
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblInd w:w="{indent}" w:type="dxa"/>{borders}'
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{side}" w:type="dxa"/>'
        f'<w:bottom w:w="{bottom}" w:type="dxa"/><w:right w:w="{right}" w:type="dxa"/>'
        "</w:tblCellMar>"
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid></w:tbl>"
    )


def add_row(
    table: etree._Element,
    widths: list[int],
    *,
    header: bool = False,
    height: int | None = None,
    cell_props: str = "",
) -> list[etree._Element]:
    """Append a row that never splits across pages; return its cells (each without a paragraph)."""
    height_xml = f'<w:trHeight w:val="{height}" w:hRule="exact"/>' if height else ""
    head_xml = "<w:tblHeader/>" if header else ""
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{cell_props}</w:tcPr></w:tc>' for w in widths
    )
    row = fragment(
        f"<w:tr {nsdecls('w')}><w:trPr><w:cantSplit/>{height_xml}{head_xml}</w:trPr>{cells}</w:tr>"
    )
    table.append(row)
    return list(row.iterchildren("{*}tc"))


def column_widths(rows: tuple[tuple[Inline, ...], ...], total: int) -> list[int]:
    """Share a width among columns by how much each has to say, short ones kept snug."""
    count = max(len(r) for r in rows)
    need = []
    for col in range(count):
        texts = [plain(r[col]) for r in rows if col < len(r)]
        longest = max((len(t) for t in texts), default=0)
        need.append(min(max(longest, 6), 60))
    scale = total / sum(need)
    widths = [int(n * scale) for n in need]
    widths[-1] += total - sum(widths)
    return widths


def is_numeric(rows: tuple[tuple[Inline, ...], ...], col: int) -> bool:
    """True when every body cell of a column is a number (or empty)."""
    cells = [plain(r[col]).strip() for r in rows[1:] if col < len(r)]
    return any(cells) and all(c.isdigit() or not c for c in cells)


def right_aligned(rows: tuple[tuple[Inline, ...], ...], col: int) -> bool:
    """Numbers line up on the right, except in a first column, where they lead the row."""
    return col > 0 and is_numeric(rows, col)


def grid_borders(accent: str, rule: str) -> str:
    """Rules between rows and under the table, nothing down the sides."""
    return _borders("tblBorders", bottom=(6, accent), insideH=(4, rule))


def header_cell_props(accent: str) -> str:
    """A heavier accent rule under the header row."""
    return _borders("tcBorders", bottom=(10, accent))


def box_borders(color: str) -> str:
    """A thin frame all round."""
    return _borders(
        "tblBorders", top=(6, color), left=(6, color), bottom=(6, color), right=(6, color)
    )


def box_fill(accent: str) -> str:
    """The shading for boxes framed in `accent` (RRGGBB): kit's own, or a tint of the accent."""
    if accent.upper() == ACCENT:
        return KIT_FILL
    channels = (int(accent[i : i + 2], 16) for i in (0, 2, 4))
    return "".join(f"{round(255 - FILL_SHARE * (255 - c)):02X}" for c in channels)


def shade(fill: str) -> str:
    """Cell shading, for a tcPr."""
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'


def line_borders(rule: str) -> str:
    """Ruled lines: a rule under every row, nothing else."""
    return _borders("tblBorders", bottom=(4, rule), insideH=(4, rule))
