"""Edit a course file's text one change at a time, keeping its comments, order and layout.

The text is read with ruamel.yaml's round trip, changed in place and written back
with the indentation the file already uses, so a hand-edited file comes back the
way its author wrote it, changed only where the page changed it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import threading
from contextvars import ContextVar
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.util import load_yaml_guess_indent

from kit.errors import KitError
from kit.load import declared, schema
from kit.serve import comments

Path_ = list[str | int]

LEADERS = ("leaders", "*")
"""Where a leader is: a name alone, or a table leader with a table and e-mail beside it."""

DEFAULTS = {k: f.default for k, f in schema.CourseFile.model_fields.items() if not f.is_required()}
"""The value a course has for each top-level setting its file leaves out."""

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class EditError(KitError):
    """A change the page asked for does not fit the course file as it stands."""

    exit_code = 2


def _yaml(text: str) -> YAML:
    """A round-trip YAML that writes with the indentation `text` already uses."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the author wrote on one line
    # `care: [{name: Office}]` must come back with its braces, not as `[name: Office]`.
    yaml.brace_single_entry_mapping_in_flow_sequence = True
    try:
        _, indent, offset = load_yaml_guess_indent(text)
    except (YAMLError, ValueError, TypeError):
        indent, offset = None, None
    mapping = indent or 2
    offset = offset or 0
    # Guessing reports the indent of sequence items' content; a mapping keeps 2 unless
    # the file shows otherwise, so `weeks:\n  - trust` comes back as it was.
    yaml.indent(mapping=2 if offset else mapping, sequence=max(mapping, offset + 2), offset=offset)
    return yaml


def load(text: str) -> CommentedMap:
    """The course file's data for editing; `EditError` when it is not a YAML mapping."""
    return _read(text)[1]


def apply(text: str, change: dict[str, Any]) -> str:
    """The course file's text after one change from the page.

    A change is a mapping with an `op`: `set` a value at a `path`, `add` to the list
    at a path, `remove` or `move` the list item at a path, `drop` or `reword` a
    week's question, or replace the whole `text`.
    """
    op = change.get("op")
    if op == "text":
        new = change.get("text")
        if not isinstance(new, str):
            raise EditError("a text change needs the new text")
        return new
    handler = _OPS.get(str(op))
    if handler is None:
        raise EditError(f"unknown change '{op}'")
    yaml, data = _parsed(text)
    before = _snapshot(yaml, data)
    ends = _ENDS.set(comments.tails(data))
    try:
        handler(data, change)
        comments.hand_on(_ENDS.get())
    except BaseException:
        _forget()
        raise
    finally:
        _ENDS.reset(ends)
    after = _snapshot(yaml, data)
    # A change that changes nothing leaves the text exactly as it was, byte for byte.
    result = text if after == before else after
    _remember(result, yaml, data)
    return result


_ENDS: ContextVar[list[comments.Tail]] = ContextVar("ends")
"""The last entries of lists and mappings before the change being made."""

_LAST: list[tuple[str, YAML, CommentedMap]] = []
"""The text the last change made and its data, since the next change starts from it.

Reading YAML for a round trip takes most of a change's time, and the page sends
each change on the text the one before it returned."""
_LOCK = threading.Lock()


def _parsed(text: str) -> tuple[YAML, CommentedMap]:
    with _LOCK:
        if _LAST and _LAST[0][0] == text:
            _, yaml, data = _LAST.pop()
            return yaml, data
    return _read(text)


def _read(text: str) -> tuple[YAML, CommentedMap]:
    yaml = _yaml(text)
    try:
        data = yaml.load(text) if text.strip() else CommentedMap()
    except YAMLError as exc:
        raise EditError(f"the course file does not read as YAML: {exc}") from None
    if data is None:
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        raise EditError("the course file must be a mapping of keys such as title: and weeks:")
    return yaml, data


def _remember(text: str, yaml: YAML, data: CommentedMap) -> None:
    with _LOCK:
        _LAST[:] = [(text, yaml, data)]


def _forget() -> None:
    with _LOCK:
        _LAST.clear()


def _snapshot(yaml: YAML, data: CommentedMap) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _path(change: dict[str, Any]) -> Path_:
    path = change.get("path")
    if not isinstance(path, list) or not path:
        raise EditError("a change needs a path")
    for part in path:
        if not isinstance(part, (str, int)) or isinstance(part, bool):
            raise EditError(f"a path holds keys and list positions, not {part!r}")
    return path


