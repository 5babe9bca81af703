"""Extract the verses the built-in lessons quote from the current World English Bible.

pythonbible ships an older edition of the WEB ("He who is unrighteous in a very little",
Luke 16:10; the current text reads "dishonest"). The current edition is public domain
and packaged by Debian as `sword-text-web` (the SWORD module engWEB2015eb). This script
reads it with pysword and writes the verses the built-in lessons need, once, into
kit/load/web.json, which kit prefers to pythonbible's text for those verses.

Run it again when a built-in lesson names a new passage:

    apt-get install sword-text-web
    python3 -m venv /tmp/pysword-venv && /tmp/pysword-venv/bin/pip install pysword==0.2.8
    /tmp/pysword-venv/bin/python design/extract_web.py

It needs only pysword and the standard library; kit itself is not imported.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from pysword.modules import SwordModules

ROOT = Path(__file__).resolve().parent.parent
SWORD = Path("/usr/share/sword")
MODULE = "engWEB2015eb"
OUT = ROOT / "kit" / "load" / "web.json"

# Each lesson names its passages on one line: scripture: ["Luke 16:10", "James 1:19-20"].
SCRIPTURE = re.compile(r"^scripture:\s*\[(.*)\]\s*$", re.MULTILINE)
REFERENCE = re.compile(r"^(?P<book>.+?) (?P<chapter>\d+):(?P<first>\d+)(?:-(?P<last>\d+))?$")
ROMAN = {"1": "I", "2": "II", "3": "III"}


def references() -> list[str]:
    """Every passage the built-in lessons name, in lesson order."""
    found = []
    for path in sorted((ROOT / "lessons" / "en").glob("*.yaml")):
        for line in SCRIPTURE.findall(path.read_text(encoding="utf-8")):
            found += [ref.strip().strip('"') for ref in line.split(",")]
    return found


def sword_book(name: str) -> str:
    """The module's name for a book as the lessons write it: "1 Thessalonians" is
    "I Thessalonians", a single "Psalm" is in "Psalms"."""
    number, _, rest = name.partition(" ")
    if number in ROMAN:
        return f"{ROMAN[number]} {rest}"
    return "Psalms" if name == "Psalm" else name


def debian_version(package: str) -> str:
    """The installed version of a Debian package."""
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=True
    )
    return out.stdout


def main() -> None:
    modules = SwordModules(str(SWORD))
    modules.parse_modules()
    bible = modules.get_bible_from_module(MODULE)
    books = bible.get_structure().get_books()
    # pythonbible numbers the 66 books of the Protestant canon in order (Genesis 1,
    # Matthew 40); the module's Old Testament list goes on with the Deuterocanon.
    canon = [b.name for b in books["ot"][:39]] + [b.name for b in books["nt"]]
    verses: dict[str, str] = {}
    for ref in references():
        match = REFERENCE.match(ref)
        if match is None:
            raise SystemExit(f"cannot read the reference {ref!r}")
        book = sword_book(match["book"])
        chapter, first = int(match["chapter"]), int(match["first"])
        for verse in range(first, int(match["last"] or first) + 1):
            text = bible.get(books=[book], chapters=[chapter], verses=[verse], clean=True)
            verse_id = (canon.index(book) + 1) * 1_000_000 + chapter * 1_000 + verse
            verses[str(verse_id)] = " ".join(text.split())
    data = {
        "about": (
            "Verses of the current World English Bible (public domain) that the built-in "
            "lessons quote, by pythonbible verse id; written by design/extract_web.py."
        ),
        "source": (
            f"Debian package sword-text-web {debian_version('sword-text-web')}, SWORD module "
            f"{MODULE}, read with pysword"
        ),
        "verses": dict(sorted(verses.items(), key=lambda item: int(item[0]))),
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(verses)} verses to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
