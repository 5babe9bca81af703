"""Shared fixtures: a kit built once per session and a CLI runner."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import kit
from kit.cli import main


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
