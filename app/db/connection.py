"""The one way to open the data file.

Pragmas are chosen for a shared laptop that may lose power at any moment: WAL so readers never
block the writer, `synchronous=FULL` so a committed answer survives a power cut (about 0.4 ms per
commit here, well inside the 2 ms budget), foreign keys on, and a busy timeout so a second window
waits briefly instead of failing. Connections run in autocommit mode; every write goes through
`transaction()`, which is explicit and atomic.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core.errors import StorageError
from app.db.file_modes import copy_keys_beside, make_database_private, make_private
from app.db.replace import replace_retrying

log = logging.getLogger(__name__)

APPLICATION_ID = 0x534D534F  # "SMSO": marks the file as ours
MEMORY = ":memory:"

# SQLite's primary result codes (the low byte of an extended code) that say what happened.
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26
# Below this much free space a "disk I/O error" is the disk filling up, not a failing disk: SQLite
# reports a short write of its journal or WAL index as SQLITE_IOERR, not SQLITE_FULL.
LOW_SPACE_BYTES = 1024 * 1024
RESTORE_ADVICE = "Restore it from a backup (File › Restore from backup… in the app)"


class DataConnection(sqlite3.Connection):
    """A connection that remembers its file and whether that file passed `PRAGMA quick_check`.

    `transaction()` runs the check before a connection's first write, so nothing is ever written
    into a damaged file (a write there can spread the damage). The GUI's start-up runs the same
    check on a thread while the window is already up (at 2.8 GB it takes ~30 s): it sets
    `pending_check` to a function that waits for that check's verdict, so a write made before
    the verdict waits for it (never runs a second check) and is refused if the file failed;
    `mark_intact()` marks the connection when the verdict is good.
    """

    path: str = ""
    intact: bool = False
    pending_check: Callable[[], bool] | None = None


def open_database(path: Path | str, *, migrate: bool = True) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the data file; raises StorageError with advice."""
    from app.db.migrations import ensure_schema, refuse_foreign_or_newer

    target = str(path)
    if target != MEMORY:
        file = Path(target)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"Cannot create the data folder {file.parent} ({exc.strerror}). "
                "Choose a folder you can write to."
            ) from exc
        try:
            make_database_private(file)  # before SQLite creates it, so its WAL/SHM follow
        except OSError as exc:  # e.g. someone else's file: SQLite says what it can and cannot do
            log.warning("could not make %s private: %s", file, exc)
    try:
        conn = sqlite3.connect(
            target, isolation_level=None, check_same_thread=True, factory=DataConnection
        )
    except sqlite3.Error as exc:
        raise StorageError(f"Cannot open the data file {target}: {exc}.") from exc
    conn.path = target
    try:
        _configure(conn, target)
        # Read-only checks first: a file we refuse is left byte for byte as it was.
        refuse_foreign_or_newer(conn, None if target == MEMORY else Path(target))
        _set_journal(conn, target)
        if migrate:
            ensure_schema(conn, None if target == MEMORY else Path(target))
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise storage_error(exc, target) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: sqlite3.Connection, target: str) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    # Reading the header first makes "not a database" fail here, before anything is written.
    conn.execute("PRAGMA schema_version").fetchone()


def _set_journal(conn: sqlite3.Connection, target: str) -> None:
    mode = "wal" if target == MEMORY else str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    if mode.lower() != "wal":
        verify_intact(conn)  # switching rewrites the header: never in a damaged file
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("journal_mode is %s, not WAL, for %s", mode, target)
    conn.execute("PRAGMA synchronous = FULL")


