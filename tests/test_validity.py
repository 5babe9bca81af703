"""Every Office file kit writes passes openxml-audit with no findings, whatever the text holds."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pptx
import pytest
from helpers import FIXTURES, KIT_FILES, docx_paragraphs, kit_files
from openxml_audit import OpenXmlValidator

import kit
from kit.compose.typography import smarten

HOSTILE = [
    "Tom & Jerry <script>alert('x')</script> \"quoted\" 'single'",
    "]]> <![CDATA[ &amp; &#0; &lt;",
    "**not bold** *not italic* \\ back\\slash | pipe | `tick`",
    "# not a heading",
    "@slide title",
    "- not a bullet",
    "1. not a number",
    "[ ] not a checkbox",
    ":lead: not a style",
    "Emoji \U0001f64f\U0001f3fd and ZWJ \U0001f468\u200d\U0001f469\u200d\U0001f467",
    "Right to left: \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "Combining: e\u0301 n\u0303 and a soft\u00adhyphen",
    "Supercalifragilisticexpialidocious" * 3,
    "A non-breaking space keeps 9\u00a0a.m. together",
]
"""Text that is hard for XML, for kit's markup, or for a text box; each must arrive intact,
typeset as every text is (its straight quotes curled)."""
TYPESET = [smarten(t) for t in HOSTILE]
"""HOSTILE as the outputs print it."""


def _lesson() -> str:
    quoted = [f"'{t.replace(chr(39), chr(39) * 2)}'" for t in HOSTILE]
    questions = "".join(
        f"  - id: hostile-q{i}\n    text: {q}\n    note: {q}\n" for i, q in enumerate(quoted[:6])
    )
    return (
        "id: hostile\n"
        f"title: {quoted[0]}\n"
        f"big_idea: {quoted[1]}\n"
        "scripture: ['James 1:19']\n"
        f"opening: {{question: {quoted[2]}, minutes: 10}}\n"
        "teaching:\n  minutes: 15\n  points:\n"
        + "".join(f"    - {{heading: {q}, body: {q}}}\n" for q in quoted[3:8])
        + f"exercise:\n  title: {quoted[8]}\n  minutes: 15\n  steps: [{', '.join(quoted[9:])}]\n"
        "discussion: {minutes: 40}\n"
        f"questions:\n{questions}"
        f"take_home: {{title: {quoted[12]}, steps: [{quoted[10]}]}}\n"
        f"prayer: {{minutes: 5, prompt: {quoted[11]}}}\n"
        f"leader: {{prep: [{quoted[0]}], notes: [{quoted[1]}], care: [{quoted[2]}]}}\n"
    )


@pytest.fixture(scope="module")
def hostile_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course whose every text field holds awkward characters, built once, large print too."""
    root = tmp_path_factory.mktemp("hostile")
    (root / "lessons").mkdir()
    (root / "lessons" / "hostile.yaml").write_text(_lesson(), encoding="utf-8")
    (root / "course.yaml").write_text(
        f"title: '{HOSTILE[2]}'\nchurch: '{HOSTILE[0].replace(chr(39), chr(39) * 2)}'\n"
        "start: 2027-01-10\ntime: '18:30'\nminutes: 120\nlessons: lessons/\nlarge_print: true\n"
        "care: [{name: 'Pastor <Sam> & Co', phone: '555-0100'}]\n"
        f"leaders: [{{name: {json.dumps(HOSTILE[0])}, table: 2}}]\n"
        f"notices: [{json.dumps(HOSTILE[3])}, {json.dumps(HOSTILE[1])}]\n"
        "weeks: [hostile, trust]\n",
        encoding="utf-8",
    )
    out = root / "build"
    kit.build(kit.load_course(root / "course.yaml"), out)
    return out


@pytest.fixture(scope="module")
def validator() -> OpenXmlValidator:
    return OpenXmlValidator()


def _findings(validator: OpenXmlValidator, path: Path) -> list[str]:
    result = validator.validate(path)
    return [f"{e.severity.value}: {e}" for e in result.errors]


@pytest.mark.parametrize("name", KIT_FILES)
def test_builtin_kit_file_has_no_findings(
    builtin_kit: Path, validator: OpenXmlValidator, name: str
) -> None:
    assert _findings(validator, builtin_kit / name) == []


def test_every_file_of_a_hostile_course_has_no_findings(
    hostile_kit: Path, validator: OpenXmlValidator
) -> None:
    files = [p for p in kit_files(hostile_kit) if p.suffix != ".ics"]  # not an Office file
    assert len(files) == 12  # 7, a table leader's packet, the booklet, and 3 in large print
    assert {p.name: _findings(validator, p) for p in files} == {p.name: [] for p in files}


def test_a_church_template_build_has_no_findings(
    tmp_path: Path, validator: OpenXmlValidator
) -> None:
    out = tmp_path / "build"
    kit.build(kit.load_course(FIXTURES / "church-pptx" / "course.yaml"), out)
    slides = sorted(out.glob("*.pptx"))
    assert slides
    assert {p.name: _findings(validator, p) for p in slides} == {p.name: [] for p in slides}


def _docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx_paragraphs(docx.Document(str(path))))


def _pptx_text(path: Path) -> str:
    deck = pptx.Presentation(str(path))
    parts = []
    for slide in deck.slides:
        parts.extend(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


def test_awkward_text_arrives_intact(hostile_kit: Path) -> None:
    notes = _docx_text(hostile_kit / "week-01-leader-notes.docx")
    missing = [t for t in TYPESET[:-1] if t not in notes]
    assert missing == []
    handout = _docx_text(hostile_kit / "week-01-handout.docx")
    for text in (TYPESET[0], TYPESET[1], TYPESET[3], TYPESET[4], TYPESET[9], TYPESET[10]):
        assert text in handout
    deck = _pptx_text(hostile_kit / "week-01-slides.pptx")
    for text in (TYPESET[0], TYPESET[1], TYPESET[2], TYPESET[3]):
        assert text in deck


def test_a_non_breaking_space_is_kept(hostile_kit: Path) -> None:
    assert HOSTILE[-1] in _docx_text(hostile_kit / "week-01-leader-notes.docx")
    assert HOSTILE[-1] in _docx_text(hostile_kit / "week-01-handout.docx")
