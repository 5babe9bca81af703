"""Scripture references and their text, looked up with pythonbible."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache, lru_cache

import pythonbible as pb
from pythonbible.bible import BIBLE_PACKAGE_NAMES

MAX_VERSES = 12
"""Longest passage a lesson may quote; a slide and a handout must hold it."""

DEFAULT_TRANSLATION = "WEB"
"""The translation installed with kit itself."""

EXTRAS = {"KJV": "kjv", "ASV": "asv"}
"""Translations kit offers as its own install extras, by code."""

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


@cache
def translations() -> dict[str, pb.Version]:
    """Every translation code pythonbible knows, by upper-case code."""
    return {v.value.upper(): v for v in pb.Version if v in BIBLE_PACKAGE_NAMES}


@cache
def installed(version: pb.Version) -> bool:
    """True when the text of a translation is installed."""
    return importlib.util.find_spec(BIBLE_PACKAGE_NAMES[version]) is not None


def available() -> list[str]:
    """Codes a course may name: kit's own translations and any other one installed."""
    own = {DEFAULT_TRANSLATION, *EXTRAS}
    return sorted(code for code, v in translations().items() if code in own or installed(v))


def install_hint(code: str) -> str:
    """The command that installs a translation's text."""
    if code in EXTRAS:
        return f'pip install "{DIST_NAME}[{EXTRAS[code]}]"'
    # pythonbible publishes each translation as pythonbible-<code>.
    return f"pip install pythonbible-{code.lower()}"


def translation_problem(code: str) -> str | None:
    """Why a translation code cannot be used, or None when it can."""
    version = translations().get(code.upper())
    if version is None:
        return f"unknown translation '{code}'; available: {', '.join(available())}"
    if not installed(version):
        code = version.value.upper()
        return (
            f"translation {code} ({version.title}) is not installed; "
            f"install it with: {install_hint(code)}"
        )
    return None


def passage_problem(text: str, code: str) -> str | None:
    """Why a checked reference has no text in a usable translation, or None when it has."""
    if reference_problem(text) is not None:
        return None  # not a reference: reported where the lesson names it
    version = translations()[code.upper()]
    ref = _references(text)[0]
    for verse_id in _verse_ids(text):
        try:
            found = _verse(verse_id, version)
        except (
            pb.VersionMissingVerseError,
            pb.VersionMissingChapterError,
            pb.VersionMissingBookError,
        ):
            found = ""
        if not found:
            # Several translations hold only one testament.
            return f"{version.title} has no text for {pb.format_scripture_references([ref])}"
    return None


def reference_problem(text: str) -> str | None:
    """Why a reference cannot be looked up, or None when it can."""
    try:
        refs = _references(text)
    except Exception:  # pythonbible raises assorted errors on odd input
        refs = []
    if not refs:
        return f"'{text}' is not a Bible reference kit can find; check the book, chapter and verse"
    if len(refs) > 1:
        return f"'{text}' holds {len(refs)} references; list each one separately"
    try:
        count = len(_verse_ids(text))
    except pb.InvalidVerseError:
        return f"'{text}' names a verse that does not exist"
    if count > MAX_VERSES:
        return f"'{text}' is {count} verses; quote at most {MAX_VERSES}"
    return None


def passage(text: str, code: str) -> Passage:
    """Look up one checked reference in a checked translation."""
    version = translations()[code.upper()]
    ref = _references(text)[0]
    verses = [_verse(verse_id, version) for verse_id in _verse_ids(text)]
    return Passage(
        reference=pb.format_scripture_references([ref]),
        text=" ".join(v for v in verses if v),
        translation=version.value.upper(),
        translation_name=version.title,
    )


def translation_name(code: str) -> str:
    """The full name of a known translation."""
    return translations()[code.upper()].title


@lru_cache(maxsize=1024)
def _references(text: str) -> tuple:
    # Each reference is checked, checked against the translation, then looked up;
    # pythonbible's parser is the slow part of loading a course.
    return tuple(pb.get_references(text))


@lru_cache(maxsize=1024)
def _verse_ids(text: str) -> tuple[int, ...]:
    return tuple(pb.convert_reference_to_verse_ids(_references(text)[0]))


@lru_cache(maxsize=4096)
def _verse(verse_id: int, version: pb.Version) -> str:
    text = pb.get_verse_text(verse_id, version=version).strip()
    # The WEB files write apostrophes as backticks.
    text = text.replace("`", "\u2019")
    # KJV and ASV mark supplied words with brackets; readers want plain text.
    return text.replace("[", "").replace("]", "")
