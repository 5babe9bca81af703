"""Extract the whole Reina-Valera 1909 from its SWORD module into kit/load/rv1909.json.gz.

The Reina-Valera 1909 is public domain and packaged by Debian as `sword-text-sparv`
(the SWORD module spaRV1909eb). This script reads every verse with pysword and writes
them, once, as gzip-compressed JSON keyed by pythonbible's verse ids (book * 1,000,000 +
chapter * 1,000 + verse), with the module's name, version and licence, so that kit reads
Spanish scripture offline and every build gives the same bytes. A course file may quote
any verse, so the whole Bible is kept.

Run it again when Debian ships a new version of the module:

    apt-get install sword-text-sparv
    python3 -m venv /tmp/pysword-venv && /tmp/pysword-venv/bin/pip install pysword==0.2.8
    /tmp/pysword-venv/bin/python design/extract_rv1909.py

It needs only pysword and the standard library; kit itself is not imported. A second
run writes the same bytes (sorted ids, no timestamps, gzip without a date or a name).

What the text loses on the way, each as printed Bibles and kit's English texts have it:
- SWORD markup (Strong's numbers, the words the translators supplied, paragraph and
  chapter marks). The module leaves out the space where a supplied word meets another
  ("para siempreessu misericordia"); it is put back, except for a pronoun the supplied
  word joins to a verb ("oyéndolo", "díceles"), which Spanish writes as one word.
- The psalms' titles ("Al Músico principal: Salmo de David."), which the module puts in
  front of verse 1 and printed Bibles set above it, and Psalm 119's letter headings.
- The notes after the last verse of Paul's letters on where each was written.
- The first word of a chapter set in capitals ("EN el principio", "JEHOVA es mi
  pastor"), a printer's ornament: written as the text writes that word elsewhere.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

from pysword.modules import SwordModules

ROOT = Path(__file__).resolve().parent.parent
SWORD = Path("/usr/share/sword")
MODULE = "spaRV1909eb"
PACKAGE = "sword-text-sparv"
OUT = ROOT / "kit" / "load" / "rv1909.json.gz"

PSALMS, ROMANS, HEBREWS, LUKE = 19, 45, 58, 42

ENCLITICS = {"lo", "la", "le", "los", "las", "les", "me", "te", "se", "nos", "os"}
"""Pronouns Spanish writes joined to the verb before them."""

NOT_VERBS = {
    *("de", "y", "que", "no", "como", "os", "ellos", "cuánto", "gentes"),
    *("dios", "jehová", "josué", "ejército", "desolado", "dejaban"),
}
"""Words the module follows with a supplied pronoun or article that stays a word of its
own ("Josué los circuncidó", "os lo hubiera dicho", "dejaban la cría"): found by reading
every place a supplied pronoun follows a word."""

SUPPLIED = re.compile(
    r"(?P<before>[^\W\d_]+)</w>(?P<tag><transChange[^>]*>)(?P<word>[^\W\d_]+)(?=</transChange>)"
    r"|</transChange>(?=<w[ >])|</w>(?=<transChange)"
)
"""Where a supplied word meets a word of the original with no space between."""

LETTER_HEADING = re.compile(
    r"^(?:ALEPH|BETH|GIMEL|DALETH|HE|VAU|ZAIN|CHETH|TETH|JOD|CAPH|LAMED|MEM|NUN|SAMECH|AIN|"
    r"PE|TZADDI|COPH|RESH|SIN|TAU)\.?\s+"
)
"""Psalm 119's heading over each eight verses: the Hebrew letter they begin with."""

COLOPHON = re.compile(r"(?<=Amén\.)\s+[^.]*\b(?:escrita|enviada)\b.*$", re.IGNORECASE)
"""The note on where a letter was written, after its closing "Amén."."""

WORD = re.compile(r"[^\W\d_]+")


def plain(raw: str) -> str:
    """A verse's text without markup, a space wherever two words meet."""

    def junction(match: re.Match[str]) -> str:
        if match["before"] is None:
            return match[0] + " "
        joined = match["word"].lower() in ENCLITICS and match["before"].lower() not in NOT_VERBS
        return f"{match['before']}</w>{'' if joined else ' '}{match['tag']}{match['word']}"

    text = SUPPLIED.sub(junction, raw)
    text = re.sub(r"<[^>]*>", "", text)
    return " ".join(text.split())


def folded(word: str) -> str:
    """A word in lower case without accents, to find its other spellings."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def usual_forms(verses: dict[int, str]) -> dict[str, str]:
    """How the text most often writes each word that is not in capitals, by folded word;
    and, by "^" and the folded word, how it writes it with a capital first letter."""
    counts: Counter[str] = Counter()
    for text in verses.values():
        counts.update(w for w in WORD.findall(text) if len(w) == 1 or not w.isupper())
    forms: dict[str, str] = {}
    # Most frequent first, then alphabetical, so that ties always fall the same way.
    for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        forms.setdefault(folded(word), word)
        if word[0].isupper():
            # "á" is written "A" at the start of a sentence, without its accent.
            forms.setdefault("^" + folded(word), word)
    return forms


def title_end(text: str) -> int:
    """Where a psalm's own words begin after a title: at its first word in capitals."""
    words = list(WORD.finditer(text))
    for i, word in enumerate(words):
        following = words[i + 1][0] if i + 1 < len(words) else ""
        if word[0].isupper() and (len(word[0]) > 1 or following.isupper()):
            start = word.start()
            # An opening question or exclamation mark belongs to the psalm.
            return start - 1 if start and text[start - 1] in "¿¡" else start
    return 0


