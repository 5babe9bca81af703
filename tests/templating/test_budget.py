"""Render budgets: time and memory, in the main thread (alarm) and in any other (steps)."""

from __future__ import annotations

import signal
import threading

import pytest

from kit.compose.templates import environment
from kit.templating import budget as budgets

LOOP = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


def _spin(source: str = LOOP) -> None:
    environment().from_string(source).render()


def test_the_main_thread_is_stopped_by_an_alarm_and_the_alarm_is_put_back() -> None:
    assert budgets._alarm_free()
    with pytest.raises(budgets.OverBudget, match=r"longer than 0\.3 seconds"), budgets.budget(0.3):
        _spin()
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


class _Clock:
    """A clock that moves on a second at each reading, so no render ever has time."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        self.now += 1.0
        return self.now


@pytest.mark.parametrize(
    "source",
    [
        LOOP,
        # One line and one statement, doing its work in filters.
        "{{ range(100000)|map('string')|map('upper')|join|length }}",
        "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(200) }}",
        "{% set r = range(100000)|list %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}",
    ],
)
def test_another_thread_is_stopped_at_the_templates_steps(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budgets, "time", _Clock())
    caught: list[BaseException] = []
    finished: list[bool] = []

    def run() -> None:
        try:
            with budgets.budget(5):
                _spin(source)
            finished.append(True)
        except budgets.OverBudget as exc:
            caught.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert finished == []
    assert [str(e) for e in caught] == [
        "it takes longer than 5 seconds to render; look for loops inside loops"
    ]


def test_a_render_is_timed_where_no_alarm_can_be_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budgets, "_alarm_free", lambda: False)
    monkeypatch.setattr(budgets, "time", _Clock())
    with pytest.raises(budgets.OverBudget), budgets.budget(5):
        _spin()


def test_an_alarm_someone_else_set_is_left_alone() -> None:
    previous = signal.signal(signal.SIGALRM, lambda *_: None)
    try:
        assert not budgets._alarm_free()
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_a_render_within_budget_is_untouched() -> None:
    with budgets.budget(5):
        assert environment().from_string("{{ 1 + 1 }}").render() == "2"


def test_a_template_needing_more_than_256_mb_is_stopped() -> None:
    # About 400 MB in 900,000-character texts, each within the limit on one value.
    texts = ", ".join(f"m ~ {i}" for i in range(450))
    source = "{% set k = 'x' * 100000 %}{% set m = k ~ k ~ k ~ k ~ k ~ k ~ k ~ k ~ k %}"
    source += f"{{{{ [{texts}]|length }}}}"
    stopped = pytest.raises(budgets.OverBudget, match=r"^it needs more than 256 MB of memory$")
    with stopped, budgets.budget(60):
        _spin(source)


def test_memory_is_measured_from_what_the_process_uses_now_not_its_peak() -> None:
    spike = b"x" * (64 * 2**20)  # raises the peak, then is handed back
    del spike
    with budgets.budget(60):
        watch = budgets._current.get()
        assert watch is not None
        assert watch.base < budgets._peak_memory() - 32 * 2**20
