"""A .pptx package as parts and relationships, stored in one zip in python-pptx's order.

The order is python-pptx's: content types, the package's relationships, then every
part reachable from them, depth first, each followed by its own relationships. Only
parts that relationships reach are stored, so a template's own slides stay out.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from kit.writers.ooxml import Deflated, deflated, rels_entry, zipped

_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"

RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
XML_TYPE = "application/xml"


@dataclass(frozen=True)
class Rel:
    """A relationship from a part to another part of the package or to an outside address."""

    rid: str
    """Its id among the relationships of its source, e.g. rId3."""
    reltype: str
    """The relationship type's URI."""
    target: str
    """The partname of the part it points to, or the outside address."""
    external: bool = False
    """It points outside the package."""


@dataclass(frozen=True)
class Part:
    """One part of a package: its name, content type, bytes and relationships."""

    name: str
    """The partname, e.g. /ppt/slides/slide1.xml."""
    content_type: str
    """Its content type."""
    blob: bytes
    """What is stored."""
    rels: tuple[Rel, ...] = ()
    """Its relationships in the order they were made, which is the order of the walk."""


def next_rid(rids: Collection[str]) -> str:
    """The id python-pptx gives the next relationship of a part that has `rids`."""
    for n in range(len(rids) + 1, 0, -1):
        if f"rId{n}" not in rids:
            return f"rId{n}"
    raise AssertionError("more distinct rIds than relationships")


@lru_cache(maxsize=4096)
def relative_ref(source: str, target: str) -> str:
    """The address of part `target` as the relationships of part `source` write it."""
    base = posixpath.dirname(source)
    return target[1:] if base == "/" else posixpath.relpath(target, base)


def rels_xml(source: str, rels: Iterable[Rel]) -> bytes:
    """A relationships item for part `source` ("/" for the package), in rId order."""
    root = etree.Element(f"{{{_PR}}}Relationships", nsmap={None: _PR})
    for rel in sorted(rels, key=_rid_order):
        target = rel.target if rel.external else relative_ref(source, rel.target)
        el = etree.SubElement(
            root, f"{{{_PR}}}Relationship", Id=rel.rid, Type=rel.reltype, Target=target
        )
        if rel.external:
            el.set("TargetMode", "External")
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def _rid_order(rel: Rel) -> tuple[int, str]:
    number = rel.rid[3:]
    return (int(number) if rel.rid.startswith("rId") and number.isdigit() else 0), rel.rid


def content_types(parts: Iterable[Part], default_types: Collection[tuple[str, str]]) -> bytes:
    """The [Content_Types].xml item naming the content type of every part.

    A part whose (extension, content type) is among `default_types` is covered by one
    Default entry for its extension; every other part gets an Override entry.
    """
    defaults = {"rels": RELS_TYPE, "xml": XML_TYPE}
    overrides: dict[str, str] = {}
    for part in parts:
        ext = posixpath.splitext(part.name)[1][1:].lower()
        if (ext, part.content_type) in default_types:
            defaults[ext] = part.content_type
        else:
            overrides[part.name] = part.content_type
    root = etree.Element(f"{{{_CT}}}Types", nsmap={None: _CT})
    for ext, kind in sorted(defaults.items()):
        etree.SubElement(root, f"{{{_CT}}}Default", Extension=ext, ContentType=kind)
    for name, kind in sorted(overrides.items()):
        etree.SubElement(root, f"{{{_CT}}}Override", PartName=name, ContentType=kind)
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def walk(rels: Iterable[Rel], parts: Mapping[str, Part]) -> list[Part]:
    """Every part the relationships reach, each once, depth first."""
    order: list[Part] = []
    seen: set[str] = set()

    def visit(rels: Iterable[Rel]) -> None:
        for rel in rels:
            if rel.external or rel.target in seen:
                continue
            seen.add(rel.target)
            part = parts[rel.target]
            order.append(part)
            visit(part.rels)

    visit(rels)
    return order


Entries = list[tuple[str, bytes | Deflated]]
"""Zip entries: their names and their bytes, as they are or compressed already."""


def entries(part: Part) -> Entries:
    """A part's zip entries: its bytes, then its relationships when it has any."""
    out: Entries = [(part.name[1:], part.blob)]
    if part.rels:
        out.append((rels_entry(part.name[1:]), rels_xml(part.name, part.rels)))
    return out


def compressed(part: Part) -> Entries:
    """A part's zip entries compressed once, for a part stored the same in many packages."""
    return [
        (name, deflated(data) if isinstance(data, bytes) else data) for name, data in entries(part)
    ]


def package_bytes(
    package_rels: tuple[Rel, ...],
    parts: Mapping[str, Part],
    ready: Mapping[str, Entries],
    default_types: Collection[tuple[str, str]],
) -> bytes:
    """The zipped package of the parts `package_rels` reach; `ready` has some parts' entries."""
    order = walk(package_rels, parts)
    out: Entries = [("[Content_Types].xml", content_types(order, default_types))]
    out.append(("_rels/.rels", rels_xml("/", package_rels)))
    for part in order:
        out.extend(ready.get(part.name) or entries(part))
    return zipped(out)
