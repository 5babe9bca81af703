"""Measuring text: the widths of the fonts slides render in, and how lines wrap."""

from __future__ import annotations

from kit.writers.pptx.fit import textfit


def _para(text: str, size: float = 20, face: str = "Calibri") -> textfit.Para:
    return textfit.Para((textfit.Piece(text, textfit.face(face)),), size)


def test_office_fonts_are_measured_with_their_metric_twins() -> None:
    assert textfit.face("Calibri").name == "Carlito regular"
    assert textfit.face("Cambria", bold=True).name == "Caladea bold"
    assert textfit.face("Arial", italic=True).name == "Liberation Sans italic"
    # Carlito's "M" is 1751/2048 em; at 20 pt with the 1% allowance:
    assert abs(textfit.face("Calibri").width("M", 20) - 1751 / 2048 * 20 * 1.01) < 1e-9


def test_an_unknown_font_is_measured_as_wide_as_any_known_one() -> None:
    text = "Where do we go from here, together?"
    unknown = textfit.face("Aptos Display").width(text, 20)
    for name in ("Calibri", "Cambria", "Arial", "Times New Roman"):
        assert unknown >= textfit.face(name).width(text, 20)


def test_wider_columns_never_need_more_lines() -> None:
    para = _para("Empathy means putting your own reactions aside for a while " * 3)
    counts = [textfit.line_count(para, w) for w in (150, 300, 600, 900)]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1]
