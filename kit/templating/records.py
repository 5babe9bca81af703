"""What a template may read of kit's records, and the lookups it may call.

The records themselves are made from the resolved course (kit/compose/view.py); the
sandbox (kit/templating/sandbox.py) lets a template read only what is listed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2.exceptions import TemplateRuntimeError

from kit.messages import suggest

FIELDS: dict[type, frozenset[str]] = {}
"""Every record type made so far, with what a template may read of it: its fields."""


@dataclass(frozen=True, slots=True)
class Lookup:
    """A table a template calls with a key, such as `week.slot("opening")`."""

    what: str
    """What the keys name, for the message when one is unknown."""
    table: Mapping[str, Any]
    """The values by key."""

    def __call__(self, key: Any) -> Any:
        try:
            return self.table[key]
        except (KeyError, TypeError):
            raise TemplateRuntimeError(
                f"no {self.what} '{key}'; {suggest(str(key), self.table)}"
            ) from None
