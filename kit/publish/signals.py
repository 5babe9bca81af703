"""Hold Ctrl-C and SIGTERM while the output folder changes, so no stop comes half-way."""

from __future__ import annotations

import logging
import signal
import threading
from types import TracebackType

log = logging.getLogger(__name__)

STOPS = (signal.SIGINT, signal.SIGTERM)
"""The signals that ask kit to stop, and which a publish under way finishes or undoes first."""


class Holder:
    """From `start()` until the block ends, record stop signals instead of acting on them.

    The caller then decides what to do with those in `came` (see `deliver`). Signals
    reach Python's main thread only, so elsewhere nothing needs holding.
    """

    def __init__(self) -> None:
        self.came: list[int] = []
        self._previous: dict[int, object] = {}

    def __enter__(self) -> Holder:
        return self

    def start(self) -> None:
        """Begin holding."""
        if threading.current_thread() is not threading.main_thread() or self._previous:
            return
        for number in STOPS:
            # A signal the process ignores (as under nohup) stays ignored.
            if signal.getsignal(number) is not signal.SIG_IGN:
                self._previous[number] = signal.signal(number, self._hold)

    def _hold(self, signum: int, frame: object) -> None:
        self.came.append(signum)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)  # type: ignore[arg-type]
        self._previous.clear()


def deliver(came: list[int]) -> None:
    """Act now on the first stop signal held, as the process would have when it came."""
    if not came:
        return
    log.debug("acting on signal %d, held while the output folder changed", came[0])
    signal.raise_signal(came[0])
    # A handler that returns leaves the build stopped all the same.
    raise KeyboardInterrupt
