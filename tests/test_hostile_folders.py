"""A stranger's course folder, tried afresh: templates that reach out, decks without end,
forged records and planted links around the output folder."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import docx
import pptx
import pytest
from brand_pictures import NS, P
from helpers import FIXTURES
from pptx.oxml import parse_xml

import kit

SMALL = FIXTURES / "markers" / "course.yaml"
IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
DAMAGED = (
    "kit's record of the files it wrote here is damaged, so kit cannot tell its files "
    "from yours; delete this record and the kit's files, or build into an empty folder"
)
JOURNAL_DAMAGED = (
    "kit's note of an interrupted build is damaged, so kit cannot tell how far that build "
    "got and moves nothing; the earlier kit's files may be in build/.kit-backup; delete "
    "this note once you have what you need from there"
)
OUT_LINK = (
    "is a link to another folder, and kit builds only into a real folder; "
    "name the folder itself with -o"
)


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-week course folder, built once, as the working folder."""
    folder = tmp_path / "home" / "Downloads" / "course"
    shutil.copytree(SMALL.parent, folder)
    monkeypatch.chdir(folder)
    kit.build(kit.load_course(folder / "course.yaml"), folder / "build")
    return folder


def _with_brand(course: Path, name: str, data: bytes) -> None:
    (course / "brand").mkdir(exist_ok=True)
    (course / "brand" / name).write_bytes(data)
    kind = "slides" if name.endswith(".pptx") else "document"
    text = (course / "course.yaml").read_text(encoding="utf-8")
    (course / "course.yaml").write_text(f"{text}brand: {{{kind}: brand/{name}}}\n", "utf-8")


def _linked_picture_deck(target: str, kind: str = IMAGE) -> bytes:
    """A deck whose master shows a picture kept outside the file, through a relationship
    of type `kind` (an image, or one that calls itself a hyperlink)."""
    prs = pptx.Presentation()
    master = prs.slide_master
    rid = master.part.relate_to(target, kind, is_external=True)
    tree = master.element.find(f"{{{P}}}cSld/{{{P}}}spTree")
    tree.append(
        parse_xml(
            f'<p:pic {NS}><p:nvPicPr><p:cNvPr id="99" name="linked"/><p:cNvPicPr/><p:nvPr/>'
            f'</p:nvPicPr><p:blipFill><a:blip r:link="{rid}"/><a:stretch><a:fillRect/>'
            '</a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/>'
            '<a:ext cx="1000000" cy="1000000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            "</a:prstGeom></p:spPr></p:pic>"
        )
    )
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def test_a_slide_template_linking_a_picture_outside_itself_is_refused(run_kit, course) -> None:
    """LibreOffice would fetch it while making PDFs: a file of the user's, or a web address."""
    target = "file:///home/someone/Documents/secret.png"
    _with_brand(course, "church.pptx", _linked_picture_deck(target))
    result = run_kit("check", "course.yaml")
    assert result.code == 2
    assert result.err.splitlines()[0].endswith(
        "the PowerPoint template (brand.slides): 'brand/church.pptx' links its image in "
        f"ppt/slideMasters/_rels/slideMaster1.xml.rels to '{target}', which kit will not "
        "fetch or let LibreOffice fetch; use a template that holds its own pictures "
        "(PowerPoint: insert each picture rather than link to it), or remove the link"
    )


def test_a_word_template_with_a_field_that_fetches_a_picture_is_refused(run_kit, course) -> None:
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    run = header.add_run()
    field = parse_xml(
        '<w:instrText xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xml:space="preserve"> INCLUDEPICTURE "http://127.0.0.1:8799/logo.png" </w:instrText>'
    )
    run._r.append(field)
    out = io.BytesIO()
    document.save(out)
    _with_brand(course, "church.docx", out.getvalue())
    result = run_kit("check", "course.yaml")
    assert result.code == 2
    assert "has a field in word/header1.xml that brings in a file or web address" in result.err


def test_a_slide_template_of_thousands_of_shapes_is_refused_at_once(run_kit, course) -> None:
    prs = pptx.Presentation()
    tree = prs.slide_master.element.find(f"{{{P}}}cSld/{{{P}}}spTree")
    for n in range(1_001):
        tree.append(
            parse_xml(
                f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{1000 + n}" name="dot"/><p:cNvSpPr/>'
                f'<p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{(n % 40) * 200_000}" '
                f'y="{(n // 40) * 200_000}"/><a:ext cx="40000" cy="40000"/></a:xfrm>'
                '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:sp>'
            )
        )
    out = io.BytesIO()
    prs.save(out)
    _with_brand(course, "church.pptx", out.getvalue())
    result = run_kit("check", "course.yaml")
    assert result.code == 2
    assert (
        "'brand/church.pptx' draws 1,001 shapes on its slide masters and layouts, where kit "
        "lays out text around at most 1,000; group or remove some, then save it"
    ) in result.err


