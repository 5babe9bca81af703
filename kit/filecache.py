"""Remember the files a build wrote, so a file whose content did not change is not written again.

A file is found by a digest of everything that makes its bytes: its composed content,
the church's brand file, the author name, and kit itself (its code, templates and the
versions of the libraries that write Office files). Each stored file carries a digest of
its own bytes and is used only when they match, so a damaged cache costs time, never a
result. It lives in kit's cache folder (kit/cache.py): `KIT_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import pickle
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from kit.cache import cache_dir

log = logging.getLogger(__name__)

MAX_FILES = 600
"""Most files kept; the least recently used go first. About a year of weekly kits."""

_PACKAGE = Path(__file__).resolve().parent
_LIBRARIES = ("python-docx", "python-pptx", "lxml")
_SEAL = hashlib.sha256().digest_size


@functools.cache
def fingerprint() -> str:
    """A digest of kit's own code and data and of the libraries its writers use."""
    from kit.resources import data_dir

    digest = hashlib.sha256(sys.version.encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none;".encode())
    templates = data_dir("templates")
    parts = [p for p in sorted(_PACKAGE.rglob("*")) if p.suffix in (".py", ".json")]
    parts += sorted(templates.glob("base.*"))
    for path in parts:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def file_key(content: Any, *extras: Any) -> str | None:
    """The digest that names a file made from `content` and `extras`; None if it cannot have one.

    A `Path` among the extras stands for the bytes of that file.
    """
    if _folder() is None:
        return None  # nothing is kept, so nothing needs a name
    try:
        digest = hashlib.sha256(fingerprint().encode())
        digest.update(pickle.dumps(content, protocol=5))
        for extra in extras:
            if isinstance(extra, Path):
                digest.update(_file_digest(extra.resolve(), *_stamp(extra)))
            else:
                digest.update(pickle.dumps(extra, protocol=5))
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        log.debug("no cache key: %s", exc)
        return None
    return digest.hexdigest()


def recall(key: str | None) -> bytes | None:
    """The bytes remembered under `key`, or None when there are none (or they are damaged)."""
    folder = _folder()
    if key is None or folder is None:
        return None
    path = folder / key
    try:
        stored = path.read_bytes()
    except OSError:
        return None
    seal, data = stored[:_SEAL], stored[_SEAL:]
    if hashlib.sha256(data).digest() != seal:
        log.debug("damaged cache entry %s removed", key)
        path.unlink(missing_ok=True)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept longest
    return data


def remember(files: list[tuple[str | None, bytes]]) -> None:
    """Keep each file's bytes under its key, then drop the least recently used beyond the limit."""
    folder = _folder()
    if folder is None:
        return
    for key, data in files:
        if key is None:
            continue
        temp = None
        try:
            fd, temp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as out:
                out.write(hashlib.sha256(data).digest() + data)
            os.replace(temp, folder / key)
            temp = None
        except OSError as exc:
            log.debug("cannot keep %s: %s", key, exc)
            return
        finally:
            if temp is not None:
                Path(temp).unlink(missing_ok=True)
    _trim(folder)


def _folder() -> Path | None:
    """This version's folder of files; older versions' folders are removed on first use."""
    base = cache_dir()
    if base is None:
        return None
    return _versioned(base, fingerprint())


@functools.cache
def _versioned(base: Path, version: str) -> Path | None:
    folder = base / f"files-{version}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        for old in base.glob("files-*"):
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
    except OSError:
        return None
    return folder


def _trim(folder: Path) -> None:
    try:
        entries = [(p.stat().st_mtime, p) for p in folder.iterdir()]
    except OSError:
        return
    if len(entries) <= MAX_FILES:
        return
    entries.sort()
    for _, path in entries[: len(entries) - MAX_FILES]:
        path.unlink(missing_ok=True)


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


@functools.cache
def _file_digest(path: Path, size: int, mtime_ns: int) -> bytes:
    # Size and time are part of the key only so an edited file is read again in one process.
    return hashlib.sha256(path.read_bytes()).digest()
