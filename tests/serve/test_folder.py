"""A course folder from someone else: the page never writes through what it holds.

Each case plants a link, pipe, socket, file or folder under a name the page writes in
a course folder unpacked in a temporary "home" (`home/Downloads/course`), makes the
page's request, and asserts the answer and that nothing outside the course folder,
nor anything the page refused, changed.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip(
    "kit.serve.app", reason="kit serve needs the serve extra: pip install '.[serve]'"
)

from helpers import tree_snapshot

from kit.resources import data_dir
from kit.safe_files import TOO_LONG

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOOD_PPTX = next((FIXTURES / "church-pptx" / "brand").glob("*.pptx")).read_bytes()
LINK = (
    "is a link, and kit never follows a link here; delete the link or move it away, then try again"
)
AWAY = "move it away, then try again"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A user's home with files of their own and a course folder unpacked in Downloads."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / ".bashrc").write_text("export PATH=$HOME/bin:$PATH\n", encoding="utf-8")
    (home / "Documents" / "slides.pptx").write_bytes(b"the user's own deck")
    course = home / "Downloads" / "course"
    course.mkdir(parents=True)
    shutil.copy(data_dir("templates") / "starter-course.yaml", course / "course.yaml")
    return home


@pytest.fixture
def course(home: Path) -> Path:
    return home / "Downloads" / "course"


@pytest.fixture
def page(course: Path) -> Iterator[Any]:
    """The page's test client for the course folder, with its site as `page.site`."""
    import warnings

    from kit.serve.app import Site

    site = Site(course / "course.yaml", host="127.0.0.1", port=8765)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette asks for httpx2; httpx works
        from starlette.testclient import TestClient

        from kit.serve.app import create_app

        client = TestClient(create_app(site), base_url="http://127.0.0.1:8765")
    client.headers["x-kit-token"] = site.token
    client.site = site  # type: ignore[attr-defined]
    with client:
        yield client


Outside = Callable[[], None]


def _outside(home: Path) -> Outside:
    """Call to assert that nothing in the home outside Downloads changed since now."""

    def kept(snapshot: dict[str, str]) -> dict[str, str]:
        return {k: v for k, v in snapshot.items() if k.split("/")[0] != "Downloads"}

    before = kept(tree_snapshot(home))
    return lambda: _same(kept(tree_snapshot(home)), before)


def _same(after: dict[str, str], before: dict[str, str]) -> None:
    assert after == before


@pytest.fixture
def unchanged_outside(home: Path) -> Outside:
    return _outside(home)


def upload(page: Any, name: str = "slides.pptx", data: bytes = GOOD_PPTX) -> Any:
    files = {"file": (name, data, "application/octet-stream")}
    return page.post("/api/upload", data={"kind": "slides"}, files=files)


