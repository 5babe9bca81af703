"""Fit a slide's title: shrink it to 28 points, then let it take room from the body below.

A title too long for any size is cut at a word and ended with an ellipsis; the planner
then puts the whole title at the head of the body. A title on two lines is broken where
its lines come out most even.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from kit.writers.pptx.fit import textfit
from kit.writers.pptx.fit.areas import EMU_PER_PT, SlideAreas, TextArea
from kit.writers.pptx.fit.paragraphs import SAFETY_PT, STEP

TITLE_MIN = 28
"""Points no title goes below."""
MAX_TITLE_LINES = 2
"""Lines a title may wrap to before it shrinks, unless it is already at 28 points."""
TITLE_BORROW = 0.4
"""Largest share of the body's height a long title may take from the area below it."""
ELLIPSIS = "\u2026"


def _title_para(text: str, area: TextArea, size: float) -> textfit.Para:
    face = textfit.face(area.typeface, area.bold, area.italic)
    piece = textfit.Piece(text, face)
    return textfit.Para((piece,), size, line=0.9, spacing=area.spacing, caps=area.caps)


def _title_sizes(area: TextArea) -> range:
    return range(max(TITLE_MIN, round(area.size)), TITLE_MIN - 1, -STEP)


def fit_title(text: str, area: TextArea) -> tuple[str, float] | None:
    """The title at the largest size from its area's down to 28 points that fits, or None."""
    for size in _title_sizes(area):
        para = _title_para(text, area, size)
        if textfit.fits([para], area.inner_width - SAFETY_PT, area.inner_height - SAFETY_PT):
            return text, size
    return None


def place_title(
    text: str, areas: SlideAreas, accept: Callable[[SlideAreas], bool] = lambda _: True
) -> tuple[SlideAreas, float] | None:
    """The largest title size that fits its area, or the area grown into the body's room.

    Growing keeps titles at one size across a deck: a two-line heading stays as large
    as a one-line one, and the body below gives up the room, as long as `accept` says
    the body still has what it needs.
    """
    title, body = areas.title, areas.body
    below = body.top >= title.top + title.height - title.height // 4
    beside = body.left < title.left + title.width and title.left < body.left + body.width
    width = title.inner_width - SAFETY_PT
    for size in _title_sizes(title):
        para = _title_para(text, title, size)
        if textfit.longest_word(para) > width:
            continue
        need = textfit.height([para], width) + SAFETY_PT
        grow = math.ceil((need - title.inner_height) * EMU_PER_PT)
        if grow <= 0:
            return areas, float(size)
        # Past two lines a smaller title reads better than a taller one, down to 28 pt.
        lines = textfit.line_count(para, width)
        if lines > MAX_TITLE_LINES and size > TITLE_MIN:
            continue
        if below and beside and grow <= body.height * TITLE_BORROW:
            grown = replace(
                areas,
                title=replace(title, height=title.height + grow),
                body=replace(body, top=body.top + grow, height=body.height - grow),
            )
            if accept(grown):
                return grown, float(size)
    return None


def short_title(text: str, area: TextArea, spare: str = "") -> tuple[str, float]:
    """As many whole words of a long title as fit at 28 points, ended with an ellipsis.

    When not even its first word fits, `spare` (the slide's kicker) stands in, or an
    ellipsis alone: the whole title leads the body either way.
    """
    words = text.split()
    lo, hi = 1, len(words)
    best = None
    while lo <= hi:
        mid = (lo + hi) // 2
        fitted = fit_title(" ".join(words[:mid]) + ELLIPSIS, area)
        if fitted is not None:
            best = (fitted[0], float(TITLE_MIN))
            lo = mid + 1
        else:
            hi = mid - 1
    if best is None:
        best = fit_title(spare, area) if spare else None
    return best or (ELLIPSIS, float(TITLE_MIN))


BALANCE_SLACK = 1.15
"""How much longer than the most even split a title's longer line may be, to break it
where it reads better: after more words on the first line, or not after a little word."""
PAUSE_SLACK = 1.35
"""The same, for a break after a comma, colon, semicolon or dash."""
PAUSES = (",", ":", ";", "\u2013", "\u2014")
LEADING_WORDS = frozenset(
    {
        *("about", "after", "against", "before", "between", "from", "into", "like", "than"),
        *("that", "through", "toward", "under", "until", "upon", "when", "where", "while"),
        *("with", "within", "without", "your", "their"),
    }
)
"""Words that lead into what follows them, in any case ("That" in a title in capitals
too); with every lower-case word of up to three letters ("for", "a", "the"), a title's
first line had better not end on one."""


def balanced(text: str, area: TextArea, size: float) -> str:
    """The title with a line break ("\\n") where its two lines read best.

    Wrapped word by word, a title can leave one word alone on its second line
    ("Someone You Can Count / On"). The break goes near where the lines come out most
    even: after a comma or dash if there is one, else not after a word that leads into
    the next ("for", "a", "about"), else with the longer line first. A title on one line,
    or on more than two, is left as it is, and neither line is ever longer than the
    column, so the break never makes a third line.
    """
    para = _title_para(text, area, size)
    width = area.inner_width - SAFETY_PT
    if textfit.line_count(para, width) != 2:
        return text
    measured = textfit.words(para)
    words = text.split(" ")
    if len(words) != len(measured) or "" in words:
        return text  # spaced unusually: leave the wrapping to the renderer
    splits = []
    for cut in range(1, len(words)):
        first = sum(w.width + w.space for w in measured[:cut]) - measured[cut - 1].space
        second = sum(w.width + w.space for w in measured[cut:]) - measured[-1].space
        if max(first, second) <= width:
            splits.append((cut, first, max(first, second)))
    if not splits:
        return text
    even = min(longest for _, _, longest in splits)

    def rank(split: tuple[int, float, float]) -> tuple[bool, bool, float]:
        last = words[split[0] - 1]
        leading = last.lower() in LEADING_WORDS or (len(last) <= 3 and last.islower())
        return last.endswith(PAUSES), not leading, split[1]

    def slack(cut: int) -> float:
        return PAUSE_SLACK if words[cut - 1].endswith(PAUSES) else BALANCE_SLACK

    readable = [split for split in splits if split[2] <= even * slack(split[0])]
    cut = max(readable, key=rank)[0]
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])
