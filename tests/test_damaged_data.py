"""Damaged and foreign data files: refused in one line (exit 2), never written to, never copied.

A "damaged page" is made the way a failing disk or a half-copied file makes one: a real demo
database, checkpointed so every page is in the main file, with the pages of its `rounds` and
`responses` tables overwritten in the middle of the file. The header and the schema stay valid,
so the file opens; the damage is met only when a command reads those tables.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import NewerDatabaseError, StorageError
from app.db import migrations
from app.db.connection import (
    APPLICATION_ID,
    SQLITE_IOERR,
    backup_to,
    open_database,
    storage_error,
    transaction,
)

DAMAGED_TABLES = ("rounds", "responses")


def _damage(path: Path) -> list[int]:
    """Overwrite the first 64 bytes (the b-tree page header) of every page of DAMAGED_TABLES."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    marks = ",".join("?" * len(DAMAGED_TABLES))
    pages = [
        int(r[0])
        for r in conn.execute(f"SELECT pageno FROM dbstat WHERE name IN ({marks})", DAMAGED_TABLES)
    ]
    conn.close()  # the last connection: the empty -wal goes, the main file holds every page
    data = bytearray(path.read_bytes())
    for page in pages:
        start = (page - 1) * page_size
        data[start : start + 64] = b"\xee" * 64
    path.write_bytes(bytes(data))
    return pages


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(a good demo database, the same damaged, an exchange file of its round)."""
    folder = tmp_path_factory.mktemp("damaged")
    good = folder / "good.sqlite3"
    assert main(["--db", str(good), "demo"]) == 0
    exchange = folder / "round.smsoat"
    assert main(["--db", str(good), "export", "1", "-o", str(exchange)]) == 0
    damaged = folder / "damaged.sqlite3"
    shutil.copy(good, damaged)
    for side in ("-wal", "-shm"):
        if Path(f"{good}{side}").exists():
            shutil.copy(f"{good}{side}", f"{damaged}{side}")
    pages = _damage(damaged)
    assert pages and max(pages) * 4096 < damaged.stat().st_size, "pages inside the file"
    return good, damaged, exchange


@pytest.fixture
def damaged(demo_files: tuple[Path, Path, Path], tmp_path: Path) -> Path:
    copy = tmp_path / "data.sqlite3"
    shutil.copy(demo_files[1], copy)
    return copy


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _one_damaged_line(err: str, db: Path) -> None:
    assert err.count("\n") == 1, err
    assert f"{db} is damaged" in err
    assert "File › Restore from backup…" in err
    assert "unexpected" not in err and "Traceback" not in err


@pytest.mark.parametrize(
    "command",
    [
        ["rounds"],
        ["rounds", "--json"],
        ["score", "1"],
        ["score", "1", "--json"],
        ["export", "1", "-o", "OUT/round.smsoat"],
        ["rollup", "--instrument", "sms-oat-bh", "-o", "OUT/state.csv"],
        ["report", "scorecard", "1", "-o", "OUT/scorecard.pdf"],
        ["demo"],
    ],
    ids=lambda c: " ".join(c),
)
def test_every_command_on_a_damaged_page_says_so_and_writes_nothing(
    damaged: Path, tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before = _files(tmp_path)
    args = [a.replace("OUT", str(out_dir)) for a in command]
    code = main(["--db", str(damaged), *args])
    _, err = capsys.readouterr()
    assert code == 2
    _one_damaged_line(err, damaged)
    assert _files(tmp_path) == before, "the data file is byte for byte as it was"
    assert list(out_dir.iterdir()) == [], "no output file"


def test_import_into_a_damaged_file_writes_nothing(
    damaged: Path,
    demo_files: tuple[Path, Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = damaged.read_bytes()
    code = main(["--db", str(damaged), "import", str(demo_files[2])])
    _, err = capsys.readouterr()
    assert code == 2
    assert "damaged" in err and "unexpected" not in err and "Traceback" not in err
    assert damaged.read_bytes() == before


def test_backup_of_a_damaged_file_is_refused(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy.sqlite3"
    code = main(["--db", str(damaged), "backup", "-o", str(target)])
    _, err = capsys.readouterr()
    assert code == 2
    assert "damaged, so no backup was written" in err and err.count("\n") == 1
    assert not target.exists() and not Path(f"{target}.part").exists()


def test_the_same_commands_on_the_good_file_work(
    demo_files: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The control: the refusals above come from the damage, not from the commands."""
    good = tmp_path / "good.sqlite3"
    backup_target = tmp_path / "copy.sqlite3"
    conn = open_database(demo_files[0])
    backup_to(conn, good)
    conn.close()
    for command in (["rounds"], ["score", "1"], ["backup", "-o", str(backup_target)]):
        assert main(["--db", str(good), *command]) == 0, command
    assert backup_target.exists()
    capsys.readouterr()


