"""Layouts chosen by what they hold, whatever language names them, and a single layout.

Weeks 1 and 2 are built on the navy and gold template with its layouts named in each
language and on its title slide layout alone, and both weeks of each are rendered in
one LibreOffice run: the decks are checked as those on LibreOffice's own templates are.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from deck_checks import bare_on_busy, over_drawings, small_body, unreadable
from helpers import FIXTURES, needs_soffice, render_pdf, stray_words
from pptx import Presentation

import kit
from kit.compose.blocks import Deck
from kit.compose.documents import compose_kit
from kit.load.brand import brand_problem
from kit.writers.pptx import write_pptx
from kit.writers.pptx.placed import placed_choices
from kit.writers.pptx.roles import BLANK, CONTENT, OTHER, SECTION, TITLE, TITLE_ONLY, role

NAVY_GOLD = FIXTURES / "templates-pptx" / "navy-gold.pptx"

STANDARD = (
    "Title Slide",
    "Title and Content",
    "Section Header",
    "Two Content",
    "Comparison",
    "Title Only",
    "Blank",
    "Content with Caption",
    "Picture with Caption",
    "Title and Vertical Text",
    "Vertical Title and Text",
)
"""PowerPoint's layouts in English, in its order."""

NAMES = {
    "french": (
        *("Diapositive de titre", "Titre et contenu", "En-tête de section", "Deux contenus"),
        *("Comparaison", "Titre seul", "Vide", "Contenu avec légende", "Image avec légende"),
        *("Titre et texte vertical", "Titre vertical et texte"),
    ),
    "german": (
        *("Titelfolie", "Titel und Inhalt", "Abschnittsüberschrift", "Zwei Inhalte"),
        *("Vergleich", "Nur Titel", "Leer", "Inhalt mit Überschrift", "Bild mit Überschrift"),
        *("Titel und vertikaler Text", "Vertikaler Titel und Text"),
    ),
    "chinese": (
        *("标题幻灯片", "标题和内容", "节标题", "两栏内容", "比较", "仅标题", "空白"),
        *("内容与标题", "图片与标题", "标题和竖排文字", "竖排标题与文本"),
    ),
    "korean": (
        *("제목 슬라이드", "제목 및 내용", "구역 머리글", "콘텐츠 2개", "비교", "제목만"),
        *("빈 화면", "캡션 있는 콘텐츠", "캡션 있는 그림", "제목 및 세로 텍스트"),
        "세로 제목 및 텍스트",
    ),
    "spanish": (
        *("Diapositiva de título", "Título y objetos", "Encabezado de sección", "Dos objetos"),
        *("Comparación", "Solo el título", "En blanco", "Contenido con título"),
        *("Imagen con título", "Título y texto vertical", "Título vertical y texto"),
    ),
    "google-slides": (
        *("TITLE", "TITLE_AND_BODY", "SECTION_HEADER", "TITLE_AND_TWO_COLUMNS", "COMPARISON"),
        *("TITLE_ONLY", "BLANK", "CAPTION_ONLY", "MAIN_POINT", "ONE_COLUMN_TEXT", "BIG_NUMBER"),
    ),
}
"""The same layouts as PowerPoint names them in other languages, and as Google Slides does."""

ROLES = (TITLE, CONTENT, SECTION, OTHER, OTHER, TITLE_ONLY, BLANK, OTHER, OTHER, OTHER, OTHER)
"""What each of PowerPoint's standard layouts is for."""


def _renamed(tmp_path: Path, language: str, *, typed: bool = True) -> Path:
    """The navy and gold template with its layouts named in another language."""
    prs = Presentation(str(NAVY_GOLD))
    for layout, name in zip(prs.slide_layouts, NAMES[language], strict=True):
        layout.name = name
        if not typed:  # as LibreOffice and some exporters write them: no telling type
            layout.element.attrib.pop("type", None)
    path = tmp_path / f"{language}.pptx"
    prs.save(str(path))
    return path


@pytest.fixture(scope="module")
def decks() -> list[Deck]:
    """Weeks 1 and 2 of the built-in course, composed once."""
    found = [o.content for o in compose_kit(kit.default_course()) if isinstance(o.content, Deck)]
    return found[:2]


def _slides(deck: Deck, brand: Path | None = None) -> list[str]:
    prs = Presentation(io.BytesIO(write_pptx(deck, brand=brand)))
    return [s.slide_layout.name for s in prs.slides]


