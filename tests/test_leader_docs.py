"""The leader guide and weekly leader notes carry every week's full plan, as Word documents.

Each file is opened with python-docx and compared with the resolved course, the way a
coordinator would check it: every question, note and follow-up is there, every week is
a chapter, the dates and care contacts are right.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from helpers import FIXTURES, docx_paragraphs, slide_texts

import kit
from kit.compose.typography import smarten
from kit.course.model import ResolvedCourse, Week

LEVELS = {"open": "Open", "dig": "Dig deeper", "reflect": "Reflect"}
"""How the notes name each question level."""

SCHEDULED = FIXTURES / "brand-docx" / "course.yaml"
"""Dates with a skipped week, a start time, care contacts, leaders and a church template."""
MARKERS = FIXTURES / "markers" / "course.yaml"
"""Dates, a start time and a care contact, on kit's own base document."""


def _squash(text: str) -> str:
    """Text as the documents print it: typeset (curly quotes, en dashes), spaces squashed."""
    return " ".join(smarten(text).split())


def paragraphs(doc: DocxDocument) -> list[Paragraph]:
    """Every paragraph of the body in order, including those inside tables and boxes."""
    return docx_paragraphs(doc)


def body_text(doc: DocxDocument) -> str:
    """All the body's text, one paragraph a line, whitespace squashed."""
    return "\n".join(_squash(p.text) for p in paragraphs(doc))


def headings(doc: DocxDocument, level: int) -> list[Paragraph]:
    """Paragraphs in the Heading N style."""
    return [
        p for p in paragraphs(doc) if p.style is not None and p.style.name == f"Heading {level}"
    ]


def instructions(element) -> str:
    """Field instructions (TOC, PAGE, ...) anywhere under an element."""
    return " ".join(i.text or "" for i in element.iter(qn("w:instrText")))


def long_date(day: dt.date) -> str:
    """A date as the documents print it: Sunday, January 10, 2027."""
    return f"{day:%A, %B} {day.day}, {day.year}"


def clock(time: dt.time) -> str:
    """A time as the documents print it: 7:30 pm."""
    return f"{time.hour % 12 or 12}:{time.minute:02d} {'am' if time.hour < 12 else 'pm'}"


def leader_texts(week: Week) -> list[str]:
    """Everything from a week's lesson that a table leader must find in their notes."""
    texts = [week.big_idea, week.opening, week.exercise_title, week.take_home_title]
    texts += [p.text for p in week.scripture] + [p.translation_name for p in week.scripture]
    texts += [p.heading for p in week.points]
    texts += [*week.exercise_steps, *week.take_home_steps, *week.prep, *week.notes, *week.care]
    for q in week.questions:
        texts += [q.text, *q.follow_up] + ([q.note] if q.note else [])
    return [_squash(t) for t in texts]


def host_texts(week: Week) -> list[str]:
    """The host's part of a week: the teaching as spoken, the prayer, the host's own tasks."""
    return [_squash(t) for t in (*week.host, *(p.body for p in week.points), week.prayer)]


HOST_TASKS = re.compile(
    r"slides?\b|on the screen|screen you|read aloud during|during the teaching"
    r"|source sections?|tell the room|half the time is gone",
    re.IGNORECASE,
)
"""Wording of the host's jobs (running the slides, the teaching, timing the room) and of
articles the kit does not ship."""


@pytest.fixture(scope="module")
def scheduled(tmp_path_factory: pytest.TempPathFactory) -> tuple[ResolvedCourse, Path]:
    course = kit.load_course(SCHEDULED)
    out = tmp_path_factory.mktemp("scheduled") / "build"
    kit.build(course, out)
    return course, out


@pytest.fixture(scope="module")
def markers(tmp_path_factory: pytest.TempPathFactory) -> tuple[ResolvedCourse, Path]:
    course = kit.load_course(MARKERS)
    out = tmp_path_factory.mktemp("markers") / "build"
    kit.build(course, out)
    return course, out


@pytest.fixture(params=["builtin", "scheduled", "markers"])
def built(request: pytest.FixtureRequest, builtin_kit: Path) -> tuple[ResolvedCourse, Path]:
    """Each course with the folder it was built into."""
    if request.param == "builtin":
        return kit.default_course(), builtin_kit
    return request.getfixturevalue(request.param)


def _open(folder: Path, name: str) -> DocxDocument:
    return docx.Document(str(folder / name))


def test_guide_has_a_chapter_per_week_each_on_a_new_page(built) -> None:
    course, folder = built
    guide = _open(folder, "leader-guide.docx")
    chapters = {_squash(p.text): p for p in headings(guide, 1)}
    for week in course.course.weeks:
        title = f"Week {week.number}: {week.title}"
        assert title in chapters
        assert chapters[title].paragraph_format.page_break_before is True, title


