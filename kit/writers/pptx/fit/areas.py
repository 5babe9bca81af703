"""Where a slide's text goes: the text areas of one layout, as numbers and font facts."""

from __future__ import annotations

from dataclasses import dataclass

EMU_PER_PT = 12700
"""English Metric Units in a point: positions and sizes are given in EMU."""


@dataclass(frozen=True)
class TextArea:
    """A text area on a layout: where it is, its inner margins and its inherited font."""

    idx: int | None
    """Placeholder index on the layout; None for a text box the writer adds."""
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
    color: str = ""
    """RGB hex of its text; "" for what the template gives."""
    align: str = ""
    """Paragraph alignment, "l" or "ctr"; "" for what the template gives."""
    anchor: str = ""
    """Where its text stands, "t" or "ctr"; "" for what the template gives."""
    floor: float = 0.0
    """Points body text in it shrinks to at most (kit's own floors when 0)."""

    @property
    def inner_width(self) -> float:
        """Points available for a line."""
        return (self.width - self.insets[0] - self.insets[2]) / EMU_PER_PT

    @property
    def inner_height(self) -> float:
        """Points available for lines."""
        return (self.height - self.insets[1] - self.insets[3]) / EMU_PER_PT


@dataclass(frozen=True)
class SlideAreas:
    """The text areas a slide's text goes into on one layout."""

    layout: str
    """The layout's name."""
    title: TextArea
    """Where the title goes; `idx` None when the writer adds the box itself."""
    body: TextArea
    """Where the face text goes."""
    kicker: TextArea | None
    """The small line above the title, when the layout has a place for it."""
    caption: TextArea | None
    """The line below the body, when the layout has a place for it."""
    rule: Rule | None = None
    """A short rule the writer draws above the kicker; None where the layout has its own."""
    panel: Panel | None = None
    """A panel the writer lays under all the text, on a background too busy to read on."""


@dataclass(frozen=True)
class Rule:
    """A short filled bar on a slide, EMU, and its colour as RGB hex."""

    left: int
    top: int
    width: int
    height: int
    color: str


PANEL_OPACITY = 0.85
"""How much of a panel's colour shows over a busy background picture under it."""


@dataclass(frozen=True)
class Panel:
    """A rectangle laid under a slide's text, EMU, in RGB hex at an opacity from 0 to 1."""

    left: int
    top: int
    width: int
    height: int
    color: str
    opacity: float = PANEL_OPACITY
    """`PANEL_OPACITY` over a busy background; 1 over furniture, which must not show through
    the text (a drawn line would run through its words)."""
