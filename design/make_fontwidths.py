"""Write kit/writers/pptx/fit/fontwidths.json: glyph advance widths and line metrics of open fonts.

The fonts are the metric-compatible stand-ins LibreOffice uses for the fonts PowerPoint
has (Carlito for Calibri, Caladea for Cambria, Liberation for Arial and Times New Roman),
plus DejaVu, which LibreOffice falls back to for a font it does not have. Run once, after
installing fonts-crosextra-carlito, fonts-crosextra-caladea, fonts-liberation2 and
fonts-dejavu-core:

    python design/make_fontwidths.py

It reads the TrueType tables directly (head, hhea, OS/2, cmap, hmtx; see
kit.writers.pptx.fit.fontfile), so it needs no font library.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

from kit.writers.pptx.fit import fontfile

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "kit" / "writers" / "pptx" / "fit" / "fontwidths.json"

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


def face(path: str) -> dict:
    """Line metrics and advance widths of one font file, in font units."""
    t = fontfile.tables(Path(path).read_bytes())
    upm = fontfile.units_per_em(t)
    ascender, descender, line_gap = struct.unpack(">hhh", t["hhea"][4:10])
    os2 = t["OS/2"]
    typo_asc, typo_desc, typo_gap, win_asc, win_desc = struct.unpack(">hhhHH", os2[68:78])
    advances = fontfile.advances(t)
    metrics = len(advances)
    cmap = fontfile.cmap(t["cmap"])

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
