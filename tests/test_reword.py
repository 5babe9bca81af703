"""A reworded question may bring its own leader note and follow-ups, or keep the lesson's."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import docx_lines, slide_texts

import kit
from kit.errors import InputError
from kit.load.lessons import builtin_lessons

WATCHING = next(q for q in builtin_lessons()["trust"].lesson.questions if q.id == "trust-watching")
SMALL_LIES = next(
    q for q in builtin_lessons()["trust"].lesson.questions if q.id == "trust-small-lies"
)

COURSE = """\
title: Closer
weeks:
  - lesson: trust
    questions:
      replace:
        trust-watching:
          text: "Who sees how you treat other people, and what do they learn?"
          note: "Listen for everyday examples, not confessions."
          follow_up: ["Whose example taught you most?"]
        trust-small-lies: {note: "Keep it light; nobody names a lie of their own."}
  - lesson: trust
    questions:
      replace: {trust-small-lies: {follow_up: []}}
"""


@pytest.fixture(scope="module")
def reworded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reworded")
    (folder / "course.yaml").write_text(COURSE, encoding="utf-8")
    kit.build(kit.load_course(folder / "course.yaml"), folder / "out")
    return folder / "out"


def _after(lines: list[str], start: str, count: int) -> list[str]:
    """`count` non-empty lines after the first that starts with `start`."""
    at = next(i for i, line in enumerate(lines) if line.startswith(start))
    return [line for line in lines[at + 1 :] if line][:count]


def test_leader_notes_carry_the_new_text_note_and_follow_ups(reworded: Path) -> None:
    lines = docx_lines(reworded / "week-01-leader-notes.docx")
    question = next(line for line in lines if "Who sees how you treat" in line)
    assert question.endswith("Who sees how you treat other people, and what do they learn?")
    assert _after(lines, question, 4) == [
        "Group · Dig deeper · reworded for this course",
        "Listen for everyday examples, not confessions.",
        "Follow-up questions",
        "Whose example taught you most?",
    ]
    text = "\n".join(lines)
    assert WATCHING.note not in text
    assert not [f for f in WATCHING.follow_up if f in text]


def test_a_new_note_alone_keeps_the_lessons_wording_and_follow_ups(reworded: Path) -> None:
    lines = docx_lines(reworded / "week-01-leader-notes.docx")
    question = next(line for line in lines if line.endswith(SMALL_LIES.text))
    assert _after(lines, question, 3 + len(SMALL_LIES.follow_up)) == [
        "Group · Dig deeper" if SMALL_LIES.level == "dig" else "Group · Open",
        "Keep it light; nobody names a lie of their own.",
        "Follow-up questions",
        *SMALL_LIES.follow_up,
    ]
    assert SMALL_LIES.note not in "\n".join(lines)


def test_an_empty_follow_up_list_leaves_the_follow_ups_out(reworded: Path) -> None:
    text = "\n".join(docx_lines(reworded / "week-02-leader-notes.docx"))
    assert SMALL_LIES.text in text and SMALL_LIES.note in text
    assert SMALL_LIES.follow_up and not [f for f in SMALL_LIES.follow_up if f in text]


def test_slides_put_the_new_note_in_the_speaker_notes_only(reworded: Path) -> None:
    deck = slide_texts(reworded / "week-01-slides.pptx")
    slide = next(s for s in deck if "Who sees how you treat" in s[1])
    assert "Leader note: Listen for everyday examples, not confessions." in slide[2]
    assert "Whose example taught you most?" in slide[2]
    assert WATCHING.note not in slide[2]
    assert not [s for s in deck if "Listen for everyday examples" in s[1]]


def test_the_handout_asks_the_new_wording_and_no_note(reworded: Path) -> None:
    text = "\n".join(docx_lines(reworded / "week-01-handout.docx"))
    assert "Who sees how you treat other people, and what do they learn?" in text
    for leader_only in ("Listen for everyday", "Whose example", "Keep it light"):
        assert leader_only not in text


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            "{}",
            "course.yaml:5:33: week 1, the new wording of 'trust-watching' "
            "(weeks[0].questions.replace.trust-watching): give the new text, "
            "note or follow_up",
        ),
        (
            "{txt: New words.}",
            "course.yaml:5:34: week 1, the new wording of 'trust-watching' "
            "(weeks[0].questions.replace.trust-watching.txt): unknown key 'txt'; "
            "known: follow_up, note, text; did you mean 'text'?",
        ),
        (
            "{text: New words., note: ''}",
            "course.yaml:5:58: week 1, the note of the new wording of 'trust-watching' "
            "(weeks[0].questions.replace.trust-watching.note): is empty; write it, or leave the "
            "line out if it is optional",
        ),
        (
            "42",
            "course.yaml:5:33: week 1, the new wording of 'trust-watching' "
            "(weeks[0].questions.replace.trust-watching): should be text; this is "
            "the number 42; put it in quotes to keep it as text",
        ),
        (
            "{follow_up: Why?}",
            "course.yaml:5:45: week 1, the follow-up questions of the new wording of "
            "'trust-watching' (weeks[0].questions.replace.trust-watching.follow_up): should be a "
            "list, each item on a line of its own starting with '- '; this says 'Why?'",
        ),
    ],
)
def test_a_wrong_rewording_is_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: str, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("course.yaml").write_text(
        "title: T\nweeks:\n  - lesson: trust\n    questions:\n"
        f"      replace: {{trust-watching: {entry}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        kit.load_course("course.yaml")
    assert [str(p) for p in caught.value.problems] == [expected]
