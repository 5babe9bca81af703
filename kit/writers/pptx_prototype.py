"""A deck template made ready once: its fixed parts, layouts, a blank slide of each, a notes page.

What every deck made from one template shares, as plain data: the parts a deck stores as
they are (masters, layouts, themes, pictures), compressed once; the presentation and
document properties a deck fills in; each usable layout's text boxes and the new slide
python-pptx makes on it; and the notes page it makes for a slide. pptx_prepare reads it
with python-pptx; it is also kept in kit's cache folder, so a later run writes decks
without loading python-pptx at all. A deck's package is stored in the order python-pptx
saves one, so its bytes do not depend on how it was assembled.
"""

from __future__ import annotations

import copy
import hashlib
import io
import logging
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from kit.layout.areas import SlideAreas as Frames
from kit.writers.ooxml import fixed_time
from kit.writers.pptx_package import Entries, Part, Rel, next_rid, package_bytes
from kit.writers.pptx_template import Template

log = logging.getLogger(__name__)

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_SLIDE, RT_NOTES_SLIDE = _RT + "slide", _RT + "notesSlide"
RT_NOTES_MASTER, RT_SLIDE_LAYOUT = _RT + "notesMaster", _RT + "slideLayout"
_CT = "application/vnd.openxmlformats-officedocument.presentationml."
CT_SLIDE, CT_NOTES_SLIDE = _CT + "slide+xml", _CT + "notesSlide+xml"

TITLE_MARK, SUBJECT_MARK, AUTHOR_MARK, TIME_MARK = (
    f"\ue000kit-{name}\ue000" for name in ("title", "subject", "author", "time")
)
"""Stand-ins in the core properties for what each deck has of its own."""

MAX_PROPERTY = 255
"""Characters a document property holds at most (python-pptx's and Office's limit)."""


@dataclass(frozen=True)
class Layout:
    """One layout of the template, as a deck uses it."""

    partname: str
    """Its part in the package."""
    frames: Frames
    """Its text boxes."""
    slide: bytes
    """A new slide on the layout, its placeholders ready for text (wrapping, no autofit)."""
    placeholders: tuple[tuple[int, int], ...]
    """Each placeholder of the slide: its position in the shape tree and its index."""


@dataclass(frozen=True)
class Page:
    """A written slide: the layout it is on, its XML and its notes page's XML."""

    layout: Layout
    """Its layout."""
    slide: etree._Element
    """The slide."""
    notes: etree._Element
    """Its notes page."""


