"""Write composed documents and decks as HTML, for previews beside the Office writers.

The HTML is a fragment for a page that supplies its own style sheet: each block
becomes one element whose class names the block's style, so a preview shows the
same content, in the same order, as the .docx and .pptx files built from it.
Speaker notes are not written: a slide card shows only the face of the slide.
"""

from __future__ import annotations

from html import escape

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
    Slide,
    Table,
    Together,
    WriteLines,
    plain,
)

_SLIDE_STYLES = {"kicker", "caption"}
"""Paragraph styles a slide shows above its title or under its body."""


def inline_html(runs: Inline) -> str:
    """Runs as escaped text with <strong> and <em>."""
    out = []
    for run in runs:
        text = escape(run.text)
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        out.append(text)
    return "".join(out)


def _cls(kind: str, style: str) -> str:
    return f'class="{kind} {kind}-{escape(style, quote=True)}"'


def block_html(block: Block) -> str:
    """One block as HTML."""
    if isinstance(block, Heading):
        # The preview sits under the page's own headings, so document levels start at h3.
        level = min(block.level + 2, 6)
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return f"<p {_cls('p', block.style)}>{inline_html(block.runs)}</p>"
    if isinstance(block, ListBlock):
        tag = "ol" if block.kind == "number" else "ul"
        items = "".join(f"<li>{inline_html(item)}</li>" for item in block.items)
        return f'<{tag} class="list list-{block.kind} level-{block.level}">{items}</{tag}>'
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, PageBreak):
        return '<hr class="page-break" title="new page">'
    if isinstance(block, Contents):
        return '<p class="contents">Contents (page numbers are filled in by Word)</p>'
    if isinstance(block, WriteLines):
        return '<div class="write-lines">' + '<span class="line"></span>' * block.count + "</div>"
    if isinstance(block, Box):
        title = f"<h4>{escape(block.title)}</h4>" if block.title else ""
        inner = "".join(block_html(b) for b in block.blocks)
        return f"<section {_cls('box', block.style)}>{title}{inner}</section>"
    if isinstance(block, Together):
        return "".join(block_html(b) for b in block.blocks)
    raise TypeError(f"no HTML for {type(block).__name__}")  # pragma: no cover


def _table(table: Table) -> str:
    if not table.rows:
        return ""
    head, *body = table.rows
    th = "".join(f"<th>{inline_html(cell)}</th>" for cell in head)
    rows = "".join(
        "<tr>" + "".join(f"<td>{inline_html(cell)}</td>" for cell in row) + "</tr>" for row in body
    )
    head_row = f"<thead><tr>{th}</tr></thead>"
    return f"<table {_cls('table', table.style)}>{head_row}<tbody>{rows}</tbody></table>"


def document_html(document: Document) -> str:
    """A document as an <article>, its title in the page's heading and its body below."""
    body = "".join(block_html(b) for b in document.blocks)
    return (
        f'<article class="doc doc-{escape(document.kind, quote=True)}" '
        f'aria-label="{escape(document.title, quote=True)}">{body}'
        f'<footer class="doc-footer">{escape(document.footer)}</footer></article>'
    )


def slide_html(slide: Slide, number: int, badge: str = "") -> str:
    """One slide's face as a card: its kicker, title, body and caption, never its notes."""
    kicker = [b for b in slide.blocks if isinstance(b, Paragraph) and b.style == "kicker"]
    caption = [b for b in slide.blocks if isinstance(b, Paragraph) and b.style == "caption"]
    body = [b for b in slide.blocks if not (isinstance(b, Paragraph) and b.style in _SLIDE_STYLES)]
    top = "".join(f'<p class="kicker">{inline_html(k.runs)}</p>' for k in kicker)
    foot = "".join(f'<p class="caption">{inline_html(c.runs)}</p>' for c in caption)
    mark = f'<span class="badge">{escape(badge)}</span>' if badge else ""
    return (
        f'<figure class="slide slide-{escape(slide.layout, quote=True)}" '
        f'data-layout="{escape(slide.layout, quote=True)}">'
        f'<span class="slide-number">{number}</span>{mark}{top}'
        f"<h3>{escape(slide.title)}</h3>"
        + "".join(block_html(b) for b in body)
        + f"{foot}</figure>"
    )


def deck_html(deck: Deck, badges: dict[int, str] | None = None) -> str:
    """A deck as a strip of slide cards; `badges` marks cards by index."""
    badges = badges or {}
    cards = "".join(slide_html(s, i + 1, badges.get(i, "")) for i, s in enumerate(deck.slides))
    return (
        f'<div class="deck" aria-label="{escape(deck.title, quote=True)}">{cards}</div>'
        f'<p class="deck-footer">{escape(deck.footer)}</p>'
    )


def slide_text(slide: Slide) -> str:
    """Everything written on a slide's face, as plain text."""
    parts = [slide.title]
    for block in slide.blocks:
        if isinstance(block, Paragraph):
            parts.append(plain(block.runs))
        elif isinstance(block, ListBlock):
            parts.extend(plain(item) for item in block.items)
    return "\n".join(parts)
