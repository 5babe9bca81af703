"""A deck's package: the zip, the shapes kit changes, and the template kept between runs."""

from __future__ import annotations

import copy
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.util import Emu

import kit
from kit import filecache
from kit.compose.blocks import Deck, Paragraph, Run, Slide
from kit.compose.documents import compose_kit
from kit.layout.areas import TextArea as Box
from kit.writers import pptx_prepare, pptx_prototype
from kit.writers.ooxml import zipped
from kit.writers.pptx import place, text_box, write_pptx
from kit.writers.pptx_template import load_template

_BOX = Box(
    None, 914400, 685800, 5486400, 1371600, (91440, 45720, 91440, 45720), "Arial", False, False, 28
)


def _zipfile_bytes(entries: list[tuple[str, bytes]]) -> bytes:
    """What zipfile writes for the entries with kit's fixed times and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as dst:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            entry.create_system = 0
            dst.writestr(entry, data)
    return out.getvalue()


def test_kits_zip_has_the_bytes_zipfile_writes() -> None:
    entries = [
        ("[Content_Types].xml", b"<Types/>" * 50),
        ("ppt/slides/slide1.xml", "<p:sld>caf\u00e9</p:sld>".encode()),
        ("media/empty.bin", b""),
        ("docs/r\u00e9sum\u00e9.xml", bytes(range(256)) * 40),
    ]
    data = zipped(entries)
    assert data == _zipfile_bytes(entries)
    with zipfile.ZipFile(io.BytesIO(data)) as back:
        assert back.testzip() is None
        assert [(i.filename, back.read(i)) for i in back.infolist()] == entries


def _blank_slide():
    prs = Presentation()
    return prs.slides.add_slide(prs.slide_layouts[5])  # Title Only


def test_a_text_box_is_the_one_python_pptx_adds() -> None:
    slide = _blank_slide()
    mine = copy.deepcopy(slide._element)
    shape = slide.shapes.add_textbox(
        Emu(_BOX.left), Emu(_BOX.top), Emu(_BOX.width), Emu(_BOX.height)
    )
    frame = shape.text_frame
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for p in frame._txBody.p_lst:
        frame._txBody.remove(p)
    text_box(mine.cSld.spTree, _BOX)
    assert etree.tostring(mine) == etree.tostring(slide._element)


def test_a_moved_placeholder_gets_its_place_as_python_pptx_sets_it() -> None:
    slide = _blank_slide()
    mine = copy.deepcopy(slide._element)
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = (
        Emu(_BOX.left),
        Emu(_BOX.top),
        Emu(_BOX.width),
        Emu(_BOX.height),
    )
    place(mine.cSld.spTree[2], _BOX)
    assert etree.tostring(mine) == etree.tostring(slide._element)


def _deck(title: str = "Week 1: Trust") -> Deck:
    slide = Slide("points", "A title", [Paragraph((Run("Some words on the face."),), "body")])
    return Deck(title, "Closer", [slide])


def test_document_properties_hold_any_title_escaped_and_at_most_255_characters() -> None:
    odd = 'Love & "Respect" <3 \u2014 ' + "and more " * 40
    deck = write_pptx(_deck(odd), author="St. Mary's & St. John's")
    props = Presentation(io.BytesIO(deck)).core_properties
    assert props.title == odd[:255]
    assert props.subject == "Closer"
    assert props.author == props.last_modified_by == "St. Mary's & St. John's"


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """An empty cache folder and no template made ready in this process yet."""
    monkeypatch.setenv("KIT_CACHE_DIR", str(tmp_path / "cache"))
    pptx_prototype.prototype.cache_clear()
    yield
    pptx_prototype.prototype.cache_clear()


def _builtin_deck() -> Deck:
    return next(o.content for o in compose_kit(kit.default_course()) if o.name.endswith("pptx"))


def test_a_template_kept_between_runs_writes_the_same_deck(
    fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = _builtin_deck()
    first = write_pptx(deck)  # reads the template and keeps it
    pptx_prototype.prototype.cache_clear()

    def unused(template: object) -> None:
        raise AssertionError("the kept template should have been used")

    monkeypatch.setattr(pptx_prepare, "prepare", unused)
    assert write_pptx(deck) == first


def test_a_damaged_kept_template_is_read_again(fresh: None) -> None:
    deck = _builtin_deck()
    first = write_pptx(deck)
    pptx_prototype.prototype.cache_clear()
    key = pptx_prototype._key(load_template(None))
    filecache.remember([(key, b"not a prototype")])
    assert write_pptx(deck) == first


def test_a_deck_from_a_kept_template_is_written_without_python_pptx(tmp_path: Path) -> None:
    script = (
        "import sys, kit\n"
        "from kit.compose.documents import compose_kit\n"
        "from kit.pipeline import render_output\n"
        "course = kit.default_course()\n"
        "deck = next(o for o in compose_kit(course) if o.name.endswith('pptx'))\n"
        "render_output(deck, course)\n"
        "print('pptx' in sys.modules)\n"
    )
    env = {**os.environ, "KIT_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert [r.stdout.strip() for r in runs] == ["True", "False"], runs[-1].stderr
