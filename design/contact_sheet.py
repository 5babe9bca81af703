"""Tile rendered slide pictures into one small contact sheet, to look at a deck at a glance.

    ../shared/tools/look.sh build/week-01-slides.pptx -o /tmp/look
    python design/contact_sheet.py docs/deck.png /tmp/look/week-01-slides-*.png

The pictures are taken in the order their numbers give (slide 2 before slide 10). The
README's pictures of a church template are sheets of 240-pixel slides in 96 colours:

    python design/contact_sheet.py docs/church-template-after.png PAGE.png... \
        --width 240 --colors 96
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from PIL import Image

COLUMNS = 5
THUMB = 200
"""Width in pixels of one slide on the sheet."""
GAP = 6


def _number(path: Path) -> int:
    found = re.findall(r"\d+", path.stem)
    return int(found[-1]) if found else 0


def sheet(pictures: list[Path], columns: int = COLUMNS, width: int = THUMB) -> Image.Image:
    """The pictures as thumbnails in rows of `columns`, on a grey ground."""
    thumbs = []
    for path in sorted(pictures, key=_number):
        with Image.open(path) as img:
            height = round(img.height * width / img.width)
            thumbs.append(img.convert("RGB").resize((width, height), Image.LANCZOS))
    tall = max(t.height for t in thumbs)
    rows = (len(thumbs) + columns - 1) // columns
    out = Image.new(
        "RGB", (columns * (width + GAP) + GAP, rows * (tall + GAP) + GAP), (200, 200, 200)
    )
    for i, thumb in enumerate(thumbs):
        row, col = divmod(i, columns)
        out.paste(thumb, (GAP + col * (width + GAP), GAP + row * (tall + GAP)))
    return out


def main() -> None:
    """Write the sheet of the pictures named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("pictures", type=Path, nargs="+")
    parser.add_argument("--columns", type=int, default=COLUMNS)
    parser.add_argument("--width", type=int, default=THUMB)
    parser.add_argument("--colors", type=int, default=0, help="fewer colours, a smaller file")
    args = parser.parse_args()
    image = sheet(args.pictures, args.columns, args.width)
    if args.colors:
        image = image.quantize(colors=args.colors, method=Image.Quantize.FASTOCTREE, dither=0)
    image.save(args.out, optimize=True)
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
