"""Starting the app on difficult data files: damaged, newer, already open elsewhere."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.core.instrument_loader import load_instrument
from app.db import migrations
from app.db.connection import open_database
from app.db.instance_lock import try_acquire
from app.services import backups
from app.ui import launch
from tests.conftest import REPO
from tests.helpers import make_round

MINI = REPO / "tests" / "fixtures" / "mini.json"


@pytest.fixture
def talk(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Records what the user is told and asked; answers 'yes' unless a test says otherwise."""
    said: dict[str, list[str]] = {"errors": [], "questions": []}
    monkeypatch.setattr(launch, "_error", lambda text: said["errors"].append(text))

    def ask(_parent: object, _title: str, text: str, _yes: str, _no: str) -> bool:
        said["questions"].append(text)
        return said.get("answer", ["yes"])[0] == "yes"

    monkeypatch.setattr(launch, "_ask", ask)
    monkeypatch.setenv(launch.SMOKE_ENV, "0")
    return said


def _filled(db: Path) -> int:
    conn = open_database(db)
    _rnd, team = make_round(conn, load_instrument(MINI), people=1)
    from app.db import responses

    responses.save_answer(conn, team[0].id, "1.1.1", "2")
    backups.make_backup(conn, db)
    conn.close()
    return 1


def test_damaged_file_offers_the_newest_backup(
    qapp: object, data_dir: Path, talk: dict[str, list[str]]
) -> None:
    db = data_dir / "smsoat.sqlite3"
    _filled(db)
    db.write_bytes(b"this is not a database at all" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    assert launch.run_gui(db) == 0
    assert "Restore the newest good backup" in talk["questions"][0]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM responses").fetchone()[0] == 1
    conn.close()
    kept = list(backups.backups_folder(db).glob("replaced-*"))
    assert kept and kept[0].read_bytes().startswith(b"this is not a database")


def test_damaged_file_without_backup_is_left_untouched(
    qapp: object, data_dir: Path, talk: dict[str, list[str]]
) -> None:
    db = data_dir / "smsoat.sqlite3"
    damaged = b"SQLite format 3\x00" + b"\xff" * 5000
    db.write_bytes(damaged)
    assert launch.run_gui(db) == 2
    assert "No backup was found" in talk["errors"][0]
    assert db.read_bytes() == damaged


def test_newer_file_is_refused_with_a_clear_message(
    qapp: object, data_dir: Path, talk: dict[str, list[str]]
) -> None:
    db = data_dir / "smsoat.sqlite3"
    open_database(db).close()
    raw = sqlite3.connect(db)
    raw.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    raw.close()
    before = db.read_bytes()
    assert launch.run_gui(db) == 2
    assert "newer version" in talk["errors"][0]
    assert db.read_bytes() == before


def test_second_copy_is_told_and_can_open_read_only(
    qapp: object, data_dir: Path, talk: dict[str, list[str]]
) -> None:
    db = data_dir / "smsoat.sqlite3"
    open_database(db).close()
    held = try_acquire(db)
    assert held is not None
    try:
        talk["answer"] = ["no"]
        assert launch.run_gui(db) == 0
        assert "already open in another window" in talk["questions"][0]
        talk["answer"] = ["yes"]
        assert launch.run_gui(db) == 0  # read-only view, closed by the smoke timer
        assert len(talk["questions"]) == 2
    finally:
        held.release()
