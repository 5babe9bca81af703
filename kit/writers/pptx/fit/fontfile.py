"""A TrueType or OpenType font file's own numbers: units per em and each character's advance.

The tables are read directly (head, hhea, cmap, hmtx), so measuring needs no font library;
design/make_fontwidths.py uses the same reading to make kit's width table.
"""

from __future__ import annotations

import struct


def tables(data: bytes) -> dict[str, bytes]:
    """A font file's tables by tag."""
    count = struct.unpack(">H", data[4:6])[0]
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        out[tag.decode("latin-1")] = data[offset : offset + length]
    return out


def cmap(table: bytes) -> dict[int, int]:
    """The font's Unicode character map: glyph number by code point."""
    count = struct.unpack(">H", table[2:4])[0]
    best = None
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHI", table[4 + 8 * i : 12 + 8 * i])
        fmt = struct.unpack(">H", table[offset : offset + 2])[0]
        wanted = platform == 3 and encoding in (1, 10) and fmt in (4, 12)
        if wanted and (best is None or fmt == 12):
            best = (fmt, offset)
    if best is None:
        raise ValueError("no Unicode cmap")
    fmt, offset = best
    sub = table[offset:]
    mapping: dict[int, int] = {}
    if fmt == 12:
        groups = struct.unpack(">I", sub[12:16])[0]
        for g in range(groups):
            start, end, glyph = struct.unpack(">III", sub[16 + 12 * g : 28 + 12 * g])
            for code in range(start, end + 1):
                mapping[code] = glyph + code - start
        return mapping
    segs = struct.unpack(">H", sub[6:8])[0] // 2
    ends = struct.unpack(f">{segs}H", sub[14 : 14 + 2 * segs])
    base = 16 + 2 * segs
    starts = struct.unpack(f">{segs}H", sub[base : base + 2 * segs])
    deltas = struct.unpack(f">{segs}h", sub[base + 2 * segs : base + 4 * segs])
    range_at = base + 4 * segs
    offsets = struct.unpack(f">{segs}H", sub[range_at : range_at + 2 * segs])
    for s in range(segs):
        for code in range(starts[s], ends[s] + 1):
            if code == 0xFFFF:
                continue
            if offsets[s] == 0:
                glyph = (code + deltas[s]) & 0xFFFF
            else:
                at = range_at + 2 * s + offsets[s] + 2 * (code - starts[s])
                glyph = struct.unpack(">H", sub[at : at + 2])[0]
                if glyph:
                    glyph = (glyph + deltas[s]) & 0xFFFF
            if glyph:
                mapping[code] = glyph
    return mapping


def advances(found: dict[str, bytes]) -> list[int]:
    """Each glyph's advance width in font units, by glyph number, from hhea and hmtx."""
    metrics = struct.unpack(">H", found["hhea"][34:36])[0]
    return [struct.unpack(">H", found["hmtx"][4 * i : 4 * i + 2])[0] for i in range(metrics)]


def units_per_em(found: dict[str, bytes]) -> int:
    """The font's units per em, from its head table."""
    return struct.unpack(">H", found["head"][18:20])[0]


def widths(data: bytes) -> tuple[dict[int, float], float]:
    """Each character's advance in ems, and the advance of the font's missing glyph."""
    found = tables(data)
    upm = units_per_em(found)
    adv = advances(found)
    last = len(adv) - 1
    per_code = {code: adv[min(glyph, last)] / upm for code, glyph in cmap(found["cmap"]).items()}
    return per_code, adv[0] / upm
