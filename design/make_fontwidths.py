"""Write kit/layout/fontwidths.json: glyph advance widths and line metrics of open fonts.

The fonts are the metric-compatible stand-ins LibreOffice uses for the fonts PowerPoint
has (Carlito for Calibri, Caladea for Cambria, Liberation for Arial and Times New Roman),
plus DejaVu, which LibreOffice falls back to for a font it does not have. Run once, after
installing fonts-crosextra-carlito, fonts-crosextra-caladea, fonts-liberation2 and
fonts-dejavu-core:

    python design/make_fontwidths.py

It reads the TrueType tables directly (head, hhea, OS/2, cmap, hmtx), so it needs no
font library.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "kit" / "layout" / "fontwidths.json"

FACES = {
    "Carlito": "/usr/share/fonts/truetype/crosextra/Carlito-{}.ttf",
    "Caladea": "/usr/share/fonts/truetype/crosextra/Caladea-{}.ttf",
    "Liberation Sans": "/usr/share/fonts/truetype/liberation2/LiberationSans-{}.ttf",
    "Liberation Serif": "/usr/share/fonts/truetype/liberation2/LiberationSerif-{}.ttf",
    "DejaVu Sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans{}.ttf",
    "DejaVu Serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif{}.ttf",
}
STYLES = {
    "regular": ("Regular", ""),
    "bold": ("Bold", "-Bold"),
    "italic": ("Italic", "-Oblique"),
    "bolditalic": ("BoldItalic", "-BoldOblique"),
}
SERIF_DEJAVU_STYLES = {"italic": "-Italic", "bolditalic": "-BoldItalic"}

RANGES = [(0x20, 0x250), (0x2000, 0x2070), (0x20A0, 0x20C0), (0x2100, 0x2160), (0x2190, 0x2200)]
"""Code points measured: Latin, punctuation, currency, letterlike symbols, arrows."""


def _tables(data: bytes) -> dict[str, bytes]:
    count = struct.unpack(">H", data[4:6])[0]
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        out[tag.decode("latin-1")] = data[offset : offset + length]
    return out


def _cmap(table: bytes) -> dict[int, int]:
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


def face(path: str) -> dict:
    """Line metrics and advance widths of one font file, in font units."""
    t = _tables(Path(path).read_bytes())
    upm = struct.unpack(">H", t["head"][18:20])[0]
    ascender, descender, line_gap = struct.unpack(">hhh", t["hhea"][4:10])
    metrics = struct.unpack(">H", t["hhea"][34:36])[0]
    os2 = t["OS/2"]
    typo_asc, typo_desc, typo_gap, win_asc, win_desc = struct.unpack(">hhhHH", os2[68:78])
    advances = [struct.unpack(">H", t["hmtx"][4 * i : 4 * i + 2])[0] for i in range(metrics)]
    cmap = _cmap(t["cmap"])

    def advance(code: int) -> int | None:
        glyph = cmap.get(code)
        if glyph is None:
            return None
        return advances[min(glyph, metrics - 1)]

    widths = []
    for start, end in RANGES:
        row = [advance(c) for c in range(start, end)]
        widths.append([start, [-1 if w is None else w for w in row]])
    return {
        "upm": upm,
        "hhea": [ascender, -descender, line_gap],
        "typo": [typo_asc, -typo_desc, typo_gap],
        "win": [win_asc, win_desc],
        "missing": advances[0],
        "widths": widths,
    }


def main() -> None:
    """Measure every face and write the table."""
    out: dict[str, dict] = {}
    for family, pattern in FACES.items():
        out[family] = {}
        for style, (named, dejavu) in STYLES.items():
            suffix = named
            if family.startswith("DejaVu"):
                suffix = SERIF_DEJAVU_STYLES.get(style, dejavu) if "Serif" in family else dejavu
            out[family][style] = face(pattern.format(suffix))
    OUT.write_text(json.dumps(out, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
