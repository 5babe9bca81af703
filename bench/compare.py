"""Build the built-in course and every fixture course, or compare two such builds byte by byte.

    python bench/compare.py build DIR     # DIR/<case>/... for every case that builds
    python bench/compare.py diff OLD NEW  # names every file that differs or is missing

Used to show that a change to kit's code leaves every output as it was: build before the
change, build after it, and diff the two folders.
"""

from __future__ import annotations

import argparse
import filecmp
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def cases() -> dict[str, Path | None]:
    """Each case's name and course file (None for the built-in course)."""
    found: dict[str, Path | None] = {"builtin": None}
    for course in sorted(FIXTURES.glob("*/course.yaml")):
        found[course.parent.name] = course
    return found


CHURCH_COURSE = f"""title: Built-in lessons on both church templates
weeks: [trust, safety, empathy, vulnerability, closeness, connection]
brand:
  slides: {FIXTURES / "church-pptx/brand/church.pptx"}
  document: {FIXTURES / "brand-docx/brand/church.docx"}
"""
"""The six built-in lessons on the fixtures' church templates, a case of its own."""


def build(out: Path) -> int:
    """Build every case that loads into `out/<case>`; print the ones that do not load."""
    import tempfile

    import kit
    from kit.errors import KitError

    found = cases()
    work = Path(tempfile.mkdtemp())
    found["builtin-church"] = work / "course.yaml"
    found["builtin-church"].write_text(CHURCH_COURSE)
    for name, course_file in found.items():
        try:
            course = kit.default_course() if course_file is None else kit.load_course(course_file)
        except KitError as exc:
            print(f"{name}: not built ({str(exc).splitlines()[0]})")
            continue
        paths = kit.build(course, out / name)
        print(f"{name}: {len(paths)} files")
    return 0


def diff(old: Path, new: Path) -> int:
    """Print every file that is missing from one side or differs; 1 when any does."""
    olds = {p.relative_to(old) for p in old.rglob("*") if p.is_file()}
    news = {p.relative_to(new) for p in new.rglob("*") if p.is_file()}
    bad = 0
    for rel in sorted(olds | news):
        if rel not in news:
            print(f"only in {old}: {rel}")
        elif rel not in olds:
            print(f"only in {new}: {rel}")
        elif not filecmp.cmp(old / rel, new / rel, shallow=False):
            print(f"differs: {rel}")
        else:
            continue
        bad += 1
    total = len(olds | news)
    print(f"{bad} of {total} files differ or are missing" if bad else f"all {total} identical")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build").add_argument("out", type=Path)
    d = sub.add_parser("diff")
    d.add_argument("old", type=Path)
    d.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.out)
    return diff(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
