"""`build --pdf`: one LibreOffice run, a PDF beside every file, nothing written when it fails."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest
from helpers import FIXTURES, KIT_FILES, MANIFEST, kit_files, needs_soffice
from pptx import Presentation

import kit
from kit import pipeline
from kit.errors import ToolMissingError
from kit.pdf import convert as pdf

PDF_FILES = [Path(name).stem + ".pdf" for name in KIT_FILES]

SMALL = FIXTURES / "markers" / "course.yaml"
"""A one-week course: quick to build for the tests that fake LibreOffice."""
SMALL_FILES = [
    "leader-guide.docx",
    "leader-packet.docx",
    "week-01-leader-notes.docx",
    "week-01-slides.pptx",
    "week-01-handout.docx",
    "participant-booklet.docx",
    "course.ics",
]
SMALL_PDFS = [Path(name).stem + ".pdf" for name in SMALL_FILES if name != "course.ics"]

INSTALL_MESSAGE = (
    "kit: --pdf needs LibreOffice, but neither soffice nor libreoffice was found on PATH; "
    "nothing was written.\n"
    "  Debian/Ubuntu: sudo apt install libreoffice-writer libreoffice-impress\n"
    "  macOS, Windows: install LibreOffice from https://www.libreoffice.org/download/ "
    "and add its program folder to PATH\n"
)

FAKE_SOFFICE = """\
#!{python}
# Stands in for LibreOffice: logs its command line, then acts as ./mode says. Started
# with kit's macro, it converts the files the macro's job list names.
import json, os, pathlib, sys, time
from urllib.parse import unquote, urlparse
here = pathlib.Path(__file__).parent
args = sys.argv[1:]
with open(here / "calls.jsonl", "a") as log:
    log.write(json.dumps({{"pid": os.getpid(), "args": args}}) + "\\n")
mode = (here / "mode").read_text()
if mode == "hang":
    time.sleep(120)
if "--terminate_after_init" in args:
    sys.exit(0)
macro = args[-1]
jobs = pathlib.Path(unquote(urlparse(macro[macro.index('("') + 2 : -2]).path))
lines = [pathlib.Path(unquote(urlparse(l).path)) for l in jobs.read_text().split()]
for source, target in zip(lines[::2], lines[1::2]):
    if mode == "fail-one" and source.name == "week-01-handout.docx":
        continue
    target.write_bytes(b"%PDF-1.4 " + source.read_bytes()[:8])
sys.exit(81 if mode == "crash" else 0)
"""


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    """A folder holding an earlier kit and a coordinator's own file: a failed build keeps both.

    The earlier kit is of the same course under another title, so a build replaces
    each of its files with different bytes.
    """
    older = tmp_path / "older"
    shutil.copytree(SMALL.parent, older)
    text = (older / "course.yaml").read_text(encoding="utf-8")
    text = text.replace('title: "Marker Course"', 'title: "An Earlier Title"')
    (older / "course.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "build"
    kit.build(kit.load_course(older / "course.yaml"), out)
    shutil.rmtree(older)
    (out / "notes.txt").write_text("keep me")
    return out


# --- no LibreOffice ----------------------------------------------------------------


@pytest.fixture
def no_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert pdf.shutil.which("soffice") is None
    assert pdf.shutil.which("libreoffice") is None


@pytest.mark.usefixtures("no_libreoffice")
def test_pdf_without_libreoffice_exits_2_and_leaves_folder_unchanged(
    run_kit, existing: Path
) -> None:
    before = _digest(existing)
    result = run_kit("build", "-o", existing, "--pdf")
    assert result.code == 2
    assert result.out == ""
    assert result.err == INSTALL_MESSAGE
    assert _digest(existing) == before
    assert sorted(p.name for p in existing.parent.iterdir()) == ["build", "empty-bin"]


@pytest.mark.usefixtures("no_libreoffice")
def test_libreoffice_is_looked_for_before_anything_is_composed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def compose(course):
        raise AssertionError("composed before looking for LibreOffice")

    monkeypatch.setattr(pipeline, "compose_kit", compose)
    with pytest.raises(ToolMissingError):
        kit.build(kit.default_course(), tmp_path / "out", pdf=True)
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("no_libreoffice")
def test_build_without_pdf_needs_no_libreoffice(run_kit, tmp_path: Path) -> None:
    result = run_kit("build", SMALL, "-o", tmp_path / "out")
    assert result.code == 0
    assert [p.name for p in kit_files(tmp_path / "out")] == sorted(SMALL_FILES)


# --- a stand-in LibreOffice: how kit runs it and what it does when it fails ---------

posix_only = pytest.mark.skipif(os.name != "posix", reason="the stand-in is a POSIX script")


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Put a stand-in `soffice` alone on PATH; call it with a mode, get its folder."""
    folder = tmp_path / "fake-bin"
    folder.mkdir()
    program = folder / "soffice"
    program.write_text(FAKE_SOFFICE.format(python=sys.executable))
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))

    def use(mode: str) -> Path:
        (folder / "mode").write_text(mode)
        return folder

    return use


