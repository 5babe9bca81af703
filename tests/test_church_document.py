"""Documents built on a church's Word template keep its look: fonts, colours, accent and logo.

What the template says is read straight from its parts (styles, theme, header), the way
Word reads it; what the built documents say is read with python-docx, following each
paragraph's style chain as Word resolves it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from helpers import FIXTURES, docx_paragraphs
from lxml import etree

import kit

LETTERHEAD = FIXTURES / "brand-docx"
"""A Word 2010 letterhead without a theme: fonts and colour set on its styles."""
THEMED = FIXTURES / "brand-docx-theme"
"""A template with a theme: theme fonts, its own accent, and a logo in the header."""
KINDS = ("week-01-handout.docx", "week-01-leader-notes.docx")
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each church fixture's kit, built once, by fixture folder name."""
    out = {}
    for folder in (LETTERHEAD, THEMED):
        target = tmp_path_factory.mktemp(folder.name)
        kit.build(kit.load_course(folder / "course.yaml"), target)
        out[folder.name] = target
    return out


# -- the template, as Word reads it ----------------------------------------------------


def _part(template: Path, name: str) -> etree._Element | None:
    with zipfile.ZipFile(template) as archive:
        return parse_xml(archive.read(name)) if name in archive.namelist() else None


def _theme_font(theme: etree._Element | None, slot: str) -> str | None:
    """The typeface a theme font slot (majorHAnsi, minorBidi, ...) names."""
    if theme is None:
        return None
    scheme = "majorFont" if slot.startswith("major") else "minorFont"
    latin = theme.find(f".//{A}{scheme}/{A}latin")
    return latin.get("typeface") if latin is not None else None


def _font_of(rfonts: etree._Element, theme: etree._Element | None) -> str | None:
    """The Latin font an rFonts element gives: a theme font it names, else its ascii font."""
    slot = rfonts.get(qn("w:asciiTheme"))
    return _theme_font(theme, slot) if slot else rfonts.get(qn("w:ascii"))


def template_heading(template: Path, name: str) -> tuple[str, str]:
    """A heading style's font and colour in the template, through the styles it is based on."""
    styles = _part(template, "word/styles.xml")
    theme = _part(template, "word/theme/theme1.xml")
    by_id = {s.get(qn("w:styleId")): s for s in styles.iter(qn("w:style"))}
    style = next(s for s in by_id.values() if s.find(qn("w:name")).get(qn("w:val")) == name)
    font = color = None
    while style is not None:
        rpr = style.find(qn("w:rPr"))
        if rpr is not None and font is None and rpr.find(qn("w:rFonts")) is not None:
            font = _font_of(rpr.find(qn("w:rFonts")), theme)
        if rpr is not None and color is None and rpr.find(qn("w:color")) is not None:
            color = rpr.find(qn("w:color")).get(qn("w:val"))
        based = style.find(qn("w:basedOn"))
        style = by_id.get(based.get(qn("w:val"))) if based is not None else None
    if font is None:
        defaults = styles.find(f"{qn('w:docDefaults')}//{qn('w:rFonts')}")
        font = _font_of(defaults, theme)
    assert font and color, f"the template's {name} has no font or colour of its own"
    return font, color.upper()


def template_accent(template: Path) -> str:
    """The accent the template gives: its theme's accent1, or its Heading 1 colour."""
    theme = _part(template, "word/theme/theme1.xml")
    if theme is None:
        return template_heading(template, "heading 1")[1]
    return theme.find(f".//{A}clrScheme/{A}accent1/{A}srgbClr").get("val").upper()


# -- the built document, as Word resolves it -------------------------------------------


def _theme(doc: DocxDocument) -> etree._Element:
    return parse_xml(doc.part.part_related_by(RT.THEME).blob)


def resolved_font(doc: DocxDocument, paragraph: Paragraph) -> str | None:
    """The font Word shows a paragraph's first run in: the run's own, else its style chain's."""
    run = paragraph.runs[0]
    if run.font.name:
        return run.font.name
    style: ParagraphStyle | None = paragraph.style
    while style is not None:
        rpr = style.element.rPr
        if rpr is not None and rpr.rFonts is not None:
            return _font_of(rpr.rFonts, _theme(doc))
        style = style.base_style
    defaults = doc.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:rFonts')}")
    return _font_of(defaults, _theme(doc))


def resolved_color(paragraph: Paragraph) -> str | None:
    """The colour Word shows a paragraph's first run in, as RRGGBB."""
    run = paragraph.runs[0]
    if run.font.color.rgb is not None:
        return str(run.font.color.rgb)
    style: ParagraphStyle | None = paragraph.style
    while style is not None:
        if style.font.color.rgb is not None:
            return str(style.font.color.rgb)
        style = style.base_style
    return None


