"""Load stage: read a YAML file safely, keeping the line and column of every node.

Only plain YAML values are read (strings, numbers, booleans, dates, lists and
mappings); any other tag is an error. Aliases and merge keys are expanded by kit
itself, counting every value, so a small file cannot expand into a huge one.
Parsing uses libyaml when it is installed and falls back to the pure-Python
parser, which also words every syntax error (see kit/load/yamlsyntax.py), so messages
are the same either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kit.errors import InputError, Problem
from kit.load.files import FileProblem, read_limited
from kit.load.yamlsyntax import syntax_problem
from kit.messages import field_path, too_big

MAX_BYTES = 1_000_000
"""Largest input file read; a course or lesson is a few kilobytes."""
MAX_NODES = 100_000
"""Most values one file may expand to, so that an alias bomb is refused at once."""
MAX_DEPTH = 50
"""Deepest nesting of lists and mappings; a lesson needs five levels."""
_C_NESTING_LIMIT = 5_000
"""libyaml composes nested collections recursively in C and crashes the process when
they nest tens of thousands deep. A file nests at most as deep as its indentation
allows (about 1,400 levels in `MAX_BYTES`) plus its characters that can open a
collection on one line (`[`, `{`, `-`, `?`); past this many of those, the pure-Python
parser, which stops at `MAX_DEPTH`, is used instead."""

Path_ = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MERGE = "tag:yaml.org,2002:merge"
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")
_FAST = getattr(yaml, "CSafeLoader", None)


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
    problems: list[Problem] = field(default_factory=list)
    """What could not be read, when loaded with `partial`; the rest of the data is good."""
    failed: set[Path_] = field(default_factory=set)
    """Paths whose value could not be read (or was given twice), when loaded with `partial`."""

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
        return Problem(self.file, line, col, field_path(path), message)


def _position(data: bytes | str, index: int) -> tuple[int, int]:
    """1-based line and column of an index into text or bytes."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    line_start = data.rfind(newline, 0, index) + 1  # type: ignore[arg-type]
    return data.count(newline, 0, index) + 1, index - line_start + 1  # type: ignore[arg-type]


def read_text(path: Path, shown: str) -> str:
    """Read a UTF-8 text file, refusing missing, oversized, binary and special files."""
    try:
        raw = read_limited(path, MAX_BYTES)
    except FileProblem as exc:
        line = 1 if exc.located else 0
        raise InputError(Problem(shown, line, line, "", str(exc))) from None
    return decode(raw, shown)


def decode(raw: bytes, shown: str) -> str:
    """Text of a file's bytes, or a located problem for oversized, binary or non-UTF-8 data."""
    if len(raw) > MAX_BYTES:
        msg = too_big(len(raw), MAX_BYTES)
        raise InputError(Problem(shown, 1, 1, "", msg))
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _position(raw, nul)
        msg = "not a text file (it holds a NUL byte); save it as plain UTF-8 text"
        raise InputError(Problem(shown, line, col, "", msg))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _position(raw, exc.start)
        msg = f"not UTF-8 text (byte 0x{raw[exc.start]:02X} cannot be read); save it as UTF-8"
        raise InputError(Problem(shown, line, col, "", msg)) from None


def load_file(path: Path, shown: str | None = None, *, partial: bool = False) -> YamlDoc:
    """Load one YAML file from disk (see `load_text` for `partial`)."""
    shown = shown or str(path)
    return load_text(read_text(path, shown), shown, partial=partial)


def load_text(text: str, file: str, *, partial: bool = False) -> YamlDoc:
    """Parse YAML text into data and positions; every failure is an `InputError`.

    With `partial`, values that cannot be read (a disallowed tag, a key given twice)
    are kept in `YamlDoc.problems` and `YamlDoc.failed` instead, so the rest of the
    file can still be checked. Text that does not parse, and files that nest too deep
    or expand too far, still raise: nothing of them can be trusted.
    """
    node, loader = _compose(text, file)
    doc = YamlDoc(file, None)
    if node is None:
        return doc
    builder = _Builder(doc, loader)
    doc.data = builder.build(node, ())
    if builder.problems and (builder.fatal or not partial):
        raise InputError(builder.problems)
    doc.problems, doc.failed = builder.problems, builder.failed
    return doc


