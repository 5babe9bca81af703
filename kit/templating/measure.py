"""How large a value a template builds would be, and the checks that refuse one too large.

The sandbox (kit/templating/sandbox.py) calls these before `*`, `+`, `%` and every filter
builds its value, and looks at what a filter built afterwards: a text past
`MAX_VALUE` characters or a list past `MAX_SIZE` items is refused with a
`SecurityError` saying what would have made it.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import re
import types
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import Undefined
from jinja2.environment import Environment
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import SecurityError

from kit.templating.budget import tick

MAX_SIZE = 100_000
"""Most items a template may put in a list with `*`, `+` or a filter, or repeat a text."""
MAX_VALUE = 1_000_000
"""Longest text a template may build in one value, in characters."""
MAX_BITS = 100_000
"""Largest whole number, in bits, a template may compute with `**` or `*`."""
MAX_WIDTH = 1_000
"""Widest field a `%` format or a filter such as `center` may pad to."""

_MAKES_TEXT = frozenset(
    {
        "capitalize", "center", "format", "indent", "join", "list", "lower", "replace",
        "reverse", "string", "title", "trim", "truncate", "upper", "wordcount", "wordwrap",
    }
)  # fmt: skip
"""Filters that turn their value into text, and so are measured first."""
_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(\*|\d+)?(?:\.(\*|\d+))?")


def size(value: Any, limit: int = MAX_VALUE) -> int:
    """About how many characters `value` makes as text; counting stops past `limit`."""
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += len(item) + 2
            if total <= limit:
                stack.extend(item)
        elif isinstance(item, Mapping):
            total += 2 * len(item) + 2
            if total <= limit:
                stack.extend(item.keys())
                stack.extend(item.values())
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            names = [f.name for f in dataclasses.fields(item)]
            total += 2 * len(names)
            stack.extend(getattr(item, n) for n in names)
        else:
            total += 1
        if total > limit:
            return total
    return total


def refuse_text(what: str) -> SecurityError:
    return SecurityError(f"{what} would make a text longer than {MAX_VALUE:,} characters")


def checked_text(value: Any, what: str) -> Any:
    if isinstance(value, str) and len(value) > MAX_VALUE:
        raise refuse_text(what)
    return value


def checked_value(value: Any, what: str) -> Any:
    """A filter's result, refused if it is a text or a list too large to hold."""
    if isinstance(value, (list, tuple)) and len(value) > MAX_SIZE:
        raise SecurityError(f"{what} would make a list of more than {MAX_SIZE:,} items")
    return checked_text(value, what)


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_repeat(left: Any, right: Any) -> None:
    if is_int(left) and is_int(right) and left.bit_length() + right.bit_length() > MAX_BITS:
        raise SecurityError(f"{left!r} * {right!r} is too large to compute")
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and is_int(times):
            if len(seq) * times > MAX_SIZE:
                raise SecurityError(f"repeating {len(seq)} item(s) {times} times is too large")
            if size(seq) * times > MAX_VALUE:
                raise refuse_text(f"repeating {len(seq)} item(s) {times} times")


def printf(template: str, args: Any) -> str:
    """`template % args`, refusing padding that would make a huge text."""
    for match in _PRINTF.finditer(template):
        for number in match.groups():
            if number == "*" or (number is not None and int(number) > MAX_WIDTH):
                raise SecurityError(f"a % format may pad to at most {MAX_WIDTH:,} characters")
    values = args.values() if isinstance(args, Mapping) else args
    for value in values if isinstance(values, (tuple, type({}.values()))) else (values,):
        if isinstance(value, Undefined):
            str(value)  # raises the undefined error, where repr() would print "Undefined"
    if size(args) > MAX_VALUE:
        raise refuse_text("this % format")
    return checked_text(operator.mod(template, args), "this % format")


def guarded(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that measures the text it would make before and after making it, and the
    list it made (`list`, `sort`, `unique`, ...) after."""
    check = PRECHECKS.get(name)
    makes_text = name in _MAKES_TEXT

    @functools.wraps(function)
    def filter_(*args: Any, **kwargs: Any) -> Any:
        tick()
        if makes_text:
            args = tuple(list(a) if isinstance(a, types.GeneratorType) else a for a in args)
            if size((args, kwargs)) > MAX_VALUE:
                raise refuse_text(f"the filter '{name}'")
        if check is not None:
            check(*[a for a in args if not _is_context(a)], **kwargs)
        return checked_value(function(*args, **kwargs), f"the filter '{name}'")

    return filter_


def _is_context(value: Any) -> bool:
    return isinstance(value, (Environment, EvalContext, Context))


def _width(value: Any, width: Any = 80, *_: Any, **__: Any) -> None:
    if isinstance(width, str):
        width = len(width)
    if is_int(width) and width > MAX_WIDTH:
        raise SecurityError(f"a filter may pad to at most {MAX_WIDTH:,} characters")
    lines = value.count("\n") + 1 if isinstance(value, str) else 1
    if is_int(width) and width * lines > MAX_VALUE:
        raise refuse_text("padding this")


def _replace(value: Any, old: Any = "", new: Any = "", count: Any = None) -> None:
    if isinstance(value, str) and isinstance(old, str) and isinstance(new, str):
        times = value.count(old) if old else len(value) + 1
        if is_int(count):
            times = min(times, max(count, 0))
        if len(value) + times * len(new) > MAX_VALUE:
            raise refuse_text("this replace")


def _wordwrap(
    value: Any,
    width: Any = 79,
    break_long_words: Any = True,
    wrapstring: Any = None,
    *_: Any,
    **kwargs: Any,
) -> None:
    # The whole wrapped text is made in one call: its size is known before it is made.
    wrapstring = kwargs.get("wrapstring", wrapstring)
    width = kwargs.get("width", width)
    if not isinstance(value, str) or not is_int(width):
        return
    lines = len(value) // max(width, 1) + value.count("\n") + 1
    joint = len(wrapstring) if isinstance(wrapstring, str) else 1
    if len(value) + lines * joint > MAX_VALUE:
        raise refuse_text("wrapping this")


def _count(value: Any, count: Any = 1, *_: Any, **__: Any) -> None:
    if is_int(count) and count > MAX_SIZE:
        raise SecurityError(f"a batch or slice of more than {MAX_SIZE:,} items is too large")


def _format(value: Any, *args: Any, **kwargs: Any) -> None:
    if isinstance(value, str):
        printf(value, kwargs or args)


def _sum(value: Any, attribute: Any = None, start: Any = 0) -> None:
    if not isinstance(start, (int, float)) or isinstance(start, bool):
        raise SecurityError("sum adds numbers only")


PRECHECKS: dict[str, Callable[..., None]] = {
    "center": _width,
    "indent": _width,
    "replace": _replace,
    "wordwrap": _wordwrap,
    "batch": _count,
    "slice": _count,
    "format": _format,
    "sum": _sum,
}
"""Checks of a filter's arguments that stop it before it builds something huge."""
