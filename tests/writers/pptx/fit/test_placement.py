"""The free part of a slide, and kit's text areas placed in it."""

from __future__ import annotations

from kit.writers.pptx.fit.placement import (
    BODY_FLOOR,
    Box,
    Fonts,
    Palette,
    frame,
    largest_free,
    place,
)

IN = 914400
SLIDE = Box(0, 0, 12 * IN, 8 * IN)
PALETTE = Palette("111111", "222222", "AA3300", "CC8800")
FONTS = Fonts("Georgia", "Arial")


def test_nothing_in_the_way_leaves_the_whole_frame() -> None:
    assert largest_free(SLIDE, []) == SLIDE


def test_a_band_at_the_foot_shortens_the_free_area_by_the_band_and_the_gap() -> None:
    band = Box(0, 7 * IN, 12 * IN, IN)
    free = largest_free(SLIDE, [band], gap=IN // 10)
    assert free == Box(0, 0, 12 * IN, 7 * IN - IN // 10)


def test_a_logo_in_a_corner_leaves_the_larger_of_the_two_rectangles_beside_it() -> None:
    logo = Box(11 * IN, 0, IN, 3 * IN)  # tall: the room left of it is the larger
    free = largest_free(SLIDE, [logo], gap=0)
    assert free == Box(0, 0, 11 * IN, 8 * IN)
    wide = Box(8 * IN, 0, 4 * IN, IN)  # wide: the room below it is the larger
    assert largest_free(SLIDE, [wide], gap=0) == Box(0, IN, 12 * IN, 7 * IN)


def test_a_least_size_takes_the_tall_room_beside_a_hedge_over_the_wide_room_above_it() -> None:
    hedge = Box(4 * IN, 5 * IN, 8 * IN, 3 * IN)  # wide room above: 12 by 5; beside: 4 by 8
    assert largest_free(SLIDE, [hedge], gap=0) == Box(0, 0, 12 * IN, 5 * IN)
    tall = largest_free(SLIDE, [hedge], gap=0, least=(3 * IN, 6 * IN))
    assert tall == Box(0, 0, 4 * IN, 8 * IN)
    assert largest_free(SLIDE, [hedge], gap=0, least=(5 * IN, 6 * IN)).width == 0


def test_the_free_area_never_overlaps_an_obstacle() -> None:
    obstacles = [Box(3 * IN, 2 * IN, IN, IN), Box(0, 6 * IN, 2 * IN, IN), Box(9 * IN, 0, 3, 3)]
    gap = IN // 5
    free = largest_free(SLIDE, obstacles, gap=gap)
    grown = [
        Box(o.left - gap, o.top - gap, o.width + 2 * gap, o.height + 2 * gap) for o in obstacles
    ]
    assert not any(free.overlaps(o) for o in grown)
    # Right of the middle one, below the speck at the top.
    assert free == Box(4 * IN + gap, 3 + gap, 8 * IN - gap, 8 * IN - 3 - gap)


def test_margins_scale_with_the_slide() -> None:
    wide, narrow = frame(12192000, 6858000), frame(9144000, 6858000)
    assert wide.top == narrow.top
    assert narrow.left < wide.left


def _areas(kind: str, centre: bool = False):
    return place(
        kind, "Title Only", Box(IN, IN // 2, 10 * IN, 6 * IN), 6858000, FONTS, PALETTE, centre, 0
    )


def test_kicker_title_and_body_stack_down_the_free_area_with_kits_sizes() -> None:
    areas = _areas("points")
    kicker, title, body = areas.kicker, areas.title, areas.body
    assert kicker.top + kicker.height > title.top > kicker.top
    assert body.top >= title.top + title.height
    assert body.top + body.height <= IN // 2 + 6 * IN
    assert (kicker.size, title.size, body.size) == (20, 40, 28)
    assert (title.typeface, body.typeface, kicker.typeface) == ("Georgia", "Arial", "Arial")
    assert (kicker.color, title.color, body.color) == ("AA3300", "111111", "222222")
    assert areas.rule.color == "CC8800" and areas.rule.top < kicker.top
    assert body.floor == BODY_FLOOR and title.idx == 0 and body.idx is None


def test_scripture_is_italic_in_the_heading_font_with_a_reference_line_below() -> None:
    areas = _areas("scripture")
    assert areas.body.italic and areas.body.typeface == "Georgia"
    assert areas.caption is not None
    assert areas.caption.top >= areas.body.top + areas.body.height


def test_a_question_stands_large_in_the_middle_of_the_room_below_its_title() -> None:
    areas = _areas("question")
    assert areas.body.anchor == "ctr" and areas.body.size == 44
    assert areas.body.top + areas.body.height == IN // 2 + 6 * IN


def test_under_a_centred_title_everything_is_centred_and_the_rule_too() -> None:
    areas = _areas("points", centre=True)
    assert {areas.kicker.align, areas.title.align, areas.body.align} == {"ctr"}
    rule = areas.rule
    assert abs((rule.left + rule.width / 2) - (IN + 5 * IN)) <= 1
    assert {a.align for a in (_areas("points").kicker, _areas("points").title)} == {"l"}


def test_a_shorter_slide_scales_the_design_but_not_the_body_below_24_points() -> None:
    short = place("points", "x", Box(0, 0, 10 * IN, 4 * IN), 6858000 // 2, FONTS, PALETTE, False, 0)
    assert (short.title.size, short.body.size, short.body.floor) == (20, 24, 24)


def test_a_centred_free_area_keeps_its_middle_on_the_slides() -> None:
    logo = Box(11 * IN, 0, IN, IN)
    free = largest_free(SLIDE, [logo], gap=0, centred=True)
    assert free.left + free.width // 2 == SLIDE.width // 2
    assert free == Box(0, IN, 12 * IN, 7 * IN)  # below the logo, the whole width
    post = Box(5 * IN, 2 * IN, 2 * IN, 2 * IN)  # in the middle: room only above or below
    assert largest_free(SLIDE, [post], gap=0, centred=True) == Box(0, 4 * IN, 12 * IN, 4 * IN)
