"""Check every name a build will write, before anything in the output folder moves."""

from __future__ import annotations

import os
import stat
import struct
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kit.errors import Problem
from kit.publish.names import MANIFEST
from kit.resources import shown
from kit.safe_files import Folder

NOT_OURS = (
    "kit did not write this file and will not replace it; move or rename it, "
    "or build into another folder with -o"
)
IN_THE_WAY = (
    "a folder is in the way of a file the kit writes; move or rename it, "
    "or build into another folder with -o"
)
EDITED = (
    "has been changed since kit wrote it, and building would replace those changes; "
    "to keep them, rename the file (kit leaves files of other names alone) or move it "
    "elsewhere; to let kit write it again, delete it; then build again"
)
EDITED_STALE = (
    "has been changed since kit wrote it, and this course no longer has it, so building "
    "would remove those changes; rename it or move it elsewhere to keep it, or delete it; "
    "then build again"
)
IMMUTABLE = (
    "is marked immutable, so kit cannot {what} it; clear the mark (chattr -i), then build again"
)


@dataclass(frozen=True)
class Plan:
    """What publishing into a folder would change, or why it cannot."""

    aside: list[str]
    """The earlier kit's files to move aside: those replaced, then those now stale."""
    stale: list[str]
    """The earlier kit's files this build does not write again, to be removed."""
    problems: list[Problem]
    """Everything in the way; publishing goes ahead only when there is none."""


def plan_moves(folder: Folder, names: Sequence[str], earlier: dict[str, str]) -> Plan:
    """Check each of `names` against `folder` and the files its last build wrote (`earlier`).

    A name may be free, or hold a regular file the last build wrote, unchanged since (it
    is replaced). Anything else is a problem: a folder, a file kit did not write, even
    one with a kit file's name, or one kit wrote that someone has changed since, whose
    changes a person made and kit will not lose. A stale file of the last build is
    removed unless it has become something else, which is then no longer kit's to
    remove, or has been changed, which is a problem as for a replaced one.
    """
    reason = (
        "permission denied"
        if not folder.writable()
        else "it is marked immutable"
        if _immutable(folder.fd)
        else None
    )
    if reason:
        what = f"kit cannot write in this folder ({reason}); build into another with -o"
        return Plan([], [], [_problem(folder.path, what)])
    problems: list[Problem] = []
    aside: list[str] = []
    for name in names:
        kind = folder.mode(name)
        if kind is None:
            continue
        if stat.S_ISDIR(kind):
            problems.append(_problem(folder / name, IN_THE_WAY))
        elif not stat.S_ISREG(kind) or name not in earlier:
            problems.append(_problem(folder / name, NOT_OURS))
        elif _immutable_file(folder, name):
            problems.append(_problem(folder / name, IMMUTABLE.format(what="replace")))
        elif folder.digest(name) != earlier[name]:
            problems.append(_problem(folder / name, EDITED))
        else:
            aside.append(name)
    wanted = set(names)
    stale = [
        name
        for name in sorted(earlier)
        if name not in wanted and stat.S_ISREG(folder.mode(name) or 0)
    ]
    problems.extend(
        _problem(folder / name, EDITED_STALE)
        for name in stale
        if folder.digest(name) != earlier[name]
    )
    for name in [*stale, MANIFEST]:
        if _immutable_file(folder, name):
            what = "replace" if name == MANIFEST else "remove"
            problems.append(_problem(folder / name, IMMUTABLE.format(what=what)))
    return Plan(aside + stale, stale, problems)


def _problem(path: Path, message: str) -> Problem:
    return Problem(shown(path), 0, 0, "", message)


# Linux's FS_IOC_GETFLAGS, _IOR('f', 1, long): the i-node flags `chattr` sets.
_GETFLAGS = (2 << 30) | (struct.calcsize("l") << 16) | (ord("f") << 8) | 1
_IMMUTABLE_FL = 0x10
_APPEND_FL = 0x20


def _immutable_file(folder: Folder, name: str) -> bool:
    """Whether the regular file `name` in `folder` is one no one may change or remove."""
    if not stat.S_ISREG(folder.mode(name) or 0):
        return False
    try:
        fd = os.open(
            name, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=folder.fd
        )
    except OSError:
        return False
    try:
        return _immutable(fd)
    finally:
        os.close(fd)


def _immutable(fd: int) -> bool:
    """Whether the open file or folder `fd` is one no one may change or remove, not even root.

    Permissions are checked on the folder; only these flags stop a move in a folder
    kit may write in. Where they cannot be read, a failed move is caught later instead.
    """
    if not sys.platform.startswith("linux"):
        return False
    import fcntl

    try:
        flags = bytearray(struct.calcsize("l"))
        fcntl.ioctl(fd, _GETFLAGS, flags, True)
    except OSError:
        return False
    return bool(int.from_bytes(flags[:4], sys.byteorder) & (_IMMUTABLE_FL | _APPEND_FL))
