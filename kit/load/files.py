"""Files a course names or holds: read with a size bound, and kept inside their folder.

A course folder may come from someone else, so what it points at is checked before
it is read: a path in a course or a file in its templates or lessons folder may not
be a link to somewhere outside (`handout.j2 -> /etc/passwd`), a file is read only if
it is a regular file and only up to a size bound (`course.yaml -> /dev/zero`), and a
folder is looked through only up to a number of entries (`templates: /`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kit.messages import too_big
from kit.safe_files import TOO_LONG, too_long

MAX_ENTRIES = 200
"""Most files and folders kit looks through in a templates or lessons folder."""

LINK_OUT = "is a link to somewhere outside the course folder; copy what it links to into the folder"
"""The message for a file that links out."""


class FileProblem(Exception):
    """A file cannot be read; the message says why, in a user's words."""

    def __init__(self, message: str, *, located: bool = False) -> None:
        super().__init__(message)
        self.located = located
        """True when the problem is the file's content (its size), not whether it opens."""


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, or `FileProblem` when it is not one or holds over `limit`."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileProblem("no such file") from None
    except IsADirectoryError:
        raise FileProblem("is a folder, not a file") from None
    except OSError as exc:
        raise FileProblem(f"cannot read: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileProblem("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            # A device, pipe or socket may never end (/dev/zero) or never start (a FIFO).
            raise FileProblem("is not a regular file; kit reads only ordinary files")
        if info.st_size > limit:
            raise _too_big(info.st_size, limit)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:  # it grew while being read
            raise _too_big(len(data), limit)
        return data
    except OSError as exc:
        raise FileProblem(f"cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)


def _too_big(size: int, limit: int) -> FileProblem:
    return FileProblem(too_big(size, limit), located=True)


def within(path: Path, folders: Iterable[Path]) -> bool:
    """True when `path` (already resolved) is one of `folders` or inside one."""
    return any(path == folder or folder in path.parents for folder in folders)


def escapes(path: Path, roots: Iterable[Path]) -> bool:
    """True when `path` resolves, through links, to a place outside every root folder."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return True
    return not within(real, [root.resolve() for root in roots])


@dataclass(frozen=True)
class Named:
    """A path written in a course file, made absolute, or why it cannot be used."""

    path: Path | None
    """Where it points, before links are followed; None with a problem."""
    problem: str | None
    """Why it cannot be used, or None."""


def named_path(base: Path | None, value: str) -> Named:
    """The path a course file writes as `value`, relative to the course's folder `base`.

    A relative path that stays in the course folder must not lead out of it through a
    link; one written to point elsewhere (`../shared/`, `/srv/church/`, `~/lessons`)
    must not lead out of the folder it names through a link in its last part.
    """
    try:
        path = Path(value).expanduser()
    except RuntimeError:  # `~name` for a user this computer does not know
        user = value.split("/", 1)[0]
        return Named(None, f"'{value}' starts with {user}, but no such user's home is known")
    if base is not None and not path.is_absolute():
        path = base / path
    lexical = Path(os.path.normpath(path))
    if too_long(str(lexical)):
        return Named(None, TOO_LONG)
    holder = base if base is not None and within(lexical, [base]) else lexical.parent
    try:
        if (lexical.exists() or lexical.is_symlink()) and escapes(lexical, [holder]):
            return Named(None, f"'{value}' {LINK_OUT}")
    except OSError as exc:  # a folder on the way that this user may not look into
        return Named(None, f"'{value}' cannot be looked at: {exc.strerror}")
    return Named(lexical, None)


@dataclass(frozen=True)
class Entry:
    """A file found in a folder."""

    path: Path
    """The file, as found (links not followed)."""
    name: str
    """Its path inside the folder, with `/` between parts."""


@dataclass
class Listing:
    """What a folder holds: its files, and the problems met looking through it."""

    files: list[Entry]
    """Everything but folders and links out, by name: reading a pipe or device says it is one."""
    links_out: list[Entry]
    """Files and folders that are links to places outside the allowed folders."""
    unreadable: list[tuple[Entry, str]]
    """Folders that could not be read, with why."""
    too_many: bool = False
    """True when the folder holds more than `MAX_ENTRIES` entries; the rest are not listed."""


def list_folder(folder: Path, roots: Iterable[Path], *, recursive: bool) -> Listing:
    """The files in `folder`, skipping hidden ones and refusing links out of `roots`."""
    allowed = [root.resolve() for root in roots]
    listing = Listing([], [], [])
    seen: set[Path] = set()
    count = 0
    pending = [(folder, "")]
    while pending:
        current, prefix = pending.pop(0)
        try:
            real = current.resolve()
            if real in seen:
                continue  # a link back to a folder already looked through
            seen.add(real)
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            listing.unreadable.append((Entry(current, prefix), exc.strerror or str(exc)))
            continue
        for item in entries:
            if item.name.startswith("."):
                continue
            count += 1
            if count > MAX_ENTRIES:
                listing.too_many = True
                return listing
            entry = Entry(Path(item.path), prefix + item.name)
            try:
                linked = item.is_symlink()
                if linked and escapes(entry.path, allowed):
                    listing.links_out.append(entry)
                elif item.is_dir():
                    if recursive:
                        pending.append((entry.path, entry.name + "/"))
                else:  # a pipe or device is listed too, so that it is reported, never skipped
                    listing.files.append(entry)
            except OSError as exc:
                listing.unreadable.append((entry, exc.strerror or str(exc)))
    listing.files.sort(key=lambda e: e.name)
    return listing
