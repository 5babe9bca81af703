"""What kit remembers between runs, to start faster: a private per-user cache folder.

Nothing in it is needed: a missing, unwritable or damaged cache costs time, never
a result. `KIT_CACHE_DIR` moves it; `KIT_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import atexit
import functools
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAX_ENTRIES = 20_000
"""Most entries one store keeps, so that it cannot grow without end."""


def cache_dir() -> Path | None:
    """The cache folder (created, private to the user), or None when there is none."""
    env = os.environ
    return _cache_dir(env.get("KIT_NO_CACHE"), env.get("KIT_CACHE_DIR"), env.get("XDG_CACHE_HOME"))


@functools.cache
def _cache_dir(off: str | None, chosen: str | None, xdg: str | None) -> Path | None:
    # Keyed by the variables, so a program (or a test) that changes them is obeyed.
    if off:
        return None
    folder = Path(chosen) if chosen else Path(xdg) / "kit" if xdg else Path.home() / ".cache/kit"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def prune(folder: Path, family: str, keep: str) -> None:
    """Remove the files of `family` (a name prefix) other than those starting `keep`.

    Cache file names carry a digest of what made them; when kit or a library changes,
    the old files are never read again.
    """
    for path in folder.glob(f"{family}-*"):
        if not path.name.startswith(keep):
            path.unlink(missing_ok=True)


class JsonStore:
    """A JSON mapping kept in the cache folder, written back once when the process ends."""

    def __init__(self, name: str) -> None:
        folder = cache_dir()
        self.path = folder / f"{name}.json" if folder else None
        self._data: dict[str, Any] | None = None
        self._dirty = False

    def _loaded(self) -> dict[str, Any]:
        if self._data is None:
            self._data = {}
            if self.path is not None:
                try:
                    data = json.loads(self.path.read_text(encoding="utf-8"))
                    self._data = data if isinstance(data, dict) else {}
                except (OSError, ValueError):
                    pass
        return self._data

    def get(self, key: str, default: Any = None) -> Any:
        """The value remembered for `key`, or `default`."""
        return self._loaded().get(key, default)

    def put(self, key: str, value: Any) -> None:
        """Remember a JSON value for `key`; a full store takes nothing new."""
        data = self._loaded()
        if key not in data and len(data) >= MAX_ENTRIES:
            return
        data[key] = value
        if not self._dirty and self.path is not None:
            self._dirty = True
            atexit.register(self.flush)

    def flush(self) -> None:
        """Write the store, replacing the file at once so readers never see half of it."""
        if not self._dirty or self.path is None or self._data is None:
            return
        temp = None
        try:
            fd, temp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(self._data, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temp, self.path)
            temp = None
            self._dirty = False
            prune(self.path.parent, self.path.name.split("-")[0], self.path.name)
        except OSError as exc:
            log.debug("cannot write %s: %s", self.path, exc)
        finally:
            if temp is not None:
                Path(temp).unlink(missing_ok=True)
