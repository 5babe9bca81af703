"""A course in Spanish: every word kit writes into its outputs is Spanish.

Scripture is the exception for now: until kit quotes a Spanish Bible, each passage's
text, its reference and its translation's name stay as the English Bible has them, and
are left out of the check. So are the titles and headings of the English articles the
lessons are written from (a lesson's `sources`), which the Sources page quotes.
"""

from __future__ import annotations

import re
import zipfile
from functools import cache
from pathlib import Path

import docx
import pptx
import pytest
from babel.messages.pofile import read_po
from helpers import FIXTURES

import kit
from kit.course.course_file import load_course
from kit.language import LOCALE_DIR

CASES = ["spanish-builtin", "spanish-five-weeks"]
DATED = "spanish-five-weeks"
"""The case with dates, skipped ones among them; the built-in course has none."""
MONTHS = "January February March April May June July August September October November December"
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"


def _plain(text: str) -> str:
    """Text with the typographer's quotes and spaces made plain, to compare words."""
    for fancy, plain in (("\u2019", "'"), ("\u2018", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " ")):
        text = text.replace(fancy, plain)
    return re.sub(r"\s+", " ", text)


@cache
def english_words() -> tuple[re.Pattern[str], ...]:
    """kit's English: every text of its catalog, month and day names, as patterns."""
    with open(LOCALE_DIR / "es" / "LC_MESSAGES" / "kit.po", "rb") as f:
        catalog = read_po(f)
    spanish = " ".join(
        _plain(" ".join(m.string if isinstance(m.string, tuple) else (m.string,)))
        for m in catalog
        if m.id
    )
    pieces: set[str] = set(MONTHS.split()) | set(DAYS.split())
    for message in catalog:
        for english in message.id if isinstance(message.id, tuple) else (message.id,):
            # The words between the placeholders and the emphasis, each piece on its own.
            for piece in re.split(r"%\([a-z_]+\)s|\*+|[“”\"()]", _plain(english)):
                piece = piece.strip(" .,:;")
                if re.search(r"[A-Za-z]{2}", piece) and not re.search(
                    rf"\b{re.escape(piece)}\b", spanish
                ):
                    pieces.add(piece)
    return tuple(re.compile(rf"\b{re.escape(p)}\b") for p in sorted(pieces, key=len, reverse=True))


def docx_text(path: Path) -> list[str]:
    """Every paragraph of a Word file: body, tables (nested too), headers and footers."""
    document = docx.Document(str(path))

    def paragraphs(container) -> list[str]:
        found = [p.text for p in container.paragraphs]
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    found += paragraphs(cell)
        return found

    found = paragraphs(document)
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header):
            found += paragraphs(part)
    return [*found, document.core_properties.title or ""]


def pptx_text(path: Path) -> list[str]:
    """Every paragraph of a deck: each slide's shapes, tables included, and its notes."""
    deck = pptx.Presentation(str(path))
    found = [deck.core_properties.title or ""]
    for slide in deck.slides:
        shapes = list(slide.shapes)
        if slide.has_notes_slide:
            shapes += list(slide.notes_slide.shapes)
        for shape in shapes:
            if shape.has_text_frame:
                found += [p.text for p in shape.text_frame.paragraphs]
            if getattr(shape, "has_table", False) and shape.has_table:
                found += [c.text for row in shape.table.rows for c in row.cells]
    return found


def calendar_text(path: Path) -> list[str]:
    """The words of a calendar file's events, its folded lines joined."""
    text = path.read_text(encoding="utf-8").replace("\r\n ", "")
    return [
        line.split(":", 1)[1].replace("\\n", " ").replace("\\", "")
        for line in text.splitlines()
        if line.startswith(("SUMMARY", "DESCRIPTION", "X-WR-CALNAME"))
    ]


def output_text(path: Path) -> list[str]:
    """Every line of text of one output file."""
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".pptx":
        return pptx_text(path)
    if path.suffix == ".ics":
        return calendar_text(path)
    return []


def quoted(course) -> list[str]:
    """What the outputs quote in English: the articles' titles and dates."""
    found = set()
    for week in course.weeks:
        for s in week.sources:
            found |= {s.article, s.section or "", s.subtitle or "", s.site or "", s.date or ""}
    return sorted((_plain(q) for q in found if q), key=len, reverse=True)