def coerce(path: Path_, value: Any) -> Any:
    """The YAML value for what was typed into the field at `path`.

    What does not read as the field's type is kept as text, so that the course
    check reports it in its own words beside the field. Text is written so that it
    reads back exactly as typed; only ids and codes are trimmed of spaces around them.
    """
    if isinstance(value, list):
        # Lines of a text box, such as an exercise's steps: one item each, blank lines
        # dropped and spaces around a line trimmed, as the box shows them.
        lines = [v.strip() if isinstance(v, str) else v for v in value]
        items = [coerce([*path, i], v) for i, v in enumerate(lines) if str(v).strip()]
        return CommentedSeq(items) if items else None
    if not isinstance(value, str):
        return value
    typed, value = value, value.strip()
    if not value:
        return ""
    field = declared.field(path)
    kind = field.kind if field else "text"
    if kind == "number" and re.fullmatch(r"-?\d+", value):
        return int(value)
    if kind == "date" and _ISO.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return _text(value)
    if kind == "bool" and value in ("true", "false"):
        return value == "true"
    if kind in ("id", "number", "choice"):
        return _text(value)  # ids, codes and numbers: spaces around them are never meant
    # Text is kept as typed, spaces around it included, so what was typed is what is read.
    if kind == "time":
        return DoubleQuotedScalarString(typed)  # 18:30 unquoted reads as a number in YAML 1.1
    if " " not in typed:
        return _text(typed)
    return DoubleQuotedScalarString(typed)


def _text(value: str) -> str:
    """`value` to be written as it is when it reads back as the same text, else in quotes.

    ruamel.yaml writes YAML 1.2, where `Yes`, `off` and `~` are plain words; kit reads
    YAML 1.1, where they are true, false and nothing. Double quotes keep any text, and
    write line separators and other invisible characters as escapes.
    """
    return value if _plain_safe(value) else DoubleQuotedScalarString(value)


def _plain_safe(value: str) -> bool:
    """True when `value` written without quotes reads back, in YAML 1.1, as the same text."""
    if not value.isprintable():  # line separators, tabs, no-break spaces
        return False
    try:
        return yaml.safe_load(value) == value
    except (yaml.YAMLError, ValueError, OverflowError):  # 2027-02-30 reads as a bad date
        return False


def _container(data: CommentedMap, path: Path_, *, create: bool) -> Any:
    """The mapping or list holding the last part of `path`, made on the way if `create`."""
    node: Any = data
    for depth, part in enumerate(path[:-1]):
        nxt = path[depth + 1]
        if isinstance(part, int):
            if not isinstance(node, list) or not -len(node) <= part < len(node):
                raise EditError(f"no item {part} at {_shown(path[:depth])}")
            child = node[part]
            short = declared.SHORTHAND.get(str(path[0])) if depth == 1 else None
            if short and isinstance(nxt, str) and not isinstance(child, dict):
                if not create:
                    return None
                # A week written as its lesson id alone, or a skipped date as the date
                # alone, becomes a mapping once one of its other keys is given.
                child = comments.as_mapping(node, part, short)
                _ENDS.get([]).append(comments.Tail(child, short))
        else:
            if not isinstance(node, dict):
                raise EditError(f"{_shown(path[:depth])} is not a mapping")
            child = node.get(part)
            if child is None:
                if not create:
                    return None
                child = CommentedSeq() if isinstance(nxt, int) or nxt == "*" else CommentedMap()
                node[part] = child
        node = child
    return node


