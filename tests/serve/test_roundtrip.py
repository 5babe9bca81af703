"""The page round-trips a course file: what each control shows, sent back, changes nothing."""

from __future__ import annotations

import datetime as dt
import difflib
import html
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip(
    "kit.serve.app", reason="kit serve needs the serve extra: pip install '.[serve]'"
)

from kit.course.course_file import load_course_text
from kit.errors import InputError
from kit.serve.app import Site
from kit.serve.editing import apply

LESSONS = ("trust", "safety", "empathy", "vulnerability", "closeness", "connection")


class Controls(HTMLParser):
    """The editor's controls that send a change, each with the value it shows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict[str, Any]] = []
        self._select: dict[str, Any] | None = None
        self._area: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "option" and self._select is not None:
            if "selected" in a or self._select["value"] is None:
                self._select["value"] = a.get("value", "")
            return
        if a.get("data-op") not in ("set", "reword") or tag == "button":
            return
        control = {"tag": tag, "op": a["data-op"], "attrs": a, "value": a.get("value", "")}
        if tag == "input" and a.get("type") == "checkbox":
            return  # sends a change only when ticked or cleared
        if tag == "select":
            control["value"] = None
            self._select = control
        if tag == "textarea":
            self._area = control
        self.found.append(control)

    def handle_data(self, data: str) -> None:
        if self._area is not None:
            self._area["value"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        if tag == "textarea" and self._area is not None:
            # A browser drops the newline that opens a text area's content.
            self._area["value"] = self._area["value"].removeprefix("\n")
            self._area = None


def controls(page_html: str) -> list[dict[str, Any]]:
    """Every control in `page_html` that sends a change."""
    parser = Controls()
    parser.feed(page_html)
    return parser.found


def change_of(control: dict[str, Any], value: str) -> dict[str, Any]:
    """The change the page sends when `control` is left holding `value`."""
    a = control["attrs"]
    if control["op"] == "reword":
        return {"op": "reword", "week": int(a["data-week"]), "id": a["data-id"], "text": value}
    sent: Any = value.split("\n") if a.get("data-lines") else value
    return {"op": "set", "path": json.loads(a["data-path"]), "value": sent}


# Course files as people write them: plain, quoted or flow, short or long forms.
_words = (
    st.text(
        st.characters(codec="utf-8", categories=["L", "N", "Zs"], include_characters="'&:-,!?"),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
_dates = st.dates(dt.date(2026, 1, 1), dt.date(2029, 12, 31))


def _scalar(draw: Any, text: str) -> str:
    """`text` written plain, in double quotes or in single quotes."""
    form = draw(st.sampled_from(["double", "single", "plain"]))
    if form == "plain" and all(c.isalnum() or c == " " for c in text) and text[0].isalpha():
        return text
    if form == "single":
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text, ensure_ascii=False)


def _between(draw: Any, indent: str = "  ") -> list[str]:
    """What people put between two entries: nothing, a blank line, a comment, or both."""
    lines = [""] if draw(st.booleans()) else []
    if draw(st.booleans()):
        lines.append(f"{indent}# {draw(_words)}")
    return lines


@st.composite
def course_files(draw: Any) -> str:
    """The text of a valid course file."""
    lines = [f"title: {_scalar(draw, draw(_words))}"]
    if draw(st.booleans()):
        lines.append(f"subtitle: {_scalar(draw, draw(_words))}   # a line under the title")
    if draw(st.booleans()):
        lines.append(f"church: {_scalar(draw, draw(_words))}")
    start = draw(st.none() | _dates)
    skips: list[tuple[dt.date, str | None]] = []
    if start:
        every = draw(st.integers(1, 4))
        lines.append(f"start: {start.isoformat()}")
        lines.append(f"every: {every}")
        # Only a meeting date can be skipped: one of the first few after the start.
        later = draw(st.lists(st.integers(1, 6), max_size=3, unique=True))
        labels = draw(st.lists(st.none() | _words, min_size=len(later), max_size=len(later)))
        days = [start + dt.timedelta(weeks=every * n) for n in sorted(later)]
        skips = list(zip(days, labels, strict=True))
    if skips:
        items = [
            d.isoformat() if label is None else f"{{date: {d}, label: {_scalar(draw, label)}}}"
            for d, label in skips
        ]
        if draw(st.booleans()):
            lines.append(f"skip: [{', '.join(items)}]   # no meeting")
        else:
            lines.append("skip:")
            for (d, label), item in zip(skips, items, strict=True):
                if label is not None and draw(st.booleans()):
                    lines.append(f"  - date: {d}\n    label: {_scalar(draw, label)}")
                else:
                    lines.append(f"  - {item}")
    if draw(st.booleans()):
        lines.append(f'time: "{draw(st.integers(6, 21))}:{draw(st.sampled_from(["00", "30"]))}"')
    for key, values in (
        ("date_style", ["us", "international", "iso"]),
        ("time_style", ["12h", "24h"]),
    ):
        if draw(st.booleans()):
            lines.append(f"{key}: {draw(st.sampled_from(values))}")
    if draw(st.booleans()):
        lines.append(f"minutes: {draw(st.integers(9, 36)) * 5}")
    if draw(st.booleans()):
        lines.append(f"translation: {draw(st.sampled_from(['WEB', 'KJV', 'ASV']))}")
    leaders = draw(st.lists(_words, max_size=3))
    if leaders:
        lines.append("leaders:")
        for name in leaders:
            # A table leader is written {name, table, email}, in a block or on one line.
            form = draw(st.sampled_from(["name", "block", "flow"]))
            table = draw(st.integers(1, 12))
            if form == "name":
                lines.append(f"  - {_scalar(draw, name)}")
            elif form == "block":
                lines.append(f"  - name: {_scalar(draw, name)}\n    table: {table}")
                if draw(st.booleans()):
                    lines.append(f"    email: t{table}@example.org   # for the packet")
            else:
                lines.append(f"  - {{name: {_scalar(draw, name)}, email: t{table}@example.org}}")
    notices = draw(st.lists(_words, max_size=2))
    if notices:
        lines.append(f"notices: [{', '.join(_scalar(draw, n) for n in notices)}]")
    contacts = draw(st.lists(_words, max_size=3))
    if contacts:
        lines.append("care:")
        for n, name in enumerate(contacts):
            if n:
                lines.extend(_between(draw))
            lines.append(f"  - name: {_scalar(draw, name)}")
            if draw(st.booleans()):
                lines.append(f"    role: {_scalar(draw, draw(_words))}")
            if draw(st.booleans()):
                lines.append(f"    phone: 555-01{draw(st.integers(10, 99))}")
        lines.extend(_between(draw, indent=""))
    lines.append("weeks:   # one entry per meeting")
    chosen = draw(st.lists(st.sampled_from(LESSONS), min_size=1, max_size=4, unique=True))
    for n, lesson in enumerate(chosen):
        if n:
            lines.extend(_between(draw))
        if draw(st.booleans()):
            lines.append(f"  - {lesson}")
        else:
            lines.append(f"  - lesson: {lesson}")
            if draw(st.booleans()):
                lines.append(f"    title: {_scalar(draw, draw(_words))}")
            if not notices and draw(st.booleans()):
                lines.append("    notices:")
                lines.extend(
                    f"      - {_scalar(draw, n)}"
                    for n in draw(st.lists(_words, min_size=1, max_size=3))
                )
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    folder = tmp_path_factory.mktemp("church")
    return Site(folder / "course.yaml", host="127.0.0.1", port=8765)


def _valid(text: str) -> bool:
    try:
        load_course_text(text, "course.yaml", Path.cwd())
    except InputError:
        return False
    return True


def _lines_of(text: str, path: list[str | int]) -> set[int]:
    """The 0-based lines the item holding `path`'s value is written on."""
    from ruamel.yaml import YAML

    data = YAML().load(text)
    node, line = data, 0
    for part in path[:2]:
        if isinstance(node, dict) and part in node:
            line = node.lc.key(part)[0]
        elif isinstance(node, list) and isinstance(part, int):
            line = node.lc.item(part)[0]
        else:
            break
        node = node[part]
    end = line + 1
    rows = text.splitlines()
    # The item goes on while the lines after it are indented further.
    indent = len(rows[line]) - len(rows[line].lstrip(" "))
    while end < len(rows) and len(rows[end]) - len(rows[end].lstrip(" ")) > indent:
        end += 1
    return set(range(line, end))


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=course_files(), data=st.data())
def test_every_control_sends_back_what_the_file_holds(site: Site, text: str, data: Any) -> None:
    if not _valid(text):
        return  # a random title such as "Five Weeks" only warns; others may not load
    state = site.state(text, 0)
    assert state["text"] == text
    found = controls(state["editor"])
    assert found
    for control in found:
        # What the page shows, sent back as it is, leaves the file byte for byte.
        assert apply(text, change_of(control, control["value"])) == text, control

    # A change to one field changes only the lines that field is written on.
    settable = [c for c in found if c["op"] == "set" and not c["attrs"].get("data-lines")]
    control = data.draw(st.sampled_from(settable))
    path = json.loads(control["attrs"]["data-path"])
    if path[-1] in ("start", "every", "minutes", "time", "translation", "lessons", "templates"):
        return  # values of their own kind, checked beside this test
    if path in (["brand", "slides"], ["brand", "document"], ["date_style"], ["time_style"]):
        return
    new = data.draw(_words)
    if path[0] == "leaders" and path[-1] == "table":
        new = str(data.draw(st.integers(1, 12)))
    if len(path) == 2 and path[0] == "weeks":
        new = data.draw(st.sampled_from(LESSONS))
    if path[0] == "skip" and path[-1] != "label":
        new = data.draw(_dates).isoformat()
    edited = apply(text, change_of(control, new))
    old_rows = text.splitlines()
    changed = {
        i
        for tag, i1, i2, _, _ in difflib.SequenceMatcher(
            None, old_rows, edited.splitlines()
        ).get_opcodes()
        if tag != "equal"
        for i in range(i1, max(i2, i1 + 1))
    }
    from ruamel.yaml import YAML

    data_before = YAML().load(text)
    field = _field_line(data_before, path)
    if field is not None:
        allowed = {field}  # a field the file has: only its own line
    elif path[0] in data_before:
        # A key the item lacks goes right after the item's last line, before the blank
        # lines and comments that lead to the next item; an item written as one value
        # alone is rewritten as a mapping on its own line.
        item = _lines_of(text, path)
        allowed = {max(item) + 1}
        if len(path) > 2 and not isinstance(data_before[path[0]][path[1]], dict):
            allowed |= item
    else:
        allowed = {len(old_rows)}  # a key the file lacks goes at its end
    assert changed <= allowed, (path, new, changed, allowed)


