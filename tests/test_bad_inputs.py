"""The bad-input corpus: every case exits 2 with exactly its expected, located messages.

Each folder under tests/fixtures/bad/ is one case: a course.yaml and whatever it
needs, and expected.txt with the exact lines `kit build` must print to stderr.
The output folder is filled beforehand and must be left byte-for-byte as it was.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FIXTURES, build_problems

BAD = FIXTURES / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir())

LOCATED = re.compile(r"^[^:\s][^:]*:[1-9]\d*:[1-9]\d*: \S")
"""`FILE:LINE:COL: ...`, with a real line and column."""
SUMMARY = re.compile(r"^kit: \d+ problems? found; nothing was written$")


IN_THE_WAY = ["out/leader-guide.docx", "out/week-01-slides.pptx"]
"""The files `_case` puts in the output folder, as kit names them."""


def _for_build(work: Path, expected: list[str]) -> list[str]:
    """What `kit build` prints for a case: the check's problems, with the folder's."""
    problems = build_problems(expected[:-1], work / "course.yaml", IN_THE_WAY)
    n = len(problems)
    return [*problems, f"kit: {n} problem{'s' if n != 1 else ''} found; nothing was written"]


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder`, with a digest of each file's bytes."""
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
        )
        for p in sorted(folder.rglob("*"))
    }


def _case(name: str, tmp_path: Path) -> tuple[Path, list[str]]:
    """A copy of the case with a pre-filled output folder, and its expected lines."""
    work = tmp_path / name
    shutil.copytree(BAD / name, work)
    expected = (work / "expected.txt").read_text(encoding="utf-8").splitlines()
    out = work / "out"
    out.mkdir()
    (out / "leader-guide.docx").write_bytes(b"the coordinator's edited copy")
    (out / "week-01-slides.pptx").write_bytes(bytes(range(256)))
    (out / "notes.txt").write_text("keep me\n", encoding="utf-8")
    return work, expected


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("command", ["build", "check"])
def test_bad_input(name: str, command: str, tmp_path: Path, monkeypatch, run_kit) -> None:
    work, expected = _case(name, tmp_path)
    before = _snapshot(tmp_path)
    monkeypatch.chdir(work)
    args = ["build", "course.yaml", "-o", "out"] if command == "build" else ["check", "course.yaml"]
    result = run_kit(*args)
    assert result.err.splitlines() == (
        _for_build(work, expected) if command == "build" else expected
    )
    assert result.code == 2
    assert result.out == ""
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("name", CASES)
def test_expected_lines_are_all_located(name: str) -> None:
    lines = (BAD / name / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 2
    assert SUMMARY.match(lines[-1])
    count = int(lines[-1].split()[1])
    assert count == len(lines) - 1
    for line in lines[:-1]:
        assert LOCATED.match(line), line
        assert "Traceback" not in line


def test_the_corpus_covers_every_kind_of_bad_input() -> None:
    assert len(CASES) >= 25
    for kind in (
        "yaml-",
        "empty-file",
        "binary-file",
        "top-level-",
        "wrong-types",
        "out-of-range",
        "impossible-dates",
        "impossible-time",
        "unknown-keys",
        "unknown-ids",
        "duplicate-keys",
        "brand-missing",
        "brand-not-a-zip",
        "brand-zip-not-office",
        "lesson-folder-missing",
        "lesson-duplicate-question-ids",
        "lesson-unknown-book",
        "template-syntax",
        "template-internals",
        "xml-illegal-characters",
    ):
        assert any(case.startswith(kind) for case in CASES), kind


@pytest.mark.parametrize(
    "name",
    [
        "nesting-too-deep",
        "alias-bomb",
        "template-runtime-escape",
        "template-output-too-long",
        "weeks-too-many",
    ],
)
def test_a_fresh_process_prints_no_traceback(name: str, tmp_path: Path) -> None:
    work, expected = _case(name, tmp_path)
    before = _snapshot(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "kit", "build", "course.yaml", "-o", "out"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stderr.splitlines() == _for_build(work, expected)
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert _snapshot(tmp_path) == before
