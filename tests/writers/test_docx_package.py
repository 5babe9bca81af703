"""The .docx package layer: prepared bases, parts added in python-docx's order, brand caching."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from helpers import FIXTURES

from kit.compose.blocks import Document
from kit.compose.markup import parse
from kit.resources import data_dir
from kit.writers import docx_package as opc
from kit.writers import docx_xml as xml
from kit.writers.docx import write_docx
from kit.writers.docx_package import Package
from kit.writers.docx_template import BASE_NAME, prepare

BRAND = FIXTURES / "brand-docx" / "brand" / "church.docx"
ROOT = Path(__file__).resolve().parents[2]


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_kits_own_base_is_already_what_preparing_it_makes(monkeypatch) -> None:
    """Documents on kit's own base skip python-docx; that is only right if it would add nothing."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    base = _entries((data_dir("templates") / BASE_NAME).read_bytes())
    assert _entries(prepare(None)) == base


def test_added_parts_are_numbered_related_listed_and_stored_in_walk_order() -> None:
    package = Package.read((data_dir("templates") / BASE_NAME).read_bytes())
    first = package.add_part(
        "word/document.xml", opc.RT_FOOTER, "word/footer%d.xml", opc.CT_FOOTER, xml.parse("<a/>")
    )
    second = package.add_part(
        "word/document.xml", opc.RT_FOOTER, "word/footer%d.xml", opc.CT_FOOTER, xml.parse("<b/>")
    )
    assert (first, second) == ("rId6", "rId7")
    assert package.target("word/document.xml", second) == "word/footer2.xml"
    entries = _entries(package.to_bytes())
    names = list(entries)
    # Each part follows the one that relates to it, after that part's other relations.
    assert names.index("word/footer2.xml") == names.index("word/theme/theme1.xml") + 2
    assert names.index("word/footer2.xml") < names.index("docProps/core.xml")
    types = xml.parse(entries[opc.CONTENT_TYPES])
    overrides = [o.get("PartName") for o in types if o.tag.endswith("Override")]
    assert overrides == sorted(overrides) and "/word/footer1.xml" in overrides


def test_documents_read_back_with_their_footers_and_properties() -> None:
    data = write_docx(Document("notes", "Title", "Foot", parse("Body.")), author="St. Ann's")
    doc = docx.Document(io.BytesIO(data))
    assert doc.core_properties.title == "Title" and doc.core_properties.author == "St. Ann's"
    assert "Foot" in doc.sections[-1].footer.paragraphs[0].text
    assert [p.text for p in doc.paragraphs] == ["Body."]


def test_a_changed_brand_file_is_prepared_again(tmp_path: Path) -> None:
    brand = tmp_path / "church.docx"
    brand.write_bytes(BRAND.read_bytes())
    note = Document("notes", "N", "F", parse("Text."))
    before = docx.Document(io.BytesIO(write_docx(note, brand=brand)))
    assert before.styles["Heading 1"].font.name == "Trebuchet MS"
    template = docx.Document(str(brand))
    for fonts in template.styles.element.iter(qn("w:rFonts")):
        fonts.set(qn("w:ascii"), "Georgia")
        fonts.set(qn("w:hAnsi"), "Georgia")
    template.save(str(brand))
    stat = brand.stat()
    # Even within the same second and at the same size, the file is read again.
    os.utime(brand, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    after = docx.Document(io.BytesIO(write_docx(note, brand=brand)))
    assert after.styles["Heading 1"].font.name == "Georgia"


def test_writing_on_kits_own_base_does_not_load_python_docx() -> None:
    code = (
        "import sys\n"
        "from kit.compose.blocks import Document\n"
        "from kit.compose.markup import parse\n"
        "from kit.writers.docx import write_docx\n"
        "write_docx(Document('guide', 'T', 'F', parse('# Hi\\n@contents 1\\n- a')))\n"
        "print(sorted(m for m in sys.modules if m == 'docx' or m.startswith('docx.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "[]"
