"""Keep the local page to its user: the Host header, a per-session token, files and uploads.

Another web page open in the same browser can send requests to 127.0.0.1 and can
point a name it controls at it (DNS rebinding). So the server answers only to the
host names it was started on, every request that changes anything must carry the
token that only kit's own page was given, and files are served only from kit's
own assets and the course folder.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

MAX_UPLOAD = 20 * 1024 * 1024
"""Largest brand file the page accepts, in bytes."""
TOKEN_HEADER = "x-kit-token"
"""The header the page sends its token in; a form may send it as the field `token`."""
SAFE_METHODS = {"GET", "HEAD"}
"""Methods that change nothing and so need no token."""


def new_token() -> str:
    """A fresh, unguessable token for one run of the server."""
    return secrets.token_urlsafe(32)


def allowed_hosts(host: str, port: int) -> set[str]:
    """Host headers the server answers to: the loopback names, and `host` when it is another."""
    names = {"127.0.0.1", "localhost"}
    if host not in ("127.0.0.1", "localhost", "0.0.0.0", "::", ""):
        names.add(host)
    return {f"{name}:{port}" for name in names} | ({f"[::1]:{port}"} if host == "::1" else set())


class HostCheck:
    """Refuse any request whose Host header is not one the server was started on."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            headers = dict(scope.get("headers") or [])
            host = headers.get(b"host", b"").decode("latin-1").lower()
            if host not in self.hosts:
                response = PlainTextResponse("This page only answers on its own address.", 403)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def origin_ok(request: Request, hosts: set[str]) -> bool:
    """False when the browser says the request comes from a page on another site."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc.lower() in hosts


def token_ok(request: Request, token: str, sent: str | None = None) -> bool:
    """True when the request carries the server's token (header, or `sent` from a form)."""
    given = request.headers.get(TOKEN_HEADER) or sent or ""
    return secrets.compare_digest(given.encode(), token.encode())


def inside(folder: Path, name: str) -> Path | None:
    """`folder/name` when it stays inside `folder` (no `..`, no absolute path, no links out)."""
    if not name or "\x00" in name or name.startswith(("/", "\\")) or ":" in name:
        return None
    root = folder.resolve()
    path = (root / name).resolve()
    return path if path.is_relative_to(root) and path != root else None


def upload_name(filename: str, suffix: str) -> str | None:
    """A safe file name for an upload: its own name's letters, digits, dots and dashes."""
    stem = Path(filename.replace("\\", "/")).name
    if Path(stem).suffix.lower() != suffix:
        return None
    clean = "".join(c if c.isalnum() or c in "-_. " else "-" for c in Path(stem).stem).strip(" .")
    return f"{clean or 'brand'}{suffix}"
