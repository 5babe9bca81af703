"""The couples' booklet: the whole course for each couple, and its print PDF with --booklet."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pymupdf
import pytest
from helpers import MANIFEST, docx_lines, docx_rows, kit_files, needs_soffice

import kit
from kit.pdf import convert as pdf

COURSE = """\
title: "Closer"
church: "Grace Community Church"
start: 2027-02-03
skip: [{date: 2027-02-10, label: Ash Wednesday}]
time: "19:00"
intimacy: false
care:
  - {name: "Pastor Sam Ortiz", role: "Care pastor", phone: "555-0100"}
weeks:
  - trust
  - lesson: empathy
    questions:
      drop: [empathy-fix-it]
      replace: {empathy-understood: "When did you last feel truly understood by your spouse?"}
      add: [{text: "What makes listening hard for you?", audience: couple}]
  - safety
"""
"""Three meetings a week apart around a named skipped date, one week's questions changed."""

BOOKLET = "participant-booklet.docx"
PRINT = "participant-booklet-print.pdf"
DV_LINE = "call 1-800-799-7233 or text START to 88788"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[kit.ResolvedCourse, Path]:
    root = tmp_path_factory.mktemp("booklet")
    (root / "course.yaml").write_text(COURSE, encoding="utf-8")
    course = kit.load_course(root / "course.yaml")
    kit.build(course, root / "build")
    return course, root / "build"


def _weeks(lines: list[str], course: kit.ResolvedCourse) -> list[list[str]]:
    """The booklet's lines for each week: from its kicker to the next week's, or the end."""
    starts = [
        next(i for i, line in enumerate(lines) if line.startswith(f"Closer · Week {w.number} "))
        for w in course.course.weeks
    ]
    return [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]


def test_every_build_writes_the_booklet_after_the_weeks(built, tmp_path: Path) -> None:
    course, out = built
    names = [p.name for p in kit.build(course, tmp_path / "again")]
    assert names[-2:] == [BOOKLET, "course.ics"]
    assert BOOKLET in json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]


def test_the_cover_gives_every_meeting_and_names_the_skipped_date(built) -> None:
    course, out = built
    titles = [w.title for w in course.course.weeks]
    assert docx_rows(out / BOOKLET, "Date") == [
        ["Date", "Week"],
        ["Wednesday, February 3, 2027", f"1. {titles[0]}"],
        ["Wednesday, February 10, 2027", "No meeting: Ash Wednesday"],
        ["Wednesday, February 17, 2027", f"2. {titles[1]}"],
        ["Wednesday, February 24, 2027", f"3. {titles[2]}"],
    ]
    lines = docx_lines(out / BOOKLET)
    assert lines[:4] == ["Couples\u2019 booklet", "Closer", "Grace Community Church", lines[3]]
    assert lines[3] == "Three weekly meetings, at 7:00 pm"


def test_each_week_holds_its_questions_as_changed_and_nothing_else(built) -> None:
    course, out = built
    weeks = _weeks(docx_lines(out / BOOKLET), course)
    for week, lines in zip(course.course.weeks, weeks, strict=True):
        prompts = [re.sub(r"^\d+\. ", "", line) for line in lines if re.match(r"^\d+\. ", line)]
        asked = [p.removesuffix(" (just the two of you)") for p in prompts]
        assert [q.text for q in week.questions] == [
            a for a in asked if a in {q.text for q in week.questions}
        ], week.number
        assert all(q.text in "\n".join(lines) for q in week.questions), week.number
    second = "\n".join(weeks[1])
    assert "When did you last feel truly understood by your spouse?" in second
    assert "What makes listening hard for you? (just the two of you)" in second
    dropped = next(
        q for q in kit.default_course().course.weeks[2].questions if q.id == "empathy-fix-it"
    )
    assert dropped.text not in "\n".join(docx_lines(out / BOOKLET))


