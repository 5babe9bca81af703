"""PDF stage: convert finished Office files to PDF with LibreOffice, in one headless run."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from kit.errors import BuildError, ToolMissingError
from kit.pdf import macro as pdf_macro
from kit.writers.ooxml import fixed_time

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called with (PDFs done, PDFs in all) while LibreOffice runs."""

PROGRAMS = ("soffice", "libreoffice")
"""Names LibreOffice's command goes by, looked up on PATH in this order."""

BASE_SECONDS = 90.0
"""Time LibreOffice may take to start, before any file counts."""
PER_FILE_SECONDS = 30.0
"""Time allowed for each file on top of the start-up time."""
POLL_SECONDS = 0.2
"""How often to look for finished PDFs while LibreOffice runs."""

INSTALL_HINT = (
    "--pdf needs LibreOffice, but neither soffice nor libreoffice was found on PATH; "
    "nothing was written.\n"
    "  Debian/Ubuntu: sudo apt install libreoffice-writer libreoffice-impress\n"
    "  macOS, Windows: install LibreOffice from https://www.libreoffice.org/download/ "
    "and add its program folder to PATH"
)
"""What to tell someone who asked for PDFs without LibreOffice installed."""


KEPT_HINT = (
    "the last build into this folder made PDFs, and kit makes them again so that none "
    "goes missing, but neither soffice nor libreoffice was found on PATH; nothing was "
    "written. Build with --no-pdf to leave the PDFs out (and remove the last ones), or "
    "install LibreOffice:"
)


def find_libreoffice(*, kept: bool = False, asked: str = "--pdf", without: str = "--no-pdf") -> str:
    """The path of LibreOffice's command, or ToolMissingError saying how to install it.

    `kept` says the PDFs are wanted because the last build made them, not because
    they were asked for; the message then says how to do without them (`without`).
    Otherwise it names the option that asked for them (`asked`).
    """
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            log.debug("using LibreOffice at %s", found)
            return found
    if kept:
        hint = KEPT_HINT.replace("--no-pdf", without)
        raise ToolMissingError(hint + "\n" + INSTALL_HINT.split("\n", 1)[1])
    raise ToolMissingError(INSTALL_HINT.replace("--pdf", asked, 1))


def time_limit(count: int) -> float:
    """Seconds one LibreOffice run may take to convert `count` files."""
    return BASE_SECONDS + PER_FILE_SECONDS * count


def pdf_name(name: str) -> str:
    """The name of the PDF made from an Office file: same stem, `.pdf`."""
    return Path(name).stem + ".pdf"


