"""The output folder while a build or a check uses it: created if missing, locked, tidied."""

from __future__ import annotations

import logging
import os
import re
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from kit.errors import BuildError, InputError, KitError, Problem
from kit.publish import journal
from kit.publish.manifest import read_manifest
from kit.publish.names import JOURNAL, KEPT, KIT_OUTPUT, LOCK, SCRATCH
from kit.resources import shown
from kit.safe_files import Folder, kind_of, link_on_the_way

log = logging.getLogger(__name__)

LOCK_WAIT = 5.0
"""Seconds a build waits for another build into the same folder to finish."""
LOCK_POLL = 0.1
"""How often a waiting build tries the lock again."""


OUT_LINK = (
    "is a link to another folder, and kit builds only into a real folder; "
    "name the folder itself with -o"
)
NOT_A_FOLDER = "is {kind}, not a folder; name a folder with -o"


class FolderBusy(BuildError):
    """Another build holds the output folder's lock."""


@contextmanager
def opened(out_dir: Path, *, wait: float | None = None) -> Iterator[Folder]:
    """The output folder, made if missing, held open and locked for this build alone.

    Another build holding the lock is waited for `wait` seconds (default `LOCK_WAIT`).
    The folder named is used only as the real folder it is: a link there is refused,
    and once opened, every name in it is reached through the open folder.

    The lock is `flock` on a file in the folder, so it ends with the process however
    that ends. When the block ends, the lock file goes, and so does any folder made
    here that is still empty: a failed first build leaves no trace.
    """
    path = _absolute(out_dir)
    mode = _lmode(path)
    if mode is not None and not stat.S_ISDIR(mode):
        raise InputError(_problem(path, NOT_A_FOLDER.format(kind=kind_of(mode))))
    made = _make(path)
    try:
        with Folder.open(path) as folder:
            fd = _lock(folder, LOCK_WAIT if wait is None else wait)
            try:
                yield folder
            finally:
                _unlock(folder, fd)
    finally:
        _unmake(made)


def tidy(folder: Folder) -> list[str]:
    """Set right what an interrupted build left in `folder`, which the caller has locked.

    Returns what was done, for the user to be told. Besides a publish to finish or
    undo (see `journal.recover`), an older kit's staging folders beside the output
    folder (`.NAME.*.tmp`) are removed, when they hold nothing but kit's files.
    """
    said = journal.recover(folder)
    removed = _old_staging(folder.path)
    if removed:
        log.info("removed %d old staging folder(s) beside %s", removed, shown(folder.path))
    return [said] if said else []


def tidy_if_needed(out_dir: Path) -> list[str]:
    """Tidy `out_dir` when an interrupted build left anything there, unless a build runs now.

    A folder with nothing to tidy is not touched at all, not even locked. A name of
    kit's there that is not what kit would have left (a link, a pipe) is a problem.
    """
    path = _absolute(out_dir)
    mode = _lmode(path)
    if mode is None:
        return []
    if not stat.S_ISDIR(mode):
        raise InputError(_problem(path, NOT_A_FOLDER.format(kind=kind_of(mode))))
    # What a build would refuse in the folder, a check reports too.
    with Folder.open(path) as folder:
        problems = [p for name, want in KEPT if (p := folder.problem(name, want))]
        if problems:
            raise InputError(problems)
        read_manifest(folder)
    # A lock file no one holds is left by a build killed outright, maybe before it
    # had staged anything; taking the lock and letting go removes it.
    if not any(os.path.lexists(path / name) for name in (JOURNAL, LOCK, *SCRATCH)) and not (
        _old_staging(path, dry_run=True)
    ):
        return []
    try:
        with opened(path, wait=0) as locked:
            return tidy(locked)
    except FolderBusy:
        log.info("%s is in use by a build; left as it is", shown(path))
        return []
    except InputError:
        raise
    except (KitError, OSError) as exc:
        log.warning("cannot finish or undo the interrupted build found in %s: %s", shown(path), exc)
        return []


