"""The web app: routes that read the request, call the library and answer with HTML or JSON."""

from __future__ import annotations

import json
import logging
import mimetypes
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from kit.check.course_file import MOST_NOTICES
from kit.errors import InputError, KitError, Problem
from kit.language import LANGUAGES, translate, translate_plural, translations
from kit.load import declared
from kit.load.brand import brand_problem
from kit.load.schema import NOTICE_LENGTH
from kit.pipeline import PRINT, pdfs_kept
from kit.publish import last_made
from kit.resources import shown
from kit.safe_files import Folder, name_problem
from kit.serve import checking, editing, safety, storage
from kit.serve.building import Builder, pdf_available
from kit.serve.form import build_form, is_date
from kit.serve.preview import schedule, week_preview
from kit.templating.templates import PART_NAMES

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
ASSETS = HERE / "assets"
BRAND_FOLDER = "brand"
"""Where uploaded brand files go, inside the course folder."""
BRAND_SUFFIX = {"slides": ".pptx", "document": ".docx"}


def _pages(language: str) -> jinja2.Environment:
    """The page's templates, their words from the catalog of `language`."""
    pages = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PAGES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    catalog = translations(language)
    pages.install_gettext_translations(catalog, newstyle=True)  # type: ignore[attr-defined]
    # A text that is not the page's own, such as a field's docstring, is looked up as it
    # is, never formatted.
    pages.filters["translated"] = catalog.gettext
    pages.filters["tojson_attr"] = lambda v: json.dumps(v, ensure_ascii=False)
    pages.globals["is_date"] = is_date
    pages.globals["field"] = declared.field
    pages.globals["notice_length"] = NOTICE_LENGTH
    pages.globals["most_notices"] = MOST_NOTICES
    pages.globals["language"] = language
    return pages


class Forbidden(Exception):
    """A state-changing request without the page's token, or from another site."""


class Site:
    """One course file served on one address: its paths, token and builds."""

    def __init__(self, course: Path, *, host: str, port: int, token: str | None = None) -> None:
        # The folder is the real one; the course file's own name is kept, never followed.
        self.folder = course.absolute().parent.resolve()
        self.course = self.folder / course.name
        self.name = shown(course)
        self.token = token or safety.new_token()
        self.hosts = safety.allowed_hosts(host, port)
        self.builder = Builder(self.folder / "build")
        self.pages = {language: _pages(language) for language in LANGUAGES}
        """The page's templates, speaking each language."""
        self.building = "en"
        """The language of the course the last build started was in."""

    def state(self, text: str, week: int) -> dict[str, Any]:
        """Everything the page shows for a course file's text with week `week` selected."""
        checked = checking.check(text, self.name, self.folder)
        data, unreadable = checking.data_of(text, self.name)
        editable = "; ".join(
            f"{p.words} (at {p.at})" for p in checking.by_field(unreadable, None, self.name)
        )
        if not isinstance(data, dict) and not editable:
            editable = "the course file must be a mapping of keys such as title: and weeks:"
        language = checking.language_of(data)
        pages = self.pages[language]
        library = checking.library(data, self.folder)
        form = build_form(data, library, checked.course, self.folder)
        week = max(0, min(week, len(form.weeks) - 1)) if form.weeks else 0
        problems = list(checked.problems)
        preview = None
        if checked.course is not None:
            try:
                preview = week_preview(checked.course, week)
            except InputError as exc:  # a course template that fails for this week
                problems.extend(exc.problems)
            except KitError as exc:
                problems.append(Problem(self.name, 0, 0, "", str(exc)))
        context = {
            "form": form,
            "week": week,
            "editable": editable,
            "preview": preview,
            "dates": schedule(checked.course) if checked.course else [],
            "part_names": {k: translate(language, v) for k, v in PART_NAMES.items()},
            "name": self.name,
        }
        shown_problems = checking.by_field(problems, data, self.name)
        shown_warnings = checking.by_field(
            checking.warnings(checked), data, self.name, warning=True
        )
        return {
            "text": text,
            "week": week,
            "ok": checked.course is not None and not problems,
            "problems": [p.__dict__ for p in shown_problems],
            "warnings": [w.__dict__ for w in shown_warnings],
            "language": language,
            "editor": pages.get_template("editor.html").render(context),
            "preview": pages.get_template("preview.html").render(context) if preview else None,
        }

    def guard(self, request: Request, sent: str | None = None) -> None:
        """Refuse a state-changing request that lacks the token or comes from another site."""
        if not safety.origin_ok(request, self.hosts):
            raise Forbidden("another site")
        if not safety.token_ok(request, self.token, sent):
            raise Forbidden("no token")


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


