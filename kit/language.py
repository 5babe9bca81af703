"""The languages kit writes in, and the message catalog of each.

English is the source language: every word kit writes into an output is written in
English in a template or in the code, and looked up in the course's language's catalog
(`kit/locale/LANG/LC_MESSAGES/kit.mo`, compiled from `kit.po`; see docs/development.md).
An English course reads no catalog, so its words are exactly as written.
"""

from __future__ import annotations

import functools
from pathlib import Path

from babel.support import NullTranslations, Translations

from kit.errors import BuildError

LANGUAGES = {"en": "English", "es": "Spanish"}
"""Every language kit writes, by code, the source language first."""
OFFICE_TAGS = {"en": "en-US", "es": "es-419"}
"""The language tag Word and PowerPoint check each language's spelling by (es-419: Latin
American Spanish)."""
DOMAIN = "kit"
"""The catalogs' name: kit.pot, kit.po, kit.mo."""
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
"""Where the catalogs live, a folder per language."""


@functools.cache
def translations(language: str = "en") -> NullTranslations:
    """The catalog of a language: kit's own words as that language writes them."""
    if language == "en":
        return NullTranslations()
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    found = Translations.load(LOCALE_DIR, [language], DOMAIN)
    if not isinstance(found, Translations):
        raise BuildError(f"kit's {LANGUAGES[language]} catalog is missing; reinstall kit")
    return found


def N_(message: str) -> str:
    """Mark an English text for the catalog where it is written; it is looked up where used."""
    return message


def translate(language: str, message: str) -> str:
    """One of kit's English texts in a language."""
    return translations(language).gettext(message)


def translate_plural(language: str, singular: str, plural: str, count: int) -> str:
    """One of kit's English texts with a count, singular or plural as the language says."""
    return translations(language).ngettext(singular, plural, count)
