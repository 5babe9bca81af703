"""Measure and fit text: glyph widths of the fonts slides render in, line wrapping, heights.

Widths come from `fontwidths.json` (made by design/make_fontwidths.py from the open fonts
that are metric-compatible with the Office fonts), so measuring those needs no font
installed; another font is measured from its own file where it is installed (see
installed), else with a cautious stand-in.
Line height follows PowerPoint, which LibreOffice copies for .pptx: 1.2 times the font
size at single spacing, whatever the font. Kerning only ever narrows text, so measuring
without it errs on the safe side.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from kit.writers.pptx.fit.installed import installed_widths

WIDTHS_FILE = Path(__file__).with_name("fontwidths.json")

LINE_HEIGHT = 1.2
"""Line pitch at single spacing, in ems."""

WIDTH_SAFETY = 1.01
"""Widths are scaled up by this much to absorb rounding in the renderers."""

UNKNOWN_CHAR_EM = 1.0
"""Width of a character no table knows (CJK, emoji): a full em."""

ALIASES = {
    "calibri": "Carlito",
    "carlito": "Carlito",
    "calibri light": "Carlito",
    "cambria": "Caladea",
    "caladea": "Caladea",
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "arimo": "Liberation Sans",
    "liberation sans": "Liberation Sans",
    "times new roman": "Liberation Serif",
    "times": "Liberation Serif",
    "tinos": "Liberation Serif",
    "liberation serif": "Liberation Serif",
    "dejavu sans": "DejaVu Sans",
    "dejavu serif": "DejaVu Serif",
}
"""Office and open font names, each mapped to the measured font it renders like."""

FALLBACK = ("DejaVu Sans", "DejaVu Serif", "Liberation Sans", "Liberation Serif")
"""Fonts whose widest glyphs stand in for a font kit has no table for."""

MEMO_PARAS = 4096
"""Paragraphs whose words and line breaks are remembered: fitting measures each many times."""

_SPACES = re.compile("( +)")
_ZERO_WIDTH = re.compile("[\u0300-\u036f\u200b-\u200f\u2060\ufe00-\ufe0f]")


Advance = tuple[float, int]
"""Summed advances in ems of some characters, and how many of them take room."""


@dataclass(frozen=True, eq=False)
class Face:
    """Advance widths of one font style, in ems; faces compare by identity."""

    name: str
    """The measured font's family and style."""
    widths: dict[int, float]
    """Advance of each known code point."""
    missing: float
    """Advance of a code point the font has no glyph for but a near font may."""

    def width(self, text: str, size: float, spacing: float = 0.0) -> float:
        """Width in points of `text` at `size` points, with `spacing` points between letters."""
        total, count = self.measure(text)
        return (total * size + spacing * count) * WIDTH_SAFETY

    def measure(self, text: str) -> Advance:
        """The summed advances of `text` in ems, and how many characters take room."""
        visible = _ZERO_WIDTH.sub("", text)
        get = self.widths.get
        total = 0.0
        for ch in visible:
            code = ord(ch)
            adv = get(code)
            if adv is None:
                adv = self.missing if code < 0x2E80 else UNKNOWN_CHAR_EM
            total += adv
        return total, len(visible)


@cache
def _table() -> dict:
    return json.loads(WIDTHS_FILE.read_text(encoding="utf-8"))


def _style(bold: bool, italic: bool) -> str:
    return ("bold" if bold else "") + ("italic" if italic else "") or "regular"


def _face_widths(family: str, style: str) -> tuple[dict[int, float], float]:
    data = _table()[family][style]
    upm = data["upm"]
    widths: dict[int, float] = {}
    for start, row in data["widths"]:
        for offset, adv in enumerate(row):
            if adv >= 0:
                widths[start + offset] = adv / upm
    return widths, data["missing"] / upm


@cache
def face(typeface: str, bold: bool = False, italic: bool = False) -> Face:
    """The measured face for a font name as a theme or run names it.

    The table's fonts first; else the font itself where it is installed in that style
    (see installed); else a cautious stand-in.
    """
    style = _style(bold, italic)
    family = ALIASES.get(typeface.strip().lower())
    if family is not None:
        widths, missing = _face_widths(family, style)
        name = f"{family} {style}"
    elif (found := installed_widths(typeface, style)) is not None:
        widths, missing = found
        name = f"{typeface.strip()} {style} (installed)"
    else:
        return fallback_face(bold, italic)
    # A glyph this font lacks comes from a fallback font; assume the widest.
    wide = fallback_face(bold, italic)
    missing = max(missing, max(wide.widths.values(), default=missing))
    return Face(name, widths, missing)


