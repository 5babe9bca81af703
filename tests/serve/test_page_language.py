"""The page speaks the course file's language: its own words, help lines and part names."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from babel.dates import get_day_names, get_month_names
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file

from kit.language import translate, translations
from kit.load.declared import docstrings
from kit.templating.templates import PART_NAMES

pytest.importorskip(
    "kit.serve.app", reason="kit serve needs the serve extra: pip install '.[serve]'"
)

ROOT = Path(__file__).resolve().parent.parent.parent
PAGES = ROOT / "kit" / "serve" / "pages"
SPANISH_COURSE = """\
title: Más fuertes juntos
church: Iglesia del Buen Pastor
language: es
leaders:
  - Ana y Luis Pérez
  - name: Rosa y Juan Díaz
    table: 2
    email: rosa@example.org
start: 2027-02-03
time: "19:00"
place: Salón parroquial
skip:
  - date: 2027-02-17
    label: Miércoles de Ceniza
notices:
  - Cuidado de niños en el salón 104
care:
  - name: Pastora Marta Ruiz
    role: Pastora
    phone: 555-0100
weeks:
  - trust
  - safety
  - lesson: empathy
    notices:
      - Traigan una foto de su boda
    questions:
      drop: [empathy-fix-it]
      replace:
        empathy-understood: ¿Cuándo te sentiste comprendido de verdad por tu cónyuge?
      add:
        - text: ¿Qué les ayuda a escucharse sin interrumpir?
          note: Escuche sin corregir.
          optional: true
  - vulnerability
  - closeness
  - connection
"""
"""A Spanish course whose own words are Spanish, with a value in each kind of box."""


def page_words() -> dict[str, str]:
    """Every English text the page itself shows, and its Spanish, as the catalog has them."""
    spanish = translations("es")
    words = {m: spanish.gettext(m) for m in docstrings() + list(PART_NAMES.values())}
    options = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}
    for template in sorted(PAGES.glob("*.html")):
        for _, message, _, _ in extract_from_file(
            "jinja2.ext:babel_extract", template, DEFAULT_KEYWORDS, options=options
        ):
            if isinstance(message, tuple):  # a text with a count: its singular and plural
                one, many = message[:2]
                words[one] = spanish.ngettext(one, many, 1)
                words[many] = spanish.ngettext(one, many, 2)
            else:
                words[message] = spanish.gettext(message)
    return words


def fragments(message: str) -> list[str]:
    """The words of an English text a page could show: between its placeholders and tags."""
    parts = re.split(r"%\(\w+\)[sd]|<[^>]+>|\{n\}", message)
    return [p.strip(" ,.:;") for p in parts if len(re.findall(r"[A-Za-z]", p)) >= 3]


def english_in(text: str) -> list[str]:
    """The page's English texts found in `text`, leaving out those Spanish writes alike."""
    found = []
    for english, spanish in page_words().items():
        if english == spanish:
            continue
        for part in fragments(english):
            if part not in spanish and re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text):
                found.append(part)
    return sorted(set(found))


def test_the_page_words_are_in_the_catalog() -> None:
    words = page_words()
    assert len(words) > 200
    missing = [m for m, s in words.items() if s == m and not re.fullmatch(r"[\W\d]*Total", m)]
    assert missing == []


def test_every_help_line_the_page_shows_has_a_spanish_entry() -> None:
    from kit.load import declared
    from kit.serve.form import SETTINGS

    shown = [declared.field([key]).help for key in SETTINGS]
    assert set(shown) <= set(docstrings())
    spanish = translations("es")
    assert [h for h in docstrings() if spanish.gettext(h) == h] == []


def test_the_english_page_is_english(client: Any) -> None:
    html = client.get("/").text
    assert '<html lang="en">' in html
    assert "<h1>Course planner</h1>" in html
    assert "Welcome and opening question" in html


@pytest.fixture
def spanish(course_dir: Path) -> Path:
    (course_dir / "course.yaml").write_text(SPANISH_COURSE, encoding="utf-8")
    return course_dir


def test_the_plans_parts_are_named_in_spanish(spanish: Path, client: Any) -> None:
    html = client.get("/").text
    assert '<html lang="es">' in html
    assert f"<td>{translate('es', PART_NAMES['opening'])}</td>" in html
    assert "Welcome and opening question" not in html


def test_a_language_written_as_a_list_is_a_problem_on_an_english_page(
    site: Any, client: Any
) -> None:
    # `language: [es]` made the page's lesson list fail on a value it could not look up.
    text = "title: Closer\nlanguage: [es]\nweeks: [trust]\n"
    response = client.post(
        "/api/change",
        json={"text": text, "week": 0, "change": None},
        headers={"x-kit-token": site.token},
    )
    assert response.status_code == 200, response.text
    state = response.json()
    assert state["language"] == "en"
    assert [p["field"] for p in state["problems"]] == ["language"]
    assert state["problems"][0]["text"].endswith(
        "course.yaml:2:11: language: should be 'en' or 'es'; this is a list"
    )


def visible(page: Any) -> str:
    """Every text on the page a person sees or hears read: its words and its attributes."""
    words = page.inner_text("body")
    attributes = page.evaluate(
        """() => Array.from(document.querySelectorAll("[title], [placeholder], [aria-label]"))
               .flatMap((el) => ["title", "placeholder", "aria-label"]
               .map((a) => el.getAttribute(a)).filter(Boolean))"""
    )
    return "\n".join([page.title(), words, *attributes])


def test_the_spanish_page_shows_no_english_word(browser: Any, spanish: Path, live: Any) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 940})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(live.url)
    page.wait_for_selector("#timing-plan")
    seen = []
    page.click("#open-build")
    page.click("#advanced summary")
    page.click('#weeks [data-select-week="2"]')
    page.wait_for_selector("#questions .questions.added")
    for tab in ("plan", "handout", "notes", "slides"):
        page.click(f'[data-tab="{tab}"]')
        seen.append(visible(page))
    page.click("#build")
    page.wait_for_selector("#build-result .build-head", timeout=120_000)
    seen.append(visible(page))
    # A change not yet saved, and the banner that asks before saving a course with a problem.
    page.fill("#f-minutes", "20")
    page.press("#f-minutes", "Tab")
    page.wait_for_selector("#general-problems .problem, #editor .problem")
    page.click("#save")
    page.wait_for_selector("#save-anyway")
    seen.append(visible(page))
    context.close()
    assert errors == []
    text = "\n".join(seen)
    assert "Guardar de todos modos" in text and "Cambios sin guardar" in text
    assert translate("es", PART_NAMES["opening"]) in text
    assert "Listo:" in text and "Para las parejas" in text
    assert english_in(text) == []
    english_days = [
        *get_month_names("wide", locale="en").values(),
        *get_day_names(locale="en").values(),
    ]
    assert [d for d in english_days if re.search(rf"\b{d}\b", text)] == []


def test_a_spanish_course_with_problems_is_not_built_and_says_so_in_spanish(
    spanish: Path, client: Any, site: Any
) -> None:
    text = SPANISH_COURSE.replace("weeks:", "minutes: 9\nweeks:")
    response = client.post("/api/build", json={"text": text}, headers={"x-kit-token": site.token})
    assert response.status_code == 422
    head, *said = response.json()["error"].splitlines()
    assert head == "1 problema por corregir antes de preparar el kit:"
    assert len(said) == 1
