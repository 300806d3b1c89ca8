"""A connection for one piece of background work: the only way screens reach the data file.

sqlite3 connections stay in the thread that opened them, so each background task opens its own
and closes it when done. The launch code has already migrated the file (and holds the one-writer
lock), so a task never migrates: a file changed under it is refused with a clear message instead.
Screens call this through `app.ui.worker.run_with_database`, never `app.db` directly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app.core.errors import StorageError
from app.db.connection import open_database, storage_error

T = TypeVar("T")


def open_for_task(db_path: Path | str) -> sqlite3.Connection:
    """A new connection to an already-migrated data file, for the calling thread only."""
    return open_database(db_path, migrate=False)


def reopen_data_file(db_path: Path | str) -> sqlite3.Connection:
    """The GUI's own connection again, after a restore put another file in place (which may be
    of an older schema, so it is migrated like at launch)."""
    return open_database(db_path)


def with_connection(db_path: Path | str, work: Callable[[sqlite3.Connection], T]) -> T:
    """Run `work` with its own connection, closed afterwards whatever happens."""
    conn = open_for_task(db_path)
    try:
        return work(conn)
    finally:
        conn.close()


def empty_database() -> sqlite3.Connection:
    """An empty data file in memory with the app's schema: what a preview compares with when
    there is no data file yet (a preview writes nothing, so it creates no file either)."""
    return open_database(":memory:")


def explain_sqlite_error(exc: sqlite3.Error, target: str = "the data file") -> StorageError:
    """SQLite's words as the StorageError the edges show (damaged, disk full, read-only …).

    A damaged page met by a read surfaces as sqlite3.DatabaseError; screens and commands turn it
    into the same coded message as a failed open or write, through this one door.
    """
    return storage_error(exc, target)
