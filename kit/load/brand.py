"""Check a church's brand templates (.pptx, .docx) before anything is built from them.

A brand file is opened exactly as the writers will open it, so a file that is not a
zip, a zip that is not an Office file, the wrong kind of Office file or a damaged one
is a located problem at load time rather than a failure halfway through a build.
Every part is unpacked once, counting the bytes it really unpacks to (a zip can
say anything about sizes), and every XML part is parsed as it streams: a part with
a document type declaration, which Office never writes and which makes every file
built from it unreadable, is refused, and so is a part the package's relationships
need that [Content_Types].xml does not list as what it is. A slide template whose
pictures are too large in all for a build to read (see kit.office) is
refused too.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
MAX_PART = 50_000_000
"""Largest size one part may unpack to; a real template's styles are under a megabyte."""
MAX_PARTS = 10_000
"""Most parts a brand file may hold; PowerPoint's own themes have a few hundred."""
_CHUNK = 1 << 20

_EXPECTED = {
    "slideMaster": ("presentationml.slideMaster+xml", "a slide master"),
    "slideLayout": ("presentationml.slideLayout+xml", "a slide layout"),
    "slide": ("presentationml.slide+xml", "a slide"),
    "notesMaster": ("presentationml.notesMaster+xml", "a notes master"),
    "handoutMaster": ("presentationml.handoutMaster+xml", "a handout master"),
    "theme": ("theme+xml", "a theme"),
    "styles": ("wordprocessingml.styles+xml", "styles"),
    "numbering": ("wordprocessingml.numbering+xml", "numbering"),
    "settings": ("wordprocessingml.settings+xml", "settings"),
    "fontTable": ("wordprocessingml.fontTable+xml", "a font table"),
    "header": ("wordprocessingml.header+xml", "a header"),
    "footer": ("wordprocessingml.footer+xml", "a footer"),
}
"""For the relationships the writers follow: how the target's content type must end
(after `application/vnd.openxmlformats-officedocument.`), and what to call it."""

_WANTED = {
    ".pptx": ("a PowerPoint (.pptx) file", "PowerPoint"),
    ".potx": ("a PowerPoint template (.potx)", "PowerPoint"),
    ".docx": ("a Word (.docx) file", "Word"),
}

_SLIDES = (".pptx", ".potx")
"""What a slide template may be: a presentation or a PowerPoint template, which kit opens
as a presentation (see kit.office.as_presentation)."""


def brand_problem(path: Path, value: str) -> str | None:
    """Why the brand file at `path` (written `value` in the course) cannot be used, or None.

    `path.suffix` says what it should be: `.pptx` or `.potx` for slides, `.docx` for
    documents.
    """
    suffix = path.suffix.lower()
    want, program = _WANTED[suffix]
    save_as = f"open it in {program} and save it as {'.pptx' if suffix in _SLIDES else suffix}"
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS:
                return (
                    f"'{value}' holds {len(infos):,} parts; kit reads brand files of at most "
                    f"{MAX_PARTS:,}; {save_as}"
                )
            total = sum(info.file_size for info in infos)
            scan = _Scan() if total > MAX_UNPACKED else _scan(archive, infos)
            if total > MAX_UNPACKED:
                scan.total = total
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        return f"'{value}' is not {want}: it is not a zip archive as Office files are; {save_as}"
    except OSError as exc:
        return f"cannot read '{value}': {exc.strerror}"
    if scan.total > MAX_UNPACKED:
        return (
            f"'{value}' unpacks to {scan.total:,} bytes; kit reads brand files "
            f"of at most {MAX_UNPACKED:,}; {save_as} with smaller pictures"
        )
    if scan.too_big:
        return (
            f"'{value}' has a part, {scan.too_big}, that unpacks to more than {MAX_PART:,} "
            f"bytes; kit reads parts of at most that; {save_as}"
        )
    types = scan.trees.get("[Content_Types].xml")
    overrides, defaults = _content_types(types)
    found = [_MAIN_TYPES[t] for t in overrides.values() if t in _MAIN_TYPES]
    if not found:
        return f"'{value}' is a zip archive but not an Office file; {save_as}"
    kind_suffix, kind_name = found[0]
    if kind_suffix != suffix and not (kind_suffix in _SLIDES and suffix in _SLIDES):
        return f"'{value}' is {kind_name}, not {want}; {save_as}"
    if scan.broken:
        return f"'{value}' is damaged: its part {scan.broken}; {save_as}"
    mismatch = _relationship_problem(scan, overrides, defaults)
    if mismatch:
        return f"'{value}' is damaged: {mismatch}; {save_as}"
    outside = scan.linked or _external_link(scan)
    if outside:
        return (
            f"'{value}' {outside}, which kit will not fetch or let LibreOffice fetch; "
            f"use a template that holds its own pictures ({program}: insert each picture "
            "rather than link to it), or remove the link"
        )
    problem, opened = _open_problem(path, suffix)
    if problem:
        return f"'{value}' is damaged and cannot be opened ({problem}); {save_as}"
    if suffix in _SLIDES and not any(len(m.slide_layouts) for m in opened.slide_masters):
        # Nothing is wrong with the file: it only lacks what kit needs to make a slide.
        return (
            f"'{value}' has no slide layouts, so kit cannot make a slide on it; open it in "
            "PowerPoint or Impress and save it with at least one layout"
        )
    return _picture_problem(opened, value, save_as) if suffix in _SLIDES else None


