"""Load stage: read a YAML file safely, keeping the line and column of every node."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kit.errors import InputError, Problem

MAX_BYTES = 1_000_000
"""Largest input file read; a course or lesson is a few kilobytes."""
MAX_NODES = 100_000
"""Most values one file may expand to, so that an alias bomb is refused at once."""

Path_ = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


def format_path(path: Path_) -> str:
    """Render a field path the way users read it: `weeks[2].questions.drop[0]`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class YamlDoc:
    """A loaded YAML document with the position of each value and key."""

    file: str
    """The file's name as shown in messages."""
    data: Any
    """Plain Python data: dicts, lists, strings, numbers, dates."""
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """1-based (line, column) where the value at each path starts."""
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """1-based (line, column) of the key that names each mapping entry."""

    def at(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Best position for a path: its key or value, or the nearest enclosing one."""
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def problem(self, path: Path_, message: str, *, key: bool = False) -> Problem:
        """A problem located at the given field path."""
        line, col = self.at(path, key=key)
        return Problem(self.file, line, col, format_path(path), message)


def read_text(path: Path, shown: str) -> str:
    """Read a UTF-8 text file, refusing missing, oversized and binary files."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(shown, 0, 0, "", "no such file")) from None
    except IsADirectoryError:
        raise InputError(Problem(shown, 0, 0, "", "is a folder, not a file")) from None
    except OSError as exc:
        raise InputError(Problem(shown, 0, 0, "", f"cannot read: {exc.strerror}")) from None
    if len(raw) > MAX_BYTES:
        msg = f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}"
        raise InputError(Problem(shown, 0, 0, "", msg))
    if b"\x00" in raw:
        raise InputError(Problem(shown, 0, 0, "", "not a text file (it contains NUL bytes)"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text (byte {exc.start + 1} cannot be decoded)"
        raise InputError(Problem(shown, 0, 0, "", msg)) from None


def load_file(path: Path, shown: str | None = None) -> YamlDoc:
    """Load one YAML file from disk."""
    shown = shown or str(path)
    return load_text(read_text(path, shown), shown)


def load_text(text: str, file: str) -> YamlDoc:
    """Parse YAML text into data and positions; every failure is an `InputError`."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise InputError(_syntax_problem(exc, file)) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(file, 0, 0, "", f"not valid YAML: {exc}")) from None
    finally:
        loader.dispose()
    doc = YamlDoc(file, None)
    if node is None:
        return doc
    builder = _Builder(doc, loader)
    doc.data = builder.build(node, ())
    if builder.problems:
        raise InputError(builder.problems)
    return doc


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or "invalid YAML"
    if exc.context and exc.context_mark and exc.context_mark is not mark:
        ctx = exc.context_mark
        what += f" ({exc.context} at line {ctx.line + 1}, column {ctx.column + 1})"
    if "\t" in what or "found character '\\t'" in what:
        what += "; indent with spaces, not tabs"
    if mark is None:
        return Problem(file, 0, 0, "", f"YAML syntax: {what}")
    return Problem(file, mark.line + 1, mark.column + 1, "", f"YAML syntax: {what}")


class _Builder:
    """Turns a composed node tree into plain data, recording positions as it goes."""

    def __init__(self, doc: YamlDoc, loader: yaml.SafeLoader) -> None:
        self.doc = doc
        self.loader = loader
        self.problems: list[Problem] = []
        self.count = 0

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            if self.count == MAX_NODES + 1:
                self._fail(node, path, f"more than {MAX_NODES:,} values (too many aliases?)")
            return None
        self.doc.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag not in ("tag:yaml.org,2002:seq",):
                return self._bad_tag(node, path)
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> Any:
        if node.tag != "tag:yaml.org,2002:map":
            return self._bad_tag(node, path)
        try:
            self.loader.flatten_mapping(node)
        except yaml.MarkedYAMLError as exc:
            self.problems.append(_syntax_problem(exc, self.doc.file))
            return {}
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._fail(key_node, path, "a key must be a plain name, not a list or mapping")
                continue
            key = self._scalar(key_node, path)
            key = key if isinstance(key, str) else str(key)
            sub = (*path, key)
            if key in out:
                first = self.doc.keys[sub]
                self._fail(
                    key_node, sub, f"duplicate key '{key}' (first at line {first[0]})", key=True
                )
                continue
            self.doc.keys[sub] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, sub)
        return out

    def _scalar(self, node: yaml.Node, path: Path_) -> Any:
        if node.tag not in _PLAIN_TAGS:
            return self._bad_tag(node, path)
        value = node.value
        # YAML 1.1 reads 18:30 as the base-60 number 1110; a leader means a clock time.
        if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and ":" in value:
            return value
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            if node.tag == "tag:yaml.org,2002:timestamp":
                return value  # the schema says what a date should look like
            self._fail(node, path, f"cannot read value {value!r}: {exc}")
            return None

    def _bad_tag(self, node: yaml.Node, path: Path_) -> None:
        self._fail(node, path, f"tag '{node.tag}' is not allowed; use plain YAML values")
        return None

    def _fail(self, node: yaml.Node, path: Path_, message: str, *, key: bool = False) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.doc.file, mark.line + 1, mark.column + 1, format_path(path), message)
        )
