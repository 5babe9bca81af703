"""Templates: a sandbox with strict names, checked before rendering, errors at file and line."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import kit
from kit.compose.templates import environment, render
from kit.errors import InputError
from kit.resources import data_dir
from kit.templating.templates import builtin_names, template_problems


def _folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "my-templates"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return folder


def _problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict) -> list[str]:
    folder = _folder(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    return [str(p) for p in sorted(template_problems(folder))]


def _render_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, name: str = "handout.j2"
) -> str:
    folder = _folder(tmp_path, {name: source})
    monkeypatch.chdir(tmp_path)
    course = kit.default_course().course
    with pytest.raises(InputError) as caught:
        render(environment(folder), name, course=course, week=course.weeks[0])
    [problem] = caught.value.problems
    return str(problem)


def test_the_built_in_templates_pass_every_check() -> None:
    assert list(template_problems(data_dir("templates"))) == []
    assert "handout.j2" in builtin_names()


def test_a_copy_of_every_built_in_template_passes(tmp_path: Path) -> None:
    root = data_dir("templates")
    folder = _folder(tmp_path, {n: (root / n).read_text(encoding="utf-8") for n in builtin_names()})
    assert list(template_problems(folder)) == []


def test_syntax_errors_carry_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    problems = _problems(
        tmp_path,
        monkeypatch,
        {
            "handout.j2": "# {{ week.title }}\n\n{% for q in week.questions %}\n{{ q.text }\n",
            "slides.j2": "@slide title\n{% if week.date %}\n# {{ week.title }}\n",
        },
    )
    assert problems == [
        "my-templates/handout.j2:4:1: template syntax: unexpected '}'",
        "my-templates/slides.j2:3:1: template syntax: Unexpected end of template. Jinja was "
        "looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block "
        "that needs to be closed is 'if'.",
    ]


def test_unknown_filters_names_and_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    problems = _problems(
        tmp_path,
        monkeypatch,
        {
            "handout.j2": "# {{ week.title }}\n{{ week.date|dat }}\n",
            "leader-notes.j2": "{% include 'weekplan.j2' %}\n\n{{ cours.title }}\n",
        },
    )
    assert problems[0].startswith(
        "my-templates/handout.j2:2:1: template syntax: no filter named 'dat'; known: abs,"
    )
    assert problems[0].endswith("did you mean 'date'?")
    assert problems[1:] == [
        "my-templates/leader-notes.j2:1:1: template 'weekplan.j2' not found; known: "
        "_common.j2, _handout_week.j2, calendar.j2, handout.j2, leader-guide.j2, "
        "leader-notes.j2, leader-packet.j2, participant-booklet.j2, slides.j2, week-plan.j2; "
        "did you mean 'week-plan.j2'?",
        "my-templates/leader-notes.j2:3:1: 'cours' is not defined here; known: _, course, "
        "cycler, dict, gettext, joiner, namespace, ngettext, part_names, range, week; "
        "did you mean 'course'?",
    ]


def test_the_guide_has_no_week(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    problems = _problems(tmp_path, monkeypatch, {"leader-guide.j2": "# {{ week.title }}\n"})
    assert problems == [
        "my-templates/leader-guide.j2:1:1: 'week' is not defined here; known: _, course, cycler, "
        "dict, gettext, joiner, namespace, ngettext, part_names, range"
    ]


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "__class__"),
        ("{{ course['__init__'] }}", "__init__"),
        ("{{ week|attr('__dict__') }}", "__dict__"),
        ("{{ self._TemplateReference__context }}", "_TemplateReference__context"),
        ("{{ cycler.__init__.__globals__.os }}", "__init__"),
    ],
)
def test_python_internals_are_refused_before_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, name: str
) -> None:
    problems = _problems(tmp_path, monkeypatch, {"handout.j2": f"# Title\n\n{source}\n"})
    assert (
        f"my-templates/handout.j2:3:1: '{name}' is not allowed: templates see the course "
        "and its text, not Python's internals"
    ) in problems


def test_file_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    problems = _problems(
        tmp_path,
        monkeypatch,
        {
            "handot.j2": "x\n",
            "slides.jinja": "x\n",
            "_my-macros.j2": "{% macro hi() %}hi{% endmacro %}\n",
            "README.md": "Our church's wording.\n",
            ".handout.j2.swp": b"\x00\x01",
        },
    )
    assert problems == [
        "my-templates/handot.j2:1:1: no built-in template 'handot.j2' to override; known: "
        "_common.j2, _handout_week.j2, calendar.j2, handout.j2, leader-guide.j2, "
        "leader-notes.j2, leader-packet.j2, participant-booklet.j2, slides.j2, week-plan.j2; "
        "did you mean 'handout.j2'?",
        "my-templates/slides.jinja:1:1: templates end in .j2; rename it to slides.j2",
    ]


def test_binary_and_non_utf8_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    problems = _problems(
        tmp_path, monkeypatch, {"handout.j2": b"# x\n\x00", "slides.j2": b"caf\xe9\n"}
    )
    assert problems == [
        "my-templates/handout.j2:2:1: not a text file (it holds a NUL byte); "
        "save it as plain UTF-8 text",
        "my-templates/slides.j2:1:4: not UTF-8 text (byte 0xE9 cannot be read); save it as UTF-8",
    ]


def test_an_unknown_field_at_render_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    problem = _render_error(tmp_path, monkeypatch, "# {{ week.title }}\n\n{{ week.big_idear }}\n")
    assert problem.startswith(
        "my-templates/handout.j2:3:1: template error: Week has no 'big_idear'; known: big_idea,"
    )
    assert problem.endswith("did you mean 'big_idea'?")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "{{ week|attr('_' ~ '_class__') }}",
            "access to attribute '__class__' of 'Week' object is unsafe; "
            "templates see the course and its text, not Python",
        ),
        (
            "{{ course.templates_dir.read_text() }}",
            "Course has no 'templates_dir'; known: arrival, care, church, date_style, every,",
        ),
        (
            "{% set l = [1] %}{{ l.append(2) }}",
            "access to attribute 'append' of 'list' object is unsafe; "
            "templates see the course and its text, not Python",
        ),
        ("{{ 'la' * 10 ** 9 }}", "repeating 2 item(s) 1000000000 times is too large"),
        ("{{ 2 ** 100000 }}", "2 ** 100000 is too large to compute"),
        ("{{ (2 ** 64) ** 2000 }}", "18446744073709551616 ** 2000 is too large to compute"),
        (
            "{{ range(10 ** 7)|list }}",
            "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).",
        ),
        (
            "{{ (('ab' * 50000) ~ ('ab' * 50000))|list|sort|length }}",
            "the filter 'list' would make a list of more than 100,000 items",
        ),
        ("{{ lipsum(10 ** 6) }}", "'lipsum' is not defined here; known: course, week"),
        ("{{ 1 / 0 }}", "ZeroDivisionError: division by zero"),
    ],
)
def test_runaway_and_unsafe_templates_fail_at_their_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, message: str
) -> None:
    problem = _render_error(tmp_path, monkeypatch, f"# {{{{ week.title }}}}\n\n{source}\n")
    assert problem.startswith("my-templates/handout.j2:3:1: template error: ")
    assert message in problem


def test_nothing_of_a_path_can_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, {"handout.j2": "{{ d.name }}\n"})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="access to attribute 'name' of 'PosixPath'"):
        render(environment(folder), "handout.j2", d=folder / "x.j2")


def test_values_are_escaped_unless_raw() -> None:
    env = environment()
    text = env.from_string("{{ a }}\n{{ a|raw }}").render(a="# not a heading *bold*")
    assert text == "\\# not a heading \\*bold\\*\n# not a heading *bold*"


def test_an_error_outside_any_user_template_is_not_blamed_on_the_user(tmp_path: Path) -> None:
    course = kit.default_course().course
    week = dataclasses.replace(course.weeks[0], date="not a date")  # kit's own mistake
    folder = _folder(tmp_path, {"slides.j2": "x\n"})
    # The date filter fails on kit's own bad value as Python would, not as a user's error.
    with pytest.raises(AttributeError):
        render(environment(folder), "handout.j2", course=course, week=week)


def test_a_course_with_bad_templates_fails_to_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder(tmp_path, {"handout.j2": "{{ ''.__class__ }}\n"})
    (tmp_path / "course.yaml").write_text(
        "title: x\ntemplates: my-templates/\nweeks: [trust]\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        kit.load_course("course.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "my-templates/handout.j2:1:1: '__class__' is not allowed: templates see the course "
        "and its text, not Python's internals"
    ]
