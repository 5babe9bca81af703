"""Pieces every stage's messages share: a did-you-mean, a field's path, a file too big."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence


def suggest(name: str, known: Iterable[str]) -> str:
    """The valid names, then a did-you-mean for the closest one."""
    known = sorted(known)
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"known: {', '.join(known)}{hint}"


def field_path(path: Sequence[str | int]) -> str:
    """A field's path the way users read it: `weeks[2].questions.drop[0]`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def too_big(size: int, limit: int) -> str:
    """What to say of a file of `size` bytes where kit reads at most `limit`."""
    return f"file is {size:,} bytes; kit reads files of at most {limit:,} bytes"
