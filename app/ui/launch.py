"""Starts the GUI on a data file: translations, the look, the instance lock, damaged or newer
files, then the main window.

`SMSOAT_SMOKE_EXIT_MS=N` closes the window N ms after it is shown (0: as soon as the event loop
is idle), for smoke tests of the source tree and of the frozen app.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from app import APP_NAME, paths
from app.core.errors import NewerDatabaseError, StorageError
from app.db.connection import mark_intact, open_database
from app.db.instance_lock import InstanceLock, try_acquire
from app.ui import pseudo
from app.ui.error_text import user_message

if TYPE_CHECKING:
    from app.core.catalog import Catalog
    from app.ui.settings import AppSettings

log = logging.getLogger(__name__)
SMOKE_ENV = "SMSOAT_SMOKE_EXIT_MS"
STARTED_ENV = "SMSOAT_STARTED_FILE"


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """The app's catalogue and Qt's own (standard buttons and dialogs) for `lang`."""
    QLocale.setDefault(QLocale(lang))
    if pseudo.requested():  # SMSOAT_PSEUDO=1: longer, accented strings to find clipped text
        return [pseudo.install(app, lang)]
    from app.ui.catalogues import load_catalogues

    loaded = load_catalogues(app, lang)
    for translator in loaded:
        app.installTranslator(translator)
    return loaded


def _ask(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes_button


def _error(text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text)
    box.exec()


def quick_check(conn: sqlite3.Connection) -> bool:
    try:
        return str(conn.execute("PRAGMA quick_check").fetchone()[0]) == "ok"
    except sqlite3.DatabaseError:
        return False


class QuickCheck(threading.Thread):
    """SQLite's quick_check on its own connection in a thread (it releases the GIL), so it runs
    on the second core while the window is being built. (A plain thread: importing
    concurrent.futures for one task costs the start-up about 1.5 ms.)"""

    def __init__(self, db_path: Path) -> None:
        super().__init__(name="quick-check", daemon=True)
        self.db_path = db_path
        self.ok = False

    def run(self) -> None:
        try:
            conn = sqlite3.connect(str(self.db_path), timeout=5)
        except sqlite3.Error:
            return
        try:
            self.ok = quick_check(conn)
        finally:
            conn.close()

    def result(self) -> bool:
        """Waits for the check; False when the file failed it or could not be opened."""
        self.join()
        return self.ok

    def wait_busy(self) -> bool:
        """`result()` with a busy cursor while it waits: a write made before the verdict."""
        if not self.is_alive():
            return self.ok
        from PySide6.QtCore import Qt  # not at module level: the start-up path (docs/startup.md)
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.result()
        finally:
            QGuiApplication.restoreOverrideCursor()


class Opened:
    """The data file's connection and its window; both change when a failed check restores a
    backup (the window then belongs to the restored file). `exit_code` 2: nothing to show."""

    def __init__(self, conn: sqlite3.Connection, window: QWidget) -> None:
        self.conn = conn
        self.window = window
        self.exit_code: int | None = None


CHECK_POLL_MS = 50


def watch_check(
    checked: QuickCheck,
    opened: Opened,
    db_path: Path,
    make_window: Callable[[sqlite3.Connection], QWidget],
) -> QTimer:
    """Apply the background check's verdict when it arrives, the window being up meanwhile.

    Good: the connection is marked intact (its first answer need not check again). Failed: the
    window goes, as it would have before showing, and the newest good backup is offered; the
    restored file gets a new window, or the app ends with exit code 2. Writes made before the
    verdict waited for it (`DataConnection.pending_check`) and were refused if it failed."""
    timer = QTimer()
    timer.setInterval(CHECK_POLL_MS)

    def poll() -> None:
        if checked.is_alive():
            return
        timer.stop()
        if checked.ok:
            mark_intact(opened.conn)
            return
        _replace_damaged(opened, db_path, make_window)

    timer.timeout.connect(poll)
    timer.start()
    opened.check_timer = timer  # type: ignore[attr-defined]  # kept alive with the window
    return timer


def _replace_damaged(
    opened: Opened, db_path: Path, make_window: Callable[[sqlite3.Connection], QWidget]
) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    from app.ui.worker import finish_all

    window = opened.window
    window.hide()
    finish_all()  # nothing running may report to the window being removed
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    opened.conn.close()
    problem = QApplication.translate("launch", "The data file failed its integrity check.")
    conn = recover(db_path, problem)
    if conn is None:
        opened.exit_code = 2  # (its closed connection is closed again at exit: a no-op)
        app = QApplication.instance()
        if app is not None:
            app.exit(2)
        return
    opened.conn = conn
    opened.window = make_window(conn)
    opened.window.show()


def start_quick_check(db_path: Path) -> QuickCheck:
    check = QuickCheck(db_path)
    check.start()
    return check


def open_checked(db_path: Path) -> tuple[sqlite3.Connection | None, QuickCheck | None]:
    """Open (and migrate) the data file and start its integrity check in the background.

    (None, None) after telling the user why when the file cannot be used even for recovery.
    """
    try:
        conn = open_database(db_path)
    except NewerDatabaseError as exc:
        _error(user_message(exc))
        return None, None
    except StorageError as exc:
        return recover(db_path, user_message(exc)), None
    return conn, start_quick_check(db_path)


def recover(db_path: Path, problem: str) -> sqlite3.Connection | None:
    """A damaged file is never replaced silently: offer the newest good backup."""
    from app.services import backups
    from app.ui.texts import fmt_datetime

    translate = QApplication.translate
    good = backups.newest_good_backup(db_path)
    if good is None:
        _error(
            translate(
                "launch",
                "{0}\n\nNo backup was found in {1}. The file was left untouched; copy it somewhere"
                " safe and ask for help.",
            ).format(problem, backups.backups_folder(db_path))
        )
        return None
    question = translate(
        "launch",
        "{0}\n\nRestore the newest good backup from {1} (%n answer(s))? The damaged file is"
        " kept aside, not deleted.",
        "",
        good.answers or 0,
    ).format(problem, fmt_datetime(good.created))
    if not _ask(
        None, APP_NAME, question, translate("launch", "Restore"), translate("launch", "Quit")
    ):
        return None
    try:
        backups.restore(good.path, db_path)
        return open_database(db_path)
    except StorageError as exc:
        _error(user_message(exc))
        return None


def warn_if_synced(parent: QWidget, db_path: Path, settings: AppSettings) -> QWidget | None:
    """Once per data file: a data file in a OneDrive/Dropbox/Google Drive/iCloud folder or on a
    network share can be damaged by syncing (app/services/sync_folders.py). Returns the notice
    (not modal), or None when there is nothing to say."""
    from app.services.sync_folders import sync_service

    service = sync_service(str(db_path))
    if service is None or settings.sync_warned == str(db_path):
        return None
    settings.sync_warned = str(db_path)
    from PySide6.QtWidgets import QMessageBox

    text = QApplication.translate(
        "launch",
        "The data file {0} is in a folder managed by {1}. Syncing or sharing a data file while"
        " the app uses it can damage it. Keep the data in the app's own data folder (the"
        " default) and put backups (File › Back up data…) in the synced folder instead.",
    ).format(db_path, service)
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text, parent=parent)
    box.open()
    return box


def _default_catalog(db_path: Path) -> Catalog:
    """Called on first use, off the start-up path; the data file's instruments/ folder joins."""
    from app.services.catalog import default_catalog, use_data_file

    use_data_file(db_path)
    return default_catalog()


def run_gui(db_path: Path, *, explicit: bool = False) -> int:
    """`explicit`: the data file was named (--db); a missing one is created only after asking, so
    a mistyped name does not quietly open an empty file (the usual file is made on first run)."""
    from app.ui import crash
    from app.ui.settings import AppSettings
    from app.ui.style import apply_text_size

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "smsoat.png")))
    crash.install()
    from app.ui.worker import collect_on_gui_thread

    collect_on_gui_thread(app)
    settings = AppSettings()
    install_translators(app, settings.language)
    apply_text_size(settings.text_size)

    if (
        explicit
        and not db_path.exists()
        and not _ask(
            None,
            APP_NAME,
            QApplication.translate(
                "launch",
                "There is no data file at {0}. Check the name if you meant an existing file, or"
                " create a new, empty data file there.",
            ).format(db_path),
            QApplication.translate("launch", "Create a new data file"),
            QApplication.translate("launch", "Quit"),
        )
    ):
        return 2
    lock: InstanceLock | None = try_acquire(db_path)
    read_only = False
    if lock is None:
        translate = QApplication.translate
        if not _ask(
            None,
            APP_NAME,
            translate(
                "launch",
                "This data is already open in another window of {0}. Switch to that window to"
                " keep working, or open a read-only view here.",
            ).format(APP_NAME),
            translate("launch", "Open read-only"),
            translate("launch", "Close"),
        ):
            return 0
        read_only = True
    conn, checked = open_checked(db_path)
    window = None
    if conn is not None:
        from app.ui.main_window import MainWindow

        def catalog() -> Catalog:
            return _default_catalog(db_path)

        if read_only:
            conn.execute("PRAGMA query_only = ON")
        window = MainWindow(conn, db_path, catalog, settings, read_only=read_only)
        if checked is not None:
            # the window shows at once; a write before the verdict waits for it (busy cursor)
            conn.pending_check = checked.wait_busy  # type: ignore[attr-defined]
    if conn is None or window is None:
        if lock is not None:
            lock.release()
        return 2
    window.show()
    opened = Opened(conn, window)
    if checked is not None:
        from app.ui.main_window import MainWindow

        def restored(conn: sqlite3.Connection) -> QWidget:
            return MainWindow(conn, db_path, catalog, settings, read_only=read_only)

        watch_check(checked, opened, db_path, restored)
    QTimer.singleShot(0, lambda: warn_if_synced(window, db_path, settings))
    report = os.environ.get(STARTED_ENV)
    if report:
        # for benchmarks: the wall-clock time when the home window is shown and the loop idle
        QTimer.singleShot(0, lambda: Path(report).write_text(repr(time.time()), "utf-8"))
    smoke = os.environ.get(SMOKE_ENV)
    if smoke is not None:
        QTimer.singleShot(max(0, int(smoke or 0)), lambda: opened.window.close())
    try:
        code = int(app.exec())
        return opened.exit_code if opened.exit_code is not None else code
    finally:
        from app.ui.worker import finish_all

        finish_all()  # no pool thread may still run Python while the interpreter shuts down
        opened.conn.close()
        if lock is not None:
            lock.release()
