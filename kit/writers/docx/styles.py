"""The paragraph styles kit's documents use, added to any base document that lacks them.

Kit's own base document (templates/base.docx, made by design/make_base_docx.py) sets the
body font and Normal; every other style comes from the specs here, in Calibri and teal.
A church's template keeps all of its own styles; only the ones it lacks are added, and
those fit its look: text that titles something takes the font and colour of the
template's Heading 1, and kit's rules take the template's accent colour (its theme's
accent1, or its Heading 1 colour when it has no theme).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.shared import Length, Pt
from docx.styles.style import BaseStyle
from lxml import etree

from kit.writers.docx.numbering import NUMBERED_STYLES, ensure_numbering
from kit.writers.ooxml import nsdecls, qn

ACCENT = "2E5E6E"
"""The accent colour for headings and rules: a deep teal that prints as a dark grey."""
INK = "1F1F1F"
"""Body text: near-black, softer than pure black on screen and identical on paper."""
MUTED = "595959"
"""Secondary text: meta lines, references, footers."""
RULE = "9A9A9A"
"""Hairlines: table rules and ruled writing lines."""


@dataclass(frozen=True)
class StyleSpec:
    """How to make one paragraph style when the document lacks it."""

    base: str | None = "Normal"
    """Style it inherits from."""
    heading_font: bool = False
    """Set in the document's heading font (the one its Heading 1 uses)."""
    size: float | None = None
    """Font size in points."""
    bold: bool | None = None
    """Bold text."""
    italic: bool | None = None
    """Italic text."""
    caps: bool = False
    """All capitals (as a display attribute; the text keeps its case)."""
    tracking: float | None = None
    """Extra letter spacing in points."""
    color: str | None = None
    """heading (the headings' colour), ink, muted, or None to inherit."""
    before: float | None = None
    """Space before in points."""
    after: float | None = None
    """Space after in points."""
    line: float | None = None
    """Line height as a multiple of single spacing."""
    keep_next: bool = False
    """Keep with the next paragraph."""
    keep_lines: bool = False
    """Keep the paragraph's lines on one page."""
    contextual: bool = False
    """No space between neighbouring paragraphs of this style, only around the group."""
    indent: float | None = None
    """Left indent in points."""
    hanging: float | None = None
    """Hanging indent in points."""
    rule_left: bool = False
    """A thin rule in the accent colour down the left side."""
    rule_below: float | None = None
    """An accent rule under the paragraph, this many points thick."""
    rule_above: float | None = None
    """An accent rule over the paragraph, this many points thick."""
    outline: int | None = None
    """Outline level (0 = level 1), for headings the contents and navigation pane list."""
    align: str | None = None
    """left, center, right or both."""
    next_style: str | None = None
    """Style of the paragraph that follows when typing in Word."""


_H = StyleSpec
# fmt: off
STYLES: dict[str, StyleSpec] = {
    "Heading 1": _H(heading_font=True, size=22, bold=True, color="heading", before=12, after=14,
                    line=1.0, keep_next=True, keep_lines=True, rule_below=1, outline=0),
    "Heading 2": _H(heading_font=True, size=14, bold=True, color="heading", before=14, after=5,
                    line=1.0, keep_next=True, keep_lines=True, outline=1),
    "Heading 3": _H(heading_font=True, size=11.5, bold=True, color="ink", before=14, after=3,
                    line=1.0, keep_next=True, keep_lines=True, outline=2),
    "Title": _H(heading_font=True, size=34, bold=True, color="heading", before=0, after=10,
                line=0.95, keep_next=True, next_style="Subtitle"),
    "Subtitle": _H(heading_font=True, size=16, color="muted", after=10, keep_next=True),
    "TOC Heading": _H(base="Heading 1", outline=9, next_style="Normal"),
    "toc 1": _H(heading_font=True, size=12, before=9, after=0, line=1.0),
    "toc 2": _H(size=11, indent=14, before=2, after=0, line=1.0),
    "List Bullet": _H(after=3),
    "List Number": _H(after=3),
    "Header": _H(heading_font=True, size=9, color="muted", after=0, line=1.0),
    "Footer": _H(heading_font=True, size=9, color="muted", after=0, line=1.0),
    "Kit Lead": _H(size=13.5, italic=True, color="ink", before=0, after=14, line=1.1),
    "Kit Meta": _H(heading_font=True, size=9.5, color="muted", after=8, keep_next=True),
    "Kit Kicker": _H(heading_font=True, size=9, bold=True, caps=True, tracking=0.8,
                     color="heading", after=4, keep_next=True),
    "Kit Question": _H(bold=True, before=10, after=2, keep_next=True, keep_lines=True),
    "Kit Prompt": _H(before=7, after=0, keep_next=True, keep_lines=True),
    "Kit Note": _H(size=10, italic=True, color="ink", indent=12, before=2, after=5,
                   rule_left=True, keep_lines=True),
    "Kit Label": _H(heading_font=True, size=9, color="muted", indent=12, after=1,
                    keep_next=True),
    "Kit Read Aloud": _H(size=13, before=8, after=10, line=1.15, keep_lines=True),
    "Kit Small": _H(heading_font=True, size=9, color="muted", after=3),
    "Kit Contact": _H(heading_font=True, size=10, after=2),
    "Kit Scripture": _H(italic=True, indent=12, after=4, rule_left=True, keep_next=True),
    "Kit Reference": _H(heading_font=True, size=9, color="muted", indent=12, after=10),
    "Kit Cover": _H(heading_font=True, size=13, color="ink", before=24, after=24,
                    contextual=True),
    "Kit Cover Kicker": _H(heading_font=True, size=10, bold=True, caps=True, tracking=1.5,
                           color="heading", before=150, after=14, rule_above=3, keep_next=True),
    "Kit Cover Meta": _H(heading_font=True, size=10.5, color="muted", before=10, after=10,
                         contextual=True),
    "Kit Check": _H(after=3),
    "Kit Table Text": _H(heading_font=True, size=10, before=0, after=0, line=1.0),
    "Kit Table Head": _H(heading_font=True, size=8.5, bold=True, caps=True, tracking=0.5,
                         color="heading", before=0, after=0, line=1.0, keep_next=True),
    "Kit Write Line": _H(size=4, before=0, after=0, line=1.0),
    "Kit Spacer": _H(size=4, before=6, after=0, line=1.0, keep_next=True),
    "Kit Box Title": _H(heading_font=True, size=10.5, bold=True, color="heading", after=3,
                        keep_next=True),
}
# fmt: on
"""Every paragraph style kit writes in, by name; bases come before the styles built on them."""

