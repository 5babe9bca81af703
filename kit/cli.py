"""The `kit` command: parse arguments, call the library, print results, set the exit status."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from kit import commands
from kit.errors import InputError, KitError, printable

log = logging.getLogger("kit")


class Terminated(KeyboardInterrupt):
    """SIGTERM came: the command unwinds as for Ctrl-C, so every clean-up on the way runs."""


@contextmanager
def _stop_requests() -> Iterator[None]:
    """While a command runs, SIGINT and SIGTERM stop it by raising, once.

    A second request while the first unwinds is let go, so the clean-up it triggers
    (stopping LibreOffice, removing the staging folder) is not cut short.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        if stopping:
            return
        stopping = True
        raise Terminated if signum == signal.SIGTERM else KeyboardInterrupt

    previous = {}
    for number in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(number) is not signal.SIG_IGN:
            previous[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _course_and_out(p: argparse.ArgumentParser, out_help: str) -> None:
    """The course file and output folder arguments `check` and `build` share."""
    p.add_argument("course", nargs="?", type=Path, metavar="COURSE")
    p.add_argument(
        "-o", "--out", default=Path("build"), type=Path, metavar="DIR",
        help=f"{out_help} (default: build/)",
    )  # fmt: skip


def _common(parser: argparse.ArgumentParser, default: object) -> None:
    """The options every command takes, before or after its name."""
    parser.add_argument(
        "--debug", action="store_true", default=default, help="show tracebacks and debug logs"
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=default,
        help="print only problems and one summary line",
    )


def _language(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument(
        "--language",
        choices=("en", "es"),
        default="en",
        help=f"{help_text}: en (English, the default) or es (Spanish)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kit",
        description="Build a small-group study kit: leader guide, leader notes, slides, handouts.",
    )
    _common(parser, default=False)
    # The same options after the command (`kit build course.yaml -q`); a default that is
    # never set keeps what was given before the command.
    common = argparse.ArgumentParser(add_help=False)
    _common(common, default=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "lessons", parents=[common], help="list lessons: id, title, minutes, source articles"
    )
    p.add_argument("--lessons", metavar="DIR", type=Path, help="also list the lessons in DIR")
    _language(p, "list kit's lessons in this language")

    p = sub.add_parser(
        "show", parents=[common], help="one lesson's outline, with every question id"
    )
    p.add_argument("lesson", metavar="LESSON")
    p.add_argument("--lessons", metavar="DIR", type=Path, help="also look in DIR")
    _language(p, "look among kit's lessons in this language")

    p = sub.add_parser("new", parents=[common], help="write a commented starter course file")
    p.add_argument("path", nargs="?", default="course.yaml", type=Path, metavar="PATH")
    p.add_argument("--force", action="store_true", help="replace PATH if it exists")
    _language(p, "write the starter course in this language")

    p = sub.add_parser("check", parents=[common], help="validate a course; print every problem")
    _course_and_out(p, "output folder to finish or undo an interrupted build in")

    p = sub.add_parser("build", parents=[common], help="write the kit")
    _course_and_out(p, "output folder")
    p.add_argument(
        "--pdf",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also write a PDF of every file (default: as the last build into DIR did)",
    )
    p.add_argument(
        "--booklet",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also write the couples' booklet as a PDF, and imposed for printing as a booklet "
        "(participant-booklet-print.pdf; default: as the last build into DIR did)",
    )

    p = sub.add_parser(
        "serve",
        parents=[common],
        help="a local web page to plan, check, preview and build a course",
    )
    p.add_argument("course", nargs="?", type=Path, metavar="COURSE")
    p.add_argument("--port", type=int, default=8765, metavar="N", help="port (default: 8765)")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="H",
        help="address to listen on (default: 127.0.0.1, this computer only)",
    )
    return parser


class ProgressBar:
    """A one-line bar on the terminal, redrawn in place while PDFs are made."""

    width = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        filled = self.width * done // total if total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\rkit: making PDFs with LibreOffice [{bar}] {done}/{total}")
        self.stream.flush()
        self.drawn = True
        if done >= total:
            self.close()

    def close(self) -> None:
        """End the bar's line, so what follows starts on a line of its own."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


@contextmanager
def _progress(args: argparse.Namespace) -> Iterator[ProgressBar | None]:
    """A progress bar for `build --pdf` when stderr is a terminal; None otherwise."""
    asked = getattr(args, "pdf", False) is not False or getattr(args, "booklet", False)
    wanted = asked and not args.quiet and sys.stderr.isatty()
    if not wanted:
        yield None
        return
    bar = ProgressBar(sys.stderr)
    try:
        yield bar
    finally:
        bar.close()


def _found(exc: InputError) -> str:
    """What the lines above hold: "2 problems", or "1 problem and 1 warning"."""
    count, warned = len(exc.problems), len(exc.warnings)
    said = f"{count} problem{'s' if count != 1 else ''}"
    return f"{said} and {warned} warning{'s' if warned != 1 else ''}" if warned else said


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on a bad option, 0 on --help
        return int(exc.code or 0)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        # A warning's text says what it is ("title: warning: ..."); the level is for debugging.
        format="kit: %(levelname)s: %(message)s" if args.debug else "kit: %(message)s",
        stream=sys.stderr,
    )
    # A command yields its first line once it is done with files: a stop after that
    # comes too late to leave anything unwritten.
    answered = False
    try:
        with _stop_requests(), _progress(args) as bar:
            for line in commands.run(args, bar):
                answered = True
                if isinstance(line, commands.Warned):
                    # Beside the problems, as a compiler does.
                    print(printable(line), file=sys.stderr)
                elif not (args.quiet and line.startswith(" ")):
                    print(printable(line))
        return 0
    except InputError as exc:
        # Problems first, then the warnings: every one is worth fixing in the same edit.
        for problem in [*exc.problems, *exc.warnings]:
            print(problem, file=sys.stderr)
        print(f"kit: {_found(exc)} found; nothing was written", file=sys.stderr)
        return exc.exit_code
    except KitError as exc:
        # A message may run over several lines (install hints); each is made printable.
        print("\n".join(printable(line) for line in f"kit: {exc}".split("\n")), file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped listening; that is not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt as exc:
        stopped = "terminated" if isinstance(exc, Terminated) else "interrupted"
        print(f"kit: {stopped}{'' if answered else '; nothing was written'}", file=sys.stderr)
        return 128 + (signal.SIGTERM if isinstance(exc, Terminated) else signal.SIGINT)
    except MemoryError:
        # Reported without formatting the exception, which may itself need memory.
        print("kit: internal error: out of memory", file=sys.stderr)
        return 1
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        else:
            print(
                printable(
                    f"kit: internal error: {type(exc).__name__}: {exc} "
                    "(run again with --debug for the traceback)"
                ),
                file=sys.stderr,
            )
        return 1
