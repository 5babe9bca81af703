"""A week's question changes: checked against its lesson's questions, then applied."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kit.errors import Problem
from kit.load import schema
from kit.load.yamlfile import YamlDoc
from kit.messages import suggest


@dataclass(frozen=True, slots=True)
class Question:
    """A question as a week asks it, after the course's changes."""

    id: str
    """Question id."""
    text: str
    """The question as it is asked."""
    audience: str
    """group or couple."""
    level: str
    """open, dig or reflect."""
    note: str | None
    """Leader-only note."""
    follow_up: tuple[str, ...]
    """Leader-only follow-up questions."""
    optional: bool
    """True when it goes first if time is short."""
    origin: str = "lesson"
    """lesson, reworded (by the course) or added (by the course)."""


def question_problems(
    week: schema.WeekEntry, lesson: schema.Lesson, doc: YamlDoc, at: tuple
) -> Iterator[Problem]:
    """Question ids a week's changes name that its lesson does not have at that point."""
    ids = [q.id for q in lesson.questions]
    changes = week.questions
    dropped: set[str] = set()
    for j, qid in enumerate(changes.drop):
        if qid is None:
            continue  # not an id; reported by the schema
        if qid not in ids:
            yield doc.problem((*at, "drop", j), f"unknown question id '{qid}'; {suggest(qid, ids)}")
        elif qid in dropped:
            yield doc.problem((*at, "drop", j), f"question '{qid}' is already dropped")
        dropped.add(qid)
    for qid in changes.replace:
        if qid not in ids:
            msg = f"unknown question id '{qid}'; {suggest(qid, ids)}"
            yield doc.problem((*at, "replace", qid), msg, key=True)
        elif qid in dropped:
            msg = f"question '{qid}' is dropped, so it cannot be reworded"
            yield doc.problem((*at, "replace", qid), msg, key=True)
    present = [i for i in ids if i not in dropped]
    added = [
        None if add is None else add.id or f"{lesson.id}-added-{j + 1}"
        for j, add in enumerate(changes.add)
    ]
    for j, add in enumerate(changes.add):
        if add is None:
            continue
        if add.after is not None and add.after not in present:
            if add.after in dropped:
                msg = f"question '{add.after}' is dropped; known: {', '.join(sorted(present))}"
            elif add.after in added[j + 1 :]:
                msg = f"question '{add.after}' is added later; list it before this one"
            else:
                msg = f"unknown question id '{add.after}'; {suggest(add.after, present)}"
            yield doc.problem((*at, "add", j, "after"), msg)
        if added[j] in present:
            where = (*at, "add", j, "id") if add.id else (*at, "add", j)
            yield doc.problem(where, f"question id '{added[j]}' is already used")
        else:
            present.append(added[j])
    if not present:
        yield doc.problem((*at, "drop"), "every question is dropped; keep or add at least one")


def apply_changes(lesson: schema.Lesson, changes: schema.QuestionChanges) -> list[Question]:
    """The lesson's questions after a week's drop, replace and add, in that order."""
    dropped = set(changes.drop)
    questions = [_reworded(q, changes.replace.get(q.id)) for q in lesson.questions]
    questions = [q for q in questions if q.id not in dropped]
    for number, add in enumerate(changes.add, 1):
        new = Question(
            id=add.id or f"{lesson.id}-added-{number}",
            text=add.text,
            audience=add.audience,
            level=add.level,
            note=add.note,
            follow_up=tuple(add.follow_up),
            optional=add.optional,
            origin="added",
        )
        if add.after is None:
            questions.append(new)
        else:
            at = next(i for i, q in enumerate(questions) if q.id == add.after)
            questions.insert(at + 1, new)
    return questions


def _reworded(question: schema.LessonQuestion, change: schema.Rewording | None) -> Question:
    """A lesson's question with a week's new text, note and follow-ups, where it gives them.

    New text alone keeps the lesson's note and follow-ups: they are usually still
    what to listen for, and a course that wants others says so in the same entry.
    """
    text = note = follow_up = None
    if change is not None:
        text, note, follow_up = change.text, change.note, change.follow_up
    return Question(
        id=question.id,
        text=text or question.text,
        audience=question.audience,
        level=question.level,
        note=note or question.note,
        follow_up=tuple(question.follow_up if follow_up is None else follow_up),
        optional=question.optional,
        origin="reworded" if text else "lesson",
    )
