"""Run the page's server on a local address until Ctrl-C."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

from kit.errors import UsageError

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def make_server(course: Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> object:
    """A uvicorn server for the course file at `course`, not yet started."""
    import uvicorn

    from kit.serve.app import Site, create_app

    site = Site(course, host=host, port=port)
    app = create_app(site)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        lifespan="off",
        server_header=False,
    )
    server = uvicorn.Server(config)
    server.site = site  # type: ignore[attr-defined]
    return server


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to `host:port`, or a `UsageError` saying why it cannot be."""
    if not 0 <= port < 65536:
        raise UsageError(f"--port {port} is not a port number; use 1 to 65535 (0: any free one)")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise UsageError(f"--host {host} is not an address of this computer") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise UsageError(
            f"cannot listen on {host}:{port} ({exc.strerror}); "
            "another program may be using it: choose another with --port"
        ) from None
    sock.listen(64)
    return sock


def address(host: str, port: int) -> str:
    """The address to open in a browser."""
    shown = "localhost" if host in ("0.0.0.0", "::") else host
    shown = f"[{shown}]" if ":" in shown else shown
    return f"http://{shown}:{port}/"


def run(server: object, sock: socket.socket) -> None:
    """Serve on `sock` until Ctrl-C."""
    try:
        server.run(sockets=[sock])  # type: ignore[attr-defined]
    except KeyboardInterrupt:
        pass  # uvicorn has shut down already; Ctrl-C is how the page is meant to stop
    finally:
        sock.close()
