"""Fit a composed slide to its layout's boxes: font sizes, and continuation slides when needed.

Every paragraph starts at the size the template gives its box and shrinks in 2-point
steps to a floor: three quarters of its starting size, so the room can still read it,
and never below 18 points. A title shrinks to 28 points, then takes room from the body
below it. What does not fit at the floor is carried onto continuation slides at
paragraph, list item or sentence boundaries, and only for a sentence longer than a whole
slide at word boundaries. Nothing is cut inside a word and nothing is left out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from kit.compose.blocks import Block, Box, Heading, Inline, ListBlock, Paragraph, Run, Table
from kit.compose.blocks import Slide as ComposedSlide
from kit.writers import textfit
from kit.writers.pptx_template import EMU_PER_PT, Frames
from kit.writers.pptx_template import Box as LayoutBox

BODY_MIN = 18
TITLE_MIN = 28
STEP = 2
COMFORT = 0.75
"""Body text shrinks to this share of its starting size before it moves to a new slide."""
MAX_TITLE_LINES = 2
"""Lines a title may wrap to before it shrinks, unless it is already at 28 points."""
TITLE_BORROW = 0.4
"""Largest share of the body's height a long title may take from the box below it."""
SAFETY_PT = 2.0
"""Points kept free at the bottom and right of every box for renderer rounding."""

ELLIPSIS = "\u2026"
CONTINUED = " (continued)"

STYLE_SCALE = {"lead": 1.15, "small": 0.8, "kicker": 0.72, "caption": 0.8, "reference": 0.8}
"""Size of a style next to the body text of its box (1 when not listed)."""
LABEL_MAX = {"kicker": 20, "caption": 22, "reference": 22}
"""Largest size of the small lines when they share the body's box."""

KICKER_SPACING = 1.5
"""Points between the letters of a kicker line, which is set in bold capitals."""

ROLE_OF_STYLE = {"kicker": "kicker", "reference": "caption", "caption": "caption"}
"""Paragraph styles that go to a layout's own kicker or caption box when it has one."""


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
        """Space before in points, when it is not the first paragraph of its box."""
        if self.continued:
            return 0.0
        return self.size * (0.3 if self.bullet else 0.45)

    @property
    def indent(self) -> float:
        """Left indent in points; a bullet or number hangs in it."""
        if not self.bullet:
            return 0.0
        return self.size * (1.5 if self.bullet == "number" else 1.0)


@dataclass
class Page:
    """One slide as written: its title and the paragraphs of each box."""

    title: str
    """The title's text."""
    title_size: float
    """The title's size in points."""
    frames: Frames
    """The boxes, as the layout has them or with the title grown into the body's room."""
    kicker: list[Text] = field(default_factory=list)
    """Paragraphs of the kicker box."""
    body: list[Text] = field(default_factory=list)
    """Paragraphs of the body box."""
    caption: list[Text] = field(default_factory=list)
    """Paragraphs of the caption box."""
    part: int = 1
    """1 for the slide itself, 2 and on for its continuation slides."""
    title_cut: bool = False
    """The title was too long for its box: it ends in an ellipsis and leads the body."""


def face_para(text: Text, box: LayoutBox) -> textfit.Para:
    """The measuring view of a paragraph in a box."""
    pieces = tuple(
        textfit.Piece(
            run.text,
            textfit.face(box.typeface, box.bold or run.bold or text.caps, box.italic or run.italic),
        )
        for run in text.runs
    )
    return textfit.Para(
        pieces,
        text.size,
        before=text.before,
        indent=text.indent,
        spacing=KICKER_SPACING if text.caps else box.spacing,
        caps=text.caps or box.caps,
    )


def _fits(texts: Sequence[Text], box: LayoutBox) -> bool:
    paras = [face_para(t, box) for t in texts]
    return textfit.fits(paras, box.inner_width - SAFETY_PT, box.inner_height - SAFETY_PT)


def _sized(texts: Sequence[Text], step: int) -> list[Text]:
    return [replace(t, size=max(t.min_size, t.max_size - STEP * step)) for t in texts]


def _steps(texts: Sequence[Text]) -> int:
    span = max((t.max_size - t.min_size for t in texts), default=0)
    return max(0, math.ceil(span / STEP))


def shrink(texts: Sequence[Text], box: LayoutBox) -> list[Text] | None:
    """The paragraphs at the largest common step that fits the box, or None."""
    for step in range(_steps(texts) + 1):
        sized = _sized(texts, step)
        if _fits(sized, box):
            return sized
    return None


# --- from composed blocks to paragraphs --------------------------------------------


def _texts(blocks: Sequence[Block]) -> list[Text]:
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
            out.extend(_texts(block.blocks))
    return [replace(t, origin=i) for i, t in enumerate(out)]


def _start(text: Text, box: LayoutBox, own_box: bool) -> Text:
    scale = 1.0 if own_box else STYLE_SCALE.get(text.style, 1.0)
    size = max(BODY_MIN, round(box.size * scale))
    if not own_box:
        size = min(size, LABEL_MAX.get(text.style, size))
    floor = BODY_MIN if own_box or text.style in ROLE_OF_STYLE else round(size * COMFORT)
    return replace(text, max_size=size, size=size, min_size=max(BODY_MIN, floor))