BLOCK_STYLES = {
    "body": "Normal",
    "lead": "Kit Lead",
    "meta": "Kit Meta",
    "kicker": "Kit Kicker",
    "question": "Kit Question",
    "prompt": "Kit Prompt",
    "note": "Kit Note",
    "label": "Kit Label",
    "small": "Kit Small",
    "contact": "Kit Contact",
    "read-aloud": "Kit Read Aloud",
    "scripture": "Kit Scripture",
    "reference": "Kit Reference",
    "cover": "Kit Cover",
    "cover-kicker": "Kit Cover Kicker",
    "cover-meta": "Kit Cover Meta",
    "title": "Title",
    "subtitle": "Subtitle",
    "heading": "TOC Heading",
}
"""Which document style each block style is written in."""

_INTERNAL = {"Heading 1": "heading 1", "Heading 2": "heading 2", "Heading 3": "heading 3"}
_INTERNAL |= {"Header": "header", "Footer": "footer"}
"""Names Word stores in lower case for its built-in styles."""


def style_key(name: str) -> str:
    """The key a style is found by, whatever case Word or python-docx gives its name."""
    return name.lower()


def style_id(name: str) -> str:
    """The id kit gives a style it adds: its name without spaces, as Word does."""
    return "".join(part[:1].upper() + part[1:] for part in name.split())


class Look:
    """A document's heading font and colour, as its Heading 1 has them, and its accent colour."""

    def __init__(
        self,
        fonts: etree._Element | None,
        heading: etree._Element,
        accent: etree._Element | None = None,
    ) -> None:
        self.fonts = fonts
        """A w:rFonts element, or None to inherit the body font."""
        self.heading = heading
        """A w:color element for text that titles something (a value, or a theme colour)."""
        self.accent = heading if accent is None else accent
        """A w:color element for rules, borders and boxes; the heading colour unless given."""

    @classmethod
    def of(cls, styles: etree._Element, theme_accent: str | None = None) -> Look:
        """The look of a styles part, read from its Heading 1 and the styles it is based on.

        `theme_accent` is the RRGGBB of the document's theme accent1, when it has a theme.
        """
        by_id = {s.get(qn("w:styleId")): s for s in styles.iter(qn("w:style"))}
        heading = next((s for s in by_id.values() if _name(s) == "heading 1"), None)
        fonts = _inherited(by_id, heading, "w:rFonts")
        color = _inherited(by_id, heading, "w:color")
        if color is None or color.get(qn("w:val")) in (None, "auto"):
            # Headings in plain black: kit's touches stay black too, not a colour of its own.
            color = _el("w:color", val=INK)
        # The value is what a reader without the theme shows; Word follows the theme colour.
        accent = _el("w:color", val=theme_accent, themeColor="accent1") if theme_accent else None
        return cls(fonts, color, accent)

    @classmethod
    def kit(cls, heading_font: str) -> Look:
        """Kit's own look: a heading font and the teal for headings and rules alike."""
        fonts = _el("w:rFonts", ascii=heading_font, hAnsi=heading_font, cs=heading_font)
        return cls(fonts, _el("w:color", val=ACCENT))

    def color(self, role: str) -> etree._Element:
        """A w:color element for a text role: heading, ink or muted."""
        if role == "heading":
            return copy.deepcopy(self.heading)
        return _el("w:color", val=INK if role == "ink" else MUTED)


