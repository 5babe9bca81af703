"""Fit a lesson's parts to the session length, and choose the questions that fit."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

MIN_PART = 2
"""No part of a session is shorter than this many minutes."""


def fit_minutes(natural: Sequence[int], total: int) -> list[int]:
    """Scale part lengths to add up to `total` exactly, none under `MIN_PART`.

    Parts are scaled in proportion and rounded by largest remainder; a part that
    would fall under the minimum is held at it and the rest share what is left.
    """
    if total < MIN_PART * len(natural):
        raise ValueError(f"{total} minutes cannot hold {len(natural)} parts")
    fixed: dict[int, int] = {}
    while True:
        free = [i for i in range(len(natural)) if i not in fixed]
        budget = total - sum(fixed.values())
        weight = sum(natural[i] for i in free)
        shares = {i: budget * natural[i] / weight for i in free}
        low = [i for i in free if shares[i] < MIN_PART]
        if not low:
            break
        for i in low:
            fixed[i] = MIN_PART
    result = dict(fixed)
    floors = {i: math.floor(shares[i]) for i in free}
    left = budget - sum(floors.values())
    # Largest remainder first; ties go to the earlier part so results are stable.
    order = sorted(free, key=lambda i: (-(shares[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    result.update(floors)
    return [result[i] for i in range(len(natural))]


def question_capacity(discussion: int, natural_discussion: int, natural_count: int) -> int:
    """How many questions a discussion of `discussion` minutes has room for.

    The pace is the lesson's own: its natural discussion time spread over its
    own questions.
    """
    pace = natural_discussion / max(natural_count, 1)
    return max(1, math.floor(discussion / pace + 1e-9))


@dataclass(frozen=True)
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