def test_each_leader_notes_file_is_one_chapter_with_its_week_title(built) -> None:
    course, folder = built
    for week in course.course.weeks:
        notes = _open(folder, f"week-{week.number:02d}-leader-notes.docx")
        assert [_squash(p.text) for p in headings(notes, 1)] == [
            f"Week {week.number}: {week.title}"
        ]


def test_guide_has_a_contents_field_refreshed_on_open_and_page_numbers(built) -> None:
    _, folder = built
    guide = _open(folder, "leader-guide.docx")
    assert "TOC" in instructions(guide.element.body).split()
    update = guide.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    assert "PAGE" in instructions(guide.sections[-1].footer._element).split()
    # Until Word refreshes it, the contents lists every chapter, each a link to it.
    links = [h.get(qn("w:anchor")) for h in guide.element.body.iter(qn("w:hyperlink"))]
    marks = {b.get(qn("w:name")) for b in guide.element.body.iter(qn("w:bookmarkStart"))}
    assert len(links) == len(headings(guide, 1)) and set(links) <= marks


def test_leader_notes_have_page_numbers_in_the_footer_beside_the_course(built) -> None:
    course, folder = built
    notes = _open(folder, "week-01-leader-notes.docx")
    footer = notes.sections[-1].footer
    assert "PAGE" in instructions(footer._element).split()
    if course.files.brand_document is None:
        assert _squash(course.course.title) in " ".join(p.text for p in footer.paragraphs)


def test_every_leader_text_of_every_week_is_in_the_guide_and_its_notes(built) -> None:
    course, folder = built
    guide = body_text(_open(folder, "leader-guide.docx"))
    for week in course.course.weeks:
        notes = body_text(_open(folder, f"week-{week.number:02d}-leader-notes.docx"))
        for text in leader_texts(week):
            assert text in notes, (week.number, text)
            assert text in guide, (week.number, text)
        # The guide holds the host's part too, so one couple leading alone needs only it.
        for text in host_texts(week):
            assert text in guide, (week.number, text)


def test_leader_notes_hold_none_of_the_hosts_tasks(built) -> None:
    """Table leaders run a table: the slides, the teaching and the room's clock are the host's."""
    course, folder = built
    for week in course.course.weeks:
        notes = body_text(_open(folder, f"week-{week.number:02d}-leader-notes.docx"))
        assert HOST_TASKS.findall(notes) == [], week.number
        for text in host_texts(week):
            assert text not in notes, (week.number, text)


def test_each_question_shows_its_level_then_its_note_and_follow_ups(built) -> None:
    course, folder = built
    for week in course.course.weeks:
        notes = _open(folder, f"week-{week.number:02d}-leader-notes.docx")
        lines = [_squash(p.text) for p in paragraphs(notes)]
        for number, q in enumerate(week.questions, 1):
            at = lines.index(f"{number}. {_squash(q.text)}")
            meta = lines[at + 1]
            assert LEVELS[q.level] in meta.split(" · "), (q.id, meta)
            after = lines[at + 2 : at + 4 + len(q.follow_up)]
            if q.note:
                assert after[0] == _squash(q.note)
            for follow in q.follow_up:
                assert _squash(follow) in after, (q.id, follow)


def test_the_timetable_shows_minutes_and_clock_times_when_the_course_has_a_time(built) -> None:
    course, folder = built
    for week in course.course.weeks:
        notes = _open(folder, f"week-{week.number:02d}-leader-notes.docx")
        table = notes.tables[0]
        rows = [[_squash(c.text) for c in row.cells] for row in table.rows]
        minutes = [int(r[-1]) for r in rows[1:] if r[-1].isdigit()]
        assert minutes[: len(week.slots)] == [s.minutes for s in week.slots]
        if course.course.start_time:
            assert [r[0] for r in rows[1:]] == [clock(s.start) for s in week.slots] + [
                clock(week.end)
            ]
        else:
            assert sum(s.minutes for s in week.slots) == course.course.minutes == minutes[-1]


def test_care_contacts_are_in_the_guide_and_every_week(built) -> None:
    course, folder = built
    guide = body_text(_open(folder, "leader-guide.docx"))
    texts = [t for c in course.course.care for t in (c.name, c.role, c.phone, c.email, c.note) if t]
    for week in course.course.weeks:
        notes = body_text(_open(folder, f"week-{week.number:02d}-leader-notes.docx"))
        for text in texts:
            assert text in notes and text in guide, text