def test_each_week_has_the_handouts_pages_in_the_same_order(built) -> None:
    course, out = built
    weeks = _weeks(docx_lines(out / BOOKLET), course)
    for week, lines in zip(course.course.weeks, weeks, strict=True):
        handout = docx_lines(out / f"week-{week.number:02d}-handout.docx")
        # The handout's pages up to its care box; the booklet has the rules up front.
        own = handout[: handout.index("Need someone to talk to?")]
        if week.has_ground_rules:
            start = own.index("Our ground rules")
            own = own[:start] + own[own.index("Tonight\u2019s teaching") :]
        own = [line for line in own if line]
        # The booklet's safety lines point to its care box, at the back.
        lines = [line.replace("care box at the back of this booklet", "care box") for line in lines]
        assert [line for line in lines if line][: len(own)] == own, week.number


def test_ground_rules_and_the_care_box_come_once(built) -> None:
    _, out = built
    text = "\n".join(docx_lines(out / BOOKLET))
    assert text.count("Our ground rules") == 1
    assert text.count("What is said here stays here.") == 1
    assert text.count("Need someone to talk to?") == 1
    assert text.rindex("Need someone to talk to?") > text.rindex("Notes")
    assert "Pastor Sam Ortiz, Care pastor · 555-0100" in text
    assert DV_LINE in text
    assert text.count("this exercise is not for you") == 3


# --- the print PDF -------------------------------------------------------------------


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in kit_files(folder)}


def _page_texts(path: Path) -> list[str]:
    with pymupdf.open(path) as doc:
        return [" ".join(page.get_text().split()) for page in doc]


def _half_texts(path: Path) -> list[tuple[str, str, float, float]]:
    with pymupdf.open(path) as doc:
        found = []
        for page in doc:
            w, h = page.rect.width, page.rect.height
            left = page.get_text(clip=pymupdf.Rect(0, 0, w / 2, h))
            right = page.get_text(clip=pymupdf.Rect(w / 2, 0, w, h))
            found.append((" ".join(left.split()), " ".join(right.split()), w, h))
        return found


@pytest.fixture(scope="module")
def printed(built, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Path]:
    course, _ = built
    out = tmp_path_factory.mktemp("printed") / "build"
    return kit.build(course, out, booklet=True), out


@needs_soffice
def test_booklet_writes_the_booklet_pdf_and_its_print_pdf_only(built, printed) -> None:
    _, plain = built
    paths, out = printed
    names = [p.name for p in paths]
    assert names[-2:] == ["participant-booklet.pdf", PRINT]
    assert sorted(names[:-2]) == [p.name for p in kit_files(plain)]
    assert [p.name for p in kit_files(out)] == sorted(names)


