"""Paragraphs as slides store them: sizes, bullets and numbers, capitals, notes."""

from __future__ import annotations

from lxml import etree

from kit.compose.blocks import Heading, ListBlock, Paragraph, Run, Table
from kit.writers.ooxml import qn
from kit.writers.pptx.fit.paragraphs import Text
from kit.writers.pptx.text import CONTINUED_NOTE, face_paragraphs, notes_paragraphs


def _ppr(p: etree._Element) -> etree._Element:
    return p.find(qn("a:pPr"))


def _runs(p: etree._Element) -> list[tuple[str, dict[str, str]]]:
    return [(r.find(qn("a:t")).text, dict(r.find(qn("a:rPr")).attrib)) for r in p.iter(qn("a:r"))]


def test_a_numbered_list_starts_at_its_first_number_and_counts_on() -> None:
    items = [Text((Run(f"Step {n}"),), "item", 24, bullet="number", number=n) for n in (3, 4)]
    rest = Text((Run("more of step 4"),), "item", 24, bullet="number", number=4, continued=True)
    first, second, tail = face_paragraphs([*items, rest])
    assert first.find(f"{qn('a:pPr')}/{qn('a:buAutoNum')}").get("startAt") == "3"
    assert second.find(f"{qn('a:pPr')}/{qn('a:buAutoNum')}").get("startAt") is None
    # The rest of an item begun above has no number of its own and no space before it.
    assert _ppr(tail).find(qn("a:buNone")) is not None
    assert _ppr(tail).find(f"{qn('a:spcBef')}/{qn('a:spcPts')}").get("val") == "0"
    # A number hangs in an indent of one and a half times the size.
    assert _ppr(first).get("marL") == str(round(24 * 1.5 * 12700))
    assert _ppr(first).get("indent") == str(-round(24 * 1.5 * 12700))


def test_sizes_spacing_and_emphasis_are_set_on_every_run() -> None:
    body = Text(
        (Run("Plain "), Run("bold", bold=True), Run(" and "), Run("it", italic=True)), "body", 28.5
    )
    [p] = face_paragraphs([body], line=90)
    assert _ppr(p).find(f"{qn('a:lnSpc')}/{qn('a:spcPct')}").get("val") == "90000"
    assert [(text, attrs.get("sz"), "b" in attrs, "i" in attrs) for text, attrs in _runs(p)] == [
        ("Plain ", "2850", False, False),
        ("bold", "2850", True, False),
        (" and ", "2850", False, False),
        ("it", "2850", False, True),
    ]


def test_a_line_break_the_planner_chose_is_a_break_in_the_paragraph() -> None:
    [p] = face_paragraphs([Text((Run("Someone You\nCan Count On"),), "title", 40)])
    assert [etree.QName(e).localname for e in p] == ["pPr", "r", "br", "r", "endParaRPr"]
    assert [text for text, _ in _runs(p)] == ["Someone You", "Can Count On"]
    assert p.find(f"{qn('a:br')}/{qn('a:rPr')}").get("sz") == "4000"


def test_a_kicker_is_set_in_spaced_bold_capitals() -> None:
    [p] = face_paragraphs([Text((Run("Discussion \u00b7 1 of 5"),), "kicker", 18)])
    [(_, attrs)] = _runs(p)
    assert (attrs["b"], attrs["cap"], attrs["spc"]) == ("1", "all", "150")


def test_notes_mark_list_items_headings_and_a_continued_slide() -> None:
    blocks = [
        Heading(2, "Leader"),
        Paragraph((Run("Say "), Run("this", italic=True)), "body"),
        ListBlock(((Run("one"),), (Run("two"),)), "number"),
        ListBlock(((Run("dot"),),)),
        Table((((Run("a"),), (Run("b"),)),)),
    ]
    paras = notes_paragraphs(blocks, continued=True)
    texts = ["".join(t for t, _ in _runs(p)) for p in paras]
    assert texts == [
        CONTINUED_NOTE,
        "Leader",
        "Say this",
        "1. one",
        "2. two",
        "\u2022 dot",
        "a  b  ",
    ]
    assert "i" in _runs(paras[0])[0][1]
    assert "b" in _runs(paras[1])[0][1]


def test_a_slide_without_notes_gets_one_empty_paragraph() -> None:
    [p] = notes_paragraphs([], continued=False)
    # Stored as <a:t></a:t>, as python-pptx stores an empty run.
    assert p.find(f"{qn('a:r')}/{qn('a:t')}").text == ""


def test_space_before_a_paragraph_stays_within_the_schema() -> None:
    # A church template whose body font is huge asks for more than the schema allows.
    first, second = face_paragraphs(
        [Text((Run("One"),), "body", 4000), Text((Run("Two"),), "body", 4000)], line=100
    )
    spacing = [
        _ppr(p).find(f"{qn('a:spcBef')}/{qn('a:spcPts')}").get("val") for p in (first, second)
    ]
    assert spacing == ["0", "158400"]
