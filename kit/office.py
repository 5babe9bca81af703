"""Office files as both the checks and the writers read them.

A PowerPoint template (.potx) opens as a presentation, and a slide template's pictures
are counted in pixels, the same way when a course is checked and when its deck is made.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import warnings
import zipfile
from collections.abc import Iterator

from PIL import Image
from pptx.opc.package import Part
from pptx.presentation import Presentation as PptxPresentation

TEMPLATE_MAIN = b"presentationml.template.main+xml"
PRESENTATION_MAIN = b"presentationml.presentation.main+xml"
"""How [Content_Types].xml names the main part of a PowerPoint template (.potx) and of a
presentation (.pptx), after `application/vnd.openxmlformats-officedocument.`."""


def as_presentation(data: bytes) -> bytes:
    """A PowerPoint template's (.potx) bytes as a presentation's; any other bytes unchanged.

    A .potx holds what a .pptx holds, with its main part listed under another content
    type, which python-pptx refuses to open; listed as a presentation's, it opens.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            types = src.read("[Content_Types].xml")
            if TEMPLATE_MAIN not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
                for info in src.infolist():
                    part = src.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        part = types.replace(TEMPLATE_MAIN, PRESENTATION_MAIN)
                    dst.writestr(info, part)
    except (zipfile.BadZipFile, KeyError):
        return data  # not a package: whoever opens it says why
    return out.getvalue()


FORMATS = ("PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP")
"""The picture formats kit decodes, as Pillow names them; anything else is not read."""

MAX_PICTURE_PIXELS = 40_000_000
"""Largest picture whose colours are read; a larger one counts as the theme's background."""

MAX_TEMPLATE_PIXELS = 200_000_000
"""Most pixels read from one template's pictures, all its masters and layouts together.

Twenty-four full-slide 4K pictures fit, or eight 24-megapixel photos. A JPEG counts at
its full size although kit decodes it at an eighth of its width and height: reading
through it costs nearly as much, and a progressive one holds all of it in memory. A
template past this is refused when the course is loaded, before anything is built.
"""


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
            with quiet_pillow(), open_picture(blob) as img:
                total += picture_pixels(img)
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


def open_picture(blob: bytes) -> Image.Image:
    """The picture opened but not decoded, if it is in one of `FORMATS`; else Pillow raises."""
    return Image.open(io.BytesIO(blob), formats=FORMATS)


def picture_pixels(img: Image.Image) -> int:
    """How many pixels reading an opened picture goes through; 0 for one too large to read."""
    pixels = img.width * img.height
    return pixels if pixels <= MAX_PICTURE_PIXELS else 0


@contextlib.contextmanager
def quiet_pillow() -> Iterator[None]:
    """Pillow's warnings muted: of very large pictures (not read) and of damaged ones."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield
