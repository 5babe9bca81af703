"""Limits on the size of a course or lesson file's values, far above any real course.

A course or lesson file may come from someone else, and kit's time and memory grow
with what it holds: 10,000 weeks took minutes and gigabytes to check and build.
Each value is measured before the schema is checked, and one past a limit is a
located problem.
"""

from __future__ import annotations

from typing import Any

from kit.errors import Problem
from kit.load.yamlfile import Path_, YamlDoc
from kit.messages import field_path

MAX_WEEKS = 260
"""Most weeks a course may have, and dates it may skip: five years of weekly meetings."""
MAX_ITEMS = 100
"""Most items in any other list (questions in a lesson, questions added to a week,
steps, care contacts, ...) and entries in a mapping (`replace`)."""
MAX_TEXT = 5_000
"""Longest text in one value, in characters; a teaching point is a few hundred."""
MAX_KEY = 100
"""Longest key, in characters; every key kit knows is a short name."""

_LONG_LISTS = {("weeks",): MAX_WEEKS, ("skip",): MAX_WEEKS}
"""Lists of a course that may be longer than `MAX_ITEMS`."""


def limit_problems(doc: YamlDoc, what: str) -> list[Problem]:
    """Every value of a loaded course or lesson file that is past its limit."""
    problems: list[Problem] = []
    stack: list[tuple[Path_, Any]] = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if len(value) > MAX_TEXT:
                problems.append(
                    doc.problem(
                        path,
                        f"text of {len(value):,} characters; kit takes at most "
                        f"{MAX_TEXT:,} in one value",
                    )
                )
        elif isinstance(value, list):
            limit = _LONG_LISTS.get(path, MAX_ITEMS) if what == "course" else MAX_ITEMS
            if len(value) > limit:
                problems.append(
                    doc.problem(path, f"has {len(value):,} items; kit takes at most {limit} here")
                )
            else:
                stack.extend(((*path, i), item) for i, item in enumerate(value))
        elif isinstance(value, dict):
            if len(value) > MAX_ITEMS and path:
                msg = f"has {len(value):,} entries; kit takes at most {MAX_ITEMS} here"
                problems.append(doc.problem(path, msg))
                continue
            for key, item in value.items():
                if len(key) > MAX_KEY:
                    line, column = doc.at((*path, key), key=True)
                    msg = f"a key of {len(key):,} characters; keys are short names"
                    problems.append(Problem(doc.file, line, column, field_path(path), msg))
                else:
                    stack.append(((*path, key), item))
    return sorted(problems)