def opening(text: str, forms: dict[str, str]) -> str:
    """A chapter's first words as written elsewhere in the text, not in capitals."""
    lead = re.match(r"(?:Aleluya\.\s+)?[¿¡(]*", text).end()
    run = re.match(r"(?:[^\W\d_]+)(?:\s+[^\W\d_]+)*", text[lead:])
    words = run[0].split() if run else []
    capitals = []
    for word in words:
        if not word.isupper():
            break
        capitals.append(word)
    if not capitals or capitals == ["A"] or all(len(w) == 1 for w in capitals):
        return text
    written = [forms.get(folded(w), w.lower()) for w in capitals]
    first = forms.get("^" + folded(capitals[0]))
    written[0] = first or written[0][0].upper() + written[0][1:]
    end = lead + len(" ".join(capitals))
    return text[:lead] + " ".join(written) + text[end:]


def tidied(verses: dict[int, str]) -> dict[int, str]:
    """The verses as printed Bibles read: no titles, letter headings or colophons, and a
    chapter's first words out of capitals."""
    last_of_book: dict[int, int] = {}
    for verse_id in verses:
        last_of_book[verse_id // 1_000_000] = verse_id
    out = dict(verses)
    for verse_id, text in verses.items():
        book, chapter, verse = verse_id // 1_000_000, verse_id // 1000 % 1000, verse_id % 1000
        if book == PSALMS and chapter == 119 and verse % 8 == 1:
            text = LETTER_HEADING.sub("", text)
        elif book == PSALMS and verse == 1:
            cut = title_end(text)
            # "Aleluya." opens the psalm's own words, as "Praise Yah!" does in English.
            if text[:cut].strip() != "Aleluya.":
                text = text[cut:]
        if ROMANS <= book <= HEBREWS and verse_id == last_of_book[book]:
            text = COLOPHON.sub("", text)
        out[verse_id] = text
    forms = usual_forms(out)
    for verse_id, text in out.items():
        # Luke's story begins at 1:5, after its preface, with a word in capitals.
        if verse_id % 1000 == 1 or verse_id == LUKE * 1_000_000 + 1005:
            out[verse_id] = opening(text, forms)
    return out


def names(verses: dict[int, str]) -> list[str]:
    """Words the text writes with a capital inside a sentence more often than without:
    names ("Dios", "Jehová"), not "No" for being once a city's name. kit keeps the
    capital of such a word where a verse begins in the middle of a sentence."""
    text = " ".join(verses.values())
    # After a word and a space: not where a sentence or a verse may begin.
    inside = Counter(re.findall(r"(?<=[^\W\d_] )([^\W\d_])([^\W\d_]*)", text))
    lower = Counter(w for w in WORD.findall(text) if w.islower())
    found = {
        first + rest
        for (first, rest), count in inside.items()
        if first.isupper() and (not rest or rest.islower()) and count > lower[first.lower() + rest]
    }
    return sorted(found)


def conf(name: str) -> dict[str, str]:
    """The module's .conf entries (the last of any repeated key)."""
    entries = {}
    for line in (SWORD / "mods.d" / f"{name}.conf").read_text("utf-8").splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.startswith("#"):
            entries[key.strip()] = value.strip()
    return entries


def debian_version(package: str) -> str:
    """The installed version of a Debian package."""
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=True
    )
    return out.stdout


def read_module() -> dict[int, str]:
    """Every verse of the 66 books, without markup, by pythonbible verse id."""
    modules = SwordModules(str(SWORD))
    modules.parse_modules()
    bible = modules.get_bible_from_module(MODULE)
    books = bible.get_structure().get_books()
    # pythonbible numbers the 66 books of the Protestant canon in order (Genesis 1,
    # Matthew 40), as the module's lists do.
    canon = books["ot"][:39] + books["nt"]
    verses: dict[int, str] = {}
    for number, book in enumerate(canon, start=1):
        texts = bible.get_iter(books=[book.name], clean=False)
        for chapter, length in enumerate(book.chapter_lengths, start=1):
            for verse in range(1, length + 1):
                text = plain(next(texts))
                # The module numbers verses as Spanish Bibles do within the KJV's
                # frame: a verse Spanish Bibles join to the one before is left empty.
                if text:
                    verses[number * 1_000_000 + chapter * 1_000 + verse] = text
    return verses


def main() -> None:
    about = conf(MODULE)
    verses = tidied(read_module())
    data = {
        "about": (
            f"The whole {about['Description']} ({about['Abbreviation']}), by pythonbible verse "
            "id; written by design/extract_rv1909.py, which says what it leaves out."
        ),
        "source": (
            f"Debian package {PACKAGE} {debian_version(PACKAGE)}, SWORD module {MODULE} "
            f"version {about['Version']} ({about['SwordVersionDate']}), read with pysword"
        ),
        "licence": f"{about['DistributionLicense']}: {about['CopyrightNotes']}",
        "verses": {str(k): verses[k] for k in sorted(verses)},
        "names": names(verses),
    }
    text = json.dumps(data, indent=0, ensure_ascii=False) + "\n"
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {len(verses)} verses to {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
