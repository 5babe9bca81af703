"""The church's notices: on that week's handout, leader notes, packets and closing slide only."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES, docx_lines, slide_texts
from pptx import Presentation

import kit

EVERY_WEEK = "Childcare in Room 104"
WEEK_TWO = ("Meal sign-up sheet at the welcome table", "Week 2: bring a friend\u2019s number")
EXPECTED = {1: [EVERY_WEEK], 2: [EVERY_WEEK, *WEEK_TWO], 3: [EVERY_WEEK]}
"""The notices of each week of tests/fixtures/packets, in order."""
ALL = [EVERY_WEEK, *WEEK_TWO]
TITLES = ("Someone You Can Count On", "A Safe Place to Land", "Seeing Through Their Eyes")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("notices") / "build"
    kit.build(kit.load_course(FIXTURES / "packets" / "course.yaml"), out)
    return out


def _found(lines: list[str]) -> list[str]:
    return [line for line in lines if line in ALL]


@pytest.mark.parametrize("week", [1, 2, 3])
def test_a_weeks_notices_are_on_its_handout_and_leader_notes(built: Path, week: int) -> None:
    handout = docx_lines(built / f"week-{week:02d}-handout.docx")
    # One compact line near the top: they are this week's news.
    line = "Notices: " + " \u00b7 ".join(EXPECTED[week])
    assert [n for n in handout if n.startswith("Notices")] == [line]
    assert handout.index(line) < handout.index("Tonight\u2019s teaching")
    notes = docx_lines(built / f"week-{week:02d}-leader-notes.docx")
    assert _found(notes) == EXPECTED[week]
    label = notes.index(EXPECTED[week][0]) - 1
    assert notes[label] == "Tonight\u2019s notices, on the handout and the closing slide"


@pytest.mark.parametrize("week", [1, 2, 3])
def test_a_weeks_notices_are_on_its_closing_slide_and_no_other(built: Path, week: int) -> None:
    slides = slide_texts(built / f"week-{week:02d}-slides.pptx")
    title, face, _ = slides[-1]
    assert title == "Closing prayer"
    assert [line for line in face.splitlines() if line in ALL] == EXPECTED[week]
    for n, (_, other, notes) in enumerate(slides[:-1], 1):
        assert not any(notice in other or notice in notes for notice in ALL), n


def test_each_packet_gives_every_week_its_own_notices(built: Path) -> None:
    packet = docx_lines(built / "leader-packet-dan-mia-lopez.docx")
    starts = [packet.index(f"Week {n}: {t}") for n, t in enumerate(TITLES, 1)]
    for n, (start, end) in enumerate(zip(starts, [*starts[1:], len(packet)], strict=True), 1):
        assert _found(packet[start:end]) == EXPECTED[n], n
    assert _found(packet[: starts[0]]) == []


def test_notices_stay_out_of_the_guide_and_the_calendar(built: Path, builtin_kit: Path) -> None:
    assert _found(docx_lines(built / "leader-guide.docx")) == []
    calendar = (built / "course.ics").read_text(encoding="utf-8")
    assert not any(notice in calendar for notice in ALL)
    # A course without notices prints neither a heading for them nor room for them.
    for week in range(1, 7):
        handout = docx_lines(builtin_kit / f"week-{week:02d}-handout.docx")
        assert not any(line.startswith("Notices") for line in handout)
        notes = docx_lines(builtin_kit / f"week-{week:02d}-leader-notes.docx")
        assert not any(line.startswith("Tonight\u2019s notices") for line in notes)
        _, face, _ = slide_texts(builtin_kit / f"week-{week:02d}-slides.pptx")[-1]
        # The kicker, the one line of the body, and the caption.
        lines = face.splitlines()
        assert len(lines) == 3 and lines[0] == "Closing", face
        assert (
            lines[1] == "Let\u2019s close in a moment of quiet. No one will be asked to pray aloud."
        )


def test_the_most_notices_fit_the_closing_slide_at_24_points(tmp_path: Path) -> None:
    """Three notices of the longest length: one closing slide still, no text under 24 points."""
    fixture = FIXTURES / "notices-long" / "course.yaml"
    kit.build(kit.load_course(fixture), tmp_path / "long")
    text = fixture.read_text(encoding="utf-8")
    plain = tmp_path / "plain.yaml"
    plain.write_text(text.replace("notices:", "unused:").split("unused:")[0] + _weeks(text))
    kit.build(kit.load_course(plain), tmp_path / "plain")
    for week in (1, 2, 3):
        name = f"week-{week:02d}-slides.pptx"
        deck = Presentation(str(tmp_path / "long" / name))
        assert len(deck.slides) == len(Presentation(str(tmp_path / "plain" / name)).slides)
        closing = deck.slides[-1]
        body = max(
            (s for s in closing.placeholders if s.has_text_frame),
            key=lambda s: len(s.text_frame.text),
        )
        sizes = {r.font.size.pt for p in body.text_frame.paragraphs for r in p.runs}
        assert min(sizes) >= 24, (week, sorted(sizes))
    _, face, _ = slide_texts(tmp_path / "long" / "week-02-slides.pptx")[-1]
    assert len([line for line in face.splitlines() if len(line) >= 79]) == 3


def _weeks(text: str) -> str:
    """The course's weeks without their notices."""
    return "weeks: [trust, safety, empathy]\n"
