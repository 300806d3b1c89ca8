"""Restore from backup: the copies with their dates and what they hold; the current data file is
kept aside (never deleted) before a copy replaces it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import backups
from app.ui.table_headers import hide_row_numbers
from app.ui.texts import fmt_datetime


class RestoreDialog(QDialog):
    restore_requested = Signal(object)  # the backup's Path

    def __init__(self, parent: QWidget | None, db_path: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.infos = backups.list_backups(db_path)
        note = QLabel(
            self.tr(
                "Copies are made when the app closes, once a day while it runs and before every"
                " upgrade; the last 7 daily and 4 weekly copies are kept, in {0}. Restoring keeps"
                " the current data file aside in the same folder."
            ).format(backups.backups_folder(db_path))
        )
        note.setWordWrap(True)
        before_note = QLabel(
            self.tr(
                "A copy is also made before every deletion (a round, an agency, a team member"
                " with answers); those copies are never deleted automatically."
            )
        )
        before_note.setWordWrap(True)
        self.table = QTableWidget(len(self.infos), 5)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Made"),
                self.tr("Kind"),
                self.tr("Agencies"),
                self.tr("Rounds"),
                self.tr("Answers"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        hide_row_numbers(self.table)
        for r, info in enumerate(self.infos):
            if not info.readable:
                kind = self.tr("unreadable")
            elif info.automatic and info.on_close:
                kind = self.tr("automatic, when the app closed")
            elif info.automatic:
                kind = self.tr("automatic")
            elif info.reason:
                kind = self.reason_text(info)
            else:
                kind = self.tr("before an upgrade or by hand")
            cells = [
                fmt_datetime(info.created),
                kind,
                *("–" if v is None else str(v) for v in (info.agencies, info.rounds, info.answers)),
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, r)
                self.table.setItem(r, c, cell)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if self.infos:
            self.table.selectRow(0)
        self.restore_button = QPushButton(self.tr("&Restore the selected copy…"))
        self.restore_button.setEnabled(bool(self.infos))
        self.restore_button.clicked.connect(self._restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(before_note)
        if not self.infos:
            layout.addWidget(QLabel(self.tr("No backups yet.")))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 380)

    def reason_text(self, info: backups.BackupInfo) -> str:
        """Why a copy made before a destructive step exists, naming what was about to go."""
        texts = {
            "delete-round": self.tr("before deleting the round “{0}”"),
            "delete-agency": self.tr("before deleting the agency “{0}”"),
            "remove-member": self.tr("before removing {0} and their answers"),
        }
        text = texts.get(info.reason)
        if text is None:
            return self.tr("before an upgrade or by hand")
        return text.format(info.subject or "?")

    def selected(self) -> backups.BackupInfo | None:
        row = self.table.currentRow()
        return self.infos[row] if 0 <= row < len(self.infos) else None

    def _restore(self) -> None:
        info = self.selected()
        if info is not None and info.readable:
            self.restore_requested.emit(info.path)
