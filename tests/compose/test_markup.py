"""The markup's limits that compose checks while a template renders: slides in a deck."""

from __future__ import annotations

import pytest

from kit.compose.blocks import Together
from kit.compose.markup import MAX_SLIDES, MarkupError, SlideCount, parse, parse_slides


def _counted(*pieces: str) -> int:
    count = SlideCount()
    for piece in pieces:
        count(piece)
    return count.count


def test_slides_are_counted_at_the_start_of_lines_across_pieces() -> None:
    assert _counted("@slide title\n# A\n", "@slide", " points\n", "  @slide\n") == 3
    assert _counted("# A\n  ", "@slide points\n") == 1
    assert _counted("text @slide\n", "more", "@slide\n", "@slides\n") == 0


def test_a_deck_stops_at_the_first_slide_past_the_limit() -> None:
    count = SlideCount(2)
    assert [count(p) for p in ["@slide a\n", "@slide b\n@slide c\n"]] == [
        None,
        "it writes more than 2 slides; one deck holds at most 2",
    ]


def test_parsing_refuses_a_deck_past_the_limit_at_its_line() -> None:
    assert len(parse_slides("@slide\n# A\n" * MAX_SLIDES)) == MAX_SLIDES
    with pytest.raises(MarkupError) as caught:
        parse_slides("@slide\n# A\n" * (MAX_SLIDES + 1))
    assert caught.value.line == 2 * MAX_SLIDES + 1
    assert str(caught.value) == "it writes more than 500 slides; one deck holds at most 500"


def test_together_holds_its_blocks_and_says_when_it_is_never_closed() -> None:
    (together,) = parse("@together\n## At home\n[ ] one\n\nNext meeting.\n@end")
    assert isinstance(together, Together)
    assert [type(b).__name__ for b in together.blocks] == ["Heading", "ListBlock", "Paragraph"]
    with pytest.raises(MarkupError) as raised:
        parse("@together\nNext meeting.")
    assert (raised.value.line, str(raised.value)) == (2, "@together is never closed (@end)")
