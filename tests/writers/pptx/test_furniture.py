"""What a template draws on its slides, measured where it lands."""

from __future__ import annotations

from helpers import FIXTURES
from pptx import Presentation

from kit.writers.pptx.fit.placement import Box
from kit.writers.pptx.furniture import furniture

TEMPLATES = FIXTURES / "templates-pptx"
IN = 914400


def _furniture(name: str, layout: str = "Title Only") -> tuple[list[Box], object]:
    prs = Presentation(str(TEMPLATES / f"{name}.pptx"))
    found = next((x for x in prs.slide_layouts if x.name == layout), prs.slide_layouts[0])
    return furniture(found, prs.slide_width, prs.slide_height), prs


def test_the_masters_logo_and_band_are_furniture_and_its_placeholders_are_not() -> None:
    boxes, prs = _furniture("navy-gold")
    band = Box(0, prs.slide_height - int(0.45 * IN), prs.slide_width, int(0.45 * IN))
    logo = Box(prs.slide_width - int(1.2 * IN), int(0.3 * IN), int(0.9 * IN), int(0.9 * IN))
    assert sorted(boxes) == sorted([band, logo])


def test_a_layouts_own_shapes_count_too() -> None:
    boxes, _ = _furniture("small-placeholders", "Title and Content")
    assert Box(0, int(0.1 * IN), 12192000, int(0.6 * IN)) in boxes


def test_a_groups_children_land_where_its_transform_puts_them() -> None:
    boxes, prs = _furniture("gradient-ornament")
    x, y = prs.slide_width - int(2.6 * IN), prs.slide_height - int(2.2 * IN)
    assert sorted(boxes) == sorted(
        [
            Box(x, y + int(0.6 * IN), int(1.4 * IN), int(1.4 * IN)),
            Box(x + int(0.6 * IN), y, int(1.4 * IN), int(1.4 * IN)),
        ]
    )


def test_a_turned_shape_counts_with_its_turned_bounding_box() -> None:
    [turned, _logo] = sorted(_furniture("pale-accents")[0], key=lambda b: -b.top)
    # 2.4 by 0.5 inches turned 30 degrees: about 2.33 by 1.63 inches on the slide.
    assert abs(turned.width - int(2.328 * IN)) < IN // 50
    assert abs(turned.height - int(1.633 * IN)) < IN // 50


def test_a_layout_that_hides_the_masters_shapes_has_none_of_them() -> None:
    prs = Presentation(str(TEMPLATES / "navy-gold.pptx"))
    layout = prs.slide_layouts[0]
    layout.element.set("showMasterSp", "0")
    assert furniture(layout, prs.slide_width, prs.slide_height) == []
