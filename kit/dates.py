"""Dates and clock times in the style a course asks for, as every output shows them.

A course's `date_style` and `time_style` choose one spelling for all its files,
whatever spelling its course file used:

| style | long date | short date |
| --- | --- | --- |
| us (default) | Sunday, January 10, 2027 | Jan 10 |
| international | Sunday 10 January 2027 | 10 Jan |
| iso | Sunday 2027-01-10 | 2027-01-10 |

| style | clock |
| --- | --- |
| 12h (default) | 6:30 pm |
| 24h | 18:30 |

Month and day names are English whatever the computer's locale, so a build gives
the same bytes everywhere.
"""

from __future__ import annotations

import datetime as dt

DATE_STYLES = ("us", "international", "iso")
"""Every date style, the default first."""
TIME_STYLES = ("12h", "24h")
"""Every time style, the default first."""

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def format_date(value: dt.date | None, form: str = "long", style: str = "us") -> str:
    """A date in one style: `form` is long (with weekday and year) or short (month, day)."""
    if value is None:
        return ""
    if style not in DATE_STYLES:
        raise ValueError(f"unknown date style {style!r}")
    month, weekday = _MONTHS[value.month - 1], _DAYS[value.weekday()]
    if style == "iso":
        return value.isoformat() if form == "short" else f"{weekday} {value.isoformat()}"
    if form == "short":
        if style == "international":
            return f"{value.day} {month[:3]}"
        return f"{month[:3]} {value.day}"
    if style == "international":
        return f"{weekday} {value.day} {month} {value.year}"
    return f"{weekday}, {month} {value.day}, {value.year}"


def format_clock(value: dt.time | None, style: str = "12h") -> str:
    """A time of day in one style."""
    if value is None:
        return ""
    if style not in TIME_STYLES:
        raise ValueError(f"unknown time style {style!r}")
    if style == "24h":
        return f"{value.hour:02d}:{value.minute:02d}"
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'am' if value.hour < 12 else 'pm'}"