def _absolute(out_dir: Path) -> Path:
    """`out_dir` as an absolute path whose last name is the folder itself, not a link's target.

    Every folder named on the way there from the working folder (`out/kit` names `out`)
    must be a real one too: a course folder from someone else could hold `out` as a
    link to anywhere. Above the working folder, the path is the user's own.
    """
    link = link_on_the_way(Path(out_dir))
    if link is not None:
        raise InputError(_problem(link, OUT_LINK))
    path = Path(os.path.abspath(out_dir))
    return path.parent.resolve() / path.name if path.name else path


def _lmode(path: Path) -> int | None:
    try:
        return os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None


def _make(folder: Path) -> list[Path]:
    """Make `folder` and its missing parents; return those made, outermost first."""
    missing = []
    for path in (folder, *folder.parents):
        if os.path.lexists(path):
            break
        missing.append(path)
    missing.reverse()
    made: list[Path] = []
    try:
        for path in missing:
            path.mkdir()
            made.append(path)
    except OSError as exc:
        _unmake(made)
        reason = (exc.strerror or str(exc)).lower()
        raise InputError(
            _problem(folder, f"cannot create this folder ({reason}); name another with -o")
        ) from None
    return made


def _unmake(made: list[Path]) -> None:
    """Remove the folders made for this build that are still empty, innermost first."""
    for path in reversed(made):
        try:
            path.rmdir()
        except OSError:
            return


def _lock(folder: Folder, wait: float) -> int:
    """Take the folder's lock, waiting up to `wait` seconds; return the lock file's descriptor."""
    import fcntl

    deadline = time.monotonic() + wait
    while True:
        try:
            fd = folder.open_lock(LOCK)
        except OSError as exc:
            reason = (exc.strerror or str(exc)).lower()
            what = f"kit cannot write in this folder ({reason}); build into another with -o"
            raise InputError(_problem(folder.path, what)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise FolderBusy(
                    f"another kit build is writing to {shown(folder.path)}/; nothing was changed. "
                    "Build again once it has finished"
                ) from None
            time.sleep(LOCK_POLL)
            continue
        # The build that held the lock may have removed its file meanwhile: the lock
        # counts only on the file that is still there.
        if folder.inode(LOCK) == os.fstat(fd).st_ino:
            return fd
        os.close(fd)


def _unlock(folder: Folder, fd: int) -> None:
    """Remove the lock file while still holding it, then let go."""
    with suppress(OSError):
        os.unlink(LOCK, dir_fd=folder.fd)
    os.close(fd)


def _old_staging(folder: Path, *, dry_run: bool = False) -> int:
    """Remove (or with `dry_run` only count) an older kit's leftover staging folders.

    Older kits staged a build in `.NAME.XXXXXXXX.tmp` beside the output folder NAME
    and left it there when killed. One is removed only when it holds nothing but
    regular files named as kit names its outputs, so a folder of someone else's is
    never touched; it is reached through the open folder beside it, never a link.
    """
    pattern = re.compile(re.escape(f".{folder.name}.") + r"[a-z0-9_]{8}\.tmp")
    count = 0
    try:
        beside = Folder.open(folder.parent)
    except (InputError, OSError):
        return 0
    with beside:
        for name in beside.names():
            if not pattern.fullmatch(name) or not stat.S_ISDIR(beside.mode(name) or 0):
                continue
            try:
                with beside.sub(name) as old:
                    if not all(
                        KIT_OUTPUT.fullmatch(e) and stat.S_ISREG(old.mode(e) or 0)
                        for e in old.names()
                    ):
                        continue
                if not dry_run:
                    beside.remove(name)
                count += 1
            except (InputError, OSError):
                continue
    return count


def _problem(path: Path, message: str) -> Problem:
    return Problem(shown(path), 0, 0, "", message)