def _compose(text: str, file: str) -> tuple[yaml.Node | None, yaml.SafeLoader]:
    """The document's node tree, from libyaml when it can be trusted with the text."""
    if _FAST is not None and _openers(text) <= _C_NESTING_LIMIT:
        loader = _FAST(text)
        try:
            return loader.get_single_node(), loader
        except yaml.YAMLError:
            pass  # parse again below, for the pure-Python parser's wording
        finally:
            loader.dispose()
    try:
        loader = _DepthLoader(text)
    except yaml.reader.ReaderError as exc:
        raise InputError(_reader_problem(exc, text, file)) from None
    try:
        return loader.get_single_node(), loader
    except _TooDeep as exc:
        raise InputError(_depth_problem(exc.problem_mark, file, "")) from None
    except yaml.MarkedYAMLError as exc:
        raise InputError(syntax_problem(exc, text, file)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every parser error carries a mark
        raise InputError(Problem(file, 1, 1, "", f"not valid YAML: {exc}")) from None
    finally:
        loader.dispose()


def _openers(text: str) -> int:
    """How many characters could open a nested collection without a new line."""
    return text.count("[") + text.count("{") + text.count("-") + text.count("?")


class _TooDeep(yaml.MarkedYAMLError):
    """Nesting deeper than `MAX_DEPTH`."""


class _DepthLoader(yaml.SafeLoader):
    """The pure-Python loader, refusing nesting before Python's own recursion limit."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(problem="too deep", problem_mark=self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _reader_problem(exc: yaml.reader.ReaderError, text: str, file: str) -> Problem:
    line, col = _position(text, exc.position)
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    return Problem(
        file,
        line,
        col,
        "",
        f"contains the control character U+{code:04X}, which a YAML file cannot hold; delete it",
    )


def _depth_problem(mark: Any, file: str, where: str) -> Problem:
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return Problem(file, line, col, where, f"nested more than {MAX_DEPTH} levels deep")


class _Builder:
    """Turns a composed node tree into plain data, recording positions as it goes."""

    def __init__(self, doc: YamlDoc, loader: yaml.SafeLoader) -> None:
        self.doc = doc
        self.loader = loader
        self.problems: list[Problem] = []
        self.failed: set[Path_] = set()
        self.fatal = False
        self.count = 0
        self.depth = 0

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            self.fatal = True
            if self.count == MAX_NODES + 1:
                self._fail(
                    node,
                    path,
                    f"aliases expand this file to more than {MAX_NODES:,} values; "
                    "write the values out instead",
                )
            return None
        if self.depth >= MAX_DEPTH:
            self.fatal = True
            if not any(p.message.startswith("nested more than") for p in self.problems):
                self.problems.append(_depth_problem(node.start_mark, self.doc.file, ""))
            return None
        self.doc.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.depth += 1
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            if isinstance(node, yaml.SequenceNode):
                if node.tag != "tag:yaml.org,2002:seq":
                    return self._bad_tag(node, path)
                return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            return self._scalar(node, path)
        finally:
            self.depth -= 1

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> Any:
        if node.tag != "tag:yaml.org,2002:map":
            return self._bad_tag(node, path)
        out: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged = {**self._merge(value_node, path), **merged}
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._fail(
                    key_node, path, "a key must be a plain name, not a list or mapping", lost=False
                )
                continue
            if key_node.tag not in _PLAIN_TAGS:
                self._bad_tag(key_node, path, lost=False)
                continue
            # The key as written: YAML 1.1 would read `on:` as true and `1:` as a number.
            key = str(key_node.value)
            sub = (*path, key)
            if key in out:
                first = self.doc.keys[sub]
                msg = f"'{key}' is given twice (first at line {first[0]}); keep one of them"
                self._fail(key_node, sub, msg)
                continue
            self.doc.keys[sub] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, sub)
        self.doc.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        return {**merged, **out} if merged else out

    def _merge(self, node: yaml.Node, path: Path_) -> dict[str, Any]:
        """Values a merge key (`<<: *base`) brings in; the first mapping named wins."""
        sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
        merged: dict[str, Any] = {}
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                msg = "a merge (<<) must name a mapping, such as *base"
                self._fail(source, path, msg, lost=False)
                continue
            value = self.build(source, path)
            if isinstance(value, dict):
                merged = {**value, **merged}
        return merged

    def _scalar(self, node: yaml.Node, path: Path_) -> Any:
        if node.tag not in _PLAIN_TAGS:
            return self._bad_tag(node, path)
        value = node.value
        # YAML 1.1 reads 18:30 as the base-60 number 1110; a leader means a clock time.
        if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and ":" in value:
            return value
        # YAML 1.1 reads 0120 as the octal number 80; nobody writing minutes means that.
        if node.tag == "tag:yaml.org,2002:int" and _LEADING_ZERO.match(value):
            digits = value.lstrip("+-").lstrip("0_") or "0"
            self._fail(
                node,
                path,
                f"{value} starts with 0, so YAML would read it as another number; "
                f"write {digits} without the leading zero",
            )
            return None
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            if node.tag == "tag:yaml.org,2002:timestamp":
                return value  # the schema says what a date should look like
            shown = value if len(value) <= 40 else value[:37] + "..."  # never a whole file
            self._fail(node, path, f"cannot read value {shown!r}")
            return None

    def _bad_tag(self, node: yaml.Node, path: Path_, *, lost: bool = True) -> None:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        msg = f"'{tag}' marks a kind of value kit does not read; write plain text, numbers or dates"
        self._fail(node, path, msg, lost=lost)
        return None

    def _fail(self, node: yaml.Node, path: Path_, message: str, *, lost: bool = True) -> None:
        """Record a problem; `lost` when the value at `path` could not be read."""
        if lost:
            self.failed.add(path)
        mark = node.start_mark
        self.problems.append(
            Problem(self.doc.file, mark.line + 1, mark.column + 1, field_path(path), message)
        )
