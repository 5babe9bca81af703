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

EMU_PER_PT = 12700


@dataclass(frozen=True)
class Box:
    """A text box on a layout: where it is, its inner margins and its inherited font."""

    idx: int | None
    """Placeholder index on the layout; None for a text box kit adds."""
    left: int
    """EMU from the slide's left edge."""
    top: int
    """EMU from the slide's top edge."""
    width: int
    """EMU."""
    height: int
    """EMU."""
    insets: tuple[int, int, int, int]
    """Inner margins left, top, right, bottom, EMU."""
    typeface: str
    """The font its text renders in (theme fonts resolved)."""
    bold: bool
    """Text is bold unless a run says otherwise."""
    italic: bool
    """Text is italic unless a run says otherwise."""
    size: float
    """Font size in points the template gives its text."""
    caps: bool = False
    """Set in capitals (or small capitals) by the template."""
    spacing: float = 0.0
    """Extra points between letters the template asks for."""

    @property
    def inner_width(self) -> float:
        """Points available for a line."""
        return (self.width - self.insets[0] - self.insets[2]) / EMU_PER_PT

    @property
    def inner_height(self) -> float:
        """Points available for lines."""
        return (self.height - self.insets[1] - self.insets[3]) / EMU_PER_PT


@dataclass(frozen=True)
class Frames:
    """The boxes a slide's text goes into on one layout."""

    layout: str
    """The layout's name."""
    title: Box
    """Where the title goes; `idx` None when kit adds the box itself."""
    body: Box
    """Where the face text goes."""
    kicker: Box | None
    """The small line above the title, when the layout has a place for it."""
    caption: Box | None
    """The line below the body, when the layout has a place for it."""


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
