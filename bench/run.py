"""Benchmark kit against its targets: every build from scratch, as a fresh process.

    python bench/run.py [--runs N] [--no-pandoc]

Scenarios: `kit check` on the built-in six-week course; `kit build` on the built-in
course (19 files), on a generated 52-week course and on a generated 260-week one (both
cycle the six built-in lessons); and, when pandoc is on PATH, the fair pandoc run at 6
and at 52 weeks: bench/markdown.py in a fresh process, which imports kit, loads and
composes the course and converts every file's Markdown with pandoc, two pandoc processes
at a time, with kit's own base.docx and base.pptx as reference files; and, at 6 and at 52
weeks, the libraries alone (bench/floor.py): a fresh process that imports what a build
imports and opens and saves each file of a kit built beforehand, the least a build that
packages its files with python-docx and python-pptx can take.

Each scenario runs once to warm up and then N times (default 5), each time as a new
process started from here, interpreter start-up included, writing into a new empty
folder. Per run it records the wall time from start to exit, the CPU time (user plus
system) of the process and of every process it waited for, and its peak resident
memory; all three come from `os.wait4`. For a run that starts workers or pandoc
processes, the peak is that of the largest single process, not their sum. The table
gives the median wall time with the fastest and slowest run, the median CPU time and
the largest peak of any run, in MiB; then each target and whether it is met.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

KIT = [sys.executable, "-m", "kit"]
PANDOC_KIT = [sys.executable, str(HERE / "markdown.py")]
FLOOR = [sys.executable, str(HERE / "floor.py")]

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""Children may keep compiled modules, as every installed Python program does."""

LESSONS = ["trust", "safety", "empathy", "vulnerability", "closeness", "connection"]

SIX_WALL_S = 1.2
YEAR_WALL_S = 4.0
PANDOC_RATIO = 0.6
PEAK_MB = 150.0
"""Targets on a 2-core machine: kit build's median wall time at 6 and at 52 weeks, kit's
time as a share of the fair pandoc run's at both, and peak memory at 260 weeks."""

CHECK = "kit check, 6 weeks"
BUILD = "kit build, {} weeks"
PANDOC = "pandoc, fair, {} weeks"
LIBRARIES = "libraries alone, {} weeks"


@dataclass
class Scenario:
    """A command to time; given the folder a run writes into, the command to run."""

    name: str
    command: Callable[[Path], list[str]]


@dataclass
class Result:
    """The measurements of one scenario's timed runs."""

    name: str
    walls: list[float]
    cpus: list[float]
    peak_mb: float
    files: int

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)


