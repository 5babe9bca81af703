"""A build stopped at any moment leaves the old kit or the new one, never a mix of the two."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import FIXTURES

import kit
from kit import commands
from kit.cli import Terminated
from kit.publish import folder as publish_folder

CARE = "care: [{name: Church office, phone: 555-0100}]\n"
OLD_COURSE = "title: Old\nweeks: [trust, safety]\n" + CARE
NEW_COURSE = "title: New\nweeks: [trust]\n" + CARE
"""Two small courses: the new kit replaces four of the old one's files and makes three stale."""

FORKER = """\
# Starts kit once, then for each job read from stdin forks a build that runs kit's
# command line (as `python -m kit` does) and, at the Nth change it makes under the
# output folder (a file opened for writing, a rename, a removal), sends itself a
# signal: that stops a build at every step of the way, with nothing added to kit for
# it. With N = 0 it only lists the steps. Each job's exit status goes to stdout.
import json, os, sys
import kit.cli, kit.pipeline, kit.writers.docx, kit.writers.pptx
from kit.course.course_file import load_course
CHANGES = {"os.rename", "os.remove", "os.rmdir", "os.mkdir", "shutil.rmtree"}

def stop_at(out, sig, at, steps):
    def where(path, dir_fd=-1):
        # kit works relative to the open output folder: name each step by its full path.
        # An open's audit event carries no folder; kit opens by a bare name only there.
        path = os.fsdecode(os.fspath(path))
        if dir_fd is not None and dir_fd >= 0:
            return os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), path)
        return path if os.path.isabs(path) else "?/" + path

    def hook(event, args):
        if event == "open":
            mode, flags = args[1], args[2]
            writes = any(c in mode for c in "wax+") if mode else flags & (os.O_WRONLY | os.O_RDWR)
            if not writes:
                return
        elif event not in CHANGES:
            return
        if isinstance(args[0], int):
            return
        if event == "os.rename":
            path = where(args[0], args[2]) + " -> " + where(args[1], args[3])
        elif event in ("os.remove", "os.rmdir"):
            path = where(args[0], args[1])
        elif event == "os.mkdir":
            path = where(args[0], args[2])
        else:
            path = where(args[0])
        if path.startswith(out) or path.startswith("?/"):
            steps.append(event + " " + path.replace(out, ""))
            if len(steps) == at:
                os.kill(os.getpid(), sig)
    sys.addaudithook(hook)

warm = json.loads(sys.stdin.readline())  # one build first, so that each job starts warm
kit.pipeline.build(load_course(warm["course"]), warm["out"])
print("ready", flush=True)
for line in sys.stdin:
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        for fd, name in ((1, "stdout"), (2, "stderr")):
            os.dup2(os.open(job[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC), fd)
        steps = []
        stop_at(os.path.realpath(job["out"]) + os.sep, job["sig"], job["at"], steps)
        code = kit.cli.main(job["argv"])
        if job["at"] == 0:
            print("\\n".join(steps), file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    print(os.waitstatus_to_exitcode(status), flush=True)
"""

COMMIT = "os.rename .kit-staging/.kit-manifest.json -> .kit-manifest.json"
"""The step that makes a publish final."""


def _state(folder: Path) -> dict[str, str]:
    """Every name in `folder`, kit's own included: a file's digest, or `<folder>`."""
    return {
        p.name: "<folder>" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
    }


@dataclass
class Forker:
    """A warm kit process that runs builds in forks of itself, each stopped at a chosen step."""

    proc: subprocess.Popen

    def build(self, out: Path, sig: int, at: int, *argv: str | Path) -> tuple[int, str, str]:
        """Run `kit ARGV` with signal `sig` sent at step `at`; its exit status and output."""
        logs = out.parent / "stdout.txt", out.parent / "stderr.txt"
        job = {"out": str(out), "sig": sig, "at": at, "argv": [str(a) for a in argv]}
        job |= {"stdout": str(logs[0]), "stderr": str(logs[1])}
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        code = int(self.proc.stdout.readline())
        said = [log.read_text(encoding="utf-8") for log in logs]
        for log in logs:
            log.unlink()
        return code, said[0], said[1]


