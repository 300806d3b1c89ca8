"""Issue 20: the window does not wait for the data file's integrity check.

SQLite's quick_check reads the whole file: ~2 s at 279 MB, ~30 s at 2.8 GB, and home waited for
it before showing. Now the check runs on its thread while the window is up; a write made before
its verdict waits for that verdict (it never checks the file a second time) and is refused if the
file failed; a failed check still removes the window and offers the newest good backup."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.cli import main
from app.core.errors import StorageError
from app.db.connection import DataConnection, open_database, transaction
from app.services import backups
from app.ui import launch
from tests.test_damaged_data import _damage

WAIT = 20_000


class HeldCheck(launch.QuickCheck):
    """The real check, started only when the test releases it (a check of a big file)."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(db_path)
        self.go = threading.Event()

    def run(self) -> None:
        assert self.go.wait(WAIT / 1000)
        super().run()


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    db = tmp_path / "data" / "smsoat.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    return db


def _checks_run(conn: sqlite3.Connection) -> list[str]:
    seen: list[str] = []
    conn.set_trace_callback(lambda sql: seen.append(sql) if "quick_check" in sql else None)
    return seen


def _write(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        conn.execute(
            "INSERT INTO change_log (at, actor, action, entity) VALUES ('t', 'a', 'b', 'c')"
        )


def test_a_write_before_the_verdict_waits_for_it_and_checks_nothing_again(
    qapp: object, demo: Path
) -> None:
    conn = open_database(demo)
    assert isinstance(conn, DataConnection) and not conn.intact
    check = HeldCheck(demo)
    check.start()
    conn.pending_check = check.wait_busy
    checks = _checks_run(conn)
    threading.Timer(0.3, check.go.set).start()  # the verdict comes while the write waits
    _write(conn)
    assert conn.intact and conn.pending_check is None and check.ok
    assert checks == []  # the background check's verdict was used, not a second check
    assert conn.execute("SELECT count(*) FROM change_log WHERE actor = 'a'").fetchone()[0] == 1
    conn.close()


def test_a_write_before_a_failed_verdict_is_refused_and_writes_nothing(
    qapp: object, demo: Path
) -> None:
    conn = open_database(demo)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    _damage(demo)
    before = demo.read_bytes()
    conn = open_database(demo)  # header and schema are fine: it opens
    check = HeldCheck(demo)
    check.start()
    conn.pending_check = check.wait_busy  # type: ignore[attr-defined]
    check.go.set()
    with pytest.raises(StorageError, match="damaged") as caught:
        _write(conn)
    assert caught.value.code == "damaged" and not check.ok
    conn.close()
    assert demo.read_bytes() == before


def test_the_window_is_up_before_the_verdict_and_a_failure_offers_the_backup(
    qtbot: QtBot, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = open_database(demo)
    backups.make_backup(conn, demo)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    _damage(demo)
    damaged = demo.read_bytes()
    asked: list[str] = []
    monkeypatch.setattr(launch, "_ask", lambda _p, _t, text, _y, _n: asked.append(text) or True)
    conn = open_database(demo)
    window = QWidget()
    window.show()
    check = HeldCheck(demo)
    check.start()
    opened = launch.Opened(conn, window)
    made: list[QWidget] = []

    def make_window(restored: sqlite3.Connection) -> QWidget:
        made.append(QWidget())
        qtbot.addWidget(made[-1])
        return made[-1]

    launch.watch_check(check, opened, demo, make_window)
    qtbot.wait(3 * launch.CHECK_POLL_MS)
    assert window.isVisible() and asked == []  # up and usable while the check runs
    check.go.set()
    qtbot.waitUntil(lambda: bool(made), timeout=WAIT)
    assert "Restore the newest good backup" in asked[0]
    assert opened.window is made[0] and made[0].isVisible()
    assert opened.conn is not conn and opened.exit_code is None
    assert opened.conn.execute("SELECT count(*) FROM rounds").fetchone()[0] >= 1  # restored
    opened.conn.close()
    kept = list(backups.backups_folder(demo).glob("replaced-*"))
    assert kept and kept[0].read_bytes() == damaged  # the damaged file is kept aside


def test_a_good_verdict_marks_the_connection_intact(qtbot: QtBot, demo: Path) -> None:
    conn = open_database(demo)
    window = QWidget()
    qtbot.addWidget(window)
    check = HeldCheck(demo)
    check.start()
    conn.pending_check = check.wait_busy  # type: ignore[attr-defined]
    opened = launch.Opened(conn, window)
    launch.watch_check(check, opened, demo, lambda _c: pytest.fail("no new window"))
    check.go.set()
    qtbot.waitUntil(lambda: bool(conn.intact), timeout=WAIT)  # type: ignore[attr-defined]
    assert conn.pending_check is None  # type: ignore[attr-defined]
    checks = _checks_run(conn)
    _write(conn)
    assert checks == []
    conn.close()


def test_the_app_starts_without_waiting_for_a_slow_check(
    qapp: object, demo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The whole start (run_gui) with a check held for a second: the window is shown before
    the verdict (closing it, for its backup copy, then waits for the verdict)."""
    held: list[HeldCheck] = []
    released: list[float] = []

    def release() -> None:
        released.append(time.time())
        held[0].go.set()

    def start(db_path: Path) -> launch.QuickCheck:
        held.append(HeldCheck(db_path))
        held[-1].start()
        threading.Timer(1.0, release).start()
        return held[-1]

    started = tmp_path / "started"
    monkeypatch.setattr(launch, "start_quick_check", start)
    monkeypatch.setenv(launch.SMOKE_ENV, "0")
    monkeypatch.setenv(launch.STARTED_ENV, str(started))
    monkeypatch.setenv("SMSOAT_DATA_DIR", str(demo.parent))
    assert launch.run_gui(demo) == 0
    assert held and held[0].ok and released
    assert float(started.read_text("utf-8")) < released[0]  # shown before the verdict