def run_once(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Run one fresh process in `cwd`: wall seconds, CPU seconds and peak resident MiB."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=err)
        # The usage of the process and of all the processes it waited for.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            message = err.read().decode(errors="replace")
            raise SystemExit(f"failed ({proc.returncode}): {' '.join(command)}\n{message}")
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024  # kilobytes on Linux


def measure(scenario: Scenario, runs: int, root: Path) -> Result:
    """Warm up once, then time `runs` runs, each writing into a new folder."""
    walls: list[float] = []
    cpus: list[float] = []
    peak = 0.0
    files = 0
    for i in range(runs + 1):
        out = root / f"run-{i}"
        wall, cpu, rss = run_once(scenario.command(out), root)
        # kit's manifest (.kit-manifest.json) is not one of the kit's files.
        files = sum(1 for p in out.iterdir() if not p.name.startswith(".")) if out.is_dir() else 0
        shutil.rmtree(out, ignore_errors=True)
        if i == 0:
            continue
        walls.append(wall)
        cpus.append(cpu)
        peak = max(peak, rss)
    return Result(scenario.name, walls, cpus, peak, files)


def long_course(folder: Path, weeks: int) -> Path:
    """A long course: the six built-in lessons in turn, weekly, with dates and times."""
    lessons = "\n".join(f"  - {LESSONS[i % len(LESSONS)]}" for i in range(weeks))
    path = folder / f"weeks-{weeks}.yaml"
    path.write_text(
        f'title: "{weeks} Weeks of Closer"\nchurch: "Grace Community Church"\n'
        'start: 2027-01-03\ntime: "18:30"\nminutes: 90\n'
        f"weeks:\n{lessons}\n",
        encoding="utf-8",
    )
    return path


def scenarios(root: Path, pandoc: bool) -> list[Scenario]:
    """Every scenario, in the order they run; the pandoc ones only with `pandoc`."""
    courses: dict[int, list[str]] = {6: []}
    for weeks in (52, 260):
        courses[weeks] = [str(long_course(root, weeks))]
    found = [Scenario(CHECK, lambda out: [*KIT, "check"])]
    for weeks, course in courses.items():
        found.append(
            Scenario(
                BUILD.format(weeks),
                lambda out, course=course: [*KIT, "-q", "build", *course, "-o", str(out)],
            )
        )
    for weeks in (6, 52):
        # The libraries alone re-save a kit built here first, untimed.
        built = root / f"kit-{weeks}"
        command = [*KIT, "-q", "build", *courses[weeks], "-o", str(built)]
        subprocess.run(command, cwd=root, env=ENV, check=True, stdout=subprocess.DEVNULL)
        found.append(
            Scenario(
                LIBRARIES.format(weeks),
                lambda out, built=built: [*FLOOR, str(built), "-o", str(out)],
            )
        )
    if pandoc:
        for weeks in (6, 52):
            course = courses[weeks]
            found.append(
                Scenario(
                    PANDOC.format(weeks),
                    lambda out, course=course: [*PANDOC_KIT, *course, "-o", str(out)],
                )
            )
    return found


def table(results: list[Result]) -> str:
    header = ("scenario", "files", "median wall s", "range s", "CPU s", "peak MB")
    rows = [header] + [
        (
            r.name,
            str(r.files) if r.files else "-",
            f"{r.wall:.2f}",
            f"{min(r.walls):.2f}-{max(r.walls):.2f}",
            f"{r.cpu:.2f}",
            f"{r.peak_mb:.0f}",
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("| " + " | ".join(cells) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def verdicts(by_name: dict[str, Result], no_pandoc: str | None) -> list[str]:
    """One line per target: met (ok) or not (MISS), or why it was not measured (---)."""
    six, year, huge = (by_name[BUILD.format(w)] for w in (6, 52, 260))
    lines = []
    for weeks, kit, target in ((6, six, SIX_WALL_S), (52, year, YEAR_WALL_S)):
        line = _verdict(f"{kit.name}: median wall", kit.wall, target, " s")
        floor = by_name[LIBRARIES.format(weeks)]
        lines.append(f"{line}; the libraries alone take {floor.wall:.2f} s")
    for weeks, kit in ((6, six), (52, year)):
        pandoc = by_name.get(PANDOC.format(weeks))
        what = f"{kit.name}: wall as a share of the fair pandoc run's"
        if pandoc is None:
            lines.append(f"---  {what}: not measured, {no_pandoc}")
        else:
            lines.append(_verdict(what, kit.wall / pandoc.wall, PANDOC_RATIO, " x"))
    lines.append(_verdict(f"{huge.name}: peak memory", huge.peak_mb, PEAK_MB, " MB"))
    return lines


def _verdict(what: str, value: float, target: float, unit: str) -> str:
    mark = "ok  " if value <= target else "MISS"
    return f"{mark} {what}: {value:.2f}{unit} (target <= {target:g}{unit})"


def pandoc_version(pandoc: str) -> str:
    done = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.splitlines()[0] if done.stdout else "pandoc"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per scenario (default 5)")
    parser.add_argument("--no-pandoc", action="store_true", help="skip the pandoc comparison")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    pandoc = None if args.no_pandoc else shutil.which("pandoc")
    no_pandoc = None
    if args.no_pandoc:
        no_pandoc = "--no-pandoc given"
    elif pandoc is None:
        no_pandoc = "pandoc is not on PATH"
        print(f"  skipping the pandoc runs: {no_pandoc}", file=sys.stderr)
    results: list[Result] = []
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="kit-bench-") as tmp:
        root = Path(tmp)
        for n, scenario in enumerate(scenarios(root, pandoc is not None)):
            print(f"  timing {scenario.name} ...", file=sys.stderr)
            folder = root / f"scenario-{n}"
            folder.mkdir()
            results.append(measure(scenario, args.runs, folder))
    print(
        f"kit benchmark: warm-up + {args.runs} runs each, {os.cpu_count()} CPU(s), "
        f"Python {sys.version.split()[0]}"
        + (f", {pandoc_version(pandoc)} two at a time" if pandoc else "")
    )
    # Other work on the machine slows every scenario; the load shows whether there was any.
    print(f"load average (1 min): {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    print()
    print(table(results))
    print()
    for line in verdicts({r.name: r for r in results}, no_pandoc):
        print(line)


if __name__ == "__main__":
    main()
