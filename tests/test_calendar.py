"""Dates and times in the built files: their style, skipped dates and the next meeting."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import docx_lines, docx_rows, slide_texts

import kit
from kit.course.model import ResolvedCourse
from kit.errors import InputError


def build(folder: Path, text: str) -> tuple[ResolvedCourse, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "course.yaml").write_text(text, encoding="utf-8")
    course = kit.load_course(folder / "course.yaml")
    kit.build(course, folder / "out")
    return course, folder / "out"


# --- date_style and time_style -------------------------------------------------------

STYLED = """\
title: Closer
start: 2026-10-1
time: 7:00 PM
date_style: {date_style}
time_style: {time_style}
weeks: [trust, safety]
"""


@pytest.fixture(scope="module")
def international(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = STYLED.format(date_style="international", time_style="24h")
    return build(tmp_path_factory.mktemp("international"), text)[1]


def test_dates_and_times_any_spelling_come_out_in_the_courses_style(international: Path) -> None:
    notes = docx_lines(international / "week-01-leader-notes.docx")
    assert "Thursday 1 October 2026, 19:00 to 20:30 · 90 minutes" in notes
    assert docx_rows(international / "week-01-leader-notes.docx", "Time")[1:3] == [
        ["19:00", "Welcome and opening question", "10"],
        ["19:10", "Ground rules", "5"],
    ]
    assert "1. Welcome and opening question (10 min, 19:00)" in notes
    assert "2. Ground rules (5 min, 19:10)" in notes
    handout = docx_lines(international / "week-02-handout.docx")
    assert handout[0] == "Closer · Week 2 · Thursday 8 October 2026"
    guide = docx_lines(international / "leader-guide.docx")
    assert "Thursday 1 October 2026 to Thursday 8 October 2026" in guide
    assert "2 weeks · 90-minute sessions starting at 19:00" in guide
    assert docx_rows(international / "leader-guide.docx", "Week")[1:] == [
        ["1", "Thursday 1 October 2026", "Someone You Can Count On"],
        ["2", "Thursday 8 October 2026", "A Safe Place to Land"],
    ]
    deck = slide_texts(international / "week-01-slides.pptx")
    assert deck[0][1].splitlines()[0] == "Week 1 · Thursday 1 October 2026"
    assert deck[0][2].startswith("Tonight at a glance: 90 minutes, 19:00 to 20:30.")
    assert "Next time: A Safe Place to Land, 8 Oct" in deck[-1][1]


def test_iso_dates_and_12_hour_times(tmp_path: Path) -> None:
    _, out = build(tmp_path, STYLED.format(date_style="iso", time_style="12h"))
    notes = docx_lines(out / "week-01-leader-notes.docx")
    assert "Thursday 2026-10-01, 7:00 pm to 8:30 pm · 90 minutes" in notes
    closing = slide_texts(out / "week-01-slides.pptx")[-1]
    assert "Next time: A Safe Place to Land, 2026-10-08" in closing[1]


def test_without_styles_dates_and_times_are_written_the_us_way(tmp_path: Path) -> None:
    text = "title: Closer\nstart: 2026-10-1\ntime: 19.00\nweeks: [trust, safety]\n"
    _, out = build(tmp_path, text)
    notes = docx_lines(out / "week-01-leader-notes.docx")
    assert "Thursday, October 1, 2026, 7:00 pm to 8:30 pm · 90 minutes" in notes
    assert docx_lines(out / "week-01-handout.docx")[0] == (
        "Closer · Week 1 · Thursday, October 1, 2026"
    )


# --- skipped dates with a label --------------------------------------------------------

HOLIDAYS = """\
title: Closer
start: 2026-11-12
time: "19:00"
skip:
  - {date: 2026-11-26, label: Thanksgiving}
  - 2026-12-24
  - date: 2026-12-31
    label: "New Year's Eve"
