"""Loading YAML: safe values only, positions of everything, bounded expansion and size."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from kit.errors import InputError, Problem
from kit.load import yamlfile
from kit.load.yamlfile import MAX_BYTES, MAX_DEPTH, MAX_NODES, load_file, load_text


def _problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_text(text, "f.yaml")
    return [str(p) for p in caught.value.problems]


def test_plain_values_and_their_positions(parser: str) -> None:
    doc = load_text(
        "title: Closer\nstart: 2027-01-10\nminutes: 90\nweeks:\n  - trust\n  - {lesson: safety}\n",
        "c.yaml",
    )
    assert doc.data == {
        "title": "Closer",
        "start": dt.date(2027, 1, 10),
        "minutes": 90,
        "weeks": ["trust", {"lesson": "safety"}],
    }
    assert doc.values[("minutes",)] == (3, 10)
    assert doc.keys[("minutes",)] == (3, 1)
    assert doc.values[("weeks", 1, "lesson")] == (6, 14)
    assert doc.problem(("weeks", 1, "lesson"), "x") == Problem(
        "c.yaml", 6, 14, "weeks[1].lesson", "x"
    )


def test_positions_count_characters_not_bytes(parser: str) -> None:
    doc = load_text('church: "Café Église"\nx: [é, y]\n', "c.yaml")
    assert doc.values[("x", 1)] == (2, 8)


def test_a_clock_time_stays_text_and_keys_stay_as_written(parser: str) -> None:
    doc = load_text("time: 18:30\non: 1\nyes: 2\n3: 4\n", "c.yaml")
    assert doc.data == {"time": "18:30", "on": 1, "yes": 2, "3": 4}


def test_an_impossible_date_is_left_for_the_schema(parser: str) -> None:
    assert load_text("start: 2027-02-30\n", "c.yaml").data == {"start": "2027-02-30"}


def test_empty_and_comment_only_files_hold_nothing(parser: str) -> None:
    assert load_text("", "c.yaml").data is None
    assert load_text("# nothing\n", "c.yaml").data is None


@pytest.mark.parametrize(
    "text",
    [
        "title: !!python/object/apply:os.system ['echo hi']\n",
        "title: !!python/name:os.system\n",
        "x: !!binary aGk=\n",
        "x: !!set {a}\n",
        "x: !custom 1\n",
        "x: !!omap [a: 1]\n",
    ],
)
def test_only_plain_tags_are_allowed(parser: str, text: str) -> None:
    [problem] = _problems(text)
    assert "marks a kind of value kit does not read; write plain text, numbers or dates" in problem
    assert problem.startswith("f.yaml:1:")


def test_a_python_tag_is_named_as_written() -> None:
    assert _problems("title: !!python/object:os.system {}\n") == [
        "f.yaml:1:8: title: '!!python/object:os.system' marks a kind of value kit does not read; "
        "write plain text, numbers or dates"
    ]


def test_duplicate_keys_are_located_with_the_first(parser: str) -> None:
    assert _problems("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n") == [
        "f.yaml:4:3: b.c: 'c' is given twice (first at line 3); keep one of them",
        "f.yaml:5:1: a: 'a' is given twice (first at line 1); keep one of them",
    ]


BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)
"""Nine levels of nine aliases: a billion values from a file under 1 kB."""


def test_an_alias_bomb_is_refused(parser: str) -> None:
    assert len(BILLION_LAUGHS) < 1000
    [problem] = _problems(BILLION_LAUGHS)
    assert problem.endswith(
        f"aliases expand this file to more than {MAX_NODES:,} values; write the values out instead"
    )


def test_a_merge_key_bomb_is_refused(parser: str) -> None:
    text = "a0: &a0 {k: v}\n" + "".join(
        f"a{i}: &a{i}\n  <<: [*a{i - 1}, *a{i - 1}, *a{i - 1}]\n" for i in range(1, 40)
    )
    [problem] = _problems(text)
    assert "aliases expand this file to more than" in problem


def test_modest_aliases_and_merges_work(parser: str) -> None:
    doc = load_text(
        "base: &base {audience: couple, level: dig}\n"
        "q1: {<<: *base, text: One}\n"
        "q2:\n  <<: [*base, {level: open, optional: true}]\n  level: reflect\n"
        "list: &l [a, b]\nagain: *l\n",
        "f.yaml",
    )
    assert doc.data["q1"] == {"audience": "couple", "level": "dig", "text": "One"}
    assert doc.data["q2"] == {"audience": "couple", "level": "reflect", "optional": True}
    assert doc.data["again"] == ["a", "b"]
    assert doc.values[("q1", "text")] == (2, 23)


def test_a_merge_of_something_other_than_a_mapping_is_an_error(parser: str) -> None:
    assert _problems("a: &a [1]\nb: {<<: *a}\n") == [
        "f.yaml:1:8: b: a merge (<<) must name a mapping, such as *base"
    ]


@pytest.mark.parametrize("deep", [MAX_DEPTH + 1, 400, 20_000])
def test_nesting_is_bounded(parser: str, deep: int) -> None:
    [problem] = _problems("x: " + "[" * deep + "]" * deep + "\n")
    assert problem == f"f.yaml:1:{MAX_DEPTH + 3}: nested more than {MAX_DEPTH} levels deep"


@pytest.mark.parametrize("opener", ["- ", "? ", "- [", "{a: "])
def test_nesting_on_one_line_is_bounded(parser: str, opener: str) -> None:
    """libyaml would crash the process on these, 200,000 levels deep."""
    with pytest.raises(InputError) as caught:
        load_text(opener * 200_000 + "x\n", "f.yaml")
    assert len(caught.value.problems) == 1


def test_block_nesting_is_bounded_too(parser: str) -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5))
    [problem] = _problems(text)
    assert problem.endswith(f"nested more than {MAX_DEPTH} levels deep")


def test_nesting_up_to_the_limit_is_fine(parser: str) -> None:
    deep = MAX_DEPTH - 1
    doc = load_text("x: " + "[" * deep + "]" * deep + "\n", "f.yaml")
    assert doc.data["x"] is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'title: "Closer\nweeks: []\n',
            '1:8: YAML syntax: this quoted text has no closing quote; add a " where the text ends',
        ),
        ("a: 1\n b: 2\n", "2:3: YAML syntax: a ': ' inside a value; put the whole value in quotes"),
        ("- a\nb: 1\n", "2:1: YAML syntax: this line's indentation does not match the lines above"),
        ("a:\n\t- b\n", "2:1: YAML syntax: this line is indented with a tab; indent with spaces"),
        ("a:\n  -\tb\n", "2:4: YAML syntax: a tab; indent with spaces, not tabs"),
        ("a: [1, 2\nb: 3\n", "1:4: YAML syntax: this list is not closed; add the ']'"),
        ("a: {x: 1\n", "1:4: YAML syntax: this mapping is not closed; add the '}'"),
        ("a: *nope\n", "1:4: YAML syntax: an alias (*name) with no anchor (&name) above it"),
        ("a: 1\n---\nb: 2\n", "2:1: YAML syntax: a second document ('---'); a file holds one"),
        ('a: "C:\\q"\n', "1:8: YAML syntax: a backslash in double quotes starts an escape"),
        ("a: @home\n", "1:4: YAML syntax: this character cannot start a value; use quotes"),
    ],
)
def test_syntax_errors_are_located_in_plain_words(parser: str, text: str, expected: str) -> None:
    [problem] = _problems(text)
    assert problem.startswith(f"f.yaml:{expected}")


def test_both_parsers_word_errors_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ['title: "x\n', "a:\n\t- b\n", "a: [1\n", "a: \x07\n", "a: !!set {}\n"]
    fast = [_problems(t) for t in texts]
    monkeypatch.setattr(yamlfile, "_FAST", None)
    assert [_problems(t) for t in texts] == fast


def test_control_characters_are_located(parser: str) -> None:
    assert _problems("title: x\nchurch: a\x07b\n") == [
        "f.yaml:2:10: contains the control character U+0007, "
        "which a YAML file cannot hold; delete it"
    ]


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("# padding\n" * (MAX_BYTES // 10 + 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_file(path, "big.yaml")
    assert str(caught.value) == (
        f"big.yaml:1:1: file is {MAX_BYTES + 10:,} bytes; "
        f"kit reads files of at most {MAX_BYTES:,} bytes"
    )


def test_a_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("a: 1\n" + "#" * (MAX_BYTES - 6) + "\n", encoding="utf-8")
    assert load_file(path).data == {"a": 1}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a: 1\nb: \x00\x01", "f:2:4: not a text file (it holds a NUL byte)"),
        (b"a: caf\xe9\n", "f:1:7: not UTF-8 text (byte 0xE9 cannot be read); save it as UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00", "f:3:1: not a text file"),
    ],
)
def test_binary_and_non_utf8_files_are_located(tmp_path: Path, raw: bytes, expected: str) -> None:
    path = tmp_path / "f"
    path.write_bytes(raw)
    with pytest.raises(InputError) as caught:
        load_file(path, "f")
    assert str(caught.value).startswith(expected)


def test_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: x\n")
    assert load_file(path).data == {"title": "x"}


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^nope.yaml: no such file$"):
        load_file(tmp_path / "nope.yaml", "nope.yaml")
    with pytest.raises(InputError, match=r"^dir: is a folder, not a file$"):
        load_file(tmp_path, "dir")


def test_libyaml_is_not_trusted_with_deep_nesting(monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml composes flow collections recursively in C and would crash the process."""
    if yamlfile._FAST is None:
        pytest.skip("PyYAML was built without libyaml")
    used: list[str] = []
    real = yamlfile._FAST

    def spy(text: str) -> yaml.SafeLoader:
        used.append("libyaml")
        return real(text)

    monkeypatch.setattr(yamlfile, "_FAST", spy)
    load_text("x: [1, 2]\n", "f")
    assert used == ["libyaml"]
    for opener in ("[", "- ", "? "):
        with pytest.raises(InputError):
            load_text("x: " + opener * 200_000, "f")
    assert used == ["libyaml"]


@pytest.mark.parametrize("text", ["a: &a [*a]\n", "a: &a {b: *a}\n", "a: &a {<<: *a}\n"])
def test_an_alias_inside_its_own_anchor_is_refused(parser: str, text: str) -> None:
    assert _problems(text) == [f"f.yaml:1:4: nested more than {MAX_DEPTH} levels deep"]
