"""What the .docx writer's tests share: a sample document on kit's base and a church's."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from helpers import FIXTURES

from kit.compose.blocks import Document
from kit.compose.markup import parse
from kit.writers.docx import write_docx

BRAND = FIXTURES / "brand-docx" / "brand" / "church.docx"

SAMPLE = """\
:title: A Title
:subtitle: A subtitle
@pagebreak
:heading: Contents

@contents 2
@pagebreak
# Chapter one
Plain words with **bold** and *italic*.

## A section
1. first
2. second

- a bullet
-- a bullet one level in

### A small heading
1. again from one

[ ] a box to tick

@table timetable
| Part | Minutes |
| Opening | 10 |
| Teaching | 15 |

:question: **1.** A question?
@lines 3
@box care Care contacts
:small: Pastor Sam, 555-0100
@end
"""
"""Markup using every kind of block the writer lays out."""


def written(markup: str, **kwargs: object) -> DocxDocument:
    """A guide holding the markup, written and read back with python-docx."""
    data = write_docx(Document("guide", "Sample", "Sample · Church", parse(markup)), **kwargs)
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="session")
def sample_markup() -> str:
    """The sample's markup, to write on another template."""
    return SAMPLE


@pytest.fixture(scope="session")
def write() -> Callable[..., DocxDocument]:
    """Write markup as a guide and read it back: write(markup, brand=..., author=...)."""
    return written


@pytest.fixture(scope="session")
def sample() -> DocxDocument:
    """The sample written on kit's own base (tests only read it)."""
    return written(SAMPLE)


@pytest.fixture(scope="session")
def brand_sample() -> DocxDocument:
    """The sample written on the church's template (tests only read it)."""
    return written(SAMPLE, brand=BRAND)


@pytest.fixture
def brand_variant(tmp_path: Path) -> Callable[[str, bytes, bytes], Path]:
    """A maker of the church template with `old` replaced by `new` in one of its parts."""

    def variant(part: str, old: bytes, new: bytes) -> Path:
        out = tmp_path / "variant.docx"
        with zipfile.ZipFile(BRAND) as src, zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename == part:
                    assert old in data, f"{old!r} is not in {part}"
                    data = data.replace(old, new)
                dst.writestr(info, data)
        return out

    return variant
