"""Meeting dates from a start, a rhythm and skipped dates."""

from __future__ import annotations

import datetime as dt

from kit.check.schedule import Meeting, gaps, meetings, stray_skips

D = dt.date


def test_weekly_meetings_from_the_start() -> None:
    assert meetings(D(2027, 1, 10), 1, [], 3) == [
        Meeting(D(2027, 1, 10), 1),
        Meeting(D(2027, 1, 17), 2),
        Meeting(D(2027, 1, 24), 3),
    ]


def test_every_other_week_with_a_skip_moves_later_meetings_on() -> None:
    rows = meetings(D(2027, 1, 10), 2, [D(2027, 2, 7)], 4)
    assert rows == [
        Meeting(D(2027, 1, 10), 1),
        Meeting(D(2027, 1, 24), 2),
        Meeting(D(2027, 2, 7), None),
        Meeting(D(2027, 2, 21), 3),
        Meeting(D(2027, 3, 7), 4),
    ]


def test_skipping_the_first_date_starts_a_turn_later() -> None:
    rows = meetings(D(2027, 1, 10), 1, [D(2027, 1, 10)], 2)
    assert [(m.date, m.week) for m in rows] == [
        (D(2027, 1, 10), None),
        (D(2027, 1, 17), 1),
        (D(2027, 1, 24), 2),
    ]


def test_stray_skips_say_why() -> None:
    start = D(2027, 1, 10)  # a Sunday; every other week, three meetings: 10th, 24th, Feb 7
    skip = [
        D(2027, 1, 17),  # a Sunday, but an off week
        D(2027, 1, 3),  # before the start
        D(2027, 1, 24),  # fine: the meeting moves to Feb 7, the last to Feb 21
        D(2027, 3, 7),  # on the rhythm, after the last meeting
        D(2027, 1, 24),  # twice
        D(2027, 2, 22),  # after the end and not a Sunday
    ]
    assert stray_skips(start, 2, skip, 3) == [
        (0, "off"),
        (1, "before"),
        (3, "after"),
        (4, "twice"),
        (5, "off"),
    ]


def test_skipped_dates_keep_their_labels_and_follow_the_week_before() -> None:
    start = dt.date(2026, 11, 12)
    skip = [dt.date(2026, 11, 26), dt.date(2026, 12, 3)]
    rows = meetings(start, 1, skip, 3, {dt.date(2026, 11, 26): "Thanksgiving"})
    assert [(m.date.day, m.week, m.label) for m in rows] == [
        (12, 1, None),
        (19, 2, None),
        (26, None, "Thanksgiving"),
        (3, None, None),
        (10, 3, None),
    ]
    assert {week: [m.date.day for m in after] for week, after in gaps(rows).items()} == {
        1: [],
        2: [26, 3],
        3: [],
    }