def _calls(folder: Path) -> list[dict]:
    log = folder / "calls.jsonl"
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


@posix_only
def test_one_headless_run_with_its_own_profile_converts_the_whole_kit(
    run_kit, fake_soffice, tmp_path: Path
) -> None:
    folder = fake_soffice("ok")
    out = tmp_path / "out"
    result = run_kit("build", SMALL, "-o", out, "--pdf")
    assert result.code == 0, result.err
    assert result.err == ""  # not a terminal: no progress bar
    assert result.out.splitlines() == [
        f"wrote {len(SMALL_FILES + SMALL_PDFS)} files to {out}/",
        *(f"  {name}" for name in SMALL_FILES + SMALL_PDFS),
    ]
    assert sorted(p.name for p in out.iterdir()) == sorted([*SMALL_FILES, *SMALL_PDFS, MANIFEST])
    calls = _calls(folder)
    assert len(calls) == 2
    first, then = calls[0]["args"], calls[1]["args"]
    assert first[-1] == "--terminate_after_init"  # sets up the new profile
    assert first[:-1] == then[:-1]
    args = then
    assert {"--headless", "--norestore"} <= set(args)
    assert args[-1].startswith("macro:///Standard.KitPdf.Convert(")
    profile = next(a for a in args if a.startswith("-env:UserInstallation="))
    profile_dir = Path(profile.removeprefix("-env:UserInstallation=file://"))
    assert profile_dir.is_absolute()
    assert not profile_dir.exists()  # a fresh profile, removed after the run
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fake-bin", "out"]


@posix_only
def test_pdfs_come_from_the_files_published_with_them(fake_soffice, tmp_path: Path) -> None:
    fake_soffice("ok")
    paths = kit.build(kit.load_course(SMALL), tmp_path / "out", pdf=True)
    assert [p.name for p in paths] == SMALL_FILES + SMALL_PDFS
    for office, made in zip(paths[:6], paths[7:], strict=True):
        assert made.read_bytes() == b"%PDF-1.4 " + office.read_bytes()[:8]


@posix_only
@pytest.mark.parametrize(
    ("mode", "message"),
    [
        (
            "fail-one",
            "kit: LibreOffice could not make week-01-handout.pdf; nothing was written\n",
        ),
        ("crash", "kit: LibreOffice stopped with exit status 81; nothing was written\n"),
    ],
)
def test_failed_conversion_leaves_folder_unchanged(
    run_kit, fake_soffice, existing: Path, mode: str, message: str
) -> None:
    fake_soffice(mode)
    before = _digest(existing)
    result = run_kit("build", SMALL, "-o", existing, "--pdf")
    assert result.code == 1
    assert result.err == message
    assert _digest(existing) == before
    assert sorted(p.name for p in existing.parent.iterdir()) == ["build", "fake-bin"]


@posix_only
def test_libreoffice_past_its_time_limit_is_stopped_and_nothing_written(
    run_kit, fake_soffice, existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fake_soffice("hang")
    monkeypatch.setattr(pdf, "BASE_SECONDS", 1.0)
    monkeypatch.setattr(pdf, "PER_FILE_SECONDS", 0.0)
    before = _digest(existing)
    result = run_kit("build", SMALL, "-o", existing, "--pdf")
    assert result.code == 1
    assert result.err == (
        "kit: LibreOffice did not finish converting to PDF within 1 second "
        "(0 of 6 done) and was stopped; nothing was written\n"
    )
    assert _digest(existing) == before
    (call,) = _calls(folder)  # stopped while setting up: the macro never ran
    with pytest.raises(ProcessLookupError):
        os.kill(call["pid"], 0)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch, run_kit) -> Callable[..., object]:
    """Run the command line as if stderr were a terminal."""

    def run(*args: str | os.PathLike[str]):
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        return run_kit(*args)

    return run


