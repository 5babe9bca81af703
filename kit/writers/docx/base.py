"""The base every document is written on: kit's own or a church's, prepared once per process.

Preparing opens the template with python-docx, removes its text and adds the styles,
lists, settings and properties kit's documents need. The result is kept as the bytes of
a .docx, by path, size and modification time, so a build prepares each template once
and every document opens its own copy of those bytes.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from lxml import etree

from kit.resources import data_dir
from kit.writers.docx.numbering import NUMBERED_STYLES, style_num_id
from kit.writers.docx.styles import ACCENT, Look, enlarge, ensure_styles, style_key
from kit.writers.docx.tables import box_fill
from kit.writers.ooxml import qn, set_core_properties

BASE_DOCX = "base.docx"
"""Kit's own designed base document in the templates folder."""

_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_MACROS = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_RGB = re.compile(r"[0-9A-Fa-f]{6}")


@dataclass(frozen=True)
class BaseDocument:
    """A prepared base document and what every document written on it needs to know."""

    data: bytes
    """The prepared .docx, as python-docx saved it."""
    ids: dict[str, str]
    """Style ids by key (a style's name in lower case)."""
    accent: str
    """The colour of borders and rules, as RRGGBB."""
    fill: str
    """The shading inside framed boxes, as RRGGBB: a light tint of the accent."""
    word_2013: bool
    """The document asks for Word 2013's layout (or later)."""
    lists: dict[str, int | None]
    """The numId each list style carries, by style id."""
    has_numbering: bool
    """The base has a list definitions part (every base whose list styles kit made does)."""

    def open(self) -> DocxDocument:
        """A new document holding the base, for one document to be written on."""
        return docx.Document(io.BytesIO(self.data))


def prepared_base(brand: Path | None, *, large_print: bool = False) -> BaseDocument:
    """The prepared base for documents: the church's template without its text, or kit's own.

    With `large_print`, every style in it is set in large print (see `styles.enlarge`).
    """
    path = brand if brand is not None else data_dir("templates") / BASE_DOCX
    stat = path.stat()
    return _prepared(str(path.resolve()), stat.st_size, stat.st_mtime_ns, large_print)


@functools.lru_cache(maxsize=4)
def _prepared(path: str, size: int, mtime: int, large_print: bool) -> BaseDocument:
    del size, mtime  # part of the cache key: a changed file is prepared again
    doc = _emptied_template(Path(path))
    # Read before _complete, which gives a template without a theme kit's own.
    look = Look.of(doc.styles.element, _theme_accent(doc))
    _complete(doc)
    ids = ensure_styles(doc, look)
    if large_print:
        enlarge(doc)
    # python-docx gives a template without settings or core properties its own defaults.
    settings = doc.settings.element
    set_core_properties(doc.core_properties, title="", subject="", author="")
    accent = look.accent.get(qn("w:val"))
    # Borders take a plain colour value; a theme colour without one falls back to kit's.
    accent = accent if _RGB.fullmatch(accent or "") else ACCENT
    out = io.BytesIO()
    doc.save(out)
    return BaseDocument(
        data=out.getvalue(),
        ids=ids,
        accent=accent,
        fill=box_fill(accent),
        word_2013=_compat_mode(settings) >= 15,
        lists={
            sid: style_num_id(doc.styles.element, sid)
            for sid in (ids.get(style_key(name), "") for name in NUMBERED_STYLES)
        },
        has_numbering=RT.NUMBERING in {rel.reltype for rel in doc.part.rels.values()},
    )


def _compat_mode(settings: etree._Element) -> int:
    """The Word version whose layout the document asks for (15 = Word 2013 and later)."""
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            value = setting.get(qn("w:val")) or ""
            return int(value) if value.isdigit() else 0
    return 0


def _emptied_template(path: Path) -> DocxDocument:
    """A template in python-docx without its text, ready to have kit's styles added."""
    doc = docx.Document(str(path))
    body = doc.element.body
    # Keep the template's styles, page setup, header and footer, not its text.
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    sect_pr = body.get_or_add_sectPr()
    # A footer the template names but does not hold is dropped; a new one is made instead.
    for ref in sect_pr.findall(qn("w:footerReference")):
        if ref.get(qn("r:id")) not in doc.part.rels:
            sect_pr.remove(ref)
    # A copy of the styles kept for Word 2010; styles added here would be missing from it,
    # which newer Word reads as damage. Word rebuilds it when it needs it. A template's
    # macros never travel into a handout.
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype in (_STYLES_WITH_EFFECTS, _MACROS):
            doc.part.drop_rel(rel_id)
    return doc


def _theme_accent(doc: DocxDocument) -> str | None:
    """The RRGGBB of the document's theme accent1, or None when it has no theme or no value."""
    if RT.THEME not in {rel.reltype for rel in doc.part.rels.values()}:
        return None
    theme = parse_xml(doc.part.part_related_by(RT.THEME).blob)
    accent = theme.find(f"{qn('a:themeElements')}/{qn('a:clrScheme')}/{qn('a:accent1')}")
    if accent is None or not len(accent):
        return None
    # An accent is a plain colour (srgbClr) or a system one, which keeps its last value.
    value = accent[0].get("val") if accent[0].tag == qn("a:srgbClr") else accent[0].get("lastClr")
    return value.upper() if _RGB.fullmatch(value or "") else None


def _complete(doc: DocxDocument) -> None:
    """Give a template made outside Word the font table and theme Word expects of a file."""
    have = {rel.reltype for rel in doc.part.rels.values()}
    missing = [kind for kind in (RT.FONT_TABLE, RT.THEME) if kind not in have]
    if not missing:
        return
    base = docx.Document(str(data_dir("templates") / BASE_DOCX))
    package = doc.part.package
    taken = {part.partname for part in package.iter_parts()}
    for kind in missing:
        source = base.part.part_related_by(kind)
        name = source.partname
        if name in taken:
            name = package.next_partname(name.replace(".xml", "%d.xml"))
        part = Part(PackURI(name), source.content_type, source.blob, package)
        doc.part.relate_to(part, kind)
