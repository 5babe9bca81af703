"""What a build does in its output folder: its own files only, stale ones removed, others kept."""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers import FIXTURES, KIT_FILES, MANIFEST, NOT_OURS, kit_names, needs_soffice

import kit
from kit.publish import folder as publish_folder
from kit.resources import shown

FIVE_WEEKS = (
    "title: X\ncare: [{name: Office}]\nweeks: [trust, safety, empathy, vulnerability, closeness]\n"
)
SMALL = FIXTURES / "markers" / "course.yaml"
"""A one-week course, quick to build."""
SMALL_FILES = [
    "leader-guide.docx",
    "leader-packet.docx",
    "week-01-leader-notes.docx",
    "week-01-slides.pptx",
    "week-01-handout.docx",
    "participant-booklet.docx",
    "course.ics",
]

IN_THE_WAY = (
    "a folder is in the way of a file the kit writes; move or rename it, "
    "or build into another folder with -o"
)


def _state(folder: Path) -> dict[str, str]:
    """Every name in `folder`, kit's own included: a file's digest, or `<folder>`."""
    return {
        p.name: "<folder>" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
    }


def _problems(*lines: str) -> str:
    count = len(lines)
    found = f"kit: {count} problem{'s' if count != 1 else ''} found; nothing was written"
    return "".join(f"{line}\n" for line in [*lines, found])


@pytest.fixture
def small_kit(tmp_path: Path) -> Path:
    """An output folder holding the one-week kit and a coordinator's own notes."""
    out = tmp_path / "build"
    kit.build(kit.load_course(SMALL), out)
    (out / "notes.txt").write_text("the coordinator's notes\n", encoding="utf-8")
    return out


# --- stale files --------------------------------------------------------------------


