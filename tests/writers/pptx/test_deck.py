"""Slide decks as a user opens them: what is on each face, in the notes, and how it is set."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import FIXTURES
from openxml_audit import validate_pptx
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.slide import Slide

import kit
from kit.compose.blocks import Deck, Paragraph, Run
from kit.compose.blocks import Slide as ComposedSlide
from kit.course.model import ResolvedCourse
from kit.writers.pptx import write_pptx

EMU_PER_PT = 12700
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def _words(text: str) -> str:
    return " ".join(text.split())


def _is_title(shape) -> bool:
    return shape.is_placeholder and shape.placeholder_format.type in TITLE_TYPES


def faces(slide: Slide) -> Iterator[str]:
    """The text of every shape on a slide's face."""
    for shape in slide.shapes:
        if shape.has_text_frame:
            yield shape.text_frame.text


def body_text(slide: Slide) -> str:
    """A slide's face text without its title and the small capitals line above it."""
    return _words(
        " ".join(
            p.text
            for s in _text_shapes(slide)
            if not _is_title(s)
            for p in s.text_frame.paragraphs
            if not _label(p)
        )
    )


def _label(paragraph) -> bool:
    """True for a kicker: set in capitals, like 'DISCUSSION · 1 OF 5'."""
    return any(r._r.find(qn("a:rPr")).get("cap") == "all" for r in paragraph.runs)


def _text_shapes(slide: Slide) -> list:
    return [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]


def notes(slide: Slide) -> str:
    """A slide's speaker notes."""
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


class Built:
    """A built course and its decks, opened."""

    def __init__(self, course: ResolvedCourse, folder: Path) -> None:
        self.course = course
        self.folder = folder
        self.decks = {
            w.number: Presentation(str(folder / f"week-{w.number:02d}-slides.pptx"))
            for w in course.course.weeks
        }

    def pairs(self) -> Iterator[tuple[object, object]]:
        """Each week with its deck."""
        for week in self.course.course.weeks:
            yield week, self.decks[week.number]


def _build(tmp_path_factory: pytest.TempPathFactory, course_file: Path | None) -> Built:
    course = kit.load_course(course_file) if course_file else kit.default_course()
    out = tmp_path_factory.mktemp("decks") / "build"
    kit.build(course, out)
    return Built(course, out)


@pytest.fixture(scope="module")
def builtin(builtin_kit: Path) -> Built:
    return Built(kit.default_course(), builtin_kit)