def _primary_code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def is_damage(exc: BaseException) -> bool:
    """SQLITE_CORRUPT or SQLITE_NOTADB, by code or (older SQLite builds) by SQLite's words."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    if _primary_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return True
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text or "file is encrypted" in text


def _short_of_space(target: str) -> bool:
    if not target or target == MEMORY or target.startswith("the "):
        return False
    try:
        return shutil.disk_usage(Path(target).parent).free < LOW_SPACE_BYTES
    except OSError:
        return False


def damaged_error(target: str = "the data file") -> StorageError:
    return StorageError(
        f"{target} is damaged or is not an SMS OAT Studio data file. "
        f"{RESTORE_ADVICE}, or open another file.",
        code="damaged",
    )


def storage_error(exc: sqlite3.Error, target: str = "the data file") -> StorageError:
    """Translate SQLite's words into what happened and what to do.

    Every error with a `code` is one the edges show as one line (CLI: exit 2); an error without
    one is a fault of the app, not of the file, and stays an unexpected error.
    """
    text = str(exc).lower()
    code = _primary_code(exc)
    if is_damage(exc):
        return damaged_error(target)
    if (
        code == SQLITE_FULL
        or "disk is full" in text
        or ((code == SQLITE_IOERR or "disk i/o error" in text) and _short_of_space(target))
    ):
        return StorageError(
            "The disk is full, so the last change was NOT saved. "
            "Free some space (or save to another drive) and try again.",
            code="disk_full",
        )
    if "readonly" in text or "read-only" in text:
        return StorageError(
            f"{target} cannot be written (read-only file or folder), so the last change was NOT "
            "saved. Move the data file to a folder you can write to.",
            code="read_only",
        )
    if "locked" in text or "busy" in text:
        return StorageError(
            "The data file is busy in another window of the app. Close the other window "
            "and try again.",
            code="busy",
        )
    if "unable to open" in text:
        return StorageError(f"Cannot open {target}: check the folder exists and is writable.")
    return StorageError(f"The data file reported an error: {exc}.")


def _target(conn: sqlite3.Connection) -> str:
    return getattr(conn, "path", "") or "the data file"


def verify_intact(conn: sqlite3.Connection) -> None:
    """SQLite's quick_check, or the "damaged" StorageError: the gate before any write or copy.

    When a check of the same file is already running for this connection (`pending_check`),
    its verdict is awaited instead of checking the whole file a second time."""
    pending = getattr(conn, "pending_check", None)
    if pending is not None:
        conn.pending_check = None  # type: ignore[attr-defined]
        if pending():
            mark_intact(conn)
            return
        log.error("quick_check of %s failed (checked in the background)", _target(conn))
        raise damaged_error(_target(conn))
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        raise storage_error(exc, _target(conn)) from exc
    if rows != ["ok"]:
        log.error("quick_check of %s failed: %s", _target(conn), rows[:5])
        raise damaged_error(_target(conn))
    mark_intact(conn)


def mark_intact(conn: sqlite3.Connection) -> None:
    """The file passed its quick check (run here or on another connection to it)."""
    if isinstance(conn, DataConnection):
        conn.intact = True
        conn.pending_check = None


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic, durable write: BEGIN IMMEDIATE … COMMIT, or ROLLBACK and a StorageError.

    A connection's first write is preceded by its file's quick check (see DataConnection).
    Inside another transaction it is a savepoint of it: the outer one makes several steps one
    (the demo: an agency without its round is never left behind by a full disk).
    """
    target = _target(conn)
    if conn.in_transaction:
        with _savepoint(conn, target):
            yield conn
        return
    if isinstance(conn, DataConnection) and not conn.intact:
        verify_intact(conn)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise storage_error(exc, target) from exc
    try:
        yield conn
    except sqlite3.Error as exc:
        _rollback(conn)
        raise storage_error(exc, target) from exc
    except BaseException:
        _rollback(conn)
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _rollback(conn)
        raise storage_error(exc, target) from exc


@contextmanager
def _savepoint(conn: sqlite3.Connection, target: str) -> Iterator[None]:
    try:
        conn.execute("SAVEPOINT step")
    except sqlite3.Error as exc:
        raise storage_error(exc, target) from exc
    try:
        yield
    except sqlite3.Error as exc:
        _undo_step(conn)
        raise storage_error(exc, target) from exc
    except BaseException:
        _undo_step(conn)
        raise
    try:
        conn.execute("RELEASE step")
    except sqlite3.Error as exc:
        raise storage_error(exc, target) from exc


def _undo_step(conn: sqlite3.Connection) -> None:
    try:
        conn.execute("ROLLBACK TO step")
        conn.execute("RELEASE step")
    except sqlite3.Error:
        log.exception("rollback to savepoint failed")


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            log.exception("rollback failed")


def backup_to(conn: sqlite3.Connection, destination: Path) -> None:
    """A consistent copy of the whole database, even while it is in use (SQLite backup API).

    A damaged file is refused (StorageError "damaged"), never copied: a copy would carry the
    damage under a name that looks like a good backup, and the automatic ones would then prune
    the good copies away.
    """
    try:
        verify_intact(conn)
    except StorageError as exc:
        if exc.code != "damaged":
            raise
        raise StorageError(
            f"{_target(conn)} is damaged, so no backup was written (a copy would carry the "
            f"damage). {RESTORE_ADVICE}.",
            code="damaged",
        ) from exc
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_name(destination.name + ".part")
    try:
        make_private(tmp)  # a backup holds everything the data file does: 0600 like it
        target = sqlite3.connect(str(tmp))
        try:
            conn.backup(target)
        finally:
            target.close()
        replace_retrying(tmp, destination)  # a scanner or sync client may hold the old copy
        source = str(getattr(conn, "path", ""))
        if source and source != MEMORY:
            copy_keys_beside(Path(source), destination)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, PermissionError) and destination.exists():
            raise StorageError(
                f"Could not replace the backup {destination}: another program holds it (a sync"
                " client or an antivirus scanner?). Try again in a moment, or back up to"
                " another name."
            ) from exc
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise StorageError(f"Could not write the backup {destination}: {reason}.") from exc