@needs_soffice
def test_the_print_pdf_holds_the_booklets_pages_in_folding_order(built, printed) -> None:
    course, _ = built
    _, out = printed
    pages = _page_texts(out / "participant-booklet.pdf")
    n = len(pages)
    total = -(-n // 4) * 4
    sides = _half_texts(out / PRINT)
    assert len(sides) * 2 == total and total % 4 == 0
    with pymupdf.open(out / "participant-booklet.pdf") as doc:
        width, height = doc[0].rect.width, doc[0].rect.height
    assert all(w == 2 * width and h == height and w > h for *_, w, h in sides)
    # The padded booklet: its pages, blanks, then its last page as the back cover.
    padded = [*pages[:-1], *([""] * (total - n)), pages[-1]]
    for sheet in range(total // 4):
        front, back = sides[2 * sheet], sides[2 * sheet + 1]
        assert front[:2] == (padded[total - 1 - 2 * sheet], padded[2 * sheet]), sheet
        assert back[:2] == (padded[2 * sheet + 1], padded[total - 2 - 2 * sheet]), sheet
    # The first sheet holds the back cover, with the care box, and the front cover.
    assert "Need someone to talk to?" in sides[0][0]
    cover = sides[0][1].casefold()
    assert cover.startswith("couples\u2019 booklet closer grace community church")
    for date in ("February 3, 2027", "February 10, 2027", "Ash Wednesday", "February 24, 2027"):
        assert date.casefold() in cover
    assert all(w.title in " ".join(pages) for w in course.course.weeks)


@needs_soffice
def test_the_print_pdf_is_the_same_in_every_build(built, printed, tmp_path: Path) -> None:
    course, _ = built
    _, out = printed
    again = tmp_path / "again"
    kit.build(course, again, booklet=True)
    assert _digests(again) == _digests(out)


@needs_soffice
def test_a_rebuild_keeps_the_print_pdf_until_no_booklet_removes_it(
    built, run_kit, tmp_path: Path
) -> None:
    _, plain = built
    source = plain.parent / "course.yaml"
    out = tmp_path / "out"
    assert run_kit("build", source, "-o", out, "--pdf", "--booklet").code == 0
    made = _digests(out)
    again = run_kit("build", source, "-o", out)
    assert (again.code, again.err) == (0, "")
    assert "removed" not in again.out
    assert _digests(out) == made
    result = run_kit("build", source, "-o", out, "--no-booklet")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[-1] == f"removed 1 stale file from {out}/: {PRINT}"
    assert _digests(out) == {n: d for n, d in made.items() if n != PRINT}


@needs_soffice
def test_no_booklet_without_pdf_removes_both_booklet_pdfs(built, run_kit, tmp_path: Path) -> None:
    _, plain = built
    source = plain.parent / "course.yaml"
    out = tmp_path / "out"
    assert run_kit("build", source, "-o", out, "--booklet").code == 0
    assert [p.name for p in kit_files(out) if p.suffix == ".pdf"] == [
        "participant-booklet-print.pdf",
        "participant-booklet.pdf",
    ]
    result = run_kit("build", source, "-o", out, "--no-booklet")
    assert result.code == 0
    assert result.out.splitlines()[-1] == (
        f"removed 2 stale files from {out}/: participant-booklet-print.pdf, participant-booklet.pdf"
    )
    assert _digests(out) == _digests(plain)


def _no_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert pdf.shutil.which("soffice") is None and pdf.shutil.which("libreoffice") is None


def test_booklet_without_libreoffice_says_so_and_writes_nothing(
    built, run_kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, plain = built
    _no_libreoffice(tmp_path, monkeypatch)
    result = run_kit("build", plain.parent / "course.yaml", "-o", tmp_path / "out", "--booklet")
    assert result.code == 2
    assert result.err.startswith(
        "kit: --booklet needs LibreOffice, but neither soffice nor libreoffice was found on "
        "PATH; nothing was written.\n"
    )
    assert not (tmp_path / "out").exists()


@needs_soffice
def test_a_print_pdf_the_last_build_made_needs_libreoffice_or_no_booklet(
    built, run_kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, plain = built
    source = plain.parent / "course.yaml"
    out = tmp_path / "out"
    assert run_kit("build", source, "-o", out, "--booklet").code == 0
    before = _digests(out)
    _no_libreoffice(tmp_path, monkeypatch)
    result = run_kit("build", source, "-o", out)
    assert result.code == 2
    assert result.err.startswith(
        "kit: the last build into this folder made PDFs, and kit makes them again so that "
        "none goes missing, but neither soffice nor libreoffice was found on PATH; nothing "
        "was written. Build with --no-booklet to leave the PDFs out (and remove the last "
        "ones), or install LibreOffice:\n"
    )
    assert _digests(out) == before


def test_the_booklet_never_speaks_of_a_handout(builtin_kit: Path) -> None:
    """Its pages are the handouts' pages, read in a booklet: each line must read right there."""
    lines = docx_lines(builtin_kit / BOOKLET)
    assert [line for line in lines if "handout" in line.lower()] == []
    assert "Each of you finishes this sentence, on paper or aloud:" in "\n".join(lines)