def test_a_deck_of_endless_text_on_few_slides_is_stopped_at_its_template(run_kit, course) -> None:
    """Continued slides count too: a few @slide lines of 6,000 items are not 600 slides."""
    (course / "mine").mkdir()
    (course / "mine" / "slides.j2").write_text(
        "@slide points\n# T\n{% for x in range(6000) %}\n- item {{ x }}\n{% endfor %}\n",
        encoding="utf-8",
    )
    text = (course / "course.yaml").read_text(encoding="utf-8")
    (course / "course.yaml").write_text(f"{text}templates: mine\n", encoding="utf-8")
    result = run_kit("check", "course.yaml")
    assert result.code == 2
    assert result.err.startswith(
        "mine/slides.j2:4:1: template error: it writes more than 3,000 lines or 100,000 "
        "characters for one deck, more than its slides can show"
    )


@pytest.mark.parametrize("name", ["\ud800x", "a" * 300])
def test_a_record_naming_what_kit_never_writes_is_damaged(run_kit, course, name: str) -> None:
    record = json.loads((course / "build" / ".kit-manifest.json").read_text(encoding="utf-8"))
    record["files"][name] = "ab"
    (course / "build" / ".kit-manifest.json").write_text(json.dumps(record), encoding="utf-8")
    for command in ("check", "build"):
        result = run_kit(command, "course.yaml")
        assert (result.code, result.err.splitlines()[0]) == (
            2,
            f"build/.kit-manifest.json: {DAMAGED}",
        ), command


def test_a_journal_without_its_keys_is_damaged_for_check_and_build(run_kit, course) -> None:
    (course / "build" / ".kit-journal.json").write_text('{"format": 1}', encoding="utf-8")
    for command in ("check", "build"):
        result = run_kit(command, "course.yaml")
        assert (result.code, result.err.splitlines()[0]) == (
            2,
            f"build/.kit-journal.json: {JOURNAL_DAMAGED}",
        ), command


