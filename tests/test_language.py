"""`language:` in the course file: the built-in lessons and the starter course of a language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.course.course_file import load_course
from kit.errors import InputError
from kit.load import lessons as lesson_files
from kit.load.lessons import builtin_lessons

LESSON_IDS = ["trust", "safety", "empathy", "vulnerability", "closeness", "connection"]


def _course(folder: Path, text: str) -> Path:
    path = folder / "course.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_built_in_lesson_has_its_spanish_edition() -> None:
    english, spanish = builtin_lessons("en"), builtin_lessons("es")
    assert list(english) == list(spanish) == LESSON_IDS
    for lesson_id in LESSON_IDS:
        en, es = english[lesson_id].lesson, spanish[lesson_id].lesson
        assert [q.id for q in en.questions] == [q.id for q in es.questions]
        assert en.title != es.title


def test_a_spanish_course_teaches_the_spanish_lessons(tmp_path: Path) -> None:
    path = _course(tmp_path, "title: Más cerca\nlanguage: es\nweeks: [trust, empathy]\n")
    course = load_course(path).course
    spanish = builtin_lessons("es")
    assert course.language == "es"
    assert [w.title for w in course.weeks] == [
        spanish["trust"].lesson.title,
        spanish["empathy"].lesson.title,
    ]


def test_an_english_course_still_teaches_the_english_lessons(tmp_path: Path) -> None:
    course = load_course(_course(tmp_path, "title: Closer\nweeks: [trust]\n")).course
    assert course.language == "en"
    assert course.weeks[0].title == builtin_lessons("en")["trust"].lesson.title


def test_an_unknown_language_is_a_located_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _course(tmp_path, "title: Closer\nlanguage: fr\nweeks: [trust]\n")
    with pytest.raises(InputError) as caught:
        load_course("course.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "course.yaml:2:11: language: should be 'en' or 'es'; this says 'fr'"
    ]


def test_a_lesson_kit_has_only_in_another_language_is_a_located_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A Spanish edition without the connection lesson, as a newer English lesson would be.
    data = tmp_path / "data"
    for language in ("en", "es"):
        shutil.copytree(lesson_files.builtin_folder(language), data / language)
    (data / "es" / "06-connection.yaml").unlink()
    monkeypatch.setattr(lesson_files, "builtin_folder", lambda language="en": data / language)
    monkeypatch.chdir(tmp_path)
    path = _course(tmp_path, "title: Más cerca\nlanguage: es\nweeks:\n  - trust\n  - connection\n")
    with pytest.raises(InputError) as caught:
        load_course(path.name)
    assert [str(p) for p in caught.value.problems] == [
        "course.yaml:5:5: week 2 (weeks[1]): no Spanish lesson 'connection' (kit has it in "
        "English); known: closeness, empathy, safety, trust, vulnerability"
    ]


def test_kit_lessons_lists_the_spanish_lessons(run_kit) -> None:
    result = run_kit("lessons", "--language", "es")
    assert result.code == 0, result.err
    rows = result.out.splitlines()[1:]
    assert [row.split()[0] for row in rows] == LESSON_IDS
    assert "Alguien con quien puedes contar" in rows[0]


def test_kit_show_shows_the_spanish_lesson(run_kit) -> None:
    result = run_kit("show", "trust", "--language", "es")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "trust: Alguien con quien puedes contar"


def test_kit_new_writes_the_spanish_starter_that_checks(run_kit, tmp_path: Path) -> None:
    path = tmp_path / "curso.yaml"
    assert run_kit("new", path, "--language", "es").code == 0
    text = path.read_text(encoding="utf-8")
    assert "language: es" in text
    assert "# la lección de esta semana" in text
    course = load_course(path).course
    assert course.language == "es"
    assert course.weeks[0].title == builtin_lessons("es")["trust"].lesson.title
