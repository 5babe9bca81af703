"""End-to-end: building a course writes the whole kit, atomically and byte-for-byte stable."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from helpers import KIT_FILES, MANIFEST, kit_files

import kit
import kit.writers.pptx
from kit.errors import InputError


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_builtin_course_writes_the_20_files(builtin_kit: Path) -> None:
    assert [p.name for p in kit_files(builtin_kit)] == sorted(KIT_FILES)


def test_the_manifest_names_each_file_written_with_its_digest(builtin_kit: Path) -> None:
    record = json.loads((builtin_kit / MANIFEST).read_text(encoding="utf-8"))
    assert record == {
        "format": 1,
        "written by": "kit",
        "files": {
            name: digest for name, digest in _digest(builtin_kit).items() if name in KIT_FILES
        },
    }
    assert list(record["files"]) == sorted(KIT_FILES)


def test_rebuild_is_byte_identical(builtin_kit: Path, tmp_path: Path) -> None:
    kit.build(kit.default_course(), tmp_path / "again")
    assert _digest(tmp_path / "again") == _digest(builtin_kit)


def test_writer_failing_midway_leaves_folder_unchanged(
    builtin_kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "build"
    shutil.copytree(builtin_kit, out)
    (out / "notes.txt").write_text("keep me")
    before = _digest(out)
    real = kit.writers.pptx.write_pptx
    calls = []

    def failing(deck, **kwargs):
        calls.append(deck.title)
        if len(calls) == 3:
            raise InputError([])
        return real(deck, **kwargs)

    monkeypatch.setattr(kit.writers.pptx, "write_pptx", failing)
    with pytest.raises(InputError):
        kit.build(kit.default_course(), out)
    assert len(calls) == 3
    assert _digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_a_first_build_that_fails_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(deck, **kwargs):
        raise InputError([])

    monkeypatch.setattr(kit.writers.pptx, "write_pptx", failing)
    with pytest.raises(InputError):
        kit.build(kit.default_course(), tmp_path / "new" / "build")
    assert list(tmp_path.iterdir()) == []


def test_failure_while_publishing_leaves_folder_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "build"
    kit.build(kit.default_course(), out)
    before = _digest(out)
    written: list[Path] = []
    real_write = Path.write_bytes

    def write_some(self: Path, data: bytes) -> int:
        written.append(self)
        if len(written) == 10:
            raise OSError(28, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", write_some)
    with pytest.raises(kit.KitError, match="No space left on device"):
        kit.build(kit.default_course(), out)
    assert _digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]
