"""Where kit's built-in lessons and templates live, installed or in a source checkout."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from kit.errors import BuildError

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The built-in `lessons` or `templates` folder."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise BuildError(f"kit's built-in '{name}' folder is missing; reinstall kit")


def shown(path: Path) -> str:
    """A path as messages show it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel
