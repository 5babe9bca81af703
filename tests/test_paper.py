"""Printed paper: rendered with LibreOffice, no page of the leader documents, handouts or
couples' booklet is left nearly empty, and a table leader's notes for a week fit on two
sheets.

Pages that stand alone on purpose (the guide's and the packet's covers, the guide's
contents, ground rules, schedule and sources; the booklet's cover, notes page and back
cover) are the only short ones allowed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES, render_pdf
from paper_checks import (
    ALONE,
    MAX_NOTES_PAGES,
    MIN_WORDS,
    long_notes,
    printed_pages,
    short_guide_pages,
)

import kit

BOOKLET_ALONE = ("Notes", "Need someone to talk to?")
"""First lines of the booklet's pages that stand alone on purpose: after its cover."""


@pytest.fixture(scope="module")
def printed(builtin_kit: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    """The words of each rendered page of the guide, leader notes and handouts, by file."""
    files = sorted(builtin_kit.glob("*.docx"))
    return printed_pages(render_pdf(files, tmp_path_factory.mktemp("paper")))


@pytest.fixture(scope="module")
def noticed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    """The handouts and booklet of the built-in weeks with three notices of the longest."""
    out = tmp_path_factory.mktemp("noticed") / "build"
    kit.build(kit.load_course(FIXTURES / "notices-paper" / "course.yaml"), out)
    files = sorted([*out.glob("*-handout.docx"), out / "participant-booklet.docx"])
    return printed_pages(render_pdf(files, tmp_path_factory.mktemp("noticed-paper")))


def test_every_document_of_the_built_in_course_was_rendered(printed) -> None:
    weeks = [f"week-{n:02d}" for n in range(1, 7)]
    expected = {"leader-guide", "leader-packet", "participant-booklet"} | {
        f"{w}-{kind}" for w in weeks for kind in ("leader-notes", "handout")
    }
    assert set(printed) == expected


def test_no_page_is_nearly_empty(printed) -> None:
    short = [("leader-guide", *page) for page in short_guide_pages(printed["leader-guide"])]
    for name, pages in printed.items():
        for number, (text, words) in enumerate(pages, 1):
            first = text.splitlines()[0] if text else ""
            if name == "leader-guide":
                continue
            if name == "leader-packet" and number == 1:  # its cover
                continue
            if name == "participant-booklet" and (number == 1 or first in BOOKLET_ALONE):
                continue
            if len(words) < MIN_WORDS:
                short.append((name, number, first, len(words)))
    assert short == []


def test_each_weeks_leader_notes_fit_on_two_sheets(printed) -> None:
    assert len([name for name in printed if name.endswith("notes")]) == 6
    assert long_notes(printed) == {}


def test_the_pages_let_off_are_the_ones_that_stand_alone_on_purpose(printed) -> None:
    firsts = [text.splitlines()[0] for text, _ in printed["leader-guide"] if text]
    assert [f for f in firsts if f in ALONE] == list(ALONE)


def test_the_packet_gives_each_week_two_sheets_at_most(printed) -> None:
    """Each week's notes in the packet start on a page of their own, as short as alone."""
    pages = printed["leader-packet"]
    starts = [n for n, (text, _) in enumerate(pages, 1) if text.startswith("Week ")]
    assert len(starts) == 6
    lengths = [b - a for a, b in zip(starts, [*starts[1:], len(pages) + 1], strict=True)]
    assert max(lengths) <= MAX_NOTES_PAGES, lengths


def test_with_the_most_notices_each_handout_still_prints_on_one_sheet(noticed) -> None:
    counts = {name: len(pages) for name, pages in noticed.items() if name.endswith("handout")}
    assert counts == {f"week-{n:02d}-handout": 2 for n in range(1, 7)}
    for name in counts:
        assert "Notices:" in noticed[name][0][0], name


def test_with_the_most_notices_no_booklet_page_is_nearly_empty(noticed) -> None:
    """Neither the next meeting nor the last session's word is left alone on a page."""
    short = []
    for number, (text, words) in enumerate(noticed["participant-booklet"], 1):
        first = text.splitlines()[0] if text else ""
        if number > 1 and first not in BOOKLET_ALONE and len(words) < MIN_WORDS:
            short.append((number, first, len(words)))
    assert short == []


def test_no_note_is_split_across_two_pages(noticed) -> None:
    """Couple time's note, with its safety line, is read whole on one page."""
    note = "Do this together, or each on your own"
    for name, pages in noticed.items():
        for text, _ in pages:
            flowing = " ".join(text.split())
            if note in flowing:
                start = flowing.index(note)
                assert "You never have to explain why." in flowing[start:], name
