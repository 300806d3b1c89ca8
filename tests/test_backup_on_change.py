"""Automatic copies only when the data changed since the newest one (issue 20).

At 100,000 rounds every close copied 2.8 GB (about 3 minutes) even when nothing had changed. The
rule (app/services/backup_state.py): a close or the daily copy is skipped only when the change
log's newest entry, the schema, the data file (after a checkpoint) and the keys are all as the
newest automatic copy recorded them, and that copy is still there as it was written.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.db import organizations, responses
from app.db.connection import open_database
from app.services import backup_state, backups

REPO = Path(__file__).parent.parent
T0 = datetime(2026, 8, 3, 8, 0, tzinfo=UTC)


def _automatic(db_path: Path) -> list[Path]:
    return sorted(backups.backups_folder(db_path).glob(f"{backups.AUTO_PREFIX}*.sqlite3"))


def _close(conn: sqlite3.Connection, db_path: Path, minutes: int) -> Path | None:
    return backups.backup_on_close(conn, db_path, T0 + timedelta(minutes=minutes))


def test_a_close_after_a_change_copies_and_a_close_without_one_does_not(
    filled: tuple[sqlite3.Connection, int], db_path: Path
) -> None:
    conn, ana = filled
    first = _close(conn, db_path, 0)
    assert first is not None and first.exists()
    assert _close(conn, db_path, 1) is None  # nothing changed: no second copy
    assert _automatic(db_path) == [first]
    responses.save_answer(conn, ana, "2.1", "1")
    second = _close(conn, db_path, 2)
    assert second is not None and _automatic(db_path) == [first, second]
    assert backups.describe(second).answers == backups.describe(first).answers
    copy = open_database(second)
    try:  # the copy holds the change
        assert responses.choices_for_respondent(copy, ana)["2.1"] == "1"
    finally:
        copy.close()
    assert _close(conn, db_path, 3) is None


def test_a_change_made_by_the_command_line_between_two_closes_is_copied(
    filled: tuple[sqlite3.Connection, int], db_path: Path
) -> None:
    conn, _ = filled
    assert _close(conn, db_path, 0) is not None
    conn.close()  # the window closed; the command line runs in its own process
    org = 1
    result = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "sites", "add", str(org), "East"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    conn = open_database(db_path)  # the window opens again
    try:
        copied = _close(conn, db_path, 1)
        assert copied is not None
        site = sqlite3.connect(copied).execute("SELECT name FROM sites").fetchall()
        assert ("East",) in site
        assert _close(conn, db_path, 2) is None
    finally:
        conn.close()


def test_a_change_by_another_connection_of_this_process_is_copied(
    filled: tuple[sqlite3.Connection, int], db_path: Path
) -> None:
    conn, _ = filled
    assert _close(conn, db_path, 0) is not None
    other = open_database(db_path)
    organizations.update(other, 1, name="Renamed Clinic")
    other.close()
    assert _close(conn, db_path, 1) is not None


def test_a_write_that_bypasses_the_change_log_is_still_copied(
    filled: tuple[sqlite3.Connection, int], db_path: Path
) -> None:
    """Another tool writing without the log changes the file once it is checkpointed."""
    conn, _ = filled
    assert _close(conn, db_path, 0) is not None
    time.sleep(0.05)  # past the file system's time tick (the documented blind spot)
    tool = sqlite3.connect(db_path)
    tool.execute("UPDATE responses SET comment = 'by hand'")
    tool.commit()
    tool.close()
    copied = _close(conn, db_path, 1)
    assert copied is not None
    comments = sqlite3.connect(copied).execute("SELECT DISTINCT comment FROM responses").fetchall()
    assert comments == [("by hand",)]


def test_a_missing_or_replaced_copy_is_made_again(
    filled: tuple[sqlite3.Connection, int], db_path: Path
) -> None:
    conn, _ = filled
    first = _close(conn, db_path, 0)
    assert first is not None
    first.unlink()
    second = _close(conn, db_path, 1)
    assert second is not None and second.exists()
    second.write_bytes(second.read_bytes()[:4096])  # cut short (a bad disk, a sync client)
    assert _close(conn, db_path, 2) is not None


def test_changed_keys_are_copied(filled: tuple[sqlite3.Connection, int], db_path: Path) -> None:
    conn, _ = filled
    assert _close(conn, db_path, 0) is not None
    keys = db_path.parent / "keys"
    keys.mkdir()
    (keys / "coordinator-test.key").write_text("AGE-SECRET-KEY-TEST\n")
    copied = _close(conn, db_path, 1)
    assert copied is not None
    assert (copied.with_name(copied.name + ".keys") / "coordinator-test.key").exists()
    assert _close(conn, db_path, 2) is None


def test_a_restored_file_is_copied_at_the_next_close(
    filled: tuple[sqlite3.Connection, int], db_path: Path
) -> None:
    conn, _ = filled
    first = _close(conn, db_path, 0)
    assert first is not None
    conn.close()
    backups.restore(first, db_path)
    conn = open_database(db_path)
    try:
        assert _close(conn, db_path, 1) is not None
    finally:
        conn.close()


def test_the_daily_copy_follows_the_same_rule(
    filled: tuple[sqlite3.Connection, int], db_path: Path
) -> None:
    conn, ana = filled
    assert backups.backup_if_due(conn, db_path, T0) is not None
    assert backups.backup_if_due(conn, db_path, T0 + timedelta(days=2)) is None  # no change
    assert _close(conn, db_path, 3 * 24 * 60) is None  # the daily copy still holds the data
    responses.save_answer(conn, ana, "2.1", "2")
    assert backups.backup_if_due(conn, db_path, T0 + timedelta(days=4)) is not None


def test_a_state_that_cannot_be_told_copies(
    filled: tuple[sqlite3.Connection, int], db_path: Path
) -> None:
    """A reader holding an old snapshot keeps the checkpoint from finishing: unknown → copy."""
    conn, ana = filled
    assert _close(conn, db_path, 0) is not None
    reader = sqlite3.connect(db_path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM responses").fetchone()
    responses.save_answer(conn, ana, "2.1", "1")
    assert backup_state.current(conn, db_path) is None
    assert _close(conn, db_path, 1) is not None
    reader.execute("COMMIT")
    reader.close()


# Modules that write without a change-log entry, and why a skipped copy cannot miss them.
WRITES_WITHOUT_LOG = {
    "app/db/changelog.py": "it is the log",
    "app/db/migrations.py": "schema steps move the schema cookie and user_version",
    "app/db/instrument_snapshots.py": "stored only with a logged round (rounds, imports)",
}


def test_every_module_that_writes_data_also_writes_the_change_log() -> None:
    """The rule's main signal is the change log's newest entry: a new write path that forgets
    the log would make closes skip copies of its changes (another tool's writes are caught by
    the file's state instead, within the file system's time tick)."""
    import re

    writes = re.compile(r"\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b")
    silent = []
    for path in sorted((REPO / "app").rglob("*.py")):
        name = path.relative_to(REPO).as_posix()
        text = path.read_text("utf-8")
        if writes.search(text) and "changelog.append" not in text:
            silent.append(name)
    assert sorted(silent) == sorted(WRITES_WITHOUT_LOG), silent