@dataclass
class _Scan:
    """What unpacking every part found."""

    total: int = 0
    """Bytes unpacked so far."""
    too_big: str | None = None
    """A part that unpacks to more than `MAX_PART`."""
    broken: str | None = None
    """The first part that cannot be used, with why (\"word/styles.xml is not valid XML\")."""
    names: set[str] = field(default_factory=set)
    """Every part's name."""
    trees: dict[str, Any] = field(default_factory=dict)
    """Parsed [Content_Types].xml and relationship parts, by name."""
    linked: str | None = None
    """A field that fetches a file or an address when the document is shown, if any."""
    used: dict[str, set[str]] = field(default_factory=dict)
    """The relationship ids each XML part uses to show something, by part name."""


def _scan(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> _Scan:
    """Unpack every part, counting real bytes and parsing XML parts as they stream."""
    from lxml import etree

    scan = _Scan(names={info.filename for info in infos})
    for info in infos:
        name = info.filename
        is_xml = name.lower().endswith((".xml", ".rels"))
        parser = (
            etree.XMLParser(
                resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
            )
            if is_xml
            else None
        )
        size = 0
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    scan.total += len(chunk)
                    if size > MAX_PART:
                        scan.too_big = name
                        return scan
                    if scan.total > MAX_UNPACKED:
                        return scan
                    if parser is not None:
                        parser.feed(chunk)
            root = parser.close() if parser is not None else None
        except etree.XMLSyntaxError:
            scan.broken = scan.broken or f"{name} is not valid XML"
            continue
        except Exception:  # a bad CRC; a zlib, lzma or bz2 error; an encrypted part
            scan.broken = scan.broken or f"{name} cannot be unpacked"
            continue
        if root is None:
            continue
        tree = root.getroottree()
        if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
            scan.broken = scan.broken or (
                f"{name} holds a document type declaration (<!DOCTYPE>), which Office never writes"
            )
        elif name == "[Content_Types].xml" or name.lower().endswith(".rels"):
            scan.trees[name] = root
        else:
            scan.linked = scan.linked or _fetching_field(root, name)
            scan.used[name] = _used_ids(root)
    return scan


_FETCHING = re.compile(r"\b(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|DDE|DDEAUTO|IMPORT)\b", re.I)
"""Word fields that bring in a file or an address each time the document is shown."""

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_CLICKED = {"hlinkClick", "hlinkHover", "hlinkMouseOver", "hyperlink"}
"""Elements whose relationship is a link a reader clicks, never fetched to show the page."""


def _fetching_field(root: Any, name: str) -> str | None:
    """A field in a part that would fetch something from outside, said in words, or None.

    A field's instruction may be split over several runs: they are read together.
    """
    pieces = []
    for node in root.iter():
        tag = node.tag.rsplit("}", 1)[-1] if isinstance(node.tag, str) else ""
        if tag == "instrText":
            pieces.append(node.text or "")
        elif tag == "fldSimple":
            pieces.append(
                " " + next((v for k, v in node.attrib.items() if k.endswith("instr")), "")
            )
    if _FETCHING.search("".join(pieces)):
        return f"has a field in {name} that brings in a file or web address when shown"
    return None


def _used_ids(root: Any) -> set[str]:
    """The relationship ids a part uses to show something (a picture, a part), not to link."""
    used = set()
    for node in root.iter():
        tag = node.tag.rsplit("}", 1)[-1] if isinstance(node.tag, str) else ""
        if tag in _CLICKED:
            continue
        used.update(v for k, v in node.attrib.items() if k.startswith(_R))
    return used


def _external_link(scan: _Scan) -> str | None:
    """A relationship that points outside the file for anything but a link a reader clicks.

    What a relationship says it is does not count: one typed as a hyperlink but used to
    show a picture would be fetched as well.
    """
    for rels_name, root in sorted(scan.trees.items()):
        if not rels_name.lower().endswith(".rels"):
            continue
        folder, rels = posixpath.split(rels_name)
        source = posixpath.join(posixpath.dirname(folder), rels[: -len(".rels")])
        used = scan.used.get(source, set())
        for node in root:
            kind = (node.get("Type") or "").rsplit("/", 1)[-1]
            if node.get("TargetMode") != "External":
                continue
            if kind != "hyperlink" or node.get("Id") in used:
                return f"links its {kind} in {rels_name} to {node.get('Target') or 'nowhere'!r}"
    return None


def _content_types(root: Any) -> tuple[dict[str, str], dict[str, str]]:
    """The package's content types: by part name (lowercase, no leading /) and by extension."""
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}
    if root is None:
        return overrides, defaults
    for node in root:
        tag = node.tag.rsplit("}", 1)[-1] if isinstance(node.tag, str) else ""
        kind = node.get("ContentType") or ""
        if tag == "Override" and node.get("PartName"):
            overrides[node.get("PartName").lstrip("/").lower()] = kind
        elif tag == "Default" and node.get("Extension"):
            defaults[node.get("Extension").lower()] = kind
    return overrides, defaults


