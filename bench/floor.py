"""What kit's libraries alone take to package a kit: open each built file, save it again.

    python bench/floor.py KIT -o OUT

In one fresh process, as `kit build` runs: import the libraries a build imports
(python-docx, python-pptx, jinja2, pydantic, PyYAML, pythonbible), look up one verse of
the WEB, then open every .docx and .pptx in the built kit KIT with python-docx or
python-pptx and save it into OUT. Nothing is read from a course, checked, worded, fitted
or added, so the time is a floor: a build that packages its files with these libraries
takes at least this long for a kit of that size. bench/run.py times it beside kit's own
builds.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import docx
import jinja2  # noqa: F401  (imported as a build imports it)
import pptx
import pydantic  # noqa: F401
import pythonbible
import yaml  # noqa: F401


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kit", type=Path, help="a folder kit build wrote")
    parser.add_argument("-o", "--out", type=Path, required=True, help="folder to write into")
    args = parser.parse_args()
    pythonbible.get_verse_text(49004015, version=pythonbible.Version.WORLD_ENGLISH)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in sorted(args.kit.iterdir()):
        if path.suffix == ".pptx":
            pptx.Presentation(str(path)).save(str(args.out / path.name))
        elif path.suffix == ".docx":
            docx.Document(str(path)).save(str(args.out / path.name))


if __name__ == "__main__":
    main()
