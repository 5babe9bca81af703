"""Where one build's time goes, stage by stage, in this process.

    python bench/stages.py [COURSE] [--profile N]

Prints the seconds spent importing kit, loading the course, composing every output
and rendering each kind of file to its bytes; with --profile, the N functions that cost
most. Everything runs in this one process, one file after another, and nothing is
written to disk, so the total is the work of a build rather than its wall time: for
that, with start-up and writing included, see bench/run.py.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import pstats
import time

started = time.perf_counter()

import kit  # noqa: E402
from kit.compose.documents import compose_kit  # noqa: E402
from kit.pipeline import render_output  # noqa: E402

imported = time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("course", nargs="?", help="a course file (default: the built-in one)")
    parser.add_argument("--profile", type=int, metavar="N", help="show the N costliest functions")
    args = parser.parse_args()
    profile = cProfile.Profile() if args.profile else None
    if profile:
        profile.enable()
    t0 = time.perf_counter()
    course = kit.load_course(args.course) if args.course else kit.default_course()
    t1 = time.perf_counter()
    outputs = compose_kit(course)
    t2 = time.perf_counter()
    rendering: collections.Counter[str] = collections.Counter()
    count: collections.Counter[str] = collections.Counter()
    for output in outputs:
        start = time.perf_counter()
        render_output(output, course)
        kind = output.name.split("-", 2)[-1] if output.name.startswith("week-") else output.name
        rendering[kind] += time.perf_counter() - start
        count[kind] += 1
    t3 = time.perf_counter()
    if profile:
        profile.disable()
    rows = [
        ("import kit", imported - started),
        ("load course", t1 - t0),
        (f"compose {len(outputs)} outputs", t2 - t1),
        *((f"render {count[k]} x {k}", v) for k, v in rendering.most_common()),
        ("total", imported - started + t3 - t0),
    ]
    for label, seconds in rows:
        print(f"{seconds:8.3f} s  {label}")
    if profile:
        print()
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