def _plant(path: Path, what: str, home: Path) -> None:
    """Put `what` at `path`: a link (to a file, a folder, nowhere), a pipe, a socket, ..."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if what == "link to a file":
        path.symlink_to(os.path.relpath(home / ".bashrc", path.parent))
    elif what == "link to a deck":
        path.symlink_to(home / "Documents" / "slides.pptx")
    elif what == "link to a folder":
        path.symlink_to(home / "Documents")
    elif what == "link to nowhere":
        path.symlink_to(home / "created-by-kit")
    elif what == "pipe":
        os.mkfifo(path)
    elif what == "socket":
        # A socket's path must be short: bound in a short folder, then moved into place.
        with (
            tempfile.TemporaryDirectory(dir="/tmp") as short,
            socket.socket(socket.AF_UNIX) as sock,
        ):
            sock.bind(f"{short}/s")
            os.rename(f"{short}/s", path)
    elif what == "folder":
        path.mkdir()
    else:
        path.write_text("a file\n", encoding="utf-8")


KIND = {
    "link to a file": "a link",
    "link to a deck": "a link",
    "link to a folder": "a link",
    "link to nowhere": "a link",
    "pipe": "a pipe",
    "socket": "a socket",
    "folder": "a folder",
    "file": "a file",
}


def _refusal(name: str, what: str, want: str) -> str:
    if KIND[what] == "a link":
        return f"{name}: {LINK}"
    return f"{name}: is {KIND[what]}, where kit needs {want}; {AWAY}"


@pytest.mark.parametrize(
    "what", ["link to a file", "link to a deck", "link to nowhere", "pipe", "socket"]
)
def test_an_upload_never_writes_through_its_staging_name(
    page: Any, course: Path, home: Path, unchanged_outside: Outside, what: str
) -> None:
    staging = course / "brand" / ".upload-slides.pptx"
    _plant(staging, what, home)
    response = upload(page)
    assert response.status_code == 400
    assert response.json() == {"error": _refusal("brand/.upload-slides.pptx", what, "a file")}
    unchanged_outside()
    assert os.path.lexists(staging)
    assert not (course / "brand" / "slides.pptx").exists()


@pytest.mark.parametrize(
    "what", ["link to a file", "link to a deck", "link to a folder", "pipe", "folder"]
)
def test_an_upload_never_replaces_what_is_not_a_file(
    page: Any, course: Path, home: Path, unchanged_outside: Outside, what: str
) -> None:
    target = course / "brand" / "slides.pptx"
    _plant(target, what, home)
    before = tree_snapshot(course / "brand")
    response = upload(page)
    assert response.status_code == 400
    assert response.json() == {"error": _refusal("brand/slides.pptx", what, "a file")}
    unchanged_outside()
    assert tree_snapshot(course / "brand") == before


@pytest.mark.parametrize("what", ["link to a folder", "link to nowhere", "file", "pipe"])
def test_an_upload_goes_only_into_a_real_brand_folder(
    page: Any, course: Path, home: Path, unchanged_outside: Outside, what: str
) -> None:
    _plant(course / "brand", what, home)
    response = upload(page)
    assert response.status_code == 400
    assert response.json() == {"error": _refusal("brand", what, "a folder")}
    unchanged_outside()
    assert not (home / "Documents" / ".upload-slides.pptx").exists()


def test_an_upload_cut_short_is_cleaned_up_by_the_next(page: Any, course: Path) -> None:
    (course / "brand").mkdir()
    (course / "brand" / ".upload-slides.pptx").write_bytes(b"half an upl")
    response = upload(page)
    assert response.status_code == 200, response.text
    assert sorted(p.name for p in (course / "brand").iterdir()) == ["slides.pptx"]
    assert (course / "brand" / "slides.pptx").read_bytes() == GOOD_PPTX


def test_an_upload_with_a_name_too_long_is_refused(page: Any, course: Path) -> None:
    response = upload(page, "a" * 300 + ".pptx")
    assert response.status_code == 400
    assert response.json() == {"error": TOO_LONG}
    assert not (course / "brand").exists()


@pytest.mark.parametrize("what", ["link to a file", "pipe", "folder"])
def test_the_page_never_saves_through_the_course_file(course: Path, home: Path, what: str) -> None:
    # The planted file reads as a course file, so the page would save over it if it read it.
    (home / ".bashrc").write_text("title: mine\nweeks: [trust]\n", encoding="utf-8")
    unchanged_outside = _outside(home)
    (course / "course.yaml").unlink()
    _plant(course / "course.yaml", what, home)
    import warnings

    from kit.serve.app import Site, create_app

    site = Site(course / "course.yaml", host="127.0.0.1", port=8765)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        page = TestClient(create_app(site), base_url="http://127.0.0.1:8765")
    with page:
        shown = page.get("/")
        assert shown.status_code == 200
        assert "This course file cannot be opened here" in shown.text
        text = "title: mine\nweeks: [trust]\n"
        body = {"text": text + "subtitle: x\n", "loaded": text, "confirm": True}
        response = page.post("/api/save", json=body, headers={"x-kit-token": site.token})
    assert response.status_code == 400
    assert response.json() == {"error": _refusal("course.yaml", what, "a file")}
    unchanged_outside()
    assert not (home / "brand").exists()


@pytest.mark.parametrize("key", ["templates", "lessons", "brand"])
def test_a_name_too_long_is_a_problem_on_the_page(page: Any, key: str) -> None:
    name = "a" * 300
    value = {"brand": f"brand: {{slides: {name}.pptx}}"}.get(key, f"{key}: {name}")
    text = f"title: x\n{value}\nweeks: [trust]\n"
    edit = {"op": "set", "path": ["title"], "value": "y"}
    response = page.post("/api/change", json={"text": text, "week": 0, "change": edit})
    assert response.status_code == 200
    where = "brand.slides" if key == "brand" else key
    column = 17 if key == "brand" else len(key) + 3
    (problem,) = response.json()["problems"]
    assert problem["field"] == where
    said = {
        "brand": "the PowerPoint template (brand.slides)",
        "templates": "templates folder (templates)",
        "lessons": "lessons folder (lessons)",
    }[key]
    assert problem["text"].endswith(f"/course/course.yaml:2:{column}: {said}: {TOO_LONG}")
