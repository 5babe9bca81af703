"""The journal: move a build's files in so that a stop at any point can be finished or undone.

The journal is written in the output folder before the first move and removed after
the last. It names the earlier kit's files that move aside into the backup folder
(those replaced and those now stale) and this build's files with their digests, which
then move in from the staging folder. Moving the new manifest in from the staging
folder is the commit: while the staging folder still holds it, nothing is final.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from kit.errors import BuildError
from kit.publish.layout import BACKUP, JOURNAL, MANIFEST, STAGING, digest_or_none, plain_name
from kit.resources import shown

log = logging.getLogger(__name__)

FORMAT = 1
"""The journal's layout."""


@dataclass(frozen=True)
class Journal:
    """What one publish moves."""

    aside: tuple[str, ...]
    """The earlier kit's files that move into the backup folder, in order."""
    placed: dict[str, str]
    """This build's files, name to SHA-256, that move in from the staging folder, in order."""


def write(folder: Path, journal: Journal) -> None:
    """Put the journal in `folder` whole, on disk, before anything moves."""
    record = {"format": FORMAT, "aside": list(journal.aside), "placed": journal.placed}
    scratch = folder / (JOURNAL + ".tmp")
    try:
        with open(scratch, "w", encoding="utf-8") as stream:
            json.dump(record, stream, indent=2)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(scratch, folder / JOURNAL)
    except BaseException:
        scratch.unlink(missing_ok=True)
        raise
    _sync(folder)


def read(folder: Path) -> Journal | None:
    """The journal of a publish that did not end, or None when there is none."""
    path = folder / JOURNAL
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        aside, placed = record["aside"], record["placed"]
        if record["format"] != FORMAT or not all(map(plain_name, [*aside, *placed])):
            raise ValueError("not a journal kit wrote")
        return Journal(tuple(aside), dict(placed))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BuildError(
            f"{shown(path)} cannot be read ({exc}), so kit cannot tell how far an interrupted "
            f"build got; the earlier kit's files are in {shown(folder / BACKUP)}"
        ) from None


def apply(folder: Path, journal: Journal, came: list[int]) -> bool:
    """Move the earlier files aside and this build's in, then commit; True once committed.

    `came` holds the stop signals received meanwhile: with any, nothing is committed
    and the folder is put back. A move that fails puts the folder back and raises.
    """
    staging, backup = folder / STAGING, folder / BACKUP
    if came:
        return False
    write(folder, journal)
    try:
        backup.mkdir(exist_ok=True)
        for name in journal.aside:
            os.replace(folder / name, backup / name)
        for name in journal.placed:
            os.replace(staging / name, folder / name)
    except OSError:
        undo(folder, journal)
        raise
    if came:
        undo(folder, journal)
        return False
    try:
        os.replace(staging / MANIFEST, folder / MANIFEST)
    except OSError:
        undo(folder, journal)
        raise
    _sync(folder)
    try:
        finish(folder)
    except OSError as exc:
        # The kit is in place; what is left over goes with the next build or check.
        log.warning("could not tidy %s after the build (%s)", shown(folder), exc)
    return True


def undo(folder: Path, journal: Journal) -> None:
    """Put back the folder as it was before the publish `journal` describes.

    Safe to run again after a stop part-way: each step finds what is left to do.
    """
    backup = folder / BACKUP
    aside = set(journal.aside)
    for name, wanted in journal.placed.items():
        # A replaced file comes back from the backup over the new one; a file that is
        # new here goes, but only if it is still the one this build moved in.
        if name not in aside and digest_or_none(folder / name) == wanted:
            os.unlink(folder / name)
    for name in journal.aside:
        if os.path.lexists(backup / name):
            os.replace(backup / name, folder / name)
    _sync(folder)
    finish(folder)


def finish(folder: Path) -> None:
    """Remove the backup and staging folders, then the journal, which goes last."""
    for scratch in (BACKUP, STAGING):
        if os.path.lexists(folder / scratch):
            shutil.rmtree(folder / scratch)
    for leftover in (JOURNAL + ".tmp", JOURNAL):
        if os.path.lexists(folder / leftover):
            os.unlink(folder / leftover)


def recover(folder: Path) -> str | None:
    """Finish or undo a publish that was stopped in `folder`; say which, or None if none.

    The rule: a publish whose new manifest is still in the staging folder had not
    committed and is undone, so the folder holds the kit it held before; one whose
    manifest had moved in is finished. Staging left by a build stopped earlier,
    before its publish began, is removed.
    """
    journal = read(folder)
    if journal is None:
        leftovers = [n for n in (STAGING, JOURNAL + ".tmp") if os.path.lexists(folder / n)]
        for name in leftovers:
            _remove(folder / name)
        if leftovers:
            log.info("removed what an interrupted build left in %s", shown(folder))
        return None
    if os.path.lexists(folder / STAGING / MANIFEST):
        undo(folder, journal)
        said = "an interrupted build was undone; the folder holds the kit it held before"
    else:
        finish(folder)
        said = "an interrupted build was finished; the folder holds the kit it wrote"
    log.info("%s: %s", shown(folder), said)
    return said


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _sync(folder: Path) -> None:
    """Make the names in `folder` durable, where the system can."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
