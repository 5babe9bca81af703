"""The map of kit's stages holds: import-linter's contracts in pyproject.toml are kept."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint(where: Path) -> subprocess.CompletedProcess[str]:
    program = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(program), "--no-cache"],
        cwd=where,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(where), "PATH": str(program.parent)},
    )


def test_every_contract_of_the_map_is_kept() -> None:
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_an_import_back_up_the_map_breaks_it(tmp_path: Path) -> None:
    """The check can fail: the load stage importing the compose stage, run after it, is caught."""
    shutil.copytree(ROOT / "kit", tmp_path / "kit", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    files = tmp_path / "kit" / "load" / "files.py"
    files.write_text(files.read_text(encoding="utf-8") + "\nimport kit.compose  # noqa\n")
    done = _lint(tmp_path)
    assert done.returncode != 0
    assert "Stages in the order they run, each importing only those before it BROKEN" in done.stdout
    assert "kit.load.files -> kit.compose" in done.stdout