def convert(
    files: Sequence[Path],
    out_dir: Path,
    *,
    program: str,
    timeout: float | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Convert `files` to PDFs in `out_dir` with one LibreOffice process; return the PDFs.

    Tables of contents are brought up to date first, so the guide's shows page numbers.

    LibreOffice runs with a profile folder of its own, so it neither disturbs nor
    waits for a LibreOffice the user has open. It gets `timeout` seconds (by default
    `time_limit(len(files))`) before it is stopped. Raises BuildError when it fails,
    runs out of time or leaves any PDF unmade; PDFs already made are then left in
    `out_dir` for the caller to discard.
    """
    targets = [out_dir / pdf_name(f.name) for f in files]
    if len(set(targets)) != len(targets):
        raise ValueError("two files to convert share a name; their PDFs would collide")
    if not files:
        return []
    limit = time_limit(len(files)) if timeout is None else timeout
    report = _changes_only(progress)
    with tempfile.TemporaryDirectory(prefix="kit-lo-", ignore_cleanup_errors=True) as tmp:
        profile = Path(tmp) / "profile"
        start = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nolockcheck",
        ]
        log.info("converting %d file(s) to PDF with %s", len(files), program)
        with open(Path(tmp) / "output.txt", "w+", encoding="utf-8", errors="replace") as output:
            # A first start sets up the new profile; the macro then goes into it.
            deadline = time.monotonic() + limit
            code = _run(
                [*start, "--terminate_after_init"], output, deadline, limit, targets, report
            )
            if code == 0:
                macro = pdf_macro.install(profile, list(zip(files, targets, strict=True)))
                code = _run([*start, macro], output, deadline, limit, targets, report)
            output.seek(0)
            said = output.read()
    missing = [t.name for t in targets if not _made(t)]
    if code != 0 or missing:
        raise BuildError(_failure(code, missing, said))
    for target in targets:
        settle(target)
    report(len(targets), len(targets))
    return targets


_DATE = re.compile(rb"/(?:CreationDate|ModDate)\s*\((D:\d{14})([^)]*)\)")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)()")


def settle(path: Path) -> None:
    """Give a PDF fixed dates and an ID made from its content, so a rebuild has the same bytes.

    LibreOffice stamps each PDF with the time it was made, a random ID and a checksum
    of both. All are replaced by text of the same length, so the offsets the PDF keeps stay true.
    """
    data = bytearray(path.read_bytes())
    stamp = f"D:{fixed_time():%Y%m%d%H%M%S}".encode()
    for match in _DATE.finditer(data):
        data[match.start(1) : match.end(1)] = stamp
        zone = match.group(2)
        if zone[:1] in (b"+", b"-") and len(zone) == len(b"+00'00'"):
            data[match.start(2) : match.end(2)] = b"+00'00'"
    # The ID and LibreOffice's checksum are made anew from everything else in the file.
    spans = [
        (m.start(g), m.end(g))
        for pattern in (_ID, _CHECKSUM)
        for m in pattern.finditer(data)
        for g in (1, 2)
    ]
    blanked = bytearray(data)
    for start, end in spans:
        blanked[start:end] = b"0" * (end - start)
    fresh = hashlib.sha256(blanked).hexdigest().upper().encode()
    for start, end in spans:
        data[start:end] = (fresh * 2)[: end - start]
    path.write_bytes(bytes(data))


def _run(
    command: list[str],
    output: IO[str],
    deadline: float,
    limit: float,
    targets: list[Path],
    report: Progress,
) -> int:
    """Run LibreOffice until `deadline`, reporting progress, and return its exit status.

    `limit` is the whole time allowed, as the message names it when time runs out.
    """
    try:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=os.name == "posix",
        )
    except OSError as exc:
        raise BuildError(f"cannot start LibreOffice ({command[0]}): {exc.strerror}") from None
    try:
        while True:
            done = sum(1 for t in targets if t.exists())
            report(done, len(targets))
            try:
                return proc.wait(timeout=max(0.0, min(POLL_SECONDS, deadline - time.monotonic())))
            except subprocess.TimeoutExpired:
                if time.monotonic() >= deadline:
                    seconds = f"{limit:g} second{'' if limit == 1 else 's'}"
                    raise BuildError(
                        f"LibreOffice did not finish converting to PDF within {seconds} "
                        f"({done} of {len(targets)} done) and was stopped"
                    ) from None
    finally:
        # Also on success, and on Ctrl-C or SIGTERM: the office process LibreOffice
        # starts may outlive the command that started it, holding the profile open.
        _stop(proc)


def _changes_only(progress: Progress | None) -> Progress:
    """A progress callback that passes on each new count once."""
    last = (-1, -1)

    def report(done: int, total: int) -> None:
        nonlocal last
        if progress is not None and (done, total) != last:
            last = (done, total)
            progress(done, total)

    return report


STOP_SECONDS = 10.0
"""How long to wait for LibreOffice to end once it is killed."""
GROUP_SECONDS = 1.0
"""How long to wait for the rest of its process group, which a killed process leaves at once."""


def _stop(proc: subprocess.Popen) -> None:
    """End LibreOffice and every process it started, and wait until they have ended.

    LibreOffice runs in a process group of its own (a new session), so killing the
    group reaches the office process too, and nothing of it is left running.
    """
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        elif proc.poll() is None:
            proc.kill()
    except OSError:
        pass
    try:
        proc.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        log.warning("LibreOffice (pid %d) did not stop", proc.pid)
        return
    # The others in the group are gone once reaped; a zombie left unreaped by a
    # container's first process still counts, hence the short wait.
    deadline = time.monotonic() + GROUP_SECONDS
    while os.name == "posix" and time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)
        except OSError:
            return
        time.sleep(0.02)
    log.debug("LibreOffice's process group %d is still there", proc.pid)


def _made(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _failure(code: int, missing: list[str], said: str) -> str:
    """A message for a LibreOffice run that left PDFs unmade."""
    what = (
        f"LibreOffice could not make {', '.join(missing)}"
        if missing
        else f"LibreOffice stopped with exit status {code}"
    )
    # LibreOffice reports a failed file on its output; show those lines, not the chatter.
    errors = [line.strip() for line in said.splitlines() if "error" in line.lower()]
    detail = f" ({'; '.join(errors[:3])})" if errors else ""
    return f"{what}{detail}"
