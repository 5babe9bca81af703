"""Make a kit's files with pandoc from the same composed content: the fair comparison.

    python bench/markdown.py [COURSE] -o DIR

In one process, from start to the last file written: import kit, load the course (the
built-in one by default), compose every output as kit does, turn each into Markdown and
convert it with pandoc, two pandoc processes at a time, one per core of the benchmark
machine. pandoc reads the Markdown on its standard input and is given kit's own base
files as its reference, `--reference-doc base.docx` for documents and
`--reference-doc base.pptx` (with `--slide-level=2`) for decks, so both tools start
from the same styles and layouts. Decks, the slowest files, are handed out first, so
neither core idles at the end. bench/run.py times this script as a fresh process,
start-up included.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import kit
from kit.compose.blocks import (
    Block,
    Box,
    Contents,
    Deck,
    Document,
    Heading,
    Inline,
    ListBlock,
    PageBreak,
    Paragraph,
    Table,
    WriteLines,
)
from kit.compose.documents import compose_kit
from kit.course.model import ResolvedCourse
from kit.resources import data_dir


def _text(runs: Inline) -> str:
    out = []
    for run in runs:
        text = run.text.replace("\\", "\\\\").replace("*", "\\*").replace("|", "\\|")
        if run.bold and text.strip():
            text = f"**{text}**"
        if run.italic and text.strip():
            text = f"*{text}*"
        out.append(text)
    return "".join(out)


def _blocks(blocks: list[Block] | tuple[Block, ...], depth: int = 0) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += ["#" * (block.level + depth) + " " + block.text, ""]
        elif isinstance(block, Paragraph):
            lines += [_text(block.runs), ""]
        elif isinstance(block, ListBlock):
            indent = "  " * block.level
            for n, item in enumerate(block.items, 1):
                mark = {"number": f"{n}.", "check": "- [ ]"}.get(block.kind, "-")
                lines.append(f"{indent}{mark} {_text(item)}")
            lines.append("")
        elif isinstance(block, Table):
            width = max(len(row) for row in block.rows)
            for i, row in enumerate(block.rows):
                cells = [_text(c) for c in row] + [""] * (width - len(row))
                lines.append("| " + " | ".join(cells) + " |")
                if i == 0:
                    lines.append("|" + "---|" * width)
            lines.append("")
        elif isinstance(block, Box):
            lines += ["::: box", f"**{block.title}**", "", *_blocks(block.blocks, depth), ":::", ""]
        elif isinstance(block, WriteLines):
            lines += ["\\", "_" * 60 + "  \n" * block.count, ""]
        elif isinstance(block, (PageBreak, Contents)):
            lines += ["\\newpage" if isinstance(block, PageBreak) else "", ""]
    return lines


def document_markdown(document: Document) -> str:
    """A document as Markdown with a title block."""
    return "\n".join([f"% {document.title}", "", *_blocks(document.blocks)])


def deck_markdown(deck: Deck) -> str:
    """A deck as Markdown: one level-2 heading per slide, speaker notes in a notes div."""
    lines = [f"% {deck.title}", ""]
    for slide in deck.slides:
        lines += [f"## {slide.title or ' '}", ""]
        lines += _blocks([b for b in slide.blocks if not isinstance(b, Heading)], 2)
        if slide.notes:
            lines += ["::: notes", *_blocks(slide.notes, 2), ":::", ""]
    return "\n".join(lines)


def markdown(content: Document | Deck) -> str:
    """A composed output as Markdown."""
    return deck_markdown(content) if isinstance(content, Deck) else document_markdown(content)


PARALLEL = 2
"""pandoc processes at a time: one per core of the benchmark machine."""


def pandoc_command(pandoc: str, name: str, out: Path) -> list[str]:
    """The pandoc command that writes kit file `name` into `out` from Markdown on stdin."""
    templates = data_dir("templates")
    if name.endswith(".pptx"):
        style = ["--reference-doc", str(templates / "base.pptx"), "--slide-level=2"]
    else:
        style = ["--reference-doc", str(templates / "base.docx")]
    return [pandoc, "--from=markdown", *style, "-o", str(out / name)]


def convert(pandoc: str, name: str, text: str, out: Path) -> None:
    """Run pandoc on one file's Markdown; stop with its messages if it fails."""
    done = subprocess.run(
        pandoc_command(pandoc, name, out), input=text.encode(), capture_output=True
    )
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace")
        raise RuntimeError(f"pandoc failed on {name} ({done.returncode}):\n{message}")


def build_with_pandoc(course: ResolvedCourse, out: Path, pandoc: str) -> list[Path]:
    """Compose the kit, then write every file with pandoc, PARALLEL at a time."""
    out.mkdir(parents=True, exist_ok=True)
    outputs = sorted(compose_kit(course), key=lambda o: not isinstance(o.content, Deck))
    with ThreadPoolExecutor(PARALLEL) as pool:
        jobs = [pool.submit(convert, pandoc, o.name, markdown(o.content), out) for o in outputs]
        for job in jobs:
            job.result()
    return [out / o.name for o in outputs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("course", nargs="?", help="a course file (default: the built-in one)")
    parser.add_argument("-o", "--out", required=True, type=Path, help="output folder")
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        raise SystemExit("pandoc is not on PATH")
    course = kit.load_course(args.course) if args.course else kit.default_course()
    made = build_with_pandoc(course, args.out, pandoc)
    print(f"pandoc wrote {len(made)} files to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
