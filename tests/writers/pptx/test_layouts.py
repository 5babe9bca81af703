"""Which layout each kind of slide uses, where its text goes, and what a template must have."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from helpers import FIXTURES
from pptx import Presentation

import kit
from kit.errors import InputError
from kit.load.brand import brand_problem
from kit.resources import data_dir
from kit.writers.ooxml import NAMESPACES
from kit.writers.pptx.layouts import LAYOUTS, candidate_layouts, layout_choices
from kit.writers.pptx.theme import (
    MIN_CONTRAST,
    backgrounds,
    color_map,
    contrast,
    read_theme,
    resolve,
)

CHURCH = FIXTURES / "church-pptx" / "brand" / "church.pptx"


def _names(prs, kind: str) -> list[str]:
    return [layout.name for layout in candidate_layouts(prs, kind)]


def test_a_template_without_kits_layouts_offers_its_plain_ones_titled_first() -> None:
    prs = Presentation(str(CHURCH))
    # Blank has no place for a title, so it is never chosen while a titled layout exists.
    assert _names(prs, "points") == ["Title and Content", "Title Only"]
    assert _names(prs, "title") == ["Title Slide", *_names(prs, "points")]
    assert _names(prs, "section") == _names(prs, "points")
    assert _names(prs, "no such kind") == _names(prs, "points")


def test_kits_own_template_uses_the_layout_designed_for_each_kind() -> None:
    prs = Presentation(str(data_dir("templates") / "base.pptx"))
    choices = layout_choices(prs)
    assert {kind: [c.areas.layout for c in found] for kind, found in choices.items()} == {
        "title": ["Title Slide"],
        "section": ["Big Idea"],
        "scripture": ["Scripture"],
        "points": ["Title and Content"],
        "question": ["Question"],
        "couple": ["Couple Time"],
        "closing": ["Closing"],
        "": ["Title and Content"],
    }
    assert set(choices) == {*LAYOUTS, ""}


def _template_without_layouts(tmp_path: Path) -> Path:
    prs = Presentation()
    for layout in list(prs.slide_layouts):
        prs.slide_layouts.remove(layout)
    path = tmp_path / "odd.pptx"
    prs.save(str(path))
    return path


def test_a_template_without_any_layout_is_named_in_a_clear_error(tmp_path: Path) -> None:
    path = _template_without_layouts(tmp_path)
    assert brand_problem(path, "odd.pptx") == (
        "'odd.pptx' has no slide layouts, so kit cannot make a slide on it; "
        "open it in PowerPoint or Impress and save it with at least one layout"
    )
    assert brand_problem(CHURCH, "church.pptx") is None


def test_a_template_without_kits_english_layout_names_serves(tmp_path: Path) -> None:
    prs = Presentation()
    for layout in list(prs.slide_layouts):
        if layout.name in ("Title and Content", "Title Only", "Blank"):
            prs.slide_layouts.remove(layout)
    prs.save(str(tmp_path / "other.pptx"))
    assert brand_problem(tmp_path / "other.pptx", "other.pptx") is None


def test_a_damaged_template_is_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.pptx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert brand_problem(path, "broken.pptx") == (
        "'broken.pptx' is not a PowerPoint (.pptx) file: it is not a zip archive as Office "
        "files are; open it in PowerPoint and save it as .pptx"
    )


def test_loading_a_course_with_a_template_without_layouts_fails_with_that_error(
    tmp_path: Path,
) -> None:
    template = _template_without_layouts(tmp_path)
    (tmp_path / "course.yaml").write_text(
        f"title: T\nbrand:\n  slides: {template.name}\nweeks: [trust]\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        kit.build(kit.load_course(tmp_path / "course.yaml"), tmp_path / "out")
    # The brand check finds it first, as it reads the package.
    assert str(caught.value).endswith(
        "course.yaml:3:11: the PowerPoint template (brand.slides): 'odd.pptx' has no slide "
        "layouts, so kit cannot make a slide on it; open it in PowerPoint or Impress and save "
        "it with at least one layout"
    )
    assert not (tmp_path / "out").exists()


def test_kits_own_template_is_what_its_design_script_makes() -> None:
    script = Path(__file__).resolve().parents[3] / "design" / "make_base_pptx.py"
    spec = importlib.util.spec_from_file_location("make_base_pptx", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.make_base() == (data_dir("templates") / "base.pptx").read_bytes()


def test_every_text_on_kits_own_template_reads_on_its_layouts_background() -> None:
    # The big idea's ochre kicker stood 2.4:1 on its terracotta, its sand title 3.9:1.
    prs = Presentation(str(data_dir("templates") / "base.pptx"))
    theme = read_theme(prs.slide_master)
    low = []
    for layout in prs.slide_layouts:
        mapping = color_map(layout.slide_master, layout)
        [ground] = backgrounds(layout.slide_master, layout, theme)
        for ph in layout.placeholders:
            path = "p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/a:solidFill/*"
            for el in ph.element.findall(path, NAMESPACES):
                color = resolve(el, theme, mapping)
                if contrast(color, ground) < MIN_CONTRAST:
                    low.append((layout.name, ph.name, color, ground))
    assert low == []
