"""Plan a composed slide on a layout: sizes, and continuation slides when the text needs them.

Paragraphs shrink to their floors first (see paragraphs), and a title down to 28 points
before it takes room from the body below it (see titles). What does not fit at the floor
is carried onto continuation slides at paragraph, list item or sentence boundaries, and
only for a sentence longer than a whole slide at word boundaries. Nothing is cut inside
a word and nothing is left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from kit.compose.blocks import Inline, Run
from kit.compose.blocks import Slide as ComposedSlide
from kit.writers.pptx.fit import textfit
from kit.writers.pptx.fit.areas import SlideAreas, TextArea
from kit.writers.pptx.fit.paragraphs import (
    ROLE_OF_STYLE,
    SAFETY_PT,
    Text,
    face_para,
    face_texts,
    fits_area,
    shrink,
    sized,
    starting,
    steps,
)
from kit.writers.pptx.fit.titles import TITLE_MIN, balanced, fit_title, place_title, short_title

CONTINUED = " (continued)"
"""Added to the title of a continuation slide."""


@dataclass
class PlannedSlide:
    """One slide as written: its title and the paragraphs of each area."""

    title: str
    """The title's text, with a line break where it is set on two lines."""
    title_size: float
    """The title's size in points."""
    areas: SlideAreas
    """The areas, as the layout has them or with the title grown into the body's room."""
    kicker: list[Text] = field(default_factory=list)
    """Paragraphs of the kicker area."""
    body: list[Text] = field(default_factory=list)
    """Paragraphs of the body area."""
    caption: list[Text] = field(default_factory=list)
    """Paragraphs of the caption area."""
    part: int = 1
    """1 for the slide itself, 2 and on for its continuation slides."""
    title_cut: bool = False
    """The title was too long for its area: it ends in an ellipsis and leads the body."""


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

    def joined(self, piece: Text) -> list[Text]:
        """The current page with the piece added, joined to the paragraph it continues."""
        if self.current and piece.continued and self.current[-1].origin == piece.origin:
            return [*self.current[:-1], _join(self.current[-1], piece)]
        return [*self.current, piece]

    def place(self, piece: Text, level: str = "") -> None:
        trial = self.joined(piece)
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
    texts: list[Text], area: TextArea, front: list[Text], back: list[Text]
) -> list[list[Text]]:
    """The body paragraphs in as few pages as fit the area at the minimum size, evened out."""
    low = sized(texts, 99)
    fixed_front, fixed_back = sized(front, 99), sized(back, 99)

    def pack(shrink_by: float) -> list[list[Text]]:
        def fits(paras: list[Text]) -> bool:
            paras = [*fixed_front, *paras, *fixed_back]
            measured = [face_para(t, area) for t in paras]
            room = area.inner_height - SAFETY_PT - shrink_by
            return textfit.fits(measured, area.inner_width - SAFETY_PT, room, broken_ok=True)

        packer = _Packer(fits)
        for text in low:
            packer.place(text)
        return packer.done()

    pages = pack(0.0)
    if len(pages) < 2:
        return pages
    # Shrink the usable height while the page count holds, so pages come out even.
    lo, hi = 0.0, area.inner_height * (1 - 1 / len(pages))
    for _ in range(8):
        mid = (lo + hi) / 2
        if len(pack(mid)) == len(pages):
            lo = mid
        else:
            hi = mid
    return pack(lo)


def plan(slide: ComposedSlide, areas: SlideAreas) -> list[PlannedSlide]:
    """The slides a composed slide becomes on a layout: itself and any continuation slides."""
    roles: dict[str, list[Text]] = {"kicker": [], "body": [], "caption": []}
    for text in face_texts(slide.blocks):
        role = ROLE_OF_STYLE.get(text.style, "body")
        own = areas.kicker if role == "kicker" else areas.caption if role == "caption" else None
        if own is not None:
            roles[role].append(starting(text, own, own_area=True))
        else:
            roles["body"].append(starting(text, areas.body, own_area=False))

    # A kicker or caption too long for its own area joins the body.
    kicker = shrink(roles["kicker"], areas.kicker) if areas.kicker and roles["kicker"] else []
    if kicker is None:
        kicker = []
        roles["body"][:0] = [starting(t, areas.body, False) for t in roles["kicker"]]
    caption = []
    if areas.caption and roles["caption"]:
        caption = shrink(roles["caption"], areas.caption)
    if caption is None:
        caption = []
        roles["body"].extend(starting(t, areas.body, False) for t in roles["caption"])

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
        needs_room = shrink(body, areas.body) is not None
        placed = place_title(
            title, areas, lambda grown: not needs_room or shrink(body, grown.body) is not None
        )
        if placed is None:
            # Better a whole title and a continuation slide than a title cut short.
            placed = place_title(title, areas)
        if placed is not None:
            areas, size = placed
            fitted = (title, size)
        else:
            # Too long for any title area: its start is the title, all of it leads the body.
            label = " ".join(r.text for t in roles["kicker"] for r in t.runs)
            fitted = short_title(title, areas.title, label)
            main.insert(0, starting(Text((Run(title),), "lead", origin=-1), areas.body, False))
            cut = True

    whole = shrink([*front, *main, *back], areas.body)
    if whole is not None:
        shown = balanced(fitted[0], areas.title, fitted[1]) if title else ""
        return [PlannedSlide(shown, fitted[1], areas, kicker, whole, caption, title_cut=cut)]

    chunks = paginate(main, areas.body, front, back)
    step = 0
    for chunk in chunks:
        paras = [*front, *chunk, *back]
        fitting = (s for s in range(steps(paras) + 1) if fits_area(sized(paras, s), areas.body))
        step = max(step, next(fitting, 99))
    pages = []
    for n, chunk in enumerate(chunks, 1):
        page_title = fitted
        if n > 1 and title:
            page_title = fit_title(fitted[0] + CONTINUED, areas.title) or fitted
        body_texts = sized([*front, *chunk, *back], step)
        shown = balanced(page_title[0], areas.title, page_title[1]) if title else ""
        pages.append(PlannedSlide(shown, page_title[1], areas, kicker, body_texts, caption, n, cut))
    return pages


def badness(pages: Sequence[PlannedSlide]) -> tuple[int, int, float]:
    """How far a plan falls short of one slide with its whole title: lower is better."""
    cut = sum(p.title_cut for p in pages[:1])
    body = min((t.size / t.max_size for p in pages for t in p.body if t.max_size), default=1.0)
    return len(pages), cut, -body
