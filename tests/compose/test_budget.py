"""Render budgets: time and memory, in the main thread (alarm) and in others (trace)."""

from __future__ import annotations

import signal
import sys
import threading

import pytest

from kit.compose import budget as budgets
from kit.compose.templates import environment

LOOP = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


def _spin() -> None:
    environment().from_string(LOOP).render()


def test_the_main_thread_is_stopped_by_an_alarm_and_the_alarm_is_put_back() -> None:
    assert budgets._alarm_free()
    with pytest.raises(budgets.OverBudget, match=r"longer than 0\.3 seconds"), budgets.budget(0.3):
        _spin()
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.skipif(sys.gettrace() is not None, reason="a debugger or coverage owns tracing")
def test_another_thread_is_stopped_by_tracing() -> None:
    caught: list[BaseException] = []

    def run() -> None:
        try:
            with budgets.budget(0.3):
                _spin()
        except budgets.OverBudget as exc:
            caught.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert [str(e) for e in caught] == [
        "it takes longer than 0.3 seconds to render; look for loops inside loops"
    ]


def test_an_alarm_someone_else_set_is_left_alone() -> None:
    previous = signal.signal(signal.SIGALRM, lambda *_: None)
    try:
        assert not budgets._alarm_free()
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_a_render_within_budget_is_untouched() -> None:
    with budgets.budget(5):
        assert environment().from_string("{{ 1 + 1 }}").render() == "2"
