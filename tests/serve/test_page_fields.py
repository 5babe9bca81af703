"""The page offers every field of the course file, each as the schema declares it."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from typing import Any

import pytest

pytest.importorskip(
    "kit.serve.app", reason="kit serve needs the serve extra: pip install '.[serve]'"
)

from kit.load import declared, schema, scripture
from kit.serve.app import Site
from kit.serve.editing import coerce

TEXT_ONLY = {
    ("weeks", "*", "questions", "replace", "*", "note"),
    ("weeks", "*", "questions", "replace", "*", "follow_up", "*"),
    ("weeks", "*", "questions", "add", "*", "follow_up", "*"),
}
"""Fields the page leaves to the course file's text, under Advanced: a rewording's own
leader note and follow-ups, and an added question's follow-ups."""
SCHEMA = schema.CourseFile.model_json_schema()
"""The course file's schema as pydantic writes it: read apart from the page's own reading."""

COURSE = """\
title: Closer
leaders:
  - Pastor Sam
  - {name: Dan & Mia Lopez, table: 2, email: dan@example.org}
start: 2027-01-10
skip:
  - {date: 2027-01-17, label: Church retreat}
notices: [Childcare in Room 104]
care:
  - {name: Church office, role: Care, phone: 555-0100, email: care@example.org, note: Weekdays}
weeks:
  - trust
  - lesson: empathy
    notices: [Bring a calendar]
    questions:
      add:
        - text: What makes listening hard for you?
          id: empathy-own
"""
"""A course with an item of every list, so that the page shows a control for each field."""


class Controls(HTMLParser):
    """The editor's controls that change the course file, with what each offers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict[str, Any]] = []
        self._select: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "option" and self._select is not None:
            self._select["options"].append(a.get("value", ""))
        elif (a.get("data-op") and tag != "button") or a.get("data-op") in ("add", "drop"):
            self.found.append({"tag": tag, "attrs": a, "options": []})
            self._select = self.found[-1] if tag == "select" else None

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _members(node: dict[str, Any]) -> list[dict[str, Any]]:
    node = _resolve(node)
    union = node.get("anyOf") or node.get("oneOf")
    if union is None:
        return [node]
    return [m for u in union for m in _members(u) if m.get("type") != "null"]


def _leaves(node: dict[str, Any], at: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """Every field of the schema that holds a value, by its place, `*` for any item."""
    found: dict[tuple[str, ...], Any] = {}
    members = _members(node)
    objects = [m for m in members if "properties" in m]
    for member in objects:  # a value beside a mapping (a leader's name) is the mapping's
        for name, sub in member["properties"].items():
            found.update(_leaves(sub, (*at, name)))
    for member in members:
        inner = member.get("items") or member.get("additionalProperties")
        if isinstance(inner, dict):
            found.update(_leaves(inner, (*at, "*")))
        elif not objects:
            found[at] = {"description": node.get("description"), **member}
    return found


LEAVES = _leaves(SCHEMA)


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("church")
    site = Site(folder / "course.yaml", host="127.0.0.1", port=8765)
    state = site.state(COURSE, 1)
    assert state["problems"] == []
    parser = Controls()
    parser.feed(state["editor"])
    return parser.found


def _written(control: dict[str, Any]) -> tuple[str, ...]:
    """The field of the course file a control writes."""
    a = control["attrs"]
    if a["data-op"] == "drop":
        return ("weeks", "*", "questions", "drop", "*")
    if a["data-op"] == "reword":
        return ("weeks", "*", "questions", "replace", "*", "text")
    path = json.loads(a["data-path"])
    if a["data-op"] == "add" or a.get("data-lines"):
        path = [*path, 0, *([a["data-wrap"]] if a.get("data-wrap") else [])]
    found = declared.field(path)
    assert found is not None, path
    return found.path


def test_every_field_of_the_schema_has_a_control_or_is_left_to_the_text(editor: list) -> None:
    offered = {_written(c) for c in editor if c["attrs"]["data-op"] in ("set", "add", "drop")}
    offered |= {_written(c) for c in editor if c["attrs"]["data-op"] == "reword"}
    assert set(LEAVES) - offered - TEXT_ONLY == set()
    assert offered - set(LEAVES) == set()
    assert set(LEAVES) >= TEXT_ONLY


def test_each_control_is_of_its_fields_kind_within_its_limits(editor: list) -> None:
    checked = set()
    for control in editor:
        a = control["attrs"]
        if a["data-op"] != "set":
            continue
        field = LEAVES[_written(control)]
        kind = (a.get("type") or control["tag"]) if control["tag"] == "input" else control["tag"]
        if field.get("type") == "integer":
            span = [str(n) for n in range(field["minimum"], field.get("maximum", 0) + 1)]
            assert (kind, a.get("min")) == ("number", str(field["minimum"])) or (
                control["options"] == span
            ), a
            assert a.get("max", str(field.get("maximum"))) == str(field.get("maximum")), a
        elif field.get("type") == "boolean":
            assert kind == "checkbox", a
        elif "enum" in field:
            assert (kind, control["options"]) == ("select", field["enum"]), a
        elif field.get("format") == "date":
            assert kind == "date", a
        else:
            assert kind in ("text", "email", "textarea", "select"), a
        checked.add(_written(control))
    assert ("minutes",) in checked and ("leaders", "*", "table") in checked


def test_translations_are_picked_from_those_installed(editor: list) -> None:
    (picker,) = [c for c in editor if c["attrs"].get("data-path") == '["translation"]']
    assert picker["options"] == scripture.available()


def test_help_lines_are_the_fields_docstrings() -> None:
    described = {path: f for path, f in LEAVES.items() if f["description"]}
    assert len(described) > 30
    for path, field in described.items():
        found = declared.field(path)
        assert found is not None and found.help == " ".join(field["description"].split())


@pytest.mark.parametrize(
    ("path", "typed", "written"),
    [
        (["arrival"], "30", 30),
        (["leaders", 1, "table"], " 3 ", 3),
        (["intimacy"], "false", False),
        (["weeks", 0, "questions", "add", 0, "level"], " dig ", "dig"),
        (["skip", 0], "2027-01-17", dt.date(2027, 1, 17)),
        (["helplines", "abuse"], "112", "112"),
    ],
)
def test_what_is_typed_is_written_as_its_fields_kind(path: list, typed: str, written: Any) -> None:
    assert coerce(path, typed) == written
