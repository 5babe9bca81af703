"""The cache: faster second runs, the same results, and no harm when it is missing or damaged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kit import cache, scripture
from kit.cache import JsonStore, cache_dir, prune


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache folder for this test."""
    where = tmp_path / "cache"
    monkeypatch.setenv("KIT_CACHE_DIR", str(where))
    monkeypatch.delenv("KIT_NO_CACHE", raising=False)
    return where


def test_a_store_is_written_once_and_read_back(folder: Path) -> None:
    store = JsonStore("things-1")
    assert store.get("a") is None
    store.put("a", [1, "two"])
    store.put("b", {"c": None})
    assert not (folder / "things-1.json").exists()
    store.flush()
    again = JsonStore("things-1")
    assert (again.get("a"), again.get("b")) == ([1, "two"], {"c": None})
    assert oct((folder).stat().st_mode & 0o777) == oct(0o700)


def test_a_new_version_of_a_store_removes_the_old_one(folder: Path) -> None:
    old = JsonStore("things-1")
    old.put("a", 1)
    old.flush()
    new = JsonStore("things-2")
    new.put("a", 2)
    new.flush()
    assert sorted(p.name for p in folder.iterdir()) == ["things-2.json"]


def test_a_damaged_store_is_ignored(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "things-1.json").write_text("{not json", encoding="utf-8")
    store = JsonStore("things-1")
    assert store.get("a", "default") == "default"
    store.put("a", 1)
    store.flush()
    assert json.loads((folder / "things-1.json").read_text(encoding="utf-8")) == {"a": 1}


def test_a_full_store_takes_nothing_new(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    store = JsonStore("things-1")
    for key in "abc":
        store.put(key, key)
    store.put("a", "again")
    assert [store.get(k) for k in "abc"] == ["again", "b", None]


def test_no_cache_when_turned_off_or_unwritable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIT_NO_CACHE", "1")
    assert cache_dir() is None
    store = JsonStore("things-1")
    store.put("a", 1)
    store.flush()
    assert store.get("a") == 1
    monkeypatch.delenv("KIT_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("KIT_CACHE_DIR", str(blocker / "cache"))
    assert cache_dir() is None


def test_prune_keeps_only_the_current_files(tmp_path: Path) -> None:
    for name in ("template-aa-1.cache", "template-bb-1.cache", "scripture-aa.json"):
        (tmp_path / name).write_text("", encoding="utf-8")
    prune(tmp_path, "template", "template-bb-")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "scripture-aa.json",
        "template-bb-1.cache",
    ]


REFERENCES = ["James 1:19-20", "Romans 12:15", "Galatians 6:2", "Psalm 23", "Jude 1:25"]


def test_cached_scripture_matches_pythonbible(folder: Path) -> None:
    pb = scripture.pb
    fresh = [scripture.passage(ref, code) for ref in REFERENCES for code in ("WEB", "KJV")]
    for ref, code, p in zip(
        [r for r in REFERENCES for _ in range(2)],
        ["WEB", "KJV"] * len(REFERENCES),
        fresh,
        strict=True,
    ):
        [parsed] = pb.get_references(ref)
        ids = pb.convert_reference_to_verse_ids(parsed)
        words = [pb.get_verse_text(i, version=pb.Version(code)).strip() for i in ids]
        expected = " ".join(words).replace("`", "\u2019").replace("[", "").replace("]", "")
        assert (p.reference, p.text) == (pb.format_scripture_references([parsed]), expected)


def _run(code: str, env: dict[str, str]) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout


def test_a_second_run_loads_the_course_without_pythonbible(tmp_path: Path) -> None:
    env = {**os.environ, "KIT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("KIT_NO_CACHE", None)
    code = (
        "import sys, kit\n"
        "c = kit.default_course()\n"
        "print('pythonbible' in sys.modules, c.weeks[2].scripture[0].text[:40])\n"
    )
    first = _run(code, env)
    second = _run(code, env)
    assert first.startswith("True ")
    assert second == first.replace("True ", "False ", 1)
    assert [p.name[:10] for p in (tmp_path / "cache").iterdir()] == ["scripture-"]


def test_a_missing_translation_is_still_found_with_a_warm_cache(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert scripture.passage_problem("Romans 12:15", "WEB") is None
    monkeypatch.setattr(scripture, "_verse", lambda verse_id, version: "")
    assert scripture.passage_problem("Romans 12:15", "WEB") == (
        "World English Bible has no text for Romans 12:15"
    )
