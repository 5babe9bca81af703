"""Check a church's brand templates (.pptx, .docx) before anything is built from them.

A brand file is opened exactly as the writers will open it, so a file that is not a
zip, a zip that is not an Office file, the wrong kind of Office file or a damaged one
is a located problem at load time rather than a failure halfway through a build.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": (
        ".pptx",
        "a PowerPoint presentation",
    ),
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": (
        ".pptx",
        "a PowerPoint presentation",
    ),
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": (
        ".potx",
        "a PowerPoint template (.potx)",
    ),
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": (
        ".ppsx",
        "a PowerPoint show (.ppsx)",
    ),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": (
        ".docx",
        "a Word document",
    ),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": (
        ".dotx",
        "a Word template (.dotx)",
    ),
    "application/vnd.ms-word.document.macroEnabled.main+xml": (
        ".docm",
        "a Word document with macros",
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": (
        ".xlsx",
        "an Excel workbook",
    ),
}
"""Content types of the main part of Office files: the suffix kit can read, and a name."""

MAX_UNPACKED = 200_000_000
"""Largest total size a brand file may unpack to, so a zip bomb is refused unread."""

_WANTED = {
    ".pptx": ("a PowerPoint (.pptx) file", "PowerPoint"),
    ".docx": ("a Word (.docx) file", "Word"),
}
_OVERRIDE = re.compile(rb'<Override\b[^>]*?ContentType="([^"]+)"')


def brand_problem(path: Path, value: str) -> str | None:
    """Why the brand file at `path` (written `value` in the course) cannot be used, or None.

    `path.suffix` says what it should be: `.pptx` for slides, `.docx` for documents.
    """
    suffix = path.suffix.lower()
    want, program = _WANTED[suffix]
    save_as = f"open it in {program} and save it as {suffix}"
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
            if total > MAX_UNPACKED:
                return (
                    f"'{value}' unpacks to {total:,} bytes; kit reads brand files "
                    f"of at most {MAX_UNPACKED:,}; {save_as} with smaller pictures"
                )
            names = set(archive.namelist())
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            broken = _broken_part(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        return f"'{value}' is not {want}: it is not a zip archive as Office files are; {save_as}"
    except OSError as exc:
        return f"cannot read '{value}': {exc.strerror}"
    found = [_MAIN_TYPES[t.decode()] for t in _OVERRIDE.findall(types) if t.decode() in _MAIN_TYPES]
    if not found:
        return f"'{value}' is a zip archive but not an Office file; {save_as}"
    kind_suffix, kind_name = found[0]
    if kind_suffix != suffix:
        return f"'{value}' is {kind_name}, not {want}; {save_as}"
    if broken:
        return f"'{value}' is damaged: its part {broken} is not valid XML; {save_as}"
    problem = _open_problem(path, suffix)
    if problem:
        return f"'{value}' is damaged and cannot be opened ({problem}); {save_as}"
    return None


def _broken_part(archive: zipfile.ZipFile) -> str | None:
    """The first XML part of an Office file that does not parse, if any."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")):
            try:
                etree.fromstring(archive.read(info), parser)
            except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, ValueError):
                return info.filename
    return None


def _open_problem(path: Path, suffix: str) -> str | None:
    """Open the file as the writers do; what went wrong, or None."""
    try:
        if suffix == ".pptx":
            from pptx import Presentation

            prs = Presentation(str(path))
            if len(prs.slide_layouts) == 0:
                return "it has no slide layouts"
        else:
            import docx

            document = docx.Document(str(path))
            _ = document.styles, document.sections
    except Exception as exc:  # python-docx/pptx and lxml raise many kinds on bad parts
        return _short(exc)
    return None


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."
