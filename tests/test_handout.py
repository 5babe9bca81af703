"""Handouts: everything a couple needs on one sheet, and nothing meant only for leaders."""

from __future__ import annotations

import re
import shutil
import zipfile
from html import unescape
from pathlib import Path

import docx
import pymupdf
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from helpers import FIXTURES, docx_paragraphs, needs_soffice, render_pdf

import kit
from kit.compose.typography import smarten
from kit.course.model import ResolvedCourse, Week

SCHEDULED = FIXTURES / "brand-docx" / "course.yaml"
"""A4 letterhead, dates, care contacts: a handout on a church's own template."""
MARKERS = FIXTURES / "markers" / "course.yaml"
"""A lesson whose every leader-only field carries a marker word."""

_TAG = re.compile(r"<[^>]+>")


def _squash(text: str) -> str:
    """Text as the documents print it: typeset (curly quotes, en dashes), spaces squashed."""
    return " ".join(smarten(text).split())


def leader_only(week: Week) -> list[str]:
    """Every leader-only text of a week: notes, follow-ups, prep, facilitation, care."""
    texts = [*week.prep, *week.notes, *week.care]
    for q in (*week.questions, *week.left_out):
        texts += [*q.follow_up] + ([q.note] if q.note else [])
    return [_squash(t) for t in texts]


def every_part_text(path: Path) -> dict[str, str]:
    """The text of every XML part of a file (body, headers, footers, text boxes, ...)."""
    with zipfile.ZipFile(path) as archive:
        return {
            name: _squash(unescape(_TAG.sub(" ", archive.read(name).decode("utf-8"))))
            + "\n"
            + _squash(unescape(_TAG.sub("", archive.read(name).decode("utf-8"))))
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }


def lines(doc: DocxDocument) -> list[str]:
    """Every paragraph's text in order, including those in tables and boxes."""
    return [_squash(p.text) for p in docx_paragraphs(doc)]


@pytest.fixture(scope="module")
def scheduled(tmp_path_factory: pytest.TempPathFactory) -> tuple[ResolvedCourse, Path]:
    course = kit.load_course(SCHEDULED)
    out = tmp_path_factory.mktemp("scheduled") / "build"
    kit.build(course, out)
    return course, out


@pytest.fixture(scope="module")
def markers(tmp_path_factory: pytest.TempPathFactory) -> tuple[ResolvedCourse, Path]:
    course = kit.load_course(MARKERS)
    out = tmp_path_factory.mktemp("markers") / "build"
    kit.build(course, out)
    return course, out


@pytest.fixture(params=["builtin", "scheduled", "markers"])
def built(request: pytest.FixtureRequest, builtin_kit: Path) -> tuple[ResolvedCourse, Path]:
    """Each course with the folder it was built into."""
    if request.param == "builtin":
        return kit.default_course(), builtin_kit
    return request.getfixturevalue(request.param)


def _handout(folder: Path, week: Week) -> Path:
    return folder / f"week-{week.number:02d}-handout.docx"


def test_no_leader_only_text_anywhere_in_a_handout(built) -> None:
    course, folder = built
    for week in course.course.weeks:
        parts = every_part_text(_handout(folder, week))
        for text in leader_only(week):
            found = [name for name, part in parts.items() if text in part]
            assert found == [], (week.number, text)


def test_marker_words_never_reach_the_handout(markers) -> None:
    course, folder = markers
    text = "\n".join(every_part_text(_handout(folder, course.course.weeks[0])).values())
    assert re.findall(r"LDR[A-Z]+\d+[A-Z]?", text) == []


def test_handout_has_what_a_couple_needs(built) -> None:
    course, folder = built
    for week in course.course.weeks:
        doc = docx.Document(str(_handout(folder, week)))
        text = "\n".join(lines(doc))
        wanted = [course.course.title, week.title, week.big_idea, week.take_home_title]
        wanted += [p.text for p in week.scripture] + [p.reference for p in week.scripture]
        wanted += [course.course.translation_name, *week.exercise_steps, *week.take_home_steps]
        wanted += [p.heading for p in week.points] + [q.text for q in week.questions]
        for item in wanted:
            assert _squash(item) in text, (week.number, item)
        if week.date:
            assert f"{week.date:%B} {week.date.day}, {week.date.year}" in text


def test_every_question_has_ruled_lines_to_write_on(built) -> None:
    course, folder = built
    for week in course.course.weeks:
        doc = docx.Document(str(_handout(folder, week)))
        body = doc.element.body
        ruled = 0
        for question in week.questions:
            prompt = next(
                p
                for p in body.iter(qn("w:p"))
                if _squash(question.text) in _squash(Paragraph(p, doc._body).text)
            )
            lines_table = prompt.getnext()
            assert lines_table.tag == qn("w:tbl"), question.id
            heights = lines_table.findall(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:trHeight')}")
            assert heights and all(h.get(qn("w:hRule")) == "exact" for h in heights)
            ruled += len(heights)
        assert ruled >= len(week.questions)


def test_care_contacts_sit_in_a_small_box_at_the_end(built) -> None:
    course, folder = built
    for week in course.course.weeks:
        doc = docx.Document(str(_handout(folder, week)))
        box = doc.tables[-1]
        assert len(box.rows) == 1 and len(box.columns) == 1
        text = _squash(box.cell(0, 0).text)
        for contact in course.course.care:
            for item in (contact.name, contact.role, contact.phone, contact.email, contact.note):
                assert item is None or item in text


def test_handouts_print_in_black_text_on_white(built) -> None:
    course, folder = built
    doc = docx.Document(str(_handout(folder, course.course.weeks[0])))
    fills = [s.get(qn("w:fill")) for s in doc.element.body.iter(qn("w:shd"))]
    # Light tints only: each channel at least 0xE0, so toner is spent on words alone.
    for fill in fills:
        assert fill in (None, "auto") or min(int(fill[i : i + 2], 16) for i in (0, 2, 4)) >= 0xE0


@needs_soffice
def test_every_handout_prints_on_one_sheet(scheduled, markers, builtin_kit, tmp_path) -> None:
    """One sheet printed on both sides: two pages at most, on Letter and on A4."""
    sources = {f"builtin-{p.name}": p for p in builtin_kit.glob("*-handout.docx")}
    for label, (_, folder) in (("a4", scheduled), ("markers", markers)):
        sources |= {f"{label}-{p.name}": p for p in folder.glob("*-handout.docx")}
    staged = tmp_path / "in"
    staged.mkdir()
    for name, path in sources.items():
        shutil.copy(path, staged / name)
    pdfs = render_pdf(sorted(staged.iterdir()), tmp_path / "out")
    pages = {}
    for made in pdfs:
        with pymupdf.open(made) as pdf:
            pages[made.name] = pdf.page_count
    assert len(pages) == 6 + 2 + 1
    assert {name: n for name, n in pages.items() if n > 2} == {}
