"""What every Office file kit writes shares: namespaces, XML escaping, fixed times, stable zips."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

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


def escape_xml(text: str) -> str:
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