# --- splitting ---------------------------------------------------------------------


def _slice(runs: Inline, start: int, end: int) -> Inline:
    out: list[Run] = []
    at = 0
    for run in runs:
        lo, hi = max(start, at), min(end, at + len(run.text))
        if lo < hi:
            out.append(Run(run.text[lo - at : hi - at], run.bold, run.italic))
        at += len(run.text)
    return tuple(out)


def _cuts(runs: Inline, pattern: re.Pattern[str]) -> list[Inline]:
    plain = "".join(r.text for r in runs)
    pieces: list[Inline] = []
    start = 0
    for match in pattern.finditer(plain):
        pieces.append(_slice(runs, start, match.start()))
        start = match.end()
    pieces.append(_slice(runs, start, len(plain)))
    return [p for p in pieces if "".join(r.text for r in p).strip()]


_SENTENCE_GAP = re.compile(r"(?<=[.!?\u2026][\"'\u201d\u2019)\]])\s+|(?<=[.!?\u2026])\s+(?=\S)")
_WORD_GAP = re.compile(r"\s+")


def split(text: Text, level: str) -> list[Text]:
    """A paragraph cut into sentences or words, each a piece of the same paragraph."""
    pattern = _SENTENCE_GAP if level == "sentence" else _WORD_GAP
    pieces = _cuts(text.runs, pattern)
    return [
        replace(text, runs=piece, continued=text.continued or i > 0)
        for i, piece in enumerate(pieces)
    ]


def _join(a: Text, b: Text) -> Text:
    return replace(a, runs=(*a.runs, Run(" "), *b.runs))


class _Packer:
    """Greedy filling of pages at the minimum size, at a given usable height."""

    def __init__(self, fits: Callable[[list[Text]], bool]) -> None:
        self.fits = fits
        self.pages: list[list[Text]] = []
        self.current: list[Text] = []

    def _with(self, piece: Text) -> list[Text]:
        if self.current and piece.continued and self.current[-1].origin == piece.origin:
            return [*self.current[:-1], _join(self.current[-1], piece)]
        return [*self.current, piece]

    def place(self, piece: Text, level: str = "") -> None:
        trial = self._with(piece)
        if self.fits(trial):
            self.current = trial
            return
        if self.current and self.fits([piece]):
            self.pages.append(self.current)
            self.current = [piece]
            return
        if level == "":
            for part in split(piece, "sentence"):
                self.place(part, "sentence")
        elif level == "sentence":
            for part in split(piece, "word"):
                self.place(part, "word")
        else:  # one word taller than a slide: it goes alone, the renderer wraps it
            if self.current:
                self.pages.append(self.current)
            self.current = [piece]

    def done(self) -> list[list[Text]]:
        """The pages filled."""
        if self.current:
            self.pages.append(self.current)
            self.current = []
        return self.pages


def paginate(
    texts: list[Text], box: LayoutBox, front: list[Text], back: list[Text]
) -> list[list[Text]]:
    """The body paragraphs in as few pages as fit the box at the minimum size, evened out."""
    low = _sized(texts, 99)
    fixed_front, fixed_back = _sized(front, 99), _sized(back, 99)

    def pack(shrink_by: float) -> list[list[Text]]:
        def fits(paras: list[Text]) -> bool:
            paras = [*fixed_front, *paras, *fixed_back]
            measured = [face_para(t, box) for t in paras]
            room = box.inner_height - SAFETY_PT - shrink_by
            return textfit.fits(measured, box.inner_width - SAFETY_PT, room, broken_ok=True)

        packer = _Packer(fits)
        for text in low:
            packer.place(text)
        return packer.done()

    pages = pack(0.0)
    if len(pages) < 2:
        return pages
    # Shrink the usable height while the page count holds, so pages come out even.
    lo, hi = 0.0, box.inner_height * (1 - 1 / len(pages))
    for _ in range(8):
        mid = (lo + hi) / 2
        if len(pack(mid)) == len(pages):
            lo = mid
        else:
            hi = mid
    return pack(lo)


# --- titles ------------------------------------------------------------------------


def _title_para(text: str, box: LayoutBox, size: float) -> textfit.Para:
    face = textfit.face(box.typeface, box.bold, box.italic)
    piece = textfit.Piece(text, face)
    return textfit.Para((piece,), size, line=0.9, spacing=box.spacing, caps=box.caps)


def _title_sizes(box: LayoutBox) -> range:
    return range(max(TITLE_MIN, round(box.size)), TITLE_MIN - 1, -STEP)


def fit_title(text: str, box: LayoutBox) -> tuple[str, float] | None:
    """The title at the largest size from its box's down to 28 points that fits, or None."""
    for size in _title_sizes(box):
        para = _title_para(text, box, size)
        if textfit.fits([para], box.inner_width - SAFETY_PT, box.inner_height - SAFETY_PT):
            return text, size
    return None