@cache
def fallback_face(bold: bool = False, italic: bool = False) -> Face:
    """A cautious stand-in for an unknown font: the widest of the measured fonts, per glyph."""
    style = _style(bold, italic)
    widths: dict[int, float] = {}
    missing = 0.0
    for family in FALLBACK:
        w, m = _face_widths(family, style)
        missing = max(missing, m)
        for code, adv in w.items():
            if adv > widths.get(code, 0.0):
                widths[code] = adv
    return Face(f"fallback {style}", widths, max(missing, 0.7))


class Word(NamedTuple):
    """A piece of text between break opportunities, with its measured width."""

    text: str
    """The piece's characters, without the space after it."""
    width: float
    """Width in points."""
    space: float
    """Width in points of the space that follows it."""


class Piece(NamedTuple):
    """A stretch of a paragraph in one face (a tuple: fitting makes and hashes many)."""

    text: str
    """The characters."""
    face: Face
    """How they are measured."""


@dataclass(frozen=True)
class Para:
    """A paragraph to measure: its text and how it is set."""

    pieces: tuple[Piece, ...]
    """The paragraph's text by face."""
    size: float
    """Font size in points."""
    line: float = 1.0
    """Line spacing as a multiple of single spacing."""
    before: float = 0.0
    """Space before, in points."""
    indent: float = 0.0
    """Left indent of every line, in points (bullets hang in it)."""
    spacing: float = 0.0
    """Extra points between letters."""
    caps: bool = False
    """Set in capitals."""


@lru_cache(maxsize=MEMO_PARAS)
def words(para: Para) -> tuple[Word, ...]:
    """The paragraph split at spaces, each piece measured in its own face."""
    out: list[Word] = []
    text, width = "", 0.0
    for piece in para.pieces:
        chunks = _SPACES.split(piece.text.upper() if para.caps else piece.text)
        for i, chunk in enumerate(chunks):
            if i % 2:  # a run of spaces ends the current word
                out.append(Word(text, width, _width(piece.face, chunk, para)))
                text, width = "", 0.0
            elif chunk:
                text += chunk
                width += _width(piece.face, chunk, para)
    if text:
        out.append(Word(text, width, 0.0))
    return tuple(w for w in out if w.text)


def _width(face: Face, text: str, para: Para) -> float:
    return face.width(text, para.size, para.spacing)


@lru_cache(maxsize=MEMO_PARAS)
def _lines(para: Para, width: float) -> tuple[tuple[Word, ...], ...]:
    room = width - para.indent
    lines: list[list[Word]] = []
    current: list[Word] = []
    used = 0.0
    for word in words(para):
        gap = current[-1].space if current else 0.0
        if current and used + gap + word.width > room:
            lines.append(current)
            current, used = [], 0.0
            gap = 0.0
        current.append(word)
        used += gap + word.width
        # A word wider than the column is broken by the renderer onto extra lines.
        while used > room and len(current) == 1 and room > 0:
            lines.append([])
            used -= room
    if current or not lines:
        lines.append(current)
    return tuple(tuple(line) for line in lines)


def line_count(para: Para, width: float) -> int:
    """How many lines the paragraph takes in a column `width` points wide."""
    return len(_lines(para, width))


def longest_word(para: Para) -> float:
    """Width in points of the paragraph's widest word plus its indent."""
    return max((w.width for w in words(para)), default=0.0) + para.indent


def height(paras: Sequence[Para], width: float) -> float:
    """Height in points of paragraphs stacked in a column `width` points wide."""
    total = 0.0
    for i, para in enumerate(paras):
        if i:
            total += para.before
        total += line_count(para, width) * para.size * LINE_HEIGHT * para.line
    return total


def fits(paras: Sequence[Para], width: float, room: float, *, broken_ok: bool = False) -> bool:
    """True when the paragraphs fit a column `width` wide and `room` tall.

    A word wider than the column fails, unless `broken_ok`: at the smallest size there
    is nothing left to try, and the renderer breaks such a word over lines.
    """
    if not broken_ok and any(longest_word(p) > width for p in paras):
        return False
    return height(paras, width) <= room
