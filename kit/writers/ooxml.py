"""What every Office file kit writes shares: fixed metadata and byte-stable zips."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Iterable

FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
"""Creation and modification time stored in every file, so rebuilds are byte-identical."""


def fixed_time() -> dt.datetime:
    """The timestamp to store: SOURCE_DATE_EPOCH when set, else a fixed date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return FIXED_TIME


def set_core_properties(props, *, title: str, subject: str, author: str) -> None:
    """Fill a document's core properties with stable values."""
    when = fixed_time().replace(tzinfo=None)
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


def zipped(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of (name, bytes) entries in the order given, with fixed entry times and attributes."""
    stamp = fixed_time().timetuple()[:6]
    if stamp[0] < 1980:
        stamp = (1980, 1, 1, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as dst:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            entry.create_system = 0
            dst.writestr(entry, data)
    return out.getvalue()


def normalized_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times and attributes, keeping entry order."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return zipped((info.filename, src.read(info.filename)) for info in src.infolist())
