"""Keep blank lines and comments with what they come before when a change adds to the end.

ruamel.yaml keeps what follows an entry's line (the blank lines and comments up to the
next entry) with the entry above it. An entry added after it, such as a note added to
a care contact or a contact added to the list, would then be written below those lines,
taking the blank line and the comment that belong to the next entry away from it. So
before a change each list's and mapping's last entry is noted, and after it what follows
the old last entry's line is handed on to the new last entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import CommentToken

Collection = CommentedMap | CommentedSeq


@dataclass
class Tail:
    """A list's or mapping's last entry before a change."""

    holder: Collection
    key: Any
    """The last key of a mapping, or the last item itself of a list."""


def _block(node: Any) -> bool:
    """True for a list or mapping written one entry a line, with entries to keep apart."""
    return isinstance(node, (CommentedMap, CommentedSeq)) and bool(node) and not _flow(node)


def _flow(node: Collection) -> bool:
    return bool(node.fa.flow_style())


def _last(holder: Collection) -> Any:
    return next(reversed(holder)) if isinstance(holder, CommentedMap) else holder[-1]


def _last_at(holder: Collection) -> Any:
    """Where the last entry is: its key in a mapping, its position in a list."""
    return next(reversed(holder)) if isinstance(holder, CommentedMap) else len(holder) - 1


def tails(data: Any) -> list[Tail]:
    """The last entry of every list and mapping in `data` written one entry a line."""
    found: list[Tail] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if not _block(node):
            continue
        found.append(Tail(node, _last(node)))
        stack.extend(node.values() if isinstance(node, CommentedMap) else node)
    return found


def _index(holder: Collection, key: Any) -> Any:
    """Where `key` now is in `holder`: the key of a mapping, the position in a list."""
    if isinstance(holder, CommentedMap):
        return key if key in holder else None
    return next((i for i, item in enumerate(holder) if item is key), None)


def _pos(holder: Collection) -> int:
    """Where in ruamel.yaml's list of an entry's comments the lines after it are kept."""
    return 2 if isinstance(holder, CommentedMap) else 0


def _written(holder: Collection, at: Any) -> tuple[list, int] | None:
    """The slot holding what follows the entry at `at`'s last line, nested entries included."""
    value = holder[at]
    if _block(value):
        inner = _written(value, _last_at(value))
        if inner is not None:
            return inner
    entry = holder.ca.items.get(at)
    pos = _pos(holder)
    return (entry, pos) if entry is not None and entry[pos] is not None else None


def _end(holder: Collection, at: Any) -> tuple[list, int]:
    """The slot where what follows the entry at `at`'s last line is to be written."""
    value = holder[at]
    if _block(value):
        return _end(value, _last_at(value))
    size = 4 if isinstance(holder, CommentedMap) else 2
    return holder.ca.items.setdefault(at, [None] * size), _pos(holder)


def as_mapping(holder: CommentedSeq, at: int, key: str) -> CommentedMap:
    """The list item at `at`, written as one value, made a mapping of `key` to that value.

    The item's comment, and the lines that follow it, stay after the value's line.
    """
    mapping = CommentedMap([(key, holder[at])])
    holder[at] = mapping
    entry = holder.ca.items.get(at)
    if entry is not None and entry[0] is not None:
        mapping.ca.items[key] = [None, None, entry[0], None]
        entry[0] = None
    return mapping


def as_value(holder: CommentedSeq, at: int, key: str) -> None:
    """The mapping at `at`, holding `key` alone, written as that one value again.

    The inverse of `as_mapping`: the comment after the value's line stays after it.
    """
    mapping = holder[at]
    entry = mapping.ca.items.get(key)
    holder[at] = mapping[key]
    if entry is not None and entry[2] is not None:
        holder.ca.items.setdefault(at, [None, None])[0] = entry[2]


def hand_on(before: list[Tail]) -> None:
    """Move what follows each old last entry's line to the entry now last after it."""
    for tail in before:
        holder = tail.holder
        if not _block(holder):
            continue
        last = _last(holder)
        if last is tail.key or (isinstance(holder, CommentedMap) and last == tail.key):
            continue
        at = _index(holder, tail.key)
        if at is None:
            continue  # the entry is gone; what followed it went with it
        old = _written(holder, at)
        if old is None:
            continue
        slot, pos = old
        token = slot[pos]
        value = str(token.value)
        end = value.find("\n")
        follows = value[end + 1 :] if end >= 0 else ""
        if not follows:
            continue
        # The old entry keeps its own line's comment; the lines after it move on.
        token.value = value[: end + 1]
        if token.value == "\n":
            slot[pos] = None
        slot, pos = _end(holder, _last_at(holder))
        if slot[pos] is None:
            slot[pos] = CommentToken("\n" + follows, token.start_mark, None)
        else:
            slot[pos].value = str(slot[pos].value) + follows
