"""A place in a course or lesson file as a coordinator reads it: "week 4, the 1st step".

Problems are found at field paths (`weeks[3].questions.drop[0]`), which count from zero
and name the file's keys. People count from one and name things: `in_words` says the
same place in words, and keeps the path after it for authors and editors. Only keys of
the course and lesson formats are put in words; from the first key kit does not know
(a misspelt one), the path alone says where.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"([A-Za-z_][\w-]*)|\[(\d+)\]|\.")

ITEMS = {
    "skip": "skipped date",
    "care": "care contact",
    "leaders": "leader",
    "notices": "notice",
    "questions": "question",
    "drop": "question to drop",
    "add": "question added",
    "points": "teaching point",
    "steps": "step",
    "sources": "source",
    "scripture": "scripture reference",
    "follow_up": "follow-up question",
    "prep": "preparation note for leaders",
    "host": "note for the host",
    "notes": "note for leaders",
}
"""What one item of each list is called, by the list's key (`weeks` is "week N")."""

FIELDS = {
    "after": "'after'",
    "big_idea": "big idea",
    "date_style": "date style",
    "document": "Word template",
    "drop": "questions to drop",
    "add": "questions added",
    "every": "'every'",
    "follow_up": "follow-up questions",
    "large_print": "large print",
    "leader": "leader notes",
    "lessons": "lessons folder",
    "notes": "notes for leaders",
    "optional": "'optional'",
    "points": "teaching points",
    "prep": "preparation notes for leaders",
    "host": "notes for the host",
    "replace": "new wordings",
    "reword": "new wordings",
    "skip": "skipped dates",
    "slides": "PowerPoint template",
    "start": "start date",
    "take_home": "take-home",
    "templates": "templates folder",
    "time": "start time",
    "time_style": "time style",
    "bring": "what to bring",
    "intimacy": "'intimacy'",
    "private": "private word",
    "reflection": "quiet reflection",
    "story": "host's story",
    "abuse": "abuse line",
    "crisis": "crisis line",
}
"""Keys whose words are not the key itself."""

ON_THEIR_OWN = {
    "minutes": "session length",
    "every": "meeting rhythm",
    "start": "start date",
    "time": "start time",
    "skip": "skipped dates",
    "date_style": "date style",
    "time_style": "time style",
    "translation": "Bible translation",
    "care": "care contacts",
    "arrival": "arrival and food",
    "place": "meeting place",
    "church": "church's name",
    "lessons": "lessons folder",
    "templates": "templates folder",
    "brand": "church's Office templates",
    "intimacy": "private word on intimacy",
    "big_idea": "big idea",
    "take_home": "take-home",
}
"""Top-level keys said in words: what a coordinator calls "minutes" is the session length."""

KEYS = {
    *ITEMS,
    *FIELDS,
    *("weeks", "lesson", "title", "subtitle", "church", "minutes", "translation", "brand"),
    *("questions", "exercise", "text", "id", "audience", "level", "note", "name", "role"),
    *("phone", "email", "label", "date", "table", "place", "language", "opening", "teaching"),
    *("discussion", "prayer", "prompt", "heading", "body", "slide", "article", "section"),
    *("site", "description", "question", "author", "part", "talk"),
    *("arrival", "helplines"),
}
"""Every key of the course and lesson formats; tests/test_places.py holds it to the schema."""

_CARE_NOTE = "care note for leaders"
_PASSED = {("teaching", "points"), ("brand", "slides"), ("brand", "document")}
"""A key said by the key after it: "the 2nd teaching point", not "of the teaching"."""
_PASSED_IN_WEEK = {"drop", "add", "replace", "reword"}
"""What a week's `questions` holds: "the 1st question to drop" says questions already."""


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, 21st."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def in_words(where: str) -> str:
    """`where` said in words with the path after it, or the path alone when words add nothing.

    `weeks[3]` is "week 4 (weeks[3])"; `weeks[2].questions.drop[0]` is
    "week 3, the 1st question to drop (weeks[2].questions.drop[0])"; `minutes` is
    "session length (minutes)". The words hold no brackets: the path is the one
    bracketed part, at the end.
    """
    words = _words(where)
    return f"{words} ({where})" if words else where


def _tokens(where: str) -> list[str | int] | None:
    """The path's keys and indexes, or None when it is not a plain field path."""
    matches = list(_TOKEN.finditer(where))
    if "".join(m.group() for m in matches) != where:
        return None
    return [m.group(1) or int(m.group(2)) for m in matches if m.group() != "."]


def _words(where: str) -> str | None:
    tokens = _tokens(where)
    if not tokens:
        return None
    if len(tokens) == 1:
        # Most keys of their own are already what the file says; a few say it in code.
        return ON_THEIR_OWN.get(str(tokens[0]))
    head: str | None = None
    said: list[tuple[str, bool]] = []  # (words, whether they are one counted item)
    parent: str | None = None
    i = 0
    while i < len(tokens):
        key = tokens[i]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if isinstance(key, int):
            break
        if parent in ("replace", "reword"):
            said.append((f"the new wording of '{key}'", True))
        elif key not in KEYS:
            break  # the path after this says it as well as words could
        elif (key, after) in _PASSED or (key == "leader" and isinstance(after, str)):
            pass
        elif key in ("replace", "reword") and isinstance(after, str):
            pass  # "the new wording of 'x'" says it
        elif (parent, key) == ("leader", "care") and after is None:
            said.append(("care notes for leaders", False))
        elif key == "questions" and head and not said and after in _PASSED_IN_WEEK:
            pass
        elif key == "date" and parent == "skip":
            pass  # the date of a skipped date is the skipped date
        elif isinstance(after, int):
            if key == "weeks" and i == 0:
                head = f"week {after + 1}"
            else:
                name = _CARE_NOTE if (parent, key) == ("leader", "care") else ITEMS.get(key)
                if name is None:
                    break
                said.append((f"the {ordinal(after + 1)} {name}", True))
            i += 1
        else:
            said.append((FIELDS.get(key, key), False))
        parent = key
        i += 1
    if not said:
        return head
    # Said from the innermost out: "the text of the 2nd question added".
    phrase = " of ".join(words if item else f"the {words}" for words, item in reversed(said))
    if head is None:
        return phrase
    if len(said) == 1 and not said[0][1]:
        return f"{head}'s {said[0][0]}"
    return f"{head}, {phrase}"
