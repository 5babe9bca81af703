"""The template sandbox: templates get the course model and may use only what is listed."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path, PurePath
from types import BuiltinMethodType, MappingProxyType, MethodType
from typing import Any

import jinja2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2.runtime import LoopContext, TemplateReference
from jinja2.sandbox import SecurityError
from jinja2.utils import Cycler, Joiner

import kit
from kit.compose.templates import environment, render
from kit.course.model import TEMPLATE_RECORDS
from kit.errors import InputError
from kit.templating.records import Lookup
from kit.templating.sandbox import BUILTIN_FILTERS

COURSE = kit.default_course().course
WEEK = COURSE.weeks[0]


def _env() -> jinja2.Environment:
    return environment()


def _context_objects() -> list[Any]:
    """One of every kind of value a template can reach, from the context and from jinja2."""
    env = _env()
    found: list[Any] = []
    stack: list[Any] = [COURSE]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if id(item) in seen or len(found) > 400:
            continue
        seen.add(id(item))
        found.append(item)
        if type(item) in _env().records:
            stack.extend(getattr(item, name) for name in sorted(_env().records[type(item)]))
        elif isinstance(item, (tuple, list)):
            stack.extend(item[:3])
        elif isinstance(item, Lookup):
            stack.append(item("opening"))
    module = env.from_string("{% macro m() %}x{% endmacro %}{% set v = 1 %}").module
    template = env.from_string("{% block b %}x{% endblock %}")
    found += [
        env.globals["namespace"](a=1),
        Cycler(1, 2),
        Joiner(),
        LoopContext(iter([1, 2]), env.undefined),
        module,
        module.m,
        TemplateReference(template.new_context()),
        {"a": 1},
        MappingProxyType({"a": 1}),
        "text",
        ("a",),
        ["a"],
        1,
        1.5,
        True,
        None,
        dt.date(2027, 1, 10),
        dt.time(18, 30),
    ]
    return found


OBJECTS = _context_objects()
DANGEROUS = [
    "__class__", "__init__", "__globals__", "__dict__", "__subclasses__", "__mro__",
    "__reduce__", "__reduce_ex__", "__getattribute__", "__call__", "__self__", "__func__",
    "__code__", "__builtins__", "_TemplateReference__context", "_Namespace__attrs",
    "parse_raw", "parse_file", "parse_obj", "model_validate_json", "model_dump", "copy",
    "json", "dict", "schema", "construct", "format", "format_map", "ljust", "rjust",
    "center", "zfill", "expandtabs", "join", "replace", "encode", "translate", "mro",
    "fromkeys", "update", "pop", "setdefault", "append", "extend", "insert", "remove",
    "clear", "sort", "reverse", "strftime", "replace", "astimezone", "fromisoformat",
    "table", "what", "items", "environment", "blocks", "eval_ctx", "parent", "vars",
    "exported_vars", "name", "stem", "read_text", "open", "_func", "_body_stream",
    "module", "render", "root_render_func", "filename",
]  # fmt: skip
"""Names that would let a template out if they were readable."""


def _names(obj: Any) -> list[str]:
    return sorted(set(dir(obj)) | set(DANGEROUS))


PAIRS = [(obj, name) for obj in OBJECTS for name in _names(obj)]
PLAIN = (str, int, float, bool, type(None), dt.date, dt.time, tuple, list, dict)


def _is_plain(value: Any) -> bool:
    """True for data, kit's records and lookups, and methods the sandbox lists."""
    if isinstance(value, PLAIN) or type(value) in TEMPLATE_RECORDS or isinstance(value, Lookup):
        return True
    if value is jinja2.utils.missing:  # a loop's previtem before it has one
        return True
    if isinstance(value, MappingProxyType):
        return True
    if isinstance(value, (BuiltinMethodType, MethodType)):
        return value.__name__ in _env().allowed_names(value.__self__)
    return isinstance(value, (jinja2.runtime.Macro, jinja2.runtime.BlockReference))


def _check(obj: Any, name: str) -> None:
    env = _env()
    for value in (env.getattr(obj, name), env.getitem(obj, name)):
        if isinstance(value, jinja2.Undefined):
            continue
        readable = name in env.allowed_names(obj) or isinstance(obj, (dict, MappingProxyType))
        assert readable, (type(obj).__name__, name)
        assert _is_plain(value), (type(obj).__name__, name, type(value))


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: type(o).__name__)
def test_every_name_of_every_object_is_checked(obj: Any) -> None:
    for name in _names(obj):
        _check(obj, name)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(PAIRS) | st.tuples(st.sampled_from(OBJECTS), st.text(min_size=1, max_size=30))
)
def test_fuzz_attribute_names_of_every_object_in_the_context(pair: tuple[Any, str]) -> None:
    obj, name = pair
    _check(obj, name)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["course", "week", "week.points[0]", "course.care", "week.slot"]),
       st.sampled_from(DANGEROUS) | st.text(min_size=1, max_size=20))  # fmt: skip
def test_fuzz_the_attr_filter_and_subscripts(expr: str, name: str) -> None:
    env = _env()
    for source in ("{{ x|attr(n) }}", "{{ x[n] }}"):
        source = source.replace("x", expr)
        try:
            text = env.from_string(source).render(course=COURSE, week=WEEK, n=name)
        except (jinja2.TemplateError, InputError):
            continue
        assert "object at 0x" not in text and "/" not in text.replace("&#x2F;", "")


