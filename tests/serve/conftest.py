"""Fixtures for the course planner: a course folder, the app, a live server and a browser."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kit.resources import data_dir

# The serve extra's packages are imported by the fixtures when they run, and each test
# module skips, saying why, when they are not installed.

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
"""Flags that keep Chromium off the network: it only talks to the loopback server."""
PORT = 8765


@pytest.fixture
def course_dir(tmp_path: Path) -> Path:
    """A folder holding the commented starter course as `course.yaml`."""
    folder = tmp_path / "church"
    folder.mkdir()
    shutil.copy(data_dir("templates") / "starter-course.yaml", folder / "course.yaml")
    return folder


@pytest.fixture
def site(course_dir: Path) -> Any:
    """The planner's site for the starter course, on the default port."""
    from kit.serve.app import Site

    return Site(course_dir / "course.yaml", host="127.0.0.1", port=PORT)


@pytest.fixture
def client(site: Any) -> Iterator[Any]:
    """A test client that sends the Host header a browser on the default address sends."""
    import warnings

    with warnings.catch_warnings():
        # Starlette asks for httpx2 but still works with httpx, which is what is installed.
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        from kit.serve.app import create_app

        test_client = TestClient(create_app(site), base_url=f"http://127.0.0.1:{PORT}")
    with test_client:
        yield test_client


class Live:
    """A planner served by uvicorn in a thread on a free loopback port."""

    def __init__(self, course: Path) -> None:
        from kit.serve import server

        self.sock = server.listen("127.0.0.1", 0)
        self.port = self.sock.getsockname()[1]
        self.server = server.make_server(course, host="127.0.0.1", port=self.port)
        self.site = self.server.site  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=server.run, args=(self.server, self.sock))

    def __enter__(self) -> Live:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:  # type: ignore[attr-defined]
            if time.monotonic() > deadline:
                raise RuntimeError("the planner did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True  # type: ignore[attr-defined]
        self.thread.join(10)


@pytest.fixture
def live(course_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Live]:
    """The planner for the starter course on a free port, started in the course's folder
    as `kit serve course.yaml` is, so problems name the file `course.yaml`."""
    monkeypatch.chdir(course_dir)
    with Live(Path("course.yaml")) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium driven by Playwright; the tests skip, saying why, without them."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except Exception as exc:  # Playwright's own error types differ by version
            pytest.skip(f"Chromium would not start: {exc}")
        yield launched
        launched.close()
