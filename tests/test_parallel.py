"""Writing on every core: the same bytes in the same order, and errors that keep their words."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

import kit
from kit import parallel
from kit.compose.documents import compose_kit
from kit.errors import BuildError, InputError, Problem
from kit.parallel import jobs, render_all
from kit.pipeline import render_output

needs_fork = pytest.mark.skipif(jobs(100) == 1, reason="needs fork() and more than one core")


@dataclass(frozen=True)
class Job:
    name: str


def _pid_and_name(job: Job, course: object) -> bytes:
    return f"{os.getpid()} {job.name} {course}".encode()


def test_few_files_or_one_job_are_written_here(monkeypatch: pytest.MonkeyPatch) -> None:
    assert jobs(parallel.MIN_FILES - 1) == 1
    monkeypatch.setenv("KIT_JOBS", "1")
    assert jobs(100) == 1
    done = render_all([Job(f"{i}.docx") for i in range(8)], "c", _pid_and_name)
    assert done == [f"{os.getpid()} {i}.docx c".encode() for i in range(8)]


@needs_fork
def test_results_come_back_in_order_from_other_processes() -> None:
    outputs = [Job(f"{i}.{'pptx' if i % 3 == 0 else 'docx'}") for i in range(12)]
    done = render_all(outputs, "c", _pid_and_name)
    assert [d.split(b" ", 1)[1] for d in done] == [f"{o.name} c".encode() for o in outputs]
    assert {int(d.split()[0]) for d in done} - {os.getpid()}


@needs_fork
def test_the_kit_written_on_every_core_is_byte_identical(builtin_kit) -> None:
    course = kit.default_course()
    outputs = compose_kit(course)
    done = render_all(outputs, course, render_output)
    assert {o.name: data for o, data in zip(outputs, done, strict=True)} == {
        o.name: (builtin_kit / o.name).read_bytes() for o in outputs
    }


def _fails(job: Job, course: object) -> bytes:
    if job.name == "5.docx":
        raise InputError(Problem("my-templates/handout.j2", 3, 1, "", "template error: boom"))
    if job.name == "6.docx":
        raise BuildError("disk full")
    return b""


def _interrupted(job: Job, course: object) -> bytes:
    if job.name == "2.docx":
        raise KeyboardInterrupt
    return b""


@needs_fork
def test_a_workers_error_is_raised_here_with_its_problems() -> None:
    outputs = [Job(f"{i}.docx") for i in range(5, 9)]
    with pytest.raises((InputError, BuildError)) as caught:
        render_all(outputs, None, _fails)
    if isinstance(caught.value, InputError):
        assert [str(p) for p in caught.value.problems] == [
            "my-templates/handout.j2:3:1: template error: boom"
        ]
    else:
        assert str(caught.value) == "disk full"


@needs_fork
def test_an_interrupt_in_a_worker_stops_the_build() -> None:
    with pytest.raises(KeyboardInterrupt):
        render_all([Job(f"{i}.docx") for i in range(8)], None, _interrupted)
