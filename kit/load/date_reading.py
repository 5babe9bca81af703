"""Dates and clock times as coordinators write them in a course file.

A date is year, month and day in that order (`2027-01-10`, `2027-1-9`); other
orders are refused, since `10/1` is a different day in the US and in Europe. A
time is a 24-hour clock (`18:30`, `18.30`, `18h30`) or a 12-hour one with am or pm
(`6:30 PM`, `6:30pm`, `6pm`, `6 p.m.`).

YAML has opinions about both: `2027-1-9` is not a YAML date and arrives as text,
which is read here; `18.30` arrives as the number 18.3, whose two decimals are the
minutes; `18:30` would be the base-60 number 1110, which kit's YAML loader keeps as
the text written (see kit/load/yamlfile.py).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_CLOCK_24 = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")
_CLOCK_12 = re.compile(r"^(\d{1,2})(?:[:.]([0-5]\d))?\s*([ap])\.?\s*m\.?$", re.IGNORECASE)

DATE_HINT = "write it year first, as YYYY-MM-DD (such as 2027-01-10)"
TIME_HINT = 'write it as "18:30" or "6:30 PM"'


def read_date(value: Any) -> dt.date:
    """The calendar date a course file's value stands for; `ValueError` says why not."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = _DATE.match(value.strip())
        if match:
            try:
                return dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                # The 30th of February, month 13: written right, but not on any calendar.
                raise ValueError(
                    f"'{value}' is not a day on the calendar; check the month and the day "
                    "(written YYYY-MM-DD)"
                ) from None
        raise ValueError(f"'{value}' is not a date kit can read; {DATE_HINT}")
    raise ValueError(f"should be a date; {DATE_HINT}")


def read_clock(value: Any) -> dt.time:
    """The time of day a course file's value stands for; `ValueError` says why not."""
    if isinstance(value, float):
        # `time: 18.30` arrives as 18.3; two decimals give back what was written.
        written = f"{value:.2f}"
        if float(written) == value:
            return _clock_text(written, shown=written)
        raise ValueError(f"the number {value} is not a time of day; {TIME_HINT}")
    if isinstance(value, str):
        return _clock_text(value.strip(), shown=value)
    raise ValueError(f"should be a time of day; {TIME_HINT}")


def _clock_text(text: str, *, shown: str) -> dt.time:
    match = _CLOCK_24.match(text)
    if match:
        return dt.time(int(match.group(1)), int(match.group(2)))
    match = _CLOCK_12.match(text)
    if match and 1 <= int(match.group(1)) <= 12:
        hour = int(match.group(1)) % 12 + (12 if match.group(3).lower() == "p" else 0)
        return dt.time(hour, int(match.group(2) or 0))
    raise ValueError(f"'{shown}' is not a time of day; {TIME_HINT}")
