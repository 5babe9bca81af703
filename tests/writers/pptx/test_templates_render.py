"""The built-in course on ten church templates: kit's design, the template's identity.

Each template (made by design/make_test_templates.py) gets the first week of the
built-in course, and one LibreOffice run renders all ten decks. What is checked: as
many slides as on kit's own template, every word inside its box, no text over the
template's furniture, body text at 24 points or more, theme colours on the kickers and
rules, readable text, questions in the middle of the room, kickers aligned as titles.
"""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf
import pytest
from deck_checks import inside, opacity
from helpers import (
    EMU_PER_PT,
    FIXTURES,
    is_kicker,
    needs_soffice,
    render_pdf,
    stray_words,
    text_runs,
    text_shapes,
)
from lxml import etree
from openxml_audit import validate_pptx
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.enum.text import PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.shapes.base import BaseShape
from pptx.slide import Slide

import kit
from kit.writers.ooxml import NAMESPACES
from kit.writers.pptx.theme import (
    MIN_CONTRAST,
    backgrounds,
    blend,
    contrast,
    luminance,
    read_theme,
)

TEMPLATES = sorted((FIXTURES / "templates-pptx").glob("*.pptx"))
NAMES = [t.stem for t in TEMPLATES]
BODY_MIN = 24


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Week 1 of the built-in course on each template."""
    folder = tmp_path_factory.mktemp("templates")
    out = {}
    for template in TEMPLATES:
        course = folder / template.stem / "course.yaml"
        course.parent.mkdir()
        course.write_text(
            "title: 'Closer: Six Weeks of Building Connection'\nchurch: Grace Community Church\n"
            f"start: 2027-01-10\nbrand: {{slides: {template}}}\nweeks: [trust]\n",
            encoding="utf-8",
        )
        kit.build(kit.load_course(course), course.parent / "build")
        out[template.stem] = folder / f"{template.stem}.pptx"
        out[template.stem].write_bytes(
            (course.parent / "build" / "week-01-slides.pptx").read_bytes()
        )
    return out


@pytest.fixture(scope="module")
def pdfs(decks: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each deck as LibreOffice renders it."""
    rendered = render_pdf(list(decks.values()), tmp_path_factory.mktemp("templates-pdf"))
    return dict(zip(decks, rendered, strict=True))


def _title(slide: Slide) -> BaseShape | None:
    """The title placeholder, or on a layout without one kit's box named Title."""
    return slide.shapes.title or next((s for s in slide.shapes if s.name == "Title"), None)


def _body(slide: Slide) -> BaseShape:
    """The tallest text shape that is neither the title nor the kicker."""
    others = [s for s in text_shapes(slide) if s != _title(slide) and not is_kicker(s)]
    return max(others, key=lambda s: s.height)


def _color(run) -> str:
    return str(run.font.color.rgb)


def _furniture(slide: Slide) -> list[tuple[int, int, int, int, str]]:
    """Every drawn shape of the slide's master and layout, measured with python-pptx."""
    layout = slide.slide_layout
    found = []
    for shapes in (layout.slide_master.shapes, layout.shapes):
        for s in shapes:
            if not s.is_placeholder:
                found.append((s.left, s.top, s.left + s.width, s.top + s.height, s.shape_type))
    return found


def _overlap(a: BaseShape, box: tuple) -> bool:
    return (
        a.left < box[2]
        and box[0] < a.left + a.width
        and a.top < box[3]
        and box[1] < a.top + a.height
    )


def test_there_are_ten_templates() -> None:
    assert len(TEMPLATES) == 10


@pytest.mark.parametrize("name", NAMES)
def test_as_many_slides_as_on_kits_own_template(decks: dict, builtin_kit: Path, name: str) -> None:
    own = Presentation(str(builtin_kit / "week-01-slides.pptx"))
    assert len(Presentation(str(decks[name])).slides) == len(own.slides)


