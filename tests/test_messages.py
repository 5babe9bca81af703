"""The pieces every stage's messages share."""

from __future__ import annotations

from kit.messages import field_path, suggest, too_big


def test_a_field_path_is_written_as_kit_check_prints_it() -> None:
    assert field_path(("weeks", 2, "questions", "drop", 0)) == "weeks[2].questions.drop[0]"
    assert field_path(()) == ""
    assert field_path((0, "a")) == "[0].a"


def test_the_known_names_come_with_the_closest_one() -> None:
    assert suggest("vulnerabilty", ["trust", "vulnerability"]) == (
        "known: trust, vulnerability; did you mean 'vulnerability'?"
    )
    assert suggest("zzz", ["b", "a"]) == "known: a, b"


def test_a_file_too_big_is_said_with_both_sizes() -> None:
    assert too_big(2_000_000, 1_000_000) == (
        "file is 2,000,000 bytes; kit reads files of at most 1,000,000 bytes"
    )
