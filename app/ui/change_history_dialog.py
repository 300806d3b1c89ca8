"""*Round › History of changes…*: who changed what in this round, when, old → new.

The rows come from app/services/change_history.py, like `smsoat history`; the filters narrow them
by person, item and kind, and *Export CSV…* writes what is shown (output path checked, cells
formula-neutralised). In a private round whose results are not open, individual answers show as
••• (app/services/privacy.py): the history is no back door to other people's answers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import SmsOatError
from app.services import change_history, privacy
from app.services.change_history import Change
from app.services.files import file_stem, write_output
from app.ui.error_text import user_message
from app.ui.file_dialogs import save_path


def _ask_csv_path(parent: QWidget, suggested: str) -> Path | None:
    return save_path(
        parent,
        "history-csv",
        QCoreApplication.translate("ChangeHistoryDialog", "Export the history of changes"),
        suggested,
        QCoreApplication.translate("ChangeHistoryDialog", "CSV files (*.csv)"),
        ".csv",
    )


def local_time(at: str) -> str:
    """The log's UTC time as this computer's local time, to the second (the CSV keeps UTC)."""
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return at


class ChangeHistoryDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        conn: sqlite3.Connection,
        round_id: int,
        db_path: Path | None,
        ask_path: Callable[[QWidget, str], Path | None] = _ask_csv_path,
    ) -> None:
        super().__init__(parent)
        self.conn, self.round_id, self.db_path, self.ask_path = conn, round_id, db_path, ask_path
        self.round_name = change_history.round_name(conn, round_id)
        self.reveal = privacy.may_see_answers(conn, round_id)
        self.all_rows = change_history.changes(conn, round_id, reveal_answers=self.reveal)
        self.rows: list[Change] = list(self.all_rows)
        self.setWindowTitle(self.tr("History of changes: {0}").format(self.round_name))

        self.person = QComboBox()
        self.item = QComboBox()
        self.kind = QComboBox()
        everyone = sorted({c.actor for c in self.all_rows} | {c.person for c in self.all_rows})
        self._fill(self.person, self.tr("Everyone"), [p for p in everyone if p])
        items = sorted({c.item for c in self.all_rows if c.item})
        self._fill(self.item, self.tr("Every item"), items)
        self._fill(self.kind, self.tr("Every kind"), list(change_history.KINDS), self._words())
        filters = QFormLayout()
        filters.addRow(self.tr("&Person:"), self.person)
        filters.addRow(self.tr("&Item:"), self.item)
        filters.addRow(self.tr("&Kind:"), self.kind)
        for box in (self.person, self.item, self.kind):
            box.currentIndexChanged.connect(self.refresh)

        self.table = QTableWidget(0, 8)
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Changes in this round, oldest first"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Kind"),
                self.tr("Item"),
                self.tr("Field"),
                self.tr("Old"),
                self.tr("New"),
                self.tr("Whose answer"),
            ]
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (5, 6):  # old and new: long texts are elided, the full one is the tooltip
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.clicked.connect(self.export_csv)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addLayout(row)
        self.resize(1000, 500)
        self.refresh()

    @staticmethod
    def _fill(
        box: QComboBox, everything: str, values: list[str], label: dict[str, str] | None = None
    ) -> None:
        box.addItem(everything, "")
        for value in values:
            box.addItem((label or {}).get(value, value), value)

    def _words(self) -> dict[str, str]:
        """Kinds and the answer's parts in words; plan and cycle fields stay as the CSV has them."""
        return {
            "answer": self.tr("answer"),
            "comment": self.tr("comment"),
            "consensus": self.tr("consensus"),
            "plan": self.tr("action plan"),
            "team": self.tr("team"),
            "round": self.tr("round"),
            "import": self.tr("import"),
            "results": self.tr("results"),
            "choice": self.tr("choice"),
            "member": self.tr("member"),
            "file": self.tr("file"),
        }

    def refresh(self) -> None:
        person, item, kind = (b.currentData() for b in (self.person, self.item, self.kind))
        self.rows = [
            c
            for c in self.all_rows
            if (not person or person in (c.actor, c.person))
            and (not item or c.item == item)
            and (not kind or c.kind == kind)
        ]
        self.table.setRowCount(len(self.rows))
        words = self._words()
        for r, c in enumerate(self.rows):
            kind, field = words.get(c.kind, c.kind), words.get(c.field, c.field)
            cells = [local_time(c.at), c.actor, kind, c.item, field, c.old, c.new, c.person]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col in (5, 6) and text:
                    cell.setToolTip(text)
                self.table.setItem(r, col, cell)
        self.table.scrollToBottom()  # the latest changes are the ones asked about
        text = self.tr("{0} of %n change(s) shown.", "", len(self.all_rows)).format(len(self.rows))
        if not self.reveal:
            text += " " + self.tr(
                "Individual answers show as ••• until the facilitator opens the results."
            )
        self.note.setText(text)

    def export_csv(self) -> Path | None:
        path = self.ask_path(self, f"changes-{file_stem(self.round_name)}.csv")
        if path is None:
            return None
        try:
            written = write_output(path, change_history.to_csv(self.rows), self.db_path)
        except SmsOatError as exc:
            self.note.setText(user_message(exc))
            return None
        self.note.setText(self.tr("Saved {0}").format(written))
        return written
