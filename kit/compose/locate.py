"""Find which template file and line wrote a given line of a template's rendered text.

Markup is read after a template has rendered, so a markup error first knows only
its line in the rendered text. To name the template's own file and line instead,
the template is rendered again (templates are deterministic) and the piece of text
holding that line is traced to the template code that yielded it: for text written
in the template itself, the line it is on there; for a value or a macro's output,
the line that prints it. This runs only when there is an error to report.
"""

from __future__ import annotations

import types
from typing import Any

import jinja2

from kit.templating.budget import budget


def source_line(
    env: jinja2.Environment, name: str, context: dict[str, Any], line: int
) -> tuple[str | None, int | None]:
    """The template file and line that wrote line `line` (1-based) of `name`'s output."""
    before = line - 1  # newlines ahead of the line
    seen = 0
    stream = env.get_template(name).generate(**context)
    try:
        with budget():
            for piece in stream:
                count = piece.count("\n")
                if seen + count < before:
                    seen += count
                    continue
                start = _after_newlines(piece, before - seen)
                end = piece.find("\n", start)
                rest = piece[start:] if end < 0 else piece[start:end]
                if rest.strip() or end >= 0:
                    return _where(stream, piece, before - seen)
                seen += count
    finally:
        stream.close()
    return None, None


def _after_newlines(text: str, count: int) -> int:
    index = 0
    for _ in range(count):
        index = text.index("\n", index) + 1
    return index


def _where(stream: types.GeneratorType, piece: str, lines_in: int) -> tuple[str | None, int | None]:
    frame = _innermost(stream)
    if frame is None:
        return None, None
    template = frame.f_globals.get("__jinja_template__")
    if template is None:
        return None, None
    line = template.get_corresponding_lineno(frame.f_lineno)
    if lines_in and piece in frame.f_code.co_consts:
        # Text written out in the template (a constant of its code, not a value it
        # printed): the line is that many lines further down the template.
        line += lines_in
    return template.filename, line


def _innermost(stream: types.GeneratorType) -> types.FrameType | None:
    """The frame of the template code that yielded the last piece."""
    current: Any = stream
    frame = None
    while isinstance(current, types.GeneratorType) and current.gi_frame is not None:
        if "__jinja_template__" in current.gi_frame.f_globals:
            frame = current.gi_frame
        inner = current.gi_yieldfrom
        if inner is None:
            # jinja2 renders an include in a loop over `gen`, not with `yield from`.
            inner = current.gi_frame.f_locals.get("gen")
        current = inner
    return frame