def _field_line(data: Any, path: list[str | int]) -> int | None:
    """The 0-based line a field's value is written on, or None when the file lacks it."""
    node, line = data, None
    for part in path:
        if isinstance(node, dict) and part in node:
            line = node.lc.value(part)[0]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            line = node.lc.item(part)[0]
        else:
            return None
        node = node[part]
    return line


def test_a_labelled_skipped_date_is_shown_with_its_label_and_kept(site: Site) -> None:
    text = (
        "title: Closer\nstart: 2027-03-03\nevery: 2\n"
        "skip: [{date: 2027-03-31, label: Holy Week}, 2027-04-28]   # no meeting\n"
        "weeks: [trust, safety, empathy, vulnerability, closeness]\n"
    )
    state = site.state(text, 0)
    shown = {
        tuple(json.loads(c["attrs"]["data-path"])): c["value"]
        for c in controls(state["editor"])
        if c["attrs"].get("data-path", "").startswith('["skip"')
    }
    assert shown == {
        ("skip", 0, "date"): "2027-03-31",
        ("skip", 0, "label"): "Holy Week",
        ("skip", 1): "2027-04-28",
        ("skip", 1, "label"): "",
    }
    assert "datetime" not in state["editor"]
    assert 'aria-label="Remove 2027-03-31 (Holy Week)"' in html.unescape(state["editor"])
    assert "No meeting: Holy Week" in state["preview"]
    named = apply(text, {"op": "set", "path": ["skip", 1, "label"], "value": "Parish picnic"})
    assert (
        'skip: [{date: 2027-03-31, label: Holy Week}, {date: 2027-04-28, label: "Parish picnic"}]'
        in named
    )
    added = apply(
        text,
        {"op": "add", "path": ["skip"], "value": {"date": "2027-05-26", "label": "Memorial Day"}},
    )
    assert '{date: 2027-05-26, label: "Memorial Day"}] # no meeting' in added


