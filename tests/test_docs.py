"""The README and docs as a reader meets them: short, linked, and their course files check clean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COURSE_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _examples() -> list[tuple[str, str]]:
    """Every YAML block in the README and docs that is a whole course (it has `weeks:`)."""
    found = []
    for path in COURSE_FILES:
        text = path.read_text(encoding="utf-8")
        for i, block in enumerate(re.findall(r"```yaml\n(.*?)```", text, re.S)):
            if re.search(r"^title:", block, re.M) and re.search(r"^weeks:", block, re.M):
                found.append((f"{path.name}[{i}]", block))
    return found


@pytest.mark.parametrize(("where", "course"), _examples(), ids=[w for w, _ in _examples()])
def test_a_course_the_docs_show_checks_without_a_problem_or_warning(
    where: str, course: str, tmp_path: Path, run_kit
) -> None:
    (tmp_path / "course.yaml").write_text(course, encoding="utf-8")
    result = run_kit("check", tmp_path / "course.yaml")
    assert (result.code, result.err) == (0, ""), where


def test_the_readme_is_short_and_links_every_docs_page() -> None:
    """The README is for coordinators: at most 1,200 words, the rest in linked docs pages."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.split()) <= 1200
    pages = sorted(p.name for p in (ROOT / "docs").glob("*.md"))
    assert [p for p in pages if f"docs/{p}" not in readme] == []
