"""Publish stage: put finished files into the output folder all at once, or not at all."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from kit.errors import BuildError

log = logging.getLogger(__name__)


Derive = Callable[[Path, list[str]], list[str]]
"""Makes more files in the staging folder from the named ones there; returns the new names."""


def publish(
    out_dir: Path,
    files: Iterable[tuple[str, Callable[[Path], None]]],
    *,
    derive: Derive | None = None,
) -> list[Path]:
    """Write each file through its writer into a staging folder, then move them into place.

    When given, `derive` runs once every file is written, and the files it makes
    (such as PDFs) are published with them. The staging folder sits beside
    `out_dir` so the final moves stay on one file system. If any step fails, the
    staging folder is removed and `out_dir` is left exactly as it was.
    """
    out_dir = out_dir.resolve()
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot create {parent}: {exc.strerror}") from None
    if out_dir.exists() and not out_dir.is_dir():
        raise BuildError(f"{out_dir} exists and is not a folder")
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=parent))
    try:
        names: list[str] = []
        for name, write in files:
            write(staging / name)
            names.append(name)
        if derive is not None:
            names += derive(staging, list(names))
        out_dir.mkdir(exist_ok=True)
        placed = []
        for name in names:
            os.replace(staging / name, out_dir / name)
            placed.append(out_dir / name)
        log.info("wrote %d file(s) to %s", len(placed), out_dir)
        return placed
    except OSError as exc:
        raise BuildError(f"cannot write the kit: {exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
