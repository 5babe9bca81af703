"""A table leader's packet's file name: readable, safe and the same on every computer."""

from __future__ import annotations

import unicodedata

import pytest

from kit.check.packets import packet_problems, packet_stem


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Dan & Mia Lopez", "leader-packet-dan-mia-lopez"),
        ("  O'Brien,  Kate ", "leader-packet-o-brien-kate"),
        ("José Núñez", "leader-packet-josé-núñez"),
        # Full-width letters, as some keyboards type them.
        ("\uff2a\uff4f\uff45\u3000\uff2b\uff49\uff4d", "leader-packet-joe-kim"),
        ("김민준", "leader-packet-김민준"),
        ("प्रिया शर्मा", "leader-packet-प्रिया-शर्मा"),  # vowel signs stay in their word
        ("../../etc/passwd", "leader-packet-etc-passwd"),
        ("Table_3 (back)", "leader-packet-table-3-back"),
    ],
)
def test_a_name_gives_a_readable_file_name(name: str, stem: str) -> None:
    assert packet_stem(name) == stem


def test_the_same_name_typed_two_ways_gives_the_same_file() -> None:
    composed = unicodedata.normalize("NFC", "José")
    decomposed = unicodedata.normalize("NFD", "José")
    assert composed != decomposed
    assert packet_stem(composed) == packet_stem(decomposed) == "leader-packet-josé"


def test_a_long_name_is_cut_at_a_word() -> None:
    stem = packet_stem("Bartholomew " * 10)
    assert stem == "leader-packet-" + "-".join(["bartholomew"] * 5)


def test_a_name_in_letters_of_four_bytes_still_gives_a_name_any_file_system_takes() -> None:
    stem = packet_stem("\U00020000" * 70)  # a CJK letter that UTF-8 writes in four bytes
    assert stem == "leader-packet-" + "\U00020000" * 45
    assert len(f"{stem}.docx".encode()) <= 200


@pytest.mark.parametrize("name", ["???", "🙂🙂", "- & -", "\u0301"])
def test_a_name_without_letters_gives_no_file(name: str) -> None:
    assert packet_stem(name) is None


def test_names_that_give_one_file_or_none_are_problems_at_their_place() -> None:
    names = [None, "Dan Lopez", "dan  lopez!", "???", None, "Mia Lopez"]
    assert list(packet_problems(names)) == [
        (
            2,
            "'dan  lopez!' gives the same packet file (leader-packet-dan-lopez.docx) as the "
            "2nd leader; make the names differ, for example with a surname or the table",
        ),
        (
            3,
            "'???' has no letters or digits to name this leader's packet "
            "(leader-packet-NAME.docx); write the name in letters",
        ),
    ]
