"""Write a course's meetings as an iCalendar file (course.ics) with the icalendar library."""

from __future__ import annotations

import datetime as dt
import hashlib

import icalendar

from kit.compose.blocks import Calendar

PRODUCT = "-//kit//course calendar//EN"
"""Who made the calendar, as iCalendar asks every file to say."""


def write_ics(calendar: Calendar) -> bytes:
    """The calendar file of `calendar`: one event per meeting, the same bytes every build.

    Times are floating (no time zone): a class meets at 7 pm wherever its members are,
    and a calendar app shows floating times as the local clock.
    """
    out = icalendar.Calendar()
    out.add("prodid", PRODUCT)
    out.add("version", "2.0")
    out.add("calscale", "GREGORIAN")
    out.add("x-wr-calname", calendar.name)
    for meeting in calendar.events:
        event = icalendar.Event()
        # The same meeting keeps its id when its date moves, so an app updates it.
        key = hashlib.sha256(f"{calendar.name}\n{meeting.key}".encode()).hexdigest()[:32]
        event.add("uid", f"{key}@kit")
        # Required by iCalendar; the meeting's own day keeps the file byte-identical.
        event.add("dtstamp", dt.datetime.combine(meeting.date, dt.time(), dt.timezone.utc))
        if meeting.start is None:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + dt.timedelta(days=1))
        else:
            event.add("dtstart", dt.datetime.combine(meeting.date, meeting.start))
            event.add("duration", dt.timedelta(minutes=meeting.minutes))
        event.add("summary", meeting.summary)
        if meeting.description:
            event.add("description", meeting.description)
        if meeting.place:
            event.add("location", meeting.place)
        out.add_component(event)
    return out.to_ical()
