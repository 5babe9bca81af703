"""The small line-based markup that templates render and compose reads into blocks.

    # Heading 1 / ## Heading 2 / ### Heading 3
    - bullet item          1. numbered item          [ ] checkbox item
    -- bullet item one level in (under a note or an item)
    :style: a paragraph in a named style: lead, meta, kicker, question, prompt, note,
            label, small, contact, scripture, reference, read-aloud, title, subtitle, heading,
            cover, cover-kicker, cover-meta, caption; a writer shows one it does not
            know as body text
    | cell | cell |        table rows, the first one the header (@table STYLE may precede)
    @pagebreak  @contents [LEVELS]  @lines N  @box STYLE TITLE ... @end
    @together ... @end     what lies between stays on one page, where it fits on one
    @slide LAYOUT  starts a slide; its first heading is the slide title
    @notes         the rest of the slide goes to the speaker notes
    **bold** and *italic* inline; a backslash makes the next character plain.

Consecutive plain lines form one paragraph; a blank line ends it. A styled paragraph
is one line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from kit.compose.blocks import (
    Block,
    Box,
    Contents,
    Heading,
    Inline,
    ListBlock,
    PageBreak,
    Paragraph,
    Run,
    Slide,
    Table,
    Together,
    WriteLines,
    plain,
)
from kit.compose.typography import smarten

_T = TypeVar("_T")

MEMO_CHARS = 500
"""Longest text whose escaping and reading into runs is remembered (see `_remembered`)."""


def _remembered(function: Callable[[str], _T]) -> Callable[[str], _T]:
    """`function` of a text, with its results for the last 4096 short texts remembered."""
    memo = functools.lru_cache(maxsize=4096)(function)

    @functools.wraps(function)
    def call(text: str) -> _T:
        # A lesson's words pass here for the guide, the notes, the slides and the
        # handout alike. Only short texts are kept (a lesson paragraph is rarely longer),
        # so the memo holds at most 4096 x 500 characters whatever a template prints.
        return memo(text) if len(text) <= MEMO_CHARS else function(text)

    return call


_LEADING = re.compile(r"^(?:[#@]|-{1,2} |\[ \] |\d+\.\s|:[a-z-]+:)")
"""Starts of a line that markup would read as structure."""

_NUMBERED = re.compile(r"^\d+\.\s+")
_STYLED = re.compile(r"^:([a-z-]+):\s*")


class MarkupError(ValueError):
    """A template produced markup that cannot be read, at a line of the rendered text."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        """1-based line of the rendered text; compose maps it to the template's line."""
        super().__init__(message)


MAX_BOX_DEPTH = 8
"""Deepest nesting of `@box`; kit's own templates nest one deep."""
MAX_WRITE_LINES = 100
"""Most ruled lines one `@lines` may ask for; two pages' worth."""
MAX_CONTENTS_LEVELS = 9
"""Most heading levels a table of contents can list, as in Word."""
MAX_DECK_TEXT = 100_000
"""Most characters a deck's markup may hold, speaker notes included (a week's: about 11,000)."""
MAX_DECK_LINES = 3_000
"""Most lines a deck's markup may hold, speaker notes included (a week's: about 210)."""
MAX_SLIDES = 500
"""Most slides in one deck; a week of the built-in course has about 20."""

