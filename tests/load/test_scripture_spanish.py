"""Scripture in Spanish: the Reina-Valera 1909 kit ships, and the built-in lessons in it."""

from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from kit.load import scripture
from kit.load.lessons import builtin_lessons
from kit.load.scripture import passage, passage_problem, reference_problem, translation_problem

SWORD = Path("/usr/share/sword")
MODULE = "spaRV1909eb"

BUILT_IN = {
    "Proverbs 3:3": "Proverbios 3:3",
    "Ephesians 4:25": "Efesios 4:25",
    "Luke 16:10": "Lucas 16:10",
    "Ephesians 4:1-3": "Efesios 4:1-3",
    "Ephesians 4:29": "Efesios 4:29",
    "Proverbs 17:9": "Proverbios 17:9",
    "Romans 12:15": "Romanos 12:15",
    "James 1:19-20": "Santiago 1:19-20",
    "Galatians 6:2": "Gálatas 6:2",
    "Psalm 62:8": "Salmo 62:8",
    "2 Corinthians 12:9": "2 Corintios 12:9",
    "Romans 15:7": "Romanos 15:7",
    "Ecclesiastes 4:9-10": "Eclesiastés 4:9-10",
    "Romans 15:2": "Romanos 15:2",
    "Proverbs 20:5": "Proverbios 20:5",
    "Philippians 4:8": "Filipenses 4:8",
    "1 Thessalonians 5:16-18": "1 Tesalonicenses 5:16-18",
}
"""Every reference the built-in lessons quote, and the same written in Spanish."""


def ids(text: str, language: str) -> list[int]:
    """The verse ids a reference names."""
    return scripture._parsed(scripture._english(text, language))["ids"]


def test_the_spanish_list_holds_every_reference_the_built_in_lessons_quote() -> None:
    quoted = {ref for f in builtin_lessons().values() for ref in f.lesson.scripture}
    assert quoted == set(BUILT_IN)


@pytest.mark.parametrize(("english", "spanish"), BUILT_IN.items())
def test_each_built_in_reference_reads_the_same_in_spanish(english: str, spanish: str) -> None:
    assert reference_problem(spanish, "es") is None
    assert passage_problem(spanish, "RV1909", "es") is None
    assert ids(spanish, "es") == ids(english, "en")
    assert passage(spanish, "RV1909", "es").reference == spanish.replace("-", "\u2013")


def test_the_reina_valera_comes_with_kit() -> None:
    assert translation_problem("RV1909") is None
    assert translation_problem("rv1909") is None
    assert "RV1909" in scripture.available()
    p = passage("Juan 3:16", "RV1909", "es")
    assert p.text.startswith("Porque de tal manera amó Dios al mundo, que ha dado á su Hijo")
    assert (p.reference, p.translation, p.translation_name) == (
        "Juan 3:16",
        "RV1909",
        "Reina-Valera 1909",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Salmo 62:8",
            "Esperad en él en todo tiempo, oh pueblos; derramad delante de él vuestro corazón: "
            "Dios es nuestro amparo.",
        ),
        (
            # Each verse begins with a capital; inside a sentence it is dropped.
            "Efesios 4:1-3",
            "Yo pues, preso en el Señor, os ruego que andéis como es digno de la vocación con "
            "que sois llamados; con toda humildad y mansedumbre, con paciencia soportando los "
            "unos á los otros en amor; solícitos á guardar la unidad del Espíritu en el vínculo "
            "de la paz.",
        ),
        (
            "Proverbios 3:3",
            "Misericordia y verdad no te desamparen; átalas á tu cuello, escríbelas en la tabla "
            "de tu corazón\u2026",
        ),
        (
            "1 Tesalonicenses 5:16-18",
            "Estad siempre gozosos. Orad sin cesar. Dad gracias en todo; porque esta es la "
            "voluntad de Dios para con vosotros en Cristo Jesús.",
        ),
        # A psalm's title is not its first verse, nor the first word in capitals.
        ("Salmo 23:1", "Jehová es mi pastor; nada me faltará."),
        ("Génesis 1:1", "En el principio crió Dios los cielos y la tierra."),
        ("Salmo 119:9", "¿Con qué limpiará el joven su camino? Con guardar tu palabra."),
        # Where the module leaves out a space after a supplied word, and where a supplied
        # pronoun joins its verb.
        (
            "Salmo 136:1",
            "Alabad á Jehová, porque es bueno; porque para siempre es su misericordia.",
        ),
        ("Mateo 14:13", None),
        (
            "Juan 14:2",
            "En la casa de mi Padre muchas moradas hay: de otra manera os lo hubiera dicho: voy, "
            "pues, á preparar lugar para vosotros.",
        ),
    ],
)
def test_known_verses_read_as_printed(text: str, expected: str | None) -> None:
    got = passage(text, "RV1909", "es").text
    if expected is None:
        assert got.startswith("Y oyéndolo Jesús, se apartó de allí")
    else:
        assert got == expected