def test_a_write_checks_the_file_first(damaged: Path) -> None:
    """The first transaction of a connection runs quick_check; a damaged file gets no write."""
    before = damaged.read_bytes()
    conn = open_database(damaged)
    with pytest.raises(StorageError, match="damaged") as caught, transaction(conn):
        conn.execute("INSERT INTO change_log (at, actor, action, entity) VALUES (1,2,3,4)")
    conn.close()
    assert caught.value.code == "damaged"
    assert damaged.read_bytes() == before


def test_a_damaged_rollback_journal_file_is_not_switched_to_wal(damaged: Path) -> None:
    """Setting WAL rewrites the header, so a file not yet in WAL is checked before that."""
    conn = sqlite3.connect(damaged)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = damaged.read_bytes()
    with pytest.raises(StorageError, match="damaged"):
        open_database(damaged)
    assert damaged.read_bytes() == before
    assert sorted(p.name for p in damaged.parent.iterdir()) == [damaged.name]


def test_a_read_that_meets_damage_maps_to_the_damaged_message(damaged: Path) -> None:
    conn = open_database(damaged)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        conn.execute("SELECT * FROM rounds").fetchall()
    conn.close()
    problem = storage_error(caught.value, str(damaged))
    assert problem.code == "damaged" and "File › Restore from backup…" in str(problem)


# Item: a newer or foreign file in rollback-journal mode is refused before WAL is set.