@dataclass(frozen=True)
class Kits:
    """An old kit, the course of a new one, and the steps a build of it over the old takes."""

    old: Path
    """A folder holding the old kit and a coordinator's own notes."""
    old_state: dict[str, str]
    new_state: dict[str, str]
    """The folder after the new course is built into a copy of `old`."""
    new_course: Path
    forker: Forker
    steps: list[str]

    @property
    def commit(self) -> int:
        """The number (from 1) of the step that commits."""
        return self.steps.index(COMMIT) + 1

    def build_over_old(self, out: Path, sig: int, at: int) -> tuple[int, str, str]:
        """Copy the old kit to `out` and build the new course over it, stopped at `at`."""
        shutil.copytree(self.old, out)
        return self.forker.build(out, sig, at, "-q", "build", self.new_course, "-o", out)


@pytest.fixture(scope="module")
def kits(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kits]:
    root = tmp_path_factory.mktemp("kits")
    (root / "old.yaml").write_text(OLD_COURSE, encoding="utf-8")
    (root / "new.yaml").write_text(NEW_COURSE, encoding="utf-8")
    old = root / "old"
    kit.build(kit.load_course(root / "old.yaml"), old)
    (old / "notes.txt").write_text("the coordinator's notes\n", encoding="utf-8")
    shutil.copytree(old, root / "new")
    kit.build(kit.load_course(root / "new.yaml"), root / "new")
    proc = subprocess.Popen(
        [sys.executable, "-c", FORKER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(json.dumps({"course": str(root / "new.yaml"), "out": str(root / "warm")}))
    proc.stdin.write("\n")
    proc.stdin.flush()
    assert proc.stdout.readline() == "ready\n"
    forker = Forker(proc)
    try:
        made = Kits(old, _state(old), _state(root / "new"), root / "new.yaml", forker, [])
        code, _, err = made.build_over_old(root / "count" / "out", 0, 0)
        assert code == 0, err
        assert _state(root / "count" / "out") == made.new_state
        steps = err.splitlines()
        assert COMMIT in steps
        yield Kits(**{**made.__dict__, "steps": steps})
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
        proc.stdout.close()


LATE_STOP = "kit: a request to stop came as the kit was put in place; the build finished\n"
UNDONE = "an interrupted build was undone; the folder holds the kit it held before"
FINISHED = "an interrupted build was finished; the folder holds the kit it wrote"


def test_a_build_killed_at_any_step_is_set_right_by_the_next_run(
    kits: Kits, tmp_path: Path, run_kit
) -> None:
    """SIGKILL at every step; then `kit check` sets the folder right, and so does `kit build`."""
    for at, step in enumerate(kits.steps, start=1):
        out = tmp_path / f"at-{at:02d}" / "out"
        code, _, err = kits.build_over_old(out, signal.SIGKILL, at)
        assert code == -signal.SIGKILL, (step, err)
        again = tmp_path / f"at-{at:02d}-again" / "out"
        shutil.copytree(out, again, symlinks=True)
        interrupted = (out / ".kit-journal.json").exists()
        committed = at > kits.commit
        result = run_kit("check", kits.new_course, "-o", out)
        assert result.code == 0, (step, result.err)
        said = [f"{out}/: {FINISHED if committed else UNDONE}"] if interrupted else []
        assert result.out.splitlines()[:-1] == said, step
        assert _state(out) == (kits.new_state if committed else kits.old_state), step
        assert [p.name for p in out.parent.iterdir()] == ["out"], step
        result = run_kit("build", kits.new_course, "-o", again)
        assert result.code == 0, (step, result.err)
        assert _state(again) == kits.new_state, step
        assert [p.name for p in again.parent.iterdir()] == ["out"], step


def test_a_build_sent_sigterm_at_any_step_finishes_or_leaves_the_old_kit(
    kits: Kits, tmp_path: Path
) -> None:
    """Before the commit, SIGTERM leaves the old kit; from then on the build finishes."""
    for at, step in enumerate(kits.steps, start=1):
        out = tmp_path / f"at-{at:02d}" / "out"
        code, _, err = kits.build_over_old(out, signal.SIGTERM, at)
        if at < kits.commit:
            assert (code, err) == (143, "kit: terminated; nothing was written\n"), step
            assert _state(out) == kits.old_state, step
        else:
            assert code == 0, (step, err)
            assert err == LATE_STOP, step
            assert _state(out) == kits.new_state, step
        assert [p.name for p in out.parent.iterdir()] == ["out"], step


def test_a_build_stopped_from_outside_at_growing_delays(
    kits: Kits, tmp_path: Path, run_kit
) -> None:
    """Stopped by another process, as a user or a system would: timing decides the step."""
    runs = []
    for n, delay in enumerate([0.2, 0.4, 0.55, 0.65, 0.75, 0.85, 0.95, 1.1]):
        out = tmp_path / f"run-{n}" / "out"
        shutil.copytree(kits.old, out)
        sig = signal.SIGKILL if n % 2 else signal.SIGTERM
        proc = subprocess.Popen(
            [sys.executable, "-m", "kit", "-q", "build", kits.new_course, "-o", out],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(delay)
        proc.send_signal(sig)
        runs.append((out, sig, proc))
    said = [proc.communicate(timeout=120) for _, _, proc in runs]
    for (out, sig, proc), (stdout, stderr) in zip(runs, said, strict=True):
        code = proc.returncode
        if sig == signal.SIGTERM and code == -signal.SIGTERM:
            # Python was still starting, or kit had finished and Python was ending.
            assert _state(out) in (kits.old_state, kits.new_state)
        elif sig == signal.SIGTERM:
            # Stopped by kit: before its kit was in place, or once it was (or not at all).
            wrote = stdout.startswith("wrote 4 files")
            assert _state(out) == (kits.new_state if wrote else kits.old_state), stderr
            if wrote:
                assert (code, stderr) in [(0, ""), (0, LATE_STOP), (143, "kit: terminated\n")]
            else:
                assert (code, stderr) == (143, "kit: terminated; nothing was written\n")
        else:
            assert run_kit("check", kits.new_course, "-o", out).code == 0
            assert _state(out) in (kits.old_state, kits.new_state)
        assert [p.name for p in out.parent.iterdir()] == ["out"]


def test_builds_at_the_same_time_into_one_folder_leave_one_whole_kit(
    kits: Kits, tmp_path: Path
) -> None:
    courses = [kits.old.parent / "old.yaml", kits.new_course] * 2
    fresh = []
    for n, course in enumerate(courses[:2]):
        kit.build(kit.load_course(course), tmp_path / f"fresh-{n}")
        fresh.append(_state(tmp_path / f"fresh-{n}"))
    out = tmp_path / "out"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "kit", "-q", "build", course, "-o", out],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for course in courses
    ]
    busy = f"kit: another kit build is writing to {out}/; nothing was changed. "
    said = [proc.communicate(timeout=120)[1] for proc in procs]
    for code, err in zip([proc.returncode for proc in procs], said, strict=True):
        assert code == 0 or (code, err.startswith(busy)) == (1, True), err
    assert _state(out) in fresh


def test_a_build_waits_for_the_one_before_it(
    run_kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first build lets go of the lock and removes its file; the second then goes ahead."""
    monkeypatch.setattr(publish_folder, "LOCK_WAIT", 30.0)
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out / ".kit-lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)

    def finish_first() -> None:
        os.unlink(out / ".kit-lock")
        os.close(fd)

    timer = threading.Timer(0.5, finish_first)
    timer.start()
    started = time.monotonic()
    result = run_kit("build", FIXTURES / "markers" / "course.yaml", "-o", out)
    timer.join()
    assert result.code == 0, result.err
    assert time.monotonic() - started >= 0.5
    assert not (out / ".kit-lock").exists()


HANGING_SOFFICE = """\
#!{python}
# Stands in for LibreOffice that never finishes, with an office process of its own.
import json, os, pathlib, subprocess, sys, time
here = pathlib.Path(__file__).parent
office = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
with open(here / "calls.jsonl", "a") as log:
    log.write(json.dumps({{"pids": [os.getpid(), office.pid]}}) + "\\n")
time.sleep(120)
"""


def _gone(pid: int) -> bool:
    """Whether process `pid` has ended (one left unreaped by init counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _stops_as_at_a_terminal() -> None:
    """In the child: Ctrl-C and SIGTERM act, even where the tests run ignoring them.

    A shell starts a background job (`make test &`) with SIGINT ignored and every process
    it starts inherits that; kit keeps an ignored signal ignored, as under nohup.
    """
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)


@pytest.mark.skipif(os.name != "posix", reason="the stand-in LibreOffice is a POSIX script")
@pytest.mark.parametrize(
    ("sig", "code", "message"),
    [
        (signal.SIGTERM, 143, "kit: terminated; nothing was written\n"),
        (signal.SIGINT, 130, "kit: interrupted; nothing was written\n"),
    ],
)
def test_a_stop_while_libreoffice_runs_ends_it_and_leaves_nothing(
    tmp_path: Path, sig: int, code: int, message: str
) -> None:
    small = FIXTURES / "markers" / "course.yaml"
    out = tmp_path / "build"
    kit.build(kit.load_course(small), out)
    (out / "notes.txt").write_text("the coordinator's notes\n", encoding="utf-8")
    before = _state(out)
    fake, temp = tmp_path / "bin", tmp_path / "tmp"
    fake.mkdir()
    temp.mkdir()
    (fake / "soffice").write_text(HANGING_SOFFICE.format(python=sys.executable))
    (fake / "soffice").chmod(0o755)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kit", "build", small, "-o", out, "--pdf"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PATH": str(fake), "TMPDIR": str(temp), "PYTHONFAULTHANDLER": "1"},
        preexec_fn=_stops_as_at_a_terminal,
    )
    calls = fake / "calls.jsonl"
    deadline = time.monotonic() + 60
    while not (calls.exists() and calls.read_text().endswith("\n")):
        assert time.monotonic() < deadline, "the stand-in LibreOffice never started"
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    pids = json.loads(calls.read_text())["pids"]
    proc.send_signal(sig)
    try:
        stdout, stderr = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        # Python's fault handler prints where each thread is when SIGABRT ends it.
        proc.send_signal(signal.SIGABRT)
        _, stderr = proc.communicate()
        pytest.fail(f"kit had not stopped 60 s after signal {sig}; it was at:\n{stderr}")
    assert (proc.returncode, stdout, stderr) == (code, "", message)
    with pytest.raises(ProcessLookupError):
        os.kill(pids[0], 0)  # kit stopped LibreOffice and waited for it to end
    assert _gone(pids[1])  # and the office process in its group
    assert _state(out) == before
    assert list(temp.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "build", "tmp"]


@pytest.mark.parametrize(
    ("stop", "code", "said"),
    [(Terminated, 143, "terminated"), (KeyboardInterrupt, 130, "interrupted")],
)
def test_a_stop_once_the_kit_is_written_claims_nothing_unwritten(
    run_kit, monkeypatch: pytest.MonkeyPatch, stop: type[BaseException], code: int, said: str
) -> None:
    def run(args, progress=None):
        yield "wrote 4 files to build/"
        raise stop

    monkeypatch.setattr(commands, "run", run)
    result = run_kit("build")
    assert (result.code, result.out, result.err) == (
        code,
        "wrote 4 files to build/\n",
        f"kit: {said}\n",
    )
