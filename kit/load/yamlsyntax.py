"""YAML syntax errors in plain words, at the place a person has to change.

The parser stops where the text stopped making sense to it, which is often a line or
more past the slip: a quote left open on line 6 pairs with the first quote of line 7,
and the parser then complains about line 7's indentation. The slips a coordinator
makes (a quote left open, a quote inside quoted text, no space after a colon) are
looked for first, from the tokens before the point where parsing stopped; any other
error is worded from what the parser says.
"""

from __future__ import annotations

import re

import yaml

from kit.errors import Problem

PLAIN_SYNTAX = (
    (
        "found character '\\t' that cannot start any token",
        False,
        "a tab; indent with spaces, not tabs",
    ),
    ("found a tab character", False, "a tab; indent with spaces, not tabs"),
    (
        "expected <block end>, but found",
        False,
        "this line's indentation does not match the lines above it",
    ),
    (
        "mapping values are not allowed here",
        False,
        "a ': ' inside a value; put the whole value in quotes",
    ),
    ("expected ',' or ']'", True, "this list is not closed; add the ']'"),
    ("expected ',' or '}'", True, "this mapping is not closed; add the '}'"),
    ("could not find expected ':'", True, "a key without ': ' after it (or a quote left open)"),
    ("found undefined alias", False, "an alias (*name) with no anchor (&name) above it"),
    ("but found another document", False, "a second document ('---'); a file holds one"),
    (
        "found unknown escape character",
        False,
        "a backslash in double quotes starts an escape such as \\n; use single quotes",
    ),
    ("that cannot start any token", False, "this character cannot start a value; use quotes"),
    (
        "expected the node content, but found '<stream end>'",
        False,
        "the file ends where a value should follow; finish the value above, or close the "
        "list ('[ ]') or mapping ('{ }') it opens",
    ),
    (
        "expected the node content, but found",
        False,
        "a value cannot start with this character; put the whole value in quotes",
    ),
    (
        "sequence entries are not allowed here",
        False,
        "a list item ('- ') cannot follow a key on its line; start it on the next line",
    ),
)
"""Parser messages reworded for people who do not write YAML for a living: the text to
find, whether to point at where the construct started rather than where parsing
stopped, and what to say."""

_CONFUSED = (
    "expected <block end>",
    "mapping values are not allowed here",
    "could not find expected ':'",
    "expected ',' or ']'",
    "expected ',' or '}'",
)
"""Errors a slip earlier in the text leads to; only these are traced back to one."""

_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s:/])(.*)$")
"""A line that starts `key:value`: a key without the space YAML needs after its colon."""


_SWALLOWED = re.compile(r"(?:^|[,{\[]\s*)[A-Za-z_][\w-]*:\s")
"""Quoted text holding `, key: `: the next key was taken in, so its own quote is missing."""


_TAB = "this line is indented with a tab; indent with spaces only"


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    """The problem to report for a parser error in `text`, at its real cause when known."""
    start = exc.context_mark
    ends = "found unexpected end of stream" in (exc.problem or "")
    if ends and start is not None and text[start.index : start.index + 1] in ('"', "'"):
        # A quoted text that runs to the end of the file: its mark is the opening quote.
        return _at(file, start.line, start.column, _unclosed(text[start.index]))
    found = _cause(exc, text)
    if found is not None:
        return _at(file, *found)
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or "invalid YAML"
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        before = text[mark.index - mark.column : mark.index]
        if not before.strip():  # a tab in the indentation, not one after a value
            return _at(file, mark.line, mark.column, _TAB)
    for needle, at_start, plain in PLAIN_SYNTAX:
        if needle in what:
            if at_start and exc.context_mark is not None:
                mark = exc.context_mark
            what = plain
            break
    else:
        if exc.context and exc.context_mark and exc.context_mark is not mark:
            ctx = exc.context_mark
            what += f" ({exc.context} at line {ctx.line + 1}, column {ctx.column + 1})"
    if mark is None:  # pragma: no cover - the parser marks every error
        return _at(file, 0, 0, what)
    return _at(file, mark.line, mark.column, what)


def _at(file: str, line: int, column: int, what: str) -> Problem:
    """A syntax problem at a 0-based line and column."""
    return Problem(file, line + 1, column + 1, "", f"YAML syntax: {what}")


def _unclosed(quote: str) -> str:
    return f"this quoted text has no closing quote; add a {quote} where the text ends"


def _cause(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str] | None:
    """The 0-based line, column and words of the slip that led to `exc`, if it is a known one."""
    mark = exc.problem_mark
    if mark is None or not any(kind in (exc.problem or "") for kind in _CONFUSED):
        return None
    return _quote_cause(text, mark.index) or _colon_cause(text, mark.line)


def _quote_cause(text: str, stop: int) -> tuple[int, int, str] | None:
    """A quoted text that ends right where parsing stopped, and so ended in the wrong place.

    Ending on a later line than it starts, or holding the next key of a list such as
    `{name: "Sam, role: "Pastor"}`, its own closing quote is missing and the next quote
    in the file closed it; otherwise a quote inside it did.
    """
    quoted: yaml.ScalarToken | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= stop:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                quoted = token
    except yaml.YAMLError:
        pass  # the tokens before the error are all that is needed
    if quoted is None or text[quoted.end_mark.index : stop].strip(" \t"):
        return None
    start, end = quoted.start_mark, quoted.end_mark
    quote = text[start.index]
    if start.line != end.line or _SWALLOWED.search(quoted.value):
        return start.line, start.column, _unclosed(quote)
    if quote == "'":
        what = (
            "this ' ends the quoted text before it; write it twice ('') "
            "or put the whole text in double quotes"
        )
    else:
        what = (
            'this " ends the quoted text before it; write it as \\" '
            "or put the whole text in single quotes"
        )
    return end.line, end.column - 1, what


def _colon_cause(text: str, line: int) -> tuple[int, int, str] | None:
    """A `key:value` line where parsing stopped or just above it: the colon needs a space."""
    lines = text.split("\n")
    for number in range(min(line, len(lines) - 1), -1, -1):
        found = _NO_SPACE.match(lines[number])
        if found:
            lead, key, value = found.groups()
            value = value.split(" #")[0].strip()
            value = value if len(value) <= 30 else value[:27] + "..."
            said = f"no space after the ':' of '{key}'; write it as '{key}: {value}'"
            return number, len(lead) + len(key), said
        if number < line and lines[number].strip() and not lines[number].lstrip().startswith("#"):
            return None  # only the line parsing stopped on and the one above it are likely
    return None
