"""Meeting dates: a start, a rhythm and the dates skipped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Meeting:
    """One row of the schedule: a meeting or a skipped date."""

    date: dt.date
    """The calendar date."""
    week: int | None
    """Week number, or None when nobody meets that day."""
    label: str | None = None
    """Why nobody meets that day, e.g. Thanksgiving, when the course says."""


def meetings(
    start: dt.date,
    every: int,
    skip: Sequence[dt.date],
    weeks: int,
    labels: Mapping[dt.date, str] | None = None,
) -> list[Meeting]:
    """Lay out `weeks` meetings from `start`, every `every` weeks, moving past skipped dates.

    `labels` names the reason for some skipped dates.
    """
    skipped = set(skip)
    labels = labels or {}
    rows: list[Meeting] = []
    day = start
    week = 1
    while week <= weeks:
        if day in skipped:
            rows.append(Meeting(day, None, labels.get(day)))
        else:
            rows.append(Meeting(day, week))
            week += 1
        day += dt.timedelta(weeks=every)
    return rows


def stray_skips(
    start: dt.date, every: int, skip: Sequence[dt.date], weeks: int
) -> list[tuple[int, str]]:
    """Skipped dates that cannot be skipped, by index, each with why.

    The reason is "before" the first meeting, "after" the last, skipped "twice",
    or "off" the rhythm of meeting days.
    """
    rows = meetings(start, every, skip, weeks)
    on_rhythm = {m.date for m in rows}
    last = rows[-1].date
    seen: set[dt.date] = set()
    stray: list[tuple[int, str]] = []
    for i, day in enumerate(skip):
        if day in seen:
            stray.append((i, "twice"))
        elif day < start:
            stray.append((i, "before"))
        elif day > last:
            stray.append((i, "after" if (day - start).days % (7 * every) == 0 else "off"))
        elif day not in on_rhythm:
            stray.append((i, "off"))
        seen.add(day)
    return stray


def gaps(rows: Sequence[Meeting]) -> dict[int, tuple[Meeting, ...]]:
    """The skipped dates that follow each week's meeting, by week number, before the next."""
    after: dict[int, list[Meeting]] = {}
    week = None
    for row in rows:
        if row.week is not None:
            week = row.week
            after[week] = []
        elif week is not None:
            after[week].append(row)
    return {number: tuple(skipped) for number, skipped in after.items()}
