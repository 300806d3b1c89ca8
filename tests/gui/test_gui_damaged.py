"""A damaged page met after the file opened (by a list, a score, a report) is shown as the same
plain "damaged" message as at open, never as a crash report."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.cli import main
from app.ui import crash
from app.ui.error_text import user_message
from app.ui.main_window import MainWindow
from app.ui.worker import run_task


@pytest.fixture
def malformed(tmp_path: Path) -> sqlite3.DatabaseError:
    """The real exception SQLite raises when a read meets a damaged page of a demo file."""
    db = tmp_path / "demo.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'rounds'")]
    conn.close()
    data = bytearray(db.read_bytes())
    for page in pages:
        data[(page - 1) * 4096 : (page - 1) * 4096 + 64] = b"\xee" * 64
    db.write_bytes(bytes(data))
    conn = sqlite3.connect(db)
    try:
        conn.execute("SELECT * FROM rounds").fetchall()
    except sqlite3.DatabaseError as exc:
        return exc
    finally:
        conn.close()
        shutil.rmtree(tmp_path / "backups", ignore_errors=True)
    raise AssertionError("the damage was not met")


def test_the_crash_hook_shows_the_damaged_message(
    qapp: object, malformed: sqlite3.DatabaseError, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text() + "\n" + box.detailedText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    crash.show_unexpected(type(malformed), malformed, malformed.__traceback__)
    assert len(shown) == 1
    assert "damaged" in shown[0] and "Restore it from a backup" in shown[0]
    assert "unexpected problem" not in shown[0] and "Traceback" not in shown[0]


def test_the_crash_hook_still_reports_a_real_fault(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: an SQLite error that is the app's own fault stays a crash report."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    error = sqlite3.OperationalError("no such column: nonsense")
    crash.show_unexpected(type(error), error, None)
    assert len(shown) == 1 and "unexpected problem" in shown[0]


def test_a_background_task_reports_the_damaged_message(
    qtbot: QtBot, malformed: sqlite3.DatabaseError
) -> None:
    failures: list[str] = []

    def work() -> None:
        raise malformed

    run_task(work, lambda _: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures[0] == user_message(malformed)
    assert "damaged" in failures[0] and "DatabaseError" not in failures[0]


def test_a_pdf_with_unprintable_characters_says_which(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """A round name with an emoji no shipped font has: the PDF is written, and the "PDF saved"
    box names the character that prints as □ (CJK prints, so it is not named)."""
    from app.db import rounds
    from app.services.catalog import default_catalog
    from app.services.demo import create_demo

    result = create_demo(window.conn, default_catalog().get("sms-oat-bh"))
    window.conn.execute("UPDATE rounds SET name = ? WHERE id = ?", ("春季 🙂", result.round.id))
    assert rounds.get(window.conn, result.round.id).name == "春季 🙂"
    target = tmp_path / "scorecard.pdf"
    task = window.write_report(target, "scorecard", result.round.id)
    with qtbot.waitSignal(task.signals.finished, timeout=20000):  # type: ignore[attr-defined]
        pass
    qtbot.waitUntil(lambda: getattr(window, "report_box", None) is not None, timeout=5000)
    note = window.report_box.informativeText()
    assert "🙂 (U+1F642)" in note and "春" not in note
    window.report_box.close()
