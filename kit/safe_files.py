"""Files and folders kit reads as its own, writes, moves or removes: never through a link.

A course folder may come from a stranger, and the output folder inside it with it: any
name kit uses there (its record, its lock, its scratch folders, the page's uploads and
saves) may have been planted as a link to the user's home, a pipe that never answers or
a device that never ends. `Folder` holds a real folder open and does every operation
relative to it with calls that act on the name itself (`O_NOFOLLOW`, `dir_fd`,
`lstat`), so no name can be swapped between a look and an act. What is not a regular
file or a real folder, and a name too long for the system, is refused as a located
problem (`InputError`) before it is used, never followed.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import stat
from contextlib import suppress
from pathlib import Path
from types import TracebackType

from kit.errors import InputError, Problem
from kit.resources import shown

_NOFOLLOW = os.O_NOFOLLOW | os.O_CLOEXEC
_OPEN_FOLDER = os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW
# A pipe or a device must not block or start anything as it is opened to be looked at.
_OPEN_FILE = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | _NOFOLLOW
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW

NAME_MAX = 255
"""Longest file or folder name, in bytes, that Linux, macOS and Windows all accept."""
PATH_MAX = 4000
"""Longest path kit looks up; the system refuses longer ones (4,096 bytes on Linux)."""

TOO_LONG = (
    f"this name is too long; a file or folder name may have at most {NAME_MAX} letters "
    "(fewer with accented letters), so use a shorter name"
)
NOT_A_NAME = "is not the name of a file in this folder"
LINK = (
    "is a link, and kit never follows a link here; delete the link or move it away, then try again"
)
IN_THE_WAY = "is {what}, where kit needs {want}; move it away, then try again"


def too_long(path: str) -> bool:
    """True when the system would refuse `path` for the length of a name in it, or its own."""
    size = len(path.encode("utf-8", "surrogatepass"))
    return size > PATH_MAX or any(
        len(part.encode("utf-8", "surrogatepass")) > NAME_MAX for part in path.split("/")
    )


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a file or folder name in a folder, or None."""
    if name in ("", ".", "..") or "/" in name or "\0" in name:
        return NOT_A_NAME
    return TOO_LONG if too_long(name) else None


def link_on_the_way(path: Path) -> Path | None:
    """The first name on the way to `path` from the working folder that is a link, if any.

    A course folder from someone else may hold any folder as a link to anywhere; above
    the working folder, the path is the user's own. `path` itself counts too.
    """
    named = Path(path)
    if named.is_absolute():
        try:
            named = Path(os.path.normpath(named)).relative_to(Path.cwd())
        except ValueError:
            named = Path(path)
    steps = [named] if named.is_absolute() else [*reversed(named.parents[:-1]), named]
    for step in steps:
        try:
            if stat.S_ISLNK(os.lstat(step).st_mode):
                return step
        except OSError:
            return None  # missing from here on: nothing further can be a link
    return None


def kind_of(mode: int) -> str:
    """What a file of this mode is, in words a coordinator knows."""
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


