"""Slides added from prepared XML are the parts python-pptx's own calls make."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES
from lxml import etree

from kit.resources import data_dir
from kit.writers.pptx.layouts import all_layouts
from kit.writers.pptx.new_slides import add_slide, new_slides
from kit.writers.pptx.template import open_presentation

TEMPLATES = [
    data_dir("templates") / "base.pptx",
    FIXTURES / "church-pptx" / "brand" / "church.pptx",
]


def _parts(prs) -> dict[str, tuple[bytes, list[tuple[str, str, str]]]]:
    """Every part of a presentation: its XML and its relationships (id, type, target)."""
    found = {}
    for part in prs.part.package.iter_parts():
        rels = sorted(
            (r.rId, r.reltype, str(r.target_partname))
            for r in part.rels.values()
            if not r.is_external
        )
        blob = etree.tostring(part.element) if hasattr(part, "element") else part.blob
        found[str(part.partname)] = (blob, rels)
    return found


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_each_layout_gives_the_parts_python_pptx_makes(template: Path) -> None:
    data = template.read_bytes()
    scratch = open_presentation(data)
    made = new_slides(scratch, all_layouts(scratch))
    theirs, ours = open_presentation(data), open_presentation(data)
    for layout_theirs, layout_ours in zip(all_layouts(theirs), all_layouts(ours), strict=True):
        theirs.slides.add_slide(layout_theirs).notes_slide  # noqa: B018 (makes the notes page)
        add_slide(ours, layout_ours, made[layout_ours.part.partname])
    assert len(ours.slides) == len(all_layouts(ours)) > 1
    assert _parts(ours) == _parts(theirs)


def test_added_slides_do_not_share_their_shapes() -> None:
    data = TEMPLATES[0].read_bytes()
    scratch = open_presentation(data)
    layout = all_layouts(scratch)[0]
    made = new_slides(scratch, [layout])
    prs = open_presentation(data)
    first = add_slide(prs, all_layouts(prs)[0], made[layout.part.partname])
    second = add_slide(prs, all_layouts(prs)[0], made[layout.part.partname])
    first.shapes.element.remove(first.shapes.element[-1])
    assert len(second.shapes.element) == len(first.shapes.element) + 1