@posix_only
def test_progress_bar_on_a_terminal(terminal, fake_soffice, tmp_path: Path) -> None:
    fake_soffice("ok")
    result = terminal("build", SMALL, "-o", tmp_path / "out", "--pdf")
    assert result.code == 0
    start = "\rkit: making PDFs with LibreOffice [" + "-" * 30 + "] 0/6"
    end = "\rkit: making PDFs with LibreOffice [" + "#" * 30 + "] 6/6\n"
    assert result.err.startswith(start)
    assert result.err.endswith(end)
    assert result.err.count("\n") == 1


@posix_only
def test_quiet_build_shows_no_progress_bar(terminal, fake_soffice, tmp_path: Path) -> None:
    fake_soffice("ok")
    result = terminal("-q", "build", SMALL, "-o", tmp_path / "out", "--pdf")
    assert result.code == 0
    assert result.err == ""


@posix_only
def test_failure_message_starts_on_a_line_of_its_own(
    terminal, fake_soffice, tmp_path: Path
) -> None:
    fake_soffice("fail-one")
    result = terminal("build", SMALL, "-o", tmp_path / "out", "--pdf")
    assert result.code == 1
    bar, message = result.err.split("\n", 1)
    assert bar.startswith("\rkit: making PDFs with LibreOffice [")
    assert message.startswith("kit: LibreOffice could not make week-01-handout.pdf")


# --- the real LibreOffice, run once on the built-in course -------------------------


@pytest.fixture(scope="module")
def pdf_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[tuple]]:
    """The built-in course built with --pdf, and the progress reported on the way."""
    out = tmp_path_factory.mktemp("pdf") / "build"
    seen: list[tuple[int, int]] = []
    paths = kit.build(
        kit.default_course(), out, pdf=True, progress=lambda *a: seen.append(tuple(a))
    )
    return paths, seen


@needs_soffice
def test_pdf_build_writes_a_pdf_beside_each_office_file(pdf_build) -> None:
    paths, _ = pdf_build
    out = paths[0].parent
    assert paths == [out / name for name in KIT_FILES + PDF_FILES]
    assert sorted(p.name for p in out.iterdir()) == sorted([*KIT_FILES, *PDF_FILES, MANIFEST])
    assert [p.name for p in out.parent.iterdir()] == ["build"]


@needs_soffice
def test_office_files_match_a_build_without_pdf(pdf_build, builtin_kit: Path) -> None:
    paths, _ = pdf_build
    assert {p.name: p.read_bytes() for p in paths[: len(KIT_FILES)]} == {
        p.name: p.read_bytes() for p in kit_files(builtin_kit)
    }


@needs_soffice
def test_every_handout_pdf_fits_one_sheet_printed_on_both_sides(pdf_build) -> None:
    paths, _ = pdf_build
    pages = {}
    for made in (p for p in paths if p.name.endswith("handout.pdf")):
        with pymupdf.open(made) as doc:
            pages[made.name] = doc.page_count
    assert len(pages) == 6
    assert {name: n for name, n in pages.items() if n > 2} == {}


@needs_soffice
def test_each_slide_pdf_has_a_page_per_slide(pdf_build) -> None:
    paths, _ = pdf_build
    for deck in (p for p in paths if p.suffix == ".pptx"):
        with pymupdf.open(deck.with_suffix(".pdf")) as doc:
            assert doc.page_count == len(Presentation(str(deck)).slides), deck.name


@needs_soffice
def test_each_pdf_shows_its_own_week(pdf_build) -> None:
    paths, _ = pdf_build
    course = kit.default_course()
    for made in (p for p in paths if p.suffix == ".pdf"):
        with pymupdf.open(made) as doc:
            text = " ".join(" ".join(page.get_text() for page in doc).split()).casefold()
        if made.name in ("leader-guide.pdf", "leader-packet.pdf", "participant-booklet.pdf"):
            expected = [course.course.title] + [w.title for w in course.course.weeks]
        else:
            expected = [course.course.weeks[int(made.name[5:7]) - 1].title]
        for title in expected:
            assert title.casefold() in text, (made.name, title)


@needs_soffice
def test_the_guides_contents_give_the_page_each_week_starts_on(pdf_build) -> None:
    paths, _ = pdf_build
    course = kit.default_course()
    with pymupdf.open(paths[0].with_suffix(".pdf")) as doc:
        pages = [page.get_text() for page in doc]
    contents = next(text for text in pages if text.lstrip().startswith("Contents"))
    for week in course.course.weeks:
        heading = f"Week {week.number}: {week.title}"
        entry = next(line for line in contents.splitlines() if line.startswith(heading))
        number = int(entry.rsplit(".", 1)[-1])
        assert pages[number - 1].lstrip().startswith(heading), (heading, number)