def test_scratch_thousands_of_folders_deep_is_cleared(run_kit, course) -> None:
    fd = os.open(course / "build", os.O_RDONLY)
    for name in [".kit-staging", *["d"] * 3_000]:
        os.mkdir(name, dir_fd=fd)
        inner = os.open(name, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    os.close(fd)
    result = run_kit("build", "course.yaml")
    assert result.code == 0, result.err
    assert not (course / "build" / ".kit-staging").exists()


def test_an_output_folder_reached_through_a_planted_link_is_refused(
    run_kit, course, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "home" / "Documents"
    elsewhere.mkdir()
    (course / "out").symlink_to(elsewhere)
    for command in ("build", "check"):
        result = run_kit(command, "course.yaml", "-o", "out/kit")
        assert (result.code, result.err.splitlines()[0]) == (2, f"out: {OUT_LINK}"), command
    assert list(elsewhere.iterdir()) == []


def test_a_folder_in_place_of_the_lock_is_named(run_kit, course) -> None:
    (course / "build" / ".kit-lock").mkdir()
    result = run_kit("build", "course.yaml")
    assert (result.code, result.err.splitlines()[0]) == (
        2,
        "build/.kit-lock: is a folder, where kit needs a file; move it away, then try again",
    )


@pytest.mark.parametrize("what", ["damaged record", "pipe"])
def test_a_check_reports_what_a_build_would_refuse(run_kit, course, what: str) -> None:
    if what == "pipe":
        shutil.rmtree(course / "build")
        os.mkfifo(course / "build")
        expected = "build: is a pipe, not a folder; name a folder with -o"
    else:
        (course / "build" / ".kit-manifest.json").write_text("{", encoding="utf-8")
        expected = f"build/.kit-manifest.json: {DAMAGED}"
    result = run_kit("check", "course.yaml")
    assert (result.code, result.err.splitlines()[0]) == (2, expected)


def test_undoing_a_forged_journal_brings_no_link_into_the_folder(run_kit, course) -> None:
    build = course / "build"
    journal = {"format": 1, "aside": ["leader-guide.docx"], "placed": {}}
    (build / ".kit-journal.json").write_text(json.dumps(journal), encoding="utf-8")
    (build / ".kit-staging").mkdir()
    (build / ".kit-staging" / ".kit-manifest.json").write_text("{}", encoding="utf-8")
    (build / ".kit-backup").mkdir()
    (build / "leader-guide.docx").unlink()
    (build / ".kit-backup" / "leader-guide.docx").symlink_to(Path.home() / ".bashrc")
    result = run_kit("check", "course.yaml")
    assert result.code == 0, result.err
    assert not (build / "leader-guide.docx").is_symlink()
    assert not (build / ".kit-backup").exists()


# --- tried again: what the second look found ----------------------------------------


def test_a_picture_shown_through_a_hyperlink_is_refused_too(run_kit, course) -> None:
    target = "http://127.0.0.1:18899/beacon.png"
    hyperlink = IMAGE.replace("/image", "/hyperlink")
    _with_brand(course, "church.pptx", _linked_picture_deck(target, hyperlink))
    result = run_kit("check", "course.yaml")
    assert result.code == 2
    assert f"links its hyperlink in ppt/slideMasters/_rels/slideMaster1.xml.rels to '{target}'" in (
        result.err
    )


def test_a_clickable_link_is_kept(run_kit, course) -> None:
    prs = pptx.Presentation()
    layout = prs.slide_layouts[0]
    rid = layout.part.relate_to("https://example.org/", IMAGE.replace("/image", "/hyperlink"), True)
    tree = layout.element.find(f"{{{P}}}cSld/{{{P}}}spTree")
    tree.append(
        parse_xml(
            f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="97" name="web"><a:hlinkClick r:id="{rid}"/>'
            "</p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/></p:sp>"
        )
    )
    out = io.BytesIO()
    prs.save(out)
    _with_brand(course, "church.pptx", out.getvalue())
    assert run_kit("check", "course.yaml").code == 0


@pytest.mark.parametrize("split", [False, True])
def test_a_word_field_split_over_runs_is_read_whole(run_kit, course, split: bool) -> None:
    document = docx.Document()
    paragraph = document.sections[0].header.paragraphs[0]
    pieces = [" INCLUDE", "PICTURE x "] if split else [' INCLUDE "C:/secret.docx" ']
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    for piece in pieces:
        paragraph.add_run()._r.append(
            parse_xml(f'<w:instrText xmlns:w="{w}" xml:space="preserve">{piece}</w:instrText>')
        )
    out = io.BytesIO()
    document.save(out)
    _with_brand(course, "church.docx", out.getvalue())
    result = run_kit("check", "course.yaml")
    assert result.code == 2
    assert "has a field in word/header1.xml that brings in a file or web address" in result.err


def test_an_output_path_written_in_full_is_checked_on_its_way_too(
    run_kit, course, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (course / "out").symlink_to(elsewhere)
    result = run_kit("build", "course.yaml", "-o", course / "out" / "kit")
    assert (result.code, result.err.splitlines()[0]) == (2, f"out: {OUT_LINK}")
    assert list(elsewhere.iterdir()) == []


def test_kit_new_writes_through_no_link_and_into_no_pipe(run_kit, course, tmp_path) -> None:
    elsewhere = tmp_path / "config"
    elsewhere.mkdir()
    (course / "sub").symlink_to(elsewhere)
    result = run_kit("new", "sub/course.yaml")
    assert (result.code, result.err) == (2, "kit: sub is a symbolic link; choose another name\n")
    assert list(elsewhere.iterdir()) == []
    os.mkfifo(course / "pipe.yaml")
    result = run_kit("new", "--force", "pipe.yaml")
    assert result.code == 2
    assert result.err.startswith("pipe.yaml: is a pipe, where kit needs a file")


def test_a_huge_wrap_is_refused_before_it_is_made(run_kit, course) -> None:
    (course / "mine").mkdir()
    (course / "mine" / "handout.j2").write_text(
        "{% set ns = namespace(w='y' * 50000) %}"
        "{% for i in range(3) %}{% set ns.w = ns.w ~ ns.w %}{% endfor %}"
        "{{ ('x' * 6400)|wordwrap(1, wrapstring=ns.w) }}\n",
        encoding="utf-8",
    )
    text = (course / "course.yaml").read_text(encoding="utf-8")
    (course / "course.yaml").write_text(f"{text}templates: mine\n", encoding="utf-8")
    result = run_kit("check", "course.yaml")
    assert result.code == 2
    assert "wrapping this would make a text longer than 1,000,000 characters" in result.err


def test_leftover_scratch_beside_a_forged_backup_is_cleared(run_kit, course) -> None:
    build = course / "build"
    (build / ".kit-journal.json").write_text(
        json.dumps({"format": 1, "aside": [], "placed": {}}), encoding="utf-8"
    )
    (build / ".kit-backup" / "sub").mkdir(parents=True)
    (build / ".kit-backup" / "sub" / "f").write_text("x", encoding="utf-8")
    (build / ".kit-backup.1" / "other").mkdir(parents=True)
    result = run_kit("build", "course.yaml")
    assert result.code == 0, result.err
    assert not (build / ".kit-backup").exists()
