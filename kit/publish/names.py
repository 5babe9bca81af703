"""The names kit keeps in an output folder, and the checks every recorded name must pass."""

from __future__ import annotations

import json
import re
from typing import Any

from kit.safe_files import NAME_MAX, Folder

RESERVED = ".kit-"
"""Every name kit keeps in an output folder for itself starts with this."""

MANIFEST = ".kit-manifest.json"
"""The names and digests of the files the last finished build wrote; it stays."""
LOCK = ".kit-lock"
"""Locked with flock while a build or a check uses the folder; removed after."""
STAGING = ".kit-staging"
"""A build's files while they are written and converted, before they move in."""
JOURNAL = ".kit-journal.json"
"""What a publish moves, written before the first move and removed after the last."""
BACKUP = ".kit-backup"
"""The earlier kit's files, moved aside while a publish runs."""

JOURNAL_DRAFT = JOURNAL + ".tmp"
"""The journal while it is written, before it is whole."""

KEPT = (
    (MANIFEST, "a file"),
    (JOURNAL, "a file"),
    (JOURNAL_DRAFT, "a file"),
    (STAGING, "a folder"),
    (BACKUP, "a folder"),
)
"""The names kit keeps in an output folder besides its lock, and what each must be."""

SCRATCH = (STAGING, BACKUP, JOURNAL_DRAFT)
"""What an interrupted build may leave behind that nothing else refers to."""

MAX_RECORD = 4_000_000
"""Largest manifest or journal kit reads: some thousand times one for a year of weeks."""
TOO_LARGE = "is larger than any record kit writes ({limit:,} bytes), so it is not kit's"
MAX_DEPTH = 4
"""Deepest nesting of lists and mappings in a manifest or journal kit wrote."""

KIT_OUTPUT = re.compile(
    r"(leader-guide|week-\d{2,}-(leader-notes|slides|handout))\.(docx|pptx|pdf)"
)
"""The names of the files a build writes, as an older kit's staging folders held them."""


def plain_name(name: object) -> bool:
    """Whether `name` is a file name kit may write in its output folder, and nothing more.

    A recorded name is later removed or replaced, so one naming another folder, a
    parent or kit's own files would let a damaged record reach outside the kit; one the
    system cannot hold (too long, a lone surrogate) was never written by kit.
    """
    if not isinstance(name, str) or name in ("", ".", "..") or name.startswith(RESERVED):
        return False
    if any(c in name for c in "/\\\0"):
        return False
    try:
        return len(name.encode("utf-8")) <= NAME_MAX
    except UnicodeEncodeError:
        return False


def read_record(folder: Folder, name: str) -> bytes | None:
    """The bytes of kit's manifest or journal `name` in `folder`; None when there is none.

    Only a regular file of at most `MAX_RECORD` bytes is read: anything else has been
    put there by someone else, and is refused unopened or unread.
    """
    data = folder.read(name, MAX_RECORD)
    if data is not None and len(data) > MAX_RECORD:
        raise folder.refused(name, TOO_LARGE.format(limit=MAX_RECORD))
    return data


def record(data: bytes) -> dict[str, Any]:
    """The mapping a manifest or journal holds; ValueError if it is not one kit could write."""
    text = data.decode("utf-8")
    depth = deepest = 0
    # Nesting is measured before parsing, so a record built to exhaust the parser is
    # refused like any damaged one. Brackets inside names only make the count cautious.
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                raise ValueError("nested too deeply")
        elif char in "]}":
            depth -= 1
    found = json.loads(text)
    if not isinstance(found, dict):
        raise ValueError("not a record")
    return found