@pytest.mark.parametrize("name", NAMES)
def test_no_text_over_the_templates_pictures_bands_or_logos(decks: dict, name: str) -> None:
    prs = Presentation(str(decks[name]))
    pictures = 0
    for n, slide in enumerate(prs.slides, 1):
        for box in _furniture(slide):
            pictures += box[4] == MSO_SHAPE_TYPE.PICTURE
            hit = [s.text_frame.text[:30] for s in text_shapes(slide) if _overlap(s, box)]
            assert hit == [], f"slide {n}"
    assert pictures or name in (
        "bold-band",
        "small-placeholders",
        "gradient-ornament",
        "photo-split",
    )


@pytest.mark.parametrize("name", NAMES)
def test_body_text_is_24_points_or_more(decks: dict, name: str) -> None:
    for n, slide in enumerate(Presentation(str(decks[name])).slides, 1):
        sizes = {r.font.size.pt for r in text_runs(_body(slide))}
        assert min(sizes) >= BODY_MIN, f"slide {n}: {sorted(sizes)}"


@pytest.mark.parametrize("name", NAMES)
def test_kickers_and_rules_wear_the_themes_colours(decks: dict, name: str) -> None:
    prs = Presentation(str(decks[name]))
    theme = set(read_theme(prs.slide_master).colors.values())
    rules = 0
    for n, slide in enumerate(prs.slides, 1):
        [kicker] = [s for s in text_shapes(slide) if is_kicker(s)]
        assert {_color(r) for r in text_runs(kicker)} <= theme, f"slide {n}"
        for rule in (s for s in slide.shapes if s.name == "Rule"):
            rules += 1
            assert str(rule.fill.fore_color.rgb) in theme, f"slide {n}"
    assert rules == len(prs.slides)


@pytest.mark.parametrize("name", NAMES)
def test_all_text_reads_on_the_slides_background(decks: dict, name: str) -> None:
    prs = Presentation(str(decks[name]))
    theme = read_theme(prs.slide_master)
    for n, slide in enumerate(prs.slides, 1):
        grounds = backgrounds(prs.slide_master, slide.slide_layout, theme)
        for panel in (s for s in slide.shapes if s.name == "Panel"):
            grounds = _on_panel(panel, grounds)
        for shape in text_shapes(slide):
            for run in text_runs(shape):
                worst = min(contrast(_color(run), g) for g in grounds)
                assert worst >= MIN_CONTRAST, f"slide {n}: {run.text!r} at {worst:.2f}"


def _photo_extremes(prs) -> tuple[str, str]:
    """The darkest and lightest pixels of the picture behind every slide of a template."""
    blip = prs.slide_master.element.find(".//p:bg/p:bgPr/a:blipFill/a:blip", NAMESPACES)
    blob = prs.slide_master.part.related_part(blip.get(qn("r:embed"))).blob
    with Image.open(io.BytesIO(blob)) as img:
        data = img.convert("RGB").tobytes()
    pixels = {data[i : i + 3].hex().upper() for i in range(0, len(data), 3)}
    by_light = sorted(pixels, key=luminance)
    return by_light[0], by_light[-1]


def test_text_over_a_busy_photo_stands_on_a_panel_and_reads(decks: dict) -> None:
    # Light on the left, dark on the right: no colour reads on both, so kit lays a panel.
    prs = Presentation(str(decks["photo-split"]))
    darkest, lightest = _photo_extremes(prs)
    assert contrast(darkest, lightest) > 8
    for n, slide in enumerate(prs.slides, 1):
        [panel] = [s for s in slide.shapes if s.name == "Panel"]
        assert slide.shapes[0].name == "Panel", f"slide {n}: the panel lies under every shape"
        grounds = _on_panel(panel, [darkest, lightest])
        for shape in text_shapes(slide):
            assert inside(shape, panel), f"slide {n}: {shape.text_frame.text[:30]!r}"
            for run in text_runs(shape):
                worst = min(contrast(_color(run), g) for g in grounds)
                assert worst >= MIN_CONTRAST, f"slide {n}: {run.text!r} at {worst:.2f}"


