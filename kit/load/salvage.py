"""Check a document against a model and keep what is valid, so later checks still run.

The schema reports every problem at once, but the checks after it (lesson and
question ids, dates, brand files) need a model to work on. `check_partial` builds
one from the valid parts of the document: a value that failed takes its field's
default, a failed item of a list becomes None in its place (so indexes still name
the same entries), and a required value that failed is None. `Checked.ok` tells a
later check whether the values it depends on are sound, so it runs when they are
and stays quiet when they are not, instead of reporting what is already reported.
"""

from __future__ import annotations

import functools
import typing
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, TypeAdapter, ValidationError

from kit.errors import Problem
from kit.load.declared import unwrap
from kit.load.validate import check_located
from kit.load.yamlfile import Path_, YamlDoc

M = TypeVar("M", bound=BaseModel)

_BROKEN = object()
"""What `_salvage` returns for a value that cannot be kept."""


@dataclass(frozen=True)
class Checked(Generic[M]):
    """A document checked against a model: as much of it as is valid, and what is not."""

    value: M | None
    """The model built from the valid parts; None when the document is not a mapping."""
    problems: list[Problem]
    """Every problem the schema (and, before it, the YAML loader) found."""
    broken: frozenset[Path_]
    """Field paths, as written in the document, whose values failed."""

    def ok(self, *paths: Path_) -> bool:
        """True when nothing failed at, inside or around any of these field paths."""
        return not any(b[: len(p)] == p or p[: len(b)] == b for p in paths for b in self.broken)


def check_partial(model: type[M], doc: YamlDoc, what: str) -> Checked[M]:
    """Check a document loaded with `partial` against a model, keeping what is valid.

    A schema problem at a value the loader could not read is left out: the loader's
    own problem says what is wrong there.
    """
    failed = frozenset(doc.failed)
    value, errors = check_located(model, doc, what)
    problems = [*doc.problems]
    broken = set(failed)
    for problem, path in errors:
        if not any(path[: len(f)] == f for f in failed):
            problems.append(problem)
        broken.add(path)
    if value is None and isinstance(doc.data, dict):
        salvaged = _salvage(model, doc.data, (), frozenset(broken))
        value = None if salvaged is _BROKEN else salvaged
    return Checked(value, problems, frozenset(broken))


def _salvage(tp: Any, data: Any, path: Path_, broken: frozenset[Path_]) -> Any:
    """The valid part of one value of type `tp`, or `_BROKEN`."""
    if any(path[: len(b)] == b for b in broken):
        return _BROKEN  # this value, or one holding it, failed
    if not any(b[: len(path)] == path for b in broken):
        try:
            return _adapter(tp).validate_python(data)
        except ValidationError:  # pragma: no cover - the schema would have said so
            return _BROKEN
    tp, meta = unwrap(tp)
    # pydantic runs outer before-validators first, and the last listed first.
    before = [m.func for m in reversed(meta) if isinstance(m, BeforeValidator)]
    try:
        for func in before:
            data = func(data)
    except (ValueError, TypeError):  # pragma: no cover - shorthands accept anything
        return _BROKEN
    if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(data, dict):
        return _model(tp, data, path, broken)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is list and isinstance(data, list):
        items = (_salvage(args[0], item, (*path, i), broken) for i, item in enumerate(data))
        return [None if item is _BROKEN else item for item in items]
    if origin is dict and isinstance(data, dict):
        values = {key: _salvage(args[1], item, (*path, key), broken) for key, item in data.items()}
        return {key: None if item is _BROKEN else item for key, item in values.items()}
    return _BROKEN


def _model(model: type[BaseModel], data: dict, path: Path_, broken: frozenset[Path_]) -> Any:
    """A model from the valid fields of a mapping, without validating it again."""
    for decorator in model.__pydantic_decorators__.model_validators.values():
        if decorator.info.mode == "before":
            data = decorator.func(data)
    values = {}
    for name, field in model.model_fields.items():
        value = _BROKEN
        if name in data:
            annotation = field.annotation
            if field.metadata:
                annotation = typing.Annotated[(annotation, *field.metadata)]
            value = _salvage(annotation, data[name], (*path, name), broken)
        if value is _BROKEN:
            value = None if field.is_required() else field.get_default(call_default_factory=True)
        values[name] = value
    return model.model_construct(**values)


@functools.lru_cache(maxsize=256)
def _adapter(tp: Any) -> TypeAdapter:
    return TypeAdapter(tp)
