"""The template sandbox: what a course's templates may read, call and build.

jinja2's own sandbox refuses names that start with `_` and lets everything else
through, so a method on an object in the context is a way out. This one turns that
around: a template may read only what is listed here for each kind of value (the
fields and properties of the course model's records it is given, a few string, list
and mapping methods, what a loop or a namespace holds), call only macros, kit's
lookups and the methods listed, and use only the filters listed. Every way a
template can build a large value (`*`, `**`, `+`, `~`, `%`, the filters that make
text) is measured before it is built (kit/templating/measure.py).
Each of those steps, and each turn of a loop, also looks at the render's time and
memory budget (kit/templating/budget.py), so a template is stopped wherever it runs.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from jinja2 import Undefined, filters, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.environment import TemplateModule
from jinja2.nodes import Concat
from jinja2.runtime import (
    BlockReference,
    LoopContext,
    Macro,
    Namespace,
    TemplateReference,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError, safe_range
from jinja2.utils import Cycler, Joiner

from kit.templating.budget import tick
from kit.templating.measure import (
    MAX_BITS,
    MAX_SIZE,
    MAX_VALUE,
    PRECHECKS,
    check_repeat,
    guarded,
    is_int,
    printf,
    refuse_text,
    size,
)
from kit.templating.records import Lookup, readable

_STR = frozenset(
    {
        "capitalize", "count", "endswith", "find", "isdigit", "isspace", "lower", "lstrip",
        "partition", "rfind", "rpartition", "rstrip", "split", "startswith", "strip",
        "title", "upper",
    }
)  # fmt: skip
"""String methods a template may call: none of them makes a text longer."""
_MAPPING = frozenset({"get", "items", "keys", "values"})
_SEQUENCE = frozenset({"count", "index"})
_DATE = frozenset({"year", "month", "day", "isoformat", "weekday", "isoweekday"})
_TIME = frozenset({"hour", "minute", "isoformat"})
_LOOP = frozenset(
    {
        "index", "index0", "revindex", "revindex0", "first", "last", "length", "depth",
        "depth0", "previtem", "nextitem", "cycle", "changed",
    }
)  # fmt: skip
_CYCLER = frozenset({"current", "next", "reset"})
_BLOCK = frozenset({"super"})

BUILTIN_FILTERS = frozenset(
    {
        "abs", "batch", "capitalize", "center", "count", "d", "default", "dictsort", "first",
        "float", "format", "groupby", "indent", "int", "items", "join", "last", "length",
        "list", "lower", "map", "max", "min", "reject", "rejectattr", "replace", "reverse",
        "round", "select", "selectattr", "slice", "sort", "string", "sum", "title", "trim",
        "truncate", "unique", "upper", "wordcount", "wordwrap",
    }
)  # fmt: skip
"""jinja2's filters a template may use (with `attr`, which kit gives its own checks):
left out are those that reach for HTML, JSON, URLs or chance (escape, safe, pprint,
tojson, urlize, urlencode, xmlattr, random, filesizeformat, striptags)."""


def allowed_names(obj: Any) -> frozenset[str]:
    """Every attribute a template may read of `obj`, if it is not a record."""
    if isinstance(obj, str):
        return _STR
    if isinstance(obj, Mapping):
        return _MAPPING
    if isinstance(obj, (list, tuple)):
        return _SEQUENCE
    if isinstance(obj, dt.date):
        return _DATE
    if isinstance(obj, dt.time):
        return _TIME
    if isinstance(obj, Namespace):
        # jinja2 has no public way to list a namespace's names (see test_jinja2_internals).
        held = object.__getattribute__(obj, "_Namespace__attrs")
        return frozenset(k for k in held if isinstance(k, str) and not k.startswith("_"))
    if isinstance(obj, TemplateModule):
        return frozenset(k for k in vars(obj) if not k.startswith("_"))
    if isinstance(obj, LoopContext):
        return _LOOP
    if isinstance(obj, Cycler):
        return _CYCLER
    if isinstance(obj, BlockReference):
        return _BLOCK
    return frozenset()


class _Namespace(Namespace):
    """jinja2's `namespace()`, refusing values that are too large to hold."""

    def __setitem__(self, name: str, value: Any) -> None:
        tick()
        if size(value) > MAX_VALUE:
            raise refuse_text(f"setting '{name}'")
        super().__setitem__(name, value)


class _Ticking:
    """The items of an iterable, each handed out after a look at the render's budget."""

    __slots__ = ("_items",)

    def __init__(self, items: Any) -> None:
        self._items = items

    def __len__(self) -> int:
        return len(self._items)  # a TypeError here tells jinja2's loop to count the items

    def __iter__(self) -> Any:
        for item in self._items:
            tick()
            yield item


