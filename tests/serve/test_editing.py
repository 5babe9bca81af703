"""Edits from the page change only what they change; comments, order and layout stay."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, assume, given, settings
from hypothesis import strategies as st

pytest.importorskip(
    "kit.serve.app", reason="kit serve needs the serve extra: pip install '.[serve]'"
)

from kit.course.course_file import load_course_text
from kit.load.lessons import builtin_lessons
from kit.load.yamlfile import load_text
from kit.resources import data_dir
from kit.serve.editing import EditError, apply, coerce
from kit.serve.form import build_form

STARTER = (data_dir("templates") / "starter-course.yaml").read_text(encoding="utf-8")
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def changed_lines(old: str, new: str) -> list[str]:
    """The lines a change removed (-) and added (+)."""
    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(old.splitlines(True), new.splitlines(True), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_a_change_that_changes_nothing_keeps_the_text_byte_for_byte() -> None:
    assert apply(STARTER, {"op": "set", "path": ["minutes"], "value": "90"}) == STARTER
    assert apply(STARTER, {"op": "set", "path": ["weeks", 0, "title"], "value": ""}) == STARTER


@pytest.mark.parametrize(
    "course", sorted(FIXTURES.glob("*/course.yaml")), ids=lambda p: p.parent.name
)
def test_hand_written_course_files_come_back_as_written(course: Path) -> None:
    text = course.read_text(encoding="utf-8")
    edited = apply(text, {"op": "set", "path": ["title"], "value": "A new title"})
    removed = [line for line in changed_lines(text, edited) if line.startswith("-")]
    assert len(removed) == 1 and removed[0].startswith("-title:")


def test_a_one_key_mapping_in_a_flow_list_keeps_its_braces() -> None:
    text = "title: A\ncare: [{name: Office}]\nweeks: [trust, {lesson: safety}]\n"
    edited = apply(text, {"op": "set", "path": ["title"], "value": "B"})
    assert changed_lines(text, edited) == ["-title: A", "+title: B"]


def test_a_rewording_with_its_own_note_keeps_the_note_when_reworded_again() -> None:
    text = (
        "title: A\nweeks:\n  - lesson: empathy\n    questions:\n      replace:\n"
        "        empathy-differ:\n          text: When do you two see a day differently?\n"
        "          note: Listen for curiosity.\n          follow_up: [What helped?]\n"
    )
    change = {"op": "reword", "week": 0, "id": "empathy-differ"}
    edited = apply(text, {**change, "text": "When do you two see the week differently?"})
    assert changed_lines(text, edited) == [
        "-          text: When do you two see a day differently?",
        '+          text: "When do you two see the week differently?"',
    ]
    shown = build_form(
        load_text(edited, "course.yaml").data, builtin_lessons(), None, Path(".")
    ).weeks[0]
    assert {q.id: q.reworded for q in shown.questions}["empathy-differ"] == (
        "When do you two see the week differently?"
    )


def test_a_time_written_with_a_dot_is_shown_as_written() -> None:
    text = "title: A\ntime: 18.30\nweeks: [trust]\n"
    shown = build_form(load_text(text, "course.yaml").data, builtin_lessons(), None, Path("."))
    assert shown.picked["time"] == "18.30"


def test_session_length_changes_one_line_and_keeps_its_comment() -> None:
    edited = apply(STARTER, {"op": "set", "path": ["minutes"], "value": "75"})
    assert changed_lines(STARTER, edited) == [
        "-minutes: 90              # session length, 45 to 180; every week is fitted to it exactly",
        "+minutes: 75              # session length, 45 to 180; every week is fitted to it exactly",
    ]


def test_a_skipped_date_goes_into_the_empty_list_on_its_line() -> None:
    edited = apply(STARTER, {"op": "add", "path": ["skip"], "value": "2027-01-24"})
    (_, added) = changed_lines(STARTER, edited)
    assert added.startswith("+skip: [2027-01-24]  ")
    assert added.endswith("# meeting dates with no meeting, e.g. [2027-02-14]; later weeks move on")


def test_quoting_is_kept_and_new_text_is_quoted() -> None:
    edited = apply(STARTER, {"op": "set", "path": ["church"], "value": "St Mark's"})
    assert 'church: "St Mark\'s"' in edited
    edited = apply(STARTER, {"op": "set", "path": ["time"], "value": "19:00"})
    assert 'time: "19:00"' in edited


def test_a_week_named_by_its_lesson_becomes_a_mapping_when_it_changes() -> None:
    edited = apply(STARTER, {"op": "set", "path": ["weeks", 0, "title"], "value": "Counting On"})
    assert '  - lesson: trust\n    title: "Counting On"\n  - safety\n' in edited


def test_questions_are_dropped_reworded_and_added() -> None:
    text = apply(STARTER, {"op": "drop", "week": 2, "id": "empathy-fix-it", "on": True})
    assert "      drop: [empathy-fix-it]   " in text
    text = apply(text, {"op": "reword", "week": 2, "id": "empathy-understood", "text": "When?"})
    assert "empathy-understood: When?" in text
    add = {"text": "What makes listening hard?", "after": "empathy-understood"}
    text = apply(text, {"op": "add", "path": ["weeks", 2, "questions", "add"], "value": add})
    course = load_course_text(text, "course.yaml", Path.cwd())
    ids = [q.id for q in course.course.weeks[2].questions]
    assert "empathy-fix-it" not in ids
    assert ids[ids.index("empathy-understood") + 1] == "empathy-added-1"
    assert course.course.weeks[2].questions[ids.index("empathy-understood")].text == "When?"
    text = apply(text, {"op": "drop", "week": 2, "id": "empathy-fix-it", "on": False})
    text = apply(text, {"op": "reword", "week": 2, "id": "empathy-understood", "text": ""})
    text = apply(text, {"op": "remove", "path": ["weeks", 2, "questions", "add", 0]})
    assert text == STARTER


def test_weeks_move_and_go_with_their_comments() -> None:
    text = apply(STARTER, {"op": "move", "path": ["weeks", 2], "to": 0})
    weeks = load_course_text(text, "course.yaml", Path.cwd()).course.weeks
    assert [w.lesson_id for w in weeks][:3] == ["empathy", "trust", "safety"]
    assert "  - lesson: empathy                # the lesson taught this week" in text
    text = apply(text, {"op": "remove", "path": ["weeks", 0]})
    assert "lesson: empathy" not in text
    assert "# one entry per meeting" in text


CARE = """\
title: Closer
care:
  - name: Pastor Ann   # mornings
    phone: 555-0100

  # the line for emergencies
  - name: Crisis line
    phone: "988"

