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
the same bytes everywhere. A course in another language writes its dates and times
from CLDR's data (through Babel), in fixed patterns, so they too are the same
everywhere: in Spanish "miércoles, 3 de febrero de 2027", "3 de febrero" (the short
date stands in sentences, where an abbreviated month reads badly), "miércoles
2027-02-03" (iso), and "7:00 p. m." or "19:00". Spanish writes the day before the
month, so `us` and `international` write the same Spanish dates.
"""

from __future__ import annotations

import datetime as dt

import babel.dates

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


_PATTERNS = {
    # language: (long date, short date, weekday alone (iso), 12-hour clock, 24-hour clock)
    "es": ("EEEE, d 'de' MMMM 'de' y", "d 'de' MMMM", "EEEE", "h:mm a", "HH:mm"),
}
"""CLDR patterns for each language besides English, fixed so outputs stay the same."""


def format_date(
    value: dt.date | None, form: str = "long", style: str = "us", language: str = "en"
) -> str:
    """A date in one style: `form` is long (with weekday and year) or short (month, day)."""
    if value is None:
        return ""
    if style not in DATE_STYLES:
        raise ValueError(f"unknown date style {style!r}")
    if language != "en":
        return _cldr_date(value, form, style, language)
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


def format_clock(value: dt.time | None, style: str = "12h", language: str = "en") -> str:
    """A time of day in one style."""
    if value is None:
        return ""
    if style not in TIME_STYLES:
        raise ValueError(f"unknown time style {style!r}")
    if language != "en":
        pattern = _PATTERNS[language][3 if style == "12h" else 4]
        return _spaced(babel.dates.format_time(value, pattern, locale=language))
    if style == "24h":
        return f"{value.hour:02d}:{value.minute:02d}"
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'am' if value.hour < 12 else 'pm'}"


def _cldr_date(value: dt.date, form: str, style: str, language: str) -> str:
    long, short, weekday = _PATTERNS[language][:3]
    if style == "iso":
        if form == "short":
            return value.isoformat()
        return f"{babel.dates.format_date(value, weekday, locale=language)} {value.isoformat()}"
    pattern = short if form == "short" else long
    return _spaced(babel.dates.format_date(value, pattern, locale=language))


def _spaced(text: str) -> str:
    # CLDR puts a narrow no-break space in "p.\u202fm."; fonts a church uses may lack it,
    # and a no-break space keeps the words together as well.
    return text.replace("\u202f", "\u00a0")
