"""large_print: true: a copy of each handout and of the booklet in 16-point type or larger."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from helpers import FIXTURES, docx_lines, docx_paragraphs

import kit

LARGE = ["week-01-handout-large-print.docx", "participant-booklet-large-print.docx"]


def _with_large_print(fixture: str, folder: Path) -> kit.ResolvedCourse:
    """A fixture course copied into `folder` with `large_print: true` added."""
    shutil.copytree(FIXTURES / fixture, folder)
    course = folder / "course.yaml"
    course.write_text(course.read_text(encoding="utf-8") + "large_print: true\n", "utf-8")
    return kit.load_course(course)


@pytest.fixture(scope="module", params=["markers", "brand-docx"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """kit's own look, and a church's A4 letterhead with its own styles, in large print."""
    root = tmp_path_factory.mktemp(request.param)
    course = _with_large_print(request.param, root / "course")
    return course, kit.build(course, root / "build")


def _default_size(document: DocxDocument) -> float:
    found = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}"
    )
    return int(found.get(qn("w:val"))) / 2 if found is not None else 10.0


def _size(paragraph: Paragraph, default: float) -> float:
    """The size of a paragraph's text in points: its runs', else its style's, as Word reads it."""
    sizes = {run.font.size.pt for run in paragraph.runs if run.font.size is not None}
    if sizes:
        return min(sizes)
    style: ParagraphStyle | None = paragraph.style
    while style is not None:
        if style.font.size is not None:
            return style.font.size.pt
        style = style.base_style
    return default


def _spacing(paragraph: Paragraph) -> float | None:
    style: ParagraphStyle | None = paragraph.style
    if paragraph.paragraph_format.line_spacing is not None:
        return paragraph.paragraph_format.line_spacing
    while style is not None:
        if style.paragraph_format.line_spacing is not None:
            return style.paragraph_format.line_spacing
        style = style.base_style
    return None


def _texts(path: Path) -> list[tuple[Paragraph, str]]:
    """Every paragraph with words in a document's body, tables and boxes included."""
    document = docx.Document(str(path))
    found = []
    for paragraph in docx_paragraphs(document):
        if paragraph.text.strip():
            found.append((paragraph, paragraph.text))
    return found


def _is_heading(paragraph: Paragraph) -> bool:
    name = (paragraph.style.name or "").lower()
    return name.startswith("heading") or name in ("title", "subtitle", "toc heading")


def test_large_print_copies_follow_the_handout_and_the_booklet(built) -> None:
    _, paths = built
    names = [p.name for p in paths]
    assert names[names.index("week-01-handout.docx") + 1] == LARGE[0]
    assert names[names.index("participant-booklet.docx") + 1] == LARGE[1]


@pytest.mark.parametrize("name", LARGE)
def test_every_line_is_16_points_or_more_and_body_text_is_spaced_one_and_a_half(
    built, name: str
) -> None:
    _, paths = built
    path = paths[0].parent / name
    default = _default_size(docx.Document(str(path)))
    small = [(t, _size(p, default)) for p, t in _texts(path) if _size(p, default) < 16]
    assert small == []
    body = [p for p, _ in _texts(path) if not _is_heading(p)]
    assert len(body) > 20
    assert {(p.style.name, _spacing(p)) for p in body if _spacing(p) != 1.5} == set()


@pytest.mark.parametrize("name", LARGE)
def test_large_print_says_what_the_ordinary_copy_says(built, name: str) -> None:
    _, paths = built
    folder = paths[0].parent
    assert docx_lines(folder / name) == docx_lines(folder / name.replace("-large-print", ""))


@pytest.mark.parametrize("name", LARGE)
def test_each_line_is_a_quarter_larger_than_in_the_ordinary_copy_or_16_points(
    built, name: str
) -> None:
    """Lines keep their sizes' order: a list is no larger than the paragraph beside it."""
    _, paths = built
    large, ordinary = paths[0].parent / name, paths[0].parent / name.replace("-large-print", "")
    sizes = []
    for path in (large, ordinary):
        default = _default_size(docx.Document(str(path)))
        sizes.append([(t, _size(p, default)) for p, t in _texts(path)])
    expected = [(t, max(16.0, round(size * 1.25 * 2) / 2)) for t, size in sizes[1]]
    assert sizes[0] == expected


def test_the_ordinary_handout_keeps_its_ordinary_size(built) -> None:
    _, paths = built
    path = paths[0].parent / "week-01-handout.docx"
    default = _default_size(docx.Document(str(path)))
    assert min(_size(p, default) for p, _ in _texts(path)) < 12


def test_without_large_print_there_is_no_large_print_copy(tmp_path: Path) -> None:
    paths = kit.build(kit.load_course(FIXTURES / "markers" / "course.yaml"), tmp_path / "out")
    assert not [p for p in paths if "large-print" in p.name]


@pytest.fixture(scope="module")
def own_look(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """kit's own look in large print. (A church's letterhead that sets its own sizes on its
    own footer's text keeps them, so it is not held to this.)"""
    root = tmp_path_factory.mktemp("own-look")
    course = _with_large_print("markers", root / "course")
    kit.build(course, root / "build")
    return root / "build"


@pytest.mark.parametrize("name", LARGE)
def test_the_header_and_footer_are_16_points_or_more_too(own_look: Path, name: str) -> None:
    """The promise is every line at 16 points or more: the page's footer is a line too."""
    document = docx.Document(str(own_look / name))
    default = _default_size(document)
    margins = []
    for section in document.sections:
        for part in (section.header, section.footer):
            if part.is_linked_to_previous:
                continue
            margins += [p for p in part.paragraphs if p.text.strip()]
    assert margins
    assert [(p.text, _size(p, default)) for p in margins if _size(p, default) < 16] == []