weeks:
  - trust   # first
  - safety  # second
"""


def test_a_key_added_to_an_entry_goes_above_the_lines_that_lead_to_the_next() -> None:
    noted = apply(CARE, {"op": "set", "path": ["care", 0, "note"], "value": "Tuesdays only"})
    assert noted == CARE.replace("555-0100\n", '555-0100\n    note: "Tuesdays only"\n')
    noted = apply(CARE, {"op": "set", "path": ["care", 1, "note"], "value": "Any hour"})
    assert noted == CARE.replace('"988"\n', '"988"\n    note: "Any hour"\n')
    added = apply(CARE, {"op": "add", "path": ["care"], "value": {"name": "Dr Lee"}})
    assert added == CARE.replace('"988"\n', '"988"\n  - name: "Dr Lee"\n')


def test_a_list_item_moved_keeps_its_comment_and_the_list_its_last_lines() -> None:
    moved = apply(CARE, {"op": "move", "path": ["weeks", 1], "to": 0})
    assert moved.endswith("weeks:\n  - safety  # second\n  - trust   # first\n")
    titled = apply(CARE, {"op": "set", "path": ["weeks", 0, "title"], "value": "Trust"})
    assert "  - lesson: trust # first\n    title: Trust\n  - safety  # second\n" in titled


LEADERS = """\
title: Closer
leaders:
  - Pastor Sam   # the host
  - Dan & Mia Lopez

