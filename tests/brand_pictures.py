"""Slide templates carrying given pictures, and pictures made to order, for the picture tests."""

from __future__ import annotations

import functools
import io
import struct
import zipfile
import zlib

import pptx
import pytest
from PIL import Image, ImageFile
from pptx.oxml import parse_xml

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:a="{A}" xmlns:p="{P}" xmlns:r="{R}"'


EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 64 36\n%%EndComments\n{ } loop\nshowpage\n"
"""A picture in PostScript that never ends: Ghostscript would run it for ever."""


def damaged_png() -> bytes:
    """A PNG whose pixel data says it is 0 bytes long: Pillow raises SyntaxError on it."""
    data = bytearray(png(64, 36, rgb=(10, 20, 40)))
    start = data.index(b"IDAT") - 4
    data[start : start + 4] = struct.pack(">I", 0)
    return bytes(data)


def dds() -> bytes:
    """A DDS picture of a pixel format Pillow does not know: it raises NotImplementedError."""
    header = struct.pack("<7I", 124, 0x1007, 36, 64, 0, 0, 0) + bytes(44)
    return b"DDS " + header + struct.pack("<2I", 32, 4) + b"DXT9" + bytes(40)


def spider() -> bytes:
    """A SPIDER picture whose header names a place in a stack: Pillow raises AttributeError."""
    out = io.BytesIO()
    Image.new("F", (16, 9), 0.5).save(out, "SPIDER")
    data = bytearray(out.getvalue())
    data[104:108] = struct.pack("<f", 1.0)
    return bytes(data)


def count_decoding(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The size of every picture Pillow decodes from now on, once per decoding."""
    sizes: list[tuple[int, int]] = []
    load = ImageFile.ImageFile.load

    def counted(self: ImageFile.ImageFile) -> object:
        if self.tile:  # pixels still to decode, not a picture already decoded
            sizes.append(self.size)
        return load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counted)
    return sizes


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, label: str = "", rgb: tuple[int, int, int] = (0, 0, 0)) -> bytes:
    """A PNG of one colour; pictures with different labels differ in their bytes only."""
    return _png(
        struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0), label, _idat(width, height, rgb)
    )


def black_png(width: int, height: int, label: str = "") -> bytes:
    """A black PNG of one bit a pixel: a picture declaring 40 million pixels takes 5 kB."""
    return _png(struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0), label, _idat(width, height))


def _png(header: bytes, label: str, pixels: bytes) -> bytes:
    text = _chunk(b"tEXt", b"Comment\x00" + label.encode()) if label else b""
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + text
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


@functools.lru_cache
def _idat(width: int, height: int, rgb: tuple[int, int, int] | None = None) -> bytes:
    row = b"\x00" + (bytes(rgb) * width if rgb else bytes((width + 7) // 8))
    packer = zlib.compressobj(9)
    return b"".join(packer.compress(row) for _ in range(height)) + packer.flush()


def picture_template(pictures: list[bytes], background: bool = False) -> bytes:
    """A .pptx whose master shows each picture over the whole slide.

    With `background`, the first picture is the master's background instead. Each picture
    goes in as a small PNG whose part is then given the picture's bytes, so any bytes stand
    as a picture whatever the part's name says, as in a file made by hand.
    """
    prs = pptx.Presentation()
    master = prs.slide_master
    width, height = prs.slide_width, prs.slide_height
    parts = {}
    for n, blob in enumerate(pictures):
        part, rid = master.part.get_or_add_image_part(io.BytesIO(png(1, 1, f"stand-in {n}")))
        parts[part.partname.lstrip("/")] = blob
        if background and n == 0:
            bg = master.element.find(f"{{{P}}}cSld/{{{P}}}bg")
            bg.getparent().replace(
                bg,
                parse_xml(
                    f'<p:bg {NS}><p:bgPr><a:blipFill><a:blip r:embed="{rid}"/><a:stretch>'
                    "<a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>"
                ),
            )
            continue
        master.shapes.element.append(
            parse_xml(
                f'<p:pic {NS}><p:nvPicPr><p:cNvPr id="{200 + n}" name="Picture {n}"/>'
                '<p:cNvPicPr/><p:nvPr userDrawn="1"/></p:nvPicPr><p:blipFill>'
                f'<a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
                f'<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/>'
                '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
            )
        )
    saved = io.BytesIO()
    prs.save(saved)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(saved) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, parts.get(info.filename, src.read(info)))
    return out.getvalue()