@needs_soffice
def test_progress_runs_from_0_to_the_number_of_files(pdf_build) -> None:
    _, seen = pdf_build
    total = len(KIT_FILES)
    assert seen[0] == (0, total)
    assert seen[-1] == (total, total)
    assert all(t == total for _, t in seen)
    done = [d for d, _ in seen]
    assert done == sorted(done)
    assert len(done) == len(set(done))


def test_a_pdf_gets_fixed_dates_and_an_id_from_its_content(tmp_path: Path) -> None:
    def made(when: bytes, zone: bytes, ident: bytes) -> bytes:
        return (
            b"%PDF-1.7\n1 0 obj\n<</Producer(LibreOffice)/CreationDate(D:" + when + zone + b")>>"
            b"\nendobj\ntrailer\n<</Size 2/ID [ <" + ident + b">\n<" + ident + b"> ]>>\n%%EOF\n"
        )

    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first.write_bytes(made(b"20261122060745", b"Z'", b"E04ED08A91F499D66C6C13BBDBBB6EE8"))
    second.write_bytes(made(b"20270301181502", b"+13'00'", b"0123456789ABCDEF0123456789ABCDEF"))
    sizes = (first.stat().st_size, second.stat().st_size)
    pdf.settle(first)
    pdf.settle(second)
    assert (first.stat().st_size, second.stat().st_size) == sizes
    assert b"/CreationDate(D:20000101000000Z')" in first.read_bytes()
    assert b"/CreationDate(D:20000101000000+00'00')" in second.read_bytes()
    ident = first.read_bytes().split(b"/ID [ <")[1][:32]
    assert ident != b"E04ED08A91F499D66C6C13BBDBBB6EE8"
    assert first.read_bytes().count(ident) == 2


@needs_soffice
def test_pdfs_of_the_same_file_are_byte_identical(builtin_kit: Path, tmp_path: Path) -> None:
    program = pdf.find_libreoffice()
    made = []
    for run in ("one", "two"):
        (tmp_path / run).mkdir()
        made += pdf.convert([builtin_kit / "week-01-handout.docx"], tmp_path / run, program=program)
    assert made[0].read_bytes() == made[1].read_bytes()


# --- a rebuild keeps the kit as whole as the last one --------------------------------


@posix_only
def test_a_rebuild_after_pdf_makes_the_pdfs_again(fake_soffice, run_kit, tmp_path: Path) -> None:
    """PDFs already sent out are not taken away by a plain `kit build`."""
    fake_soffice("ok")
    out = tmp_path / "out"
    assert run_kit("build", SMALL, "-o", out, "--pdf").code == 0
    result = run_kit("build", SMALL, "-o", out)
    assert (result.code, result.err) == (0, "")
    assert [p.name for p in kit_files(out)] == sorted(SMALL_FILES + SMALL_PDFS)
    assert "removed" not in result.out
    # LibreOffice takes a while: the build says why it ran, and how not to.
    assert (
        "  (PDFs made again, as the last build made them; --no-pdf leaves them out)"
        in result.out.splitlines()
    )


@posix_only
def test_no_pdf_leaves_them_out_and_says_so(fake_soffice, run_kit, tmp_path: Path) -> None:
    fake_soffice("ok")
    out = tmp_path / "out"
    assert run_kit("build", SMALL, "-o", out, "--pdf").code == 0
    result = run_kit("build", SMALL, "-o", out, "--no-pdf")
    assert result.code == 0
    assert [p.name for p in kit_files(out)] == sorted(SMALL_FILES)
    assert (
        f"removed {len(SMALL_PDFS)} stale files from {out}/: {', '.join(sorted(SMALL_PDFS))}"
        in result.out
    )


@posix_only
def test_pdfs_the_last_build_made_need_libreoffice_or_no_pdf(
    fake_soffice, run_kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_soffice("ok")
    out = tmp_path / "out"
    assert run_kit("build", SMALL, "-o", out, "--pdf").code == 0
    before = _digest(out)
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    result = run_kit("build", SMALL, "-o", out)
    assert result.code == 2
    assert result.err.startswith(
        "kit: the last build into this folder made PDFs, and kit makes them again so that "
        "none goes missing, but neither soffice nor libreoffice was found on PATH; nothing "
        "was written. Build with --no-pdf to leave the PDFs out (and remove the last ones), "
        "or install LibreOffice:\n  Debian/Ubuntu:"
    )
    assert _digest(out) == before