def paragraphs(doc: DocxDocument) -> list[Paragraph]:
    """Every paragraph in the body, those in tables and boxes included."""
    return docx_paragraphs(doc)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fixture", [LETTERHEAD, THEMED], ids=lambda p: p.name)
@pytest.mark.parametrize("level", ["heading 1", "heading 2"])
def test_headings_take_the_templates_font_and_colour(built, fixture, kind, level) -> None:
    font, color = template_heading(fixture / "brand" / "church.docx", level)
    doc = docx.Document(str(built[fixture.name] / kind))
    headings = [p for p in paragraphs(doc) if p.style.name.lower() == level and p.text]
    assert headings, f"{kind} has no {level}"
    for heading in headings:
        assert (resolved_font(doc, heading), resolved_color(heading)) == (font, color), heading.text


def test_the_themed_templates_heading_font_and_colour_are_its_own() -> None:
    # The test above would prove little if the template looked like kit's own base.
    template = THEMED / "brand" / "church.docx"
    assert template_heading(template, "heading 1") == ("Caladea", "1E4D2B")
    assert template_accent(template) not in ("2E5E6E", "1E4D2B")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fixture", [LETTERHEAD, THEMED], ids=lambda p: p.name)
def test_kits_rules_and_boxes_take_the_templates_accent(built, fixture, kind) -> None:
    accent = template_accent(fixture / "brand" / "church.docx")
    doc = docx.Document(str(built[fixture.name] / kind))
    body = doc.element.body
    tables = body.findall(qn("w:tbl"))
    framed = [t for t in tables if t.find(f".//{qn('w:shd')}") is not None]
    assert framed, f"{kind} has no care box"
    for box in framed:
        borders = box.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
        drawn = [b for b in borders if b.get(qn("w:val")) != "nil"]
        assert len(drawn) == 4 and {b.get(qn("w:color")) for b in drawn} == {accent}
        fill = box.find(f".//{qn('w:shd')}").get(qn("w:fill"))
        # Faint, and leaning the way the accent does, not kit's own teal.
        channels = [int(fill[i : i + 2], 16) for i in (0, 2, 4)]
        leaning = [int(accent[i : i + 2], 16) for i in (0, 2, 4)]
        assert min(channels) >= 0xE8 and fill != "F4F7F8"
        assert channels.index(max(channels)) == leaning.index(max(leaning))
    # Every rule kit draws in its own styles (scripture, notes, the cover) is the accent.
    rules = {
        b.get(qn("w:color"))
        for s in doc.styles
        if s.name.startswith("Kit ")
        for b in s.element.iter(qn("w:left"), qn("w:top"), qn("w:bottom"))
        if b.getparent().tag == qn("w:pBdr")
    }
    assert rules == {accent}
    if "leader-notes" in kind:
        # The timetable: a heavier rule under its header row and one under the table.
        timetable = tables[0]
        under_head = timetable.find(f".//{qn('w:tcBorders')}/{qn('w:bottom')}")
        assert under_head.get(qn("w:color")) == accent


def _pictures(story) -> list[bytes]:
    """The pictures a header or footer shows, as their bytes."""
    blips = story.part.element.iter(f"{A}blip")
    return [story.part.related_parts[b.get(qn("r:embed"))].blob for b in blips]


@pytest.mark.parametrize("kind", [*KINDS, "leader-guide.docx"])
def test_the_templates_header_logo_is_on_every_page(built, kind) -> None:
    template = THEMED / "brand" / "church.docx"
    with zipfile.ZipFile(template) as archive:
        logo = archive.read("word/media/image1.png")
    original = docx.Document(str(template)).sections[0].header
    doc = docx.Document(str(built[THEMED.name] / kind))
    (section,) = doc.sections
    headers = [section.header]
    if section.different_first_page_header_footer:
        headers.append(section.first_page_header)
    for header in headers:
        assert not header.is_linked_to_previous
        assert _pictures(header) == [logo]
        # Kit writes nothing into the church's header, so nothing can sit over the logo.
        assert [p.text for p in header.paragraphs] == [p.text for p in original.paragraphs]


def test_the_cover_keeps_the_templates_footer_without_a_page_number(built) -> None:
    doc = docx.Document(str(built[THEMED.name] / "leader-guide.docx"))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    cover, pages = section.first_page_footer, section.footer
    assert [p.text for p in cover.paragraphs] == [p.text for p in pages.paragraphs][:1]
    assert "PAGE" not in "".join(cover.part.element.itertext())
    assert "400 Elm Street" in cover.paragraphs[0].text
