"""Backups, restore, consistency check, the instance lock, and full or read-only storage."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import StorageError
from app.core.instrument import Instrument
from app.db import instance_lock, organizations, responses
from app.db.connection import open_database
from app.services import backups
from app.services.integrity import check_database
from tests.helpers import make_round

REPO = Path(__file__).parent.parent


def test_backup_at_most_daily_and_described(
    filled: tuple[sqlite3.Connection, int], db_path: Path
) -> None:
    conn, ana = filled
    t0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    first = backups.backup_if_due(conn, db_path, t0)
    assert first is not None and first.exists()
    responses.save_answer(conn, ana, "2.1", "1")
    assert backups.backup_if_due(conn, db_path, t0 + timedelta(hours=5)) is None
    # a day later, with a change since the last copy (without one: tests/test_backup_on_change.py)
    assert backups.backup_if_due(conn, db_path, t0 + timedelta(days=1, minutes=1)) is not None
    info = backups.list_backups(db_path)[0]
    assert (info.agencies, info.rounds, info.answers) == (1, 1, 7)
    assert info.automatic and info.readable


def test_retention_keeps_seven_days_and_four_weeks(
    filled: tuple[sqlite3.Connection, int], db_path: Path
) -> None:
    conn, _ = filled
    start = datetime(2026, 8, 1, 8, 0, tzinfo=UTC)
    for day in range(90):  # two copies a day for 90 days
        for hour in (8, 17):
            backups.make_backup(conn, db_path, start + timedelta(days=day, hours=hour - 8))
    backups.prune(db_path)
    kept = sorted(p.name for p in backups.backups_folder(db_path).glob("auto-*.sqlite3"))
    assert len(kept) == backups.KEEP_DAYS + backups.KEEP_WEEKS
    newest_days = {name[5:13] for name in kept[-backups.KEEP_DAYS :]}
    assert len(newest_days) == backups.KEEP_DAYS  # one copy for each of the last 7 days
    assert kept[-1] == "auto-20261029-170000.sqlite3"  # the newest copy of the newest day

    def week(name: str) -> tuple[int, int]:
        iso = datetime.strptime(name[5:13], "%Y%m%d").isocalendar()
        return (iso[0], iso[1])

    daily_weeks = {week(n) for n in kept[-backups.KEEP_DAYS :]}
    weekly = [week(n) for n in kept[: backups.KEEP_WEEKS]]
    assert len(set(weekly)) == backups.KEEP_WEEKS and not set(weekly) & daily_weeks


def test_restore_keeps_the_current_file_aside(
    filled: tuple[sqlite3.Connection, int], db_path: Path
) -> None:
    conn, ana = filled
    backup = backups.make_backup(conn, db_path)
    responses.save_answer(conn, ana, "2.1", "1")  # a change made after the backup
    conn.close()
    aside = backups.restore(backup, db_path)
    restored = open_database(db_path)
    assert responses.choices_for_respondent(restored, ana)["2.1"] == "3"
    restored.close()
    kept = open_database(aside)
    assert responses.choices_for_respondent(kept, ana)["2.1"] == "1"
    kept.close()


def test_unreadable_backup_is_refused(db_path: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"nope" * 100)
    with pytest.raises(StorageError, match="not a readable backup"):
        backups.restore(junk, db_path)


def test_check_finds_answers_the_instrument_does_not_have(
    filled: tuple[sqlite3.Connection, int], capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    conn, ana = filled
    assert check_database(conn).ok
    conn.execute(
        "INSERT INTO responses (respondent_id, item_id, choice, created_at, updated_at)"
        " VALUES (?, '9.9', '3', 'x', 'x')",
        (ana,),
    )
    conn.execute("UPDATE responses SET choice = '17' WHERE item_id = '2.2'")
    report = check_database(conn)
    assert len(report.problems) == 2
    assert any("9.9" in p for p in report.problems)
    assert any("'17'" in p for p in report.problems)
    conn.close()
    assert main(["--db", str(db_path), "check"]) == 2
    out, err = capsys.readouterr()
    assert "9.9" in out and err.count("\n") == 1 and "2 problem(s)" in err


def test_check_on_a_damaged_file_exits_2_cleanly(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    conn = open_database(damaged)
    conn.close()
    data = bytearray(damaged.read_bytes())
    data[0:16] = b"garbage garbage!"
    damaged.write_bytes(bytes(data))
    result = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(damaged), "check"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 2
    assert "damaged" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_cli_backup(
    filled: tuple[sqlite3.Connection, int],
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "copy.sqlite3"
    assert main(["--db", str(db_path), "backup", "-o", str(target)]) == 0
    assert backups.describe(target).answers == 7
    assert main(["--db", str(db_path), "backup", "-o", str(db_path)]) == 2


def test_full_disk_is_reported_and_harms_nothing(
    filled: tuple[sqlite3.Connection, int], mini: Instrument
) -> None:
    conn, ana = filled
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite now reports SQLITE_FULL
    long_comment = "x" * 20_000
    with pytest.raises(StorageError, match="disk is full, so the last change was NOT saved"):
        for item in mini.items:
            responses.save_answer(conn, ana, item.id, "1", comment=long_comment)
    stored = responses.answers_for_respondent(conn, ana)
    assert len(stored) == 7
    assert all(a.comment in ("", long_comment) for a in stored.values())
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_read_only_storage_is_reported(filled: tuple[sqlite3.Connection, int]) -> None:
    conn, ana = filled
    conn.execute("PRAGMA query_only = 1")
    with pytest.raises(StorageError, match="NOT saved"):
        responses.save_answer(conn, ana, "2.1", "1")
    conn.execute("PRAGMA query_only = 0")
    assert responses.choices_for_respondent(conn, ana)["2.1"] == "3"


def test_second_copy_of_the_app_sees_the_lock(db_path: Path) -> None:
    lock = instance_lock.try_acquire(db_path)
    assert lock is not None
    probe = (
        "import sys; from pathlib import Path; from app.db import instance_lock;"
        "l = instance_lock.try_acquire(Path(sys.argv[1])); print('free' if l else 'held')"
    )
    other = [sys.executable, "-c", probe, str(db_path)]
    held = subprocess.run(other, capture_output=True, text=True, cwd=REPO, timeout=60)
    assert held.stdout.strip() == "held"
    lock.release()
    free = subprocess.run(other, capture_output=True, text=True, cwd=REPO, timeout=60)
    assert free.stdout.strip() == "free"


def test_two_processes_writing_lose_nothing(db_path: Path, mini: Instrument) -> None:
    """Two writers on one file (two windows, or the GUI and the CLI): every answer lands."""
    conn = open_database(db_path)
    _, people = make_round(conn, mini, people=2)
    conn.close()
    script = (
        "import sys; from pathlib import Path\n"
        "from app.db.connection import open_database\n"
        "from app.db import responses\n"
        "conn = open_database(Path(sys.argv[1])); pid = int(sys.argv[2])\n"
        "items = ['1.1.1','1.1.2','1.2.1','1.2.2','1.2.3','2.1','2.2']\n"
        "for n in range(140):\n"
        "    responses.save_answer(conn, pid, items[n % 7], str(1 + n % 4), comment=str(n))\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(db_path), str(p.id)], cwd=REPO)
        for p in people
    ]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    conn = open_database(db_path)
    for person in people:
        stored = responses.answers_for_respondent(conn, person.id)
        assert len(stored) == 7
        assert {a.comment for a in stored.values()} == {str(n) for n in range(133, 140)}
    log_count = conn.execute("SELECT count(*) FROM change_log WHERE action='answer'").fetchone()[0]
    assert log_count == 280
    conn.close()


def test_several_closes_a_day_keep_their_own_copies(
    filled: tuple[sqlite3.Connection, int], db_path: Path
) -> None:
    """Delete-then-close used to overwrite the day's only copy: the last closes each keep one."""
    conn, _ = filled
    start = datetime(2026, 8, 3, 8, 0, tzinfo=UTC)
    backups.backup_if_due(conn, db_path, start)  # the day's copy while the window is open
    closes = [start + timedelta(hours=1, minutes=10 * n) for n in range(backups.KEEP_CLOSES + 3)]
    for n, when in enumerate(closes[:-1]):
        # each close after a change: a close without one makes no copy (test_backup_on_change)
        organizations.update(conn, 1, name=f"Clinic {n}")
        backups.backup_on_close(conn, db_path, when)
    before_delete = backups.list_backups(db_path)[0]
    organizations.update(conn, 1, name="Clinic before the delete")
    conn.execute("DELETE FROM responses")
    conn.commit()
    backups.backup_on_close(conn, db_path, closes[-1])  # the close right after a delete
    infos = backups.list_backups(db_path)
    on_close = [b for b in infos if b.on_close]
    assert [b.created for b in on_close] == sorted(closes[-backups.KEEP_CLOSES :], reverse=True)
    assert before_delete.path.exists() and before_delete.answers  # the copy before the delete
    assert len(infos) == backups.KEEP_CLOSES  # the day's older copies went (one day's worth)
    # later days: the day and week rule still thins them, the last closes are always there
    for day in range(1, 40):
        organizations.update(conn, 1, name=f"Clinic, day {day}")
        backups.backup_on_close(conn, db_path, start + timedelta(days=day))
    kept = backups.list_backups(db_path)
    assert len([b for b in kept if b.on_close]) >= backups.KEEP_CLOSES
    assert len(kept) <= backups.KEEP_CLOSES + backups.KEEP_DAYS + backups.KEEP_WEEKS
