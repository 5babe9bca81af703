"""Typography for every output: curly quotes and apostrophes, en dashes in number ranges.

Lessons, course files and templates are typed on ordinary keyboards, so straight
quotes and hyphens arrive beside the curly quotes an author pasted in. Text is
made consistent once, as it goes into blocks (see `kit.compose.markup.inline`),
so a course's own wording gets the same treatment as kit's.
"""

from __future__ import annotations

import re

_OPENERS = frozenset(" \t\n([{\u2014\u2013-/\u201c\u2018")
"""Characters after which a quote mark opens a quotation rather than closing one."""

_VERBATIM = re.compile(r"\S*(?:@|://|www\.)\S*")
"""E-mail addresses and web links: their characters are kept exactly as written."""

_RANGE = re.compile(r"(?<![\w\-.])(\d{1,3})-(\d{1,3})(?![\w\-]|\.\d)")
"""Two short numbers joined by a hyphen, not part of a longer run like a phone number."""


def smarten(text: str, before: str = "") -> str:
    """Curly quotes and apostrophes, and en dashes in ranges such as 10-15 or 4:9-10.

    `before` is the text just ahead of this piece (the previous run of a paragraph),
    so a quote mark at the start of a run opens or closes as it should.
    """
    if not any(c in text for c in "'\"-"):
        return text
    out: list[str] = []
    pos = 0
    for match in _VERBATIM.finditer(text):
        piece = text[pos : match.start()]
        out.append(_quotes(_ranges(piece), before + "".join(out)))
        out.append(match.group())
        pos = match.end()
    out.append(_quotes(_ranges(text[pos:]), before + "".join(out)))
    return "".join(out)


def _ranges(text: str) -> str:
    # A range runs upwards ("5-10"); "10-5" is more likely a score or a code.
    return _RANGE.sub(lambda m: f"{m[1]}\u2013{m[2]}" if int(m[1]) < int(m[2]) else m.group(), text)


def _quotes(text: str, before: str) -> str:
    chars = list(text)
    for i, char in enumerate(chars):
        if char not in "'\"":
            continue
        prev = chars[i - 1] if i else (before[-1:] or " ")
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        opens = prev in _OPENERS
        if char == '"':
            chars[i] = "\u201c" if opens else "\u201d"
        elif opens and not nxt.isdigit():  # 'til and '90s take an apostrophe
            chars[i] = "\u2018"
        else:
            chars[i] = "\u2019"
    return "".join(chars)
