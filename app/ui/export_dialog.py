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
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import SmsOatError
from app.core.models import Respondent
from app.db import action_plans, organizations, responses, rounds
from app.exchange.format import EXTENSION
from app.services.files import file_stem
from app.services.redaction import Redactor
from app.ui.announce import show_status
from app.ui.dialogs import open_path
from app.ui.texts import role_label
from app.ui.worker import Task, run_with_database


class CommentRow(NamedTuple):
    respondent_uuid: str
    name: str
    role: str
    item_id: str
    text: str


def _comment_rows(
    conn: sqlite3.Connection, round_id: int, people: list[Respondent]
) -> list[CommentRow]:
    comments = responses.comments_for_round(conn, round_id)
    return [
        CommentRow(person.uuid, person.display_name, person.role, item_id, text)
        for person in people
        for item_id, text in sorted(comments.get(person.id, {}).items())
    ]


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
        self.comment_rows = _comment_rows(conn, round_id, people)
        self.comment_count = len(self.comment_rows)
        # roles only: the list shows each comment as it will leave, names replaced by roles
        self.redact = Redactor.for_respondents(
            rounds.respondents(conn, round_id, include_withdrawn=True)
        )
        self.agreed = sum(
            1 for c in responses.consensus_for_round(conn, round_id).values() if c.choice
        )
        self.priorities = len(action_plans.priorities_for_round(conn, round_id))
        self.round_open = rnd.status == "open"
        from app.services.keys import KeyRing

        try:
            self.seal_keys = [k.fingerprint for k in KeyRing.for_database(db_path).recipients()]
        except SmsOatError:
            self.seal_keys = []
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
        self.comments.setChecked(False)  # free text that may name clients stays home (issue 15)
        self.comment_list = QListWidget()
        self.comment_list.setAccessibleName(self.tr("Comments that will leave, one tick each"))
        self.comment_list.setWordWrap(True)
        self.comment_list.hide()
        self.comment_note = QLabel(
            self.tr(
                "Untick any comment that should stay here. Comments marked ⚠ look like they may"
                " identify a client (a date, phone number, e-mail address, long number or a name)"
                " and start unticked."
            )
        )
        self.comment_note.setWordWrap(True)
        self.comment_note.hide()
        box = QVBoxLayout(privacy)
        box.addWidget(self.names)
        box.addWidget(self.comments)
        box.addWidget(self.comment_note)
        box.addWidget(self.comment_list)
        self.contents = QLabel()
        self.contents.setWordWrap(True)
        self.contents.setTextFormat(Qt.TextFormat.PlainText)
        self.contents.setAccessibleName(self.tr("What the file contains"))
        box.addWidget(self.contents)
        self.names.toggled.connect(lambda _on: self._describe())
        self.names.toggled.connect(lambda _on: self._fill_comments())
        self.comments.toggled.connect(lambda _on: self._describe())
        self.comments.toggled.connect(lambda _on: self._fill_comments())
        self.comment_list.itemChanged.connect(lambda _item: self._describe())

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
        self.status.setAccessibleDescription(self.tr("Export status"))  # its name is its text
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
            lines.append(
                self.tr("• {0} of their {1} comment(s) on answers, as ticked below").format(
                    len(self.chosen_comments()), self.comment_count
                )
            )
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
            self.tr(
                "The file is signed with this agency's key, so the coordinator sees who sent it."
            ),
        ]
        if self.seal_keys:
            lines.append(
                self.tr("Sealed: only the state coordinator can open it (key {0}).").format(
                    ", ".join(self.seal_keys)
                )
            )
        else:
            lines.append(
                self.tr(
                    "WARNING: not sealed. No coordinator key is installed here, so anyone who"
                    " finds the file can read it. Install the coordinator's key first"
                    " (smsoat keys import KEYFILE)."
                )
            )
        if self.round_open:
            lines.append(
                self.tr(
                    "This round is still open: the file holds the answers as they are now."
                    " Export again after the meeting; the newer file replaces this one."
                )
            )
        self.contents.setText("\n".join(lines))

    # ------------------------------------------------------------ comments, one by one
    def _fill_comments(self) -> None:
        """Every comment that would leave, with its own tick box; suspicious ones start unticked."""
        from app.services.comment_check import identifying_reasons

        on = self.comments.isChecked()
        self.comment_list.setVisible(on)
        self.comment_note.setVisible(on)
        kept = {
            self.comment_list.item(i).data(Qt.ItemDataRole.UserRole): self.comment_list.item(
                i
            ).checkState()
            for i in range(self.comment_list.count())
        }
        self.comment_list.blockSignals(True)
        self.comment_list.clear()
        names = self.names.isChecked()
        for row in self.comment_rows:
            who = row.name if names else role_label(row.role)
            said = row.text if names else self.redact(row.text)
            flagged = bool(identifying_reasons(said))
            text = f"{who} — {row.item_id}: {said}"
            if flagged:
                text = self.tr("⚠ may identify a client — {0}").format(text)
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            key = (row.respondent_uuid, row.item_id)
            item.setData(Qt.ItemDataRole.UserRole, key)
            default = Qt.CheckState.Unchecked if flagged else Qt.CheckState.Checked
            item.setCheckState(kept.get(key, default))
            self.comment_list.addItem(item)
        self.comment_list.blockSignals(False)
        self._describe()

    def chosen_comments(self) -> frozenset[tuple[str, str]]:
        """The (respondent uuid, item id) of every ticked comment."""
        if not self.comments.isChecked():
            return frozenset()
        chosen = set()
        for i in range(self.comment_list.count()):
            item = self.comment_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.add(item.data(Qt.ItemDataRole.UserRole))
        return frozenset(chosen)

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
            show_status(
                self.status, self.tr("Choose where to save the file first."), assertive=True
            )
            self.path_edit.setFocus()
            return None
        path = self.target()
        self.path_edit.setText(str(path))
        chosen = self.chosen_comments()
        privacy = Privacy(
            names=self.names.isChecked(), comments=bool(chosen), only_comments=chosen or None
        )
        db_path, round_id = self.db_path, self.round_id

        def work(conn: sqlite3.Connection) -> Path:
            checked_output(path, db_path)
            from app.services.keys import KeyRing

            ring = KeyRing.for_database(db_path)
            data = export_round(
                conn,
                round_id,
                privacy=privacy,
                signing_key=ring.signing_key(),  # made on the first export
                recipients=[k.recipient for k in ring.recipients()],
            )
            write_atomically(path, data, private=True)
            return path

        self.export_button.setEnabled(False)
        self.folder_button.hide()
        self.status.setText(self.tr("Exporting…"))
        self.last_task = run_with_database(db_path, work, self._done, self._failed)
        return self.last_task

    def _done(self, path: Path) -> None:
        self.last_path = path
        self.export_button.setEnabled(True)
        show_status(self.status, self.tr("Saved {0}").format(path))
        self.folder_button.show()
        self.folder_button.setFocus()
        self.exported.emit(path)

    def _failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        show_status(self.status, self.tr("Not exported: {0}").format(message), assertive=True)
        self.export_failed.emit(message)

    def _show_folder(self) -> None:
        if self.last_path is not None:
            self.open_folder(self.last_path.parent)
