"""Outputs never destroy data: a typo in -o, a careless save dialog, a mistyped --db.

Each case was reproduced before the fix: `report scorecard 1 -o D` replaced the data file D with a
PDF and said "Wrote D"; a mistyped --db made a new empty data file that `backup -o` then copied
over the real one.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import StorageError
from app.services import files
from app.services.output_paths import checked_output

REPO = Path(__file__).parent.parent


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Path]:
    db = tmp_path / "data" / "agency.sqlite3"
    db.parent.mkdir()
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    yield db


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# every command that writes a user-named output, with the output argument last
OUTPUT_COMMANDS = [
    ["report", "scorecard", "1", "-o"],
    ["report", "respondent", "1", "1", "-o"],
    ["report", "action-plan", "1", "-o"],
    ["report", "blank", "sms-oat-bh", "-o"],
    ["export", "1", "-o"],
    ["rollup", "--instrument", "sms-oat-bh", "-o"],
    ["backup", "--force", "-o"],
]


def _as_pdf_named(db: Path) -> Path:
    """The issue's case for roll-ups: the data file's name ends in .pdf."""
    renamed = db.with_name("agency.pdf")
    db.rename(renamed)
    return renamed


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_no_output_replaces_the_data_file(
    demo_db: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    db = _as_pdf_named(demo_db)
    before = digest(db)
    code, out, err = run(capsys, "--db", str(db), *command, str(db))
    assert code == 2, out
    assert "data file" in err and "Traceback" not in err and err.count("\n") == 1
    assert "Wrote" not in out
    assert digest(db) == before
    assert main(["--db", str(db), "rounds"]) == 0  # still a working data file


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal", ".lock"])
def test_companion_files_are_refused(
    demo_db: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    companion = demo_db.with_name(demo_db.name + suffix)
    if not companion.exists():
        companion.write_bytes(b"companion")
    before = digest(companion)
    code, _, err = run(
        capsys, "--db", str(demo_db), "report", "scorecard", "1", "-o", str(companion)
    )
    assert code == 2 and "Will not write" in err
    assert digest(companion) == before


def test_a_backup_and_any_database_are_never_replaced_by_a_report(
    demo_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    auto = demo_db.parent / "backups" / "auto-20261101-120000.sqlite3"
    auto.parent.mkdir(exist_ok=True)
    assert main(["--db", str(demo_db), "backup", "-o", str(auto)]) == 0
    other = tmp_path / "other-agency.sqlite3"
    assert main(["--db", str(demo_db), "backup", "-o", str(other)]) == 0
    capsys.readouterr()
    for target in (auto, other):
        before = digest(target)
        code, _, err = run(
            capsys, "--db", str(demo_db), "report", "scorecard", "1", "-o", str(target)
        )
        assert code == 2 and "Will not write" in err, err
        assert digest(target) == before
    # not even a backup replaces an existing backup in the backups folder
    code, _, err = run(capsys, "--db", str(demo_db), "backup", "--force", "-o", str(auto))
    assert code == 2 and "backup" in err


def test_a_link_to_the_data_file_is_refused(
    demo_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    link = tmp_path / "report.pdf"
    link.symlink_to(demo_db)
    before = digest(demo_db)
    code, _, err = run(capsys, "--db", str(demo_db), "report", "scorecard", "1", "-o", str(link))
    assert code == 2 and "data file" in err
    assert digest(demo_db) == before and link.is_symlink()


def test_only_regular_files_are_outputs(
    demo_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    for target in (fifo, folder, Path("/dev/null")):
        code, _, err = run(
            capsys, "--db", str(demo_db), "report", "blank", "sms-oat-bh", "-o", str(target)
        )
        assert code == 2 and "Will not write" in err, (target, err)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and folder.is_dir()
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_a_missing_folder_is_not_created(
    demo_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "typo" / "copy.sqlite3"
    code, _, err = run(capsys, "--db", str(demo_db), "backup", "-o", str(target))
    assert code == 2 and "does not exist" in err
    assert not target.parent.exists()


def test_backup_refuses_an_existing_file_without_force(
    demo_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"keep me")
    code, _, err = run(capsys, "--db", str(demo_db), "backup", "-o", str(target))
    assert code == 2 and "--force" in err
    assert target.read_bytes() == b"keep me"
    code, out, _ = run(capsys, "--db", str(demo_db), "backup", "--force", "-o", str(target))
    assert code == 0 and "Backup written" in out
    assert target.read_bytes().startswith(b"SQLite format 3")
    code, _, err = run(capsys, "--db", str(demo_db), "backup", "-o", str(tmp_path / "x-wal"))
    assert code == 2 and "-wal" in err


def test_a_mistyped_db_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's sequence: a typo in --db, then backup -o onto the real file's name."""
    real = tmp_path / "real.sqlite3"
    assert main(["--db", str(real), "demo"]) == 0
    capsys.readouterr()
    before = digest(real)
    typo = tmp_path / "reel.sqlite3"
    for command in (["rounds"], ["score", "1"], ["check"], ["backup", "--force", "-o", str(real)]):
        code, _, err = run(capsys, "--db", str(typo), *command)
        assert code == 2, command
        assert "There is no data file" in err and err.count("\n") == 1
        assert not typo.exists()
    assert digest(real) == before


def test_commands_that_make_data_create_the_file_and_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new.sqlite3"
    code, _, err = run(capsys, "--db", str(db), "demo")
    assert code == 0 and f"created a new data file at {db}" in err
    assert db.exists()
    code, _, err = run(capsys, "--db", str(db), "demo")
    assert code == 0 and "created" not in err


def test_replacing_an_output_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "shared.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    files.write_atomically(target, b"new", private=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_outputs_follow_the_umask_unless_private(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        files.write_atomically(tmp_path / "blank.pdf", b"x")
        files.write_atomically(tmp_path / "names.pdf", b"x", private=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "blank.pdf").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "names.pdf").stat().st_mode) == 0o600


def test_reports_with_names_are_private_and_blank_forms_are_not(
    demo_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        assert (
            main(["--db", str(demo_db), "report", "scorecard", "1", "-o", str(tmp_path / "s.pdf")])
            == 0
        )
        assert (
            main(
                [
                    "--db",
                    str(demo_db),
                    "report",
                    "blank",
                    "sms-oat-bh",
                    "-o",
                    str(tmp_path / "b.pdf"),
                ]
            )
            == 0
        )
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "s.pdf").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "b.pdf").stat().st_mode) == 0o644


def test_the_check_itself(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(StorageError) as caught:
        checked_output(tmp_path / "." / "d.sqlite3", db)
    assert caught.value.code == "output_is_data"
    hard = tmp_path / "hard.pdf"
    os.link(db, hard)
    with pytest.raises(StorageError) as caught:
        checked_output(hard, db)
    assert caught.value.code == "output_is_data"
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(db.read_bytes())
    assert checked_output(copy, db, database_copy=True) == copy
    with pytest.raises(StorageError) as caught:
        checked_output(copy, db)
    assert caught.value.code == "output_is_database"
    assert checked_output(tmp_path / "new.pdf", db) == tmp_path / "new.pdf"
    with pytest.raises(StorageError) as caught:
        checked_output(REPO / "instruments" / "sms-oat-bh.json", db)
    assert caught.value.code == "output_protected"
