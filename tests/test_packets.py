"""Table leaders' packets: one per named table leader, or one for every table, each whole."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import docx
import pytest
from helpers import FIXTURES, MANIFEST, docx_lines, docx_rows

import kit
from kit.pipeline import build_kit

PACKETS = FIXTURES / "packets"
NAMED = {
    "leader-packet-dan-mia-lopez.docx": ("Dan & Mia Lopez", "Your table: 3"),
    "leader-packet-josé-núñez.docx": ("José Núñez", "Your table: 1"),
    "leader-packet-priya-raman.docx": ("Priya Raman", "Your table: ask the host"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("packets") / "build"
    kit.build(kit.load_course(PACKETS / "course.yaml"), out)
    return out


CRISIS = "A couple in crisis"
"""How the general care notes begin."""
SEE = "For danger, suicide or self-harm, and a child\u2019s safety, see the care page at the front."
"""What each week of a packet says in place of the general care notes."""


def _notes(folder: Path, week: int) -> list[str]:
    """A week's leader notes as the packet holds them.

    All but the line naming the file, and the general care notes and contacts, which the
    packet gives once, on its care page, saying so in their place.
    """
    lines = docx_lines(folder / f"week-{week:02d}-leader-notes.docx")
    assert lines[0].startswith("Leader notes · ")
    lines = [line for line in lines[1:] if line]
    return [*lines[: next(n for n, line in enumerate(lines) if line.startswith(CRISIS))], SEE]


def test_each_named_table_leader_gets_a_packet_and_no_one_else(built: Path) -> None:
    packets = sorted(p.name for p in built.glob("leader-packet*"))
    assert packets == sorted(NAMED)
    # The course's own leader, named in plain words, leads the course, not a table.
    assert "Led by Pastor Sam & Ruth Ortiz" in docx_lines(built / "leader-guide.docx")


@pytest.mark.parametrize("name", sorted(NAMED))
def test_a_packet_holds_its_leaders_name_and_table_and_every_weeks_notes(
    built: Path, name: str
) -> None:
    leader, table = NAMED[name]
    lines = docx_lines(built / name)
    assert lines[:3] == [
        f"Table leader\u2019s packet for {leader}",
        "Closer: Building Connection in Marriage",
        table,
    ]
    assert docx.Document(str(built / name)).core_properties.title == (
        f"Table leader\u2019s packet for {leader}: Closer: Building Connection in Marriage"
    )
    assert "Wednesday, February 3, 2027 to Wednesday, February 24, 2027, 7:00 pm" in lines
    assert "No meeting on Feb 17 (Ash Wednesday)" in lines
    body = [line for line in lines if line]
    for week in (1, 2, 3):
        notes = _notes(built, week)
        start = body.index(notes[0])
        assert body[start : start + len(notes)] == notes, f"week {week}"
    assert "Pastor Sam Ortiz, Care pastor · 555-0100" in lines


def test_a_packet_gives_the_care_notes_once_and_names_whom_to_tell(built: Path) -> None:
    lines = docx_lines(built / "leader-packet-dan-mia-lopez.docx")
    assert len([line for line in lines if line.startswith(CRISIS)]) == 1
    assert lines.count("Care contacts") == 0
    assert lines.count(SEE) == 3
    assert (
        "You are not expected to be a counselor: listen, keep people safe, and help them "
        "find the right help. The course is led by Pastor Sam & Ruth Ortiz: tell them the "
        "same evening about anything that worries you. What someone told you is theirs: ask "
        "before passing it on; without consent, pass on only danger or a child at risk."
    ) in lines


def test_a_packet_gives_the_date_and_time_of_every_meeting(built: Path) -> None:
    rows = docx_rows(built / "leader-packet-dan-mia-lopez.docx", "Week")
    assert rows == [
        ["Week", "Date", "Time", "Lesson"],
        ["1", "Wednesday, February 3, 2027", "7:00 pm to 8:15 pm", "Someone You Can Count On"],
        ["2", "Wednesday, February 10, 2027", "7:00 pm to 8:15 pm", "A Safe Place to Land"],
        ["", "Wednesday, February 17, 2027", "", "No meeting: Ash Wednesday"],
        ["3", "Wednesday, February 24, 2027", "7:00 pm to 8:15 pm", "Seeing Through Their Eyes"],
    ]


def test_without_named_table_leaders_one_packet_serves_every_table(builtin_kit: Path) -> None:
    assert [p.name for p in builtin_kit.glob("leader-packet*")] == ["leader-packet.docx"]
    lines = docx_lines(builtin_kit / "leader-packet.docx")
    assert lines[:3] == [
        "Table leader\u2019s packet",
        "Closer: Six Weeks of Building Connection",
        "A marriage small-group study",
    ]
    assert "For every table leader" in lines
    body = [line for line in lines if line]
    for week in range(1, 7):
        notes = _notes(builtin_kit, week)
        start = body.index(notes[0])
        assert body[start : start + len(notes)] == notes, f"week {week}"


def test_a_rebuild_with_fewer_leaders_removes_only_their_packets(
    built: Path, tmp_path: Path
) -> None:
    out = tmp_path / "build"
    shutil.copytree(built, out)
    before = {p.name: _digest(p) for p in out.iterdir()}
    course = tmp_path / "course.yaml"
    text = (PACKETS / "course.yaml").read_text(encoding="utf-8")
    course.write_text(text.replace('  - {name: "Priya Raman"}\n', ""), encoding="utf-8")
    published = build_kit(kit.load_course(course), out)
    assert published.removed == ["leader-packet-priya-raman.docx"]
    after = {p.name: _digest(p) for p in out.iterdir()}
    del before["leader-packet-priya-raman.docx"]
    assert {n: d for n, d in after.items() if n != MANIFEST} == {
        n: d for n, d in before.items() if n != MANIFEST
    }
    # Without any named table leader, one packet for every table replaces theirs.
    plain = [line for line in text.splitlines() if not line.startswith("  - {name:")]
    course.write_text("\n".join(plain) + "\n", encoding="utf-8")
    published = build_kit(kit.load_course(course), out)
    assert published.removed == [
        "leader-packet-dan-mia-lopez.docx",
        "leader-packet-josé-núñez.docx",
    ]
    assert sorted(p.name for p in out.glob("leader-packet*")) == ["leader-packet.docx"]


def test_packets_are_the_same_bytes_at_every_build(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    kit.build(kit.load_course(PACKETS / "course.yaml"), again)
    for name in NAMED:
        assert _digest(again / name) == _digest(built / name), name


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_guide_lists_the_packets_and_the_booklet(built: Path, builtin_kit: Path) -> None:
    named = docx_lines(built / "leader-guide.docx")
    assert any(
        line.startswith("Table-leader packets: one for each table leader, with their name")
        for line in named
    )
    one = docx_lines(builtin_kit / "leader-guide.docx")
    assert any(line.startswith("Table-leader packet: one file holding") for line in one)
    assert any(line.startswith("Couples\u2019 booklet: the whole course") for line in one)