def test_guide_cover_and_schedule_carry_the_course_and_its_dates(scheduled) -> None:
    course, folder = scheduled
    guide = _open(folder, "leader-guide.docx")
    lines = [_squash(p.text) for p in paragraphs(guide)]
    cover = lines[: lines.index("Contents")]
    assert _squash(course.course.title) in cover and _squash(course.course.subtitle) in cover
    assert _squash(course.course.church) in cover
    assert any(all(name in line for name in course.course.leaders) for line in cover)
    assert any(long_date(course.course.first_date) in line for line in cover)
    assert any(long_date(course.course.last_date) in line for line in cover)
    schedule = next(
        t for t in guide.tables if [c.text.title() for c in t.rows[0].cells][1:2] == ["Date"]
    )
    rows = [[_squash(c.text) for c in row.cells] for row in schedule.rows[1:]]
    assert [r[1] for r in rows] == [long_date(m.date) for m in course.course.schedule]
    for row, meeting in zip(rows, course.course.schedule, strict=True):
        if meeting.week:
            assert row[0] == str(meeting.week)
            assert row[2] == course.course.weeks[meeting.week - 1].title
        else:
            assert row[0] == "" and row[2] == "No meeting"
    assert any(m.week is None for m in course.course.schedule)


def test_each_weeks_date_and_times_head_its_plan(markers) -> None:
    course, folder = markers
    for week in course.course.weeks:
        notes = _open(folder, f"week-{week.number:02d}-leader-notes.docx")
        lines = [_squash(p.text) for p in paragraphs(notes)]
        heading = lines.index(f"Week {week.number}: {week.title}")
        meta = lines[heading + 1]
        assert long_date(week.date) in meta and clock(course.course.start_time) in meta


def test_headings_keep_with_what_follows_and_rows_never_split(builtin_kit: Path) -> None:
    guide = _open(builtin_kit, "leader-guide.docx")
    for level in (1, 2, 3):
        assert guide.styles[f"Heading {level}"].paragraph_format.keep_with_next is True
    rows = list(guide.element.body.iter(qn("w:tr")))
    assert rows
    for row in rows:
        assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None


def test_every_numbered_list_starts_at_one(builtin_kit: Path) -> None:
    guide = _open(builtin_kit, "leader-guide.docx")
    numbering = guide.part.numbering_part.element
    restarted = {
        num.get(qn("w:numId"))
        for num in numbering.iter(qn("w:num"))
        if num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}") is not None
    }
    lists: list[str] = []
    previous = None
    for p in paragraphs(guide):
        if p.style.name != "List Number":
            previous = None
            continue
        num_id = p._p.pPr.numPr.numId.val
        if num_id != previous:
            lists.append(str(num_id))
        previous = num_id
    # Each week's exercise steps and take-home, and the guide's own list up front.
    assert len(lists) >= 2 * len(kit.default_course().course.weeks) + 1
    assert len(set(lists)) == len(lists) and set(lists) <= restarted


GROUND_RULES = [
    "What is said here stays here.",
    "Anyone may pass.",
    "Honor your spouse.",
    "Speak for yourself.",
    "Nobody is asked to pray aloud.",
]
"""The ground rules in brief, as the guide's ground-rules page gives them."""


def test_the_first_week_has_a_timed_ground_rules_part_and_slide(built) -> None:
    """The guide says to read the ground rules in the first week: its plan and deck make room."""
    course, folder = built
    for week in course.course.weeks:
        name = f"week-{week.number:02d}"
        notes = [_squash(p.text) for p in paragraphs(_open(folder, f"{name}-leader-notes.docx"))]
        parts = [t for t in notes if re.match(r"\d+\. \w", t) and " min" in t]
        slides = slide_texts(folder / f"{name}-slides.pptx")
        deck = [title for title, _, _ in slides]
        handout = body_text(_open(folder, f"{name}-handout.docx"))
        if week.number > 1:
            assert not any("Ground rules" in t for t in parts), week.number
            assert "Our ground rules" not in deck and "Our ground rules" not in handout
            continue
        minutes = week.minutes("ground_rules")
        assert minutes >= 2 and sum(s.minutes for s in week.slots) == course.course.minutes
        assert parts[1].startswith(f"2. Ground rules ({minutes} min"), parts
        for rule in GROUND_RULES:
            assert rule in " ".join(notes), rule
            assert rule in handout
        assert deck.index("Our ground rules") == deck.index("Opening question") + 1
        face = slides[deck.index("Our ground rules")][1]
        assert face.splitlines() == ["Before we begin", *GROUND_RULES]  # its kicker, then the rules
