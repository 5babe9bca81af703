"""The output folder while a build or a check uses it: created if missing, locked, tidied."""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from kit.errors import BuildError, InputError, KitError, Problem
from kit.publish import journal
from kit.publish.layout import JOURNAL, KIT_OUTPUT, LOCK, SCRATCH
from kit.resources import shown

log = logging.getLogger(__name__)

LOCK_WAIT = 5.0
"""Seconds a build waits for another build into the same folder to finish."""
LOCK_POLL = 0.1
"""How often a waiting build tries the lock again."""


class FolderBusy(BuildError):
    """Another build holds the output folder's lock."""


@contextmanager
def opened(out_dir: Path, *, wait: float | None = None) -> Iterator[Path]:
    """The output folder, made if missing and locked for this build alone; yields its path.

    Another build holding the lock is waited for `wait` seconds (default `LOCK_WAIT`).

    The lock is `flock` on a file in the folder, so it ends with the process however
    that ends. When the block ends, the lock file goes, and so does any folder made
    here that is still empty: a failed first build leaves no trace.
    """
    folder = out_dir.resolve()
    if folder.exists() and not folder.is_dir():
        raise InputError(_problem(folder, "is a file, not a folder; name a folder with -o"))
    made = _make(folder)
    try:
        fd = _lock(folder, LOCK_WAIT if wait is None else wait)
    except BaseException:
        _unmake(made)
        raise
    try:
        yield folder
    finally:
        _unlock(folder, fd)
        _unmake(made)


def tidy(folder: Path) -> list[str]:
    """Set right what an interrupted build left in `folder`, which the caller has locked.

    Returns what was done, for the user to be told. Besides a publish to finish or
    undo (see `journal.recover`), an older kit's staging folders beside the output
    folder (`.NAME.*.tmp`) are removed, when they hold nothing but kit's files.
    """
    said = journal.recover(folder)
    removed = _old_staging(folder)
    if removed:
        log.info("removed %d old staging folder(s) beside %s", removed, shown(folder))
    return [said] if said else []


def tidy_if_needed(out_dir: Path) -> list[str]:
    """Tidy `out_dir` when an interrupted build left anything there, unless a build runs now.

    A folder with nothing to tidy is not touched at all, not even locked.
    """
    folder = out_dir.resolve()
    if not folder.is_dir():
        return []
    # A lock file no one holds is left by a build killed outright, maybe before it
    # had staged anything; taking the lock and letting go removes it.
    if not any(os.path.lexists(folder / name) for name in (JOURNAL, LOCK, *SCRATCH)) and not (
        _old_staging(folder, dry_run=True)
    ):
        return []
    try:
        with opened(folder, wait=0) as locked:
            return tidy(locked)
    except FolderBusy:
        log.info("%s is in use by a build; left as it is", shown(folder))
        return []
    except (KitError, OSError) as exc:
        log.warning(
            "cannot finish or undo the interrupted build found in %s: %s", shown(folder), exc
        )
        return []


def _make(folder: Path) -> list[Path]:
    """Make `folder` and its missing parents; return those made, outermost first."""
    missing = []
    for path in (folder, *folder.parents):
        if path.exists():
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


def _lock(folder: Path, wait: float) -> int:
    """Take the folder's lock, waiting up to `wait` seconds; return the lock file's descriptor."""
    import fcntl

    path = folder / LOCK
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            reason = (exc.strerror or str(exc)).lower()
            what = f"kit cannot write in this folder ({reason}); build into another with -o"
            raise InputError(_problem(folder, what)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise FolderBusy(
                    f"another kit build is writing to {shown(folder)}/; nothing was changed. "
                    "Build again once it has finished"
                ) from None
            time.sleep(LOCK_POLL)
            continue
        # The build that held the lock may have removed its file meanwhile: the lock
        # counts only on the file that is still there.
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)


def _unlock(folder: Path, fd: int) -> None:
    """Remove the lock file while still holding it, then let go."""
    with suppress(OSError):
        os.unlink(folder / LOCK)
    os.close(fd)


def _old_staging(folder: Path, *, dry_run: bool = False) -> int:
    """Remove (or with `dry_run` only count) an older kit's leftover staging folders.

    Older kits staged a build in `.NAME.XXXXXXXX.tmp` beside the output folder NAME
    and left it there when killed. One is removed only when it holds nothing but files
    named as kit names its outputs, so a folder of someone else's is never touched.
    """
    pattern = re.compile(re.escape(f".{folder.name}.") + r"[a-z0-9_]{8}\.tmp")
    count = 0
    try:
        candidates = [p for p in folder.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return 0
    for path in candidates:
        try:
            if path.is_symlink() or not path.is_dir():
                continue
            entries = list(path.iterdir())
            if not all(
                KIT_OUTPUT.fullmatch(e.name) and e.is_file() and not e.is_symlink() for e in entries
            ):
                continue
            if not dry_run:
                shutil.rmtree(path)
            count += 1
        except OSError:
            continue
    return count


def _problem(path: Path, message: str) -> Problem:
    return Problem(shown(path), 0, 0, "", message)
