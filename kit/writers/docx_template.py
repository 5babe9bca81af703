"""The base every document is written on: kit's own or a church's, prepared once per process.

Kit's own base document (templates/base.docx) already holds every style, list, setting
and property a document needs, so it is used as it is. A church's template is prepared
with python-docx: its text removed, missing styles and parts added, and saved; it is kept
by path, size and modification time, so a build prepares it once in each process.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kit.resources import data_dir
from kit.writers import docx_package as opc
from kit.writers.docx_numbering import style_num_id
from kit.writers.docx_package import Package
from kit.writers.docx_styles import ACCENT, Look, ensure_styles, style_ids, style_key
from kit.writers.docx_xml import qn
from kit.writers.ooxml import Deflated, deflated, set_core_properties

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

BASE_NAME = "base.docx"
"""Kit's own designed base document in the templates folder."""

LIST_STYLES = ("List Bullet", "List Number", "Kit Check")
"""The paragraph styles lists are written in."""

_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


@dataclass(frozen=True)
class Template:
    """A prepared base document and what every document written on it needs to know."""

    entries: dict[str, bytes]
    """The zip entries of the base, in python-docx's order (never changed)."""
    packed: dict[str, Deflated]
    """The same entries compressed, stored as they are in documents that leave them alone."""
    document: str
    """The main document part."""
    settings: str
    """The settings part."""
    core: str
    """The core properties part."""
    numbering: str | None
    """The list definitions part, if there is one."""
    ids: dict[str, str]
    """Style ids by key (a style's name in lower case)."""
    accent: str
    """The colour of borders and rules, as RRGGBB."""
    word_2013: bool
    """The document asks for Word 2013's layout (or later)."""
    lists: dict[str, int | None]
    """The numId each list style carries, by style id."""

    def package(self) -> Package:
        """A new package holding the base, for one document."""
        return Package(self.entries, self.packed)


def template(brand: Path | None) -> Template:
    """The prepared base for documents: the church's template without its text, or kit's own."""
    if brand is None:
        return _builtin()
    stat = brand.stat()
    return _branded(str(brand.resolve()), stat.st_size, stat.st_mtime_ns)


@functools.cache
def _builtin() -> Template:
    return _facts((data_dir("templates") / BASE_NAME).read_bytes())


@functools.lru_cache(maxsize=4)
def _branded(path: str, size: int, mtime: int) -> Template:
    del size, mtime  # part of the cache key: a changed file is prepared again
    return _facts(prepare(Path(path)))


def _facts(data: bytes) -> Template:
    package = Package.read(data)
    entries = package.entries
    document = package.related("", opc.RT_DOCUMENT)
    core = package.related("", opc.RT_CORE)
    assert document is not None and core is not None
    settings = package.related(document, opc.RT_SETTINGS)
    styles_part = package.related(document, opc.RT_STYLES)
    assert settings is not None and styles_part is not None
    styles = package.peek(styles_part)
    ids = style_ids(styles)
    accent = Look.of(styles).accent.get(qn("w:val"))
    lists = {}
    for name in LIST_STYLES:
        sid = ids.get(style_key(name), "")
        lists[sid] = style_num_id(styles, sid)
    return Template(
        entries=entries,
        packed={name: deflated(data) for name, data in entries.items()},
        document=document,
        settings=settings,
        core=core,
        numbering=package.related(document, opc.RT_NUMBERING),
        ids=ids,
        # Borders take a plain colour value; a theme colour without one falls back to kit's.
        accent=accent if re.fullmatch(r"[0-9A-Fa-f]{6}", accent or "") else ACCENT,
        word_2013=_compat_mode(package.peek(settings)) >= 15,
        lists=lists,
    )


def _compat_mode(settings) -> int:
    """The Word version whose layout the document asks for (15 = Word 2013 and later)."""
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            value = setting.get(qn("w:val")) or ""
            return int(value) if value.isdigit() else 0
    return 0


def prepare(brand: Path | None) -> bytes:
    """A template made ready with python-docx: every style, list, setting and property added."""
    doc = open_base(brand)
    ensure_styles(doc)
    # python-docx gives a template without settings or core properties its own defaults.
    _ = doc.settings
    set_core_properties(doc.core_properties, title="", subject="", author="")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def open_base(brand: Path | None) -> DocxDocument:
    """The base document in python-docx: the church's template without its text, or kit's own."""
    import docx

    if brand is None:
        return docx.Document(str(data_dir("templates") / BASE_NAME))
    doc = docx.Document(str(brand))
    body = doc.element.body
    # Keep the template's styles, page setup, header and footer, not its text.
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    # A copy of the styles kept for Word 2010; styles added here would be missing from it,
    # which newer Word reads as damage. Word rebuilds it when it needs it.
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            doc.part.drop_rel(rel_id)
    _complete(doc)
    return doc


def _complete(doc: DocxDocument) -> None:
    """Give a template made outside Word the font table and theme Word expects of a file."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    have = {rel.reltype for rel in doc.part.rels.values()}
    missing = [kind for kind in (RT.FONT_TABLE, RT.THEME) if kind not in have]
    if not missing:
        return
    base = docx.Document(str(data_dir("templates") / BASE_NAME))
    package = doc.part.package
    taken = {part.partname for part in package.iter_parts()}
    for kind in missing:
        source = base.part.part_related_by(kind)
        name = source.partname
        if name in taken:
            name = package.next_partname(name.replace(".xml", "%d.xml"))
        part = Part(PackURI(name), source.content_type, source.blob, package)
        doc.part.relate_to(part, kind)
