"""The planner's requests: live checks in kit check's words, saving, conflicts, builds."""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

import kit
from kit.cli import main
from kit.serve.building import pdf_available, zip_name

pytest.importorskip(
    "kit.serve.app", reason="kit serve needs the serve extra: pip install '.[serve]'"
)


ZIPPED = {
    "leader-guide.docx": "host/leader-guide.docx",
    "leader-packet.docx": "table-leaders/leader-packet.docx",
    "participant-booklet.docx": "couples/participant-booklet.docx",
    **{
        f"week-{n:02d}-{kind}": f"{folder}/week-{n:02d}-{kind}"
        for n in range(1, 7)
        for kind, folder in (
            ("leader-notes.docx", "table-leaders"),
            ("slides.pptx", "host"),
            ("handout.docx", "couples"),
        )
    },
    "course.ics": "calendar/course.ics",
}
"""Where the zip puts each file of the starter course's kit: in the folder of who gets it."""


def post(client: Any, site: Any, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json=body, headers={"x-kit-token": site.token})


def edit(client: Any, site: Any, text: str, change: dict[str, Any] | None, week: int = 0) -> Any:
    response = post(client, site, "/api/change", {"text": text, "week": week, "change": change})
    assert response.status_code == 200, response.text
    return response.json()


def test_problems_are_the_lines_kit_check_prints(client: Any, site: Any, capsys: Any) -> None:
    text = site.course.read_text(encoding="utf-8")
    state = edit(client, site, text, {"op": "set", "path": ["weeks", 1], "value": "safty"})
    assert [p["field"] for p in state["problems"]] == ["weeks[1]"]
    state = edit(client, site, state["text"], {"op": "set", "path": ["start"], "value": "soon"})
    site.course.write_text(state["text"], encoding="utf-8")
    assert main(["check", str(site.course)]) == 2
    printed = capsys.readouterr().err.splitlines()[:-1]
    assert [p["text"] for p in state["problems"]] == printed
    # Every problem in one run: the bad date does not hide the unknown lesson.
    assert [p["field"] for p in state["problems"]] == ["start", "weeks[1]"]
    assert state["preview"] is None


def test_question_problems_are_placed_on_their_question(client: Any, site: Any) -> None:
    text = site.course.read_text(encoding="utf-8")
    text = edit(
        client, site, text, {"op": "reword", "week": 2, "id": "empathy-fix-it", "text": "?"}
    )["text"]
    state = edit(client, site, text, {"op": "drop", "week": 2, "id": "empathy-fix-it", "on": True})
    (problem,) = state["problems"]
    assert problem["field"] == "weeks[2].questions.q.empathy-fix-it"
    assert "is dropped, so it cannot be reworded" in problem["text"]


def test_the_preview_follows_the_selected_week(client: Any, site: Any) -> None:
    text = site.course.read_text(encoding="utf-8")
    state = edit(client, site, text, None, week=2)
    assert state["week"] == 2
    assert "Week 3: Seeing Through Their Eyes" in state["preview"]
    assert 'data-field="weeks[2].questions.q.empathy-understood"' in state["editor"]


def test_saving_keeps_comments_and_writes_only_what_changed(client: Any, site: Any) -> None:
    loaded = site.course.read_text(encoding="utf-8")
    text = edit(client, site, loaded, {"op": "set", "path": ["minutes"], "value": "75"})["text"]
    response = post(client, site, "/api/save", {"text": text, "loaded": loaded})
    assert response.status_code == 200
    assert site.course.read_text(encoding="utf-8") == loaded.replace(
        "minutes: 90              #", "minutes: 75              #"
    )
    assert [p.name for p in site.folder.iterdir()] == ["course.yaml"]  # no temp file left


def test_saving_with_problems_asks_first(client: Any, site: Any) -> None:
    loaded = site.course.read_text(encoding="utf-8")
    text = edit(client, site, loaded, {"op": "set", "path": ["minutes"], "value": "30"})["text"]
    response = post(client, site, "/api/save", {"text": text, "loaded": loaded})
    assert response.status_code == 409 and response.json() == {"confirm": 1}
    assert site.course.read_text(encoding="utf-8") == loaded
    body = {"text": text, "loaded": loaded, "confirm": True}
    assert post(client, site, "/api/save", body).status_code == 200
    assert "minutes: 30" in site.course.read_text(encoding="utf-8")


def test_a_file_changed_on_disk_is_not_overwritten(client: Any, site: Any) -> None:
    loaded = site.course.read_text(encoding="utf-8")
    elsewhere = loaded.replace('church: "Our Church"', 'church: "Grace Church"')
    site.course.write_text(elsewhere, encoding="utf-8")
    text = edit(client, site, loaded, {"op": "set", "path": ["minutes"], "value": "75"})["text"]
    response = post(client, site, "/api/save", {"text": text, "loaded": loaded})
    assert response.status_code == 409
    diff = response.json()["conflict"]
    assert '-church: "Our Church"' in diff and '+church: "Grace Church"' in diff
    assert site.course.read_text(encoding="utf-8") == elsewhere


def test_saving_keeps_the_files_permissions(client: Any, site: Any) -> None:
    os.chmod(site.course, 0o640)
    loaded = site.course.read_text(encoding="utf-8")
    text = edit(client, site, loaded, {"op": "set", "path": ["minutes"], "value": "75"})["text"]
    assert post(client, site, "/api/save", {"text": text, "loaded": loaded}).status_code == 200
    assert site.course.stat().st_mode & 0o777 == 0o640


def test_a_file_that_is_not_yaml_still_opens_with_its_problem(client: Any, site: Any) -> None:
    site.course.write_text('title: "Closer\nweeks: [trust]\n', encoding="utf-8")
    page = client.get("/").text
    assert "this quoted text has no closing quote" in page
    assert "Course file as text" in page


def test_the_kit_is_built_and_offered_whole_and_file_by_file(client: Any, site: Any) -> None:
    text = site.course.read_text(encoding="utf-8")
    response = post(client, site, "/api/build", {"text": text})
    assert response.status_code == 200
    job = site.builder.wait(120)
    assert job.state == "done", job.error
    status = client.get("/api/build").json()
    assert status["files"][0] == "leader-guide.docx" and len(status["files"]) == 22
    archive = zipfile.ZipFile(io.BytesIO(client.get("/download/kit.zip").content))
    assert archive.namelist() == [ZIPPED.get(name, name) for name in status["files"]]
    assert (
        archive.read("couples/week-01-handout.docx")
        == (site.folder / "build" / "week-01-handout.docx").read_bytes()
    )
    one = client.get("/download/week-01-handout.docx")
    assert one.content == (site.folder / "build" / "week-01-handout.docx").read_bytes()


def test_a_course_with_problems_is_not_built(client: Any, site: Any) -> None:
    text = site.course.read_text(encoding="utf-8").replace("minutes: 90", "minutes: 9")
    response = post(client, site, "/api/build", {"text": text})
    assert response.status_code == 422
    assert response.json()["error"] == (
        "1 problem to fix before building:\n"
        "session length: a meeting must be at least 45 minutes long; this says 9"
    )
    assert not Path(site.folder / "build").exists()


def test_pdfs_are_made_with_their_progress_shown(client: Any, site: Any) -> None:
    if not pdf_available():
        pytest.skip("LibreOffice is not installed: no PDFs to make")
    text = site.course.read_text(encoding="utf-8")
    assert post(client, site, "/api/build", {"text": text, "pdf": True}).status_code == 200
    steps = set()
    deadline = time.monotonic() + 600
    while (status := client.get("/api/build").json())["state"] == "running":
        steps.add((status["step"], status["total"]))
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert status["state"] == "done", status["error"]
    assert ("Making PDFs with LibreOffice", 21) in steps
    assert len(status["files"]) == 43 and "week-06-handout.pdf" in status["files"]
    names = zipfile.ZipFile(io.BytesIO(client.get("/download/kit.zip").content)).namelist()
    assert names == [zip_name(name) for name in status["files"]]
    assert "host/leader-guide.pdf" in names and "table-leaders/leader-packet.pdf" in names
    assert "couples/week-06-handout.pdf" in names and "host/week-06-slides.pdf" in names


def test_the_booklet_for_printing_is_made_shown_ticked_and_removed_when_unticked(
    client: Any, site: Any
) -> None:
    if not pdf_available():
        pytest.skip("LibreOffice is not installed: no booklet to print")
    text = site.course.read_text(encoding="utf-8")
    page = client.get("/").text
    assert '<input type="checkbox" id="build-booklet"  >' in page
    assert post(client, site, "/api/build", {"text": text, "booklet": True}).status_code == 200
    job = site.builder.wait(600)
    assert job.state == "done", job.error
    printed = ["participant-booklet.pdf", "participant-booklet-print.pdf"]
    assert job.files[-2:] == printed and not [n for n in job.files[:-2] if n.endswith(".pdf")]
    names = zipfile.ZipFile(io.BytesIO(client.get("/download/kit.zip").content)).namelist()
    assert [f"couples/{n}" for n in printed] == names[-2:]
    # The page opened again shows the box ticked, as the last build made it; PDFs unticked.
    page = client.get("/").text
    assert '<input type="checkbox" id="build-booklet"  checked>' in page
    assert "(the last build made it; untick to remove it)" in page
    assert '<input type="checkbox" id="build-pdf"  >' in page
    assert post(client, site, "/api/build", {"text": text, "booklet": False}).status_code == 200
    job = site.builder.wait(600)
    assert job.state == "done", job.error
    assert not [n for n in job.files if n.endswith(".pdf")]
    assert not [p.name for p in (site.folder / "build").iterdir() if p.suffix == ".pdf"]
    assert '<input type="checkbox" id="build-booklet"  >' in client.get("/").text


def test_a_file_that_is_not_text_is_never_saved_over(client: Any, site: Any) -> None:
    site.course.write_bytes(b"title: \xff\xfe\x00\n")
    page = client.get("/")
    assert page.status_code == 200
    assert "cannot be opened here" in page.text and "NUL byte" in page.text
    text = "title: Mine\nweeks: [trust]\n"
    response = post(client, site, "/api/save", {"text": text, "loaded": ""})
    assert response.status_code == 409
    assert site.course.read_bytes() == b"title: \xff\xfe\x00\n"


def test_warnings_reach_the_page_and_the_terminal(
    client: Any, site: Any, caplog: pytest.LogCaptureFixture
) -> None:
    text = site.course.read_text(encoding="utf-8").replace("Six Weeks", "Five Weeks")
    answer = post(client, site, "/api/change", {"text": text, "week": 0})
    (shown,) = answer.json()["warnings"]
    assert shown["field"] == "title" and shown["warning"] is True
    message = "says five weeks, but the course has six; reword it to match"
    assert shown["text"].endswith(f"course.yaml:6:8: title: warning: {message}")
    with caplog.at_level("WARNING", logger="kit.serve"):
        loaded = site.course.read_text(encoding="utf-8")
        saved = post(client, site, "/api/save", {"text": text, "loaded": loaded})
    assert saved.json()["warnings"] == 1
    assert [r.getMessage() for r in caplog.records] == [shown["text"]]


def test_warnings_are_shown_beside_the_problems(client: Any, site: Any) -> None:
    text = site.course.read_text(encoding="utf-8").replace("Six Weeks", "Five Weeks")
    text = text.replace("minutes: 90", "minutes: 30")
    answer = post(client, site, "/api/change", {"text": text, "week": 0}).json()
    assert [(p["field"], p["message"]) for p in answer["problems"]] == [
        ("minutes", "a meeting must be at least 45 minutes long; this says 30")
    ]
    assert [(w["field"], w["message"]) for w in answer["warnings"]] == [
        ("title", "warning: says five weeks, but the course has six; reword it to match")
    ]


def test_a_file_that_does_not_read_says_where_on_the_page(client: Any, site: Any) -> None:
    text = 'title: "Closer\nweeks: [trust]\n'
    answer = post(client, site, "/api/change", {"text": text, "week": 0})
    editor = answer.json()["editor"]
    assert "The course file needs fixing first" in editor
    assert "course.yaml:1:8)</p>" in editor


def test_the_meeting_place_is_a_field_of_its_own(client: Any, site: Any) -> None:
    """Where the class meets goes into people's calendars; the page edits it like the time."""
    assert 'data-field="place"' in client.get("/").text
    loaded = site.course.read_text(encoding="utf-8")
    change = {"op": "set", "path": ["place"], "value": "Room 104"}
    text = edit(client, site, loaded, change)["text"]
    assert "\nplace: Room 104 " in text.replace('"', "")


@pytest.mark.parametrize(
    ("name", "zipped"),
    [
        ("leader-guide.pdf", "host/leader-guide.pdf"),
        ("week-12-slides.pdf", "host/week-12-slides.pdf"),
        ("leader-packet-dan-mia-lopez.docx", "table-leaders/leader-packet-dan-mia-lopez.docx"),
        ("week-03-leader-notes.pdf", "table-leaders/week-03-leader-notes.pdf"),
        ("participant-booklet.docx", "couples/participant-booklet.docx"),
        ("participant-booklet-print.pdf", "couples/participant-booklet-print.pdf"),
        ("week-03-handout-large-print.docx", "couples/week-03-handout-large-print.docx"),
        ("course.ics", "calendar/course.ics"),
        ("something-else.txt", "something-else.txt"),
    ],
)
def test_the_zip_puts_each_file_in_the_folder_of_who_gets_it(name: str, zipped: str) -> None:
    assert zip_name(name) == zipped


LEADERS = """\
leaders:
  - "Pastor Sam"
  - {name: "Dan & Mia Lopez", table: 3, email: dan@example.org}  # table 3
"""


def test_table_leaders_load_edit_save_and_build(client: Any, site: Any) -> None:
    """A table leader's name is edited on the page, and its table and e-mail are kept."""
    loaded = site.course.read_text(encoding="utf-8")
    starter = next(line for line in loaded.splitlines() if line.startswith("leaders:"))
    site.course.write_text(loaded.replace(starter + "\n", LEADERS), encoding="utf-8")
    loaded = site.course.read_text(encoding="utf-8")
    page = client.get("/").text
    assert ">Dan &amp; Mia Lopez</textarea>" in page and ">Pastor Sam</textarea>" in page
    assert "[&#34;leaders&#34;, 1, &#34;name&#34;]" in page or '["leaders", 1, "name"]' in page
    change = {"op": "set", "path": ["leaders", 1, "name"], "value": "Dan and Mia Lopez"}
    state = edit(client, site, loaded, change)
    assert state["problems"] == []
    assert (
        post(client, site, "/api/save", {"text": state["text"], "loaded": loaded}).status_code
        == 200
    )
    saved = site.course.read_text(encoding="utf-8")
    assert '  - {name: "Dan and Mia Lopez", table: 3, email: dan@example.org} # table 3' in saved
    assert saved.replace("Dan and Mia", "Dan & Mia").replace("} #", "}  #") == loaded
    bad = {"op": "set", "path": ["leaders", 1, "name"], "value": "???"}
    (problem,) = edit(client, site, saved, bad)["problems"]
    assert problem["field"] == "leaders[1].name"
    assert post(client, site, "/api/build", {"text": saved}).status_code == 200
    job = site.builder.wait(120)
    assert job.state == "done", job.error
    assert "leader-packet-dan-and-mia-lopez.docx" in job.files


def test_a_course_with_an_arrival_part_and_own_helplines_is_edited_and_saved(
    client: Any, site: Any
) -> None:
    loaded = (
        site.course.read_text(encoding="utf-8")
        .replace("\narrival:     ", "\narrival: 30 ")
        .replace("\n  abuse:      ", '\n  abuse: "Refuge: call 0808 2000 247"')
    )
    site.course.write_text(loaded, encoding="utf-8")
    state = edit(client, site, loaded, {"op": "set", "path": ["minutes"], "value": "120"})
    assert state["problems"] == []
    response = post(client, site, "/api/save", {"text": state["text"], "loaded": loaded})
    assert response.status_code == 200
    course = kit.load_course(site.course)
    assert (course.course.minutes, course.course.arrival) == (120, 30)
    assert [(s.key, s.minutes) for s in course.course.weeks[0].slots][:2] == [
        ("arrival", 30),
        ("opening", 10),
    ]
    assert course.course.helplines.abuse == "Refuge: call 0808 2000 247"