def test_a_skipped_date_the_calendar_lacks_is_shown_as_text_to_correct(site: Site) -> None:
    text = "title: Closer\nstart: 2027-03-03\nskip: ['2027-02-30']\nweeks: [trust]\n"
    state = site.state(text, 0)
    (control,) = [
        c for c in controls(state["editor"]) if "skip" in c["attrs"].get("data-path", "")
    ][:1]
    assert control["attrs"]["type"] == "text" and control["value"] == "2027-02-30"


def test_values_a_control_cannot_show_are_shown_as_text(site: Site) -> None:
    text = (
        "title: [Closer, Together]\nstart: '2027-02-30'\nminutes: sixty\n"
        "skip: [{date: 2027-03-31, label: Holy Week}]\nweeks: [trust]\n"
    )
    found = {c["attrs"].get("id"): c for c in controls(site.state(text, 0)["editor"])}
    assert found["f-title"]["value"] == "[Closer, Together]"
    assert (found["f-start"]["attrs"]["type"], found["f-start"]["value"]) == ("text", "2027-02-30")
    assert (found["f-minutes"]["attrs"]["type"], found["f-minutes"]["value"]) == ("text", "sixty")


NOTICED = """\
title: Closer
leaders:
  - Pastor Sam   # the host
  - name: Dan & Mia Lopez
    table: 3
    email: dm@example.org
  - {name: Jo Park, table: 4}
notices: ["Childcare in Room 104"]   # every week
weeks:
  - lesson: trust
    notices:
      - Meal sign-up in the foyer
  - safety
"""