def _shown(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "the file"


def _keep_style(old: Any, new: Any) -> Any:
    """New text in the quoting style the old value was written in, when that style keeps it.

    Only double quotes keep every character: a line separator in single quotes or a
    block is read back as a line break, and the next line's spaces are dropped.
    """
    if isinstance(old, str) and isinstance(new, str) and str(old) == str(new):
        return old  # the same text: written as it was, quotes or none
    kept = (DoubleQuotedScalarString, SingleQuotedScalarString, LiteralScalarString)
    if (
        isinstance(old, kept)
        and isinstance(new, str)
        and type(new) is not type(old)
        and (isinstance(old, DoubleQuotedScalarString) or new.isprintable())
    ):
        return type(old)(str(new))
    return new


def _set(data: CommentedMap, change: dict[str, Any]) -> None:
    path = _path(change)
    value = coerce(path, change.get("value"))
    empty = value is None or value == "" or value == []
    at = declared.pattern(path)
    if empty and len(at) == 3 and at[:2] == LEADERS and at[2] != declared.SHORTHAND["leaders"]:
        _clear_leader(data, path)
        return
    holder = _container(data, path, create=not empty)
    if holder is None:
        return
    last = path[-1]
    if isinstance(last, int):
        if not isinstance(holder, list) or not -len(holder) <= last < len(holder):
            raise EditError(f"no item {last} at {_shown(path[:-1])}")
        holder[last] = _keep_style(holder[last], value)
        return
    if not isinstance(holder, dict):
        raise EditError(f"{_shown(path[:-1])} is not a mapping")
    if len(path) == 1 and last not in holder and value == DEFAULTS.get(str(last)):
        return  # the page shows a setting's default; picking it writes nothing new
    if empty:
        # An optional key left empty means its default; its line and comment stay.
        if last in holder:
            holder[last] = None
        return
    holder[last] = _keep_style(holder.get(last), value)


def _clear_leader(data: CommentedMap, path: Path_) -> None:
    """Take a table leader's table or e-mail away; a leader left with a name alone is
    written as the name, as a plain leader is."""
    leaders = data.get("leaders")
    at = path[1]
    if not isinstance(leaders, list) or not isinstance(at, int) or not 0 <= at < len(leaders):
        return
    leader = leaders[at]
    if not isinstance(leader, CommentedMap) or path[2] not in leader:
        return
    entry = leader.ca.items.pop(path[2], None)
    del leader[path[2]]
    after = entry[2] if entry is not None and len(entry) > 2 else None
    if after is not None:
        # What followed the key's line (a blank line, the next entry's comment) stays.
        slot = leader.ca.items.setdefault(next(reversed(leader)), [None] * 4)
        if slot[2] is None:
            slot[2] = after
        else:
            slot[2].value += after.value
    if list(leader) == ["name"] and isinstance(leaders, CommentedSeq):
        comments.as_value(leaders, at, "name")


def _add(data: CommentedMap, change: dict[str, Any]) -> None:
    path = _path(change)
    value = change.get("value")
    holder = _container(data, [*path, "*"], create=True)
    if not isinstance(holder, list):
        raise EditError(f"{_shown(path)} is not a list")
    at = [*path, len(holder)]
    value = _mapping(at, value) if isinstance(value, dict) else coerce(at, value)
    if not holder and isinstance(holder, CommentedSeq):
        # An empty `[]` keeps to one line for short values; mappings read better as blocks.
        if isinstance(value, dict):
            holder.fa.set_block_style()
        else:
            holder.fa.set_flow_style()
    holder.append(value)


def _mapping(path: Path_, value: dict[str, Any]) -> CommentedMap:
    out = CommentedMap()
    for key, item in value.items():
        item = coerce([*path, str(key)], item) if isinstance(item, str) else item
        if item is not None and item != "":
            out[str(key)] = item
    return out


def _item(data: CommentedMap, change: dict[str, Any]) -> tuple[list, int]:
    path = _path(change)
    index = path[-1]
    holder = _container(data, path, create=False)
    if not isinstance(index, int) or not isinstance(holder, list):
        raise EditError(f"{_shown(path)} is not a list item")
    if not -len(holder) <= index < len(holder):
        raise EditError(f"no item {index} at {_shown(path[:-1])}")
    return holder, index % len(holder)


def _emptied(holder: Any) -> None:
    """Write a list or mapping that is now empty as `[]` or `{}` on its key's line.

    ruamel.yaml writes an empty block collection whose key has a comment on a line of
    its own at the margin, which no longer reads as YAML.
    """
    if not holder and isinstance(holder, (CommentedSeq, CommentedMap)):
        holder.fa.set_flow_style()


def _remove(data: CommentedMap, change: dict[str, Any]) -> None:
    holder, index = _item(data, change)
    del holder[index]
    _emptied(holder)


def _move(data: CommentedMap, change: dict[str, Any]) -> None:
    holder, index = _item(data, change)
    to = change.get("to")
    if not isinstance(to, int) or isinstance(to, bool) or not 0 <= to < len(holder):
        raise EditError("a move needs a position within the list")
    # A list item's comment is kept by position: it moves with the item.
    entry = holder.ca.items.get(index) if isinstance(holder, CommentedSeq) else None
    holder.insert(to, holder.pop(index))
    if entry is not None:
        holder.ca.items[to] = entry


def _week_changes(data: CommentedMap, change: dict[str, Any]) -> tuple[int, str]:
    week, qid = change.get("week"), change.get("id")
    weeks = data.get("weeks")
    if not isinstance(week, int) or not isinstance(weeks, list) or not 0 <= week < len(weeks):
        raise EditError("no such week")
    if not isinstance(qid, str) or not qid:
        raise EditError("a question change needs the question's id")
    return week, qid


def _drop(data: CommentedMap, change: dict[str, Any]) -> None:
    week, qid = _week_changes(data, change)
    path: Path_ = ["weeks", week, "questions", "drop"]
    drops = _container(data, [*path, "*"], create=False)
    present = isinstance(drops, list) and qid in drops
    if change.get("on") and not present:
        _add(data, {"path": path, "value": qid})
    elif not change.get("on") and present:
        drops.remove(qid)
        _emptied(drops)


def _reword(data: CommentedMap, change: dict[str, Any]) -> None:
    week, qid = _week_changes(data, change)
    text = change.get("text")
    text = text if isinstance(text, str) and text.strip() else ""
    path: Path_ = ["weeks", week, "questions", "replace", qid]
    replace = _container(data, path, create=bool(text))
    if not text:
        if isinstance(replace, dict) and qid in replace:
            del replace[qid]
            _emptied(replace)
        return
    if isinstance(replace, CommentedMap) and not replace:
        replace.fa.set_block_style()
    if isinstance(replace, dict) and isinstance(replace.get(qid), dict):
        # A rewording with its own note and follow-ups keeps them: only its text changes.
        path = [*path, "text"]
    _set(data, {"path": path, "value": text})


_OPS = {
    "set": _set,
    "add": _add,
    "remove": _remove,
    "move": _move,
    "drop": _drop,
    "reword": _reword,
}
