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
import stat
from dataclasses import dataclass

from kit.errors import InputError
from kit.publish.names import (
    BACKUP,
    JOURNAL,
    JOURNAL_DRAFT,
    KEPT,
    MANIFEST,
    SCRATCH,
    STAGING,
    plain_name,
    read_record,
    record,
)
from kit.resources import shown
from kit.safe_files import Folder

log = logging.getLogger(__name__)

FORMAT = 1
"""The journal's layout."""

DAMAGED = (
    "kit's note of an interrupted build is damaged, so kit cannot tell how far that build "
    "got and moves nothing; the earlier kit's files may be in {backup}; delete this note "
    "once you have what you need from there"
)


@dataclass(frozen=True)
class Journal:
    """What one publish moves."""

    aside: tuple[str, ...]
    """The earlier kit's files that move into the backup folder, in order."""
    placed: dict[str, str]
    """This build's files, name to SHA-256, that move in from the staging folder, in order."""


def write(folder: Folder, journal: Journal) -> None:
    """Put the journal in `folder` whole, on disk, before anything moves."""
    entry = {"format": FORMAT, "aside": list(journal.aside), "placed": journal.placed}
    folder.write_new(JOURNAL_DRAFT, json.dumps(entry, indent=2).encode("utf-8"))
    try:
        folder.move(JOURNAL_DRAFT, folder, JOURNAL)
    except BaseException:
        folder.remove(JOURNAL_DRAFT)
        raise
    folder.sync()


def read(folder: Folder) -> Journal | None:
    """The journal of a publish that did not end, or None when there is none.

    One that is not what kit writes (forged, damaged, naming what kit never names) is
    a problem with the folder: kit cannot tell how far a build got, so it moves nothing.
    """
    data = read_record(folder, JOURNAL)
    if data is None:
        return None
    try:
        entry = record(data)
        aside, placed = entry["aside"], entry["placed"]
        if type(entry["format"]) is not int or entry["format"] != FORMAT:
            raise ValueError
        if not isinstance(aside, list):
            raise ValueError
        if not isinstance(placed, dict) or not all(map(plain_name, [*aside, *placed])):
            raise ValueError
        if not all(isinstance(d, str) for d in placed.values()):
            raise ValueError
        return Journal(tuple(aside), dict(placed))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise folder.refused(JOURNAL, DAMAGED.format(backup=folder.shown(BACKUP))) from None


def apply(folder: Folder, journal: Journal, came: list[int]) -> bool:
    """Move the earlier files aside and this build's in, then commit; True once committed.

    `came` holds the stop signals received meanwhile: with any, nothing is committed
    and the folder is put back. A move that fails puts the folder back and raises.
    """
    if came:
        return False
    write(folder, journal)
    try:
        with folder.make(BACKUP) as backup, folder.sub(STAGING) as staging:
            for name in journal.aside:
                folder.move(name, backup)
            for name in journal.placed:
                staging.move(name, folder)
    except OSError:
        undo(folder, journal)
        raise
    if came:
        undo(folder, journal)
        return False
    try:
        with folder.sub(STAGING) as staging:
            staging.move(MANIFEST, folder)
    except OSError:
        undo(folder, journal)
        raise
    folder.sync()
    try:
        finish(folder)
    except OSError as exc:
        # The kit is in place; what is left over goes with the next build or check.
        log.warning("could not tidy %s after the build (%s)", shown(folder.path), exc)
    return True


def undo(folder: Folder, journal: Journal) -> None:
    """Put back the folder as it was before the publish `journal` describes.

    Safe to run again after a stop part-way: each step finds what is left to do.
    """
    aside = set(journal.aside)
    for name, wanted in journal.placed.items():
        # A replaced file comes back from the backup over the new one; a file that is
        # new here goes, but only if it is still the one this build moved in.
        if name not in aside and folder.digest(name) == wanted:
            folder.remove(name)
    if folder.exists(BACKUP):
        with folder.sub(BACKUP) as backup:
            for name in journal.aside:
                # Only a file kit moved aside comes back: anything else in the backup
                # folder was put there by someone else, and goes with it.
                if stat.S_ISREG(backup.mode(name) or 0):
                    backup.move(name, folder)
    folder.sync()
    finish(folder)


def finish(folder: Folder) -> None:
    """Remove the backup and staging folders, then the journal, which goes last."""
    for name in (BACKUP, STAGING, JOURNAL_DRAFT, JOURNAL):
        folder.remove(name)


def recover(folder: Folder) -> str | None:
    """Finish or undo a publish that was stopped in `folder`; say which, or None if none.

    The rule: a publish whose new manifest is still in the staging folder had not
    committed and is undone, so the folder holds the kit it held before; one whose
    manifest had moved in is finished. Staging left by a build stopped earlier,
    before its publish began, is removed.

    Every name kit keeps here is looked at first: one that is not the regular file or
    real folder kit would have left (a link, a pipe, a device) is refused before
    anything moves, so a folder from someone else cannot steer kit outside it.
    """
    problems = [p for name, want in KEPT if (p := folder.problem(name, want))]
    if problems:
        raise InputError(problems)
    journal = read(folder)
    if journal is None:
        leftovers = [n for n in SCRATCH if folder.exists(n)]
        for name in leftovers:
            folder.remove(name)
        if leftovers:
            log.info("removed what an interrupted build left in %s", shown(folder.path))
        return None
    if _staged_manifest(folder):
        undo(folder, journal)
        said = "an interrupted build was undone; the folder holds the kit it held before"
    else:
        finish(folder)
        said = "an interrupted build was finished; the folder holds the kit it wrote"
    log.info("%s: %s", shown(folder.path), said)
    return said


def _staged_manifest(folder: Folder) -> bool:
    """Whether the staging folder still holds the new manifest: the publish had not committed."""
    if not folder.exists(STAGING):
        return False
    with folder.sub(STAGING) as staging:
        return staging.exists(MANIFEST)