def _relationship_problem(
    scan: _Scan, overrides: dict[str, str], defaults: dict[str, str]
) -> str | None:
    """A part the writers follow a relationship to that is missing or of the wrong type."""
    lower = {n.lower(): n for n in scan.names}
    for rels_name, root in sorted(scan.trees.items()):
        if not rels_name.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(rels_name))
        for node in root:
            kind = (node.get("Type") or "").rsplit("/", 1)[-1]
            target = node.get("Target") or ""
            if kind not in _EXPECTED or node.get("TargetMode") == "External" or not target:
                continue
            part = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            part = posixpath.normpath(part)
            ending, what = _EXPECTED[kind]
            if part.lower() not in lower:
                return f"its part {rels_name} names a part {part} that is missing"
            extension = part.rsplit(".", 1)[-1].lower()
            content_type = overrides.get(part.lower(), defaults.get(extension, ""))
            if not content_type.endswith(ending):
                return f"its part {part} is not listed as {what} in [Content_Types].xml"
    return None


def _open_problem(path: Path, suffix: str) -> tuple[str | None, Any]:
    """Open the file as the writers do: what went wrong, or None and the opened file."""
    try:
        if suffix in _SLIDES:
            from pptx import Presentation

            from kit.office import as_presentation

            return None, Presentation(io.BytesIO(as_presentation(path.read_bytes())))
        import docx

        document = docx.Document(str(path))
        _ = document.styles, document.sections
    except Exception as exc:  # python-docx/pptx and lxml raise many kinds on bad parts
        return _short(exc), None
    return None, document


MAX_SHAPES = 1000
"""Most shapes a slide template's masters and layouts may draw; real ones draw under 200."""
_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_PLACEHOLDER = ".//{http://schemas.openxmlformats.org/presentationml/2006/main}ph"
_SHAPE_TAGS = tuple(
    f"{{http://schemas.openxmlformats.org/presentationml/2006/main}}{tag}"
    for tag in ("sp", "pic", "cxnSp", "graphicFrame")
)


def _picture_problem(prs: Any, value: str, save_as: str) -> str | None:
    """Pictures too large in all to read, or shapes too many, on a slide template's masters."""
    from kit.office import MAX_TEMPLATE_PIXELS, template_pixels

    try:
        for master in prs.slide_masters:  # kit reads each master's theme for its colours
            master.part.part_related_by(_THEME)
        pixels = template_pixels(prs)
        shapes = sum(
            sum(1 for shape in part.element.iter(*_SHAPE_TAGS) if shape.find(_PLACEHOLDER) is None)
            for master in prs.slide_masters
            for part in (master, *master.slide_layouts)
        )
    except Exception as exc:  # a master or layout python-pptx cannot follow
        return f"'{value}' is damaged and cannot be opened ({_short(exc)}); {save_as}"
    if shapes > MAX_SHAPES:
        return (
            f"'{value}' draws {shapes:,} shapes on its slide masters and layouts, where kit "
            f"lays out text around at most {MAX_SHAPES:,}; group or remove some, then save it"
        )
    if pixels <= MAX_TEMPLATE_PIXELS:
        return None
    return (
        f"'{value}' has pictures in its slide masters and layouts too large to read: "
        f"{pixels:,} pixels in all, where kit reads at most {MAX_TEMPLATE_PIXELS:,}; "
        "save them smaller (in PowerPoint, Compress Pictures on each)"
    )


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."
