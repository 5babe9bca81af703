"""Build the kit from the page: one build at a time, in the background, with its progress."""

from __future__ import annotations

import io
import logging
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from kit.course.model import ResolvedCourse
from kit.errors import KitError
from kit.language import N_
from kit.pdf.convert import find_libreoffice
from kit.pipeline import build_kit

log = logging.getLogger(__name__)


@dataclass
class BuildJob:
    """One build: where it writes, how far it got, and what it wrote or why it stopped."""

    number: int
    out_dir: Path
    pdf: bool | None
    """Whether to make PDFs; None: as the last build into the folder did."""
    booklet: bool | None = None
    """Whether to make the booklet for printing; None: as the last build did."""
    state: str = "running"
    """running, done or failed."""
    step: str = N_("Writing the documents and slides")
    """What the build is doing, in English; the page shows it in the course's language."""
    done: int = 0
    total: int = 0
    files: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    """The earlier build's files this one no longer writes, removed from the folder."""
    error: str = ""

    def as_dict(self) -> dict[str, object]:
        """What the page needs to show the build."""
        return {
            "job": self.number,
            "state": self.state,
            "step": self.step,
            "done": self.done,
            "total": self.total,
            "files": self.files,
            "groups": groups(self.files),
            "removed": self.removed,
            "error": self.error,
            "pdf": self.pdf,
            "booklet": self.booklet,
            "folder": str(self.out_dir.resolve()),
        }


def pdf_available() -> bool:
    """True when LibreOffice is installed, so a build can make PDFs."""
    try:
        find_libreoffice()
    except KitError:
        return False
    return True


class Builder:
    """Runs builds of a course into one folder, never two at once."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.job: BuildJob | None = None
        self._lock = threading.Lock()
        self._count = 0

    def start(
        self, course: ResolvedCourse, *, pdf: bool | None, booklet: bool | None = None
    ) -> BuildJob:
        """Start building `course`; the build that is already running when one is."""
        with self._lock:
            if self.job is not None and self.job.state == "running":
                return self.job
            self._count += 1
            job = BuildJob(self._count, self.out_dir, pdf, booklet)
            self.job = job
        thread = threading.Thread(target=self._run, args=(job, course), daemon=True)
        thread.start()
        return job

    def _run(self, job: BuildJob, course: ResolvedCourse) -> None:
        def progress(done: int, total: int) -> None:
            job.step = N_("Making PDFs with LibreOffice")
            job.done, job.total = done, total

        ok = False
        try:
            done = build_kit(
                course, job.out_dir, pdf=job.pdf, booklet=job.booklet, progress=progress
            )
            job.files = [p.name for p in done.written]
            job.removed = list(done.removed)
            ok = True
        except KitError as exc:
            job.error = str(exc)
            log.info("build failed: %s", exc)
        finally:
            # Anything else ends the job too, so the page stops waiting; the thread reports it.
            job.step = N_("Done") if ok else N_("Stopped")
            job.state = "done" if ok else "failed"
            if not ok and not job.error:
                job.error = "the build stopped with an internal error; see the terminal"

    def wait(self, timeout: float | None = None) -> BuildJob | None:
        """Wait for the running build to end (for tests and the benchmark)."""
        import time

        waited = 0.0
        while self.job is not None and self.job.state == "running":
            if timeout is not None and waited >= timeout:
                break
            time.sleep(0.05)
            waited += 0.05
        return self.job

    def built(self, name: str) -> Path | None:
        """A file the last finished build wrote, by its name; None for any other name."""
        job = self.job
        if job is None or job.state != "done" or name not in job.files:
            return None
        return job.out_dir / name

    def zip_bytes(self) -> bytes | None:
        """Every file of the last finished build in one zip, in the order they were listed,
        each in the folder of the people who get it (see `zip_name`)."""
        job = self.job
        if job is None or job.state != "done":
            return None
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in job.files:
                archive.write(job.out_dir / name, zip_name(name))
        return buffer.getvalue()


def groups(names: list[str]) -> list[dict[str, object]]:
    """`names` by the folder each has in the zip, in the zip's order of folders."""
    found: dict[str, list[str]] = {}
    for name in names:
        folder, _, _ = zip_name(name).rpartition("/")
        found.setdefault(folder, []).append(name)
    order = [*FOLDERS, ""]
    return [
        {"folder": folder, "files": found[folder]}
        for folder in sorted(found, key=lambda f: order.index(f) if f in order else len(order))
    ]


FOLDERS = ("host", "table-leaders", "couples", "calendar")
"""The zip's folders, one for each group of people who get files."""


def zip_name(name: str) -> str:
    """A kit file's name in the zip: in the folder of the people who get it.

    The host gets the leader guide and the slides; table leaders their notes and
    packets; couples their handouts and booklet; the calendar is for everyone. A file
    none of these names stays at the top. The output folder keeps its flat names.
    """
    stem = name.split(".", 1)[0]
    if stem == "leader-guide" or stem.endswith("-slides"):
        folder = "host"
    elif stem.endswith("-leader-notes") or stem.startswith("leader-packet"):
        folder = "table-leaders"
    elif stem.startswith("participant-booklet") or "-handout" in stem:
        folder = "couples"
    elif name.endswith(".ics"):
        folder = "calendar"
    else:
        return name
    return f"{folder}/{name}"