@pytest.fixture(scope="module")
def long_lesson(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(tmp_path_factory, FIXTURES / "long-lesson" / "course.yaml")


@pytest.fixture(scope="module")
def church(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(tmp_path_factory, FIXTURES / "church-pptx" / "course.yaml")


@pytest.fixture(scope="module", params=["builtin", "long_lesson", "church"])
def built(request: pytest.FixtureRequest) -> Built:
    return request.getfixturevalue(request.param)


# --- what is on the faces and in the notes -------------------------------------------


def test_every_group_question_is_on_a_slide_face(built: Built) -> None:
    for week, deck in built.pairs():
        # A question too long for one slide runs on over consecutive slides.
        bodies = " ".join(body_text(s) for s in deck.slides)
        for q in week.group_questions:
            assert _words(q.text) in bodies, q.id


def test_no_couple_question_or_leader_only_text_on_any_face(built: Built) -> None:
    for week, deck in built.pairs():
        face = _words(" ".join(t for s in deck.slides for t in faces(s)))
        private = [q.text for q in week.couple_questions]
        leader = [q.note for q in week.questions if q.note]
        leader += [f for q in week.questions for f in q.follow_up]
        leader += [*week.prep, *week.notes, *week.care]
        shown = [t for t in private + leader if _words(t) in face]
        assert shown == []


def test_speaker_notes_carry_every_leader_note_and_follow_up(built: Built) -> None:
    for week, deck in built.pairs():
        spoken = _words(" ".join(notes(s) for s in deck.slides))
        wanted = [q.note for q in week.questions if q.note]
        wanted += [f for q in week.questions for f in q.follow_up]
        wanted += [*week.notes, *week.care, week.prayer]
        assert [t for t in wanted if _words(t) not in spoken] == []


def test_every_slide_has_speaker_notes_with_minutes_where_a_part_starts(built: Built) -> None:
    for week, deck in built.pairs():
        for n, slide in enumerate(deck.slides, 1):
            assert notes(slide).strip(), f"week {week.number} slide {n} has no notes"
        spoken = " ".join(notes(s) for s in deck.slides)
        for slot in week.slots:
            assert f": {slot.minutes} minutes" in spoken


def test_slides_run_in_the_order_of_the_evening(builtin: Built) -> None:
    week = builtin.course.course.weeks[2]
    deck = builtin.decks[week.number]
    titles = [s.shapes.title.text for s in deck.slides]
    expected = [
        week.title,
        "Opening question",
        "The big idea",
        # Each passage follows the teaching point that brings it in.
        week.points[0].heading,
        week.points[1].heading,
        "James 1:19\u201320",
        "Galatians 6:2",
        week.points[2].heading,
        week.points[3].heading,
        "Romans 12:15",
        week.exercise_title,
        *["Let\u2019s talk"] * len(week.group_questions),
        "Just the two of you",
        week.take_home_title,
        "Closing prayer",
    ]
    assert titles == expected
    layouts = [s.slide_layout.name for s in deck.slides]
    assert layouts[:3] == ["Title Slide", "Question", "Big Idea"]
    assert layouts[-1] == "Closing"


def test_faces_show_week_scripture_translation_and_couple_minutes(builtin: Built) -> None:
    week = builtin.course.course.weeks[0]
    deck = builtin.decks[week.number]
    face = " ".join(t for s in deck.slides for t in faces(s))
    assert f"Week {week.number}" in face
    for passage in week.scripture:
        assert _words(passage.text) in _words(face)
        assert passage.translation_name in face
    assert f"{week.minutes('exercise')} minutes" in face
    assert "Turn to your handout." in face


# --- how text is set -----------------------------------------------------------------


def _runs(slide: Slide) -> Iterator[tuple[object, object]]:
    for shape in _text_shapes(slide):
        for para in shape.text_frame.paragraphs:
            for run in para.runs:
                if run.text.strip():
                    yield shape, run


def test_text_is_never_below_18_pt_nor_titles_below_28(built: Built) -> None:
    for _, deck in built.pairs():
        for slide in deck.slides:
            for shape, run in _runs(slide):
                assert run.font.size is not None, run.text
                floor = 28 if _is_title(shape) else 18
                assert run.font.size.pt >= floor, (run.text, run.font.size.pt)


def test_every_text_box_wraps_and_never_autofits(built: Built) -> None:
    for _, deck in built.pairs():
        for slide in deck.slides:
            for shape in _text_shapes(slide):
                body_pr = shape.element.txBody.find(qn("a:bodyPr"))
                assert body_pr.get("wrap") == "square"
                assert body_pr.find(qn("a:noAutofit")) is not None
                assert body_pr.find(qn("a:normAutofit")) is None


def test_a_long_point_runs_on_to_continuation_slides_whole_words_in_order(
    long_lesson: Built,
) -> None:
    week = long_lesson.course.course.weeks[0]
    deck = long_lesson.decks[1]
    point = week.points[0]
    slides = [s for s in deck.slides if point.heading in s.shapes.title.text]
    assert len(slides) >= 2
    assert slides[1].shapes.title.text.endswith("(continued)")
    assert _words(" ".join(body_text(s) for s in slides)) == _words(point.body)


def test_a_sentence_longer_than_a_slide_is_split_between_words(long_lesson: Built) -> None:
    deck = long_lesson.decks[1]
    point = long_lesson.course.course.weeks[0].points[1]
    slides = [s for s in deck.slides if s.shapes.title.text.startswith(point.heading)]
    words = " ".join(body_text(s) for s in slides).split()
    # Every word on the faces is a whole word of the point, in order.
    assert words == point.body.split()


def test_take_home_list_keeps_every_item(long_lesson: Built) -> None:
    week = long_lesson.course.course.weeks[0]
    deck = long_lesson.decks[1]
    slides = [s for s in deck.slides if s.shapes.title.text.startswith(week.take_home_title)]
    items = [
        p.text
        for s in slides
        for sh in _text_shapes(s)
        if not _is_title(sh)
        for p in sh.text_frame.paragraphs
    ]
    assert [i for i in items if i in week.take_home_steps] == list(week.take_home_steps)


def test_decks_are_16_by_9_in_kits_template(builtin: Built) -> None:
    deck = builtin.decks[1]
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)
    theme = deck.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    ).blob.decode()
    assert re.search(r'<a:majorFont><a:latin typeface="Cambria"', theme)
    assert re.search(r'<a:minorFont><a:latin typeface="Calibri"', theme)


