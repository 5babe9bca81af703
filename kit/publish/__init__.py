"""Publish stage: put a build's files into the output folder all at once, or not at all.

kit owns what it writes in the output folder, and only that. What it keeps there for
itself is named `.kit-*` (see `names`):

- `.kit-manifest.json` stays: the names and digests of the files the last build wrote.
  The next build removes those it does not write again (old weeks, old PDFs) and will
  not replace a file that has one of its names but is not listed: that file is not kit's.
- `.kit-lock` exists while a build or a check uses the folder; one build at a time
  holds it with `flock`, and a second waits `LOCK_WAIT` seconds, then gives up.
- `.kit-staging/` holds the files while they are written and converted to PDF; being
  inside the folder keeps every move a rename on one file system.
- `.kit-journal.json` and `.kit-backup/` exist only while files move.

Once every file is staged and every name checked (`checks`), publishing goes:

1. the journal is written: the earlier kit's files to move aside, this build's files;
2. the earlier files (replaced and stale) move into `.kit-backup/`;
3. this build's files move in from `.kit-staging/`;
4. the new manifest moves in from `.kit-staging/`: this rename is the commit;
5. the backup, the staging folder and, last, the journal are removed.

Ctrl-C and SIGTERM are held from step 1 to step 5: one that comes before the commit
puts the folder back and then stops the build; one that comes after lets it finish.
A build killed outright leaves the journal, and the next `kit build` or `kit check`
applies the rule of `journal.recover`: before the commit, undo (the folder holds the
kit it held before); after it, finish (the folder holds the new kit).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from kit.errors import BuildError, InputError, Problem
from kit.publish import checks, folder, journal, signals
from kit.publish.folder import tidy_if_needed
from kit.publish.manifest import manifest_bytes, read_manifest
from kit.publish.names import JOURNAL, MANIFEST, STAGING
from kit.resources import shown
from kit.safe_files import Folder

__all__ = ["Derive", "Published", "Writer", "last_made", "publish", "tidy_if_needed"]

log = logging.getLogger(__name__)

Writer = Callable[[Path], None]
"""Writes one file at the path it is given."""

Derive = Callable[[Path, list[str]], list[str]]
"""Makes more files in the staging folder from the named ones there; returns the new names."""


@dataclass(frozen=True)
class Published:
    """What one build did to its output folder."""

    folder: Path
    written: list[Path]
    """Every file this build wrote, in order."""
    removed: list[str] = field(default_factory=list)
    """The names of the earlier build's files this one did not write again, now removed."""
    tidied: list[str] = field(default_factory=list)
    """What was done first about a build found interrupted in the folder."""


def publish(
    out_dir: Path,
    files: Sequence[tuple[str, Writer]],
    *,
    derive: Derive | None = None,
    derived: Sequence[str] = (),
) -> Published:
    """Write each file through its writer into the staging folder, then move them all in.

    When given, `derive` runs once every file is written and makes the files named
    `derived` (such as PDFs), which are published with them. Every name is checked
    before any file is written and again before any moves; a problem is an InputError
    naming each file in the way. If anything fails, the folder is left as it was.
    """
    names = [name for name, _ in files] + list(derived)
    # Held signals wait until the lock is let go too: once the kit is in, it stays in.
    with signals.Holder() as hold, folder.opened(out_dir) as where:
        try:
            tidied = folder.tidy(where)
        except OSError as exc:
            raise BuildError(
                f"cannot finish or undo the interrupted build found in {shown(where.path)}: {exc}"
            ) from None
        try:
            _check(checks.plan_moves(where, names, read_manifest(where)))
            with where.make(STAGING) as staging:
                for name, write in files:
                    write(staging / name)
                if derive is not None:
                    made = derive(staging.path, [name for name, _ in files])
                    if made != list(derived):
                        raise BuildError(f"expected to make {list(derived)}, made {made}")
                placed = {name: _digest(staging, name) for name in names}
                staging.write_new(MANIFEST, manifest_bytes(placed))
            # A long PDF run gives time for the folder to change: look again.
            plan = checks.plan_moves(where, names, read_manifest(where))
            _check(plan)
            hold.start()
            committed = _move_in(where, journal.Journal(tuple(plan.aside), placed), hold.came)
        except OSError as exc:
            raise BuildError(f"cannot write the kit: {exc}") from None
        finally:
            # With a journal left, the staging folder is what tells the next run to undo.
            if not where.exists(JOURNAL):
                with suppress(OSError):
                    where.remove(STAGING)
    if not committed:
        signals.deliver(hold.came)
    if hold.came:
        log.warning("a request to stop came as the kit was put in place; the build finished")
    written = [where.path / name for name in names]
    log.info("wrote %d file(s) to %s", len(written), where.path)
    if plan.stale:
        log.info(
            "removed %d stale file(s) from %s: %s",
            len(plan.stale),
            shown(where.path),
            ", ".join(plan.stale),
        )
    return Published(where.path, written, plan.stale, tidied)


def problems_in_the_way(out_dir: Path, names: Sequence[str]) -> list[Problem]:
    """What in `out_dir` would stop a kit of `names` being put there, as `publish` finds it.

    Nothing is written; a folder made to look in is removed again. A folder another
    build holds, or one that cannot be read, shows none: the build that follows says.
    """
    try:
        with folder.opened(out_dir) as where:
            return list(checks.plan_moves(where, names, read_manifest(where)).problems)
    except InputError as exc:
        return list(exc.problems)
    except (BuildError, OSError):
        return []


def _digest(staging: Folder, name: str) -> str:
    """The digest of a file just written in the staging folder, which must be there."""
    found = staging.digest(name)
    if found is None:
        raise BuildError(f"{name} was not written")
    return found


def last_made(out_dir: Path, suffix: str, *, besides: Collection[str] = ()) -> bool:
    """Whether the last build into `out_dir` wrote files ending in `suffix` (such as `.pdf`).

    Files named in `besides` do not count.

    A folder kit cannot read its record in counts as none: the build that follows
    reports why, with every other problem.
    """
    try:
        with Folder.open(out_dir) as where:
            names = read_manifest(where)
            return any(n.endswith(suffix) and n not in besides for n in names)
    except (InputError, OSError):
        return False


def _check(plan: checks.Plan) -> None:
    if plan.problems:
        raise InputError(plan.problems)


def _move_in(where: Folder, moves: journal.Journal, came: list[int]) -> bool:
    """Publish the staged files as `moves` says; True once committed, False if undone."""
    try:
        return journal.apply(where, moves, came)
    except OSError as exc:
        if where.exists(JOURNAL):
            raise BuildError(
                f"cannot put the kit in place ({exc}), nor put back what was there; "
                f"the next kit build or kit check in {shown(where.path)} will"
            ) from None
        raise BuildError(f"cannot put the kit in place ({exc}); nothing was changed") from None