def test_notices_and_table_leaders_are_shown_and_each_changes_only_its_own_line(
    site: Site,
) -> None:
    state = site.state(NOTICED, 0)
    shown = {
        tuple(json.loads(c["attrs"]["data-path"])): c["value"]
        for c in controls(state["editor"])
        if c["attrs"]
        .get("data-path", "")
        .startswith(('["leaders"', '["notices"', '["weeks", 0, "n'))
    }
    assert shown == {
        ("leaders", 0): "Pastor Sam",
        ("leaders", 0, "table"): "",
        ("leaders", 0, "email"): "",
        ("leaders", 1, "name"): "Dan & Mia Lopez",
        ("leaders", 1, "table"): "3",
        ("leaders", 1, "email"): "dm@example.org",
        ("leaders", 2, "name"): "Jo Park",
        ("leaders", 2, "table"): "4",
        ("leaders", 2, "email"): "",
        ("notices", 0): "Childcare in Room 104",
        ("weeks", 0, "notices", 0): "Meal sign-up in the foyer",
    }
    rows = NOTICED.splitlines()
    for path, value, line in (
        (["leaders", 1, "table"], "5", 4),
        (["leaders", 1, "email"], "dan@example.org", 5),
        (["leaders", 1, "name"], "Dan Lopez", 3),
        (["leaders", 2, "table"], "6", 6),
        (["notices", 0], "Childcare in Room 9", 7),
        (["weeks", 0, "notices", 0], "Bring a dish", 11),
    ):
        edited = apply(NOTICED, {"op": "set", "path": path, "value": value}).splitlines()
        assert len(edited) == len(rows), path
        assert [i for i, (a, b) in enumerate(zip(rows, edited, strict=True)) if a != b] == [line]
        assert value in edited[line]


def test_a_notice_too_long_and_a_week_with_too_many_are_shown_beside_them(site: Site) -> None:
    long = "Childcare for children under five is in Room 104, beside the kitchen, all evening"
    text = NOTICED.replace("Meal sign-up in the foyer", long).replace(
        "    notices:\n", "    notices:\n      - Bring a dish\n      - Parking behind the hall\n"
    )
    state = site.state(text, 0)
    found = {p["field"]: p["words"] for p in state["problems"]}
    assert found == {
        "weeks[0].notices": (
            "week 1's notices: 3 notices here and 1 for the whole course make 4; a week's "
            "closing slide holds 3, so leave some out or put them on the handout another week"
        ),
        "weeks[0].notices[2]": (
            f"week 1, the 3rd notice: is {len(long)} characters long; a notice takes at most 80, "
            'a short line such as "Childcare in Room 104"'
        ),
    }
    # Each has a place beside its field on the page, and the counter says how long.
    editor = html.unescape(state["editor"])
    assert 'data-field="weeks[0].notices"' in editor
    assert 'data-field="weeks[0].notices[2]"' in editor
    assert (
        f'<span class="count over" title="Characters, of at most 80">{len(long)}/80</span>'
        in editor
    )
