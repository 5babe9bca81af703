"""The built-in course on the presentation templates LibreOffice Impress ships.

These are templates churches really have: photos and drawings over much of the slide,
layouts named as LibreOffice names them, a slide smaller than kit's design. Each is
converted to .pptx once (as a church saving it from Impress would), weeks 1 and 2 are
built on it, and every deck is rendered, all in one LibreOffice run. What is checked: as
many slides as on kit's own template, the title design for the opening slides and the
content design for the rest as the template's own slides show them, body text at 24
points or more, every text box a line high at least, no text over the template's
pictures or bare on a busy one unless it stands on a panel, text that reads on what is
under it, and every rendered word inside its box (see deck_checks).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from deck_checks import bare_on_busy, cramped, opacity, over_drawings, small_body, unreadable
from helpers import (
    convert_with_libreoffice,
    needs_soffice,
    render_pdf,
    soffice,
    stray_words,
    text_runs,
    text_shapes,
)
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.slide import Slide

import kit
from kit.compose.blocks import Deck
from kit.compose.documents import compose_kit
from kit.writers.pptx import write_pptx
from kit.writers.pptx.furniture import drawn
from kit.writers.pptx.layouts import LAYOUTS
from kit.writers.pptx.roles import OPENING
from kit.writers.pptx.template import deck_design
from kit.writers.pptx.theme import contrast


def _impress_templates() -> list[Path]:
    """The .otp templates beside the installed LibreOffice, none when it is not installed."""
    program = soffice()
    if program is None:
        return []
    root = Path(program).resolve().parent.parent
    return sorted((root / "share" / "template" / "common" / "presnt").glob("*.otp"))


TEMPLATES = _impress_templates()
NAMES = [t.stem for t in TEMPLATES] or [
    pytest.param("none", marks=pytest.mark.skip(reason="LibreOffice's templates not installed"))
]
WEEKS = ("trust", "safety")
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)

EXTRA_SLIDES: dict[tuple[str, int], int] = {}
"""Slides a week may have more than on kit's own template, by template and week, each
with its reason; none so far."""

COURSE = """title: 'Closer: Six Weeks of Building Connection'
church: Grace Community Church
start: 2027-01-10
weeks: [{weeks}]
"""

UNDATED = """title: Closer
church: Grace Church
weeks: [{weeks}]
"""
"""A course with no dates and a one-word title: its title slide's kicker is short and its
subtitle a single word, which fits where a longer one would not."""


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each Impress template saved as .pptx by LibreOffice, in one run."""
    if not TEMPLATES:  # none without LibreOffice
        pytest.skip("LibreOffice (soffice) is not installed; CI installs it (see .ci/run)")
    out = tmp_path_factory.mktemp("impress")
    convert_with_libreoffice(TEMPLATES, out, "pptx", timeout=600)
    return {t.stem: out / f"{t.stem}.pptx" for t in TEMPLATES}


def _composed(folder: Path, course: str = COURSE) -> list[Deck]:
    """Each week's deck of a course, composed once: its slides whatever the template."""
    folder.mkdir()
    (folder / "course.yaml").write_text(course.format(weeks=", ".join(WEEKS)), encoding="utf-8")
    outputs = compose_kit(kit.load_course(folder / "course.yaml"))
    decks = [o.content for o in outputs if isinstance(o.content, Deck)]
    assert len(decks) == len(WEEKS)
    return decks


def _write(decks: list[Deck], brand: Path | None, folder: Path, name: str) -> list[Path]:
    """Each week's deck on a template (kit's own for None), as a build writes it: only the
    decks are written, not the rest of a kit, which no test here reads."""
    design = deck_design(brand)
    paths = [folder / f"{name}-week-{week}.pptx" for week in range(1, len(decks) + 1)]
    for deck, path in zip(decks, paths, strict=True):
        path.write_bytes(write_pptx(deck, brand=brand, design=design))
    return paths


@pytest.fixture(scope="module")
def composed(tmp_path_factory: pytest.TempPathFactory) -> list[Deck]:
    """Weeks 1 and 2 of the course, composed once for every template."""
    return _composed(tmp_path_factory.mktemp("composed") / "course")


