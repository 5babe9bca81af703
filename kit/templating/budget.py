"""Time and memory budgets for rendering one template.

A template is a small program, and one from someone else may loop for ever or
build values until the computer runs out of memory. While a template renders, the
sandbox looks at its budget at every step it takes on the template's behalf (each
attribute read, call, filter, operator and loop iteration, see `tick`): the clock
at every step, and every few hundredths of a second how much more memory the
process uses than when the render started. Past either, the template is stopped
with `OverBudget`. This works in any thread, so the page's builds are held to the
same budget as the command line's; in the main thread an interval alarm takes the
same look as well, to stop a single slow step too.

Memory is the process's resident memory now (Linux's /proc/self/statm), not its
peak so far: a peak only rises, so once one render had needed much, the next could
need as much again unnoticed. Where the memory now cannot be read, the peak is all
there is to go by.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import FrameType

from jinja2.exceptions import TemplateRuntimeError

MAX_SECONDS = 5.0
"""Longest one template may take to render; the built-in ones take well under a second."""
MAX_MEMORY = 256 * 2**20
"""Most the process's memory may grow while one template renders, in bytes."""
TICK = 0.02
"""Seconds between two alarms in the main thread."""
MEMORY_LOOK = 0.02
"""Seconds between two looks at the memory while a template renders."""


class OverBudget(TemplateRuntimeError):
    """A template took too long or needed too much memory."""


try:
    import resource
except ImportError:  # pragma: no cover - Windows has no resource module
    resource = None  # type: ignore[assignment]

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class _Statm:
    """Linux's count of the pages the process uses, kept open: a look is one read."""

    def __init__(self) -> None:
        self.pid = -1
        self.fd = -1

    def pages(self) -> int | None:
        if self.pid != os.getpid():  # a forked process reads its own
            self.pid = os.getpid()
            try:
                self.fd = os.open("/proc/self/statm", os.O_RDONLY | os.O_CLOEXEC)
            except (OSError, AttributeError):  # not Linux
                self.fd = -1
        if self.fd < 0:
            return None
        try:
            return int(os.pread(self.fd, 200, 0).split()[1])
        except (OSError, IndexError, ValueError):  # pragma: no cover - an unusual /proc
            return None


_statm = _Statm()
_statm.pages()  # opened now, not while a template renders


def _trimmer() -> Callable[[], object] | None:
    try:
        return ctypes.CDLL(None).malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError, TypeError):  # not the GNU C library
        return None


_malloc_trim = _trimmer()


def _memory_at_start() -> int:
    """The memory the process uses, once the C library has handed back what it holds free.

    Memory an earlier render freed may stay with the C library, counted as used but
    free to use again: a render could use it unmeasured, and then leave more of it.
    """
    if _malloc_trim is not None:
        _malloc_trim(0)
    return _memory_now()


def _memory_now() -> int:
    """The memory the process uses now, in bytes (its peak so far where that is unknown)."""
    pages = _statm.pages()
    return _peak_memory() if pages is None else pages * _PAGE


def _peak_memory() -> int:
    if resource is None:  # pragma: no cover
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


class _Watch:
    """The budget of one render and the looks at it."""

    def __init__(self, seconds: float, memory: int) -> None:
        self.seconds = seconds
        self.memory = memory
        self.started = time.monotonic()
        self.deadline = self.started + seconds
        self.base = _memory_at_start() if memory else 0
        self.next_look = min(self.deadline, self.started + MEMORY_LOOK)
        self.open = True
        self.passed = False

    def look(self, now: float) -> None:
        """Look at the clock and the memory; called at `next_look` or later."""
        if not self.open:
            return
        self.next_look = min(self.deadline, now + MEMORY_LOOK)
        if now > self.deadline:
            self.passed = True
            raise OverBudget(
                f"it takes longer than {self.seconds:g} seconds to render; "
                "look for loops inside loops"
            )
        if self.memory and _memory_now() - self.base > self.memory:
            self.passed = True
            raise OverBudget(f"it needs more than {self.memory // 2**20:,} MB of memory")


_current: ContextVar[_Watch | None] = ContextVar("kit_render_budget", default=None)


def tick() -> None:
    """Stop the render running here with `OverBudget` if it has passed its budget.

    The sandbox calls this at every step it takes for a template; it costs a clock
    reading, and a look at the memory every `MEMORY_LOOK` seconds.
    """
    watch = _current.get()
    if watch is not None:
        now = time.monotonic()
        if now >= watch.next_look:
            watch.look(now)


@contextmanager
def budget(seconds: float | None = None, memory: int | None = None) -> Iterator[None]:
    """Stop the template rendered inside with `OverBudget` once it passes either budget."""
    watch = _Watch(
        MAX_SECONDS if seconds is None else seconds, MAX_MEMORY if memory is None else memory
    )
    token = _current.set(watch)
    try:
        if _alarm_free():
            with _alarm(watch):
                yield
        else:
            yield
    finally:
        watch.open = False
        _current.reset(token)


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
        # Raised at most once, by the alarm or a step: after that, the error unwinds
        # through jinja2's and kit's own code, which must not be interrupted.
        if not watch.passed:
            watch.look(time.monotonic())

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
