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

import contextlib
import hashlib
import io
import warnings
from collections.abc import Iterator

from PIL import Image
from pptx.opc.package import Part
from pptx.presentation import Presentation as PptxPresentation

FORMATS = ("PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP")
"""The picture formats kit decodes, as Pillow names them; anything else is not read."""

PICTURE_SAMPLE = (32, 18)
"""The size in pixels a picture is shrunk to before its colours are read."""

MAX_PICTURE_PIXELS = 40_000_000
"""Largest picture whose colours are read; a larger one counts as the theme's background."""

MAX_TEMPLATE_PIXELS = 200_000_000
"""Most pixels read from one template's pictures, all its masters and layouts together.

Twenty-four full-slide 4K pictures fit, or eight 24-megapixel photos. A JPEG counts at
its full size although kit decodes it at an eighth of its width and height: reading
through it costs nearly as much, and a progressive one holds all of it in memory. A
template past this is refused when the course is loaded, before anything is built.
"""


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


def template_pixels(prs: PptxPresentation) -> int:
    """The most pixels a build reads from a template's pictures.

    Every picture a slide master or layout holds counts once, whether or not it lies
    where text goes, so the build never decodes more than this.
    """
    total = 0
    seen: set[bytes] = set()
    for part in _pictures(prs):
        blob = part.blob
        key = hashlib.sha256(blob).digest()
        if key in seen:
            continue
        seen.add(key)
        try:
            with _quiet(), _opened(blob) as img:
                total += _pixels(img)
        except Exception:  # not a picture kit reads: it decodes nothing of it
            continue
    return total


def _pictures(prs: PptxPresentation) -> Iterator[Part]:
    """Every part a master or layout relates to, once: any may be drawn as a picture."""
    seen = set()
    for master in prs.slide_masters:
        for owner in (master, *master.slide_layouts):
            for rel in owner.part.rels.values():
                if not rel.is_external and rel.target_part.partname not in seen:
                    seen.add(rel.target_part.partname)
                    yield rel.target_part


def _opened(blob: bytes) -> Image.Image:
    """The picture opened but not decoded, if it is in one of `FORMATS`; else Pillow raises."""
    return Image.open(io.BytesIO(blob), formats=FORMATS)


def _pixels(img: Image.Image) -> int:
    """How many pixels reading an opened picture goes through; 0 for one too large to read."""
    pixels = img.width * img.height
    return pixels if pixels <= MAX_PICTURE_PIXELS else 0


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Pillow's warnings muted: of very large pictures (not read) and of damaged ones."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield
