"""How long the course planner takes from a change on the page to its checked preview.

    python bench/serve.py [--runs N]

Serves the six-week starter course on a free loopback port and, in headless
Chromium, changes the session length and rewords a question N times each, timing
each from the change to the moment the page shows the new preview; then times the
server's part alone (edit, check, compose, render) without a browser. Prints the
median and range in milliseconds. Target: a median of 300 ms or less.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests" / "serve"))  # the browser set up as the tests set it up

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

from kit.resources import data_dir  # noqa: E402
from kit.serve import editing, server  # noqa: E402

TARGET_MS = 300


def report(name: str, times: list[float]) -> None:
    ms = sorted(t * 1000 for t in times)
    print(
        f"{name:<44} median {statistics.median(ms):6.1f} ms   "
        f"range {ms[0]:6.1f} to {ms[-1]:6.1f} ms   ({len(ms)} runs)"
    )


def changes(runs: int) -> list[dict]:
    """Alternating changes: the session length, then a question's wording."""
    out = []
    for i in range(runs):
        out.append({"op": "set", "path": ["minutes"], "value": str((60, 75, 90)[i % 3])})
        text = f"When did you last feel understood? ({i})"
        out.append({"op": "reword", "week": 2, "id": "empathy-understood", "text": text})
    return out


def server_only(course: Path, runs: int) -> list[float]:
    """The server's part of each change: edit the text, check it, compose and render."""
    from kit.serve.app import Site

    site = Site(course, host="127.0.0.1", port=0)
    text = course.read_text(encoding="utf-8")
    site.state(text, 2)  # warm up: imports, lessons, scripture, templates
    times = []
    for change in changes(runs):
        start = time.perf_counter()
        text = editing.apply(text, change)
        state = site.state(text, 2)
        times.append(time.perf_counter() - start)
        assert state["ok"], state["problems"]
    return times


def in_browser(course: Path, runs: int) -> list[float] | None:
    """Each change typed into the page, timed until the page shows the answer."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is not installed: timing the server alone")
        return None
    if not CHROMIUM.exists():
        print(f"no Chromium at {CHROMIUM}: timing the server alone")
        return None
    sock = server.listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    app_server = server.make_server(course, host="127.0.0.1", port=port)
    thread = threading.Thread(target=server.run, args=(app_server, sock))
    thread.start()
    while not app_server.started:
        time.sleep(0.02)
    times = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/")
            page.click('#weeks [data-select-week="2"]')
            page.wait_for_function("Number(document.body.dataset.version) > 0")
            for i, change in enumerate(changes(runs + 1)):
                if change["op"] == "set":
                    selector, value = "#f-minutes", change["value"]
                else:
                    selector = '[data-op="reword"][data-id="empathy-understood"]'
                    value = change["text"]
                version = int(page.evaluate("document.body.dataset.version"))
                page.fill(selector, value)
                start = time.perf_counter()
                page.press(selector, "Tab")
                page.wait_for_function(
                    f"Number(document.body.dataset.version) > {version}", polling="raf"
                )
                if i >= 2:  # the first two warm the server up
                    times.append(time.perf_counter() - start)
            browser.close()
    finally:
        app_server.should_exit = True
        thread.join(10)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="changes of each kind (default 15)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        course = Path(folder) / "course.yaml"
        shutil.copy(data_dir("templates") / "starter-course.yaml", course)
        browser = in_browser(course, args.runs)
        shutil.copy(data_dir("templates") / "starter-course.yaml", course)
        alone = server_only(course, args.runs)
    print("six-week starter course, week 3 previewed")
    if browser:
        report("change in the page to its checked preview", browser)
    report("server alone: edit, check, compose, render", alone)
    best = statistics.median(browser or alone) * 1000
    print(f"target {TARGET_MS} ms: {'met' if best <= TARGET_MS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
