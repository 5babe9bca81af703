"""Same input, same bytes, in any process; an interrupted build leaves the folder as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import KIT_FILES, MANIFEST, older_kit_file

import kit
from kit import pipeline


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _build_in_a_process(out: Path, home: Path, **env: str) -> None:
    """Build the built-in course in a new process whose home and cache folders are `home`."""
    home.mkdir()
    subprocess.run(
        [sys.executable, "-m", "kit", "-q", "build", "-o", str(out)],
        env={**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), **env},
        check=True,
        capture_output=True,
        timeout=300,
    )


def test_builds_in_other_processes_are_byte_identical(builtin_kit: Path, tmp_path: Path) -> None:
    """Hash seed, time zone and locale change nothing; each process writes every file."""
    _build_in_a_process(
        tmp_path / "a", tmp_path / "home-a", PYTHONHASHSEED="1", TZ="UTC", LANG="C.UTF-8"
    )
    _build_in_a_process(
        tmp_path / "b",
        tmp_path / "home-b",
        PYTHONHASHSEED="2",
        TZ="Pacific/Auckland",
        LANG="de_DE.UTF-8",
    )
    assert sorted(_digest(tmp_path / "a")) == sorted([*KIT_FILES, MANIFEST])
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b") == _digest(builtin_kit)


def test_a_build_writes_nothing_outside_its_output_folder(tmp_path: Path) -> None:
    (tmp_path / "tmp").mkdir()
    _build_in_a_process(
        tmp_path / "work" / "build", tmp_path / "home", TMPDIR=str(tmp_path / "tmp")
    )
    assert list((tmp_path / "home").iterdir()) == []
    assert list((tmp_path / "tmp").iterdir()) == []
    assert [p.name for p in (tmp_path / "work").iterdir()] == ["build"]


@pytest.mark.parametrize("when", [1, 7, 19])
def test_an_interrupted_build_leaves_the_folder_as_it_was(
    builtin_kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_kit, when: int
) -> None:
    out = tmp_path / "build"
    shutil.copytree(builtin_kit, out)
    older_kit_file(out, "week-02-handout.docx", b"an older kit's handout")
    (out / "notes.txt").write_text("the coordinator's notes\n", encoding="utf-8")
    before = _digest(out)
    calls: list[str] = []
    real = pipeline.render_output

    def interrupted(output, course, *rest):
        calls.append(output.name)
        if len(calls) == when:
            raise KeyboardInterrupt
        return real(output, course, *rest)

    monkeypatch.setattr(pipeline, "render_output", interrupted)
    result = run_kit("build", "-o", out)
    assert result.code == 130
    assert result.err == "kit: interrupted; nothing was written\n"
    assert len(calls) == when
    assert _digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_a_build_over_an_old_kit_replaces_only_its_own_files(
    builtin_kit: Path, tmp_path: Path
) -> None:
    out = tmp_path / "build"
    shutil.copytree(builtin_kit, out)
    (out / "notes.txt").write_text("the coordinator's notes\n", encoding="utf-8")
    kit.build(kit.default_course(), out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "the coordinator's notes\n"
    assert _digest(out) == {**_digest(builtin_kit), "notes.txt": _digest(out)["notes.txt"]}
    assert sorted(p.name for p in out.iterdir()) == sorted([*KIT_FILES, MANIFEST, "notes.txt"])


def test_a_build_never_replaces_a_file_kit_did_not_write(run_kit, tmp_path: Path) -> None:
    out = tmp_path / "build"
    out.mkdir()
    (out / "leader-guide.docx").write_bytes(b"a guide kit did not write")
    before = _digest(out)
    result = run_kit("build", "-o", out)
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        f"{out / 'leader-guide.docx'}: kit did not write this file and will not replace it; "
        "move or rename it, or build into another folder with -o\n"
        "kit: 1 problem found; nothing was written\n"
    )
    assert _digest(out) == before
    assert list(tmp_path.iterdir()) == [out]
