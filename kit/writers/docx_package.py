"""A .docx package as its zip entries: parts read, changed and added without python-docx.

Every document is written on a prepared template (kit/writers/docx_template.py) that
python-docx saved, so its entries are already in the form python-docx writes. A document
replaces a few of its parts and adds footers; saving keeps that form: content types
sorted, relationships in order, parts in a depth-first walk of the relationships from
the package's own, each part's relationships file straight after the part.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from kit.writers import docx_xml as xml
from kit.writers.ooxml import Deflated, rels_entry, zipped

_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT_DOCUMENT = f"{_RELS}/officeDocument"
RT_STYLES = f"{_RELS}/styles"
RT_NUMBERING = f"{_RELS}/numbering"
RT_SETTINGS = f"{_RELS}/settings"
RT_FOOTER = f"{_RELS}/footer"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
CT_FOOTER = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"

CONTENT_TYPES = "[Content_Types].xml"
_PR = xml.NAMESPACES["pr"]
_CT = xml.NAMESPACES["ct"]


class Package:
    """The entries of one document's zip, with the parts it changes parsed on demand."""

    def __init__(
        self, entries: dict[str, bytes], packed: dict[str, Deflated] | None = None
    ) -> None:
        self._entries = entries
        """Each entry's bytes as read (shared with the template: never changed here)."""
        self._packed = packed or {}
        """Entries already compressed, stored as they are while their part is unchanged."""
        self._changed: dict[str, etree._Element] = {}
        self._read: dict[str, etree._Element] = {}
        self._put: dict[str, bytes] = {}

    @classmethod
    def read(cls, data: bytes) -> Package:
        """The package held in the bytes of a zip."""
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return cls({info.filename: archive.read(info) for info in archive.infolist()})

    @property
    def entries(self) -> dict[str, bytes]:
        """The entries as read, before any change."""
        return self._entries

    def has(self, name: str) -> bool:
        """True when the package holds an entry of this name."""
        return name in self._changed or name in self._put or name in self._entries

    def put(self, name: str, data: bytes) -> None:
        """Store these bytes as a part, in place of anything read or changed."""
        self._changed.pop(name, None)
        self._read.pop(name, None)
        self._put[name] = data

    def peek(self, name: str) -> etree._Element:
        """The root element of an XML part, to read only."""
        element = self._changed.get(name)
        if element is None:
            element = self._read.get(name)
        if element is None:
            element = self._read[name] = xml.parse(self._entries[name])
        return element

    def part(self, name: str) -> etree._Element:
        """The root element of an XML part (a zip entry name), to change: saved as it stands."""
        element = self._changed.get(name)
        if element is None:
            element = self._read.pop(name, None)
            if element is None:
                element = xml.parse(self._entries[name])
            self._changed[name] = element
        return element

    def rels(self, source: str) -> etree._Element:
        """The relationships of a part ("" for the package) to change, made if it has none."""
        name = rels_entry(source)
        if not self.has(name):
            self._changed[name] = xml.parse(f'<Relationships xmlns="{_PR}"/>')
        return self.part(name)

    def _targets(self, source: str) -> list[tuple[etree._Element, str]]:
        """Each internal relationship of a part with the part it points to."""
        if not self.has(rels_entry(source)):
            return []
        base = posixpath.dirname("/" + source)
        found = []
        for rel in self.peek(rels_entry(source)):
            if rel.get("TargetMode") != "External":
                target = posixpath.abspath(posixpath.join(base, rel.get("Target", "")))
                found.append((rel, target[1:]))
        return found

    def related(self, source: str, reltype: str) -> str | None:
        """The part a part points to with a relationship of this type, if any."""
        return next((t for rel, t in self._targets(source) if rel.get("Type") == reltype), None)

    def target(self, source: str, rid: str) -> str | None:
        """The part a part's relationship `rid` points to, if any."""
        return next((t for rel, t in self._targets(source) if rel.get("Id") == rid), None)

    def parts(self) -> list[str]:
        """Every part reachable from the package, in python-docx's depth-first order."""
        order: list[str] = []
        seen: set[str] = set()

        def walk(source: str) -> None:
            for _, target in self._targets(source):
                if target not in seen:
                    seen.add(target)
                    order.append(target)
                    walk(target)

        walk("")
        return order

    def add_part(
        self, source: str, reltype: str, template: str, content_type: str, element: etree._Element
    ) -> str:
        """Add a part named from `template` (e.g. word/footer%d.xml), related from `source`.

        Returns the new relationship's id. Names and ids take the first free number, as
        python-docx numbers them.
        """
        taken = set(self.parts())
        name = next(template % n for n in range(1, len(taken) + 2) if template % n not in taken)
        self._changed[name] = element
        rels = self.rels(source)
        ids = {rel.get("Id") for rel in rels}
        rid = next(f"rId{n}" for n in range(1, len(rels) + 2) if f"rId{n}" not in ids)
        base = posixpath.dirname("/" + source)
        rel = etree.SubElement(rels, f"{{{_PR}}}Relationship")
        rel.set("Id", rid)
        rel.set("Type", reltype)
        rel.set("Target", name if base == "/" else posixpath.relpath("/" + name, base))
        self._override(name, content_type)
        return rid

    def _override(self, name: str, content_type: str) -> None:
        """List a part's content type, keeping the overrides sorted by part name."""
        types = self.part(CONTENT_TYPES)
        tag = f"{{{_CT}}}Override"
        later = (o for o in types.iterchildren(tag) if o.get("PartName") > "/" + name)
        following = next(later, None)
        override = etree.SubElement(types, tag)
        override.set("PartName", "/" + name)
        override.set("ContentType", content_type)
        if following is not None:
            following.addprevious(override)

    def to_bytes(self) -> bytes:
        """The package as a .docx, in the normalized form every kit file has."""
        order = [CONTENT_TYPES, rels_entry("")]
        for name in self.parts():
            order.append(name)
            rels = rels_entry(name)
            if self.has(rels) and len(self.peek(rels)):
                order.append(rels)
        return zipped((name, self._stored(name)) for name in order)

    def _stored(self, name: str) -> bytes | Deflated:
        if name in self._put:
            return self._put[name]
        changed = self._changed.get(name)
        if changed is not None:
            return xml.serialize(changed)
        return self._packed.get(name) or self._entries[name]