def test_records_have_no_methods_of_their_own() -> None:
    readable = _env().records
    assert set(readable) == set(TEMPLATE_RECORDS)
    for cls in TEMPLATE_RECORDS:
        own = {n for n in vars(cls) if not n.startswith("_")}
        assert own <= readable[cls], cls
        assert cls.__dataclass_params__.frozen and "__slots__" in vars(cls), cls
    assert not any(isinstance(o, PurePath) for o in OBJECTS)


@pytest.mark.parametrize(
    "source",
    [
        # pydantic's deprecated parsers once unpickled whatever a template gave them.
        "{{ week.points[0].parse_raw('x', proto='pickle', allow_pickle=True) }}",
        "{{ course.care.__class__ }}",
        "{{ week.__class__.__mro__[-1].__subclasses__() }}",
        "{{ '{0.__class__.__mro__}'.format(week) }}",
        "{{ '{0.title}'.format_map(week) }}",
        "{{ week|attr('__class__') }}",
        "{{ week|attr('_' ~ '_class__') }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ cycler(1).next.__func__.__globals__ }}",
        "{{ joiner().__call__.__globals__ }}",
        "{{ namespace.__init__.__globals__.sys }}",
        "{{ namespace(a=1)._Namespace__attrs }}",
        "{{ self._TemplateReference__context.environment }}",
        "{{ week.slot.table }}",
        "{{ week.slot.__call__.__globals__ }}",
        "{{ range.__self__ }}",
        "{{ dict.fromkeys('ab') }}",
        "{{ dict(a=1).update(b=2) }}",
        "{{ 'x'.center(10 ** 9) }}",
        "{{ 'x'.ljust(10 ** 9) }}",
        "{{ '%r'|format(course.templates_dir) }}",
        "{% for l in [1] %}{{ loop.__class__ }}{% endfor %}",
        "{% macro m() %}{% endmacro %}{{ m._func.__globals__ }}",
        "{% import '_common.j2' as c %}{{ c._body_stream }}",
    ],
)
def test_known_escapes_are_refused_while_rendering(source: str) -> None:
    with pytest.raises(jinja2.TemplateError):
        _env().from_string(source).render(course=COURSE, week=WEEK)


def test_only_listed_filters_and_globals() -> None:
    env = _env()
    assert set(env.filters) == BUILTIN_FILTERS | {"attr", "date", "clock", "raw"}
    assert set(env.globals) == {
        *("range", "dict", "cycler", "joiner", "namespace", "part_names"),
        *("_", "gettext", "ngettext"),
    }


def test_the_shared_part_names_cannot_be_changed_by_a_template() -> None:
    env = _env()
    for source in ("{{ part_names.clear() }}", '{% set _ = part_names.pop("opening") %}'):
        with pytest.raises(SecurityError):
            env.from_string(source).render()
    assert env.globals["part_names"]["opening"] == "Welcome and opening question"


FORBIDDEN_EVENTS = (
    "open",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.fork",
    "os.forkpty",
    "subprocess.Popen",
    "pty.spawn",
    "pickle.find_class",
    "marshal.loads",
    "ctypes.",
    "socket.",
    "os.remove",
    "os.rename",
    "os.mkdir",
    "os.chmod",
    "shutil.",
    "import",
    "os.listdir",
    "os.scandir",
    "glob.glob",
)
"""Audit events that mean a file was read or written, or a process or module started."""

_EVENTS: list[str] = []
_RECORDING = [False]


def _hook(event: str, args: tuple) -> None:
    if _RECORDING[0] and event.startswith(FORBIDDEN_EVENTS):
        _EVENTS.append(f"{event} {args!r:.80}")


sys.addaudithook(_hook)


@pytest.fixture
def recorded() -> Iterator[list[str]]:
    """Forbidden audit events while `_RECORDING` is on."""
    _EVENTS.clear()
    try:
        yield _EVENTS
    finally:
        _RECORDING[0] = False


ATTEMPTS = [
    "{{ week.points[0].parse_raw('x', proto='pickle', allow_pickle=True) }}",
    "{{ week.points[0].parse_file('/etc/passwd') }}",
    "{{ course.care[0].parse_file('/etc/passwd') }}",
    "{{ cycler.__init__.__globals__.os.system('true') }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.popen('true') }}",
    "{{ ''.__class__.__mro__[1].__subclasses__()[0] }}",
    "{{ namespace.__init__.__globals__.__builtins__.open('/etc/passwd').read() }}",
    "{{ joiner.__init__.__globals__.__builtins__.__import__('os').system('true') }}",
    "{% include '/etc/passwd' %}",
    "{% include '../../../../../../etc/passwd' %}",
    "{% include 'sys/passwd' %}",
    "{% import '/etc/hostname' as h %}",
    "{{ range.__self__.open('/etc/passwd') }}",
    "{{ dict.__base__.__subclasses__() }}",
    "{{ '{0.__init__.__globals__}'.format(cycler) }}",
    "{{ week.slot.__call__.__globals__.__builtins__.open('/etc/passwd') }}",
]
"""Ways a template might try to read a file or start a process."""


@pytest.mark.parametrize("attempt", ATTEMPTS)
def test_no_template_can_read_a_file_or_start_a_process(
    attempt: str, tmp_path: Path, recorded: list[str]
) -> None:
    folder = tmp_path / "my-templates"
    folder.mkdir()
    (folder / "handout.j2").write_text(f"# x\n{attempt}\n", encoding="utf-8")
    (folder / "sys").symlink_to("/etc")
    env = environment(folder)
    env.get_template("handout.j2")  # reading the template itself is allowed
    _RECORDING[0] = True
    with pytest.raises(InputError) as caught:
        render(env, "handout.j2", course=COURSE, week=WEEK)
    _RECORDING[0] = False
    assert "template error" in str(caught.value)
    assert recorded == []
