"""The one door for background work with the data file: `run_with_database`."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.errors import NotFoundError
from app.db.connection import open_database
from app.ui.worker import active_tasks, finish_all, run_with_database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "data.sqlite3"
    open_database(path).close()  # migrated once, as the launch code does
    return path


def test_work_gets_its_own_connection_in_the_worker_and_it_is_closed(
    db_path: Path, qtbot: QtBot
) -> None:
    seen: dict[str, object] = {}
    results: list[int] = []

    def work(conn: sqlite3.Connection) -> int:
        seen["conn"] = conn
        seen["thread"] = threading.get_ident()
        return int(conn.execute("PRAGMA user_version").fetchone()[0])

    task = run_with_database(db_path, work, results.append, pytest.fail)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results[0] > 0  # the migrated schema's version, read through the given connection
    assert seen["thread"] != threading.get_ident()
    conn = seen["conn"]
    assert isinstance(conn, sqlite3.Connection)
    with pytest.raises(sqlite3.ProgrammingError):  # closed after the work
        conn.execute("SELECT 1")
    assert finish_all(5000) and task not in active_tasks()


def test_a_typed_error_arrives_as_the_user_message_and_the_connection_closes(
    db_path: Path, qtbot: QtBot
) -> None:
    failures: list[str] = []
    opened: list[sqlite3.Connection] = []

    def work(conn: sqlite3.Connection) -> None:
        opened.append(conn)
        raise NotFoundError("No such round: 7.")

    run_with_database(db_path, work, lambda _r: pytest.fail("no result expected"), failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures == ["No such round: 7."]
    with pytest.raises(sqlite3.ProgrammingError):
        opened[0].execute("SELECT 1")


def test_a_result_after_closing_began_is_dropped(db_path: Path, qtbot: QtBot) -> None:
    gate = threading.Event()
    results: list[int] = []

    def work(conn: sqlite3.Connection) -> int:
        gate.wait(5)
        return 1

    task = run_with_database(db_path, work, results.append, results.append)
    task.cancel()
    gate.set()
    assert finish_all(5000)
    qtbot.wait(50)
    assert results == []
