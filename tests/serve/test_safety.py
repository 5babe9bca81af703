"""The planner answers only its own page: Host, token, origin, files and uploads."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip(
    "kit.serve.app", reason="kit serve needs the serve extra: pip install '.[serve]'"
)


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def change(client: Any, site: Any, **headers: str) -> Any:
    text = site.course.read_text(encoding="utf-8")
    body = {"text": text, "week": 0, "change": {"op": "set", "path": ["minutes"], "value": "60"}}
    return client.post("/api/change", json=body, headers=headers)


@pytest.mark.parametrize(
    "host", ["evil.example:8765", "127.0.0.1:9999", "localhost", "127.0.0.1.nip.io:8765", ""]
)
def test_a_wrong_host_header_is_refused(client: Any, host: str) -> None:
    response = client.get("/", headers={"host": host})
    assert response.status_code == 403
    assert "kit-token" not in response.text


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765"])
def test_the_loopback_names_on_the_servers_port_are_answered(client: Any, host: str) -> None:
    assert client.get("/", headers={"host": host}).status_code == 200


def test_another_host_is_answered_only_when_it_was_asked_for(course_dir: Path) -> None:
    from kit.serve.safety import allowed_hosts

    assert allowed_hosts("127.0.0.1", 8765) == {"127.0.0.1:8765", "localhost:8765"}
    assert "192.0.2.7:8765" in allowed_hosts("192.0.2.7", 8765)


def test_the_page_carries_its_token(client: Any, site: Any) -> None:
    assert f'content="{site.token}"' in client.get("/").text


def test_a_change_without_the_token_is_refused(client: Any, site: Any) -> None:
    assert change(client, site).status_code == 403
    assert change(client, site, **{"x-kit-token": "guess"}).status_code == 403
    assert change(client, site, **{"x-kit-token": site.token}).status_code == 200


@pytest.mark.parametrize("url", ["/api/save", "/api/build", "/api/upload"])
def test_every_state_changing_request_needs_the_token(client: Any, site: Any, url: str) -> None:
    before = site.course.read_bytes()
    text = before.decode()
    if url == "/api/upload":
        files = {"file": ("church.pptx", b"x", "application/octet-stream")}
        response = client.post(url, data={"kind": "slides"}, files=files)
    else:
        response = client.post(url, json={"text": text + "# x\n", "loaded": text})
    assert response.status_code == 403
    assert site.course.read_bytes() == before
    assert not (site.folder / "build").exists()
    assert not (site.folder / "brand").exists()


def test_a_request_from_another_sites_page_is_refused_even_with_the_token(
    client: Any, site: Any
) -> None:
    headers = {"x-kit-token": site.token, "origin": "http://evil.example"}
    assert change(client, site, **headers).status_code == 403
    headers["origin"] = "http://127.0.0.1:8765"
    assert change(client, site, **headers).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/assets/../app.py",
        "/assets/%2e%2e/app.py",
        "/assets/..%2fapp.py",
        "/assets/%2e%2e/%2e%2e/course/model.py",
        "/assets//etc/passwd",
        "/download/../course.yaml",
        "/download/%2e%2e/course.yaml",
        "/download/..%2fcourse.yaml",
        "/download//etc/passwd",
    ],
)
def test_nothing_outside_the_assets_and_the_built_kit_is_served(client: Any, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "title:" not in response.text and "import" not in response.text


def test_kits_own_assets_are_served(client: Any) -> None:
    assert client.get("/assets/app.js").status_code == 200
    assert client.get("/assets/app.css").headers["content-type"].startswith("text/css")


def upload(client: Any, site: Any, name: str, data: bytes, kind: str = "slides") -> Any:
    files = {"file": (name, data, "application/octet-stream")}
    return client.post(
        "/api/upload", data={"kind": kind}, files=files, headers={"x-kit-token": site.token}
    )


def test_an_oversized_upload_is_refused(client: Any, site: Any) -> None:
    from kit.serve.safety import MAX_UPLOAD

    response = upload(client, site, "church.pptx", b"\0" * (MAX_UPLOAD + 1))
    assert response.status_code == 413
    assert "20 MB" in response.json()["error"]
    assert not (site.folder / "brand").exists()


def test_an_upload_that_is_not_a_usable_brand_file_is_refused(client: Any, site: Any) -> None:
    response = upload(client, site, "church.pptx", b"not a zip at all")
    assert response.status_code == 422
    assert "is not a PowerPoint (.pptx) file" in response.json()["error"]
    wrong = FIXTURES / "bad" / "brand-wrong-kind" / "brand" / "church.pptx"
    response = upload(client, site, "church.pptx", wrong.read_bytes())
    assert response.status_code == 422
    assert upload(client, site, "church.exe", b"x").status_code == 400
    assert not (site.folder / "brand").exists()  # nothing is written for a refused upload


def test_a_slide_template_whose_pictures_are_too_large_is_refused(client: Any, site: Any) -> None:
    from brand_pictures import black_png, picture_template

    data = picture_template([black_png(6300, 6300, str(n)) for n in range(17)])
    response = upload(client, site, "church.pptx", data)
    assert response.status_code == 422
    assert response.json()["error"].startswith(
        "'brand/church.pptx' has pictures in its slide masters and layouts too large to read"
    )
    assert not (site.folder / "brand").exists()


def test_a_good_brand_file_is_kept_in_the_course_folder(client: Any, site: Any) -> None:
    good = next((FIXTURES / "church-pptx" / "brand").glob("*.pptx"))
    response = upload(client, site, "../../Our Church.pptx", good.read_bytes())
    assert response.status_code == 200, response.text
    assert response.json() == {"path": "brand/Our Church.pptx", "kind": "slides"}
    assert (site.folder / "brand" / "Our Church.pptx").read_bytes() == good.read_bytes()


def test_the_built_kit_is_offered_only_after_a_build(client: Any, site: Any) -> None:
    assert client.get("/download/kit.zip").status_code == 404
    assert client.get("/download/leader-guide.docx").status_code == 404
    # A file in the build folder that this build did not write is not offered either.
    (site.folder / "build").mkdir()
    (site.folder / "build" / "notes.txt").write_text("mine")
    text = site.course.read_text(encoding="utf-8")
    response = client.post("/api/build", json={"text": text}, headers={"x-kit-token": site.token})
    assert response.status_code == 200
    site.builder.wait(60)
    assert client.get("/download/notes.txt").status_code == 404
    names = zipfile.ZipFile(io.BytesIO(client.get("/download/kit.zip").content)).namelist()
    assert "notes.txt" not in names and "host/leader-guide.docx" in names


def test_the_brand_list_holds_only_files_in_the_course_folder(site: Any, tmp_path: Path) -> None:
    from kit.serve.form import brand_files

    good = next((FIXTURES / "church-pptx" / "brand").glob("*.pptx"))
    (site.folder / "brand").mkdir()
    shutil.copy(good, site.folder / "brand" / "church.pptx")
    shutil.copy(good, tmp_path / "outside.pptx")
    assert brand_files(site.folder, ".pptx") == ["brand/church.pptx"]
