"""Documents as a whole: blocks become Word structure, files read back, build and validate."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from helpers import FIXTURES, docx_paragraphs
from openxml_audit import OpenXmlValidator

import kit
from kit.compose.blocks import Document
from kit.compose.markup import parse
from kit.writers.docx import write_docx

BRAND_COURSE = FIXTURES / "brand-docx" / "course.yaml"
THEMED_COURSE = FIXTURES / "brand-docx-theme" / "course.yaml"


def _styled(doc, name: str) -> list[str]:
    return [p.text for p in docx_paragraphs(doc) if p.style is not None and p.style.name == name]


def test_blocks_become_word_structure(sample) -> None:
    assert _styled(sample, "Title") == ["A Title"]
    assert _styled(sample, "Subtitle") == ["A subtitle"]
    assert _styled(sample, "Heading 1") == ["Chapter one"]
    assert _styled(sample, "Heading 2") == ["A section"]
    assert _styled(sample, "Heading 3") == ["A small heading"]
    assert _styled(sample, "List Bullet") == ["a bullet", "a bullet one level in"]
    assert _styled(sample, "Kit Check") == ["a box to tick"]
    nested = next(p for p in docx_paragraphs(sample) if p.text == "a bullet one level in")
    assert nested._p.pPr.numPr.ilvl.val == 1
    runs = next(p for p in docx_paragraphs(sample) if p.text.startswith("Plain")).runs
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("Plain words with ", None, None),
        ("bold", True, None),
        (" and ", None, None),
        ("italic", None, True),
        (".", None, None),
    ]
    chapter = next(p for p in docx_paragraphs(sample) if p.style.name == "Heading 1")
    assert chapter.paragraph_format.page_break_before is True
    # The section's properties stay the last thing in the body.
    assert sample.element.body[-1].tag == qn("w:sectPr")


def test_documents_read_back_with_their_footers_and_properties() -> None:
    data = write_docx(Document("notes", "Title", "Foot", parse("Body.")), author="St. Ann's")
    doc = docx.Document(io.BytesIO(data))
    assert doc.core_properties.title == "Title" and doc.core_properties.author == "St. Ann's"
    assert "Foot" in doc.sections[-1].footer.paragraphs[0].text
    assert [p.text for p in doc.paragraphs] == ["Body."]


def test_a_title_too_long_for_the_properties_is_cut_there_and_kept_in_the_text() -> None:
    title = "A very long title " * 20
    data = write_docx(Document("notes", title, title, parse(f":title: {title}")), author="x" * 300)
    doc = docx.Document(io.BytesIO(data))
    assert doc.core_properties.title == title[:255]
    assert doc.core_properties.subject == title[:255]
    assert doc.core_properties.author == "x" * 255
    assert doc.paragraphs[0].text == title.strip()


@pytest.fixture(scope="module")
def brand_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brand") / "build"
    kit.build(kit.load_course(BRAND_COURSE), out)
    return out


def test_brand_builds_are_byte_identical(brand_kit: Path, tmp_path: Path) -> None:
    kit.build(kit.load_course(BRAND_COURSE), tmp_path / "again")
    for path in sorted(brand_kit.glob("*.docx")):
        assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize(
    "name",
    ["leader-guide.docx", "week-01-leader-notes.docx", "week-03-handout.docx"],
)
def test_openxml_audit_finds_nothing_in_builtin_documents(builtin_kit: Path, name: str) -> None:
    result = OpenXmlValidator(max_errors=0).validate(builtin_kit / name)
    assert [e.description for e in result.errors] == []


@pytest.mark.parametrize(
    "name",
    ["leader-guide.docx", "week-02-leader-notes.docx", "week-02-handout.docx"],
)
def test_openxml_audit_finds_nothing_in_documents_on_a_church_template(
    brand_kit: Path, name: str
) -> None:
    result = OpenXmlValidator(max_errors=0).validate(brand_kit / name)
    assert [e.description for e in result.errors] == []


@pytest.fixture(scope="module")
def themed_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("themed") / "build"
    kit.build(kit.load_course(THEMED_COURSE), out)
    return out


@pytest.mark.parametrize("name", ["leader-guide.docx", "week-01-handout.docx"])
def test_openxml_audit_finds_nothing_on_a_template_with_a_logo_in_its_header(
    themed_kit: Path, name: str
) -> None:
    # The guide's cover has its own copy of the header, picture and all.
    result = OpenXmlValidator(max_errors=0).validate(themed_kit / name)
    assert [e.description for e in result.errors] == []


def test_what_is_kept_together_keeps_each_paragraph_with_the_next_but_the_last() -> None:
    text = "Before.\n\n@together\n## At home\n[ ] one\n[ ] two\n\nNext meeting.\n@end\n\nAfter."
    doc = docx.Document(io.BytesIO(write_docx(Document("handout", "T", "F", parse(text)))))
    kept = [(p.text, p.paragraph_format.keep_with_next is True) for p in doc.paragraphs]
    assert [(t, k) for t, k in kept if t != "At home"] == [
        ("Before.", False),
        ("one", True),
        ("two", True),
        ("Next meeting.", False),
        ("After.", False),
    ]
    assert kept[1] == ("At home", True)