def _on_panel(panel: BaseShape, grounds: list[str]) -> list[str]:
    """The colours a panel shows, at its own opacity, over each of `grounds`."""
    color = str(panel.fill.fore_color.rgb)
    return [blend(color, g, opacity(panel)) for g in grounds]


@pytest.mark.parametrize("name", [n for n in NAMES if n != "photo-split"])
def test_a_panel_only_where_no_text_colour_reads(decks: dict, name: str) -> None:
    prs = Presentation(str(decks[name]))
    assert [s.name for slide in prs.slides for s in slide.shapes if s.name == "Panel"] == []


def test_text_over_a_dark_photo_reads_on_all_of_the_photo(decks: dict) -> None:
    # The photo template's theme says light background and dark text; its picture is dark.
    prs = Presentation(str(decks["photo-night"]))
    darkest, lightest = _photo_extremes(prs)
    assert luminance(lightest) < 0.2
    runs = 0
    for n, slide in enumerate(prs.slides, 1):
        for shape in text_shapes(slide):
            for run in text_runs(shape):
                runs += 1
                worst = min(contrast(_color(run), g) for g in (darkest, lightest))
                assert worst >= MIN_CONTRAST, f"slide {n}: {run.text!r} at {worst:.2f}"
    assert runs > 50


@needs_soffice
@pytest.mark.parametrize("name", NAMES)
def test_every_word_lies_inside_its_shape(decks: dict, pdfs: dict, name: str) -> None:
    assert stray_words(decks[name], pdfs[name]) == []


def _words_of(page: pymupdf.Page, shape: BaseShape) -> list[tuple[float, ...]]:
    """The rendered words inside a shape's box, in points."""
    x0, y0 = shape.left / EMU_PER_PT, shape.top / EMU_PER_PT
    x1, y1 = x0 + shape.width / EMU_PER_PT, y0 + shape.height / EMU_PER_PT
    return [
        w[:4]
        for w in page.get_text("words")
        if x0 - 1 <= w[0] and w[2] <= x1 + 1 and y0 - 1 <= w[1] and w[3] <= y1 + 1
    ]


def _span(words: list[tuple[float, ...]]) -> tuple[float, float, float, float]:
    return (
        min(w[0] for w in words),
        min(w[1] for w in words),
        max(w[2] for w in words),
        max(w[3] for w in words),
    )


@needs_soffice
@pytest.mark.parametrize("name", NAMES)
def test_questions_stand_in_the_middle_of_the_room_below_the_title(
    decks: dict, pdfs: dict, name: str
) -> None:
    prs = Presentation(str(decks[name]))
    doc = pymupdf.open(pdfs[name])
    questions = 0
    for n, (slide, page) in enumerate(zip(prs.slides, doc, strict=True), 1):
        title = _title(slide)
        if title.text_frame.text not in (
            "Let\u2019s talk",
            "Opening question",
        ):
            continue
        questions += 1
        body = _body(slide)
        # The body takes the room from below the title to the foot of the free area.
        assert body.top >= title.top + title.height, f"slide {n}"
        assert body.top + body.height >= prs.slide_height * 0.8, f"slide {n}"
        _, top, _, bottom = _span(_words_of(page, body))
        middle = (body.top + body.height / 2) / EMU_PER_PT
        assert abs((top + bottom) / 2 - middle) < 0.06 * body.height / EMU_PER_PT, f"slide {n}"
        assert (bottom - top) > 60  # large: two lines or more at 44 points
    assert questions >= 5


