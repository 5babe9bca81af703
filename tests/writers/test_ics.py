"""course.ics: one event per meeting, read back with icalendar as a calendar app reads it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar

import kit

FIVE_WEEKS = """\
title: "Closer"
church: "Grace Church"
place: "Fellowship Hall, 12 Hill Road"
start: 2027-02-03
every: 2
time: "7pm"
minutes: 75
skip:
  - {date: 2027-03-31, label: Holy Week}
weeks: [trust, safety, empathy, vulnerability, closeness]
"""


def _build(tmp_path: Path, text: str) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "course.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    kit.build(kit.load_course(tmp_path / "course.yaml"), out)
    return out


def _events(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def test_each_meeting_is_an_event_and_a_skipped_date_none(tmp_path: Path) -> None:
    events = _events(_build(tmp_path, FIVE_WEEKS) / "course.ics")
    starts = [e.decoded("dtstart") for e in events]
    assert starts == [
        dt.datetime(2027, 2, 3, 19, 0),
        dt.datetime(2027, 2, 17, 19, 0),
        dt.datetime(2027, 3, 3, 19, 0),
        dt.datetime(2027, 3, 17, 19, 0),
        dt.datetime(2027, 4, 14, 19, 0),  # 2027-03-31 is Holy Week: no meeting
    ]
    assert all(e.decoded("duration") == dt.timedelta(minutes=75) for e in events)
    weeks = kit.load_course(tmp_path / "course.yaml").course.weeks
    assert [str(e["summary"]) for e in events] == [
        f"Closer: week {w.number}, {w.title}" for w in weeks
    ]
    assert [str(e["description"]).split("\n\n")[0] for e in events] == [w.big_idea for w in weeks]
    assert {str(e["location"]) for e in events} == {"Fellowship Hall, 12 Hill Road"}
    assert len({str(e["uid"]) for e in events}) == 5


def test_a_meeting_without_a_time_is_a_whole_day(tmp_path: Path) -> None:
    text = FIVE_WEEKS.replace('time: "7pm"\n', "").replace("place: ", "# place: ")
    (event, *_) = _events(_build(tmp_path, text) / "course.ics")
    assert event.decoded("dtstart") == dt.date(2027, 2, 3)
    assert event.decoded("dtend") == dt.date(2027, 2, 4)
    assert "location" not in event


def test_a_course_without_a_start_date_has_no_calendar(run_kit, tmp_path: Path) -> None:
    (tmp_path / "course.yaml").write_text("title: T\nweeks: [trust]\n", encoding="utf-8")
    result = run_kit("build", tmp_path / "course.yaml", "-o", tmp_path / "out")
    assert result.code == 0
    assert not (tmp_path / "out" / "course.ics").exists()
    assert "  (no course.ics: the course has no start date, so no meeting has a date)" in (
        result.out.splitlines()
    )


def test_the_calendar_is_the_same_bytes_every_build(tmp_path: Path) -> None:
    first = (_build(tmp_path / "a", FIVE_WEEKS) / "course.ics").read_bytes()
    again = (_build(tmp_path / "b", FIVE_WEEKS) / "course.ics").read_bytes()
    assert first == again