@pytest.fixture(scope="module")
def own_layouts(composed: list[Deck], tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    """Each week's slides on kit's own template, by the name of each one's layout."""
    decks = _write(composed, None, tmp_path_factory.mktemp("own"), "own")
    return [[s.slide_layout.name for s in Presentation(str(deck)).slides] for deck in decks]


@pytest.fixture(scope="module")
def own(own_layouts: list[list[str]]) -> list[int]:
    """How many slides each week has on kit's own template."""
    return [len(layouts) for layouts in own_layouts]


@pytest.fixture(scope="module")
def decks(
    converted: dict[str, Path], composed: list[Deck], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[Path]]:
    """Weeks 1 and 2 on each template."""
    folder = tmp_path_factory.mktemp("impress-decks")
    return {name: _write(composed, path, folder, name) for name, path in converted.items()}


@pytest.fixture(scope="module")
def pdfs(decks: dict[str, list[Path]], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every week on each template as LibreOffice renders it, in one run: by template,
    each week's deck and PDF."""
    every = [deck for found in decks.values() for deck in found]
    rendered = iter(render_pdf(every, tmp_path_factory.mktemp("impress-pdf"), timeout=900))
    return {name: [(deck, next(rendered)) for deck in found] for name, found in decks.items()}


def test_libreoffices_templates_are_all_here() -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs it (see .ci/run)")
    # Debian's libreoffice-common installs 23; fewer means a check went missing.
    assert len(TEMPLATES) >= 20


@pytest.mark.parametrize("name", NAMES)
def test_each_week_has_as_many_slides_as_on_kits_own_template(
    decks: dict, own: list[int], name: str
) -> None:
    counts = [len(Presentation(str(deck)).slides) for deck in decks[name]]
    extra = [EXTRA_SLIDES.get((name, week), 0) for week in range(1, len(WEEKS) + 1)]
    assert counts == [n + e for n, e in zip(own, extra, strict=True)]


OPENING_LAYOUTS = {LAYOUTS[kind][0] for kind in OPENING}
"""Kit's own layouts for the slides that open and mark the parts of an evening."""


def _designs(template: Path) -> tuple[str, str | None]:
    """The masters of a template's first slide and of its first slide on another master."""
    used = [s.slide_layout.slide_master.part.partname for s in Presentation(str(template)).slides]
    return used[0], next((m for m in used if m != used[0]), None)


@pytest.mark.parametrize("name", NAMES)
def test_slides_take_the_design_the_templates_own_slides_show(
    converted: dict, decks: dict, own_layouts: list, name: str
) -> None:
    # Piano's cover (its piano keys) is on the master of its first slide, the design for
    # its other slides on the master of its second: the cover is not for every slide.
    title, content = _designs(converted[name])
    for week, (deck, layouts) in enumerate(zip(decks[name], own_layouts, strict=True), 1):
        slides = Presentation(str(deck)).slides
        for n, (slide, own) in enumerate(zip(slides, layouts, strict=True), 1):
            wanted = title if own in OPENING_LAYOUTS or content is None else content
            assert slide.slide_layout.slide_master.part.partname == wanted, (week, n, own)


@pytest.mark.parametrize("name", NAMES)
def test_body_text_is_24_points_or_more(decks: dict, name: str) -> None:
    assert [small_body(deck) for deck in decks[name]] == [[]] * len(WEEKS)


@pytest.mark.parametrize("name", NAMES)
def test_every_text_box_holds_a_line_of_its_text(decks: dict, name: str) -> None:
    assert [cramped(deck) for deck in decks[name]] == [[]] * len(WEEKS)


def test_an_undated_course_on_pencil_sets_its_subtitle_in_a_box_a_line_high(
    converted: dict, tmp_path: Path
) -> None:
    # Beside Pencil's drawing the title slide's body had 0.122 inch: "Closer" alone fitted
    # there as the planner saw it (a word too big for its room goes alone), and fell out.
    decks = _write(_composed(tmp_path / "course", UNDATED), converted["Pencil"], tmp_path, "Pencil")
    assert [cramped(deck) for deck in decks] == [[]] * len(WEEKS)


@pytest.mark.parametrize("name", NAMES)
def test_no_picture_or_line_of_the_template_shows_through_text(decks: dict, name: str) -> None:
    # Over a drawing, text stands on a panel that hides it: at 85% a line still ran
    # through the words ("Pencil").
    assert [over_drawings(deck) for deck in decks[name]] == [[]] * len(WEEKS)


@pytest.mark.parametrize("name", NAMES)
def test_no_text_stands_bare_on_a_busy_picture(decks: dict, name: str) -> None:
    # Blueprint_Plans' grid, pencil and eraser are one picture behind the whole slide:
    # black reads on its darkest part, but words get lost in the drawing.
    assert [bare_on_busy(deck) for deck in decks[name]] == [[]] * len(WEEKS)


def _panels(slide: Slide) -> tuple:
    return tuple(
        (s.left, s.top, s.width, s.height, str(s.fill.fore_color.rgb))
        for s in slide.shapes
        if s.name == "Panel"
    )


@pytest.mark.parametrize("name", NAMES)
def test_every_slide_of_a_kind_and_layout_has_the_same_panel_or_none(
    decks: dict, own_layouts: list, name: str
) -> None:
    # A slide's kind shows in its layout on kit's own template ("Scripture", "Question").
    for week, (deck, kinds) in enumerate(zip(decks[name], own_layouts, strict=True), 1):
        panels: dict[tuple[str, str], set] = {}
        for slide, kind in zip(Presentation(str(deck)).slides, kinds, strict=True):
            # Layouts of two masters may share a name ("Title Only"): the part is the layout.
            key = (kind, slide.slide_layout.part.partname)
            panels.setdefault(key, set()).add(_panels(slide))
        assert {k: v for k, v in panels.items() if len(v) > 1} == {}, f"week {week}"


@pytest.mark.parametrize("name", NAMES)
def test_one_kinds_long_text_puts_no_other_kind_on_a_panel(
    decks: dict, own_layouts: list, name: str
) -> None:
    # Pencil's week 2: one long Scripture put 16 of its other slides on a white panel
    # hiding the pencil, where week 1 had 5; every week of a template should look alike.
    counts = []
    for deck, kinds in zip(decks[name], own_layouts, strict=True):
        slides = Presentation(str(deck)).slides
        counts.append(
            sum(
                1
                for slide, kind in zip(slides, kinds, strict=True)
                if kind != "Scripture" and _panels(slide)
            )
        )
    assert max(counts) - min(counts) <= 1, counts


DARK = ("Lights", "Metropolis", "Piano")
"""Templates drawn dark (a night photo, a dark band over most of the slide) whose text
goes on a panel."""

LIGHT_CONTENT = ("Lights", "Piano")
"""Of those, the ones whose content design is light (Piano's white, Lights' white glow in
the middle): only the slides on their title design are dark."""


def _on_title_design(name: str, converted: dict, slide: Slide) -> bool:
    """False for a slide of a `LIGHT_CONTENT` template on another design than its title's."""
    title, _ = _designs(converted[name])
    return name not in LIGHT_CONTENT or slide.slide_layout.slide_master.part.partname == title


@pytest.mark.parametrize("name", DARK)
def test_a_dark_templates_panel_is_dark_and_its_text_light(
    converted: dict, decks: dict, name: str
) -> None:
    for week, deck in enumerate(decks[name], 1):
        for n, slide in enumerate(Presentation(str(deck)).slides, 1):
            if not _on_title_design(name, converted, slide):
                continue
            [panel] = [s for s in slide.shapes if s.name == "Panel"]
            color = str(panel.fill.fore_color.rgb)
            assert contrast(color, "FFFFFF") > contrast(color, "000000"), (week, n, color)
            for shape in text_shapes(slide):
                for run in text_runs(shape):
                    text = str(run.font.color.rgb)
                    assert contrast(text, "000000") > contrast(text, "FFFFFF"), (week, n)


OWN_COLORS = {"Midnightblue": "2C3E50", "Focus": "333333", "Vivid": "04617B", "Lights": "FFFFFF"}
"""The colour each template's own title placeholders set, where LibreOffice's .pptx keeps
Office's default theme (titles in its dark blue, 1F497D) instead of the template's; on
Lights, on its title design (white titles do not read on its content design's glow)."""


@pytest.mark.parametrize("name", OWN_COLORS)
def test_titles_keep_the_templates_own_colour(converted: dict, decks: dict, name: str) -> None:
    for week, deck in enumerate(decks[name], 1):
        for n, slide in enumerate(Presentation(str(deck)).slides, 1):
            title = slide.shapes.title
            if title is None or not _on_title_design(name, converted, slide):
                continue  # a blank layout sets no title colour of its own
            colors = {str(r.font.color.rgb) for r in text_runs(title)}
            assert colors == {OWN_COLORS[name]}, (week, n)


def _title_colors(deck: Path) -> dict[tuple[str, bool], set[str]]:
    """The titles' colours on each layout, on an opaque panel (True) and without one."""
    found: dict[tuple[str, bool], set[str]] = {}
    for slide in Presentation(str(deck)).slides:
        panels = [opacity(s) for s in slide.shapes if s.name == "Panel"]
        if slide.shapes.title is None or (panels and min(panels) < 1):
            continue  # a panel that shows a photo through it may need another colour
        key = (str(slide.slide_layout.part.partname), bool(panels))
        found.setdefault(key, set()).update(
            str(r.font.color.rgb) for r in text_runs(slide.shapes.title)
        )
    return found


@pytest.mark.parametrize("name", NAMES)
def test_a_title_on_a_panel_keeps_the_colour_of_the_titles_without(decks: dict, name: str) -> None:
    # Pencil's titles on a white panel were black, where its others are its orange darkened
    # until it reads on white: the panel is as white as the slide.
    for week, deck in enumerate(decks[name], 1):
        colors = _title_colors(deck)
        for (layout, panelled), on_panel in colors.items():
            if panelled and (layout, False) in colors:
                assert on_panel == colors[layout, False], (week, layout)


OFFICE_BLUE = "1F497D"
"""The titles' colour in Office's default theme, which LibreOffice's .pptx carries instead
of the template's: none of these templates shows it on its own slides."""


@pytest.mark.parametrize("name", NAMES)
def test_no_title_takes_offices_default_blue(decks: dict, name: str) -> None:
    for week, deck in enumerate(decks[name], 1):
        for n, slide in enumerate(Presentation(str(deck)).slides, 1):
            title = slide.shapes.title
            colors = {str(r.font.color.rgb) for r in text_runs(title)} if title else set()
            assert OFFICE_BLUE not in colors, (week, n)


OFFICE_ACCENT = "4F81BD"
"""The first accent of Office's default theme, which LibreOffice's .pptx carries too."""


@pytest.mark.parametrize("name", NAMES)
def test_no_kicker_caption_or_rule_takes_offices_default_blues(decks: dict, name: str) -> None:
    # Piano's, Lights', Sunset's and Blueprint_Plans' rules were Office's blue, Blue_Curve's
    # kickers and captions its dark blue.
    found = []
    for week, deck in enumerate(decks[name], 1):
        for n, slide in enumerate(Presentation(str(deck)).slides, 1):
            for shape in slide.shapes:
                if shape.name == "Rule":
                    colors = {str(shape.fill.fore_color.rgb)}
                elif shape.has_text_frame:
                    colors = {str(r.font.color.rgb) for r in text_runs(shape) if r.font.color.type}
                else:
                    continue
                if colors & {OFFICE_BLUE, OFFICE_ACCENT}:
                    found.append((week, n, shape.name, colors))
    assert found == []


@needs_soffice
@pytest.mark.parametrize("name", NAMES)
def test_every_word_lies_inside_its_shape(pdfs: dict, name: str) -> None:
    assert [stray_words(deck, pdf) for deck, pdf in pdfs[name]] == [[]] * len(WEEKS)


@pytest.mark.parametrize("name", NAMES)
def test_all_text_reads_on_what_is_under_it(decks: dict, name: str) -> None:
    assert [unreadable(deck) for deck in decks[name]] == [[]] * len(WEEKS)


@pytest.mark.parametrize("name", NAMES)
def test_each_title_stands_in_its_layouts_title_placeholder(decks: dict, name: str) -> None:
    # LibreOffice numbers a title slide's title and subtitle alike: the title keeps its own.
    for week, deck in enumerate(decks[name], 1):
        for n, slide in enumerate(Presentation(str(deck)).slides, 1):
            layout = slide.slide_layout.placeholders
            if any(ph.placeholder_format.type in TITLES for ph in layout):
                titles = [
                    ph.text_frame.text
                    for ph in slide.placeholders
                    if ph.placeholder_format.type in TITLES
                ]
                assert [t for t in titles if t.strip()], f"week {week}, slide {n}"


@pytest.mark.parametrize("name", NAMES)
def test_no_slide_falls_back_to_a_layout_without_a_title(decks: dict, name: str) -> None:
    # Midnightblue's take-home went on its "Blank Slide": flush left under a bare text box
    # while every other slide stood centred under the template's own title.
    def titled(layout) -> bool:
        return any(ph.placeholder_format.type in TITLES for ph in layout.placeholders)

    for week, deck in enumerate(decks[name], 1):
        for n, slide in enumerate(Presentation(str(deck)).slides, 1):
            if any(titled(layout) for layout in slide.slide_layout.slide_master.slide_layouts):
                assert titled(slide.slide_layout), (week, n, slide.slide_layout.name)


SLIVER = 0.03
"""Share of the slide below which what a panel leaves of a shape reads as a stub."""


def _slivers(deck: Path) -> list[tuple]:
    """Shapes of the template a panel covers but for a strip narrower than `SLIVER`."""
    prs = Presentation(str(deck))
    width, height = prs.slide_width, prs.slide_height
    found = []
    for n, slide in enumerate(prs.slides, 1):
        for panel in (s for s in slide.shapes if s.name == "Panel" and opacity(s) == 1):
            right, bottom = panel.left + panel.width, panel.top + panel.height
            for _, box in drawn(slide.slide_layout):
                if box.width * box.height >= width * height / 2:
                    continue  # a backdrop: the template's ground, the panel's too
                x0, y0 = max(box.left, 0), max(box.top, 0)
                x1, y1 = min(box.right, width), min(box.bottom, height)
                if not (x0 < right and panel.left < x1 and y0 < bottom and panel.top < y1):
                    continue  # beside the panel, whole
                strips = (
                    (panel.left - x0) / width,
                    (x1 - right) / width,
                    (panel.top - y0) / height,
                    (y1 - bottom) / height,
                )
                if any(0 < s < SLIVER for s in strips):
                    found.append((n, tuple(box), [round(s, 3) for s in strips]))
    return found


def _whole_slide_panels(deck: Path) -> list[int]:
    """Slides whose opaque panel hides the whole slide, and with it the template."""
    prs = Presentation(str(deck))
    width, height = prs.slide_width, prs.slide_height
    return [
        n
        for n, slide in enumerate(prs.slides, 1)
        for s in slide.shapes
        if s.name == "Panel" and opacity(s) == 1
        if s.left <= 0 and s.top <= 0 and s.left + s.width >= width and s.top + s.height >= height
    ]


@pytest.mark.parametrize("name", NAMES)
def test_no_panel_hides_the_whole_template(decks: dict, name: str) -> None:
    # Sunset's pale rays on its card counted as furniture, so every slide went on a white
    # panel from edge to edge: no sign of the template was left.
    assert [_whole_slide_panels(deck) for deck in decks[name]] == [[]] * len(WEEKS)


@pytest.mark.parametrize("name", NAMES)
def test_a_panel_leaves_no_stub_of_what_it_covers(decks: dict, name: str) -> None:
    # Piano's cover showed stubs of its keys left, right and below a grey panel; Pencil a
    # red pencil tip and ends of its line in three corners.
    assert [_slivers(deck) for deck in decks[name]] == [[]] * len(WEEKS)