weeks: [trust, safety, empathy, vulnerability, closeness, connection]
"""


@pytest.fixture(scope="module")
def holidays(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("holidays"), HOLIDAYS)[1]


def test_the_schedule_names_each_skipped_date(holidays: Path) -> None:
    assert docx_rows(holidays / "leader-guide.docx", "Week") == [
        ["Week", "Date", "Lesson"],
        ["1", "Thursday, November 12, 2026", "Someone You Can Count On"],
        ["2", "Thursday, November 19, 2026", "A Safe Place to Land"],
        ["", "Thursday, November 26, 2026", "No meeting: Thanksgiving"],
        ["3", "Thursday, December 3, 2026", "Seeing Through Their Eyes"],
        ["4", "Thursday, December 10, 2026", "Safe Enough to Be Known"],
        ["5", "Thursday, December 17, 2026", "Making Room for Us"],
        ["", "Thursday, December 24, 2026", "No meeting"],
        ["", "Thursday, December 31, 2026", "No meeting: New Year\u2019s Eve"],
        ["6", "Thursday, January 7, 2027", "Growing Deeper Together"],
    ]


def test_the_guide_cover_lists_the_skipped_dates(holidays: Path) -> None:
    assert docx_lines(holidays / "leader-guide.docx")[2:4] == [
        "Thursday, November 12, 2026 to Thursday, January 7, 2027",
        "No meeting on Nov 26 (Thanksgiving), Dec 24 and Dec 31 (New Year\u2019s Eve)",
    ]


def test_the_week_before_a_gap_says_so_everywhere(holidays: Path) -> None:
    notice = (
        "No meeting on Nov 26 (Thanksgiving); next meeting Thursday, December 3, 2026, 7:00 pm."
    )
    assert notice in docx_lines(holidays / "week-02-handout.docx")
    notes = docx_lines(holidays / "week-02-leader-notes.docx")
    assert f"{notice} Remind couples before they leave." in notes
    assert f"{notice} Remind couples before they leave." in docx_lines(
        holidays / "leader-guide.docx"
    )
    closing = slide_texts(holidays / "week-02-slides.pptx")[-1][1].splitlines()
    assert closing[-1] == (
        "No meeting on Nov 26 (Thanksgiving). Next time: Seeing Through Their Eyes, Dec 3"
    )
    two = (
        "No meeting on Dec 24 and Dec 31 (New Year\u2019s Eve); "
        "next meeting Thursday, January 7, 2027"
    )
    assert f"{two}, 7:00 pm." in docx_lines(holidays / "week-05-handout.docx")


def test_weeks_without_a_gap_after_them_say_nothing_of_one(holidays: Path) -> None:
    for number in (1, 3, 4, 6):
        for kind in ("handout", "leader-notes"):
            lines = docx_lines(holidays / f"week-{number:02d}-{kind}.docx")
            assert not [line for line in lines if line.startswith("No meeting")], (number, kind)


NOT_MEETING = (
    "Friday, November 27, 2026: it meets on Thursdays, every week, from Thursday, November 12, 2026"
)
"""Thanksgiving's Friday, said back as the course's dates are (us style, the default)."""


@pytest.mark.parametrize(
    ("skip", "expected"),
    [
        (
            "[{date: 2026-11-27, label: Thanksgiving}]",
            "course.yaml:3:15: the 1st skipped date (skip[0].date): the class does not meet on "
            f"{NOT_MEETING}",
        ),
        (
            "[2026-11-27]",
            f"course.yaml:3:8: the 1st skipped date (skip[0]): the class does not meet on "
            f"{NOT_MEETING}",
        ),
        (
            "[{date: 2026-11-26, label: ''}]",
            "course.yaml:3:34: the label of the 1st skipped date (skip[0].label): "
            "is empty; write it, or leave the line out if it is optional",
        ),
        (
            "[{label: Thanksgiving}]",
            "course.yaml:3:8: the 1st skipped date (skip[0].date): is missing; add it as "
            "'date: ...'",
        ),
        (
            "[{date: 2026-11-26, lable: Thanksgiving}]",
            "course.yaml:3:27: the 1st skipped date (skip[0].lable): unknown key 'lable'; known: "
            "date, label; did you mean 'label'?",
        ),
        (
            "[2026-13-26]",
            "course.yaml:3:8: the 1st skipped date (skip[0]): '2026-13-26' is not a day on the "
            "calendar; check the month and the day (written YYYY-MM-DD)",
        ),
    ],
)
def test_a_wrong_skip_is_located_in_both_forms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, skip: str, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("course.yaml").write_text(
        f"title: T\nstart: 2026-11-12\nskip: {skip}\nweeks: [trust, safety, empathy]\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        kit.load_course("course.yaml")
    assert [str(p) for p in caught.value.problems] == [expected]


# --- the handout names the next meeting ------------------------------------------------


def closing_line(handout: Path) -> str:
    """The handout's last line of text before its care box."""
    lines = docx_lines(handout)
    return [line for line in lines[: lines.index("Need someone to talk to?")] if line][-1]


def test_every_handout_names_the_next_meeting_and_the_last_says_so(holidays: Path) -> None:
    assert [closing_line(holidays / f"week-{n:02d}-handout.docx") for n in range(1, 7)] == [
        "Next meeting: Thursday, November 19, 2026, 7:00 pm.",
        "No meeting on Nov 26 (Thanksgiving); next meeting Thursday, December 3, 2026, 7:00 pm.",
        "Next meeting: Thursday, December 10, 2026, 7:00 pm.",
        "Next meeting: Thursday, December 17, 2026, 7:00 pm.",
        "No meeting on Dec 24 and Dec 31 (New Year\u2019s Eve); next meeting Thursday, January 7, "
        "2027, 7:00 pm.",
        "This is the last session of Closer. Thank you for being part of it.",
    ]


def test_a_four_week_gap_is_spanned_by_the_date(tmp_path: Path) -> None:
    text = "title: Closer\nstart: 2027-01-10\nevery: 4\nweeks: [trust, safety]\n"
    _, out = build(tmp_path, text)
    assert closing_line(out / "week-01-handout.docx") == "Next meeting: Sunday, February 7, 2027."


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ("", "See you next week."),
        ("every: 2\n", "See you in 2 weeks."),
        ('time: "18:30"\n', "See you next week at 6:30 pm."),
    ],
)
def test_without_dates_the_handout_says_how_far_off_the_next_meeting_is(
    tmp_path: Path, settings: str, expected: str
) -> None:
    _, out = build(tmp_path, f"title: Closer\n{settings}weeks: [trust, safety]\n")
    assert closing_line(out / "week-01-handout.docx") == expected
    assert closing_line(out / "week-02-handout.docx") == (
        "This is the last session of Closer. Thank you for being part of it."
    )
