"""`kit serve` on the command line: where it listens, what it opens, and Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kit.cli import main

pytest.importorskip(
    "kit.serve.app", reason="kit serve needs the serve extra: pip install '.[serve]'"
)


ROOT = Path(__file__).resolve().parent.parent.parent


def start(*args: str, cwd: Path) -> tuple[subprocess.Popen, str, str]:
    """`kit serve ARGS` in a process of its own, the address it says to open, what it said."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kit", "serve", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    assert proc.stdout is not None
    said = ""
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        said += line
        found = re.search(r"open (http://\S+) in your browser", line)
        if found:
            return proc, found.group(1), said
        if not line and proc.poll() is not None:
            break
    proc.kill()
    pytest.fail(f"kit serve did not start: {proc.stderr.read() if proc.stderr else ''}")


def stop(proc: subprocess.Popen) -> tuple[int, str, str]:
    """Ctrl-C, as a person stops it; the exit status and what it printed then."""
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    return proc.returncode, out, err


def test_without_a_course_it_writes_the_starter_and_stops_cleanly(tmp_path: Path) -> None:
    proc, url, said = start("--port", "0", cwd=tmp_path)
    try:
        assert url.startswith("http://127.0.0.1:")
        page = httpx.get(url, timeout=30)
        assert page.status_code == 200 and "Course planner" in page.text
        assert (tmp_path / "course.yaml").read_text().startswith("# A kit course file.")
    finally:
        code, out, err = stop(proc)
    assert code == 0, err
    assert said.startswith("wrote course.yaml from the starter course")
    assert out.strip().endswith("stopped")
    assert "Traceback" not in err


def test_it_serves_the_course_it_is_given_and_says_where(tmp_path: Path) -> None:
    course = tmp_path / "spring.yaml"
    course.write_text("title: Spring\nweeks: [trust]\n")
    proc, url, said = start(str(course), "--port", "0", cwd=tmp_path)
    try:
        assert "Spring" in httpx.get(url, timeout=30).text
        assert not (tmp_path / "course.yaml").exists()
    finally:
        code, _, _ = stop(proc)
    assert code == 0
    assert f"serving {course.name}" in said


def test_a_port_in_use_is_a_plain_message(tmp_path: Path, run_kit) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run_kit("serve", tmp_path / "course.yaml", "--port", str(port))
    assert result.code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.err
    assert "--port" in result.err
    assert not (tmp_path / "course.yaml").exists()


def test_a_folder_is_not_a_course_file(tmp_path: Path) -> None:
    assert main(["serve", str(tmp_path), "--port", "0"]) == 2


def test_another_host_is_served_only_when_asked_and_with_a_warning(tmp_path: Path) -> None:
    proc, url, said = start("--port", "0", "--host", "0.0.0.0", cwd=tmp_path)
    try:
        port = url.rsplit(":", 1)[1].strip("/")
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=30).status_code == 200
    finally:
        code, _, _ = stop(proc)
    assert code == 0
    assert "warning: listening on 0.0.0.0, not only on this computer" in said