# the weeks
weeks: [trust]
"""


def test_a_table_and_e_mail_make_a_leader_a_table_leader_and_a_name_alone_stays_a_name() -> None:
    tabled = apply(LEADERS, {"op": "set", "path": ["leaders", 1, "table"], "value": "3"})
    assert changed_lines(LEADERS, tabled) == [
        "-  - Dan & Mia Lopez",
        "+  - name: Dan & Mia Lopez",
        "+    table: 3",
    ]
    mailed = apply(tabled, {"op": "set", "path": ["leaders", 1, "email"], "value": "dm@x.org"})
    assert changed_lines(tabled, mailed) == ["+    email: dm@x.org"]
    assert load_course_text(mailed, "course.yaml", Path.cwd()).course.table_leaders[0].table == 3
    # Taken away again, table first or e-mail first, the leader is the name alone.
    for first, then in (("table", "email"), ("email", "table")):
        half = apply(mailed, {"op": "set", "path": ["leaders", 1, first], "value": ""})
        assert f"    {then}: " in half and f"    {first}: " not in half
        assert apply(half, {"op": "set", "path": ["leaders", 1, then], "value": " "}) == LEADERS
    host = apply(LEADERS, {"op": "set", "path": ["leaders", 0, "email"], "value": "sam@x.org"})
    assert changed_lines(LEADERS, host) == [
        "-  - Pastor Sam   # the host",
        "+  - name: Pastor Sam # the host",
        "+    email: sam@x.org",
    ]
    assert apply(host, {"op": "set", "path": ["leaders", 0, "email"], "value": ""}) == LEADERS


def test_a_leader_on_one_line_becomes_a_table_leader_on_the_same_line() -> None:
    text = "title: Closer\nleaders: [Sam, Dan]\nweeks: [trust]\n"
    tabled = apply(text, {"op": "set", "path": ["leaders", 1, "table"], "value": "2"})
    assert changed_lines(text, tabled) == [
        "-leaders: [Sam, Dan]",
        "+leaders: [Sam, {name: Dan, table: 2}]",
    ]
    assert apply(tabled, {"op": "set", "path": ["leaders", 1, "table"], "value": ""}) == text
    # A table that is not a number is kept as typed, for the check to name.
    worded = apply(text, {"op": "set", "path": ["leaders", 1, "table"], "value": "three"})
    assert "{name: Dan, table: three}" in worded


def test_notices_are_added_edited_and_removed_on_their_own_lines() -> None:
    added = apply(LEADERS, {"op": "add", "path": ["notices"], "value": "Childcare in Room 104"})
    assert changed_lines(LEADERS, added) == ['+notices: ["Childcare in Room 104"]']
    week = apply(added, {"op": "add", "path": ["weeks", 0, "notices"], "value": "Meal sign-up"})
    assert changed_lines(added, week) == [
        "-weeks: [trust]",
        '+weeks: [{lesson: trust, notices: ["Meal sign-up"]}]',
    ]
    edited = apply(week, {"op": "set", "path": ["notices", 0], "value": "Childcare: Room 9"})
    assert changed_lines(week, edited) == [
        '-notices: ["Childcare in Room 104"]',
        '+notices: ["Childcare: Room 9"]',
    ]
    removed = apply(edited, {"op": "remove", "path": ["weeks", 0, "notices", 0]})
    assert "weeks: [{lesson: trust, notices: []}]" in removed
    block = "title: Closer\nnotices:\n  - Childcare   # ask Jo\n  - Meal\nweeks: [trust]\n"
    gone = apply(block, {"op": "remove", "path": ["notices", 1]})
    assert changed_lines(block, gone) == ["-  - Meal"]


def test_large_print_is_written_true_and_left_out_or_false_when_cleared() -> None:
    on = apply(LEADERS, {"op": "set", "path": ["large_print"], "value": "true"})
    assert changed_lines(LEADERS, on) == ["+large_print: true"]
    assert load_course_text(on, "course.yaml", Path.cwd()).course.large_print is True
    off = apply(on, {"op": "set", "path": ["large_print"], "value": "false"})
    assert changed_lines(on, off) == ["-large_print: true", "+large_print: false"]
    assert apply(LEADERS, {"op": "set", "path": ["large_print"], "value": "false"}) == LEADERS


def test_typed_values_are_read_as_their_kind_and_anything_else_is_left_for_the_check() -> None:
    assert coerce(["minutes"], "60") == 60
    assert coerce(["start"], "2027-01-10") == dt.date(2027, 1, 10)
    assert coerce(["start"], "next week") == "next week"
    assert coerce(["minutes"], "sixty") == "sixty"


def test_a_change_that_does_not_fit_is_refused() -> None:
    with pytest.raises(EditError):
        apply(STARTER, {"op": "remove", "path": ["weeks", 40]})
    with pytest.raises(EditError):
        apply(STARTER, {"op": "explode"})
    with pytest.raises(EditError):
        apply("- a\n- b\n", {"op": "set", "path": ["title"], "value": "x"})


def test_a_weeks_own_exercise_steps_are_one_a_line() -> None:
    steps = ["Sit facing each other.", "", "Take turns for two minutes each. "]
    text = apply(STARTER, {"op": "set", "path": ["weeks", 2, "exercise", "steps"], "value": steps})
    assert (
        "    exercise:                      # your own couple exercise: "
        '{title: "...", steps: ["...", "..."]}\n'
        "      steps:\n"
        '        - "Sit facing each other."\n'
        '        - "Take turns for two minutes each."\n'
    ) in text
    course = load_course_text(text, "course.yaml", Path.cwd())
    assert course.course.weeks[2].exercise_steps == (
        "Sit facing each other.",
        "Take turns for two minutes each.",
    )
    text = apply(text, {"op": "set", "path": ["weeks", 2, "exercise", "steps"], "value": [""]})
    assert (
        load_course_text(text, "course.yaml", Path.cwd())
        .course.weeks[2]
        .exercise_steps[0]
        .startswith("Each of you picks a moment")
    )


@pytest.mark.parametrize("word", ["Yes", "No", "on", "off", "~", "null", "42", "2027-01-10"])
def test_a_question_reworded_to_a_yaml_word_is_kept_as_text(word: str) -> None:
    text = apply(STARTER, {"op": "reword", "week": 0, "id": "q1", "text": word})
    assert f'      q1: "{word}"\n' in text
    data = load_text(text, "course.yaml").data
    assert data["weeks"][0]["questions"]["replace"]["q1"] == word


# --- the page writes what it reads ----------------------------------------------------

ROUND_TRIP = """\
title: Base
subtitle: 'Sub'
church: "Church"
time: "18:30"
translation: WEB
leaders: [Ann, {name: Bo, table: 2}]
notices: [Childcare]
care:
  - name: Pat
