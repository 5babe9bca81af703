"""Every date and time style, as the `date` and `clock` filters write them."""

from __future__ import annotations

import datetime as dt

import pytest

from kit.dates import DATE_STYLES, TIME_STYLES, format_clock, format_date
from kit.load import schema

DAY = dt.date(2027, 1, 3)


@pytest.mark.parametrize(
    ("style", "long", "short"),
    [
        ("us", "Sunday, January 3, 2027", "Jan 3"),
        ("international", "Sunday 3 January 2027", "3 Jan"),
        ("iso", "Sunday 2027-01-03", "2027-01-03"),
    ],
)
def test_date_styles(style: str, long: str, short: str) -> None:
    assert (format_date(DAY, style=style), format_date(DAY, "short", style)) == (long, short)


@pytest.mark.parametrize(
    ("time", "twelve", "twenty_four"),
    [
        (dt.time(0, 5), "12:05 am", "00:05"),
        (dt.time(7, 0), "7:00 am", "07:00"),
        (dt.time(12, 0), "12:00 pm", "12:00"),
        (dt.time(18, 30), "6:30 pm", "18:30"),
    ],
)
def test_time_styles(time: dt.time, twelve: str, twenty_four: str) -> None:
    assert (format_clock(time), format_clock(time, "24h")) == (twelve, twenty_four)


def test_no_date_or_time_is_empty_text() -> None:
    assert (format_date(None), format_clock(None, "24h")) == ("", "")


def test_the_course_file_offers_exactly_these_styles() -> None:
    assert schema.DateStyle.__args__ == DATE_STYLES
    assert schema.TimeStyle.__args__ == TIME_STYLES


@pytest.mark.parametrize(
    ("style", "long", "short"),
    [
        ("us", "miércoles, 3 de febrero de 2027", "3 de febrero"),
        ("international", "miércoles, 3 de febrero de 2027", "3 de febrero"),
        ("iso", "miércoles 2027-02-03", "2027-02-03"),
    ],
)
def test_spanish_dates_are_cldr_s(style: str, long: str, short: str) -> None:
    day = dt.date(2027, 2, 3)
    assert format_date(day, "long", style, language="es") == long
    assert format_date(day, "short", style, language="es") == short


def test_spanish_clock_times_are_cldr_s() -> None:
    evening, morning = dt.time(19, 0), dt.time(9, 30)
    assert format_clock(evening, "12h", language="es") == "7:00 p.\u00a0m."
    assert format_clock(morning, "12h", language="es") == "9:30 a.\u00a0m."
    assert format_clock(evening, "24h", language="es") == "19:00"
    assert format_clock(morning, "24h", language="es") == "09:30"
