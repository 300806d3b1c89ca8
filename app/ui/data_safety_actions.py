"""Data safety from the main window: the scheduled backup, a copy where the user chooses, and
restoring a backup (the window's connection and pages are rebuilt on the restored file).

A part of the main window (a mixin), kept apart so the window itself only navigates; the work is
in `app.services.backups`. Its texts keep the "MainWindow" translation context, where the
catalogues already have them.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.core.errors import SmsOatError
from app.ui.window_part import WindowPart
from app.ui.worker import run_with_database

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

log = logging.getLogger("app.ui.main_window")


class DataSafetyActions(WindowPart):
    """Mixed into MainWindow (see app/ui/window_part.py for what it provides)."""

    def backup_if_due(self) -> None:
        if self.read_only:
            return
        db_path = self.db_path

        def work(conn: sqlite3.Connection) -> Path | None:
            from app.services import backups

            return backups.backup_if_due(conn, db_path)

        run_with_database(
            db_path, work, lambda _p: None, lambda msg: log.warning("backup: %s", msg)
        )

    def backup_to_file(self) -> None:
        from app.ui import file_dialogs

        target = file_dialogs.save_path(
            self,
            "backup",
            QCoreApplication.translate("MainWindow", "Back up data"),
            "smsoat-backup.sqlite3",
            QCoreApplication.translate("MainWindow", "SMS OAT data (*.sqlite3)"),
        )
        if target is not None:
            self.write_backup(target)

    def write_backup(self, target: Path) -> None:
        db_path = self.db_path

        def work(conn: sqlite3.Connection) -> Path:
            from app.services import backups

            return backups.copy_to_file(conn, target, db_path)

        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Writing the backup…")
        )
        run_with_database(
            db_path,
            work,
            lambda p: self._said_in_status_bar(
                QCoreApplication.translate("MainWindow", "Backup written to {0}").format(p)
            ),
            lambda msg: self.inform(
                self, QCoreApplication.translate("MainWindow", "Backup failed"), msg
            ),
        )

    def open_restore(self) -> None:
        from app.ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self, self.db_path)
        dialog.restore_requested.connect(lambda path: self._confirm_restore(dialog, path))
        self.dialog = dialog
        dialog.open()

    def _confirm_restore(self, dialog: QDialog, backup: Path) -> None:
        from app.services import backups
        from app.ui.texts import counted, fmt_datetime

        info = backups.describe(backup)
        question = QCoreApplication.translate(
            "MainWindow",
            "Replace the current data with the copy made {0} ({1}, {2}, {3})? The current data"
            " file is kept aside in the backups folder.",
        ).format(
            fmt_datetime(info.created),
            counted("agency", info.agencies),
            counted("round", info.rounds),
            counted("answer", info.answers),
        )
        if not self.confirm(
            self, QCoreApplication.translate("MainWindow", "Restore from backup"), question
        ):
            return
        dialog.accept()
        self.restore_from(backup)

    def restore_from(self, backup: Path) -> None:
        """Close the data file, put the copy in its place (current file kept aside), reopen."""
        from app.services import backups
        from app.services.connections import reopen_data_file

        self._save_pending()
        self.conn.close()
        failure: SmsOatError | None = None
        try:
            backups.restore(backup, self.db_path)
        except SmsOatError as exc:
            failure = exc
        self.conn = reopen_data_file(self.db_path)
        for name in (
            "_round_page",
            "_walkthrough",
            "_finish",
            "_paper",
            "_team",
            "_meeting",
            "_plan",
            "_coordinator",
        ):
            page = getattr(self, name)
            if page is not None:
                self.stack.removeWidget(page)
                page.deleteLater()
                setattr(self, name, None)
        self.home.conn = self.conn
        self.show_home()
        self.data_changed.emit()  # every page reads the restored file
        if failure is not None:
            self._fail(failure)
        else:
            self._said_in_status_bar(
                QCoreApplication.translate("MainWindow", "Restored the copy of {0}").format(
                    backup.name
                )
            )

    def open_data_folder(self) -> None:
        from app.ui.dialogs import open_path

        open_path(self.db_path.parent)

    def _said_in_status_bar(self, text: str) -> None:
        """A done message in the status bar, announced to screen readers (imported on first
        use: the announcement module is not needed to start)."""
        from app.ui.announce import status_bar_message

        status_bar_message(self.statusBar(), text, 10000)
