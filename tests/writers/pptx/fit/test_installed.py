"""Fonts kit has no table for, measured from their own files where they are installed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kit.writers.pptx.fit import installed, textfit
from kit.writers.pptx.fit.fontfile import widths


def _clear() -> None:
    installed.catalogue.cache_clear()
    installed.installed_widths.cache_clear()
    textfit.face.cache_clear()


@pytest.fixture(scope="module")
def system_font() -> tuple[str, Path]:
    """An installed regular font of a family kit's table does not know, and its file."""
    _clear()
    found = sorted(
        (family, path)
        for (family, style), path in installed.catalogue().items()
        if style == "regular" and family not in textfit.ALIASES
    )
    _clear()
    if not found:
        pytest.skip("no regular font outside kit's table is installed")
    return found[0]


@pytest.fixture
def fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty font folder standing for the system's, caches cleared before and after."""
    monkeypatch.setattr(installed, "font_folders", lambda: [tmp_path])
    _clear()
    yield tmp_path
    _clear()


def test_an_installed_font_is_measured_with_its_own_widths(
    system_font: tuple[str, Path], fonts: Path
) -> None:
    family, source = system_font
    shutil.copy(source, fonts / source.name)
    own, _ = widths(source.read_bytes())
    face = textfit.face(family.upper())  # a theme may spell the name in any case
    assert face.name.endswith("regular (installed)")
    expected = (own[ord("M")] + own[ord("i")]) * 10 * textfit.WIDTH_SAFETY
    assert face.width("Mi", 10) == pytest.approx(expected)
    # Another style of it is not installed: a renderer making it may set it wider.
    assert textfit.face(family.upper(), bold=True).name == "fallback bold"


def test_a_font_not_installed_is_measured_with_the_cautious_stand_in(
    system_font: tuple[str, Path], fonts: Path
) -> None:
    assert installed.catalogue() == {}
    assert textfit.face(system_font[0]).name == "fallback regular"


def test_a_font_file_that_cannot_be_read_is_left_to_the_stand_in(
    system_font: tuple[str, Path], fonts: Path
) -> None:
    family, source = system_font
    (fonts / source.name).write_bytes(source.read_bytes()[:2000])
    assert textfit.face(family).name == "fallback regular"


def test_the_tables_fonts_own_files_measure_as_the_table() -> None:
    _clear()
    path = installed.catalogue().get(("carlito", "regular"))
    if path is None:
        pytest.skip("Carlito is not installed (fonts-crosextra-carlito)")
    own, _ = widths(path.read_bytes())
    table = textfit.face("Carlito")
    assert {c: own[c] for c in table.widths} == pytest.approx(table.widths)
