"""Read and save the course file: atomically, and never over changes made elsewhere."""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path

from kit.errors import InputError
from kit.load.yamlfile import MAX_BYTES, decode
from kit.resources import data_dir
from kit.safe_files import Folder

STARTER = "starter-course.yaml"
"""The commented starter course `kit new` writes."""


def digest(text: str) -> str:
    """A short fingerprint of a file's text, to tell whether it changed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read(path: Path) -> str:
    """The course file's text; an empty text when it does not exist yet.

    Only a regular file in the folder itself is read: a link, even to a course file,
    could make the page save somewhere outside the course folder.
    """
    with Folder.open(path.parent, "") as here:
        raw = here.read(path.name, MAX_BYTES)
    return "" if raw is None else decode(raw, path.name)


def starter_text() -> str:
    """The text of the commented starter course."""
    return (data_dir("templates") / STARTER).read_text(encoding="utf-8")


def create_if_missing(path: Path) -> bool:
    """Write the starter course at `path` unless a file is there; True when it was written."""
    with Folder.open(path.parent, "") as here:
        if here.exists(path.name):
            return False
        here.write_new(path.name, starter_text().encode("utf-8"))
    return True


class Conflict(Exception):
    """The file changed on disk since the page read it."""

    def __init__(self, disk_text: str, diff: str) -> None:
        super().__init__("the course file changed on disk")
        self.disk_text = disk_text
        self.diff = diff


def changes_between(old: str, new: str, name: str) -> str:
    """A unified diff from `old` to `new`, as `diff -u` shows it."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        f"{name} (when the page opened it)",
        f"{name} (on disk now)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def save(path: Path, text: str, loaded: str) -> str:
    """Save `text` over the file the page read as `loaded`; return the new digest.

    Raise `Conflict` when the file on disk is no longer what the page read (another
    editor saved it, or it was deleted), so nobody's changes are lost silently, and
    `InputError` when a link or anything but a regular file has the file's name.
    """
    with Folder.open(path.parent, "") as here:
        raw = here.read(path.name, MAX_BYTES)
        try:
            now = "" if raw is None else decode(raw, path.name)
        except InputError as exc:
            # Something no longer readable as a course file was written there: keep it.
            raise Conflict("", "\n".join(str(p) for p in exc.problems) + "\n") from None
        if now != loaded:
            raise Conflict(now, changes_between(loaded, now, path.name))
        here.write_atomic(path.name, text.encode("utf-8"))
    return digest(text)
