"""Brand files: a damaged or wrong .pptx/.docx is found before anything is built."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pptx
import pytest
from brand_pictures import black_png, picture_template
from helpers import FIXTURES

from kit.load import brand as brandcheck
from kit.load.brand import MAX_UNPACKED, brand_problem
from kit.resources import data_dir

BAD = FIXTURES / "bad"


def _rewrite(data: bytes, change: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, change.get(info.filename, src.read(info)))
    return out.getvalue()


def _saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name", ["base.pptx", "base.docx"])
def test_kits_own_templates_pass(name: str) -> None:
    path = data_dir("templates") / name
    if not path.is_file():
        pytest.skip(f"no {name} in the templates folder")
    assert brand_problem(path, name) is None


def test_fresh_office_files_and_the_church_fixture_pass(tmp_path: Path) -> None:
    (tmp_path / "a.pptx").write_bytes(_saved(pptx.Presentation()))
    (tmp_path / "a.docx").write_bytes(_saved(docx.Document()))
    assert brand_problem(tmp_path / "a.pptx", "a.pptx") is None
    assert brand_problem(tmp_path / "a.docx", "a.docx") is None
    church = FIXTURES / "church-pptx" / "brand" / "church.pptx"
    assert brand_problem(church, "brand/church.pptx") is None


@pytest.mark.parametrize(
    ("case", "file", "expected"),
    [
        (
            "brand-not-a-zip",
            "church.pptx",
            "'b' is not a PowerPoint (.pptx) file: it is not a zip archive as Office files are; "
            "open it in PowerPoint and save it as .pptx",
        ),
        (
            "brand-not-a-zip",
            "church.docx",
            "'b' is not a Word (.docx) file: it is not a zip archive as Office files are; "
            "open it in Word and save it as .docx",
        ),
        (
            "brand-zip-not-office",
            "church.pptx",
            "'b' is a zip archive but not an Office file; "
            "open it in PowerPoint and save it as .pptx",
        ),
        (
            "brand-wrong-kind",
            "church.pptx",
            "'b' is a Word document, not a PowerPoint (.pptx) file; "
            "open it in PowerPoint and save it as .pptx",
        ),
        (
            "brand-damaged",
            "church.docx",
            "'b' is damaged: its part word/styles.xml is not valid XML; "
            "open it in Word and save it as .docx",
        ),
    ],
)
def test_bad_brand_files(case: str, file: str, expected: str) -> None:
    assert brand_problem(BAD / case / "brand" / file, "b") == expected


def _potx(data: bytes) -> bytes:
    """A .pptx's bytes as PowerPoint saves the same file as a template (.potx)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        types = z.read("[Content_Types].xml")
    potx = types.replace(b"presentationml.presentation.main", b"presentationml.template.main")
    return _rewrite(data, {"[Content_Types].xml": potx})


@pytest.mark.parametrize("name", ["church.potx", "church.pptx"])
def test_a_powerpoint_template_serves_as_a_slide_template(tmp_path: Path, name: str) -> None:
    # Saved as .potx, or saved as a template and renamed: either opens as a presentation.
    path = tmp_path / name
    path.write_bytes(_potx((FIXTURES / "church-pptx" / "brand" / "church.pptx").read_bytes()))
    assert brand_problem(path, name) is None


def test_a_powerpoint_template_is_not_a_word_file(tmp_path: Path) -> None:
    path = tmp_path / "church.docx"
    path.write_bytes(_potx(_saved(pptx.Presentation())))
    assert brand_problem(path, "church.docx") == (
        "'church.docx' is a PowerPoint template (.potx), not a Word (.docx) file; "
        "open it in Word and save it as .docx"
    )


def test_a_deck_without_layouts_is_refused(tmp_path: Path) -> None:
    prs = pptx.Presentation()
    master = prs.slide_masters[0]
    for layout in list(master.slide_layouts):
        master.slide_layouts.remove(layout)
    path = tmp_path / "bare.pptx"
    prs.save(path)
    # Nothing in it is damaged: it only lacks a layout to make a slide on.
    assert brand_problem(path, "bare.pptx") == (
        "'bare.pptx' has no slide layouts, so kit cannot make a slide on it; "
        "open it in PowerPoint or Impress and save it with at least one layout"
    )


def test_a_zip_bomb_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    limit = 8 << 20
    monkeypatch.setattr(brandcheck, "MAX_UNPACKED", limit)
    path = tmp_path / "big.pptx"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z,
        z.open("ppt/media/huge.bin", "w") as f,
    ):
        f.write(bytes(limit + 1))
    assert path.stat().st_size < 100_000
    assert brand_problem(path, "big.pptx") == (
        f"'big.pptx' unpacks to {limit + 1:,} bytes; kit reads brand files of at most "
        f"{limit:,}; open it in PowerPoint and save it as .pptx with smaller pictures"
    )
    assert MAX_UNPACKED == 200_000_000


def test_pictures_too_large_in_all_are_refused_and_a_real_photo_template_is_not(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tiny.pptx"
    path.write_bytes(picture_template([black_png(6300, 6300, str(n)) for n in range(17)]))
    assert brand_problem(path, "brand/tiny.pptx") == (
        "'brand/tiny.pptx' has pictures in its slide masters and layouts too large to read: "
        "674,730,000 pixels in all, where kit reads at most 200,000,000; save them smaller "
        "(in PowerPoint, Compress Pictures on each)"
    )
    photos = FIXTURES / "templates-pptx" / "photo-night.pptx"
    assert brand_problem(photos, "photo-night.pptx") is None


def test_a_master_naming_a_layout_it_does_not_hold_is_damaged(tmp_path: Path) -> None:
    data = _saved(pptx.Presentation())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        master = archive.read("ppt/slideMasters/slideMaster1.xml")
    extra = b'<p:sldLayoutId id="2147483660" r:id="rId99"/></p:sldLayoutIdLst>'
    changed = master.replace(b"</p:sldLayoutIdLst>", extra)
    path = tmp_path / "b.pptx"
    path.write_bytes(_rewrite(data, {"ppt/slideMasters/slideMaster1.xml": changed}))
    assert brand_problem(path, "b.pptx") == (
        "'b.pptx' is damaged and cannot be opened (\"no relationship with key 'rId99'\"); "
        "open it in PowerPoint and save it as .pptx"
    )
