"""Shared fixtures: a kit built once per session, a CLI runner, LibreOffice rendering."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

import kit
from kit.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
"""Small fixture projects, one folder per case."""

KIT_FILES = ["leader-guide.docx"] + [
    f"week-{n:02d}-{kind}"
    for n in range(1, 7)
    for kind in ("leader-notes.docx", "slides.pptx", "handout.docx")
]
"""The 19 files a six-week build writes."""


@dataclass
class Result:
    """What a run of the command line did."""

    code: int
    out: str
    err: str


@pytest.fixture
def run_kit(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run `kit ARGS...` in-process and capture its exit status and output."""

    def run(*args: str | os.PathLike[str]) -> Result:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def builtin_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in six-week course, built once; tests must not change these files."""
    out = tmp_path_factory.mktemp("builtin") / "build"
    kit.build(kit.default_course(), out)
    return out


def soffice() -> str | None:
    """The LibreOffice program, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


needs_soffice = pytest.mark.skipif(
    soffice() is None,
    reason="LibreOffice (soffice) is not installed; CI installs it (see .ci/run)",
)
"""Mark a test that renders documents with LibreOffice."""


def render_pdf(files: Sequence[Path], out_dir: Path, timeout: int = 300) -> list[Path]:
    """Convert Office files to PDF with LibreOffice, in one process with its own profile."""
    program = soffice()
    if program is None:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs it (see .ci/run)")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                *map(str, files),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
    return [out_dir / (f.stem + ".pdf") for f in files]
