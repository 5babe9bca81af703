"""Benchmark `kit build`: wall time including interpreter start-up, and peak memory.

    python bench/run.py [--runs N] [--no-pandoc]

Each scenario runs as a fresh process, once to warm caches and then N times; the
builds are timed with one week edited before each run (kit writes again only the files
that changed), with nothing changed, and with kit's cache turned off. The
table shows the median, the fastest and slowest run, and the largest peak resident
memory of any run. When pandoc is on PATH it is timed writing the same content (the
composed kit, as Markdown) to the same 19 files, one pandoc process per file as a
script would run it.
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
sys.path.insert(0, str(HERE))

KIT = [sys.executable, "-m", "kit"]

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""Children may cache compiled modules, as every installed Python program does."""

TARGETS = {
    "six-week wall s": 0.6,
    "52-week wall s": 3.0,
    "peak memory MB": 150.0,
}
"""Targets on a 2-core machine; the six-week build must also take at most half of pandoc's time."""

LESSONS = ["trust", "safety", "empathy", "vulnerability", "closeness", "connection"]


@dataclass
class Result:
    """Timings of one scenario."""

    name: str
    walls: list[float]
    peak_mb: float
    files: int

    @property
    def median(self) -> float:
        return statistics.median(self.walls)


def run_once(commands: list[list[str]], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Run commands one after another; wall seconds in all and the largest peak RSS in MB."""
    peak = 0.0
    start = time.perf_counter()
    for command in commands:
        with tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(
                command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err
            )
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0:
                err.seek(0)
                message = err.read().decode(errors="replace")
                raise SystemExit(f"failed ({proc.returncode}): {' '.join(command)}\n{message}")
        peak = max(peak, usage.ru_maxrss / 1024)  # kilobytes on Linux
    return time.perf_counter() - start, peak


def measure(
    name: str,
    make: Callable[[int], list[list[str]]],
    cwd: Path,
    runs: int,
    out: Path,
    env: dict[str, str],
) -> Result:
    """Warm up once, then time `runs` fresh runs; each run writes into a new folder."""
    run_once(make(0), cwd, env)
    walls: list[float] = []
    peak = 0.0
    for i in range(1, runs + 1):
        wall, rss = run_once(make(i), cwd, env)
        walls.append(wall)
        peak = max(peak, rss)
    files = len(list((out / f"run-{runs}").glob("*"))) if out.name else 0
    return Result(name, walls, peak, files)


EDITED_SIX = "kit build, 6 weeks, one week edited"
UNCHANGED_SIX = "kit build, 6 weeks, unchanged"
COLD_SIX = "kit build, 6 weeks, nothing cached"
EDITED_YEAR = "kit build, 52 weeks, one week edited"
COLD_YEAR = "kit build, 52 weeks, nothing cached"
PANDOC = "pandoc, same 19 files"


def edited(course: Path, run: int) -> None:
    """Retitle the course's first empathy week, as a coordinator does between builds."""
    lines = course.read_text(encoding="utf-8").splitlines()
    first = next(n for n, line in enumerate(lines) if "empathy" in line)
    lines[first] = f"  - {{lesson: empathy, title: 'Seeing Each Other ({run})'}}"
    course.write_text("\n".join(lines) + "\n", encoding="utf-8")


def six_weeks(folder: Path) -> Path:
    """The built-in course as a file, so a week of it can be edited between runs."""
    path = folder / "six.yaml"
    path.write_text(
        'title: "Closer: Six Weeks of Building Connection"\n'
        'subtitle: "A marriage small-group study"\n'
        "weeks:\n" + "".join(f"  - {lesson}\n" for lesson in LESSONS),
        encoding="utf-8",
    )
    return path


def fifty_two_weeks(folder: Path) -> Path:
    """A year-long course: the six built-in lessons in turn, weekly, with dates and times."""
    weeks = "\n".join(f"  - {LESSONS[i % len(LESSONS)]}" for i in range(52))
    path = folder / "year.yaml"
    path.write_text(
        'title: "A Year of Closer"\nchurch: "Grace Community Church"\n'
        'start: 2027-01-03\ntime: "18:30"\nminutes: 90\n'
        f"weeks:\n{weeks}\n",
        encoding="utf-8",
    )
    return path


def pandoc_commands(folder: Path, out: Path) -> list[list[str]]:
    """One pandoc command per kit file, from Markdown of the same composed content."""
    # In a child process, so this one stays small: children start as copies of it.
    made = subprocess.run(
        [sys.executable, str(HERE / "markdown.py"), str(folder)],
        check=True,
        capture_output=True,
        text=True,
        env=ENV,
    ).stdout.splitlines()
    pandoc = shutil.which("pandoc") or "pandoc"
    commands = []
    for line in made:
        source, name = line.split("\t")
        extra = ["--slide-level=2"] if name.endswith(".pptx") else []
        commands.append([pandoc, source, "-o", str(out / name), *extra])
    return commands


def table(results: list[Result]) -> str:
    header = ("scenario", "files", "median s", "min s", "max s", "peak MB")
    rows = [header] + [
        (
            r.name,
            str(r.files),
            f"{r.median:.2f}",
            f"{min(r.walls):.2f}",
            f"{max(r.walls):.2f}",
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


def verdicts(by_name: dict[str, Result]) -> list[str]:
    lines = []
    for label, six_name, year_name in (
        ("after an edit", EDITED_SIX, EDITED_YEAR),
        ("nothing cached", COLD_SIX, COLD_YEAR),
    ):
        six, year = by_name[six_name], by_name[year_name]
        lines += [
            _verdict(f"6-week build, {label}", six.median, TARGETS["six-week wall s"], "s"),
            _verdict(f"52-week build, {label}", year.median, TARGETS["52-week wall s"], "s"),
        ]
        pandoc = by_name.get(PANDOC)
        if pandoc:
            ratio = six.median / pandoc.median
            mark = "ok  " if ratio <= 0.5 else "MISS"
            lines.append(
                f"{mark} 6-week build, {label}, is {ratio:.2f} x pandoc's time (target <= 0.50)"
            )
    if PANDOC not in by_name:
        lines.append("---  pandoc is not on PATH; no comparison")
    peak = max(r.peak_mb for name, r in by_name.items() if name.startswith("kit"))
    lines.append(_verdict("peak memory", peak, TARGETS["peak memory MB"], "MB"))
    return lines


def _verdict(what: str, value: float, target: float, unit: str) -> str:
    mark = "ok  " if value <= target else "MISS"
    return f"{mark} {what}: {value:.2f} {unit} (target <= {target:g} {unit})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per scenario")
    parser.add_argument("--no-pandoc", action="store_true", help="skip the pandoc comparison")
    args = parser.parse_args()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="kit-bench-") as tmp:
        root = Path(tmp)
        year = fifty_two_weeks(root)
        six = six_weeks(root)
        # kit's own cache, in the bench folder: runs start alike whatever ran before.
        cached = {**ENV, "KIT_CACHE_DIR": str(root / "cache")}
        cold = {**ENV, "KIT_NO_CACHE": "1"}

        def build(course: Path, folder: str, edit: bool) -> Callable[[int], list[list[str]]]:
            def commands(i: int) -> list[list[str]]:
                if edit:
                    edited(course, i)
                out = root / folder / f"run-{i}"
                return [[*KIT, "-q", "build", str(course), "-o", str(out)]]

            return commands

        scenarios: list[tuple[str, Callable[[int], list[list[str]]], Path, dict[str, str]]] = [
            ("python start-up", lambda i: [[sys.executable, "-c", "pass"]], Path(), ENV),
            (
                "import every kit module",
                lambda i: [[sys.executable, "-c", "import kit.course, kit.pipeline"]],
                Path(),
                ENV,
            ),
            ("kit check, built-in 6 weeks", lambda i: [[*KIT, "check"]], Path(), cached),
            (EDITED_SIX, build(six, "six", True), root / "six", cached),
            (UNCHANGED_SIX, build(six, "same", False), root / "same", cached),
            (COLD_SIX, build(six, "cold", False), root / "cold", cold),
            (EDITED_YEAR, build(year, "year", True), root / "year", cached),
            (COLD_YEAR, build(year, "year-cold", False), root / "year-cold", cold),
        ]
        if not args.no_pandoc and shutil.which("pandoc"):
            sources = root / "markdown"
            pandoc_out = root / "pandoc"
            for i in range(args.runs + 1):
                (pandoc_out / f"run-{i}").mkdir(parents=True)
            commands = pandoc_commands(sources, pandoc_out)
            scenarios.append(
                (
                    PANDOC,
                    lambda i: [
                        [*c[:3], str(pandoc_out / f"run-{i}" / Path(c[3]).name), *c[4:]]
                        for c in commands
                    ],
                    pandoc_out,
                    ENV,
                )
            )
        for name, make, out, env in scenarios:
            print(f"  timing {name} ...", file=sys.stderr)
            results.append(measure(name, make, root, args.runs, out, env))
    print(
        f"kit benchmark: {args.runs} runs each, {os.cpu_count()} CPU(s), Python "
        f"{sys.version.split()[0]}"
    )
    print()
    print(table(results))
    print()
    for line in verdicts({r.name: r for r in results}):
        print(line)


if __name__ == "__main__":
    main()
