"""What the kit says, read from every built file: the course's length, who each file is for,
short teaching slides, care guidance, credits for the articles, and one typography."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from helpers import docx_paragraphs
from pptx import Presentation
from pptx.util import Pt

import kit
from kit.compose.markup import inline
from kit.compose.typography import smarten
from kit.load.scripture import passage
from kit.wording import fill, number_word, values

ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "articles"

COURSES = {
    4: (
        "title: Closer\ncare: [{name: Church office, phone: 555-0100}]\n"
        "weeks: [trust, safety, empathy, connection]\nintimacy: false\n"
    ),
    5: (
        "title: Closer\ntranslation: KJV\nminutes: 75\nstart: 2027-01-10\nevery: 2\n"
        "care: [{name: Church office, phone: 555-0100}]\n"
        "weeks: [trust, safety, empathy, vulnerability, connection]\nintimacy: false\n"
    ),
    6: None,
}
"""The built-in lessons as courses of four, five and six weeks (six: the built-in course)."""

_NUMBER = "|".join([r"\d+", *(number_word(n) for n in range(1, 21))])
WEEKS_SAID = re.compile(rf"\b({_NUMBER})[\s\u2011-]weeks?\b(?![\u2019'])", re.IGNORECASE)
"""Any count of weeks in words or digits: "six weeks", "5-week", "3 weeks" (not "one
week's plan", which counts no course)."""


def _squash(text: str) -> str:
    return " ".join(smarten(text).split())


def docx_lines(path: Path) -> list[str]:
    """Every paragraph of a document, those in tables and boxes too."""
    return [_squash(p.text) for p in docx_paragraphs(docx.Document(str(path)))]


def pptx_text(path: Path) -> tuple[str, str]:
    """All of a deck's face text, and all of its speaker notes."""
    faces, notes = [], []
    for slide in Presentation(str(path)).slides:
        faces += [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        if slide.has_notes_slide:
            notes.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(faces), "\n".join(notes)


def every_text(folder: Path) -> dict[str, str]:
    """Each built file's whole text, faces and speaker notes included."""
    found = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".docx":
            found[path.name] = "\n".join(docx_lines(path))
        elif path.suffix == ".pptx":
            found[path.name] = "\n".join(pptx_text(path))
    return found


@pytest.fixture(scope="module", params=sorted(COURSES))
def sized(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The built-in lessons built as a course of 4, 5 or 6 weeks."""
    count = request.param
    root = tmp_path_factory.mktemp(f"weeks{count}")
    if COURSES[count] is None:
        course = kit.default_course()
    else:
        (root / "course.yaml").write_text(COURSES[count], encoding="utf-8")
        course = kit.load_course(root / "course.yaml")
    kit.build(course, root / "build")
    return count, course, root / "build"


def test_no_output_names_another_course_length(sized) -> None:
    count, course, folder = sized
    assert course.warnings == ()
    # A course meeting every other week also names its span: "5 meetings over 9 weeks".
    allowed = {str(count), number_word(count), str(course.course.span)}
    for name, text in every_text(folder).items():
        said = [m.group(0) for m in WEEKS_SAID.finditer(text) if m.group(1).lower() not in allowed]
        assert said == [], (count, name)


def test_the_closing_weeks_name_this_courses_length(sized) -> None:
    count, course, folder = sized
    last = course.course.weeks[-1].number
    guide = "\n".join(docx_lines(folder / "leader-guide.docx"))
    if course.course.every == 1:
        assert f"{count}-week small group" in guide
    else:
        assert f"{count} meetings, every other week, over {course.course.span} weeks" in guide
    assert f"This is the last of the course\u2019s {count} meetings" in guide
    assert f"week-{last:02d}-slides.pptx" in {p.name for p in folder.iterdir()}


# --- the built-in six-week kit ---------------------------------------------------------


def _guide(builtin_kit: Path) -> list[str]:
    return docx_lines(builtin_kit / "leader-guide.docx")


def _chapter(lines: list[str], title: str, until: str) -> str:
    """One chapter of the guide, from its heading to the next chapter's (not the contents)."""
    start = max(i for i, line in enumerate(lines) if line == title)
    return "\n".join(lines[start : lines.index(until, start)])


def test_teaching_slides_show_a_short_line_and_speak_the_whole_point(builtin_kit: Path) -> None:
    course = kit.default_course()
    for week in course.course.weeks:
        deck = Presentation(str(builtin_kit / f"week-{week.number:02d}-slides.pptx"))
        for point in week.points:
            slide = next(s for s in deck.slides if s.shapes.title.text == point.heading)
            body = [
                shape
                for shape in slide.shapes
                if shape.has_text_frame
                and shape != slide.shapes.title
                and not shape.text_frame.text.startswith("Teaching ·")
            ]
            face = " ".join(shape.text_frame.text for shape in body)
            assert len(face.split()) <= 20, (week.number, point.heading, face)
            assert face == _squash(point.slide)
            sizes = [
                run.font.size
                for shape in body
                for para in shape.text_frame.paragraphs
                for run in para.runs
                if run.font.size is not None
            ]
            assert sizes and min(sizes) >= Pt(24), (week.number, point.heading)
            notes = " ".join(slide.notes_slide.notes_text_frame.text.split())
            assert _squash(point.body) in notes


def test_the_care_page_covers_self_harm_child_safety_and_confidences(builtin_kit: Path) -> None:
    care = _chapter(_guide(builtin_kit), "Care and referral", "Schedule").lower()
    for words in (
        ("suicide", "harm themselves", "hurting themselves"),
        ("crisis line", "emergency number"),
        ("child",),
        ("report",),
        ("never means keeping harm secret", "never a reason to hide abuse"),
    ):
        assert any(w in care for w in words), words
    assert "988" in care  # the one crisis number named: widely known, in the US


def test_every_weeks_leader_notes_cover_the_hard_cases(builtin_kit: Path) -> None:
    for number in range(1, 7):
        notes = "\n".join(docx_lines(builtin_kit / f"week-{number:02d}-leader-notes.docx"))
        care = notes[notes.index("Care notes") :].lower()
        for words in (
            ("crisis",),
            ("afraid", "abuse"),
            ("guarded", "reluctant", "unwilling"),
            ("faith",),
            ("care contact",),
            ("suicide", "harming themselves"),
            ("child",),
            ("never means keeping harm secret",),
        ):
            assert any(w in care for w in words), (number, words)


def test_the_sources_page_credits_both_articles(builtin_kit: Path) -> None:
    lines = _guide(builtin_kit)
    assert "Sources" in lines[: lines.index("Contents") + 20]  # listed in the contents
    sources = "\n".join(lines[max(i for i, line in enumerate(lines) if line == "Sources") :])
    course = kit.default_course()
    credits = {s.article: s for week in course.course.weeks for s in week.sources}
    ei = credits["Emotional Intimacy"]
    assert f"{ei.article}: {ei.subtitle}" in sources and "November 16, 2016" in sources
    assert "A post on building connection" in sources and "Fully Alive Marriage" in sources
    for week in course.course.weeks:
        for s in week.sources:
            assert f"“{s.section}”" in sources if s.section else s.part in sources, s
    if ARTICLES.is_dir():
        title = (ARTICLES / "emotional-intimacy.txt").read_text(encoding="utf-8").splitlines()[0]
        assert title.strip() in sources


def test_every_output_uses_one_quote_style(builtin_kit: Path) -> None:
    for name, text in every_text(builtin_kit).items():
        assert "'" not in text and '"' not in text, name
        # Ranges take an en dash; a phone number (1-800-799-7233) keeps its hyphens.
        ranges = re.sub(r"\d+(?:-\d+){2,}", "", text)
        assert re.findall(r"\b\d{1,3}-\d{1,3}\b", ranges) == [], name


# --- the course values in lesson text, and the warning ----------------------------------


def test_placeholders_are_filled_for_each_week() -> None:
    given = values(2, 5, "Growing Deeper Together")
    assert fill("Week {week} of our {weeks}; next, {next}.", given) == (
        "Week 2 of our five weeks; next, Growing Deeper Together."
    )
    assert fill("{Weeks} together. {{weeks}} {unknown}", given) == (
        "Five weeks together. {weeks} {unknown}"
    )
    assert fill("{next}", values(5, 5, None)) == "what comes next"
    assert fill("Try it {until}.", given) == "Try it before we meet again."
    assert fill("Try it {until}.", values(5, 5, None)) == "Try it in the weeks ahead."
    assert values(1, 1, None)["weeks"] == "one week"


def _lesson_folder(root: Path, text: str) -> Path:
    source = Path(kit.__file__).resolve().parent.parent / "lessons" / "en" / "06-connection.yaml"
    folder = root / "lessons"
    folder.mkdir()
    lesson = source.read_text(encoding="utf-8").replace(
        "Since this course began, what is one change",
        text,
    )
    (folder / "06-connection.yaml").write_text(lesson, encoding="utf-8")
    return folder


def test_check_warns_when_text_names_another_length(tmp_path: Path, run_kit) -> None:
    _lesson_folder(tmp_path, "Looking back over these six weeks, what is one change")
    (tmp_path / "course.yaml").write_text(
        "title: Closer\nlessons: lessons\ncare: [{name: Church office, phone: 555-0100}]\n"
        "weeks: [trust, safety, empathy, vulnerability, "
        "connection]\nintimacy: false\n",
        encoding="utf-8",
    )
    result = run_kit("check", tmp_path / "course.yaml")
    assert result.code == 0
    warned = [line for line in result.err.splitlines() if "warning:" in line]
    assert len(warned) == 1
    assert re.match(
        r".*lessons/06-connection\.yaml:\d+:\d+: the text of the 6th question "
        r"\(questions\[5\]\.text\): warning: says six weeks, "
        r"but the course has five; write \{weeks\}",
        warned[0],
    ), warned
    assert "ok: 5 weeks" in result.out


def test_a_course_title_naming_another_length_is_a_warning(tmp_path: Path, run_kit) -> None:
    (tmp_path / "course.yaml").write_text(
        'title: "Closer: Six Weeks of Building Connection"\nweeks: [trust, empathy]\n',
        encoding="utf-8",
    )
    result = run_kit("check", tmp_path / "course.yaml")
    assert result.code == 0
    assert "course.yaml:1:8: title: warning: says six weeks, but the course has two" in result.err


@pytest.mark.parametrize(
    ("language", "title", "said"),
    [
        ("en", "Five Weeks Closer", "five weeks"),
        ("en", "Closer in Six Weeks", "six weeks"),
        ("en", "A 4-Week Marriage Course", "four weeks"),
        ("es", "Más cerca: seis semanas para crecer en conexión", "six weeks"),
        ("es", "Cinco semanas más cerca", "five weeks"),
        ("es", "Más cerca en 4 semanas", "four weeks"),
    ],
)
def test_any_number_of_weeks_in_a_title_is_its_length(
    tmp_path: Path, run_kit, language: str, title: str, said: str
) -> None:
    (tmp_path / "course.yaml").write_text(
        f'title: "{title}"\nlanguage: {language}\nweeks: [trust, empathy]\n', encoding="utf-8"
    )
    result = run_kit("check", tmp_path / "course.yaml")
    assert result.code == 0
    assert f"course.yaml:1:8: title: warning: says {said}, but the course has two" in result.err


def test_spanish_text_naming_another_length_is_a_warning(tmp_path: Path, run_kit) -> None:
    (tmp_path / "course.yaml").write_text(
        "title: Más cerca\nlanguage: es\nweeks: [trust, empathy]\n"
        'notices: ["Gracias por estas seis semanas juntos"]\n',
        encoding="utf-8",
    )
    result = run_kit("check", tmp_path / "course.yaml")
    assert "(notices[0]): warning: says six weeks, but the course has two" in result.err


def test_a_placeholder_fills_in_and_an_unknown_one_is_a_problem(tmp_path: Path, run_kit) -> None:
    folder = _lesson_folder(tmp_path, "Over our {weeks}, ending week {week}, what is one change")
    (tmp_path / "course.yaml").write_text(
        "title: Closer\nlessons: lessons\nweeks: [trust, safety, connection]\n", encoding="utf-8"
    )
    course = kit.load_course(tmp_path / "course.yaml")
    asked = [q.text for q in course.course.weeks[2].questions]
    assert any(t.startswith("Over our three weeks, ending week 3, what is") for t in asked)
    lesson = folder / "06-connection.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("{weeks}", "{wekes}"), "utf-8")
    result = run_kit("check", tmp_path / "course.yaml")
    assert result.code == 2
    assert "unknown placeholder '{wekes}'; known: {weeks}, {week}, {next}, {until}" in result.err


# --- typography -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("Let's talk", "Let\u2019s talk"),
        ("She said \"yes\" and 'maybe'", "She said \u201cyes\u201d and \u2018maybe\u2019"),
        ("the couples' table", "the couples\u2019 table"),
        ("rock 'n' roll in the '90s", "rock \u2018n\u2019 roll in the \u201990s"),
        (
            "10-15 minutes, 5-10 couples, James 1:19-20",
            "10\u201315 minutes, 5\u201310 couples, James 1:19\u201320",
        ),
        ("call 555-0100 or 1-800-273-8255", "call 555-0100 or 1-800-273-8255"),
        ("on 2027-01-10, score 10-5", "on 2027-01-10, score 10-5"),
        ("mail o'neil@example.org or https://example.org/a-1-2?q='x'", None),
    ],
)
def test_smarten(written: str, printed: str | None) -> None:
    assert smarten(written) == (written if printed is None else printed)


def test_quotes_open_and_close_across_bold_and_italic() -> None:
    runs = inline('Say **"I"**, not *"you"*; it\'s **kind**')
    assert "".join(r.text for r in runs) == "Say \u201cI\u201d, not \u201cyou\u201d; it\u2019s kind"


def test_a_passage_that_stops_mid_sentence_ends_with_an_ellipsis() -> None:
    assert passage("Philippians 1:3", "WEB").text.endswith("remember you\u2026")


def test_a_passage_that_starts_mid_sentence_starts_with_a_capital() -> None:
    assert passage("Ephesians 4:15", "WEB").text.startswith("But speaking truth in love")
    assert passage("James 1:19-20", "KJV").reference == "James 1:19\u201320"