def place_title(
    text: str, frames: Frames, accept: Callable[[Frames], bool] = lambda _: True
) -> tuple[Frames, float] | None:
    """The largest title size that fits its box, or the box grown into the body's room.

    Growing keeps titles at one size across a deck: a two-line heading stays as large
    as a one-line one, and the body below gives up the room, as long as `accept` says
    the body still has what it needs.
    """
    title, body = frames.title, frames.body
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
            return frames, float(size)
        # Past two lines a smaller title reads better than a taller one, down to 28 pt.
        lines = textfit.line_count(para, width)
        if lines > MAX_TITLE_LINES and size > TITLE_MIN:
            continue
        if below and beside and grow <= body.height * TITLE_BORROW:
            grown = replace(
                frames,
                title=replace(title, height=title.height + grow),
                body=replace(body, top=body.top + grow, height=body.height - grow),
            )
            if accept(grown):
                return grown, float(size)
    return None


def short_title(text: str, box: LayoutBox, spare: str = "") -> tuple[str, float]:
    """As many whole words of a long title as fit at 28 points, ended with an ellipsis.

    When not even its first word fits, `spare` (the slide's kicker) stands in, or an
    ellipsis alone: the whole title leads the body either way.
    """
    words = text.split()
    lo, hi = 1, len(words)
    best = None
    while lo <= hi:
        mid = (lo + hi) // 2
        fitted = fit_title(" ".join(words[:mid]) + ELLIPSIS, box)
        if fitted is not None:
            best = (fitted[0], float(TITLE_MIN))
            lo = mid + 1
        else:
            hi = mid - 1
    if best is None:
        best = fit_title(spare, box) if spare else None
    return best or (ELLIPSIS, float(TITLE_MIN))


# --- a whole slide -------------------------------------------------------------------


def plan(slide: ComposedSlide, frames: Frames) -> list[Page]:
    """The pages a composed slide becomes on a layout."""
    roles: dict[str, list[Text]] = {"kicker": [], "body": [], "caption": []}
    for text in _texts(slide.blocks):
        role = ROLE_OF_STYLE.get(text.style, "body")
        own = frames.kicker if role == "kicker" else frames.caption if role == "caption" else None
        if own is not None:
            roles[role].append(_start(text, own, own_box=True))
        else:
            roles["body"].append(_start(text, frames.body, own_box=False))

    # A kicker or caption too long for its own box joins the body.
    kicker = shrink(roles["kicker"], frames.kicker) if frames.kicker and roles["kicker"] else []
    if kicker is None:
        kicker = []
        roles["body"][:0] = [_start(t, frames.body, False) for t in roles["kicker"]]
    caption = []
    if frames.caption and roles["caption"]:
        caption = shrink(roles["caption"], frames.caption)
    if caption is None:
        caption = []
        roles["body"].extend(_start(t, frames.body, False) for t in roles["caption"])

    edges = ("kicker", "caption", "reference")
    front = [t for t in roles["body"] if t.style == "kicker"]
    back = [t for t in roles["body"] if t.style in edges[1:]]
    main = [t for t in roles["body"] if t.style not in edges]

    title = slide.title or ""
    fitted: tuple[str, float] = ("", float(TITLE_MIN))
    cut = False
    if title:
        body = [*front, *main, *back]
        # A growing title may take the body's spare room, not room the body needs.
        needs_room = shrink(body, frames.body) is not None
        placed = place_title(
            title, frames, lambda grown: not needs_room or shrink(body, grown.body) is not None
        )
        if placed is None:
            # Better a whole title and a continuation slide than a title cut short.
            placed = place_title(title, frames)
        if placed is not None:
            frames, size = placed
            fitted = (title, size)
        else:
            # Too long for any title box: its start is the title, all of it leads the body.
            label = " ".join(r.text for t in roles["kicker"] for r in t.runs)
            fitted = short_title(title, frames.title, label)
            main.insert(0, _start(Text((Run(title),), "lead", origin=-1), frames.body, False))
            cut = True

    whole = shrink([*front, *main, *back], frames.body)
    if whole is not None:
        return [Page(fitted[0], fitted[1], frames, kicker, whole, caption, title_cut=cut)]

    chunks = paginate(main, frames.body, front, back)
    step = 0
    for chunk in chunks:
        paras = [*front, *chunk, *back]
        fitting = (s for s in range(_steps(paras) + 1) if _fits(_sized(paras, s), frames.body))
        step = max(step, next(fitting, 99))
    pages = []
    for n, chunk in enumerate(chunks, 1):
        page_title = fitted
        if n > 1 and title:
            page_title = fit_title(fitted[0] + CONTINUED, frames.title) or fitted
        body_texts = _sized([*front, *chunk, *back], step)
        pages.append(
            Page(page_title[0], page_title[1], frames, kicker, body_texts, caption, n, cut)
        )
    return pages


def badness(pages: Sequence[Page]) -> tuple[int, int, float]:
    """How far a plan falls short of one slide with its whole title: lower is better."""
    cut = sum(p.title_cut for p in pages[:1])
    body = min((t.size / t.max_size for p in pages for t in p.body if t.max_size), default=1.0)
    return len(pages), cut, -body
