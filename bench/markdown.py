"""Write a composed kit as Markdown, so pandoc can be timed making the same 19 files."""

from __future__ import annotations

from pathlib import Path

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
from kit.model import ResolvedCourse


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


def write_markdown(course: ResolvedCourse, folder: Path) -> list[tuple[Path, str]]:
    """Write one Markdown file per kit output; return each with the output name it makes."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for output in compose_kit(course):
        content = output.content
        text = deck_markdown(content) if isinstance(content, Deck) else document_markdown(content)
        source = folder / (Path(output.name).stem + ".md")
        source.write_text(text, encoding="utf-8")
        made.append((source, output.name))
    return made


if __name__ == "__main__":
    import sys

    import kit

    for source, name in write_markdown(kit.default_course(), Path(sys.argv[1])):
        print(f"{source}\t{name}")
