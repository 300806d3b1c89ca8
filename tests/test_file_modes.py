"""Issue 15: the data file, its WAL/SHM, backups, the lock file and the log are 0600."""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import logging_setup
from app.core.instrument import Instrument
from app.db import instance_lock, responses
from app.db.connection import backup_to, open_database
from app.services import backups
from tests.helpers import make_round

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no mode bits on Windows")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """A usual umask (022): without the fix every file below would be 0644."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_data_file_and_its_wal_and_shm_are_private(tmp_path: Path, mini: Instrument) -> None:
    db = tmp_path / "data.sqlite3"
    conn = open_database(db)
    _, team = make_round(conn, mini)
    responses.save_answer(conn, team[0].id, mini.items[0].id, "3")
    sides = [db.with_name(db.name + s) for s in ("-wal", "-shm")]
    assert all(p.exists() for p in sides)
    assert [mode(p) for p in (db, *sides)] == [0o600, 0o600, 0o600]
    conn.close()


def test_existing_files_are_tightened_on_open(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    open_database(db).close()
    wal = db.with_name(db.name + "-wal")
    wal.write_bytes(b"")
    db.chmod(0o644)
    wal.chmod(0o644)
    conn = open_database(db)
    assert mode(db) == 0o600 and mode(wal) == 0o600
    conn.close()


def test_every_kind_of_backup_is_private(tmp_path: Path, mini: Instrument) -> None:
    db = tmp_path / "data.sqlite3"
    conn = open_database(db)
    make_round(conn, mini)
    automatic = backups.make_backup(conn, db)
    before = backups.backup_before(conn, db, backups.BEFORE_REASONS[0], "a round")
    manual = tmp_path / "elsewhere" / "manual.sqlite3"
    backup_to(conn, manual)  # the File › Back up and `smsoat backup` path; migrations use it too
    assert [mode(p) for p in (automatic, before, manual)] == [0o600] * 3
    conn.close()
    automatic.chmod(0o644)  # made by an older version
    backups.restore(automatic, db)
    assert mode(db) == 0o600


def test_lock_file_is_private(tmp_path: Path) -> None:
    db = tmp_path / "data.sqlite3"
    lock = instance_lock.try_acquire(db)
    assert lock is not None
    assert mode(instance_lock.lock_path(db)) == 0o600
    lock.release()


def test_log_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMSOAT_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(logging_setup, "_configured", False)
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    try:
        logging_setup.configure_logging()
        assert mode(tmp_path / "logs" / "smsoat.log") == 0o600
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