@needs_soffice
def test_a_shorter_course_without_pdfs_leaves_only_its_own_kit(run_kit, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("the coordinator's notes\n", encoding="utf-8")
    assert run_kit("build", "-o", out, "--pdf").code == 0
    five = tmp_path / "five.yaml"
    five.write_text(FIVE_WEEKS, encoding="utf-8")
    result = run_kit("build", five, "-o", out, "--no-pdf")
    assert result.code == 0, result.err
    files = kit_names(5)
    gone = [n for n in KIT_FILES if n not in files]
    stale = sorted([*gone, *(Path(n).stem + ".pdf" for n in KIT_FILES)])
    assert result.out.splitlines() == [
        f"wrote {len(files)} files to {out}/",
        *(f"  {name}" for name in files),
        "  (no course.ics: the course has no start date, so no meeting has a date)",
        f"removed {len(stale)} stale files from {out}/: {', '.join(stale)}",
    ]
    assert result.err == ""
    assert sorted(_state(out)) == sorted([*files, "notes.txt", MANIFEST])
    assert (out / "notes.txt").read_text(encoding="utf-8") == "the coordinator's notes\n"
    kit.build(kit.load_course(five), tmp_path / "fresh")
    assert {n: d for n, d in _state(out).items() if n != "notes.txt"} == _state(tmp_path / "fresh")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["five.yaml", "fresh", "out"]


def test_the_library_returns_what_it_wrote_and_logs_what_it_removed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "out"
    kit.build(kit.default_course(), out)
    five = tmp_path / "five.yaml"
    five.write_text(FIVE_WEEKS, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="kit.publish"):
        paths = kit.build(kit.load_course(five), out)
    assert paths == [out / name for name in kit_names(5)]
    assert (
        f"removed 3 stale file(s) from {out}: "
        "week-06-handout.docx, week-06-leader-notes.docx, week-06-slides.pptx"
    ) in caplog.messages
    assert sorted(_state(out)) == sorted([*kit_names(5), MANIFEST])


def test_a_stale_name_that_became_a_folder_is_left_alone(run_kit, tmp_path: Path) -> None:
    out = tmp_path / "out"
    kit.build(kit.default_course(), out)
    (out / "week-06-handout.docx").unlink()
    (out / "week-06-handout.docx").mkdir()
    (out / "week-06-handout.docx" / "mine.txt").write_text("mine")
    five = tmp_path / "five.yaml"
    five.write_text(FIVE_WEEKS, encoding="utf-8")
    result = run_kit("build", five, "-o", out)
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == (
        f"removed 2 stale files from {out}/: week-06-leader-notes.docx, week-06-slides.pptx"
    )
    assert (out / "week-06-handout.docx" / "mine.txt").read_text() == "mine"


# --- files kit did not write ---------------------------------------------------------


def test_every_name_in_the_way_is_reported_and_nothing_moves(run_kit, small_kit: Path) -> None:
    (small_kit / "week-01-slides.pptx").unlink()
    (small_kit / "week-01-slides.pptx").mkdir()
    record = json.loads((small_kit / MANIFEST).read_text(encoding="utf-8"))
    del record["files"]["week-01-handout.docx"]  # as if someone else had put it there
    (small_kit / MANIFEST).write_text(json.dumps(record), encoding="utf-8")
    before = _state(small_kit)
    result = run_kit("build", SMALL, "-o", small_kit)
    assert result.code == 2
    assert result.out == ""
    assert result.err == _problems(
        f"{small_kit / 'week-01-handout.docx'}: {NOT_OURS}",
        f"{small_kit / 'week-01-slides.pptx'}: {IN_THE_WAY}",
    )
    assert _state(small_kit) == before
    assert sorted(p.name for p in small_kit.parent.iterdir()) == ["build"]


def test_a_pdf_of_someone_elses_is_found_before_libreoffice_runs(
    run_kit, small_kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "soffice").write_text(
        f"#!{sys.executable}\nimport pathlib, sys\npathlib.Path(sys.argv[0] + '.ran').touch()\n"
    )
    (fake / "soffice").chmod(0o755)
    monkeypatch.setenv("PATH", str(fake))
    (small_kit / "week-01-handout.pdf").write_bytes(b"%PDF-1.4 printed at church")
    before = _state(small_kit)
    result = run_kit("build", SMALL, "-o", small_kit, "--pdf")
    assert result.code == 2
    assert result.err == _problems(f"{small_kit / 'week-01-handout.pdf'}: {NOT_OURS}")
    assert _state(small_kit) == before
    assert sorted(p.name for p in fake.iterdir()) == ["soffice"]


@pytest.mark.parametrize(
    "record",
    [
        b"{not json",
        b'{"format": 1, "files": {"../outside.txt": "00"}}',
        b'{"format": 1, "files": {".kit-lock": "00"}}',
        b'{"format": 99, "files": {}}',
    ],
)
def test_a_damaged_manifest_stops_the_build_before_anything_moves(
    run_kit, small_kit: Path, record: bytes
) -> None:
    (small_kit / MANIFEST).write_bytes(record)
    (small_kit.parent / "outside.txt").write_text("not kit's")
    before = _state(small_kit)
    result = run_kit("build", SMALL, "-o", small_kit)
    assert result.code == 2
    assert result.err == _problems(
        f"{small_kit / MANIFEST}: kit's record of the files it wrote here is damaged, so kit "
        "cannot tell its files from yours; delete this record and the kit's files, "
        "or build into an empty folder"
    )
    assert _state(small_kit) == before
    assert (small_kit.parent / "outside.txt").read_text() == "not kit's"


# --- the output folder itself --------------------------------------------------------


def test_an_output_path_that_is_a_file(run_kit, tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file")
    result = run_kit("build", SMALL, "-o", tmp_path / "out")
    assert result.code == 2
    assert result.err == _problems(
        f"{tmp_path / 'out'}: is a file, not a folder; name a folder with -o"
    )
    assert (tmp_path / "out").read_text() == "a file"


def test_an_output_path_inside_a_file(run_kit, tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file")
    result = run_kit("build", SMALL, "-o", tmp_path / "out" / "kit")
    assert result.code == 2
    assert result.err == _problems(
        f"{tmp_path / 'out' / 'kit'}: cannot create this folder (not a directory); "
        "name another with -o"
    )


@contextmanager
def _read_only(path: Path) -> Iterator[str]:
    """Make the folder `path` unwritable; yields the reason the system gives."""
    if os.geteuid() != 0:
        path.chmod(0o555)
        try:
            yield "permission denied"
        finally:
            path.chmod(0o755)
        return
    # root ignores permissions; only the immutable flag stops it.
    if shutil.which("chattr") is None:
        pytest.skip("running as root, which ignores permissions, and chattr is not installed")
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("running as root, which ignores permissions, and chattr +i is not allowed")
    try:
        yield "operation not permitted"
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_folder_that_cannot_be_created(run_kit, tmp_path: Path) -> None:
    parent = tmp_path / "shared"
    parent.mkdir()
    with _read_only(parent) as reason:
        result = run_kit("build", SMALL, "-o", parent / "out")
    assert result.code == 2
    assert result.err == _problems(
        f"{parent / 'out'}: cannot create this folder ({reason}); name another with -o"
    )
    assert list(parent.iterdir()) == []


def test_a_folder_kit_cannot_write_in(run_kit, small_kit: Path) -> None:
    before = _state(small_kit)
    with _read_only(small_kit) as reason:
        result = run_kit("build", SMALL, "-o", small_kit)
    assert result.code == 2
    assert result.err == _problems(
        f"{small_kit}: kit cannot write in this folder ({reason}); build into another with -o"
    )
    assert _state(small_kit) == before


def test_a_folder_in_a_read_only_parent_is_still_rebuilt(run_kit, small_kit: Path) -> None:
    """Everything a build needs beside its files is made inside the output folder."""
    with _read_only(small_kit.parent):
        result = run_kit("build", SMALL, "-o", small_kit)
    assert result.code == 0, result.err
    assert sorted(_state(small_kit)) == sorted([*SMALL_FILES, MANIFEST, "notes.txt"])
    assert (small_kit / "week-01-handout.docx").read_bytes()[:2] == b"PK"


def test_a_kit_file_marked_immutable_is_found_before_anything_moves(
    run_kit, small_kit: Path
) -> None:
    target = small_kit / "week-01-slides.pptx"
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    if subprocess.run(["chattr", "+i", str(target)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not allowed here (it needs CAP_LINUX_IMMUTABLE)")
    try:
        before = _state(small_kit)
        result = run_kit("build", SMALL, "-o", small_kit)
        after = _state(small_kit)
    finally:
        subprocess.run(["chattr", "-i", str(target)], check=True)
    assert result.code == 2
    assert result.err == _problems(
        f"{target}: is marked immutable, so kit cannot replace it; "
        "clear the mark (chattr -i), then build again"
    )
    assert after == before


# --- one build at a time -------------------------------------------------------------


def test_a_second_build_waits_then_gives_up(
    run_kit, small_kit: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(publish_folder, "LOCK_WAIT", 0.3)
    fd = os.open(small_kit / ".kit-lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        before = _state(small_kit)
        result = run_kit("build", SMALL, "-o", small_kit)
        after = _state(small_kit)
    finally:
        os.close(fd)
    assert result.code == 1
    assert result.err == (
        f"kit: another kit build is writing to {small_kit}/; nothing was changed. "
        "Build again once it has finished\n"
    )
    assert after == before


def test_a_build_started_elsewhere_in_the_process_works_the_same(small_kit: Path) -> None:
    """Off the main thread no signal can be held or needs to be: the build goes as usual."""
    before = _state(small_kit)
    failed: list[BaseException] = []

    def build() -> None:
        try:
            kit.build(kit.load_course(SMALL), small_kit)
        except BaseException as exc:
            failed.append(exc)

    worker = threading.Thread(target=build)
    worker.start()
    worker.join()
    assert failed == []
    assert _state(small_kit) == before


def test_check_leaves_a_tidy_folder_untouched(run_kit, small_kit: Path) -> None:
    before = (_state(small_kit), small_kit.stat().st_mtime_ns)
    result = run_kit("check", SMALL, "-o", small_kit)
    assert result.code == 0
    assert result.out == f"{shown(SMALL)}: ok: 1 week of 90 minutes, on Sunday, March 7, 2027\n"
    assert (_state(small_kit), small_kit.stat().st_mtime_ns) == before


def test_an_older_kits_staging_folders_are_removed_and_no_others(run_kit, small_kit: Path) -> None:
    parent = small_kit.parent
    old = parent / ".build.ab12_x9z.tmp"
    old.mkdir()
    (old / "leader-guide.docx").write_bytes(b"PK half written")
    (old / "week-01-handout.pdf").write_bytes(b"%PDF")
    theirs = parent / ".build.zzzz9999.tmp"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("not kit's")
    other = parent / ".build.other.tmp"
    other.mkdir()
    result = run_kit("build", SMALL, "-o", small_kit)
    assert result.code == 0, result.err
    assert sorted(p.name for p in parent.iterdir()) == [
        ".build.other.tmp",
        ".build.zzzz9999.tmp",
        "build",
    ]
    assert (theirs / "notes.txt").read_text() == "not kit's"


EDITED = (
    "has been changed since kit wrote it, and building would replace those changes; "
    "to keep them, rename the file (kit leaves files of other names alone) or move it "
    "elsewhere; to let kit write it again, delete it; then build again"
)
EDITED_STALE = (
    "has been changed since kit wrote it, and this course no longer has it, so building "
    "would remove those changes; rename it or move it elsewhere to keep it, or delete it; "
    "then build again"
)


def _add_line_in_word(path: Path, line: str) -> None:
    """Edit a handout as a coordinator would in Word: add a line and save."""
    import docx

    document = docx.Document(str(path))
    document.add_paragraph(line)
    document.save(str(path))


def test_a_word_edit_survives_a_rebuild(run_kit, small_kit: Path) -> None:
    handout = small_kit / "week-01-handout.docx"
    _add_line_in_word(handout, "Childcare in Room 104")
    before = _state(small_kit)
    result = run_kit("build", SMALL, "-o", small_kit)
    assert result.code == 2
    assert result.err == _problems(f"{handout}: {EDITED}")
    assert _state(small_kit) == before
    # Renamed, the edited copy is the coordinator's and the next build leaves it be.
    handout.rename(small_kit / "week-01-handout (childcare).docx")
    result = run_kit("build", SMALL, "-o", small_kit)
    assert result.code == 0, result.err
    kept = small_kit / "week-01-handout (childcare).docx"
    import docx

    assert "Childcare in Room 104" in [p.text for p in docx.Document(str(kept)).paragraphs]
    assert "Childcare in Room 104" not in [p.text for p in docx.Document(str(handout)).paragraphs]


def test_an_edited_file_a_shorter_course_drops_is_not_removed(run_kit, tmp_path: Path) -> None:
    out = tmp_path / "build"
    course = tmp_path / "course.yaml"
    course.write_text(FIVE_WEEKS, encoding="utf-8")
    kit.build(kit.load_course(course), out)
    _add_line_in_word(out / "week-05-handout.docx", "Bring a dessert to share")
    course.write_text(FIVE_WEEKS.replace(", closeness]", "]\nintimacy: false"), encoding="utf-8")
    before = _state(out)
    result = run_kit("build", course, "-o", out)
    assert result.code == 2
    assert result.err == _problems(f"{out / 'week-05-handout.docx'}: {EDITED_STALE}")
    assert _state(out) == before
