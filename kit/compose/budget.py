"""Time and memory budgets for rendering one template.

A template is a small program, and one from someone else may loop for ever or
build text until the computer runs out of memory. While a template renders, a
timer looks every few hundredths of a second at the time spent and at how much the
process's peak memory has grown, and stops the template with `OverBudget` past
either. In the main thread the timer is an interval alarm; in any other thread
(or where alarms are taken) the same look is taken every thousand lines of
template code through a trace function, which is slower but works anywhere.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from jinja2.exceptions import TemplateRuntimeError

log = logging.getLogger(__name__)

MAX_SECONDS = 5.0
"""Longest one template may take to render; the built-in ones take well under a second."""
MAX_MEMORY = 256 * 2**20
"""Most the process's peak memory may grow while one template renders, in bytes."""
TICK = 0.02
"""Seconds between two looks at the budget."""
_LINES_PER_LOOK = 1_000


class OverBudget(TemplateRuntimeError):
    """A template took too long or needed too much memory."""


try:
    import resource
except ImportError:  # pragma: no cover - Windows has no resource module
    resource = None  # type: ignore[assignment]


def _peak_memory() -> int:
    if resource is None:  # pragma: no cover
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


class _Watch:
    """The budget of one render and the look at it."""

    def __init__(self, seconds: float, memory: int) -> None:
        self.seconds = seconds
        self.memory = memory
        self.deadline = time.monotonic() + seconds
        self.base = _peak_memory()
        self.active = True

    def look(self) -> None:
        if not self.active:
            return
        if time.monotonic() > self.deadline:
            self.active = False
            raise OverBudget(
                f"it takes longer than {self.seconds:g} seconds to render; "
                "look for loops inside loops"
            )
        if self.memory and _peak_memory() - self.base > self.memory:
            self.active = False
            raise OverBudget(f"it needs more than {self.memory // 2**20:,} MB of memory")


@contextmanager
def budget(seconds: float | None = None, memory: int | None = None) -> Iterator[None]:
    """Stop the code run inside with `OverBudget` once it passes the time or memory budget."""
    watch = _Watch(
        MAX_SECONDS if seconds is None else seconds, MAX_MEMORY if memory is None else memory
    )
    if _alarm_free():
        with _alarm(watch):
            yield
    elif sys.gettrace() is None:
        with _traced(watch):
            yield
    else:  # a debugger or coverage tool owns tracing; leave it be
        log.debug("no render budget: tracing is in use")
        yield


def _alarm_free() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


@contextmanager
def _alarm(watch: _Watch) -> Iterator[None]:
    def on_alarm(signum: int, frame: FrameType | None) -> None:
        watch.look()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
    try:
        yield
    finally:
        watch.active = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _traced(watch: _Watch) -> Iterator[None]:
    lines = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal lines
        lines += 1
        if lines % _LINES_PER_LOOK == 0:
            watch.look()
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        # Only template code is traced line by line; kit's and jinja2's run at full speed.
        return local if "__jinja_template__" in frame.f_globals else None

    sys.settrace(calls)
    try:
        yield
    finally:
        watch.active = False
        sys.settrace(None)
