"""The paragraph and table styles kit's documents use, added to any base that lacks them."""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor

ACCENT = RGBColor(0x2E, 0x5E, 0x6E)
"""The accent colour for headings and rules: a deep teal that prints well in grey."""
MUTED = RGBColor(0x59, 0x59, 0x59)
"""Grey for secondary text."""


@dataclass(frozen=True)
class StyleSpec:
    """How to make one paragraph style when the base document lacks it."""

    base: str = "Normal"
    """Style it inherits from."""
    size: float | None = None
    """Font size in points."""
    bold: bool | None = None
    """Bold text."""
    italic: bool | None = None
    """Italic text."""
    color: RGBColor | None = None
    """Text colour."""
    before: float | None = None
    """Space before in points."""
    after: float | None = None
    """Space after in points."""
    keep_next: bool = False
    """Keep with the next paragraph."""
    indent: float | None = None
    """Left indent in points."""
    caps: bool = False
    """Small capitals."""


PARAGRAPH_STYLES: dict[str, StyleSpec] = {
    "Kit Lead": StyleSpec(size=14, italic=True, color=ACCENT, before=6, after=12),
    "Kit Meta": StyleSpec(size=9.5, color=MUTED, after=6),
    "Kit Kicker": StyleSpec(size=9.5, bold=True, color=ACCENT, caps=True, after=2, keep_next=True),
    "Kit Question": StyleSpec(bold=True, before=10, after=2, keep_next=True),
    "Kit Note": StyleSpec(size=10, italic=True, color=MUTED, indent=14, after=6),
    "Kit Small": StyleSpec(size=9, color=MUTED, after=4),
    "Kit Scripture": StyleSpec(italic=True, indent=18, after=2),
    "Kit Reference": StyleSpec(size=9.5, color=MUTED, indent=18, after=10),
    "Kit Cover": StyleSpec(size=13, after=4),
    "Kit Check": StyleSpec(indent=14, after=2),
    "Kit Write Line": StyleSpec(size=14, after=0),
    "Kit Box Title": StyleSpec(bold=True, color=ACCENT, after=4, keep_next=True),
}
"""Kit's own paragraph styles, by name."""

BLOCK_STYLES = {
    "body": "Normal",
    "lead": "Kit Lead",
    "meta": "Kit Meta",
    "kicker": "Kit Kicker",
    "question": "Kit Question",
    "note": "Kit Note",
    "small": "Kit Small",
    "scripture": "Kit Scripture",
    "reference": "Kit Reference",
    "cover": "Kit Cover",
    "title": "Title",
    "subtitle": "Subtitle",
    "heading": "TOC Heading",
}
"""Which document style each block style is written in."""

BUILTIN_FALLBACKS = {
    "Title": "Heading 1",
    "Subtitle": "Heading 2",
    "TOC Heading": "Heading 1",
    "List Bullet": "Normal",
    "List Number": "Normal",
}
"""Standard styles a church template might lack, and what to base a stand-in on."""


def ensure_styles(doc: DocxDocument) -> None:
    """Add every style kit needs that the document does not define."""
    names = {s.name for s in doc.styles}
    for name, base in BUILTIN_FALLBACKS.items():
        if name not in names:
            style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = doc.styles[base] if base in names else None
            names.add(name)
    for name, spec in PARAGRAPH_STYLES.items():
        if name in names:
            continue
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[spec.base]
        style.quick_style = True
        font = style.font
        if spec.size:
            font.size = Pt(spec.size)
        font.bold = spec.bold
        font.italic = spec.italic
        font.small_caps = spec.caps or None
        if spec.color is not None:
            font.color.rgb = spec.color
        fmt = style.paragraph_format
        if spec.before is not None:
            fmt.space_before = Pt(spec.before)
        if spec.after is not None:
            fmt.space_after = Pt(spec.after)
        if spec.indent is not None:
            fmt.left_indent = Pt(spec.indent)
        if spec.keep_next:
            fmt.keep_with_next = True
