"""Export one round as an `.smsoat` file for the state coordinator.

The dialog says plainly what leaves the laptop before anything is written: team members by role
only unless the lead ticks names, comments in or out, and the rest of the round's content. The
file is built in a worker with its own connection and written atomically, so a failure never
leaves half a file where the coordinator might pick it up.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import action_plans, organizations, responses, rounds
from app.db.connection import open_database
from app.exchange.format import EXTENSION
from app.services.files import file_stem
from app.ui.dialogs import open_path
from app.ui.worker import Task, run_task


class ExportDialog(QDialog):
    exported = Signal(object)  # the Path written
    export_failed = Signal(str)

    def __init__(
        self, parent: QWidget | None, db_path: Path, round_id: int, conn: sqlite3.Connection
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.round_id = round_id
        self.last_task: Task | None = None
        self.last_path: Path | None = None
        self.open_folder: Callable[[Path], None] = open_path
        self.ask_path: Callable[[Path], Path | None] = self._ask_path
        rnd = rounds.get(conn, round_id)
        org = organizations.get(conn, rnd.organization_id)
        people = rounds.respondents(conn, round_id)
        self.people = len(people)
        self.withdrawn = len(rounds.withdrawn_respondents(conn, round_id))
        self.answers = sum(len(a) for a in responses.choices_for_round(conn, round_id).values())
        self.comment_count = sum(
            len(c) for c in responses.comments_for_round(conn, round_id).values()
        )
        self.agreed = sum(
            1 for c in responses.consensus_for_round(conn, round_id).values() if c.choice
        )
        self.priorities = len(action_plans.priorities_for_round(conn, round_id))
        self.round_open = rnd.status == "open"
        self.setWindowTitle(self.tr("Export for the state"))

        title = QLabel(self.tr("Export {0} of {1}").format(rnd.name, org.name))
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.PlainText)

        privacy = QGroupBox(self.tr("What leaves this laptop"))
        self.names = QCheckBox(self.tr("Include team members' &names (otherwise by role only)"))
        self.names.setAccessibleDescription(self.tr("Include team members' names"))
        self.names.setChecked(False)
        self.comments = QCheckBox(self.tr("Include team members' &comments"))
        self.comments.setAccessibleName(self.tr("Include team members' comments"))
        self.comments.setChecked(True)
        box = QVBoxLayout(privacy)
        box.addWidget(self.names)
        box.addWidget(self.comments)
        self.contents = QLabel()
        self.contents.setWordWrap(True)
        self.contents.setTextFormat(Qt.TextFormat.PlainText)
        self.contents.setAccessibleName(self.tr("What the file contains"))
        box.addWidget(self.contents)
        self.names.toggled.connect(lambda _on: self._describe())
        self.comments.toggled.connect(lambda _on: self._describe())

        self.path_edit = QLineEdit(
            str(Path.home() / f"{file_stem(org.name)}-{file_stem(rnd.name)}{EXTENSION}")
        )
        self.path_edit.setAccessibleName(self.tr("File to write"))
        path_label = QLabel(self.tr("&Save as:"))
        path_label.setBuddy(self.path_edit)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setAccessibleDescription(self.tr("Choose where to save the file"))
        self.browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(path_label)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Export status"))
        self.folder_button = QPushButton(self.tr("Show in &folder"))
        self.folder_button.setAccessibleDescription(self.tr("Show the exported file in its folder"))
        self.folder_button.clicked.connect(self._show_folder)
        self.folder_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.folder_button)

        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setAccessibleName(self.tr("Export the round to the file"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(privacy)
        layout.addLayout(path_row)
        layout.addLayout(status_row)
        layout.addWidget(buttons)
        self._describe()
        self.setMinimumWidth(640)
        self.resize(720, self.sizeHint().height())

    # ------------------------------------------------------------ what the file holds
    def _describe(self) -> None:
        lines = [
            self.tr("The file will hold:"),
            self.tr("• the agency: name, site, region, state identifier"),
            self.tr("• the round: name, review period, status"),
        ]
        if self.names.isChecked():
            lines.append(
                self.tr(
                    "• the answers of {0} team member(s) ({1} answers), with their names"
                ).format(self.people, self.answers)
            )
        else:
            lines.append(
                self.tr(
                    "• the answers of {0} team member(s) ({1} answers), by role only — no names"
                ).format(self.people, self.answers)
            )
        if self.withdrawn:
            lines.append(
                self.tr("• not included: {0} withdrawn team member(s) and their answers").format(
                    self.withdrawn
                )
            )
        if self.comments.isChecked():
            lines.append(self.tr("• their comments on answers ({0})").format(self.comment_count))
        else:
            lines.append(self.tr("• no comments"))
        lines += [
            self.tr("• {0} agreed consensus answer(s) with their rationale").format(self.agreed),
            self.tr("• the action plan ({0} priorities)").format(self.priorities),
            self.tr("• a table of scores for spreadsheets, the scorecard PDF and the instrument"),
            self.tr(
                "A checksum of every part lets the coordinator check that the file arrived"
                " complete and unchanged."
            ),
        ]
        if self.round_open:
            lines.append(
                self.tr(
                    "This round is still open: the file holds the answers as they are now."
                    " Export again after the meeting; the newer file replaces this one."
                )
            )
        self.contents.setText("\n".join(lines))

    # ------------------------------------------------------------ the path
    def _ask_path(self, suggested: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export for the state"),
            str(suggested),
            self.tr("SMS OAT exchange files (*.smsoat)"),
        )
        return Path(target) if target else None

    def _browse(self) -> None:
        chosen = self.ask_path(self.target())
        if chosen is not None:
            self.path_edit.setText(str(chosen))

    def target(self) -> Path:
        text = self.path_edit.text().strip()
        path = Path(text).expanduser() if text else Path.home() / f"round{EXTENSION}"
        if path.suffix.lower() != EXTENSION:
            path = path.with_name(path.name + EXTENSION)
        return path

    # ------------------------------------------------------------ exporting
    def export(self) -> Task | None:
        from app.exchange.export import Privacy, export_round
        from app.services.files import write_atomically
        from app.services.output_paths import checked_output

        if not self.path_edit.text().strip():
            self.status.setText(self.tr("Choose where to save the file first."))
            self.path_edit.setFocus()
            return None
        path = self.target()
        self.path_edit.setText(str(path))
        privacy = Privacy(names=self.names.isChecked(), comments=self.comments.isChecked())
        db_path, round_id = self.db_path, self.round_id

        def work() -> Path:
            checked_output(path, db_path)
            conn = open_database(db_path, migrate=False)
            try:
                data = export_round(conn, round_id, privacy=privacy)
            finally:
                conn.close()
            write_atomically(path, data, private=True)
            return path

        self.export_button.setEnabled(False)
        self.folder_button.hide()
        self.status.setText(self.tr("Exporting…"))
        self.last_task = run_task(work, self._done, self._failed)
        return self.last_task

    def _done(self, path: Path) -> None:
        self.last_path = path
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Saved {0}").format(path))
        self.folder_button.show()
        self.folder_button.setFocus()
        self.exported.emit(path)

    def _failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Not exported: {0}").format(message))
        self.export_failed.emit(message)

    def _show_folder(self) -> None:
        if self.last_path is not None:
            self.open_folder(self.last_path.parent)
