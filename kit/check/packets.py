"""Table leaders' packets: the file each named table leader's packet is written to.

A packet's file is named from its leader's name, so a coordinator finds it by name
and can attach it to an e-mail: `leader-packet-dan-mia-lopez.docx`. The name is
kept readable in any script (`leader-packet-josé-núñez.docx`), lowercased, with
every run of spaces and punctuation made one hyphen. Two leaders whose names give
the same file, and a name that gives none, are problems the course check reports.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence

from kit.places import ordinal

PACKET = "leader-packet"
"""The start of every packet's file name; a course without named table leaders gets one
packet of that name for every table."""
LONGEST = 60
"""Most characters of a name kept in a packet's file name."""
LONGEST_BYTES = 180
"""Most bytes of a name kept in a packet's file name, as UTF-8: with `leader-packet-` and
`.docx` well inside the 255 bytes a file name may have on any file system."""


def packet_stem(name: str) -> str | None:
    """The packet file's name without its extension, or None when `name` has no letters."""
    words: list[str] = []
    word: list[str] = []
    # NFKC makes full-width and ligature letters plain, and the same name typed on
    # two computers (composed or not) the same file.
    for char in unicodedata.normalize("NFKC", name).lower():
        if unicodedata.category(char)[0] in "LNM":
            word.append(char)
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    words = [w for w in words if unicodedata.category(w[0])[0] != "M"]
    if not words:
        return None
    slug = "-".join(words)
    if len(slug) > LONGEST or len(slug.encode("utf-8")) > LONGEST_BYTES:
        cut = slug[:LONGEST]
        while len(cut.encode("utf-8")) > LONGEST_BYTES:
            cut = cut[:-1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return f"{PACKET}-{slug}"


def packet_problems(names: Sequence[str | None]) -> Iterator[tuple[int, str]]:
    """Each table leader, by place in `names`, whose packet cannot have a file of its own.

    `names` holds the table leaders' names in the order the course lists them; None
    stands for an item that is not a table leader, so places count every item.
    """
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if name is None:
            continue
        stem = packet_stem(name)
        if stem is None:
            yield (
                i,
                (
                    f"'{name}' has no letters or digits to name this leader's packet "
                    f"({PACKET}-NAME.docx); write the name in letters"
                ),
            )
        elif stem in seen:
            yield (
                i,
                (
                    f"'{name}' gives the same packet file ({stem}.docx) as the "
                    f"{ordinal(seen[stem] + 1)} leader; make the names differ, "
                    "for example with a surname or the table"
                ),
            )
        else:
            seen[stem] = i
