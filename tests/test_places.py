"""A place in a course file said as a coordinator reads it, with the path kept for authors."""

from __future__ import annotations

import pytest

from kit.places import in_words, ordinal


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("weeks[3]", "week 4 (weeks[3])"),
        ("weeks[2].questions.drop[0]", "week 3, the 1st question to drop"),
        ("weeks[2].questions.add[1].text", "week 3, the text of the 2nd question added"),
        ("weeks[0].questions.reword.trust-x", "week 1, the rewording of 'trust-x'"),
        ("care[1].phone", "the phone of the 2nd care contact"),
        ("skip[0]", "the 1st skipped date"),
        ("weeks[0].title", "week 1's title"),
        ("weeks[1].take_home.steps[2]", "week 2's take-home, the 3rd step"),
    ],
)
def test_a_place_is_said_in_words_before_its_path(where: str, said: str) -> None:
    assert in_words(where) == (said if said.endswith(")") else f"{said} ({where})")


@pytest.mark.parametrize("where", ["", "title", "minutes", "weeks[0", "a b"])
def test_a_place_words_cannot_improve_is_left_as_it_is(where: str) -> None:
    assert in_words(where) == where


def test_ordinals_read_as_spoken() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
    ]  # fmt: skip