def _inherited(
    by_id: dict[str, etree._Element], style: etree._Element | None, tag: str
) -> etree._Element | None:
    """A run property of a style, looked up through the styles it is based on."""
    seen: set[str] = set()
    while style is not None and style.get(qn("w:styleId")) not in seen:
        seen.add(style.get(qn("w:styleId")))
        found = style.find(f"{qn('w:rPr')}/{qn(tag)}")
        if found is not None:
            return found
        based = style.find(qn("w:basedOn"))
        style = by_id.get(based.get(qn("w:val"))) if based is not None else None
    return None


def _name(style: etree._Element) -> str:
    name = style.find(qn("w:name"))
    return (name.get(qn("w:val")) or "").lower() if name is not None else ""


def _twips(points: float) -> int:
    return round(points * 20)


def new_style(name: str, spec: StyleSpec, look: Look, ids: dict[str, str]) -> etree._Element:
    """A w:style element for one spec, in the document's look."""
    internal = _INTERNAL.get(name, name)
    custom = "" if name in _INTERNAL or not name.startswith("Kit ") else ' w:customStyle="1"'
    parts = [f'<w:name w:val="{internal}"/>']
    if spec.base and style_key(spec.base) in ids:
        parts.append(f'<w:basedOn w:val="{ids[style_key(spec.base)]}"/>')
    following = spec.next_style or ("Normal" if spec.keep_next else None)
    if following and style_key(following) in ids:
        parts.append(f'<w:next w:val="{ids[style_key(following)]}"/>')
    parts.append('<w:uiPriority w:val="9"/>' if spec.outline is not None else "")
    parts.append("<w:qFormat/>")
    style = parse_xml(
        f'<w:style {nsdecls("w")} w:type="paragraph"{custom} w:styleId="{style_id(name)}">'
        f"{''.join(parts)}<w:pPr/><w:rPr/></w:style>"
    )
    _paragraph_props(style.find(qn("w:pPr")), spec, look)
    _run_props(style.find(qn("w:rPr")), spec, look)
    return style


def _paragraph_props(ppr: etree._Element, spec: StyleSpec, look: Look) -> None:
    # Children are appended in the order the schema requires.
    if spec.keep_next:
        ppr.append(_el("w:keepNext"))
    if spec.keep_lines:
        ppr.append(_el("w:keepLines"))
    borders = []
    if spec.rule_above:
        borders.append(_border("top", round(spec.rule_above * 8), 14, look.accent))
    if spec.rule_left:
        borders.append(_border("left", 12, 8, look.accent))
    if spec.rule_below:
        borders.append(_border("bottom", round(spec.rule_below * 8), 6, look.accent))
    if borders:
        pbdr = _el("w:pBdr")
        for side in ("top", "left", "bottom"):
            pbdr.extend(b for b in borders if b.tag == qn(f"w:{side}"))
        ppr.append(pbdr)
    spacing = {}
    if spec.before is not None:
        spacing["before"] = _twips(spec.before)
    if spec.after is not None:
        spacing["after"] = _twips(spec.after)
    if spec.line is not None:
        spacing["line"] = round(spec.line * 240)
        spacing["lineRule"] = "auto"
    if spacing:
        ppr.append(_el("w:spacing", **spacing))
    if spec.indent is not None or spec.hanging is not None:
        ind = {"left": _twips(spec.indent or 0)}
        if spec.hanging:
            ind["hanging"] = _twips(spec.hanging)
        ppr.append(_el("w:ind", **ind))
    if spec.contextual:
        ppr.append(_el("w:contextualSpacing"))
    if spec.align:
        ppr.append(_el("w:jc", val=spec.align))
    if spec.outline is not None:
        ppr.append(_el("w:outlineLvl", val=spec.outline))


def _run_props(rpr: etree._Element, spec: StyleSpec, look: Look) -> None:
    if spec.heading_font and look.fonts is not None:
        rpr.append(copy.deepcopy(look.fonts))
    for tag, value in (("b", spec.bold), ("i", spec.italic)):
        if value is not None:
            rpr.append(_el(f"w:{tag}") if value else _el(f"w:{tag}", val=0))
            rpr.append(_el(f"w:{tag}Cs") if value else _el(f"w:{tag}Cs", val=0))
    if spec.caps:
        rpr.append(_el("w:caps"))
    if spec.color:
        rpr.append(look.color(spec.color))
    if spec.tracking:
        rpr.append(_el("w:spacing", val=_twips(spec.tracking)))
    if spec.size:
        rpr.append(_el("w:sz", val=round(spec.size * 2)))
        rpr.append(_el("w:szCs", val=round(spec.size * 2)))


