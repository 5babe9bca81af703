"""The manifest: kit's record, in the output folder, of the files its last build wrote there."""

from __future__ import annotations

import json
from pathlib import Path

from kit.errors import InputError, Problem
from kit.publish.names import MANIFEST, plain_name, read_record, record
from kit.resources import shown
from kit.safe_files import Folder

FORMAT = 1
"""The manifest's layout; a later kit that changes it reads this one too."""

DAMAGED = (
    "kit's record of the files it wrote here is damaged, so kit cannot tell its files "
    "from yours; delete this record and the kit's files, or build into an empty folder"
)


def manifest_bytes(files: dict[str, str]) -> bytes:
    """The manifest for `files` (name to SHA-256): the same files give the same bytes."""
    record = {"format": FORMAT, "written by": "kit", "files": dict(sorted(files.items()))}
    return (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def read_manifest(folder: Folder) -> dict[str, str]:
    """The files an earlier build recorded writing in `folder`, name to digest; {} for none.

    A record that cannot be read or is not one kit wrote is a problem with the folder,
    never a reason to treat every file in it as kit's or as nobody's. Only a regular
    file of a bounded size is read: a link, a pipe or a device is refused unopened.
    """
    data = read_record(folder, MANIFEST)
    if data is None:
        return {}
    try:
        entry = record(data)
    except ValueError:
        raise InputError(_problem(folder / MANIFEST, DAMAGED)) from None
    files = entry.get("files")
    if (
        type(entry.get("format")) is not int
        or entry.get("format") != FORMAT
        or not isinstance(files, dict)
        or not all(plain_name(n) and isinstance(d, str) for n, d in files.items())
    ):
        raise InputError(_problem(folder / MANIFEST, DAMAGED))
    return files


def _problem(path: Path, message: str) -> Problem:
    return Problem(shown(path), 0, 0, "", message)
