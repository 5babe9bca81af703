"""kit's message catalogs: every English text extracted, every one translated, compiled."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from kit.language import LANGUAGES, LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent
EXTRACT = re.search(r"^EXTRACT := (.*?)\n\S", (ROOT / "Makefile").read_text(), re.M | re.S)
"""`make catalog`'s options for pybabel extract, as the Makefile has them."""
OTHERS = [language for language in LANGUAGES if language != "en"]


def _po(language: str):
    with open(LOCALE_DIR / language / "LC_MESSAGES" / "kit.po", "rb") as f:
        return read_po(f)


def _ids(catalog) -> set:
    return {m.id for m in catalog if m.id}


def test_the_template_lists_every_text_kit_writes(tmp_path: Path) -> None:
    assert EXTRACT is not None
    options = EXTRACT.group(1).replace("\\\n", " ").split()
    out = tmp_path / "kit.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run(
        [str(pybabel), "extract", *options, "-o", str(out), "."],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with open(out, "rb") as fresh, open(LOCALE_DIR / "kit.pot", "rb") as kept:
        assert _ids(read_po(fresh)) == _ids(read_po(kept)), "run make catalog"


@pytest.mark.parametrize("language", OTHERS)
def test_every_text_is_translated(language: str) -> None:
    with open(LOCALE_DIR / "kit.pot", "rb") as f:
        template = read_po(f)
    catalog = _po(language)
    assert _ids(catalog) == _ids(template)
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        if isinstance(message.id, tuple):
            assert len(message.string) == catalog.num_plurals, message.id
            assert all(message.string), message.id
        else:
            assert message.string, message.id
    # Each translation keeps the placeholders of its English text, and no others.
    assert [(m.id, errors) for m, errors in catalog.check()] == []


@pytest.mark.parametrize("language", OTHERS)
def test_the_compiled_catalog_is_the_translations(language: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _po(language))
    kept = (LOCALE_DIR / language / "LC_MESSAGES" / "kit.mo").read_bytes()
    assert compiled.getvalue() == kept, "run make catalog"