def _rollback_journal_file(path: Path, *, version: int, app_id: int, tables: bool) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    if tables:
        conn.execute("CREATE TABLE notes (x)")
        conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    ("version", "app_id", "tables", "error", "words"),
    [
        (migrations.SCHEMA_VERSION + 1, APPLICATION_ID, True, NewerDatabaseError, "newer version"),
        (migrations.SCHEMA_VERSION, 0x12345678, True, StorageError, "another program"),
        (0, 0, True, StorageError, "another program"),
    ],
    ids=["newer", "foreign application_id", "foreign tables"],
)
def test_a_refused_file_is_left_byte_for_byte(
    tmp_path: Path,
    version: int,
    app_id: int,
    tables: bool,
    error: type[StorageError],
    words: str,
) -> None:
    path = tmp_path / "other.sqlite3"
    before = _rollback_journal_file(path, version=version, app_id=app_id, tables=tables)
    assert before[18:20] == b"\x01\x01", "a rollback-journal file (WAL would be 2, 2)"
    with pytest.raises(error, match=words):
        open_database(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite3"], "no -wal, no -shm"


def test_a_refused_file_on_the_command_line_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "newer.sqlite3"
    before = _rollback_journal_file(
        path, version=migrations.SCHEMA_VERSION + 3, app_id=APPLICATION_ID, tables=True
    )
    assert main(["--db", str(path), "rounds"]) == 2
    assert "newer version" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.sqlite3"]


# Item: a disk that fills up is said to be full even when SQLite calls it an I/O error.


class _IoError(sqlite3.OperationalError):
    sqlite_errorcode = SQLITE_IOERR + (3 << 8)  # SQLITE_IOERR_WRITE
    sqlite_errorname = "SQLITE_IOERR_WRITE"


def test_an_io_error_on_a_nearly_full_disk_is_the_disk_full_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated: this machine cannot mount a tiny tmpfs for every run (see the report)."""
    target = str(tmp_path / "data.sqlite3")
    error = _IoError("disk I/O error")
    free = {"bytes": 10 * 1024}

    def usage(path: object) -> shutil._ntuple_diskusage:  # type: ignore[name-defined]
        return shutil._ntuple_diskusage(10**9, 10**9 - free["bytes"], free["bytes"])  # type: ignore[attr-defined]

    monkeypatch.setattr(shutil, "disk_usage", usage)
    assert storage_error(error, target).code == "disk_full"
    assert "disk is full" in str(storage_error(error, target))
    free["bytes"] = 10**8
    plain = storage_error(error, target)
    assert plain.code != "disk_full" and "disk I/O error" in str(plain), "a failing disk stays so"


def test_demo_on_a_full_disk_leaves_nothing_behind(db_path: Path) -> None:
    """SQLite's max_page_count gives a real SQLITE_FULL part-way through the demo."""
    from app.services.catalog import default_catalog
    from app.services.demo import DEMO_INSTRUMENT, create_demo

    conn = open_database(db_path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 8}")  # room for the agency, not the answers
    with pytest.raises(StorageError, match="disk is full"):
        create_demo(conn, default_catalog().get(DEMO_INSTRUMENT))
    for table in ("organizations", "rounds", "respondents", "responses", "change_log"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    conn.execute(f"PRAGMA max_page_count = {10**6}")
    result = create_demo(conn, default_catalog().get(DEMO_INSTRUMENT))
    assert result.answers > 0, "the same demo goes in whole once there is room"
    conn.close()


def test_a_failed_inner_step_rolls_back_only_itself(db_path: Path) -> None:
    conn = open_database(db_path)
    with transaction(conn):
        conn.execute("INSERT INTO change_log (at, actor, action, entity) VALUES (1,2,3,4)")
        with pytest.raises(StorageError), transaction(conn):
            conn.execute("INSERT INTO change_log (at, actor, action, entity) VALUES (5,6,7,8)")
            conn.execute("INSERT INTO no_such_table VALUES (1)")
    assert [tuple(r) for r in conn.execute("SELECT actor FROM change_log")] == [("2",)]
    conn.close()


def _small_disk(folder: Path) -> bool:
    """A 200 KB tmpfs at `folder` (root only); False where it cannot be mounted."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(folder)],
        capture_output=True,
        timeout=30,
    )
    return done.returncode == 0


def test_a_nearly_full_disk_says_disk_full(
    demo_files: tuple[Path, Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A real full disk where this machine allows it: a 200 KB tmpfs holding a demo file and a
    filler that leaves 20 KB free, too little for the 32 KB WAL index (SQLite says "disk I/O
    error"). Without root the same path is driven by a disk_usage that reports 20 KB free and
    an I/O error from SQLite."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = _small_disk(disk)
    try:
        db = disk / "data.sqlite3"
        shutil.copy(demo_files[0], db)
        if mounted:
            free = shutil.disk_usage(disk).free
            (disk / "filler").write_bytes(b"\0" * (free - 20 * 1024))
        else:
            usage = shutil._ntuple_diskusage(10**9, 10**9 - 20 * 1024, 20 * 1024)  # type: ignore[attr-defined]
            monkeypatch.setattr(shutil, "disk_usage", lambda path: usage)
            monkeypatch.setattr(
                "app.services.demo._create",
                lambda *a: (_ for _ in ()).throw(_IoError("disk I/O error")),
            )
        before = _files(disk)
        for command in [["demo"], ["rounds"]] if mounted else [["demo"]]:
            assert main(["--db", str(db), *command]) == 2
            err = capsys.readouterr().err
            assert "The disk is full" in err and "I/O" not in err and err.count("\n") == 1
        after = _files(disk)
        assert after["data.sqlite3"] == before["data.sqlite3"], "nothing written"
    finally:
        if mounted:
            subprocess.run(["umount", str(disk)], capture_output=True, timeout=30)
