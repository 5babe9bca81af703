"""The names kit keeps in an output folder, and the checks every recorded name must pass."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

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

SCRATCH = (STAGING, JOURNAL + ".tmp")
"""What an interrupted build may leave behind that nothing else refers to."""

KIT_OUTPUT = re.compile(
    r"(leader-guide|week-\d{2,}-(leader-notes|slides|handout))\.(docx|pptx|pdf)"
)
"""The names of the files a build writes, as an older kit's staging folders held them."""


def plain_name(name: object) -> bool:
    """Whether `name` is a file name kit may write in its output folder, and nothing more.

    A recorded name is later removed or replaced, so one naming another folder, a
    parent or kit's own files would let a damaged record reach outside the kit.
    """
    return (
        isinstance(name, str)
        and name not in ("", ".", "..")
        and not name.startswith(RESERVED)
        and not any(c in name for c in "/\\\0")
    )


def digest(path: Path) -> str:
    """The SHA-256 digest of a file, in hex."""
    found = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            found.update(chunk)
    return found.hexdigest()


def digest_or_none(path: Path) -> str | None:
    """The digest of a regular file at `path`, or None when there is none."""
    try:
        if not os.path.isfile(path) or os.path.islink(path):
            return None
        return digest(path)
    except OSError:
        return None
