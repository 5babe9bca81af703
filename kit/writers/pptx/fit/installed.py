"""Fonts installed on this computer, measured from their own files.

A church's theme may name a font kit's width table does not know (see textfit). Where
that font is installed, LibreOffice and PowerPoint set the slides in it, so its own
advance widths are the truest measure; where it is not, they set another font, and kit
measures with a cautious stand-in. Only a family installed in the very style asked for
counts: a renderer that makes bold or italic itself may set it wider.
"""

from __future__ import annotations

import logging
import os
import sys
from functools import cache
from pathlib import Path

from PIL import ImageFont

from kit.writers.pptx.fit import fontfile

log = logging.getLogger(__name__)

SUFFIXES = (".ttf", ".otf")
"""Font files read; collections and Type 1 fonts are left to the stand-in."""

STYLES = {
    "regular": {"regular", "book", "normal", "roman", "plain"},
    "bold": {"bold", "demi", "demibold"},
    "italic": {"italic", "oblique", "book oblique", "book italic", "regular italic"},
    "bolditalic": {"bold italic", "bold oblique", "demi oblique", "demi italic"},
}
"""A font file's own style names for each style kit measures; others (light, condensed,
narrow) set narrower than the family's regular and are never taken for it."""


def font_folders() -> list[Path]:
    """Where this system keeps its fonts, the user's own first."""
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", "C:/Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home))
        return [local / "Microsoft" / "Windows" / "Fonts", windows / "Fonts"]
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    return [
        home / ".local" / "share" / "fonts",
        home / ".fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
    ]


def _style(name: str) -> str | None:
    lowered = " ".join(name.lower().split())
    return next((style for style, names in STYLES.items() if lowered in names), None)


@cache
def catalogue() -> dict[tuple[str, str], Path]:
    """Each installed family and style kit can measure, and its file; read once."""
    found: dict[tuple[str, str], Path] = {}
    for folder in font_folders():
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in SUFFIXES or not path.is_file():
                continue
            try:
                family, style_name = ImageFont.truetype(str(path), 10).getname()
            except (OSError, ValueError):
                continue
            style = _style(style_name or "")
            if family and style:
                found.setdefault((family.strip().lower(), style), path)
    return found


@cache
def installed_widths(typeface: str, style: str) -> tuple[dict[int, float], float] | None:
    """Advances in ems of an installed font's characters and its missing glyph, or None.

    `style` is "regular", "bold", "italic" or "bolditalic"; None when that family is not
    installed in that style, or its file cannot be read.
    """
    path = catalogue().get((typeface.strip().lower(), style))
    if path is None:
        return None
    try:
        return fontfile.widths(path.read_bytes())
    except Exception as exc:  # a damaged file raises struct, key and index errors alike
        # It is measured as the stand-in measures, as its renderer may skip it too.
        log.info("font file %s not measured: %s", path, exc)
        return None
