"""Write in the course folder without ever following a link.

A course folder may come from someone else, and a link planted under a name the page
writes (`brand/.upload-slides.pptx -> ~/.bashrc`) would carry the write outside it.
So every file and folder the page makes, replaces or removes is reached from an open
descriptor of the folder holding it, with operations that act on the name itself and
never on what it links to: `O_NOFOLLOW | O_CREAT | O_EXCL` to create, `rename` and
`unlink` relative to the folder, `lstat` to look. A link, device, pipe, socket or a
name longer than the system allows is refused with `Refused`, never followed.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from kit.errors import KitError
from kit.load.files import TOO_LONG, too_long

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_NEW_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_READ_FLAGS = (
    os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
)


class Refused(KitError):
    """Something in the course folder is in the way of what the page writes."""

    exit_code = 2

    def __init__(self, shown: str, reason: str) -> None:
        super().__init__(f"{short(shown)}: {reason}")
        self.reason = reason
        """What is wrong, without the name."""


def short(name: str) -> str:
    """A name as a message shows it: an over-long one cut, so the message stays readable."""
    return name if len(name) <= 60 else f"{name[:40]}...{name[-12:]}"


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a file or folder name, or None."""
    if name in ("", ".", "..") or "/" in name or "\0" in name:
        return "is not the name of a file in this folder"  # never one of kit's own names
    return TOO_LONG if too_long(name) else None


def kind(folder: int, name: str, shown: str) -> str | None:
    """What `name` is in the open `folder`, links not followed; None when nothing is there."""
    if problem := name_problem(name):
        raise Refused(shown, problem)
    try:
        mode = os.lstat(name, dir_fd=folder).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise Refused(shown, f"cannot be looked at: {exc.strerror}") from None
    if stat.S_ISLNK(mode):
        return "a link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def _in_the_way(shown: str, what: str, want: str) -> Refused:
    if what == "a link":
        why = "kit never writes through a link in the course folder"
    else:
        why = f"kit needs {want} there"
    return Refused(shown, f"is {what}, and {why}; move it out of the course folder and try again")


@contextmanager
def opened(path: Path) -> Iterator[int]:
    """A descriptor of the real folder at `path`; `Refused` when it is a link or not a folder."""
    try:
        fd = os.open(path, _DIR_FLAGS)
    except FileNotFoundError:
        raise Refused(str(path), "no such folder") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _in_the_way(str(path), "a link", "a folder") from None
        if exc.errno == errno.ENOTDIR:
            raise _in_the_way(str(path), "not a folder", "a folder") from None
        raise Refused(str(path), f"cannot be opened: {exc.strerror}") from None
    try:
        yield fd
    finally:
        os.close(fd)


@contextmanager
def subfolder(parent: int, name: str, shown: str) -> Iterator[int]:
    """A descriptor of the real folder `name` in `parent`, made when it is missing."""
    if kind(parent, name, shown) is None:
        try:
            os.mkdir(name, 0o777, dir_fd=parent)
        except FileExistsError:
            pass  # made meanwhile: looked at below like any other
        except OSError as exc:
            raise Refused(shown, f"the folder cannot be made: {exc.strerror}") from None
    what = kind(parent, name, shown)
    if what != "a folder":
        raise _in_the_way(shown, what or "gone", "a folder")
    try:
        fd = os.open(name, _DIR_FLAGS, dir_fd=parent)
    except OSError as exc:  # replaced by a link or a file since it was looked at
        raise Refused(shown, f"the folder cannot be opened: {exc.strerror}") from None
    try:
        yield fd
    finally:
        os.close(fd)


def expect_file(folder: int, name: str, shown: str) -> os.stat_result | None:
    """The status of the regular file `name`, None when missing; `Refused` for anything else."""
    what = kind(folder, name, shown)
    if what is None:
        return None
    if what != "a file":
        raise _in_the_way(shown, what, "a file")
    try:
        return os.lstat(name, dir_fd=folder)
    except FileNotFoundError:
        return None


def read(folder: int, name: str, shown: str, limit: int) -> bytes | None:
    """The bytes of the regular file `name`, None when missing; `Refused` for anything else."""
    if expect_file(folder, name, shown) is None:
        return None
    try:
        fd = os.open(name, _READ_FLAGS, dir_fd=folder)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise Refused(shown, f"cannot be read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped since it was looked at
            raise _in_the_way(shown, "not an ordinary file", "a file")
        return file.read(limit + 1)


def write_new(folder: int, name: str, data: bytes, shown: str, mode: int | None = None) -> None:
    """Create the file `name` holding `data`; `Refused` when anything already has that name.

    `mode` gives the new file an earlier file's permissions; without it the user's
    umask decides, as for any new file.
    """
    if problem := name_problem(name):
        raise Refused(shown, problem)
    try:
        fd = os.open(name, _NEW_FLAGS, 0o666, dir_fd=folder)
    except FileExistsError:
        what = kind(folder, name, shown) or "in the way"
        raise _in_the_way(shown, what, "its own new file") from None
    except OSError as exc:
        raise Refused(shown, f"cannot be written: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            if mode is not None:
                os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
    except OSError as exc:
        remove(folder, name)
        raise Refused(shown, f"cannot be written: {exc.strerror}") from None


def remove(folder: int, name: str) -> None:
    """Remove the name `name` itself (a file, or a link but never what it links to)."""
    # Already gone, or not removable: nothing of the user's is lost either way.
    with suppress(OSError):
        os.unlink(name, dir_fd=folder)


def replace(folder: int, source: str, target: str, shown: str) -> None:
    """Put the file `source` in place of `target`, which must be missing or a regular file."""
    try:
        expect_file(folder, target, shown)
    except Refused:
        remove(folder, source)
        raise
    try:
        os.replace(source, target, src_dir_fd=folder, dst_dir_fd=folder)
    except OSError as exc:  # a folder put there since it was looked at
        remove(folder, source)
        raise Refused(shown, f"cannot be replaced: {exc.strerror}") from None
    # Some file systems cannot flush a folder; the rename itself is done.
    with suppress(OSError):
        os.fsync(folder)


def write_atomic(folder: int, name: str, data: bytes, shown: str) -> None:
    """Write `name` so that readers see the old bytes or the new ones, never a part of them.

    The new file keeps the permissions of the one it replaces.
    """
    old = expect_file(folder, name, shown)
    mode = stat.S_IMODE(old.st_mode) if old is not None else None
    stem = name if not too_long(f".{name}.12345678.tmp") else "kit"
    temp = f".{stem}.{secrets.token_hex(4)}.tmp"
    write_new(folder, temp, data, f"{shown} (its temporary copy)", mode)
    replace(folder, temp, name, shown)
