"""A place in a course or lesson file as a coordinator reads it: "week 4, the 1st step".

Problems are found at field paths (`weeks[3].questions.drop[0]`), which count from zero
and name the file's keys. People count from one and name things: `in_words` says the
same place in words, and keeps the path after it for authors and editors.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"([A-Za-z_][\w-]*)|\[(\d+)\]|\.")

LISTS = {
    "weeks": "week",
    "skip": "skipped date",
    "care": "care contact",
    "leaders": "table leader",
    "questions": "question",
    "drop": "question to drop",
    "add": "question added",
    "points": "teaching point",
    "steps": "step",
    "sources": "source",
    "scripture": "passage",
    "follow_up": "follow-up question",
    "prep": "preparation note",
    "host": "note for the host",
    "notes": "note",
}
"""What one item of each list is called, by the list's key."""

WHOLE = {
    "questions": "questions",
    "take_home": "take-home",
    "big_idea": "big idea",
    "time_style": "time style",
    "date_style": "date style",
    "follow_up": "follow-up questions",
    "reword": "rewording",
}
"""Keys whose words are not the key with its underscores as spaces."""


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, 21st."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def in_words(where: str) -> str:
    """`where` said in words with the path after it, or the path alone when words add nothing.

    `weeks[3]` is "week 4 (weeks[3])"; `weeks[2].questions.drop[0]` is
    "week 3, the 1st question to drop (weeks[2].questions.drop[0])".
    """
    words = _words(where)
    return f"{words} ({where})" if words and words != where else where


def _words(where: str) -> str | None:
    tokens = [(m.group(1), m.group(2)) for m in _TOKEN.finditer(where) if m.group() != "."]
    if "".join(m.group() for m in _TOKEN.finditer(where)) != where:
        return None  # not a plain path: leave it as it is
    parts: list[str] = []
    i = 0
    while i < len(tokens):
        key, _ = tokens[i]
        index = tokens[i + 1][1] if i + 1 < len(tokens) else None
        if key is None:
            return None
        if index is not None and key in LISTS:
            n = int(index) + 1
            parts.append(f"week {n}" if key == "weeks" else f"the {ordinal(n)} {LISTS[key]}")
            i += 2
        elif key == "reword" and i + 1 < len(tokens) and tokens[i + 1][0]:
            parts.append(f"the rewording of '{tokens[i + 1][0]}'")
            i += 2
        elif key == "questions" and i + 1 < len(tokens) and tokens[i + 1][0] == "reword":
            i += 1  # "the rewording of 'x'" says questions already
        elif key == "questions" and i + 1 < len(tokens) and tokens[i + 1][0] in ("drop", "add"):
            i += 1  # "the 1st question to drop" says questions already
            if i + 1 >= len(tokens) or tokens[i + 1][1] is None:
                kind = "to drop" if tokens[i][0] == "drop" else "added"
                parts.append(f"the questions {kind}")
                i += 1
        else:
            parts.append(WHOLE.get(key, key.replace("_", " ")))
            i += 1
    if not parts:
        return None
    # "week 4, the 2nd step" reads as one place; a field belongs to what precedes it:
    # "week 4's title", "the phone of the 2nd care contact".
    said = ""
    for part in parts:
        if not said or part.startswith(("the ", "week ")):
            said = f"{said}, {part}" if said else part
        elif said.startswith("the ") and ", " not in said:
            said = f"the {part} of {said}"
        elif ", the " in said:
            before, last = said.rsplit(", the ", 1)
            said = f"{before}, the {part} of the {last}"
        else:
            said = f"{said}'s {part}"
    return said