class _CodeGenerator(CodeGenerator):
    """jinja2's code generator, with `~` going through `Sandbox.concat` to be measured,
    and every `for` loop through `Sandbox.ticking`, to look at the budget at each turn.

    jinja2 offers `code_generator_class` to replace its generator, but no public hook
    for `~` or a loop's iterable: these overrides are internals (see test_jinja2_internals).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loop_items: set[int] = set()

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        # jinja2 allows no new kinds of node, so the loop's iterable is marked instead.
        self._loop_items.add(id(node.iter))
        super().visit_For(node, frame)

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        if id(node) not in self._loop_items:
            return super().visit(node, *args, **kwargs)
        self.write("environment.ticking(")
        super().visit(node, *args, **kwargs)
        self.write(")")
        return None

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class Sandbox(ImmutableSandboxedEnvironment):
    """A jinja2 sandbox that allows only what is listed, and measures what templates build."""

    code_generator_class = _CodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, records: tuple[type, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.records = {kind: readable(kind) for kind in records}  # and what they may read
        self.globals.clear()
        self.globals.update(
            range=safe_range, dict=dict, cycler=Cycler, joiner=Joiner, namespace=_Namespace
        )
        self._global_callables = tuple(self.globals.values())
        kept = {name: self.filters[name] for name in BUILTIN_FILTERS}
        self.filters.clear()
        self.filters.update({name: guarded(name, f) for name, f in kept.items()})
        self.filters["attr"] = self._attr

    def allow_callables(self, more: Iterable[Any]) -> None:
        """Let templates call these globals too (the catalog's functions)."""
        self._global_callables = (*self._global_callables, *more)

    def add_filters(self, more: Mapping[str, Callable[..., Any]]) -> None:
        """Register kit's own filters, measured like jinja2's."""
        self.filters.update({name: guarded(name, f) for name, f in more.items()})

    # --- reading ---------------------------------------------------------------------

    def allowed_names(self, obj: Any) -> frozenset[str]:
        """Every attribute a template may read of `obj`."""
        found = self.records.get(type(obj))
        return allowed_names(obj) if found is None else found

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return attr in self.allowed_names(obj)

    def getattr(self, obj: Any, attribute: str) -> Any:
        tick()
        if isinstance(obj, Undefined):
            return obj[attribute]  # raises the undefined error itself
        if isinstance(attribute, str) and attribute in self.allowed_names(obj):
            try:
                return getattr(obj, attribute)
            except AttributeError:
                pass
        if isinstance(obj, (Mapping, TemplateReference)):
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                pass
        return self._missing(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        tick()
        if isinstance(obj, Undefined):
            return obj[argument]
        if isinstance(obj, (str, list, tuple, Mapping, TemplateReference)):
            try:
                return obj[argument]
            except (TypeError, LookupError):
                pass
        if isinstance(argument, str):
            return self.getattr(obj, argument)
        return self.undefined(obj=obj, name=argument)

    def _missing(self, obj: Any, attribute: Any) -> Undefined:
        if isinstance(attribute, str) and attribute in dir(obj):
            return self.unsafe_undefined(obj, attribute)
        return self.undefined(obj=obj, name=attribute)

    def _attr(self, obj: Any, name: Any) -> Any:
        """The `attr` filter, under the same rules as a dot."""
        return self.getattr(obj, name) if isinstance(name, str) else self.undefined(obj=obj)

    # --- calling ---------------------------------------------------------------------

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, (Macro, Lookup, LoopContext, Joiner, BlockReference, Undefined)):
            return True
        if any(obj is allowed for allowed in self._global_callables):
            return True
        owner = getattr(obj, "__self__", None)
        if isinstance(obj, (types.BuiltinMethodType, types.MethodType)) and owner is not None:
            return obj.__name__ in self.allowed_names(owner)
        return False

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        tick()
        if not __self.is_safe_callable(__obj):
            name = getattr(__obj, "__name__", type(__obj).__name__)
            raise SecurityError(f"'{name}' cannot be called from a template")
        return __context.call(__obj, *args, **kwargs)

    # --- building --------------------------------------------------------------------

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        tick()
        if operator_ == "**":
            whole = is_int(left) and is_int(right) and abs(left) > 1 and right > 0
            if whole and left.bit_length() * right > MAX_BITS:
                raise SecurityError(f"{left!r} ** {right!r} is too large to compute")
        elif operator_ == "*":
            check_repeat(left, right)
        elif operator_ == "+":
            if isinstance(left, str) and isinstance(right, str):
                if len(left) + len(right) > MAX_VALUE:
                    raise refuse_text("adding these")
            elif (
                isinstance(left, (list, tuple))
                and isinstance(right, (list, tuple))
                and len(left) + len(right) > MAX_SIZE
            ):
                raise SecurityError(f"a list of more than {MAX_SIZE:,} items is too large")
        elif operator_ == "%" and isinstance(left, str):
            return printf(left, right)
        return self.binop_table[operator_](left, right)

    def concat(self, parts: Iterable[Any]) -> str:
        """What `a ~ b` makes, measured as it is made."""
        tick()
        total = 0
        texts = []
        for part in parts:
            if not isinstance(part, str):
                if size(part) > MAX_VALUE:
                    raise refuse_text("joining with ~")
                part = str(part)
            total += len(part)
            if total > MAX_VALUE:
                raise refuse_text("joining with ~")
            texts.append(part)
        return "".join(texts)

    def ticking(self, items: Any) -> Any:
        """What a `for` loop runs over, looking at the render's budget at each turn."""
        return items if isinstance(items, Undefined) else _Ticking(items)


assert set(PRECHECKS) <= BUILTIN_FILTERS and set(filters.FILTERS) >= BUILTIN_FILTERS