@pytest.fixture(scope="module", params=CASES)
def built(request: pytest.FixtureRequest, tmp_path_factory) -> tuple[object, Path]:
    """A Spanish course (see tests/fixtures/spanish-*) and the folder it was built into."""
    resolved = load_course(FIXTURES / request.param / "course.yaml")
    out = tmp_path_factory.mktemp(request.param) / "build"
    kit.build(resolved, out)
    return resolved.course, out


def test_a_spanish_course_builds_every_output(built) -> None:
    course, out = built
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert "leader-guide.docx" in names and "participant-booklet.docx" in names
    assert sum(n.endswith("-slides.pptx") for n in names) == len(course.weeks)


def test_no_word_of_kit_s_english_is_left(built) -> None:
    course, out = built
    strip = quoted(course)
    left = []
    for path in sorted(out.iterdir()):
        for line in output_text(path):
            line = _plain(line)
            for q in strip:
                line = line.replace(q, " ")
            for pattern in english_words():
                if pattern.search(line):
                    left.append(f"{path.name}: {pattern.pattern} in {line[:120]!r}")
    assert left == []


@pytest.mark.parametrize("built", [DATED], indirect=True)
def test_the_spanish_outputs_say_their_dates_in_spanish(built) -> None:
    _, out = built
    guide = " ".join(docx_text(out / "leader-guide.docx"))
    assert "miércoles, 3 de febrero de 2027" in guide
    handout = " ".join(docx_text(out / "week-03-handout.docx"))
    assert (
        "No hay reunión el 17 de marzo y 31 de marzo (Semana Santa). La próxima reunión es el "
        "miércoles, 14 de abril de 2027, a las 7:00 p.\u00a0m. "
    ) in handout
    week_1 = " ".join(docx_text(out / "week-01-handout.docx"))
    assert "Próxima reunión: miércoles, 17 de febrero de 2027, a las 7:00 p.\u00a0m. " in week_1


@pytest.mark.parametrize("built", [DATED], indirect=True)
def test_ranges_and_times_read_as_spanish_writes_them(built) -> None:
    _, out = built
    guide = docx_text(out / "leader-guide.docx")
    assert "del miércoles, 3 de febrero de 2027 al miércoles, 28 de abril de 2027" in guide
    assert any(line.endswith("a partir de las 7:00 p.\u00a0m.") for line in guide)
    packet = docx_text(next(out.glob("leader-packet*.docx")))
    assert (
        "del miércoles, 3 de febrero de 2027 al miércoles, 28 de abril de 2027, "
        "a las 7:00 p.\u00a0m."
    ) in packet
    assert "de 7:00 p.\u00a0m. a 8:30 p.\u00a0m." in packet
    notes = " ".join(docx_text(out / "week-01-leader-notes.docx"))
    assert "miércoles, 3 de febrero de 2027, de 7:00 p.\u00a0m. a 8:30 p.\u00a0m. · " in notes
    every = [line for path in sorted(out.iterdir()) for line in output_text(path)]
    assert [line for line in every if "p.\u00a0m.." in line] == []


def test_the_safety_lines_leave_no_doubt_whom_they_mean(built) -> None:
    _, out = built
    handout = _plain(" ".join(docx_text(out / "week-01-handout.docx")))
    assert (
        "Contarle a un líder, en privado, su sufrimiento o su miedo nunca es faltarle al "
        "respeto a su cónyuge."
    ) in handout
    assert "¿No se siente a salvo en casa? Sáltese esta parte y hable con un líder" in handout
    assert "Por tu cuenta, una reflexión personal:" in handout
    assert (
        "Las notas, en un papelito aparte que se guarda o se tira, no en estas páginas." in handout
    )
    notes = _plain(" ".join(docx_text(out / "week-01-leader-notes.docx")))
    assert "(nunca lo llamen aparte delante de su cónyuge)" in notes
    assert "Cuando las parejas se separen" not in notes


def test_word_and_powerpoint_check_the_spelling_as_spanish(built) -> None:
    _, out = built
    with zipfile.ZipFile(out / "week-01-handout.docx") as handout:
        styles = handout.read("word/styles.xml").decode()
    assert 'w:val="es-419"' in styles and 'w:val="en-US"' not in styles
    with zipfile.ZipFile(out / "week-01-slides.pptx") as deck:
        slides = [
            deck.read(n).decode()
            for n in deck.namelist()
            if re.fullmatch(r"ppt/(notesS|s)lides/\w+\.xml", n)
        ]
    assert slides and all('lang="es-419"' in s and 'lang="en-US"' not in s for s in slides)
