"""References written in Spanish: read as the English ones are, written back in Spanish."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.load import spanish_books, spanish_references
from kit.load.scripture import passage, passage_problem, reference_problem


def ids(text: str, language: str) -> list[int]:
    """The verse ids a reference names."""
    from kit.load import scripture

    return scripture._parsed(scripture._english(text, language))["ids"]


@pytest.mark.parametrize(
    ("spanish", "english"),
    [
        ("Efesios 4:2-3", "Ephesians 4:2-3"),
        ("Salmo 62:8", "Psalm 62:8"),
        ("Salmos 62:8", "Psalm 62:8"),
        ("Sal 23", "Psalms 23"),
        ("1 Juan 4:18", "1 John 4:18"),
        ("1Jn 4:18", "1 John 4:18"),
        ("I Juan 4:18", "1 John 4:18"),
        ("Primera de Juan 4:18", "1 John 4:18"),
        ("1a. Corintios 13:4-7", "1 Corinthians 13:4-7"),
        ("Segunda de Timoteo 3:16", "2 Timothy 3:16"),
        ("Génesis 2:24", "Genesis 2:24"),
        ("Genesis 2:24", "Genesis 2:24"),
        ("Gén. 2:24", "Genesis 2:24"),
        ("Cantares 8:6", "Song of Songs 8:6"),
        ("Cantar de los Cantares 8:6", "Song of Songs 8:6"),
        ("Isaías 53:5", "Isaiah 53:5"),
        ("isaias 53:5", "Isaiah 53:5"),
        ("Santiago 1:19-20", "James 1:19-20"),
        ("Juan 3:35-4:2", "John 3:35-4:2"),
        ("Salmos 133-134", "Psalms 133-134"),
        ("Judas 3", "Jude 3"),
        ("Apocalipsis 3:20", "Revelation 3:20"),
    ],
)
def test_a_spanish_reference_names_the_verses_the_english_one_does(
    spanish: str, english: str
) -> None:
    assert reference_problem(spanish, "es") is None
    assert ids(spanish, "es") == ids(english, "en")


def test_every_book_is_read_by_its_reina_valera_name_and_its_abbreviations() -> None:
    import pythonbible as pb

    assert len(spanish_books.BOOKS) == 66
    assert [book for book, _, _ in spanish_books.BOOKS] == [b.name for b in pb.Book][:66]
    for book, name, others in spanish_books.BOOKS:
        number = f"{name[0]} " if name[0].isdigit() else ""
        for form in (name, *(number + o for o in others)):
            verse = ids(f"{form} 1:1", "es")
            assert verse == [pb.Book[book].value * 1_000_000 + 1001], form


def test_no_two_books_share_a_name() -> None:
    from collections import Counter

    keys = Counter()
    for _, name, others in spanish_books.BOOKS:
        number = f"{name[0]} " if name[0].isdigit() else ""
        keys.update({spanish_references._key(number + f) for f in {name, *others}} - {""})
    assert [key for key, count in keys.items() if count > 1] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Efesio 4:2", "unknown book 'Efesio'; did you mean 'Efesios'?"),
        ("1 Jaun 4:18", "unknown book '1 Jaun'; did you mean '1 Juan'?"),
        ("Salmso 23", "unknown book 'Salmso'; did you mean 'Salmos'?"),
        ("Juan 22:1", "'Juan 22:1' names a chapter that does not exist; Juan has 21 chapters"),
        ("Judas 2:1", "'Judas 2:1' names a chapter that does not exist; Judas has 1 chapter"),
        ("Juan 3:37", "'Juan 3:37' names a verse that does not exist; Juan 3 has 36 verses"),
        (
            "Santiago 1:19-30",
            "'Santiago 1:19-30' names a verse that does not exist; Santiago 1 has 27 verses",
        ),
        ("Judas 30", "'Judas 30' names a verse that does not exist; Judas has 25 verses"),
        (
            "Xyzzy 3:16",
            "'Xyzzy 3:16' is not a Bible reference kit can find; check the book, chapter and verse",
        ),
        (
            "Juan 3:16, Romanos 5:8",
            "'Juan 3:16, Romanos 5:8' holds 2 references; list each one separately",
        ),
        ("Salmo 119:1-40", "'Salmo 119:1-40' is 40 verses; quote at most 12"),
    ],
)
def test_bad_spanish_references_say_what_is_wrong(text: str, message: str) -> None:
    assert reference_problem(text, "es") == message
    assert passage_problem(text, "RV1909", "es") is None  # said once, where it is named


def test_english_references_are_read_as_before() -> None:
    # A Spanish name is no English reference, and an English one gets no suggestion.
    assert reference_problem("Efesios 4:2") == (
        "'Efesios 4:2' is not a Bible reference kit can find; check the book, chapter and verse"
    )
    assert reference_problem("Ephesian 4:2") == (
        "'Ephesian 4:2' is not a Bible reference kit can find; check the book, chapter and verse"
    )


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Salmo 62:8", "Salmo 62:8"),
        ("Sal 23", "Salmo 23:1\u20136"),
        ("Salmos 1-2", "Salmos 1:1\u20132:12"),
        ("Santiago 1:19-20", "Santiago 1:19\u201320"),
        ("1 Jn 4:18", "1 Juan 4:18"),
        ("Cantar de los Cantares 8:6", "Cantares 8:6"),
        ("primera de tesalonicenses 5:16-18", "1 Tesalonicenses 5:16\u201318"),
        ("Ec 4:9-10", "Eclesiastés 4:9\u201310"),
        ("Judas 3", "Judas 3"),
        ("Génesis 50:26-Éxodo 1:2", "Génesis 50:26 \u2013 Éxodo 1:2"),
    ],
)
def test_a_reference_is_written_back_in_spanish(text: str, written: str) -> None:
    assert passage(text, "RV1909", "es").reference == written


def test_an_english_reference_is_written_in_english_whatever_the_translation() -> None:
    assert passage("Psalm 62:8", "RV1909").reference == "Psalm 62:8"
    assert passage("James 1:19-20", "WEB").reference == "James 1:19\u201320"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("Juan Sal1 I:-,.;ÉéñÑ0123456789 de"), max_size=30)
    | st.text(max_size=20)
)
def test_any_text_gets_an_answer_and_never_an_error(text: str) -> None:
    problem = reference_problem(text, "es")
    assert problem is None or problem.startswith(("'", "unknown book '"))
    if problem is None:
        assert passage(text, "RV1909", "es").reference