class Folder:
    """A real folder held open: every name in it is reached without following a link."""

    def __init__(self, path: Path, fd: int, label: str) -> None:
        self.path = path
        """Where the folder is, for the writers that take a path."""
        self.fd = fd
        """The open folder; every operation is relative to it."""
        self.label = label
        """How messages name the folder; empty for the folder a user works in."""

    @classmethod
    def open(cls, path: Path, label: str | None = None) -> Folder:
        """Open the real folder at `path`; a link, a file or anything else there is refused."""
        label = shown(path) if label is None else label
        try:
            return cls(path, os.open(path, _OPEN_FOLDER), label)
        except OSError as exc:
            try:
                mode: int | None = os.lstat(path).st_mode
            except OSError:
                mode = None
            raise _refusal(label or str(path), exc, mode, "a folder") from None

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

    def shown(self, name: str) -> str:
        """How messages name `name` in this folder."""
        return f"{self.label}/{name}" if self.label else name

    def refused(self, name: str, message: str) -> InputError:
        """The located problem of `name` in this folder."""
        return InputError(Problem(_short(self.shown(name)), 0, 0, "", message))

    def mode(self, name: str) -> int | None:
        """The mode of `name` itself, never of what a link points to; None if absent."""
        if problem := name_problem(name):
            raise self.refused(name, problem)
        try:
            return os.stat(name, dir_fd=self.fd, follow_symlinks=False).st_mode
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self.refused(name, f"cannot be looked at ({_reason(exc)})") from None

    def exists(self, name: str) -> bool:
        """Whether anything at all, a link included, has this name."""
        return self.mode(name) is not None

    def problem(self, name: str, want: str = "a file") -> Problem | None:
        """Why `name` cannot be `want` ("a file" or "a folder"); None if it can or is absent."""
        try:
            mode = self.mode(name)
        except InputError as exc:
            return exc.problems[0]
        if mode is None or kind_of(mode) == want:
            return None
        if stat.S_ISLNK(mode):
            return self.refused(name, LINK).problems[0]
        return self.refused(name, IN_THE_WAY.format(what=kind_of(mode), want=want)).problems[0]

    def expect(self, name: str, want: str = "a file") -> bool:
        """Whether `name` is there as `want`; a link or anything else there is refused."""
        problem = self.problem(name, want)
        if problem is not None:
            raise InputError(problem)
        return self.exists(name)

    def read(self, name: str, limit: int) -> bytes | None:
        """The first `limit + 1` bytes of the regular file `name` at most; None if absent."""
        if not self.expect(name):
            return None
        try:
            fd = os.open(name, _OPEN_FILE, dir_fd=self.fd)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise _refusal(self.shown(name), exc, self.mode(name), "a file") from None
        with os.fdopen(fd, "rb") as stream:
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):  # swapped since it was looked at
                raise self.refused(name, IN_THE_WAY.format(what=kind_of(mode), want="a file"))
            return stream.read(limit + 1)

    def write_new(self, name: str, data: bytes, mode: int | None = None) -> None:
        """Write the new regular file `name`, on disk before this returns; nothing may be there.

        `mode` gives it an earlier file's permissions; without it the umask decides.
        """
        if problem := name_problem(name):
            raise self.refused(name, problem)
        try:
            fd = os.open(name, _NEW_FILE, 0o666, dir_fd=self.fd)
        except FileExistsError:
            what = kind_of(self.mode(name) or stat.S_IFREG)
            want = "room for a new file"
            raise self.refused(name, IN_THE_WAY.format(what=what, want=want)) from None
        except OSError as exc:
            raise _refusal(self.shown(name), exc, None, "a file") from None
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
                stream.flush()
                if mode is not None:
                    os.fchmod(stream.fileno(), mode)
                os.fsync(stream.fileno())
        except BaseException:
            with suppress(OSError):
                os.unlink(name, dir_fd=self.fd)
            raise

    def write_atomic(self, name: str, data: bytes) -> None:
        """Write `name` so that readers see its old bytes or the new ones, never a part.

        The new file keeps the permissions of the regular file it replaces.
        """
        mode = self.mode(name) if self.expect(name) else None
        stem = name if not too_long(f".{name}.12345678.tmp") else "kit"
        draft = f".{stem}.{secrets.token_hex(4)}.tmp"
        self.write_new(draft, data, None if mode is None else stat.S_IMODE(mode))
        try:
            self.expect(name)
            self.move(draft, self, name)
        except BaseException:
            with suppress(OSError):
                os.unlink(draft, dir_fd=self.fd)
            raise
        self.sync()

    def open_lock(self, name: str) -> int:
        """Open, creating it if missing, the regular file `name` to lock; its descriptor.

        A link or anything but a regular file there is refused; other failures raise.
        """
        flags = os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | _NOFOLLOW
        try:
            fd = os.open(name, flags, 0o644, dir_fd=self.fd)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise self.refused(name, LINK) from None
            mode = self.mode(name)
            if mode is not None and not stat.S_ISREG(mode):  # a folder, a socket, a device
                message = IN_THE_WAY.format(what=kind_of(mode), want="a file")
                raise self.refused(name, message) from None
            raise
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            os.close(fd)
            raise self.refused(name, IN_THE_WAY.format(what=kind_of(mode), want="a file"))
        return fd

    def inode(self, name: str) -> int | None:
        """The i-node number of `name` itself, or None if absent."""
        try:
            return os.stat(name, dir_fd=self.fd, follow_symlinks=False).st_ino
        except FileNotFoundError:
            return None

    def make(self, name: str) -> Folder:
        """Make the new folder `name` (nothing may be there yet) and open it."""
        os.mkdir(name, 0o777, dir_fd=self.fd)
        return self.sub(name)

    def sub(self, name: str, *, create: bool = False) -> Folder:
        """Open the real folder `name` in this one, made first with `create` when missing."""
        if create and not self.expect(name, "a folder"):
            with suppress(FileExistsError):  # made meanwhile: opened below like any other
                os.mkdir(name, 0o777, dir_fd=self.fd)
        try:
            fd = os.open(name, _OPEN_FOLDER, dir_fd=self.fd)
        except OSError as exc:
            raise _refusal(self.shown(name), exc, self.mode(name), "a folder") from None
        return Folder(self / name, fd, self.shown(name))

    def move(self, name: str, to: Folder, new: str | None = None) -> None:
        """Move `name` itself (a link is not followed) into `to`, replacing what is there."""
        os.replace(name, new or name, src_dir_fd=self.fd, dst_dir_fd=to.fd)

    def remove(self, name: str) -> None:
        """Remove `name`: a file, a link (not what it points to) or a whole real folder."""
        mode = self.mode(name)
        if mode is None:
            return
        if not stat.S_ISDIR(mode):
            os.unlink(name, dir_fd=self.fd)
            return
        # A planted tree may be thousands of folders deep: each folder found inside is
        # moved up beside this one and emptied in its turn, so neither the stack nor the
        # open folders grow with the depth.
        queue, moved = [name], 0
        while queue:
            current = queue.pop()
            with self.sub(current) as here:
                for entry in here.names():
                    if stat.S_ISDIR(here.mode(entry) or 0):
                        moved += 1
                        while self.exists(beside := f"{name}.{moved}"):
                            moved += 1  # a name someone else put there is left alone
                        os.rename(entry, beside, src_dir_fd=here.fd, dst_dir_fd=self.fd)
                        queue.append(beside)
                    else:
                        os.unlink(entry, dir_fd=here.fd)
            os.rmdir(current, dir_fd=self.fd)

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
        """Make the names in this folder durable, where the file system can."""
        with suppress(OSError):
            os.fsync(self.fd)

    def writable(self) -> bool:
        """Whether kit may add and remove names here."""
        return os.access(self.path, os.W_OK | os.X_OK)


def _refusal(label: str, exc: OSError, mode: int | None, want: str) -> InputError:
    """The problem an open the system refused stands for, in the user's words.

    `mode` is what the name is, where known: a folder opened with `O_NOFOLLOW` that is
    a link fails as "not a folder", and only the mode tells a link from a file.
    """
    if exc.errno == errno.ELOOP or (mode is not None and stat.S_ISLNK(mode)):
        message = LINK
    elif exc.errno == errno.ENAMETOOLONG:
        message = TOO_LONG
    elif exc.errno == errno.ENOTDIR and mode is not None:
        message = IN_THE_WAY.format(what=kind_of(mode), want=want)
    elif exc.errno == errno.ENOENT and want == "a folder":
        message = "no such folder"
    else:
        message = f"cannot be opened ({_reason(exc)})"
    return InputError(Problem(_short(label), 0, 0, "", message))


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _short(name: str) -> str:
    """A name as a message shows it: an over-long one cut, so the message stays readable."""
    return name if len(name) <= 60 else f"{name[:40]}...{name[-12:]}"
