"""A course in Spanish fits as the English one does, though Spanish runs longer.

The built-in course is built in both languages; each Spanish deck keeps the English
deck's slide count and body size, and one LibreOffice run renders the six Spanish decks,
handouts and leader notes and the leader guide: no word is drawn outside its text box,
each handout prints on one sheet, each week's leader notes on two, no page of the guide is
left nearly empty but those that stand alone on purpose, and every accented letter, ñ, ¿
and ¡ is drawn in the font the output names.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pymupdf
import pytest
from deck_checks import small_body
from helpers import FIXTURES, needs_soffice, render_pdf, stray_words
from paper_checks import ALONE, first_line, long_notes, printed_pages, short_guide_pages
from pptx import Presentation

import kit
from kit.language import translate
from kit.writers.pptx.fit import fontfile
from kit.writers.pptx.fit.installed import catalogue
from kit.writers.pptx.fit.textfit import ALIASES, face

WEEKS = [f"week-{n:02d}" for n in range(1, 7)]
SPANISH = set("áéíóúüñ¿¡")
"""Characters every Spanish lesson writes, which the fonts must hold."""
NAMED = re.compile(rb'<a:latin typeface="([^"+][^"]*)"|w:(?:ascii|hAnsi)="([^"]+)"')
"""A font named in a part of an Office file: a theme's, a style's or a run's."""


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in six-week course in Spanish, built once."""
    out = tmp_path_factory.mktemp("spanish") / "build"
    kit.build(kit.load_course(FIXTURES / "spanish-builtin" / "course.yaml"), out)
    return out


@pytest.fixture(scope="module")
def rendered(spanish: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The PDF LibreOffice makes of each Spanish deck, handout, leader notes and the guide."""
    kinds = ("slides.pptx", "handout.docx", "leader-notes.docx")
    files = [
        *(spanish / f"{w}-{kind}" for w in WEEKS for kind in kinds),
        spanish / "leader-guide.docx",
    ]
    pdfs = render_pdf(files, tmp_path_factory.mktemp("spanish-pdf"))
    return {pdf.stem: pdf for pdf in pdfs}


def _text(path: Path) -> str:
    """Every word of a deck (faces and notes) or a Word file (body, tables, headers)."""
    if path.suffix == ".pptx":
        return "\n".join(
            shape.text_frame.text
            for slide in Presentation(str(path)).slides
            for shapes in (slide.shapes, slide.notes_slide.shapes)
            for shape in shapes
            if shape.has_text_frame
        )
    document = docx.Document(str(path))
    sections = document.sections
    parts = [document, *(s.header for s in sections), *(s.footer for s in sections)]
    cells = [cell for t in document.tables for row in t.rows for cell in row.cells]
    return "\n".join(p.text for part in [*parts, *cells] for p in part.paragraphs)


def _named_fonts(path: Path) -> set[str]:
    """The fonts an Office file names for its text: in its themes, styles and runs.

    A numbering part names a symbol font for its bullets alone, and is left out.
    """
    found: set[str] = set()
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".xml") and "numbering" not in name:
                for latin, word in NAMED.findall(archive.read(name)):
                    found.add((latin or word).decode())
    return found


@pytest.mark.parametrize("week", WEEKS)
def test_each_spanish_deck_has_as_many_slides_as_the_english_one(
    spanish: Path, builtin_kit: Path, week: str
) -> None:
    name = f"{week}-slides.pptx"
    english = len(Presentation(str(builtin_kit / name)).slides)
    assert len(Presentation(str(spanish / name)).slides) == english


@pytest.mark.parametrize("week", WEEKS)
def test_spanish_body_text_is_never_under_24_points(spanish: Path, week: str) -> None:
    assert small_body(spanish / f"{week}-slides.pptx") == []


@needs_soffice
@pytest.mark.parametrize("week", WEEKS)
def test_every_spanish_word_lies_inside_its_shape(
    spanish: Path, rendered: dict[str, Path], week: str
) -> None:
    name = f"{week}-slides"
    assert stray_words(spanish / f"{name}.pptx", rendered[name]) == []


@needs_soffice
def test_each_spanish_handout_prints_on_one_sheet(rendered: dict[str, Path]) -> None:
    """Both sides of one sheet, as the English handouts print."""
    pages = {}
    for week in WEEKS:
        with pymupdf.open(rendered[f"{week}-handout"]) as pdf:
            pages[week] = len(pdf)
    assert pages == dict.fromkeys(WEEKS, 2)


@needs_soffice
def test_each_spanish_weeks_leader_notes_fit_on_two_sheets(rendered: dict[str, Path]) -> None:
    """Spanish runs longer, yet a week's notes print on two sheets, both sides, as in English."""
    printed = printed_pages([rendered[f"{week}-leader-notes"] for week in WEEKS])
    assert len(printed) == 6
    assert long_notes(printed) == {}


@needs_soffice
def test_no_page_of_the_spanish_guide_is_nearly_empty(rendered: dict[str, Path]) -> None:
    """Only the cover and the pages that stand alone on purpose hold few words."""
    pages = printed_pages([rendered["leader-guide"]])["leader-guide"]
    alone = tuple(translate("es", heading) for heading in ALONE)
    assert [first_line(text) for text, _ in pages if first_line(text) in alone] == list(alone)
    assert short_guide_pages(pages, alone) == []


def test_every_font_the_spanish_outputs_name_holds_their_letters(spanish: Path) -> None:
    """Each font named is installed, or stood in for by one metric-compatible with it,
    holding every Spanish letter and sign; kit's slide fitting measures each of them."""
    files = sorted(p for p in spanish.iterdir() if p.suffix in (".docx", ".pptx"))
    letters = {c for f in files for c in _text(f) if ord(c) > 127 and (c.isalpha() or c in "¿¡«»")}
    assert letters >= SPANISH
    fonts = set().union(*(_named_fonts(f) for f in files))
    assert {"Calibri", "Cambria"} <= fonts
    lacking = {}
    for font in sorted(fonts):
        family = ALIASES.get(font.lower(), font).lower()
        for style in ("regular", "bold", "italic", "bolditalic"):
            path = catalogue().get((family, style))
            assert path is not None, f"{font} ({family} {style}) is not installed"
            held = fontfile.cmap(fontfile.tables(path.read_bytes())["cmap"])
            measured = face(font, bold="bold" in style, italic="italic" in style).widths
            missing = {c for c in letters if ord(c) not in held or ord(c) not in measured}
            if missing:
                lacking[f"{font} {style}"] = "".join(sorted(missing))
    assert lacking == {}


@needs_soffice
def test_the_spanish_letters_are_drawn_in_the_fonts_named(rendered: dict[str, Path]) -> None:
    """No accented letter, ñ, ¿ or ¡ falls back to another font when rendered."""
    wrong = set()
    for pdf in rendered.values():
        with pymupdf.open(pdf) as doc:
            for page in doc:
                for block in page.get_text("dict")["blocks"]:
                    for line in block.get("lines", []):
                        for span in line["spans"]:
                            if SPANISH & set(span["text"].lower()) and not re.search(
                                "Carlito|Caladea|Liberation", span["font"]
                            ):
                                wrong.add((pdf.stem, span["font"], span["text"][:30]))
    assert sorted(wrong) == []
