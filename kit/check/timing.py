"""Fit a lesson's parts to the session length, and choose the questions that fit.

Every question that is not optional is asked, whatever the length: a short session
gives each question fewer minutes, down to `MIN_QUESTION`, and leaves out optional
questions first. When even that is too little for the questions that must stay,
`discussion_shortfall` says how many minutes they need, and the check reports it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from kit.load.schema import Lesson

MIN_PART = 2
"""No part of a session is shorter than this many minutes."""
LONGEST_SESSION = 180
"""The longest session a course may ask for (the course file's `minutes`)."""
STEP = 5
"""A session's parts are whole multiples of this many minutes, as a host plans an evening;
a session whose length is not a multiple gives the odd minutes to its longest part."""
APART_SHARE = 2 / 9
"""The most of a session couples spend away from their table, in couple time and with
their own questions together: 20 minutes of 90. The table is the heart of the evening."""
COUPLE_TIME = 10
"""The fewest minutes couples are given for their own questions together: three private
questions need time to be heard, not hurried. When the share apart has no room for it, the
couples take as many as fit, `MIN_QUESTION` minutes each, and the rest home."""
LAST_CLOSING = 10
"""The closing of a course's last meeting, taken from its discussion: the host thanks the
room and leaves time for quiet."""
MIN_QUESTION = 3
"""The fewest minutes a short session gives a question, unless its lesson's own pace is
quicker: a table needs that long to hear a question, think and hear a few answers."""

PARTS = ("opening", "teaching", "exercise", "discussion", "prayer")
"""The parts of every lesson, in the order they happen."""
GROUND_RULES = ("ground_rules", 5)
"""The part the first week adds after its opening question, and its natural minutes:
the host reads the ground rules to the room before anyone is asked to share."""
SHORTEST_REST = 45
"""The fewest minutes an arrival part may leave the rest of the evening: the shortest
session a course may ask for."""


def session_parts(lesson: Lesson, number: int) -> list[tuple[str, int]]:
    """The parts of week `number`'s session and their natural minutes, in order."""
    parts = [(part, getattr(lesson, part).minutes) for part in PARTS]
    if number == 1:
        parts.insert(1, GROUND_RULES)
    return parts


def fit_minutes(natural: Sequence[int], total: int, least: int = MIN_PART) -> list[int]:
    """Scale part lengths to add up to `total` exactly, none under `least`.

    Parts are scaled in proportion and rounded by largest remainder; a part that
    would fall under the minimum is held at it and the rest share what is left.
    """
    if total < least * len(natural):
        raise ValueError(f"{total} minutes cannot hold {len(natural)} parts")
    fixed: dict[int, int] = {}
    while True:
        free = [i for i in range(len(natural)) if i not in fixed]
        budget = total - sum(fixed.values())
        weight = sum(natural[i] for i in free)
        shares = {i: budget * natural[i] / weight for i in free}
        low = [i for i in free if shares[i] < least]
        if not low:
            break
        for i in low:
            fixed[i] = least
    result = dict(fixed)
    floors = {i: math.floor(shares[i]) for i in free}
    left = budget - sum(floors.values())
    # Largest remainder first; ties go to the earlier part so results are stable.
    order = sorted(free, key=lambda i: (-(shares[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    result.update(floors)
    return [result[i] for i in range(len(natural))]


def fit_session(natural: Sequence[int], total: int) -> list[int]:
    """Scale a session's part lengths to `total` in whole `STEP`s of minutes.

    A session kept at its natural length keeps its parts as written. Otherwise each part
    is a multiple of `STEP` and at least one step; the odd minutes of a total that is not a
    multiple go to the longest part. A total too short for a step each is fitted by the
    minute.
    """
    if total == sum(natural) or total // STEP < len(natural):
        return fit_minutes(natural, total)
    fitted = [n * STEP for n in fit_minutes(natural, total // STEP, least=1)]
    fitted[max(range(len(natural)), key=lambda i: (natural[i], -i))] += total % STEP
    return fitted


def couple_minutes(total: int, exercise: int, discussion: int, couple: int, table: int) -> int:
    """Minutes of the discussion that couples spend apart on their own `couple` questions.

    In proportion to the questions and at least `COUPLE_TIME`, but never so long that couple
    time and these minutes together keep couples from their table for more than `APART_SHARE`
    of the session; whole `STEP`s, at least one, and the table keeps at least one.
    """
    if not couple or not table:
        return 0
    share = discussion * couple / (couple + table)
    room = math.floor(total * APART_SHARE + 1e-9) - exercise
    minutes = math.floor(min(max(share, COUPLE_TIME), room) / STEP) * STEP
    return max(STEP, min(minutes, discussion - STEP)) if discussion >= 2 * STEP else 0


def couple_questions_tonight(minutes: int, couple: int) -> int:
    """How many of `couple` private questions couples take in `minutes` apart: all of them
    in `COUPLE_TIME` or more, else as many as fit at `MIN_QUESTION` minutes each (at least
    one); the rest are theirs to take home."""
    if minutes >= COUPLE_TIME:
        return couple
    return min(couple, max(1, minutes // MIN_QUESTION))


def lengthen_closing(parts: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """A last meeting's parts: its closing made `LAST_CLOSING` minutes, from the discussion."""
    minutes = dict(parts)
    more = max(0, LAST_CLOSING - minutes["prayer"])
    if minutes["discussion"] - more < 2 * STEP:
        return list(parts)
    shift = {"prayer": more, "discussion": -more}
    return [(key, m + shift.get(key, 0)) for key, m in parts]


def question_pace(natural_discussion: int, natural_count: int) -> float:
    """Minutes a lesson gives each question: its natural discussion time over its questions."""
    return natural_discussion / max(natural_count, 1)


def question_capacity(
    discussion: int, natural_discussion: int, natural_count: int, required: int = 0
) -> int:
    """How many questions a discussion of `discussion` minutes keeps.

    Every one of the `required` questions, and as many more as there is room for at
    the lesson's own pace; at least one.
    """
    room = math.floor(discussion / question_pace(natural_discussion, natural_count) + 1e-9)
    return max(1, required, room)


def discussion_shortfall(
    discussion: int, required: int, natural_discussion: int, natural_count: int
) -> int | None:
    """Minutes of discussion `required` questions need, when `discussion` is too short.

    Each needs `MIN_QUESTION` minutes, or the lesson's own pace when that is quicker
    (so a lesson always fits its own natural length); None when they fit.
    """
    each = min(MIN_QUESTION, question_pace(natural_discussion, natural_count))
    needed = math.ceil(required * each - 1e-9)
    return needed if needed > discussion else None


@dataclass(frozen=True, slots=True)
class Slot:
    """One part of the session with its minutes and, when known, its clock times."""

    key: str
    """Which part: opening, teaching, exercise, discussion or prayer."""
    minutes: int
    """Length in minutes."""
    start: dt.time | None = None
    """Clock time the part starts."""
    end: dt.time | None = None
    """Clock time the part ends."""


def clock_slots(parts: Sequence[tuple[str, int]], start: dt.time | None) -> list[Slot]:
    """Attach clock times to consecutive parts that begin at `start`."""
    slots: list[Slot] = []
    now = dt.datetime.combine(dt.date(2000, 1, 1), start) if start else None
    for key, minutes in parts:
        if now is None:
            slots.append(Slot(key, minutes))
            continue
        later = now + dt.timedelta(minutes=minutes)
        slots.append(Slot(key, minutes, now.time(), later.time()))
        now = later
    return slots
