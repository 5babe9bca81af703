"""Exceptions raised by kit; the command line catches `KitError` alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kit.places import in_words

_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""Characters that would act on a terminal instead of showing: control characters
(tab aside), direction overrides that reorder what is shown, and lone surrogates."""


def printable(text: str) -> str:
    """Text safe to print on a terminal: each control character shown as an escape."""
    return _UNPRINTABLE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located in its file."""

    file: str
    """Path of the file as the user named it, or a description such as `<built-in>`."""
    line: int
    """1-based line, or 0 when the problem concerns the whole file."""
    column: int
    """1-based column, or 0 when the problem concerns the whole file."""
    where: str
    """Field path such as `weeks[2].questions.drop[0]`; empty for the file itself.

    Code matches on the path; only the text (`str`) says it in words as well."""
    message: str
    """What is wrong and, for an unknown name, what would be valid."""

    def __str__(self) -> str:
        # A course file's keys, values and file names reach the terminal here; none may
        # carry an escape sequence with them.
        # The place in words for a coordinator, its field path kept for authors.
        place = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        text = (
            f"{place}: {in_words(self.where)}: {self.message}"
            if self.where
            else f"{place}: {self.message}"
        )
        return printable(text)


def warning(problem: Problem) -> Problem:
    """The same located message, marked as a warning: worth a look, but nothing stops."""
    return Problem(
        problem.file, problem.line, problem.column, problem.where, f"warning: {problem.message}"
    )


class KitError(Exception):
    """Base of every error kit raises on purpose."""

    exit_code = 1


class InputError(KitError):
    """The user's input is wrong; carries every problem found, and the warnings beside them."""

    exit_code = 2

    def __init__(
        self, problems: list[Problem] | Problem, warnings: list[Problem] | tuple[Problem, ...] = ()
    ) -> None:
        found = [problems] if isinstance(problems, Problem) else problems
        self.problems: list[Problem] = sorted(found)
        self.warnings: list[Problem] = sorted(warnings)
        """Warnings about the same input: said too, so that one fix does not bring more."""
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(KitError):
    """A command was given options that do not fit; no file is involved."""

    exit_code = 2


class ToolMissingError(KitError):
    """An outside program the command needs is not installed."""

    exit_code = 2


class BuildError(KitError):
    """Writing the kit failed for a reason outside the input."""

    exit_code = 1
