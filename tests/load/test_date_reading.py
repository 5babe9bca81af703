"""Dates and times in every spelling a coordinator writes, as they arrive from YAML."""

from __future__ import annotations

import datetime as dt

import pytest

from kit.errors import InputError
from kit.load import schema
from kit.load.date_reading import read_clock, read_date
from kit.load.validate import check_model
from kit.load.yamlfile import load_text


def course(line: str) -> schema.CourseFile:
    doc = load_text(f"title: T\n{line}\nweeks: [trust]\n", "c.yaml")
    found, problems = check_model(schema.CourseFile, doc, "")
    if problems or found is None:
        raise InputError(problems)
    return found


def problems(line: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        course(line)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("time: 19:00", dt.time(19, 0)),  # YAML 1.1's base-60 number 1140, kept as written
        ("time: 7:05", dt.time(7, 5)),
        ('time: "18:30"', dt.time(18, 30)),
        ("time: 7:00 PM", dt.time(19, 0)),
        ("time: 7:00pm", dt.time(19, 0)),
        ("time: 7pm", dt.time(19, 0)),
        ("time: 7 p.m.", dt.time(19, 0)),
        ("time: 7:30 AM", dt.time(7, 30)),
        ("time: 12:15 am", dt.time(0, 15)),
        ("time: 12 pm", dt.time(12, 0)),
        ("time: 19.00", dt.time(19, 0)),  # YAML's float 19.0
        ("time: 18.30", dt.time(18, 30)),  # YAML's float 18.3
        ("time: 18.05", dt.time(18, 5)),
        ('time: "19.00"', dt.time(19, 0)),
        ("time: 19h30", dt.time(19, 30)),
    ],
)
def test_every_spelling_of_a_time_is_read(line: str, expected: dt.time) -> None:
    assert course(line).time == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("start: 2026-10-01", dt.date(2026, 10, 1)),  # a YAML date
        ("start: 2026-10-1", dt.date(2026, 10, 1)),  # not one: YAML gives the text
        ("start: 2026-1-9", dt.date(2026, 1, 9)),
        ('start: "2026-01-09"', dt.date(2026, 1, 9)),
        ("start: 2026-01-09 19:00:00", dt.date(2026, 1, 9)),
    ],
)
def test_a_date_may_have_one_digit_months_and_days(line: str, expected: dt.date) -> None:
    assert course(line).start == expected


NO_SUCH_DAY = "is not a day on the calendar; check the month and the day (written YYYY-MM-DD)"
UNREAD_DATE = "is not a date kit can read; write it year first, as YYYY-MM-DD (such as 2027-01-10)"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("time: 13pm", '\'13pm\' is not a time of day; write it as "18:30" or "6:30 PM"'),
        ("time: 0am", '\'0am\' is not a time of day; write it as "18:30" or "6:30 PM"'),
        ("time: 24:00", '\'24:00\' is not a time of day; write it as "18:30" or "6:30 PM"'),
        (
            "time: 18.305",
            'the number 18.305 is not a time of day; write it as "18:30" or "6:30 PM"',
        ),
        ("time: 7", 'should be a time of day; write it as "18:30" or "6:30 PM"'),
        ("start: 2026-13-1", f"'2026-13-1' {NO_SUCH_DAY}"),
        ("start: 2026-2-30", f"'2026-2-30' {NO_SUCH_DAY}"),
        ("start: 1/10/2026", f"'1/10/2026' {UNREAD_DATE}"),
    ],
)
def test_what_is_not_a_date_or_time_says_how_to_write_one(line: str, message: str) -> None:
    key = line.split(":")[0]
    field = {"start": "start date (start)", "time": "start time (time)"}[key]
    assert problems(line) == [f"c.yaml:2:{len(key) + 3}: {field}: {message}"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "date_style: internatonal",
            "c.yaml:2:13: date style (date_style): should be 'us', 'international' or 'iso'; "
            "this says 'internatonal'; did you mean 'international'?",
        ),
        (
            "date_style: uk",
            "c.yaml:2:13: date style (date_style): should be 'us', 'international' or 'iso'; this "
            "says 'uk'",
        ),
        (
            "time_style: 24",
            "c.yaml:2:13: time style (time_style): should be '12h' or '24h'; this is the number "
            "24; "
            "did you mean '24h'?",
        ),
        (
            "time_style: 12-hour",
            "c.yaml:2:13: time style (time_style): should be '12h' or '24h'; this says '12-hour'; "
            "did you mean '12h'?",
        ),
    ],
)
def test_styles_are_checked_with_a_suggestion(line: str, message: str) -> None:
    assert problems(line) == [message]


def test_styles_default_to_the_us_spelling() -> None:
    plain = course("minutes: 90")
    assert (plain.date_style, plain.time_style) == ("us", "12h")


def test_readers_take_python_values_too() -> None:
    assert read_date(dt.datetime(2027, 1, 10, 18, 30)) == dt.date(2027, 1, 10)
    assert read_clock(" 6:30 PM ") == dt.time(18, 30)
