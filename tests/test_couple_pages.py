"""The built-in course read as a pastor and a frightened spouse would: safety on every page
couples see, a complete care page, and sentences right for the course as it is built.

Each test builds the built-in course and a five-week course that meets every other week
for 75 minutes, and reads the words couples and leaders get."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_course_text import docx_lines, pptx_text

import kit

FIVE = (
    "title: Closer\nminutes: 75\nstart: 2027-01-10\nevery: 2\n"
    "weeks: [trust, safety, empathy, vulnerability, connection]\n"
)
"""Five meetings, every other week, 75 minutes each: ten weeks from first to last."""

SAFETY = "If you are ever afraid of your spouse, this exercise is not for you"
DV_LINE = "call 1-800-799-7233 or text START to 88788"


@pytest.fixture(scope="module", params=["builtin", "five"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The built-in course, or the five-week course, with its built folder."""
    root = tmp_path_factory.mktemp(request.param)
    if request.param == "builtin":
        course = kit.default_course()
    else:
        (root / "course.yaml").write_text(FIVE, encoding="utf-8")
        course = kit.load_course(root / "course.yaml")
    kit.build(course, root / "build")
    return course, root / "build"


def _doc(folder: Path, name: str) -> str:
    return "\n".join(docx_lines(folder / name))


def _guide_chapter(folder: Path, title: str, until: str) -> str:
    lines = docx_lines(folder / "leader-guide.docx")
    start = max(i for i, line in enumerate(lines) if line == title)
    return "\n".join(lines[start : lines.index(until, start)])


# --- safety on couples' pages -------------------------------------------------------------


def test_every_handout_says_who_the_exercise_is_not_for_and_offers_a_quiet_reflection(
    built,
) -> None:
    course, folder = built
    for week in course.weeks:
        handout = _doc(folder, f"week-{week.number:02d}-handout.docx")
        couple_time = handout[handout.index("Couple time:") : handout.index("Questions")]
        assert SAFETY in couple_time, week.number
        assert "On your own, a quiet reflection:" in couple_time, week.number
        assert week.reflection and week.reflection in couple_time, week.number
        questions = handout[handout.index("Questions") :]
        assert "If you are ever afraid of your spouse, they are not for you" in questions


def test_the_safety_line_is_on_the_screen_and_spoken_before_couples_open_up(built) -> None:
    course, folder = built
    for week in course.weeks:
        faces, notes = pptx_text(folder / f"week-{week.number:02d}-slides.pptx")
        assert faces.count("Afraid of your spouse?") == 2, week.number
        assert SAFETY in notes, week.number
        assert "If you are ever afraid of your spouse, these questions are not for you" in notes
        for name in ("leader-guide.docx", f"week-{week.number:02d}-leader-notes.docx"):
            assert SAFETY in _doc(folder, name), (week.number, name)


def test_private_questions_ask_each_spouse_about_their_own_part(built) -> None:
    course, _ = built
    asked = [q.text for week in course.weeks for q in week.questions + week.left_out]
    for faults in ("might make it harder for you to open up to me", "makes you want to close up"):
        assert not [q for q in asked if faults in q]
    own = [q for q in asked if q.startswith("Each of you, about yourself:")]
    assert len(own) == 2


def test_the_care_page_has_a_domestic_violence_line_and_keeps_the_adults_choice(built) -> None:
    _, folder = built
    care = _guide_chapter(folder, "Care and referral", "Schedule")
    assert "988" in care and DV_LINE in care
    assert "Never tell or confront the other spouse" in care
    assert "No couples counseling while there is abuse" in care
    assert "An adult decides what happens next" in care
    assert "when someone is in immediate danger" in care and "when a child may be at risk" in care
    assert "never put a request on a prayer chain" in care.lower()
    assert "tell them gently that you need to bring in help" not in care


def test_couples_and_table_leaders_get_the_domestic_violence_line(built) -> None:
    course, folder = built
    for week in course.weeks:
        n = week.number
        assert DV_LINE in _doc(folder, f"week-{n:02d}-handout.docx"), n
        notes = _doc(folder, f"week-{n:02d}-leader-notes.docx")
        assert DV_LINE in notes and "prayer chain" in notes, n
        assert "tell them gently that you need to bring in help" not in notes


# --- summaries that say the point ---------------------------------------------------------


def _teaching_lines(text: str, heading: str, until: str) -> list[str]:
    part = text[text.index(heading) :]
    return [line for line in part[: part.index(until)].splitlines()[1:] if line]


def test_handouts_summarise_each_point_with_its_slide_line_as_leader_notes_do(built) -> None:
    course, folder = built
    for week in course.weeks:
        n = week.number
        handout = _doc(folder, f"week-{n:02d}-handout.docx")
        points = _teaching_lines(handout, "Tonight\u2019s teaching", "Couple time:")
        assert points == [f"{p.heading}. {p.slide}" for p in week.points], n
        for point, line in zip(week.points, points, strict=True):
            summary = line.removeprefix(f"{point.heading}. ")
            assert not (point.body.startswith(summary) and point.body != summary), line
        notes = _doc(folder, f"week-{n:02d}-leader-notes.docx")
        for line in points:
            assert line in notes.splitlines(), (n, line)
