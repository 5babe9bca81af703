"""The pictures of a church's slide template: read safely, each once, within a budget.

A template from someone else may hold any bytes as a picture, whatever its part is
called. kit reads a picture only to learn the colours text stands on (see theme), so it
decodes only the formats pictures are saved in (PNG, JPEG, GIF, BMP, TIFF, WebP), never
PostScript, EPS or PDF, which Pillow would hand to Ghostscript to run. A picture Pillow
raises anything at all on is a picture kit cannot read. Each picture is decoded once
however many layouts show it, and the pixels read for one template are bounded in
total; the course loader refuses a template past that bound before anything is built
(`template_pixels`).
"""

from __future__ import annotations

import hashlib

from PIL import Image

from kit.office import MAX_TEMPLATE_PIXELS
from kit.office import open_picture as _opened
from kit.office import picture_pixels as _pixels
from kit.office import quiet_pillow as _quiet

PICTURE_SAMPLE = (32, 18)
"""The size in pixels a picture is shrunk to before its colours are read."""


class Pictures:
    """One template's pictures as read so far: each decoded once, all within a budget."""

    def __init__(self, budget: int = MAX_TEMPLATE_PIXELS) -> None:
        self._samples: dict[bytes, Image.Image | None] = {}
        self.left = budget
        """Pixels that may still be read; a picture past them is not decoded."""

    def sample(self, blob: bytes) -> Image.Image | None:
        """The picture shrunk to `PICTURE_SAMPLE`, in RGBA, or None if it is not read."""
        key = hashlib.sha256(blob).digest()
        if key not in self._samples:
            self._samples[key] = self._sample(blob)
        return self._samples[key]

    def _sample(self, blob: bytes) -> Image.Image | None:
        try:
            with _quiet(), _opened(blob) as img:
                pixels = _pixels(img)
                if not pixels or pixels > self.left:
                    return None
                self.left -= pixels
                img.draft("RGB", PICTURE_SAMPLE)  # a JPEG decodes at a fraction of its size
                # Shrunk before any copy in another mode: a large photo is big enough once.
                whole = img if img.mode in ("RGB", "RGBA") else img.convert("RGBA")
                return whole.resize(PICTURE_SAMPLE, Image.Resampling.BOX).convert("RGBA")
        except Exception:  # Pillow raises many kinds on damaged pictures, not only OSError
            return None
