"""Read and save the course file: atomically, and never over changes made elsewhere."""

from __future__ import annotations

import difflib
import hashlib
import os
import tempfile
from pathlib import Path

from kit.errors import BuildError, InputError
from kit.load.yamlfile import read_text
from kit.resources import data_dir

STARTER = "starter-course.yaml"
"""The commented starter course `kit new` writes."""


def digest(text: str) -> str:
    """A short fingerprint of a file's text, to tell whether it changed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read(path: Path) -> str:
    """The course file's text; an empty text when it does not exist yet."""
    if not path.exists():
        return ""
    return read_text(path, path.name)


def starter_text() -> str:
    """The text of the commented starter course."""
    return (data_dir("templates") / STARTER).read_text(encoding="utf-8")


def create_if_missing(path: Path) -> bool:
    """Write the starter course at `path` unless a file is there; True when it was written."""
    if path.exists():
        return False
    write_atomic(path, starter_text())
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
    editor saved it, or it was deleted), so nobody's changes are lost silently.
    """
    try:
        now = read(path)
    except InputError as exc:
        # Something no longer readable as a course file was written there: keep it.
        raise Conflict("", "\n".join(str(p) for p in exc.problems) + "\n") from None
    if now != loaded:
        raise Conflict(now, changes_between(loaded, now, path.name))
    write_atomic(path, text)
    return digest(text)


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that readers see the old text or the new one, never a part of it."""
    folder = path.parent
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise BuildError(f"cannot write in {folder}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise BuildError(f"cannot save {path.name}: {exc.strerror}") from None
