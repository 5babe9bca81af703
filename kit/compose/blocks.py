"""The format-neutral document: blocks that every writer knows how to lay out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """A stretch of text with one emphasis."""

    text: str
    """The words."""
    bold: bool = False
    """Set in bold."""
    italic: bool = False
    """Set in italics."""


Inline = tuple[Run, ...]


def plain(runs: Inline) -> str:
    """The text of some runs without emphasis."""
    return "".join(r.text for r in runs)


@dataclass(frozen=True)
class Heading:
    """A heading at level 1 (chapter) to 3."""

    level: int
    """1, 2 or 3."""
    text: str
    """The heading's words."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph in a named style (body, lead, small, note, scripture, reference, ...)."""

    runs: Inline
    """The paragraph's text."""
    style: str = "body"
    """A style name the writers map to their own styles."""


@dataclass(frozen=True)
class ListBlock:
    """A bulleted, numbered or checkbox list."""

    items: tuple[Inline, ...]
    """One entry per item."""
    kind: str = "bullet"
    """bullet, number or check."""
    level: int = 0
    """Nesting: 0 for a list in the text, 1 for one under an item or a note."""


@dataclass(frozen=True)
class Table:
    """A table whose first row is its header."""

    rows: tuple[tuple[Inline, ...], ...]
    """Rows of cells, header first."""
    style: str = "grid"
    """A style name the writers map to their own table styles."""


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True)
class Contents:
    """A table of contents."""

    levels: int = 1
    """Heading levels it lists: 1 for chapters only, 2 to add their sections."""


@dataclass(frozen=True)
class WriteLines:
    """Ruled lines to write on."""

    count: int
    """How many lines."""


@dataclass(frozen=True)
class Box:
    """A framed panel holding other blocks."""

    title: str
    """The panel's heading; may be empty."""
    blocks: tuple[Block, ...]
    """What the panel holds."""
    style: str = "box"
    """A style name the writers map to their own look."""


@dataclass(frozen=True)
class Together:
    """Blocks printed on one page, where they fit on one: none is left alone on the next."""

    blocks: tuple[Block, ...]
    """What is kept together."""


Block = Heading | Paragraph | ListBlock | Table | PageBreak | Contents | WriteLines | Box | Together


@dataclass
class Document:
    """A word-processor document: leader guide, leader notes or handout."""

    kind: str
    """guide, notes, handout or booklet."""
    title: str
    """The document's title, also stored in its properties."""
    footer: str
    """Text beside the page number in the footer."""
    blocks: list[Block] = field(default_factory=list)
    """The body, in order."""
    large_print: bool = False
    """Set in large print: bigger type and looser lines throughout (see the docx writer)."""
    language: str = "en"
    """The language its words are in, for the spelling Word checks them by."""


@dataclass
class Slide:
    """One slide: a layout, a title, what goes on its face, and speaker notes."""

    layout: str
    """title, section, scripture, points, question, couple, closing."""
    title: str
    """The slide's title."""
    blocks: list[Block] = field(default_factory=list)
    """What goes on the face of the slide."""
    notes: list[Block] = field(default_factory=list)
    """Speaker notes; leader-only text goes here and nowhere else on a slide."""


@dataclass
class Deck:
    """A slide deck for one week."""

    title: str
    """The deck's title, also stored in its properties."""
    footer: str
    """Small text for the foot of each slide."""
    slides: list[Slide] = field(default_factory=list)
    """The slides in order."""
    language: str = "en"
    """The language its words are in, for what the writer adds (kit/language.py)."""


@dataclass(frozen=True)
class Event:
    """One meeting as a calendar holds it."""

    date: dt.date
    """The day it meets."""
    start: dt.time | None
    """When it starts; None for a day without a set time."""
    minutes: int
    """How long it lasts."""
    summary: str
    """Its title in the calendar."""
    description: str
    """A few words under the title."""
    place: str | None
    """Where it meets."""
    key: str
    """What tells this meeting from every other, the same in every build."""


@dataclass
class Calendar:
    """Every meeting of a course, for people's calendars."""

    name: str
    """The calendar's name."""
    events: list[Event] = field(default_factory=list)
    """The meetings in order."""
