"""Spanish references read through their English book names, where kit cannot read them yet.

Until kit reads Spanish book names ("Efesios 4:25") itself, tests that load the Spanish
lessons use `english_books` to look each one up under its English name. Each wrapper
asks kit first, so it changes nothing once kit reads the Spanish name itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from kit.check import course_file as check_course_file
from kit.course import resolve
from kit.load import lessons

BOOKS = {
    "Proverbios": "Proverbs",
    "Efesios": "Ephesians",
    "Lucas": "Luke",
    "Romanos": "Romans",
    "Santiago": "James",
    "Gálatas": "Galatians",
    "Salmo": "Psalm",
    "Salmos": "Psalms",
    "2 Corintios": "2 Corinthians",
    "1 Corintios": "1 Corinthians",
    "Eclesiastés": "Ecclesiastes",
    "Filipenses": "Philippians",
    "1 Tesalonicenses": "1 Thessalonians",
    "Colosenses": "Colossians",
    "1 Pedro": "1 Peter",
    "1 Juan": "1 John",
    "Juan": "John",
    "Mateo": "Matthew",
    "Hebreos": "Hebrews",
    "Génesis": "Genesis",
    "Cantares": "Song of Songs",
}

_BOOK = re.compile(r"^(\d )?[^\d\s]+(?= \d)")


def english(reference: str) -> str:
    """A Spanish reference with its book named in English; any other as it is."""
    match = _BOOK.match(reference)
    if match is None or match.group() not in BOOKS:
        return reference
    return BOOKS[match.group()] + reference[match.end() :]


def _problem(real: Callable[..., str | None]) -> Callable[..., str | None]:
    def wrapped(text: str, *args: Any) -> str | None:
        found = real(text, *args)
        return found if found is None else real(english(text), *args)

    return wrapped


def _passage(real: Callable[..., Any]) -> Callable[..., Any]:
    def wrapped(text: str, code: str) -> Any:
        try:
            return real(text, code)
        except Exception:
            return real(english(text), code)

    return wrapped


def read_in_english(patch: pytest.MonkeyPatch) -> None:
    """Have kit check and look up Spanish references through their English book names."""
    patch.setattr(lessons, "reference_problem", _problem(lessons.reference_problem))
    patch.setattr(check_course_file, "passage_problem", _problem(check_course_file.passage_problem))
    patch.setattr(resolve, "passage", _passage(resolve.passage))


@pytest.fixture
def english_books(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spanish references checked and looked up through their English book names."""
    read_in_english(monkeypatch)