brand:
  slides: brand/a.pptx
weeks:
  - lesson: trust
    title: |-
      A title
    notices:
      - 'Meal sign-up'
    questions:
      add:
        - text: A question
  - trust
"""
"""A course file with every kind of text field the page edits, in every quoting style."""

TEXT_FIELDS: list[list[str | int]] = [
    ["title"],
    ["subtitle"],
    ["church"],
    ["time"],
    ["leaders", 0],
    ["leaders", 1, "name"],
    ["leaders", 1, "email"],
    ["notices", 0],
    ["weeks", 0, "notices", 0],
    *(["care", 0, key] for key in ("name", "role", "phone", "email", "note")),
    ["brand", "slides"],
    ["brand", "document"],
    ["lessons"],
    ["templates"],
    ["weeks", 0, "title"],
    ["weeks", 0, "exercise", "title"],
    ["weeks", 0, "take_home", "title"],
    ["weeks", 0, "questions", "add", 0, "text"],
    ["weeks", 0, "questions", "add", 0, "note"],
]
"""Fields whose text is kept exactly as typed."""
CODE_FIELDS: list[list[str | int]] = [
    ["translation"],
    ["weeks", 0, "lesson"],
    ["weeks", 1],
    *(["weeks", 0, "questions", "add", 0, key] for key in ("id", "after", "audience", "level")),
]
"""Fields holding an id or a code, which the page trims of spaces around it."""

SPECIAL = [
    *("Yes", "No", "yes", "on", "off", "y", "n", "true", "False", "null", "Null", "~", ""),
    *("42", "-1", "0o17", "0x1F", "1_000", "3.5", "1e3", ".inf", "-.inf", ".nan", "18:30"),
    *("2027-01-10", "2027-01-10 18:30:00", "2027-02-30", "=", "<<", "- a", "? a", "a: b"),
    *(" lead", "trail ", "  ", "# x", "a #b", "a# b", "x:", "'q'", '"q"', "'", '"', "\\n"),
    *("[a", "{a", "a, b", "&a", "*a", "!a", "!!str a", "|", ">", "%a", "@a", "`a", "--- a"),
    *("...", "a\u2028b", "\u2029", "a\x85b", "\x85", "\ta", "a\t", "a\u00a0", "\ufeffa"),
    *("😀", "a\U0001f600b", "\u200b", "é", "\u3000a", "a\nb", "a\r\nb", "\\", "a\\b"),
]
"""Text that YAML would read as something else, or lose part of, unless it is written well."""


def _typed() -> st.SearchStrategy[str]:
    """Any text at all, the special texts above much more often than chance would.

    Control characters, lone surrogates and non-characters are typed too: the course
    check refuses them in a course (no document can hold them), but the page must still
    save them as typed, so that the check can point at them.
    """
    part = st.one_of(st.sampled_from(SPECIAL), st.text(max_size=12))
    return st.lists(part, min_size=1, max_size=3).map("".join)


def _at(data: Any, path: list[str | int]) -> Any:
    for part in path:
        data = data[part]
    return data


# Each example makes some thirty changes; shrinking a failure would take minutes, and the
# special texts in it already read plainly.
@settings(max_examples=50, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate])
@given(typed=_typed(), steps=st.lists(_typed(), max_size=3))
def test_the_page_writes_what_it_reads(tmp_path_factory: Any, typed: str, steps: list[str]) -> None:
    from kit.serve import checking, editing, storage

    assume(typed.strip())
    course = tmp_path_factory.mktemp("course") / "course.yaml"
    course.write_text(ROUND_TRIP, encoding="utf-8")
    text = ROUND_TRIP
    # Each change as the page sends it to /api/change, then saved as /api/save does.
    for path in TEXT_FIELDS + CODE_FIELDS:
        text = apply(text, {"op": "set", "path": path, "value": typed})
    steps_path: list[str | int] = ["weeks", 0, "exercise", "steps"]
    text = apply(text, {"op": "set", "path": steps_path, "value": steps})
    text = apply(text, {"op": "reword", "week": 0, "id": "q1", "text": typed})
    text = apply(text, {"op": "add", "path": ["leaders"], "value": typed})
    text = apply(text, {"op": "add", "path": ["notices"], "value": typed})
    text = apply(text, {"op": "add", "path": ["care"], "value": {"name": typed}})
    storage.save(course, text, ROUND_TRIP)

    saved = storage.read(course)
    lines = [line.strip() for line in steps if line.strip()]
    for data in (
        load_text(saved, "course.yaml").data,  # kit's own course loader
        checking.data_of(saved, "course.yaml")[0],  # what the page shows
        editing.load(saved),  # what the page's next change starts from
    ):
        for path in TEXT_FIELDS:
            assert _at(data, path) == typed, path
        for path in CODE_FIELDS:
            assert _at(data, path) == typed.strip(), path
        assert (_at(data, steps_path[:-1]).get("steps") or []) == lines
        assert _at(data, ["weeks", 0, "questions", "replace", "q1"]) == typed
        assert _at(data, ["leaders", 2]) == typed
        assert _at(data, ["leaders", 1, "table"]) == 2
        assert _at(data, ["notices", 1]) == typed
        assert _at(data, ["care", 1, "name"]) == typed