# --- a church's template -------------------------------------------------------------


def test_church_template_layouts_and_size_are_used_and_its_slides_dropped(church: Built) -> None:
    deck = church.decks[1]
    assert (deck.slide_width, deck.slide_height) == (9144000, 6858000)
    used = {s.slide_layout.name for s in deck.slides}
    assert used <= {"Title Slide", "Title and Content", "Section Header", "Title Only"}
    # Section slides on its own title and section layouts, the rest on the plainest one.
    assert used == {"Title Slide", "Section Header", "Title Only"}
    face = " ".join(t for s in deck.slides for t in faces(s))
    assert "Announcements" not in face
    assert "Potluck" not in face


# --- the file itself -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "name"),
    [
        ("builtin", "week-01-slides.pptx"),
        ("long_lesson", "week-01-slides.pptx"),
        ("church", "week-02-slides.pptx"),
    ],
)
def test_openxml_audit_finds_nothing(request: pytest.FixtureRequest, case: str, name: str) -> None:
    built: Built = request.getfixturevalue(case)
    result = validate_pptx(built.folder / name)
    assert [str(e) for e in result.errors] == []
    assert result.is_valid


def test_church_deck_rebuilds_byte_identical(church: Built, tmp_path: Path) -> None:
    kit.build(church.course, tmp_path / "again")
    for name in ("week-01-slides.pptx", "week-02-slides.pptx"):
        assert (tmp_path / "again" / name).read_bytes() == (church.folder / name).read_bytes()


def test_a_template_whose_notes_page_has_no_notes_box_still_gets_speaker_notes(
    tmp_path: Path,
) -> None:
    prs = Presentation()
    master = prs.notes_master
    for shape in list(master.placeholders):
        if shape.placeholder_format.type == PP_PLACEHOLDER.BODY:
            shape.element.getparent().remove(shape.element)
    prs.save(str(tmp_path / "plain.pptx"))
    (tmp_path / "course.yaml").write_text(
        "title: T\nbrand:\n  slides: plain.pptx\nweeks: [trust]\n", encoding="utf-8"
    )
    kit.build(kit.load_course(tmp_path / "course.yaml"), tmp_path / "out")
    deck = tmp_path / "out" / "week-01-slides.pptx"
    notes = [s.notes_slide.notes_text_frame.text for s in Presentation(str(deck)).slides]
    assert all(notes[1:]), notes
    assert notes[1].startswith("Welcome and opening question: 10 minutes.")
    assert [str(e) for e in validate_pptx(deck).errors] == []


def test_document_properties_hold_any_title_escaped_and_at_most_255_characters() -> None:
    odd = 'Love & "Respect" <3 \u2014 ' + "and more " * 40
    slide = ComposedSlide("points", "A title", [Paragraph((Run("Some words."),), "body")])
    deck = write_pptx(Deck(odd, "Closer", [slide]), author="St. Mary's & St. John's")
    props = Presentation(io.BytesIO(deck)).core_properties
    assert props.title == odd[:255]
    assert props.subject == "Closer"
    assert props.author == props.last_modified_by == "St. Mary's & St. John's"
