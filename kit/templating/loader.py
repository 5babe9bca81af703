"""Load templates from a folder: only `.j2` files that really are inside it.

jinja2's own file loader opens whatever a name leads to, links included, so a
course's `{% include "sys/" ~ "passwd" %}` would print a file of the computer into
a handout. This loader serves a name only when it ends in `.j2`, has no hidden
part, is a regular file of at most the size limit, and resolves inside the folder
(or the course folder). A template saved with a byte-order mark is read without it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from kit.errors import InputError, Problem
from kit.load.files import LINK_OUT, FileProblem, escapes, list_folder, read_limited
from kit.load.yamlfile import MAX_BYTES, decode
from kit.resources import shown

TEMPLATE_SUFFIX = ".j2"


class FolderLoader(jinja2.BaseLoader):
    """Templates from one folder, never from outside it."""

    def __init__(self, folder: Path, roots: tuple[Path, ...] = ()) -> None:
        self.folder = folder
        self.roots = (folder, *roots)
        """Folders a template may resolve into: its own, and the course folder."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses `..`
        if not template.endswith(TEMPLATE_SUFFIX) or any(p.startswith(".") for p in pieces):
            raise jinja2.TemplateNotFound(template)
        path = self.folder.joinpath(*pieces)
        if not (path.exists() or path.is_symlink()):
            raise jinja2.TemplateNotFound(template)
        if escapes(path, self.roots):
            raise InputError(Problem(shown(path), 1, 1, "", LINK_OUT))
        try:
            raw = read_limited(path, MAX_BYTES)
            mtime = os.stat(path).st_mtime
        except FileProblem as exc:
            line = 1 if exc.located else 0
            raise InputError(Problem(shown(path), line, line, "", str(exc))) from None
        except OSError:
            raise jinja2.TemplateNotFound(template) from None
        source = decode(raw, shown(path))

        def uptodate() -> bool:
            try:
                return os.stat(path).st_mtime == mtime
            except OSError:
                return False

        return source, str(path), uptodate

    def list_templates(self) -> list[str]:
        listing = list_folder(self.folder, self.roots, recursive=True)
        # Links out are listed, so that including one is reported as the link it is.
        names = [e.name for e in (*listing.files, *listing.links_out)]
        return sorted(n for n in names if n.endswith(TEMPLATE_SUFFIX))

    def __repr__(self) -> str:  # pragma: no cover - for debugging only
        return f"<FolderLoader {self.folder.name}>"


def loader(folders: list[tuple[Path, tuple[Path, ...]]]) -> jinja2.BaseLoader:
    """A loader looking in each folder in turn."""
    return jinja2.ChoiceLoader([FolderLoader(folder, roots) for folder, roots in folders])