@needs_soffice
@pytest.mark.parametrize("name", NAMES)
def test_a_title_on_two_lines_leaves_no_word_alone_on_the_second(
    decks: dict, pdfs: dict, name: str
) -> None:
    prs = Presentation(str(decks[name]))
    doc = pymupdf.open(pdfs[name])
    for n, (slide, page) in enumerate(zip(prs.slides, doc, strict=True), 1):
        title = _title(slide)
        words = _words_of(page, title)
        lines: dict[int, int] = {}
        for word in words:
            lines[round(word[3])] = lines.get(round(word[3]), 0) + 1
        assert len(lines) <= 2, f"slide {n}: {title.text_frame.text!r}"
        if len(lines) == 2 and len(words) > 2:
            assert min(lines.values()) >= 2, f"slide {n}: {title.text_frame.text!r}"


@needs_soffice
@pytest.mark.parametrize("name", NAMES)
def test_the_kicker_is_aligned_as_the_title(decks: dict, pdfs: dict, name: str) -> None:
    prs = Presentation(str(decks[name]))
    doc = pymupdf.open(pdfs[name])
    for n, (slide, page) in enumerate(zip(prs.slides, doc, strict=True), 1):
        title = _title(slide)
        [kicker] = [s for s in text_shapes(slide) if is_kicker(s)]
        t, k = _span(_words_of(page, title)), _span(_words_of(page, kicker))
        aligns = {p.alignment for s in (title, kicker) for p in s.text_frame.paragraphs}
        assert len(aligns) == 1, f"slide {n}"
        if aligns.pop() == PP_ALIGN.CENTER:
            assert abs((t[0] + t[2]) / 2 - (k[0] + k[2]) / 2) < 4, f"slide {n}"
        else:
            assert abs(t[0] - k[0]) < 4, f"slide {n}"


@pytest.mark.parametrize("name", NAMES)
def test_openxml_audit_finds_nothing(decks: dict, name: str) -> None:
    result = validate_pptx(decks[name])
    assert [str(e) for e in result.errors] == []
    assert result.is_valid


def _installed_fonts() -> tuple[str, str] | None:
    """Two fonts outside kit's table installed in every style (a serif first if any)."""
    from kit.writers.pptx.fit.installed import catalogue
    from kit.writers.pptx.fit.textfit import ALIASES

    styles: dict[str, set[str]] = {}
    for family, style in catalogue():
        if family not in ALIASES:
            styles.setdefault(family, set()).add(style)
    full = sorted(f for f, found in styles.items() if len(found) == 4 and "mono" not in f)
    return (full[0], full[-1]) if len(full) >= 2 else None


@needs_soffice
def test_words_in_an_installed_font_kit_has_no_table_for_stay_in_their_boxes(
    tmp_path: Path,
) -> None:
    fonts = _installed_fonts()
    if fonts is None:
        pytest.skip("no two fonts outside kit's table are installed in every style")
    prs = Presentation(str(FIXTURES / "templates-pptx" / "navy-gold.pptx"))
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    for which, family in zip(("majorFont", "minorFont"), fonts, strict=True):
        latin = root.find(f".//a:fontScheme/a:{which}/a:latin", NAMESPACES)
        latin.set("typeface", family.title())
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    prs.save(str(tmp_path / "installed.pptx"))
    course = tmp_path / "course.yaml"
    course.write_text(
        "title: 'Closer: Six Weeks of Building Connection'\nstart: 2027-01-10\n"
        "brand: {slides: installed.pptx}\nweeks: [trust]\n",
        encoding="utf-8",
    )
    kit.build(kit.load_course(course), tmp_path / "build")
    deck = tmp_path / "build" / "week-01-slides.pptx"
    [pdf] = render_pdf([deck], tmp_path / "pdf")
    assert stray_words(deck, pdf) == []
    runs = Presentation(str(deck)).slides[1].shapes
    faces = {
        r.font.name
        for s in runs
        if s.has_text_frame
        for p in s.text_frame.paragraphs
        for r in p.runs
    }
    assert faces & {f.title() for f in fonts}
