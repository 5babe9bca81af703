"""A course folder from someone else: each way it could harm the computer is refused.

Every case runs `kit build` (and `kit check`) on a course folder made in a temporary
folder, and asserts the exit status, the exact messages, and that the output folder
and everything beside it are left exactly as they were.
"""

from __future__ import annotations

import io
import os
import re
import struct
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pptx
import pytest
from brand_pictures import (
    EPS,
    black_png,
    count_decoding,
    damaged_png,
    dds,
    picture_template,
    png,
    spider,
)
from helpers import build_problems, tree_snapshot
from PIL import EpsImagePlugin

import kit
from kit.compose import documents, templates
from kit.load import brand, files
from kit.resources import data_dir
from kit.templating import budget

CARE = "care: [{name: Church office, phone: 555-0100}]\n"
"""A care contact, so that a course written here draws no warning for lacking one."""

SUMMARY = "kit: {n} problem{s} found; nothing was written"
COURSE = "title: x\n{extra}weeks: [trust]\ncare: [{{name: Office}}]\n"


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty course folder, the working folder, with an output folder already filled."""
    folder = tmp_path / "course"
    (folder / "out").mkdir(parents=True)
    (folder / "out" / "leader-guide.docx").write_bytes(b"the coordinator's edited copy")
    (folder / "out" / "notes.txt").write_text("keep me\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


Fails = Callable[..., None]


@pytest.fixture
def fails(course: Path, run_kit) -> Fails:
    """Assert that `kit build` and `kit check` exit 2 with exactly `lines` and write nothing."""

    def check(*lines: str, course_file: str = "course.yaml") -> None:
        before = tree_snapshot(course.parent)
        for args in (["build", course_file, "-o", "out"], ["check", course_file]):
            shown = list(lines)
            if args[0] == "build":  # the guide in the output folder is the coordinator's
                shown = build_problems(shown, course / course_file, ["out/leader-guide.docx"])
            n = len(shown)
            expected = [*shown, SUMMARY.format(n=n, s="s" if n != 1 else "")]
            result = run_kit(*args)
            assert result.err.splitlines() == expected, args
            assert result.code == 2
            assert result.out == ""
            assert tree_snapshot(course.parent) == before

    return check


def _write(course: Path, files_: dict[str, str], extra: str = "") -> None:
    (course / "course.yaml").write_text(COURSE.format(extra=extra), encoding="utf-8")
    for name, text in files_.items():
        path = course / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _template(course: Path, source: str, name: str = "handout.j2") -> None:
    _write(
        course,
        {f"my-templates/{name}": f"# {{{{ week.title }}}}\n{source}\n"},
        "templates: my-templates\n",
    )


# --- 1. templates get plain data -----------------------------------------------------


def test_a_template_cannot_reach_pydantic_and_unpickle(course: Path, fails: Fails) -> None:
    _template(course, "{{ week.points[0].parse_raw('x', proto='pickle', allow_pickle=True) }}")
    fails(
        "my-templates/handout.j2:2:1: template error: TeachingPoint has no 'parse_raw'; "
        "known: body, heading, slide, story, talk"
    )


def test_a_template_cannot_call_a_string_format(course: Path, fails: Fails) -> None:
    _template(course, "{{ '{0.points}'.format(week) }}")
    fails(
        "my-templates/handout.j2:2:1: template error: access to attribute 'format' of 'str' "
        "object is unsafe; templates see the course and its text, not Python"
    )


# --- 2. links out of the course folder -----------------------------------------------


def test_links_out_of_the_course_folder_are_refused(course: Path, fails: Fails) -> None:
    _write(
        course,
        {"my-templates/slides.j2": '{% include "_host.j2" %}\n'},
        "templates: my-templates\nlessons: lessons\n",
    )
    (course / "my-templates" / "handout.j2").symlink_to("/etc/hostname")
    (course / "my-templates" / "_host.j2").symlink_to("/etc/passwd")
    (course / "my-templates" / "sys").symlink_to("/etc")
    (course / "lessons").mkdir()
    (course / "lessons" / "shadow.yaml").symlink_to("/etc/shadow")
    link = files.LINK_OUT
    fails(
        f"lessons/shadow.yaml:1:1: {link}",
        f"my-templates/_host.j2:1:1: {link}",
        f"my-templates/handout.j2:1:1: {link}",
        f"my-templates/sys:1:1: {link}",
    )


def test_a_template_include_built_at_render_time_cannot_follow_a_link(
    course: Path, fails: Fails
) -> None:
    _template(course, "{% include '_h' ~ 'ost.j2' %}")
    (course / "my-templates" / "_host.j2").symlink_to("/etc/passwd")
    fails(f"my-templates/_host.j2:1:1: {files.LINK_OUT}")


def test_folders_and_brand_files_named_in_the_course_may_not_link_out(
    course: Path, fails: Fails
) -> None:
    _write(course, {}, "templates: t\nlessons: l\nbrand: {slides: b/church.pptx}\n")
    (course / "t").symlink_to("/etc")
    (course / "l").symlink_to("/etc")
    (course / "b").mkdir()
    (course / "b" / "church.pptx").symlink_to("/etc/passwd")
    fails(
        f"course.yaml:2:12: templates folder (templates): 't' {files.LINK_OUT}",
        f"course.yaml:3:10: lessons folder (lessons): 'l' {files.LINK_OUT}",
        "course.yaml:4:17: the PowerPoint template (brand.slides): 'b/church.pptx' "
        f"{files.LINK_OUT}",
    )


def test_a_file_that_is_not_a_lesson_is_not_echoed(course: Path, fails: Fails) -> None:
    secret = "root:$6$saltsaltsalt$hashhashhashhashhashhash:19000:0:99999:7:::"
    _write(
        course,
        {"lessons/shadow.yaml": f"{secret}\ndaemon:*:19000:0:99999:7:::\n"},
        "lessons: lessons\n",
    )
    fails(
        "lessons/shadow.yaml:1:1: not a lesson file: none of its keys is one a lesson has; "
        "known: big_idea, discussion, exercise, id, leader, opening, prayer, questions, "
        "scripture, sources, take_home, teaching, title"
    )


# --- 3. no absolute paths in the template context ------------------------------------


def test_the_template_context_holds_no_paths(course: Path, fails: Fails) -> None:
    _template(course, "{{ '%r'|format(course.templates_dir) }}")
    fails(
        "my-templates/handout.j2:2:1: template error: Course has no 'templates_dir'; known: "
        "arrival, care, church, date_style, every, first_date, helplines, language, large_print, "
        "last_date, leaders, minutes, place, schedule, span, start_time, subtitle, "
        "table_leaders, time_style, title, translation, translation_name, weeks"
    )


# --- 6. time, memory and output budgets ----------------------------------------------


def test_a_template_that_loops_too_long_is_stopped(
    course: Path, fails: Fails, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Long enough that kit's own guide renders within it on a busy machine.
    monkeypatch.setattr(budget, "MAX_SECONDS", 2.0)
    _template(
        course, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    fails(
        "my-templates/handout.j2:2:1: template error: it takes longer than 2 seconds to "
        "render; look for loops inside loops"
    )


def test_a_template_that_renders_too_much_is_stopped(course: Path, fails: Fails) -> None:
    _template(course, "\n{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}")
    fails("my-templates/handout.j2:3:1: template error: it renders more than 10,000,000 characters")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "{{ 'x'.ljust(10 ** 9) }}",
            "access to attribute 'ljust' of 'str' object is unsafe; templates see the course "
            "and its text, not Python",
        ),
        (
            "{% set ns = namespace(s='x') %}{% for i in range(64) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
            "joining with ~ would make a text longer than 1,000,000 characters",
        ),
        ("{{ '%1000000000s'|format('x') }}", "a % format may pad to at most 1,000 characters"),
        ("{{ 'x'|center(10 ** 9) }}", "a filter may pad to at most 1,000 characters"),
        (
            "{% set b = ['x' * 100000] %}{{ (b + b + b + b + b + b + b + b + b + b + b)|join }}",
            "the filter 'join' would make a text longer than 1,000,000 characters",
        ),
        (
            "{{ range(3)|batch(10 ** 9, 'x')|list }}",
            "a batch or slice of more than 100,000 items is too large",
        ),
    ],
)
def test_a_template_that_would_build_a_huge_value_is_stopped(
    course: Path, fails: Fails, source: str, message: str
) -> None:
    _template(course, source)
    fails(f"my-templates/handout.j2:2:1: template error: {message}")


def test_a_template_needing_too_much_memory_is_stopped(
    course: Path, fails: Fails, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget, "MAX_MEMORY", 32 * 2**20)
    monkeypatch.setattr(budget, "MAX_SECONDS", 60.0)
    monkeypatch.setattr(templates, "MAX_OUTPUT", 10**9)
    _template(
        course,
        "{% macro m() %}{% for i in range(100000) %}{% for j in range(100000) %}"
        "{{ ('x' * 4000) ~ i ~ j }}{% endfor %}{% endfor %}{% endmacro %}{{ m() }}",
    )
    fails("my-templates/handout.j2:2:1: template error: it needs more than 32 MB of memory")


HOG = (
    '{% macro hog(n) %}{% set k = "x" * 100000 %}'
    "{% set big = [k ~ k ~ k ~ k ~ k ~ k ~ k ~ k ~ k ~ n]|map('upper')|sort %}"
    "{% if n > 1 %}{{ hog(n - 1) }}{% endif %}{{ big|length }}{% endmacro %}"
)
"""A macro `hog(n)` that holds about n MB while it runs, in values filters built."""


def test_memory_is_counted_from_each_render_not_from_the_peak_so_far(
    course: Path, fails: Fails, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each week needs 10 MB more than the last: the peak rises by less than the budget
    # each time, but week 2 needs 20 MB of its own.
    monkeypatch.setattr(budget, "MAX_MEMORY", 15 * 2**20)
    monkeypatch.setattr(budget, "MEMORY_LOOK", 0.0)
    _template(course, HOG + "{{ hog(week.number * 10) }}")
    (course / "course.yaml").write_text(
        f"title: x\ntemplates: my-templates\n{CARE}weeks: [trust, safety, empathy]\n"
        "intimacy: false\n",
        encoding="utf-8",
    )
    fails("my-templates/handout.j2:2:1: template error: it needs more than 15 MB of memory")


def test_a_slow_template_is_stopped_in_another_thread_as_in_the_pages_build(
    course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kit.course.course_file import load_course
    from kit.errors import KitError

    # Well above what kit's own templates take on a busy machine, well below the template's.
    monkeypatch.setattr(budget, "MAX_SECONDS", 2.0)
    # Few lines of template, each making hundreds of thousands of filter calls.
    _template(
        course,
        "{% for i in range(200) %}{{ range(100000)|map('string')|map('upper')|join|length }}"
        "{% endfor %}",
    )
    caught: list[KitError] = []

    def build() -> None:
        try:
            kit.build(load_course(course / "course.yaml"), course / "new")
        except KitError as exc:
            caught.append(exc)

    thread = threading.Thread(target=build)
    thread.start()
    thread.join()
    assert [str(p) for e in caught for p in e.problems] == [
        "my-templates/handout.j2:2:1: template error: it takes longer than 2 seconds to "
        "render; look for loops inside loops"
    ]
    assert not (course / "new").exists()


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            "it takes longer than 2 seconds to render; look for loops inside loops",
        ),
        (HOG + "{{ hog(24) }}", "it needs more than 16 MB of memory"),
    ],
)
def test_a_failing_template_is_rendered_once_and_reported_once(
    course: Path, fails: Fails, monkeypatch: pytest.MonkeyPatch, source: str, message: str
) -> None:
    # Well above what kit's own templates take on a busy machine, well below the template's.
    monkeypatch.setattr(budget, "MAX_SECONDS", 2.0)
    monkeypatch.setattr(budget, "MAX_MEMORY", 16 * 2**20)
    monkeypatch.setattr(budget, "MEMORY_LOOK", 0.0)
    rendered: list[str] = []
    real = documents.render

    def render(env, name, *args, **context):
        rendered.append(f"{name} {context['week'].number if 'week' in context else ''}".strip())
        return real(env, name, *args, **context)

    monkeypatch.setattr(documents, "render", render)
    _template(course, source)
    (course / "course.yaml").write_text(
        f"title: x\ntemplates: my-templates\n{CARE}weeks: [trust, safety]\n", encoding="utf-8"
    )
    fails(f"my-templates/handout.j2:2:1: template error: {message}")
    once = [
        "leader-guide.j2",
        "leader-packet.j2",
        "leader-notes.j2 1",
        "slides.j2 1",
        "handout.j2 1",
        "leader-notes.j2 2",
        "slides.j2 2",
        "participant-booklet.j2",  # the week's pages, not handout.j2: it renders
    ]
    assert rendered == once + once  # kit build, then kit check


def test_a_template_writing_ten_thousand_slides_is_stopped_at_the_limit(
    course: Path, fails: Fails
) -> None:
    _write(
        course,
        {
            "my-templates/slides.j2": "@slide title\n# {{ week.title }}\n"
            "{% for i in range(10000) %}\n@slide points\n# Point {{ i }}\n{% endfor %}\n"
        },
        "templates: my-templates\n",
    )
    fails(
        "my-templates/slides.j2:3:1: template error: it writes more than 500 slides; "
        "one deck holds at most 500"
    )


# --- 9. files that never end ---------------------------------------------------------


def test_a_course_file_that_is_not_a_regular_file_is_not_read(course: Path, fails: Fails) -> None:
    (course / "zero.yaml").symlink_to("/dev/zero")
    fails(
        "zero.yaml: is not a regular file; kit reads only ordinary files", course_file="zero.yaml"
    )


def test_a_lesson_that_is_a_pipe_is_not_opened(course: Path, fails: Fails) -> None:
    _write(course, {"lessons/01-trust.yaml": "id: [\n"}, "lessons: lessons\n")
    os.mkfifo(course / "lessons" / "02-pipe.yaml")
    fails(
        "lessons/01-trust.yaml:2:1: YAML syntax: the file ends where a value should follow; "
        "finish the value above, or close the list ('[ ]') or mapping ('{ }') it opens",
        "lessons/02-pipe.yaml: is not a regular file; kit reads only ordinary files",
    )


def test_a_template_that_is_a_pipe_is_reported_not_skipped(course: Path, fails: Fails) -> None:
    _write(
        course,
        {"my-templates/notes.txt": "kept beside the templates\n"},
        "templates: my-templates\n",
    )
    os.mkfifo(course / "my-templates" / "handout.j2")
    fails("my-templates/handout.j2: is not a regular file; kit reads only ordinary files")


# --- 12. paths that cannot be followed -----------------------------------------------


def test_an_unknown_users_home_and_the_whole_disk(course: Path, fails: Fails) -> None:
    _write(course, {}, "lessons: ~nouser/x\ntemplates: /\n")
    fails(
        "course.yaml:2:10: lessons folder (lessons): '~nouser/x' starts with ~nouser, but no such "
        "user's "
        "home is known",
        "course.yaml:3:12: templates folder (templates): template folder '/' holds more than 200 "
        "files and "
        "folders; a templates folder holds a few .j2 files",
    )


def test_names_too_long_for_the_system_are_located(course: Path, fails: Fails) -> None:
    name = "a" * 300
    _write(course, {}, f"templates: {name}\nlessons: x/{name}\nbrand: {{slides: b/{name}.pptx}}\n")
    fails(
        f"course.yaml:2:12: templates folder (templates): {files.TOO_LONG}",
        f"course.yaml:3:10: lessons folder (lessons): {files.TOO_LONG}",
        f"course.yaml:4:17: the PowerPoint template (brand.slides): {files.TOO_LONG}",
    )


# --- 10. what a template writes must fit in a document -------------------------------


@pytest.mark.parametrize(
    ("value", "code"), [("\\x1b[2J", "001B"), ("\\ud800", "D800"), ("\\uffff", "FFFF")]
)
def test_characters_a_document_cannot_hold_are_located(
    course: Path, fails: Fails, value: str, code: str
) -> None:
    _template(course, f"Some text\n\n{{{{ '{value}' }}}}")
    fails(
        f"my-templates/handout.j2:4:1: markup: the text holds the control character "
        f"U+{code}, which documents cannot hold; delete it"
    )


def test_boxes_nested_without_end_are_refused(course: Path, fails: Fails) -> None:
    _template(course, "@box note Title\n" * 5000)
    fails("my-templates/handout.j2:10:1: markup: @box nested more than 8 deep")


def test_too_many_lines_to_write_on(course: Path, fails: Fails) -> None:
    _template(course, "\n@lines 100000000")
    fails(
        "my-templates/handout.j2:3:1: markup: @lines takes a number from 0 to 100; found 100000000"
    )


def test_a_markup_error_names_the_included_template_and_its_line(
    course: Path, fails: Fails
) -> None:
    _write(
        course,
        {
            "my-templates/slides.j2": "@slide title\n# {{ week.title }}\n{% include '_x.j2' %}\n",
            "my-templates/_x.j2": "One\n\n@frob\n",
        },
        "templates: my-templates\n",
    )
    fails("my-templates/_x.j2:3:1: markup: unknown directive '@frob'")


def test_a_slides_template_saved_with_a_byte_order_mark_is_read(course: Path, run_kit) -> None:
    source = (Path(data_dir("templates")) / "slides.j2").read_text(encoding="utf-8")
    _write(course, {}, "templates: my-templates\n")
    (course / "my-templates").mkdir()
    (course / "my-templates" / "slides.j2").write_bytes(b"\xef\xbb\xbf" + source.encode())
    result = run_kit("check", "course.yaml")
    assert (result.code, result.err) == (0, "")


# --- 7 and 11. brand files -----------------------------------------------------------


def _office(kind: str) -> bytes:
    out = io.BytesIO()
    (pptx.Presentation() if kind == "pptx" else docx.Document()).save(out)
    return out.getvalue()


def _repack(data: bytes, change: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", 8) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, change.get(info.filename, src.read(info)))
    return out.getvalue()


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def _brand(course: Path, name: str, data: bytes) -> None:
    key = "slides" if name.endswith(".pptx") else "document"
    _write(course, {}, f"brand: {{{key}: {name}}}\n")
    (course / name).write_bytes(data)


def test_a_brand_part_that_unpacks_too_large_is_refused_while_unpacking(
    course: Path, fails: Fails, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(brand, "MAX_PART", 2_000_000)
    data = _office("docx")
    styles = _part(data, "word/styles.xml")
    padding = b"<w:style w:type='paragraph' w:styleId='S'/>" * 60_000
    big = styles.replace(b"</w:styles>", padding + b"</w:styles>")
    _brand(course, "church.docx", _repack(data, {"word/styles.xml": big}))
    fails(
        "course.yaml:2:19: the Word template (brand.document): 'church.docx' has a part, "
        "word/styles.xml, that "
        "unpacks to more than 2,000,000 bytes; kit reads parts of at most that; open it in "
        "Word and save it as .docx"
    )


def test_a_brand_part_that_lies_about_its_size_is_refused(course: Path, fails: Fails) -> None:
    data = bytearray(_repack(_office("docx"), {"word/styles.xml": b"<a/>" + b" " * 500_000}))
    # The central directory says the part unpacks to 600 bytes; it unpacks to 500,004.
    (directory,) = struct.unpack_from("<I", data, data.rindex(b"PK\x05\x06") + 16)
    entry = data.find(b"word/styles.xml", directory) - 46
    assert data[entry : entry + 4] == b"PK\x01\x02"
    data[entry + 24 : entry + 28] = struct.pack("<I", 600)
    _brand(course, "church.docx", bytes(data))
    fails(
        "course.yaml:2:19: the Word template (brand.document): 'church.docx' is damaged: its "
        "part word/styles.xml "
        "cannot be unpacked; open it in Word and save it as .docx"
    )


def test_a_brand_part_with_a_dtd_is_refused(course: Path, fails: Fails) -> None:
    data = _office("docx")
    styles = _part(data, "word/styles.xml")
    dtd = styles.replace(b"?>", b'?><!DOCTYPE w:styles [<!ENTITY x "hi">]>', 1)
    _brand(course, "church.docx", _repack(data, {"word/styles.xml": dtd}))
    fails(
        "course.yaml:2:19: the Word template (brand.document): 'church.docx' is damaged: its "
        "part word/styles.xml "
        "holds a document type declaration (<!DOCTYPE>), which Office never writes; open it "
        "in Word and save it as .docx"
    )


def test_a_theme_with_an_undefined_entity_is_refused(course: Path, fails: Fails) -> None:
    data = _office("pptx")
    theme = _part(data, "ppt/theme/theme1.xml").replace(b'name="Office Theme"', b'name="&x;"')
    _brand(course, "church.pptx", _repack(data, {"ppt/theme/theme1.xml": theme}))
    fails(
        "course.yaml:2:17: the PowerPoint template (brand.slides): 'church.pptx' is damaged: its "
        "part "
        "ppt/theme/theme1.xml is not valid XML; open it in PowerPoint and save it as .pptx"
    )


@pytest.mark.parametrize(
    "change",
    [
        # No override for the layout: it would be read as plain XML.
        lambda types: re.sub(
            rb'<Override PartName="/ppt/slideLayouts/slideLayout1.xml"[^>]*/>', b"", types
        ),
        # The layout said to be a slide.
        lambda types: types.replace(b"slideLayout+xml", b"slide+xml", 1),
    ],
    ids=["missing", "wrong"],
)
def test_a_slide_layout_without_its_content_type_is_refused(
    course: Path, fails: Fails, change: Callable[[bytes], bytes]
) -> None:
    data = _office("pptx")
    types = change(_part(data, "[Content_Types].xml"))
    _brand(course, "church.pptx", _repack(data, {"[Content_Types].xml": types}))
    fails(
        "course.yaml:2:17: the PowerPoint template (brand.slides): 'church.pptx' is damaged: its "
        "part "
        "ppt/slideLayouts/slideLayout1.xml is not listed as a slide layout in "
        "[Content_Types].xml; open it in PowerPoint and save it as .pptx"
    )


# --- 12. pictures in a church's slide template --------------------------------------


def _builds(course: Path, run_kit) -> None:
    """`kit build` and `kit check` succeed and say nothing but what they did."""
    for args in (["build", "course.yaml", "-o", "built"], ["check", "course.yaml"]):
        result = run_kit(*args)
        assert (result.code, result.err) == (0, ""), args
    assert (course / "built" / "week-01-slides.pptx").is_file()


def test_a_postscript_picture_is_never_run(
    course: Path, run_kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = []

    def ghostscript(*args: object) -> None:
        ran.append(args)
        raise OSError("Ghostscript was asked to run a picture")

    # The real Ghostscript would run the picture's `{ } loop` for ever.
    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", ghostscript)
    _brand(course, "church.pptx", picture_template([EPS], background=True))
    _builds(course, run_kit)
    assert ran == []


@pytest.mark.parametrize("picture", [damaged_png, dds, spider], ids=["png", "dds", "spider"])
def test_a_damaged_or_unknown_picture_counts_as_the_background(
    course: Path, run_kit, picture: Callable[[], bytes]
) -> None:
    _brand(course, "church.pptx", picture_template([picture()], background=True))
    _builds(course, run_kit)


def test_each_picture_is_decoded_once_in_a_build(
    course: Path, run_kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded = count_decoding(monkeypatch)
    sizes = [(64 + n, 36) for n in range(17)]
    pictures = [png(w, h, str(w), (10 * n, 20, 40)) for n, (w, h) in enumerate(sizes)]
    _brand(course, "church.pptx", picture_template(pictures))
    (course / "course.yaml").write_text(
        "title: x\nbrand: {slides: church.pptx}\nweeks: [trust, safety]\n", encoding="utf-8"
    )
    assert run_kit("build", "course.yaml", "-o", "built").code == 0
    assert sorted(decoded) == sizes


def test_tiny_pictures_of_millions_of_pixels_are_refused(course: Path, fails: Fails) -> None:
    pictures = [black_png(6300, 6300, str(n)) for n in range(17)]  # 5 kB each
    _brand(course, "church.pptx", picture_template(pictures))
    fails(
        "course.yaml:2:17: the PowerPoint template (brand.slides): 'church.pptx' has pictures in "
        "its slide masters and "
        "layouts too large to read: 674,730,000 pixels in all, where kit reads at most "
        "200,000,000; save them smaller (in PowerPoint, Compress Pictures on each)"
    )


# --- 8. sizes far above any real course ----------------------------------------------


def test_a_course_past_the_size_limits_is_refused(course: Path, fails: Fails) -> None:
    added = "".join(f"        - {{text: 'Q{i}?'}}\n" for i in range(101))
    (course / "course.yaml").write_text(
        f"title: x\nchurch: {'a' * 5001}\nweeks:\n  - lesson: trust\n    questions:\n"
        f"      add:\n{added}",
        encoding="utf-8",
    )
    fails(
        "course.yaml:2:9: church's name (church): text of 5,001 characters; kit takes at most "
        "5,000 in one value",
        "course.yaml:7:9: week 1's questions added (weeks[0].questions.add): has 101 items; kit "
        "takes at most 100 here",
    )


def test_a_course_of_ten_thousand_weeks_is_refused_at_once(course: Path, fails: Fails) -> None:
    (course / "course.yaml").write_text(
        "title: x\nweeks: [" + ", ".join(["trust"] * 10_000) + "]\n", encoding="utf-8"
    )
    fails("course.yaml:2:8: weeks: has 10,000 items; kit takes at most 260 here")


def test_a_lesson_past_the_limits_is_refused(course: Path, fails: Fails) -> None:
    _write(
        course,
        {"lessons/big.yaml": "id: big\n" + "x" * 101 + ": 1\n"},
        "lessons: lessons\n",
    )
    fails("lessons/big.yaml:2:1: a key of 101 characters; keys are short names")


# --- nits ----------------------------------------------------------------------------


def test_control_characters_from_a_course_file_are_escaped(course: Path, fails: Fails) -> None:
    (course / "course.yaml").write_text(
        'title: x\n"\\e[2J\\u202eevil": 1\nweeks: [trust]\ncare: [{name: Office}]\n',
        encoding="utf-8",
    )
    fails(
        "course.yaml:2:1: \\x1b[2J\\u202eevil: unknown key '\\x1b[2J\\u202eevil'; known: "
        "arrival, brand, care, church, date_style, every, helplines, intimacy, language, "
        "large_print, leaders, lessons, minutes, notices, place, skip, start, subtitle, templates, "
        "time, time_style, title, translation, weeks"
    )


def test_a_whole_number_with_a_leading_zero_is_refused(course: Path, fails: Fails) -> None:
    _write(course, {}, "minutes: 0120\n")
    fails(
        "course.yaml:2:10: session length (minutes): 0120 starts with 0, so YAML would read it as "
        "another "
        "number; write 120 without the leading zero"
    )


def test_kit_new_does_not_write_through_a_link(course: Path, run_kit) -> None:
    (course / "link.yaml").symlink_to(course / "elsewhere" / "course.yaml")
    before = tree_snapshot(course.parent)
    for args in (["new", "link.yaml"], ["new", "link.yaml", "--force"]):
        result = run_kit(*args)
        assert (result.code, result.out) == (2, "")
        assert result.err == "kit: link.yaml is a symbolic link; choose another name\n"
        assert tree_snapshot(course.parent) == before


def test_output_names_sort_in_order_past_week_99(tmp_path: Path) -> None:
    from kit.compose.documents import compose_kit
    from kit.course.course_file import load_course

    path = tmp_path / "course.yaml"
    path.write_text("title: x\nweeks: [" + ", ".join(["trust"] * 100) + "]\n", encoding="utf-8")
    names = [o.name for o in compose_kit(load_course(path))]
    assert names[2:5] == [
        "week-001-leader-notes.docx",
        "week-001-slides.pptx",
        "week-001-handout.docx",
    ]
    assert names[-2:] == ["week-100-handout.docx", "participant-booklet.docx"]
    assert names[2:-1] == sorted(names[2:-1], key=lambda n: n.split("-")[1])
    path.write_text("title: x\nweeks: [trust, safety]\n", encoding="utf-8")
    assert [o.name for o in compose_kit(load_course(path))][2] == "week-01-leader-notes.docx"
