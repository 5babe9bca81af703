"""Files and folders kit owns, reached so that no link, device or pipe is ever followed.

A course folder may come from a stranger, and the output folder inside it with it: any
name kit keeps there (its record, its lock, its scratch folders) may have been planted
as a link to the user's home, a pipe that never answers or a device that never ends.
`Folder` holds a real folder open and does every operation relative to it with calls
that cannot follow a link (`O_NOFOLLOW`, `dir_fd`, `lstat`), so there is no moment
between a check and an act in which a name could be swapped. What is not a regular file
or a real folder is refused, as a located problem, and never opened, moved or removed.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from contextlib import suppress
from pathlib import Path
from types import TracebackType

from kit.errors import InputError, Problem
from kit.resources import shown

_NOFOLLOW = os.O_NOFOLLOW | os.O_CLOEXEC
_OPEN_FOLDER = os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW
# A pipe or a device must not block or start anything as it is opened to be looked at.
_OPEN_FILE = os.O_RDONLY | os.O_NONBLOCK | _NOFOLLOW

MAX_NAME = 255
"""Longest name, in bytes, that a folder on any common file system holds."""

LINK = (
    "is a link to somewhere else, and kit never follows links to its own files and folders; "
    "delete the link, then try again"
)
NOT_A_FILE = "is a {kind}, not a file; delete it, then try again"
NOT_A_FOLDER = "is a {kind}, not a folder; delete it or name another folder, then try again"
TOO_LONG = "this name is too long for a file"
TOO_LARGE = "is {size:,} bytes, far more than kit ever writes here ({limit:,}); it is not kit's"


class Folder:
    """A real folder held open: every name under it is reached without following a link."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        """Where the folder is, for messages and for the writers that take a path."""
        self.fd = fd
        """The open folder; every operation is relative to it."""

    @classmethod
    def open(cls, path: Path) -> Folder:
        """Open the real folder at `path`; a link, a file or anything else there is refused."""
        try:
            return cls(path, os.open(path, _OPEN_FOLDER))
        except OSError as exc:
            raise _refusal(path, exc, _lmode(path)) from None

    def __enter__(self) -> Folder:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the folder."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __truediv__(self, name: str) -> Path:
        return self.path / name

    def mode(self, name: str) -> int | None:
        """The type and mode bits of `name` itself, never of a link's target; None if absent."""
        try:
            return os.stat(name, dir_fd=self.fd, follow_symlinks=False).st_mode
        except FileNotFoundError:
            return None

    def exists(self, name: str) -> bool:
        """Whether anything at all, a link included, has this name."""
        return self.mode(name) is not None

    def problem(self, name: str, *, folder: bool = False) -> Problem | None:
        """Why `name` cannot be a regular file (or real folder) of kit's; None if it can."""
        if len(os.fsencode(name)) > MAX_NAME:
            return _problem(self / name[:40], TOO_LONG)
        mode = self.mode(name)
        if mode is None or (stat.S_ISDIR(mode) if folder else stat.S_ISREG(mode)):
            return None
        if stat.S_ISLNK(mode):
            return _problem(self / name, LINK)
        message = NOT_A_FOLDER if folder else NOT_A_FILE
        return _problem(self / name, message.format(kind=kind_of(mode)))

    def read(self, name: str, limit: int) -> bytes | None:
        """The bytes of the regular file `name`, at most `limit` of them; None if absent."""
        try:
            fd = os.open(name, _OPEN_FILE, dir_fd=self.fd)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise _refusal(self / name, exc) from None
        with os.fdopen(fd, "rb") as stream:
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):
                raise InputError(_problem(self / name, NOT_A_FILE.format(kind=kind_of(mode))))
            data = stream.read(limit + 1)
        if len(data) > limit:
            size = max(len(data), os.stat(name, dir_fd=self.fd, follow_symlinks=False).st_size)
            raise InputError(_problem(self / name, TOO_LARGE.format(size=size, limit=limit)))
        return data

    def write_new(self, name: str, data: bytes) -> None:
        """Write a new regular file `name`, on disk before this returns; nothing may be there."""
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644, dir_fd=self.fd)
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        except BaseException:
            os.unlink(name, dir_fd=self.fd)
            raise

    def open_lock(self, name: str) -> int:
        """Open, creating it if missing, the regular file `name` to lock; its descriptor.

        A link or anything but a regular file there is refused; other failures raise.
        """
        flags = os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | _NOFOLLOW
        try:
            fd = os.open(name, flags, 0o644, dir_fd=self.fd)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise InputError(_problem(self / name, LINK)) from None
            raise
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            os.close(fd)
            raise InputError(_problem(self / name, NOT_A_FILE.format(kind=kind_of(mode))))
        return fd

    def inode(self, name: str) -> int | None:
        """The i-node number of `name` itself, or None if absent."""
        try:
            return os.stat(name, dir_fd=self.fd, follow_symlinks=False).st_ino
        except FileNotFoundError:
            return None

    def make(self, name: str) -> Folder:
        """Make the new folder `name` (nothing may be there yet) and open it."""
        os.mkdir(name, 0o755, dir_fd=self.fd)
        return self.sub(name)

    def sub(self, name: str) -> Folder:
        """Open the real folder `name` in this one; a link or anything else is refused."""
        try:
            return Folder(self / name, os.open(name, _OPEN_FOLDER, dir_fd=self.fd))
        except OSError as exc:
            raise _refusal(self / name, exc, self.mode(name)) from None

    def move(self, name: str, to: Folder, new: str | None = None) -> None:
        """Move `name` itself (a link is not followed) into `to`, replacing what is there."""
        os.replace(name, new or name, src_dir_fd=self.fd, dst_dir_fd=to.fd)

    def remove(self, name: str) -> None:
        """Remove `name`: a file, a link (not what it points to) or a whole real folder."""
        mode = self.mode(name)
        if mode is None:
            return
        if stat.S_ISDIR(mode):
            with self.sub(name) as inner:
                for entry in inner.names():
                    inner.remove(entry)
            os.rmdir(name, dir_fd=self.fd)
        else:
            os.unlink(name, dir_fd=self.fd)

    def names(self) -> list[str]:
        """The names in this folder, sorted."""
        return sorted(os.listdir(self.fd))

    def digest(self, name: str) -> str | None:
        """The SHA-256 of the regular file `name`, in hex; None when there is no such file."""
        try:
            fd = os.open(name, _OPEN_FILE, dir_fd=self.fd)
        except OSError:
            return None
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            found = hashlib.sha256()
            while chunk := stream.read(1 << 20):
                found.update(chunk)
            return found.hexdigest()

    def sync(self) -> None:
        """Make the names in this folder durable, where the system can."""
        with suppress(OSError):
            os.fsync(self.fd)

    def writable(self) -> bool:
        """Whether kit may add and remove names here."""
        return os.access(self.path, os.W_OK | os.X_OK)


def kind_of(mode: int) -> str:
    """What a file of this mode is, in a word a coordinator knows."""
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "file" if stat.S_ISREG(mode) else "special file"


def _refusal(path: Path, exc: OSError, mode: int | None = None) -> InputError:
    """The problem an open the system refused stands for, in the user's words.

    `mode` is what the name is, when it was to be opened as a folder.
    """
    if exc.errno == errno.ELOOP or (mode is not None and stat.S_ISLNK(mode)):
        return InputError(_problem(path, LINK))
    if exc.errno == errno.ENAMETOOLONG:
        return InputError(_problem(path.with_name(path.name[:40]), TOO_LONG))
    if exc.errno == errno.ENOTDIR and mode is not None:
        return InputError(_problem(path, NOT_A_FOLDER.format(kind=kind_of(mode))))
    reason = (exc.strerror or str(exc)).lower()
    return InputError(_problem(path, f"cannot be opened ({reason})"))


def _lmode(path: Path) -> int | None:
    try:
        return os.lstat(path).st_mode
    except OSError:
        return None


def _problem(path: Path, message: str) -> Problem:
    return Problem(shown(path), 0, 0, "", message)
