"""Leader-only text reaches leaders (notes, guide, speaker notes), never couples or the screen."""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import FIXTURES
from pptx import Presentation
from pptx.shapes.base import BaseShape
from pptx.shapes.group import GroupShape

import kit
from kit.load.lessons import load_lessons
from kit.load.schema import Lesson

COURSE = FIXTURES / "markers" / "course.yaml"


def _lesson() -> Lesson:
    found, problems = load_lessons(FIXTURES / "markers" / "lessons", builtin=False)
    assert problems == []
    return found["markers"].lesson


LESSON = _lesson()
QUESTION_MARKERS = [m for q in LESSON.questions for m in (q.note, *q.follow_up)]
"""Each question's note and follow-ups, as written in the fixture lesson."""
WEEK_MARKERS = [*LESSON.leader.prep, *LESSON.leader.notes, *LESSON.leader.care]
MARKER = re.compile(r"LDR[A-Z]+\d+[A-Z]?")


def _marker(text: str | None) -> str:
    assert text is not None
    found = MARKER.findall(text)
    assert len(found) == 1, text
    return found[0]


MARKERS = [_marker(t) for t in QUESTION_MARKERS + WEEK_MARKERS]
NOTE_MARKERS = [_marker(t) for t in QUESTION_MARKERS]
GROUP_TEXT = [q.text for q in LESSON.questions if q.audience == "group"]
COUPLE_TEXT = [q.text for q in LESSON.questions if q.audience == "couple"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("markers") / "build"
    kit.build(kit.load_course(COURSE), out)
    return out


def _parts(path: Path) -> dict[str, str]:
    """Every XML part of an Office file, as raw XML followed by its text with tags removed.

    The tag-free text catches a marker split across runs; the raw XML catches one
    hiding in an attribute such as alt text.
    """
    found = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                raw = zf.read(name).decode("utf-8")
                found[name] = raw + "\n" + html.unescape(re.sub(r"<[^>]+>", "", raw))
    return found


def _leaks(parts: dict[str, str], markers: list[str]) -> dict[str, list[str]]:
    leaks = {name: [m for m in markers if m in text] for name, text in parts.items()}
    return {name: found for name, found in leaks.items() if found}


def _shape_texts(shapes) -> Iterator[str]:
    """The text of every shape, descending into groups and table cells."""
    for shape in shapes:
        if isinstance(shape, GroupShape):
            yield from _shape_texts(shape.shapes)
            continue
        assert isinstance(shape, BaseShape)
        if shape.has_text_frame:
            yield shape.text_frame.text
        if getattr(shape, "has_table", False) and shape.has_table:
            yield from (cell.text for row in shape.table.rows for cell in row.cells)


def test_fixture_marks_every_leader_only_field() -> None:
    assert len(MARKERS) == len(set(MARKERS)) == 15
    for q in LESSON.questions:
        assert q.note and q.follow_up, q.id
    assert {q.audience for q in LESSON.questions} == {"group", "couple"}
    assert LESSON.leader.prep and LESSON.leader.notes and LESSON.leader.care


COUPLES = ["week-01-handout.docx", "participant-booklet.docx"]
"""What couples get: the week's handout and the booklet of the whole course."""


@pytest.mark.parametrize("name", COUPLES)
def test_couples_pages_hold_no_leader_only_text_in_any_part(built: Path, name: str) -> None:
    parts = _parts(built / name)
    assert "word/document.xml" in parts
    assert _leaks(parts, MARKERS) == {}


@pytest.mark.parametrize("name", COUPLES)
def test_couples_pages_hold_every_question_for_couples(built: Path, name: str) -> None:
    text = _parts(built / name)["word/document.xml"]
    for question in GROUP_TEXT + COUPLE_TEXT:
        assert question in text


def test_no_slide_face_shows_leader_only_text(built: Path) -> None:
    deck = Presentation(str(built / "week-01-slides.pptx"))
    faces = "\n".join(t for slide in deck.slides for t in _shape_texts(slide.shapes))
    assert [m for m in MARKERS if m in faces] == []
    for question in GROUP_TEXT:
        assert question in faces
    for question in COUPLE_TEXT:
        assert question not in faces


def test_leader_only_text_is_only_in_speaker_notes_parts(built: Path) -> None:
    parts = _parts(built / "week-01-slides.pptx")
    faces = {n: t for n, t in parts.items() if not n.startswith("ppt/notesSlides/")}
    assert _leaks(faces, MARKERS) == {}


def test_speaker_notes_hold_every_question_note_and_follow_up(built: Path) -> None:
    deck = Presentation(str(built / "week-01-slides.pptx"))
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide)
    assert [m for m in NOTE_MARKERS if m not in notes] == []


@pytest.mark.parametrize("name", ["week-01-leader-notes.docx", "leader-guide.docx"])
def test_leader_documents_hold_every_leader_only_field(built: Path, name: str) -> None:
    text = _parts(built / name)["word/document.xml"]
    assert [m for m in MARKERS if m not in text] == []
