"""Rebuilding after an edit writes only the files the edit changed, with the same bytes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, KIT_FILES

import kit
from kit import filecache, pipeline


@pytest.fixture
def written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files each build writes afresh, in a cache of this test's own."""
    monkeypatch.setenv("KIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("KIT_JOBS", "1")
    names: list[str] = []
    real = pipeline.render_output

    def counted(output, course):
        names.append(output.name)
        return real(output, course)

    monkeypatch.setattr(pipeline, "render_output", counted)
    return names


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _build(course: Path | None, out: Path) -> dict[str, str]:
    kit.build(kit.load_course(course) if course else kit.default_course(), out)
    return _digest(out)


def test_an_unchanged_kit_is_not_written_again(
    written: list[str], tmp_path: Path, builtin_kit: Path
) -> None:
    first = _build(None, tmp_path / "a")
    assert sorted(written) == sorted(KIT_FILES)
    written.clear()
    assert _build(None, tmp_path / "b") == first == _digest(builtin_kit)
    assert written == []


def test_an_edit_rewrites_only_the_files_it_changes(written: list[str], tmp_path: Path) -> None:
    course = tmp_path / "course.yaml"
    text = "title: Closer\nweeks:\n  - trust\n  - lesson: safety\n    title: {}\n  - empathy\n"
    course.write_text(text.format("Safe Together"), encoding="utf-8")
    first = _build(course, tmp_path / "out")
    written.clear()
    course.write_text(text.format("A Safe Place"), encoding="utf-8")
    kit.build(kit.load_course(course), tmp_path / "out")
    changed = {name for name, digest in _digest(tmp_path / "out").items() if first[name] != digest}
    assert sorted(written) == sorted(changed)
    # Week 1's last slide names the next week; the guide lists every week.
    assert sorted(changed) == [
        "leader-guide.docx",
        "week-01-slides.pptx",
        "week-02-handout.docx",
        "week-02-leader-notes.docx",
        "week-02-slides.pptx",
    ]


def test_a_damaged_cache_costs_time_not_a_result(written: list[str], tmp_path: Path) -> None:
    first = _build(None, tmp_path / "a")
    stored = list((tmp_path / "cache").glob("files-*/*"))
    assert len(stored) == len(KIT_FILES)
    for path in stored:
        data = path.read_bytes()
        path.write_bytes(data[:-100] + bytes(100))
    written.clear()
    assert _build(None, tmp_path / "b") == first
    assert sorted(written) == sorted(KIT_FILES)


def test_a_changed_brand_file_rewrites_the_files_made_with_it(
    written: list[str], tmp_path: Path
) -> None:
    project = tmp_path / "church"
    shutil.copytree(FIXTURES / "church-pptx", project)
    shutil.copytree(FIXTURES / "long-lesson", tmp_path / "long-lesson")
    _build(project / "course.yaml", tmp_path / "out")
    written.clear()
    brand = project / "brand" / "church.pptx"
    brand.write_bytes(brand.read_bytes())  # same bytes, new time: read again, same key
    _build(project / "course.yaml", tmp_path / "out")
    assert written == []
    from pptx import Presentation

    deck = Presentation(str(brand))
    deck.core_properties.title = "Edited"
    deck.save(str(brand))
    _build(project / "course.yaml", tmp_path / "out")
    assert sorted(written) == ["week-01-slides.pptx", "week-02-slides.pptx"]


def test_no_files_are_kept_when_the_cache_is_off(
    written: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIT_NO_CACHE", "1")
    _build(None, tmp_path / "a")
    _build(None, tmp_path / "b")
    assert len(written) == 2 * len(KIT_FILES)
    assert not (tmp_path / "cache").exists()


def test_the_least_recently_used_files_go_first(
    written: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filecache, "MAX_FILES", 5)
    _build(None, tmp_path / "a")
    assert len(list((tmp_path / "cache").glob("files-*/*"))) == 5


def test_a_new_source_date_rewrites_every_file(
    written: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(None, tmp_path / "a")
    written.clear()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    _build(None, tmp_path / "b")
    assert sorted(written) == sorted(KIT_FILES)