def test_selah_and_the_letters_notes_are_left_out() -> None:
    assert "Selah" not in passage("Salmo 3:2-4", "RV1909", "es").text
    # Where Romans was written is a note printed after the letter, not its last verse.
    assert passage("Romanos 16:27", "RV1909", "es").text.endswith("para siempre. Amén.")
    # A name keeps its capital where a verse goes on with a sentence.
    assert "aprisionados; Jehová abre" in passage("Salmo 146:7-8", "RV1909", "es").text


def test_a_verse_the_spanish_numbering_joins_to_the_one_before_is_named() -> None:
    # The Reina-Valera prints Acts 19:41 as part of 19:40.
    assert (
        passage_problem("Hechos 19:40-41", "RV1909", "es")
        == "Reina-Valera 1909 has no text for Hechos 19:40-41"
    )


def test_the_text_says_where_it_came_from_and_that_it_is_free() -> None:
    data = json.loads(gzip.decompress(scripture.RV1909.read_bytes()))
    assert data["source"].startswith(
        "Debian package sword-text-sparv 2.60-1, SWORD module spaRV1909eb version 2.60 "
    )
    assert data["licence"].startswith("Public Domain: This work is not copyrighted.")
    assert "design/extract_rv1909.py" in data["about"]
    # The whole Bible: the first and last verses of the 66 books.
    assert {"1001001", "66022021"} <= set(data["verses"])
    assert {int(i) // 1_000_000 for i in data["verses"]} == set(range(1, 67))
    # No timestamp: gzip's modification time is zero, so a rerun gives the same bytes.
    assert scripture.RV1909.read_bytes()[4:8] == b"\0\0\0\0"


def _letters(text: str) -> str:
    """A text's letters alone, without case, accents or "Selah"."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if c.isalpha()).replace("selah", "")


@pytest.fixture(scope="module")
def module_bible() -> Any:
    """The Reina-Valera 1909 as the SWORD module has it, read with pysword."""
    if not (SWORD / "mods.d" / f"{MODULE}.conf").exists():
        pytest.skip("the SWORD module is not installed (apt-get install sword-text-sparv)")
    modules = pytest.importorskip("pysword.modules", reason="pysword reads the SWORD module")
    found = modules.SwordModules(str(SWORD))
    found.parse_modules()
    return found.get_bible_from_module(MODULE)


@pytest.mark.parametrize(("english", "spanish"), BUILT_IN.items())
def test_built_in_verses_match_the_sword_module(
    module_bible: Any,
    english: str,
    spanish: str,
) -> None:
    book, _, numbers = english.rpartition(" ")
    # The module's names: "Psalms" for one psalm too, Roman numbers for numbered books.
    book = {
        "Psalm": "Psalms",
        "1 Thessalonians": "I Thessalonians",
        "2 Corinthians": "II Corinthians",
    }.get(book, book)
    chapter, _, verses = numbers.partition(":")
    first, _, last = verses.partition("-")
    texts = [
        module_bible.get(books=[book], chapters=[int(chapter)], verses=[verse], clean=True)
        for verse in range(int(first), int(last or first) + 1)
    ]
    assert _letters(passage(spanish, "RV1909", "es").text) == _letters(" ".join(texts))