_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters a document cannot hold: control characters (tab and line breaks
aside), halves of surrogate pairs, and the non-characters U+FFFE and U+FFFF."""


_SPACES = re.compile(r"[^\S\u00a0\u2007\u202f]+")
"""Runs of white space, line breaks included, but not the no-break spaces an author
puts between words that belong together ("9\u00a0a.m.", "1\u00a0John")."""


@_remembered
def escape(text: str) -> str:
    """Make any text plain inside markup: one line, no markup characters active."""
    text = _SPACES.sub(" ", text).strip(" ")
    text = text.replace("\\", "\\\\").replace("*", "\\*").replace("|", "\\|")
    if _LEADING.match(text):
        text = "\\" + text
    return text


_INLINE = re.compile(r"\\(.)|(\*\*)|\*", re.DOTALL)
"""An escaped character, a bold marker or an italic marker."""


@_remembered
def inline(text: str) -> Inline:
    """Read **bold**, *italic* and backslash escapes into runs, with typography applied."""
    if "*" not in text and "\\" not in text:
        return (Run(smarten(text), False, False),) if text else ()
    return _typeset(_runs(text))


def _typeset(runs: list[Run]) -> Inline:
    # Every word bound for a block passes here, so quotes and dashes are made
    # consistent in one place; each run sees the text before it to open or close quotes.
    done: list[Run] = []
    before = ""
    for run in runs:
        done.append(Run(smarten(run.text, before), run.bold, run.italic))
        before = run.text
    return tuple(done)


def _runs(text: str) -> list[Run]:
    runs: list[Run] = []
    buf: list[str] = []
    bold = italic = False
    pos = 0
    for match in _INLINE.finditer(text):
        buf.append(text[pos : match.start()])
        pos = match.end()
        escaped = match.group(1)
        if escaped is not None:
            buf.append(escaped)
            continue
        if any(buf):
            runs.append(Run("".join(buf), bold, italic))
        buf = []
        if match.group(2):
            bold = not bold
        else:
            italic = not italic
    buf.append(text[pos:])
    if any(buf):
        runs.append(Run("".join(buf), bold, italic))
    return runs


def _cells(line: str) -> tuple[Inline, ...]:
    body = line.strip()[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            current.append(body[i : i + 2])
            i += 2
            continue
        if body[i] == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(body[i])
        i += 1
    cells.append("".join(current))
    return tuple(inline(c.strip()) for c in cells)


@dataclass
class _Frame:
    blocks: list[Block] = field(default_factory=list)
    title: str = ""
    style: str = ""
    together: bool = False


def parse(text: str) -> list[Block]:
    """Read markup into blocks; `@slide` is not allowed here."""
    blocks, _ = _parse(text, slides_allowed=False)
    return blocks


def parse_slides(text: str) -> list[Slide]:
    """Read markup made of `@slide` sections into slides."""
    blocks, slides = _parse(text, slides_allowed=True)
    if any(not isinstance(b, PageBreak) for b in blocks):
        raise MarkupError(1, "text before the first @slide")
    return slides


_SLIDE_LINE = re.compile(r"^[ \t]*@slide(?=[ \r\n]|$)", re.MULTILINE)


class SlideCount:
    """Counts the `@slide` lines of a deck's markup while it is rendered, piece by piece.

    A template that writes thousands of slides is stopped as it writes the first
    too many, at its line, long before a writer would spend minutes laying them out.
    """

    def __init__(self, limit: int | None = None) -> None:
        self.limit = MAX_SLIDES if limit is None else limit
        self.count = 0
        self.chars = 0
        self.lines = 0
        self._line_start = True  # nothing but spaces since the last line break

    def __call__(self, piece: str) -> str | None:
        """Why the deck must stop at this piece, or None."""
        # Long text runs on over more slides as it is laid out: a deck's text is bounded
        # too, so that no deck, however few its @slide lines, becomes thousands of slides.
        self.chars += len(piece)
        self.lines += piece.count("\n")
        if self.chars > MAX_DECK_TEXT or self.lines > MAX_DECK_LINES:
            return (
                f"it writes more than {MAX_DECK_LINES:,} lines or {MAX_DECK_TEXT:,} characters "
                "for one deck, more than its slides can show; a week's deck holds about a tenth"
            )
        if "@slide" in piece:
            for match in _SLIDE_LINE.finditer(piece):
                if match.start() > 0 or self._line_start:
                    self.count += 1
        last = piece.rfind("\n")
        if last >= 0:
            self._line_start = not piece[last + 1 :].strip(" \t")
        elif self._line_start:
            self._line_start = not piece.strip(" \t")
        return _too_many_slides(self.limit) if self.count > self.limit else None


def _too_many_slides(limit: int) -> str:
    return f"it writes more than {limit:,} slides; one deck holds at most {limit:,}"


def _unwritable(text: str) -> None:
    bad = _UNWRITABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise MarkupError(
            line,
            f"the text holds the control character U+{ord(bad.group()):04X}, "
            "which documents cannot hold; delete it",
        )


def _parse(text: str, *, slides_allowed: bool) -> tuple[list[Block], list[Slide]]:
    text = text.removeprefix("\ufeff")  # a byte-order mark left at the start of a template
    _unwritable(text)
    stack: list[_Frame] = [_Frame()]
    slides: list[Slide] = []
    para: list[str] = []
    para_style = "body"
    items: list[Inline] = []
    item_kind = ""
    item_level = 0
    rows: list[tuple[Inline, ...]] = []
    table_style = "grid"
    in_notes = False

    def out() -> list[Block]:
        return stack[-1].blocks

    def close() -> None:
        nonlocal para, para_style, items, item_kind, item_level, rows, table_style
        if para:
            out().append(Paragraph(inline(" ".join(para)), para_style))
            para, para_style = [], "body"
        if items:
            out().append(ListBlock(tuple(items), item_kind, item_level))
            items, item_kind, item_level = [], "", 0
        if rows:
            out().append(Table(tuple(rows), table_style))
            rows, table_style = [], "grid"

    def add_item(kind: str, rest: str, level: int = 0) -> None:
        nonlocal item_kind, item_level
        if items and (item_kind != kind or item_level != level):
            close()
        item_kind, item_level = kind, level
        items.append(inline(rest))

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            close()
            continue
        if line.startswith("@"):
            close()
            word, _, arg = line[1:].partition(" ")
            arg = arg.strip()
            if word == "pagebreak":
                out().append(PageBreak())
            elif word == "contents":
                levels = _number(arg, 1, MAX_CONTENTS_LEVELS, number, "@contents")
                out().append(Contents() if levels is None else Contents(levels))
            elif word == "lines":
                count = _number(arg, 0, MAX_WRITE_LINES, number, "@lines")
                out().append(WriteLines(3 if count is None else count))
            elif word == "table":
                table_style = arg or "grid"
            elif word == "box":
                if len(stack) > MAX_BOX_DEPTH:
                    raise MarkupError(number, f"@box nested more than {MAX_BOX_DEPTH} deep")
                style, _, title = arg.partition(" ")
                stack.append(_Frame(title=plain(inline(title.strip())), style=style or "box"))
            elif word == "together":
                if len(stack) > MAX_BOX_DEPTH:
                    raise MarkupError(number, f"@together nested more than {MAX_BOX_DEPTH} deep")
                stack.append(_Frame(together=True))
            elif word == "end":
                if len(stack) == 1:
                    raise MarkupError(number, "@end without @box")
                frame = stack.pop()
                if frame.together:
                    out().append(Together(tuple(frame.blocks)))
                else:
                    out().append(Box(frame.title, tuple(frame.blocks), frame.style))
            elif word == "slide" and slides_allowed:
                if len(stack) > 1:
                    raise MarkupError(number, "@slide inside an open @box")
                if len(slides) >= MAX_SLIDES:
                    raise MarkupError(number, _too_many_slides(MAX_SLIDES))
                _finish_slide(slides, stack[0].blocks, in_notes)
                slides.append(Slide(layout=arg or "points", title=""))
                stack[0].blocks = []
                in_notes = False
            elif word == "notes" and slides_allowed and slides:
                slides[-1].blocks = stack[0].blocks
                stack[0].blocks = slides[-1].notes
                in_notes = True
            else:
                raise MarkupError(number, f"unknown directive '@{word}'")
            continue
        if line.startswith("|"):
            if para or items:
                close()
            rows.append(_cells(line))
            continue
        if rows:
            close()
        heading = re.match(r"^(#{1,3})\s+(.*)$", line)
        if heading:
            close()
            out().append(Heading(len(heading.group(1)), plain(inline(heading.group(2)))))
        elif line.startswith("- "):
            add_item("bullet", line[2:].strip())
        elif line.startswith("-- "):
            add_item("bullet", line[3:].strip(), 1)
        elif line.startswith("[ ] "):
            add_item("check", line[4:].strip())
        elif _NUMBERED.match(line):
            add_item("number", _NUMBERED.sub("", line, count=1))
        elif _STYLED.match(line):
            close()
            para_style = _STYLED.match(line).group(1)
            para.append(_STYLED.sub("", line, count=1))
            close()
        else:
            if items:
                close()
            para.append(line)
    close()
    if len(stack) > 1:
        what = "@together" if stack[-1].together else f"@box '{stack[-1].title}'"
        raise MarkupError(len(text.splitlines()), f"{what} is never closed (@end)")
    if slides_allowed:
        _finish_slide(slides, stack[0].blocks, in_notes)
        return [], slides
    return stack[0].blocks, slides


def _number(arg: str, low: int, high: int, line: int, directive: str) -> int | None:
    """A directive's whole-number argument, or None when it has none."""
    if not (arg.isascii() and arg.isdigit()):
        return None
    value = int(arg) if len(arg) <= 6 else high + 1
    if not low <= value <= high:
        raise MarkupError(
            line, f"{directive} takes a number from {low} to {high}; found {arg[:10]}"
        )
    return value


def _finish_slide(slides: list[Slide], blocks: list[Block], in_notes: bool) -> None:
    if not slides:
        return
    slide = slides[-1]
    if not in_notes:
        slide.blocks = blocks
    # The slide's first level-1 heading is its title, not part of its face.
    for i, block in enumerate(slide.blocks):
        if isinstance(block, Heading) and block.level == 1:
            slide.title = block.text
            del slide.blocks[i]
            break