def test_each_standard_layout_plays_its_role_by_what_it_holds() -> None:
    prs = Presentation(str(NAVY_GOLD))
    assert [x.name for x in prs.slide_layouts] == list(STANDARD)
    assert tuple(role(x) for x in prs.slide_layouts) == ROLES


@pytest.mark.parametrize("typed", [True, False], ids=["typed", "untyped"])
@pytest.mark.parametrize("language", sorted(NAMES))
def test_layouts_named_in_any_language_serve_as_the_english_ones(
    tmp_path: Path, decks: list[Deck], language: str, typed: bool
) -> None:
    path = _renamed(tmp_path, language, typed=typed)
    assert brand_problem(path, path.name) is None
    english = {
        kind: [c.partname for c in found]
        for kind, found in placed_choices(Presentation(str(NAVY_GOLD))).items()
    }
    chosen = {
        kind: [c.partname for c in found]
        for kind, found in placed_choices(Presentation(str(path))).items()
    }
    if typed:
        assert chosen == english
    else:
        # Without its type a section header is a title and a body like any content layout.
        assert chosen["points"] == english["points"]
    translated = dict(zip(NAMES[language], STANDARD, strict=True))
    for deck in decks:
        shown = [translated[name] for name in _slides(deck, path)]
        assert len(shown) == len(_slides(deck))
        if typed:
            assert shown == _slides(deck, NAVY_GOLD)


def _single(folder: Path) -> Path:
    """The navy and gold template with its title slide layout alone."""
    prs = Presentation(str(NAVY_GOLD))
    for layout in list(prs.slide_layouts)[1:]:
        prs.slide_layouts.remove(layout)
    prs.save(str(folder / "single.pptx"))
    return folder / "single.pptx"


def test_a_template_with_a_single_title_slide_layout_makes_every_slide_on_it(
    tmp_path: Path, decks: list[Deck]
) -> None:
    single = _single(tmp_path)
    assert brand_problem(single, single.name) is None
    for deck in decks:
        assert _slides(deck, single) == ["Title Slide"] * len(_slides(deck))


BUILT = (*sorted(NAMES), "single")
"""The templates whose decks are built and rendered: each language's, and one layout."""


@pytest.fixture(scope="module")
def built(decks: list[Deck], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Weeks 1 and 2 on each template of `BUILT`."""
    folder = tmp_path_factory.mktemp("languages")
    templates = {language: _renamed(folder, language) for language in NAMES}
    templates["single"] = _single(folder)
    out: dict[str, list[Path]] = {}
    for name in BUILT:
        out[name] = []
        for week, deck in enumerate(decks, 1):
            out[name].append(folder / f"{name}-week-{week}.pptx")
            out[name][-1].write_bytes(write_pptx(deck, brand=templates[name]))
    return out


@pytest.fixture(scope="module")
def pdfs(built: dict[str, list[Path]], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every week on each template as LibreOffice renders it, in one run: by template,
    each week's deck and PDF."""
    every = [deck for found in built.values() for deck in found]
    rendered = iter(render_pdf(every, tmp_path_factory.mktemp("languages-pdf"), timeout=600))
    return {name: [(deck, next(rendered)) for deck in found] for name, found in built.items()}


@pytest.mark.parametrize("name", BUILT)
def test_each_week_has_as_many_slides_as_on_kits_own_template(
    built: dict, decks: list[Deck], name: str
) -> None:
    counts = [len(Presentation(str(deck)).slides) for deck in built[name]]
    assert counts == [len(_slides(deck)) for deck in decks]


@pytest.mark.parametrize("name", BUILT)
def test_body_text_is_24_points_or_more(built: dict, name: str) -> None:
    assert [small_body(deck) for deck in built[name]] == [[], []]


@pytest.mark.parametrize("name", BUILT)
def test_no_picture_of_the_template_shows_through_text(built: dict, name: str) -> None:
    assert [over_drawings(deck) for deck in built[name]] == [[], []]
    assert [bare_on_busy(deck) for deck in built[name]] == [[], []]


@pytest.mark.parametrize("name", BUILT)
def test_all_text_reads_on_what_is_under_it(built: dict, name: str) -> None:
    assert [unreadable(deck) for deck in built[name]] == [[], []]


@needs_soffice
@pytest.mark.parametrize("name", BUILT)
def test_every_word_lies_inside_its_shape(pdfs: dict, name: str) -> None:
    assert [stray_words(deck, pdf) for deck, pdf in pdfs[name]] == [[], []]
