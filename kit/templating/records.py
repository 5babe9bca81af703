"""What a template may read of a record, and the lookups it may call.

The records are the course model's (kit/course/model.py); the sandbox is given their
kinds and lets a template read only their fields and properties.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from jinja2.exceptions import TemplateRuntimeError

from kit.messages import suggest


def readable(kind: type) -> frozenset[str]:
    """What a template may read of a record of `kind`: its fields and public properties."""
    properties = {n for n, a in vars(kind).items() if isinstance(a, property) and n[0] != "_"}
    return frozenset({f.name for f in fields(kind)} | properties)


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
