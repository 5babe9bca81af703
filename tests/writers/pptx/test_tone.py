"""A template's own background tone, read from what its layouts draw rather than its theme."""

from __future__ import annotations

from helpers import FIXTURES
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE

from kit.writers.pptx.pictures import Pictures
from kit.writers.pptx.theme import read_theme
from kit.writers.pptx.tone import is_dark, tone

BLANK = FIXTURES / "templates-pptx" / "blank-only.pptx"


def _tone_with_band(share: float) -> str:
    """The tone of the blank template with a black band over `share` of its height."""
    prs = Presentation(str(BLANK))
    layout = prs.slide_layouts[0]
    w, h = prs.slide_width, prs.slide_height
    if share:
        band = prs.slides.add_slide(layout).shapes.add_shape(
            MSO_SHAPE.RECTANGLE, 0, 0, w, int(h * share)
        )
        band.fill.solid()
        band.fill.fore_color.rgb = RGBColor(0x10, 0x10, 0x10)
        layout.shapes.element.append(band.element)
    return tone(layout, read_theme(layout.slide_master), (w, h), Pictures())


def test_a_band_over_most_of_the_slide_gives_the_template_its_tone() -> None:
    # The theme's background is white; what the slides show is mostly the band.
    assert _tone_with_band(0.6) == "101010"
    assert is_dark(_tone_with_band(0.6))


def test_a_band_over_less_than_half_leaves_the_background_s_tone() -> None:
    assert _tone_with_band(0.4) == _tone_with_band(0) == "FFFFFF"
    assert not is_dark(_tone_with_band(0.4))
