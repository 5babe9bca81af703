"""Write a kit's files on every core: workers forked after composing start with all loaded.

Each file is written on its own from composed content, so the bytes are the same in
any order and any process. Only where the operating system can fork (Linux); else,
on one core, for a handful of files, or with KIT_JOBS=1, files are written in turn.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from kit.errors import InputError, KitError

MIN_FILES = 4
"""Fewer files than this are written in turn: starting workers would cost more."""

Render = Callable[[Any, Any], bytes]

_job: tuple[Sequence[Any], Any, Render] | None = None
"""What the forked workers render: set just before forking, read by `_work`."""


def jobs(count: int) -> int:
    """How many processes to write `count` files with."""
    wanted = os.environ.get("KIT_JOBS", "")
    cores = int(wanted) if wanted.isdigit() and int(wanted) > 0 else (os.cpu_count() or 1)
    forkable = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
    if not forkable or count < MIN_FILES:
        return 1
    return max(1, min(cores, count))


def render_all(outputs: Sequence[Any], course: Any, render: Render) -> list[bytes]:
    """`render(output, course)` for every output, in order, using every core."""
    workers = jobs(len(outputs))
    if workers == 1:
        return [render(output, course) for output in outputs]
    global _job
    _job = (outputs, course, render)
    # Decks cost the most: start them first so no core idles at the end.
    order = sorted(range(len(outputs)), key=lambda i: not outputs[i].name.endswith(".pptx"))
    results: dict[int, bytes] = {}
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for index, ok, value in pool.imap_unordered(_work, order, chunksize=1):
                if not ok:
                    raise _rebuilt(value)
                results[index] = value
    finally:
        _job = None
    return [results[i] for i in range(len(outputs))]


def _work(index: int) -> tuple[int, bool, Any]:
    assert _job is not None
    outputs, course, render = _job
    try:
        return index, True, render(outputs[index], course)
    except InputError as exc:
        return index, False, ("input", exc.problems)
    except KitError as exc:
        return index, False, ("kit", (type(exc), str(exc)))
    except BaseException as exc:  # even Ctrl-C: a worker that dies would hang the pool
        return index, False, ("other", (type(exc), str(exc)))


def _rebuilt(error: tuple[str, Any]) -> BaseException:
    """The worker's exception, raised again here; problems keep their places."""
    kind, detail = error
    if kind == "input":
        return InputError(detail)
    cls, message = detail
    try:
        return cls(message)
    except Exception:
        return RuntimeError(f"{cls.__name__}: {message}")
