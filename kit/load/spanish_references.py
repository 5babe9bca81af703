"""Scripture references written in Spanish: read into pythonbible's English, written back.

A Spanish reference ("Efesios 4:2-3", "1 Juan 4:18", "Salmo 62:8") is read by putting
each book's English name in place of its Spanish one, so that pythonbible reads chapters,
verses and ranges exactly as it reads English references. What pythonbible would only
reject (a misspelt book, a chapter past the book's end) is said here with a suggestion.
"""

from __future__ import annotations

import difflib
import importlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from kit.load.spanish_books import BOOKS, ORDINALS, SINGLE_PSALM


@dataclass(frozen=True)
class Reading:
    """A Spanish reference as pythonbible reads it, or why it cannot be read."""

    english: str
    """The reference with each book's English name in place of its Spanish one."""
    problem: str | None
    """Why the reference names no verse, with a suggestion; None when it may."""


_ORDINALS = {form: digit for digit, forms in ORDINALS.items() for form in forms}
_ORDINAL = "|".join(sorted((o for forms in ORDINALS.values() for o in forms), key=len)[::-1])

_SPAN = re.compile(
    # A book's number ("1", "1a.", "I", "Primera de") and its name's words, up to the
    # chapter number; a number is a book's only when a name follows it.
    rf"(?<![\w:.])(?P<book>(?:(?:{_ORDINAL})\.?\s*(?:de\s+)?(?=[^\W\d_]))?"
    r"[^\W\d_][^\W\d_.]*\.?(?:\s+[^\W\d_][^\W\d_.]*\.?)*?)"
    r"\s*(?=(?P<numbers>\d[\d:]*(?:-\d[\d:]*)?))",
    re.IGNORECASE,
)
"""A book's name and the chapter and verse numbers after it."""


def _folded(name: str) -> str:
    """A name as it is matched: lower case, no accents, no full stops, single spaces."""
    decomposed = unicodedata.normalize("NFD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace(".", " ").split())


def _key(name: str) -> str:
    """A name as it is looked up: its number, if any, as a digit ("Primera de Juan" and
    "1Jn" are "1 juan" and "1 jn")."""
    folded = _folded(name)
    # Longest first: "1a" before "1".
    for form, digit in sorted(_ORDINALS.items(), key=lambda item: -len(item[0])):
        match = re.match(rf"{re.escape(form)}\s*(?:de\s+)?(?=[a-z])", folded)
        # A Roman numeral or a word must stand apart from the name ("I Juan", not "Isaías").
        if match and (form[0].isdigit() or folded[len(form) : len(form) + 1] == " "):
            return f"{digit} {folded[match.end() :]}"
    return folded


@cache
def _books() -> dict[str, str]:
    """pythonbible's book name by every key a Spanish author's name for it reads as."""
    found: dict[str, str] = {}
    for book, name, others in BOOKS:
        number = name[0] if name[0].isdigit() else ""
        for form in (name, *others):
            key = _key(form if form[0].isdigit() or not number else f"{number} {form}")
            found.setdefault(key, book)
    return found


@cache
def _names() -> dict[str, str]:
    """The Reina-Valera's name by pythonbible's book name."""
    return {book: name for book, name, _ in BOOKS}


@cache
def _by_english() -> tuple[re.Pattern[str], dict[str, str]]:
    """pythonbible's English titles, longest first, and each one's Spanish name."""
    pb = importlib.import_module("pythonbible")
    spanish = {pb.Book[book].title: name for book, name in _names().items()}
    titles = sorted(spanish, key=len, reverse=True)
    # A range across books is written "Genesis 50:26 - Exodus 1:2".
    pattern = re.compile(rf"(?:^|(?<=- ))(?:{'|'.join(re.escape(t) for t in titles)})(?= \d)")
    return pattern, spanish


def read(text: str) -> Reading:
    """A Spanish reference in pythonbible's English, or why it names no verse."""
    pb = importlib.import_module("pythonbible")
    pieces: list[str] = []
    problem: str | None = None
    end = 0
    for match in _SPAN.finditer(text):
        written = match["book"]
        book = _books().get(_key(written))
        if book is None:
            suggestion = _suggestion(written)
            if suggestion and problem is None:
                problem = f"unknown book '{written}'; did you mean '{suggestion}'?"
            continue  # left as written: pythonbible finds no book in it
        pieces += [text[end : match.start()], pb.Book[book].title]
        end = match.end("book")
        problem = problem or _number_problem(text, book, match["numbers"])
    return Reading("".join([*pieces, text[end:]]), problem)


def _suggestion(written: str) -> str | None:
    """The Reina-Valera's name of the book a misspelt name most looks like."""
    close = difflib.get_close_matches(_key(written), list(_books()), n=1, cutoff=0.6)
    return _names()[_books()[close[0]]] if close else None


def _number_problem(text: str, book: str, numbers: str) -> str | None:
    """Why a chapter or verse the reference names is not in its book, or None."""
    pb = importlib.import_module("pythonbible")
    name, chapters = _names()[book], pb.get_number_of_chapters(pb.Book[book])
    first, _, last = numbers.partition("-")
    # A book of one chapter is cited by verse alone ("Judas 3"), as in English.
    by_verse = ":" in first or chapters == 1
    places = []
    for part in filter(None, (first, last)):
        if not re.fullmatch(r"\d+(?::\d*)?", part):
            return None  # not numbers pythonbible reads: said where it is checked
        chapter, colon, verse = part.partition(":")
        if colon:
            places.append((int(chapter), int(verse) if verse else None))
        elif by_verse:
            places.append((places[0][0] if places else 1, int(chapter)))
        else:
            places.append((int(chapter), None))
    for chapter, verse in places:
        if not 1 <= chapter <= chapters:
            noun = "chapter" if chapters == 1 else "chapters"
            return f"'{text}' names a chapter that does not exist; {name} has {chapters} {noun}"
        verses = pb.get_number_of_verses(pb.Book[book], chapter)
        if verse is not None and not 1 <= verse <= verses:
            where = name if chapters == 1 else f"{name} {chapter}"
            return f"'{text}' names a verse that does not exist; {where} has {verses} verses"
    return None


def written(english: str, chapters: int) -> str:
    """A reference pythonbible wrote in English, written with the Reina-Valera's names:
    one psalm in the singular ("Salmo 62:8"), several in the plural."""
    pattern, spanish = _by_english()
    text = pattern.sub(lambda m: spanish[m[0]], english)
    if chapters == 1 and text.startswith(spanish["Psalms"] + " "):
        return SINGLE_PSALM + text.removeprefix(spanish["Psalms"])
    return text