def _el(tag: str, **attrs: object) -> etree._Element:
    el = etree.Element(qn(tag))
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def _border(side: str, size: int, space: int, color: etree._Element) -> etree._Element:
    attrs = {"val": "single", "sz": size, "space": space, "color": color.get(qn("w:val"))}
    el = _el(f"w:{side}", **attrs)
    for key in ("themeColor", "themeShade", "themeTint"):
        if color.get(qn(f"w:{key}")) is not None:
            el.set(qn(f"w:{key}"), color.get(qn(f"w:{key}")))
    return el


def style_ids(styles: etree._Element) -> dict[str, str]:
    """The id of each style in a styles part, by key (its name in lower case)."""
    return {_name(s): s.get(qn("w:styleId")) for s in styles.iter(qn("w:style"))}


def ensure_styles(doc: DocxDocument, look: Look | None = None) -> dict[str, str]:
    """Add every style kit needs that the document lacks; return style ids by key."""
    styles = doc.styles.element
    ids = style_ids(styles)
    taken = set(ids.values())
    look = look or Look.of(styles)
    for name, spec in STYLES.items():
        if style_key(_INTERNAL.get(name, name)) in ids:
            continue
        element = new_style(name, spec, look, ids)
        sid = element.get(qn("w:styleId"))
        while sid in taken:
            sid += "Kit"
        element.set(qn("w:styleId"), sid)
        styles.append(element)
        ids[style_key(_INTERNAL.get(name, name))] = sid
        taken.add(sid)
    ensure_numbering(doc, {name: ids[style_key(name)] for name in NUMBERED_STYLES})
    return ids


LARGE_BODY = 16.0
"""The least size, in points, of any text in large print."""
LARGE_SCALE = 1.25
"""How much larger than the ordinary style a large-print style is set, at least."""
LARGE_LINE = 1.5
"""Line height of large-print text, as a multiple of single spacing."""
_NO_TEXT = frozenset({"kit write line", "kit spacer"})
"""Styles of the empty paragraphs that rule writing lines and space boxes: never enlarged."""
_DISPLAY = frozenset({"title", "subtitle", "toc heading"})
"""Styles of display text, which keep their own line height as headings do."""


def enlarge(doc: DocxDocument) -> None:
    """Set every paragraph style of a document in large print.

    Each style's text is made `LARGE_SCALE` times its size and at least `LARGE_BODY`
    points, and body text gets `LARGE_LINE` spacing; headings keep their own line
    height. Done on the styles, so every paragraph written in them follows, in kit's
    base and in a church's template alike.
    """
    default = _default_size(doc.styles.element)
    styles = [
        s
        for s in doc.styles
        if s.type == WD_STYLE_TYPE.PARAGRAPH and style_key(s.name or "") not in _NO_TEXT
    ]
    # Every size is read before any is set: a style that inherits its size would
    # otherwise be enlarged twice, once through the style it is based on.
    before = [_size_of(style, default) for style in styles]
    for style, ordinary in zip(styles, before, strict=True):
        size = ordinary * LARGE_SCALE
        # Every line, the header's and footer's too, is read at the body's least size.
        style.font.size = Pt(round(max(size, LARGE_BODY) * 2) / 2)
        _complex_size(style.element, style.font.size)
        if not _is_heading(style):
            style.paragraph_format.line_spacing = LARGE_LINE


def _is_heading(style: BaseStyle) -> bool:
    """Whether a style sets headings or display text, which keep their own line height."""
    key = style_key(style.name or "")
    outline = style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    return key in _DISPLAY or key.startswith("heading ") or outline is not None


def _default_size(styles: etree._Element) -> float:
    """The document's default text size in points (Word's 10 when it sets none)."""
    found = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
    value = found.get(qn("w:val")) if found is not None else None
    return int(value) / 2 if value and value.isdigit() else 10.0


def _size_of(style: BaseStyle, default: float) -> float:
    """A style's text size in points, from it or the styles it is based on."""
    seen: set[str] = set()
    current: BaseStyle | None = style
    while current is not None and current.style_id not in seen:
        seen.add(current.style_id)
        size = current.font.size
        if size is not None:
            return size.pt
        current = current.base_style
    return default


def _complex_size(style: etree._Element, size: Length | None) -> None:
    """Give a style's right-to-left and complex-script text the size of the rest."""
    szcs = style.find(f"{qn('w:rPr')}/{qn('w:szCs')}")
    if szcs is not None and size is not None:
        szcs.set(qn("w:val"), str(round(size.pt * 2)))