NO_TEXT = {"error": "the request has no course text"}
"""The answer to a request whose body carries no course text."""


async def _course_body(site: Site, request: Request) -> tuple[dict[str, Any], str | None]:
    """A checked request's JSON body and the course text in it (None when it has none)."""
    site.guard(request)
    body = await _json(request)
    text = body.get("text")
    return body, text if isinstance(text, str) else None


def _int(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def create_app(site: Site) -> Starlette:
    """The Starlette app serving `site`."""

    async def page(request: Request) -> Response:
        try:
            text = storage.read(site.course)
        except InputError as exc:
            # Nothing on the page could be saved over a file it cannot read.
            html = (
                site.pages["en"]
                .get_template("unreadable.html")
                .render(name=site.name, problems=checking.by_field(exc.problems, None, site.name))
            )
            return HTMLResponse(html, headers={"Cache-Control": "no-store"})
        state = site.state(text, 0)
        _log_warnings([w["text"] for w in state["warnings"]])
        html = (
            site.pages[state["language"]]
            .get_template("page.html")
            .render(
                state=state,
                token=site.token,
                loaded=text,
                path=str(site.course),
                name=site.name,
                pdf=pdf_available(),
                pdf_kept=pdfs_kept(site.builder.out_dir),
                booklet_kept=last_made(site.builder.out_dir, PRINT),
                problems=state["problems"],
            )
        )
        return HTMLResponse(html, headers={"Cache-Control": "no-store"})

    async def change(request: Request) -> Response:
        body, text = await _course_body(site, request)
        if text is None:
            return JSONResponse(NO_TEXT, 400)
        edit = body.get("change")
        if isinstance(edit, dict):
            try:
                text = editing.apply(text, edit)
            except editing.EditError as exc:
                return JSONResponse({"error": str(exc)}, 400)
        return JSONResponse(site.state(text, _int(body.get("week"))))

    async def save(request: Request) -> Response:
        body, text = await _course_body(site, request)
        loaded = body.get("loaded")
        if text is None or not isinstance(loaded, str):
            return JSONResponse(NO_TEXT, 400)
        checked = checking.check(text, site.name, site.folder)
        if checked.problems and not body.get("confirm"):
            count = len(checked.problems)
            return JSONResponse({"confirm": count}, 409)
        try:
            storage.save(site.course, text, loaded)
        except storage.Conflict as exc:
            return JSONResponse({"conflict": exc.diff, "disk": exc.disk_text}, 409)
        except InputError as exc:  # something in the way of the course file
            return JSONResponse({"error": str(exc)}, 400)
        except KitError as exc:
            return JSONResponse({"error": str(exc)}, 500)
        log.info("saved %s", site.course)
        warned = _log_warnings(checking.warnings(checked))
        return JSONResponse(
            {"saved": True, "loaded": text, "problems": len(checked.problems), "warnings": warned}
        )

    async def build(request: Request) -> Response:
        body, text = await _course_body(site, request)
        if text is None:
            return JSONResponse(NO_TEXT, 400)
        checked = checking.check(text, site.name, site.folder)
        if checked.course is None:
            count = len(checked.problems)
            # Each problem is said, not only counted, so Build tells what to fix.
            said = [p.words for p in checking.by_field(checked.problems, None, site.name)]
            language = checking.language_of(checking.data_of(text, site.name)[0])
            head = translate_plural(
                language,
                "%(count)d problem to fix before building:",
                "%(count)d problems to fix before building:",
                count,
            ) % {"count": count}
            return JSONResponse({"error": "\n".join([head, *said])}, 422)
        # Without LibreOffice the boxes cannot be ticked: the build then keeps PDFs the
        # last one made, or says it cannot, rather than removing them unasked.
        pdf = bool(body.get("pdf")) if pdf_available() else None
        booklet = bool(body.get("booklet")) if pdf_available() else None
        _log_warnings(checking.warnings(checked))
        job = site.builder.start(checked.course, pdf=pdf, booklet=booklet)
        site.building = checked.course.course.language
        return JSONResponse(_in_words(job.as_dict(), site.building))

    async def build_status(request: Request) -> Response:
        job = site.builder.job
        return JSONResponse(_in_words(job.as_dict(), site.building) if job else {"state": "none"})

    async def download(request: Request) -> Response:
        name = request.path_params["name"]
        if name == "kit.zip":
            data = site.builder.zip_bytes()
            if data is None:
                return Response("Build the kit first.", 404)
            headers = {"Content-Disposition": 'attachment; filename="kit.zip"'}
            return Response(data, media_type="application/zip", headers=headers)
        path = site.builder.built(name)
        checked = path and safety.inside(site.builder.out_dir, name)
        if not checked or not checked.is_file():
            return Response("No such file in the built kit.", 404)
        return FileResponse(checked, filename=name)

    async def asset(request: Request) -> Response:
        path = safety.inside(ASSETS, request.path_params["name"])
        if path is None or not path.is_file():
            return Response("Not found.", 404)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return FileResponse(path, media_type=kind)

    async def upload(request: Request) -> Response:
        size = request.headers.get("content-length")
        if size is None or not size.isdigit() or int(size) > safety.MAX_UPLOAD + 64 * 1024:
            return JSONResponse({"error": _too_big()}, 413)
        # A body that is not multipart is answered 400 by Starlette itself.
        form = await request.form(max_files=1, max_fields=4, max_part_size=1024 * 1024)
        try:
            token = form.get("token")
            site.guard(request, token if isinstance(token, str) else None)
            return _store_upload(site, form.get("kind"), form.get("file"))
        finally:
            await form.close()

    routes = [
        Route("/", page),
        Route("/api/change", change, methods=["POST"]),
        Route("/api/save", save, methods=["POST"]),
        Route("/api/build", build, methods=["POST"]),
        Route("/api/build", build_status, methods=["GET"]),
        Route("/api/upload", upload, methods=["POST"]),
        Route("/download/{name:path}", download),
        Route("/assets/{name:path}", asset),
    ]

    async def forbidden(request: Request, exc: Exception) -> Response:
        return JSONResponse({"error": "refused: reload kit's page and try again"}, 403)

    return Starlette(
        routes=routes,
        middleware=[Middleware(safety.HostCheck, hosts=site.hosts)],
        exception_handlers={Forbidden: forbidden},
    )


def _in_words(job: dict[str, Any], language: str) -> dict[str, Any]:
    """A build's state for the page, its step said in the course's language."""
    return {**job, "step": translate(language, job["step"])}


def _log_warnings(found: list[Problem] | list[str]) -> int:
    """Say the course's warnings in the terminal the page was started from; how many."""
    for line in found:
        log.warning("%s", line)
    return len(found)


def _too_big() -> str:
    return f"the file is larger than {safety.MAX_UPLOAD // (1024 * 1024)} MB; save it smaller"


def _store_upload(site: Site, kind: Any, upload: Any) -> Response:
    """Put an uploaded brand file into the course's brand folder, if it is a usable one."""
    if kind not in BRAND_SUFFIX or upload is None or isinstance(upload, str):
        return JSONResponse({"error": "choose a slide or document template to upload"}, 400)
    suffix = BRAND_SUFFIX[kind]
    name = safety.upload_name(upload.filename or "", suffix)
    if name is None:
        return JSONResponse({"error": f"a {kind} template must be a {suffix} file"}, 400)
    if problem := name_problem(f".upload-{name}"):
        return JSONResponse({"error": problem}, 400)
    data = upload.file.read(safety.MAX_UPLOAD + 1)
    if len(data) > safety.MAX_UPLOAD:
        return JSONResponse({"error": _too_big()}, 413)
    relative = f"{BRAND_FOLDER}/{name}"
    # Checked in a private copy first, so that nothing is written in the course folder
    # for a file that cannot be used.
    with tempfile.TemporaryDirectory(prefix="kit-upload-") as private:
        copy = Path(private, name)
        copy.write_bytes(data)
        problem = brand_problem(copy, relative)
    if problem:
        return JSONResponse({"error": problem}, 422)
    staging = f".upload-{name}"
    try:
        with (
            Folder.open(site.folder, "") as course_folder,
            course_folder.sub(BRAND_FOLDER, create=True) as brand,
        ):
            brand.expect(name)
            if brand.expect(staging):
                brand.remove(staging)  # kit's own, left by an upload cut short
            brand.write_new(staging, data)
            try:
                brand.expect(name)
                brand.move(staging, brand, name)
            finally:
                with suppress(OSError):
                    brand.remove(staging)
            brand.sync()
    except InputError as exc:
        return JSONResponse({"error": str(exc)}, 400)
    except OSError as exc:
        return JSONResponse({"error": f"{relative}: cannot be written ({exc.strerror})"}, 400)
    return JSONResponse({"path": relative, "kind": kind})
