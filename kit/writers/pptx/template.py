"""Deck templates as data: which one a deck uses, and the text boxes of its layouts.

Nothing here needs python-pptx, so a deck whose template was read before can be
written without loading it (see pptx_prototype).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kit.errors import InputError, Problem
from kit.resources import data_dir, shown

BASE_NAME = "base.pptx"
"""Kit's own designed deck template in the templates folder."""


@dataclass(frozen=True)
class Template:
    """A deck template read once: its bytes and where it came from."""

    data: bytes
    """The .pptx file's bytes."""
    name: str
    """The file as messages show it."""
    own: bool
    """True for kit's built-in template."""


def load_template(brand: Path | None) -> Template:
    """The church's template when given (checked), else kit's own."""
    if brand is None:
        return _read(data_dir("templates") / BASE_NAME, own=True)
    stat = brand.stat()
    problems = _problems_cached(str(brand), stat.st_mtime_ns, stat.st_size)
    if problems:
        raise InputError([Problem(shown(brand), 0, 0, "", p) for p in problems])
    return _read_cached(str(brand), stat.st_mtime_ns, stat.st_size)


def _read(path: Path, *, own: bool) -> Template:
    stat = path.stat()
    return _read_cached(str(path), stat.st_mtime_ns, stat.st_size, own)


@lru_cache(maxsize=8)
def _problems_cached(path: str, mtime: int, size: int) -> tuple[str, ...]:
    from kit.writers.pptx_layouts import template_problems

    return tuple(template_problems(Path(path)))


@lru_cache(maxsize=8)
def _read_cached(path: str, mtime: int, size: int, own: bool = False) -> Template:
    return Template(Path(path).read_bytes(), shown(Path(path)), own)