@dataclass(frozen=True)
class Prototype:
    """What every deck made from one template shares."""

    own: bool
    """Made from kit's own template."""
    candidates: dict[str, tuple[str, ...]]
    """For each kind of slide ("" for any other), the layouts to try, best first."""
    layouts: dict[str, Layout]
    """Every layout a deck may use, by part name."""
    parts: dict[str, Part]
    """The parts every deck stores as they are."""
    ready: dict[str, Entries]
    """Those parts' zip entries, compressed."""
    default_types: frozenset[tuple[str, str]]
    """(extension, content type) pairs stated once for the whole package."""
    package_rels: tuple[Rel, ...]
    """The package's relationships."""
    main: Part
    """The presentation part without slides."""
    core: Part
    """The document properties, with marks where a deck's own go."""
    notes: bytes
    """A new notes page with an empty notes body."""
    notes_body: int
    """Position of the notes body in the notes page's shape tree."""
    notes_master: str
    """Part name of the notes master."""
    adds_notes_master: bool
    """The template has no notes master: python-pptx's goes in after the first slide."""

    def choices(self, kind: str) -> list[Layout]:
        """The layouts a kind of slide may use, best first; never empty."""
        names = self.candidates.get(kind, self.candidates[""])
        return [self.layouts[name] for name in names]

    def new_slide(self, layout: Layout) -> etree._Element:
        """A new slide on a layout, to fill."""
        return copy.deepcopy(_parsed(layout.slide))

    def new_notes(self) -> tuple[etree._Element, etree._Element]:
        """A new notes page, and the text body its notes go in."""
        page = copy.deepcopy(_parsed(self.notes))
        return page, page.find(_SP_TREE)[self.notes_body].find(_TX_BODY)

    def package(self, pages: Sequence[Page], *, title: str, subject: str, author: str) -> bytes:
        """The deck's .pptx bytes: the template's parts and these pages."""
        parts = dict(self.parts)
        main = etree.fromstring(self.main.blob)
        ids = main.find(f"{{{_P}}}sldIdLst")
        main_rels = list(self.main.rels)
        rids = {r.rid for r in main_rels}
        for n, page in enumerate(pages, 1):
            slide, notes = f"/ppt/slides/slide{n}.xml", f"/ppt/notesSlides/notesSlide{n}.xml"
            rid = next_rid(rids)
            rids.add(rid)
            main_rels.append(Rel(rid, RT_SLIDE, slide))
            etree.SubElement(ids, f"{{{_P}}}sldId", {"id": str(255 + n), f"{{{_R}}}id": rid})
            if n == 1 and self.adds_notes_master:
                master = next_rid(rids)
                rids.add(master)
                main_rels.append(Rel(master, RT_NOTES_MASTER, self.notes_master))
            to_layout = Rel("rId1", RT_SLIDE_LAYOUT, page.layout.partname)
            to_notes = Rel("rId2", RT_NOTES_SLIDE, notes)
            parts[slide] = Part(slide, CT_SLIDE, _xml(page.slide), (to_layout, to_notes))
            to_master = Rel("rId1", RT_NOTES_MASTER, self.notes_master)
            to_slide = Rel("rId2", RT_SLIDE, slide)
            parts[notes] = Part(notes, CT_NOTES_SLIDE, _xml(page.notes), (to_master, to_slide))
        parts[self.main.name] = Part(
            self.main.name, self.main.content_type, _xml(main), tuple(main_rels)
        )
        core = self.core.blob
        when = fixed_time().strftime("%Y-%m-%dT%H:%M:%SZ")
        for mark, value in (
            (TITLE_MARK, title),
            (SUBJECT_MARK, subject),
            (AUTHOR_MARK, author),
            (TIME_MARK, when),
        ):
            core = core.replace(mark.encode(), _text(value[:MAX_PROPERTY]).encode())
        parts[self.core.name] = Part(self.core.name, self.core.content_type, core)
        return package_bytes(self.package_rels, parts, self.ready, self.default_types)


_SP_TREE = f"{{{_P}}}cSld/{{{_P}}}spTree"
_TX_BODY = f"{{{_P}}}txBody"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    """A value as XML text, escaped as lxml writes it."""
    if _NOT_XML.search(value):
        raise ValueError("All strings must be XML compatible: no NULL bytes or control characters")
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


@lru_cache(maxsize=64)
def _parsed(xml: bytes) -> etree._Element:
    """The element an XML text makes, parsed once per process; copy it, never change it."""
    return etree.fromstring(xml)


def _xml(element: etree._Element) -> bytes:
    return etree.tostring(element, encoding="UTF-8", standalone=True)


@lru_cache(maxsize=4)
def prototype(template: Template) -> Prototype:
    """The template made ready: read before and kept in kit's cache folder, or read now."""
    key = _key(template)
    found = _recall(key)
    if found is not None:
        return found
    from kit.writers.pptx_prepare import prepare

    made = prepare(template)
    if key is not None:
        from kit import filecache

        filecache.remember([(key, pickle.dumps(made, protocol=5))])
    return made


def _key(template: Template) -> str | None:
    from kit import filecache

    if filecache.cache_dir() is None:
        return None
    digest = hashlib.sha256(template.data)
    digest.update(b"own" if template.own else b"brand")
    return f"pptx-template-{digest.hexdigest()}"


def _recall(key: str | None) -> Prototype | None:
    from kit import filecache

    data = filecache.recall(key)
    if data is None:
        return None
    try:
        found = _Unpickler(io.BytesIO(data)).load()
    except Exception as exc:  # a damaged or outdated entry costs time, never a result
        log.debug("cannot use the kept template %s: %s", key, exc)
        return None
    return found if isinstance(found, Prototype) else None


class _Unpickler(pickle.Unpickler):
    """Reads back only the plain data a prototype is made of."""

    SAFE = frozenset(
        {
            "kit.layout.areas",
            "kit.writers.ooxml",
            "kit.writers.pptx_package",
            "kit.writers.pptx_prototype",
            "kit.writers.pptx_template",
        }
    )

    def find_class(self, module: str, name: str) -> type:
        if module in self.SAFE or (module == "builtins" and name in ("frozenset", "set")):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a prototype")
