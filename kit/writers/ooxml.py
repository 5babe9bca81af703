"""What every Office file kit writes shares: namespaces, XML escaping, fixed times, stable zips."""

from __future__ import annotations

import datetime as dt
import io
import os
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

NAMESPACES = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
"""The namespaces kit's markup uses, by the prefixes it writes them with."""

FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
"""Creation and modification time stored in every file, so rebuilds are byte-identical."""


def qn(tag: str) -> str:
    """The qualified name of a prefixed tag or attribute, e.g. `w:p`."""
    prefix, local = tag.split(":")
    return f"{{{NAMESPACES[prefix]}}}{local}"


def nsdecls(*prefixes: str) -> str:
    """Namespace declarations for the start tag of a fragment of markup."""
    return " ".join(f'xmlns:{p}="{NAMESPACES[p]}"' for p in prefixes)


def escape(text: str) -> str:
    """Text made safe inside an element; a carriage return is kept as a reference."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def fixed_time() -> dt.datetime:
    """The timestamp to store: SOURCE_DATE_EPOCH when set, else a fixed date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return FIXED_TIME


def set_core_properties(
    props, *, title: str, subject: str, author: str, when: dt.datetime | None = None
) -> None:
    """Fill a document's core properties (python-docx's or python-pptx's) with stable values."""
    when = (when or fixed_time()).replace(tzinfo=None)
    props.title = title
    props.subject = subject
    props.author = author
    props.last_modified_by = author
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1
    props.keywords = ""
    props.comments = ""
    props.category = ""


def normalized_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times and attributes, keeping the entry order."""
    stamp = fixed_time().timetuple()[:6]
    if stamp[0] < 1980:
        stamp = (1980, 1, 1, 0, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as dst,
    ):
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16  # owner read/write, the same on every system
            entry.create_system = 0
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


# -- Old package writers' helpers, removed with them ---------------------------------


def rels_entry(name: str) -> str:
    """The zip entry holding the relationships of entry `name` ("" for the package itself)."""
    folder, base = posixpath.split(name)
    return posixpath.join(folder, "_rels", f"{base}.rels")


@dataclass(frozen=True)
class Deflated:
    """A zip entry's bytes compressed once, to store in any number of zips."""

    data: bytes
    """The deflated bytes."""
    crc: int
    """CRC-32 of the bytes before compression."""
    size: int
    """Length of the bytes before compression."""


def deflated(data: bytes) -> Deflated:
    """The bytes compressed as zipfile compresses them (deflate, level 6)."""
    squash = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Deflated(squash.compress(data) + squash.flush(), zlib.crc32(data), len(data))


_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_DEFLATE, _VERSION, _UTF8 = 8, 20, 0x800
_ATTRIBUTES = 0o600 << 16
"""Owner may read and write: the same for every build on every system."""
_ZIP64_LIMIT = (1 << 31) - 1
"""Past this zipfile would write zip64 records; no kit file comes near it."""


def zipped(entries: Iterable[tuple[str, bytes | Deflated]]) -> bytes:
    """A zip of the entries in the order given, with fixed times and attributes.

    The bytes are the ones zipfile writes for the same entries; building them here
    lets an entry compressed once be stored in many zips, and costs a fraction.
    """
    when = fixed_time().timetuple()[:6]
    if when[0] < 1980:
        when = (1980, 1, 1, 0, 0, 0)
    dos_date = (when[0] - 1980) << 9 | when[1] << 5 | when[2]
    dos_time = when[3] << 11 | when[4] << 5 | when[5] // 2
    chunks: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name, content in entries:
        packed = content if isinstance(content, Deflated) else deflated(content)
        raw = name.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8
        sizes = (packed.crc, len(packed.data), packed.size, len(raw))
        head = (_VERSION, 0, flags, _DEFLATE, dos_time, dos_date, *sizes)
        local = _LOCAL.pack(b"PK\x03\x04", *head, 0)
        # Made by version 2.0 on MS-DOS: the same whichever system builds.
        entry = (*head, 0, 0, 0, 0, _ATTRIBUTES, offset)
        directory.append(_CENTRAL.pack(b"PK\x01\x02", _VERSION, 0, *entry) + raw)
        chunks += (local, raw, packed.data)
        offset += len(local) + len(raw) + len(packed.data)
    if offset > _ZIP64_LIMIT or len(directory) >= 0xFFFF:
        raise ValueError("too large for a zip without zip64 extensions")
    central = b"".join(directory)
    count = len(directory)
    end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(central), offset, 0)
    return b"".join(chunks) + central + end
