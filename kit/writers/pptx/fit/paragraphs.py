"""A slide's paragraphs as they are set: composed blocks made paragraphs, sized and measured.

Every paragraph starts at the size the template gives its area and shrinks in 2-point
steps to a floor: three quarters of its starting size, so the room can still read it,
and never below 18 points. An area that sets a floor of its own (kit's design on a
church's template) lets every paragraph shrink to that floor before a new slide.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kit.compose.blocks import Block, Box, Heading, Inline, ListBlock, Paragraph, Run, Table
from kit.writers.pptx.fit import textfit
from kit.writers.pptx.fit.areas import TextArea

BODY_MIN = 18
"""Points no text on a slide's face goes below."""
STEP = 2
"""Points a paragraph shrinks by at a time."""
COMFORT = 0.75
"""Body text shrinks to this share of its starting size before it moves to a new slide."""
SAFETY_PT = 2.0
"""Points kept free at the bottom and right of every area for renderer rounding."""

STYLE_SCALE = {"lead": 1.15, "small": 0.8, "kicker": 0.72, "caption": 0.8, "reference": 0.8}
"""Size of a style next to the body text of its area (1 when not listed)."""
LABEL_MAX = {"kicker": 20, "caption": 22, "reference": 22}
"""Largest size of the small lines when they share the body's area."""

KICKER_SPACING = 1.5
"""Points between the letters of a kicker line, which is set in bold capitals."""

ROLE_OF_STYLE = {"kicker": "kicker", "reference": "caption", "caption": "caption"}
"""Paragraph styles that go to a layout's own kicker or caption area when it has one."""


@dataclass(frozen=True)
class Text:
    """One paragraph as it is written on a slide."""

    runs: Inline
    """The words, with emphasis."""
    style: str
    """The composed style: body, lead, question, scripture, kicker, caption, item, ..."""
    size: float = 0
    """Font size in points."""
    bullet: str = ""
    """'' for none, 'bullet' or 'number'."""
    number: int = 0
    """Number of a numbered item."""
    continued: bool = False
    """The rest of a paragraph or item begun on the previous slide."""
    origin: int = 0
    """Which composed paragraph it comes from."""
    max_size: float = 0
    """The size it starts at before shrinking."""
    min_size: float = BODY_MIN
    """The size it shrinks to at most."""

    @property
    def caps(self) -> bool:
        """Set in capitals with letter spacing."""
        return self.style == "kicker"

    @property
    def before(self) -> float:
        """Space before in points, when it is not the first paragraph of its area."""
        if self.continued:
            return 0.0
        return self.size * (0.3 if self.bullet else 0.45)

    @property
    def indent(self) -> float:
        """Left indent in points; a bullet or number hangs in it."""
        if not self.bullet:
            return 0.0
        return self.size * (1.5 if self.bullet == "number" else 1.0)


def face_texts(blocks: Sequence[Block]) -> list[Text]:
    """The paragraphs composed blocks become on a slide's face, numbered by origin."""
    out: list[Text] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(Text(block.runs, block.style))
        elif isinstance(block, Heading):
            out.append(Text((Run(block.text),), "lead"))
        elif isinstance(block, ListBlock):
            kind = "number" if block.kind == "number" else "bullet"
            out.extend(
                Text(item, "item", bullet=kind, number=n) for n, item in enumerate(block.items, 1)
            )
        elif isinstance(block, Table):
            out.extend(
                Text(tuple(r for cell in row for r in (*cell, Run("  \u00b7  ")))[:-1], "body")
                for row in block.rows
            )
        elif isinstance(block, Box):
            if block.title:
                out.append(Text((Run(block.title, bold=True),), "body"))
            out.extend(face_texts(block.blocks))
    return [replace(t, origin=i) for i, t in enumerate(out)]


def starting(text: Text, area: TextArea, own_area: bool) -> Text:
    """The paragraph at the size it starts at in an area, with the floor it may shrink to."""
    scale = 1.0 if own_area else STYLE_SCALE.get(text.style, 1.0)
    size = max(BODY_MIN, round(area.size * scale))
    if not own_area:
        size = min(size, LABEL_MAX.get(text.style, size))
    if own_area or text.style in ROLE_OF_STYLE:
        floor = BODY_MIN
    elif area.floor:  # an area with a floor of its own: anything rather than a new slide
        floor = min(area.floor, size)
    else:
        floor = round(size * COMFORT)
    return replace(text, max_size=size, size=size, min_size=max(BODY_MIN, floor))


def face_para(text: Text, area: TextArea) -> textfit.Para:
    """The measuring view of a paragraph in an area."""
    pieces = tuple(
        textfit.Piece(
            run.text,
            textfit.face(
                area.typeface, area.bold or run.bold or text.caps, area.italic or run.italic
            ),
        )
        for run in text.runs
    )
    return textfit.Para(
        pieces,
        text.size,
        before=text.before,
        indent=text.indent,
        spacing=KICKER_SPACING if text.caps else area.spacing,
        caps=text.caps or area.caps,
    )


def fits_area(texts: Sequence[Text], area: TextArea) -> bool:
    """True when the paragraphs, at their sizes, fit the area."""
    paras = [face_para(t, area) for t in texts]
    return textfit.fits(paras, area.inner_width - SAFETY_PT, area.inner_height - SAFETY_PT)


def sized(texts: Sequence[Text], step: int) -> list[Text]:
    """The paragraphs `step` steps below their starting sizes, none below its floor."""
    return [replace(t, size=max(t.min_size, t.max_size - STEP * step)) for t in texts]


def steps(texts: Sequence[Text]) -> int:
    """How many steps take every paragraph down to its floor."""
    span = max((t.max_size - t.min_size for t in texts), default=0)
    return max(0, math.ceil(span / STEP))


def shrink(texts: Sequence[Text], area: TextArea) -> list[Text] | None:
    """The paragraphs at the largest common step that fits the area, or None."""
    for step in range(steps(texts) + 1):
        trial = sized(texts, step)
        if fits_area(trial, area):
            return trial
    return None
