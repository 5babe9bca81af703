"""The two jinja2 internals the sandbox relies on, each failing with what to mend.

jinja2 has no public way to list a `namespace()`'s names, nor to route `~` and `for`
through the environment; kit/templating/sandbox.py reaches past its API for both. A
jinja2 release that changes either fails here, by name, before a hostile template
finds the gap.
"""

from __future__ import annotations

from jinja2.utils import Namespace

from kit.templating.sandbox import Sandbox, allowed_names


def test_a_namespace_still_keeps_its_values_where_the_sandbox_reads_them() -> None:
    try:
        held = object.__getattribute__(Namespace(a=1), "_Namespace__attrs")
    except AttributeError:
        held = None
    assert held == {"a": 1}, (
        "jinja2's Namespace no longer keeps its values in __attrs: "
        "sandbox.allowed_names must list a namespace's names another way"
    )
    assert allowed_names(Namespace(a=1, _b=2)) == frozenset({"a"})


def test_joining_and_loops_still_compile_through_the_sandbox() -> None:
    code = Sandbox().compile("{% for x in y %}{{ x ~ 'a' }}{% endfor %}", raw=True)
    assert "environment.concat((" in code, (
        "jinja2 no longer compiles `~` through CodeGenerator.visit_Concat: "
        "the sandbox's _CodeGenerator must measure joined text another way"
    )
    assert "environment.ticking(" in code, (
        "jinja2 no longer compiles a loop's iterable through CodeGenerator.visit: "
        "the sandbox's _CodeGenerator must tick the budget another way"
    )
