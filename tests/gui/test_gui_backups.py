"""The window makes the automatic copies: one when it closes, and at most one a day while open."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.services import backups
from tests.gui.conftest import MakeWindow


def _automatic(db_path: Path) -> list[Path]:
    return sorted(backups.backups_folder(db_path).glob(f"{backups.AUTO_PREFIX}*.sqlite3"))


def test_closing_the_window_writes_a_copy_holding_the_answers(
    make_window: MakeWindow, data_dir: Path
) -> None:
    window = make_window()
    window.home.demo_button.click()
    answers = int(window.conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0])
    assert answers > 0
    window.close()
    copies = _automatic(window.db_path)
    assert len(copies) == 1
    info = backups.describe(copies[0])
    assert info.agencies == 1 and info.answers == answers


def test_a_copy_is_made_while_open_only_when_a_day_has_passed(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.home.demo_button.click()
    window.backup_if_due()
    qtbot.waitUntil(lambda: len(_automatic(window.db_path)) == 1, timeout=10000)
    first = _automatic(window.db_path)
    window.backup_if_due()  # the same day: nothing new
    qtbot.wait(300)
    assert _automatic(window.db_path) == first


def test_a_read_only_window_writes_no_copies(qtbot: QtBot, data_dir: Path) -> None:
    from app.db.connection import open_database
    from app.services.catalog import default_catalog
    from app.ui.main_window import MainWindow
    from app.ui.settings import AppSettings

    db_path = data_dir / "smsoat.sqlite3"
    conn = open_database(db_path)
    window = MainWindow(conn, db_path, default_catalog(), AppSettings(), read_only=True)
    qtbot.addWidget(window)
    window.backup_if_due()
    window.close()
    conn.close()
    assert _automatic(db_path) == []


def test_a_close_copies_only_what_changed_since_the_last_copy(
    make_window: MakeWindow, data_dir: Path
) -> None:
    """At 100,000 rounds a copy is 2.8 GB: a window opened and closed without a change makes
    none; the next change is copied at the next close (app/services/backup_state.py)."""
    from tests.gui.helpers import add_agency

    first = make_window()
    first.home.demo_button.click()
    first.close()
    [copy] = _automatic(first.db_path)
    written = copy.stat().st_mtime_ns
    looked = make_window()  # opened, looked at, closed: nothing changed
    looked.show_home()
    looked.close()
    assert _automatic(first.db_path) == [copy] and copy.stat().st_mtime_ns == written
    changed = make_window()
    add_agency(changed, "Second Clinic")
    changed.close()
    # (two closes within one second write the same name: the newest copy is the one to read)
    newest = _automatic(first.db_path)[-1]
    assert newest.stat().st_mtime_ns != written
    assert backups.describe(newest).agencies == 2
