"""Export one round as an `.smsoat` file for the state coordinator.

The dialog says plainly what leaves the laptop before anything is written: team members by role
only unless the lead ticks names, comments in or out, and the rest of the round's content. The
file is built in a worker with its own connection and written atomically, so a failure never
leaves half a file where the coordinator might pick it up.

By role only, pressing Export first lists every text of the file that may still name a team
member (a nickname, a name not on the team list: app/services/name_leaks.py); the lead closes
the dialog to edit them, or presses "Export anyway". The check reads the round on the GUI thread
(one small round, milliseconds); the file itself is still built in the worker.
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
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import SmsOatError
from app.exchange.export import Privacy
from app.exchange.format import EXTENSION
from app.services.export_summary import export_summary
from app.services.files import file_stem
from app.services.name_leaks import Leak
from app.services.redaction import Redactor
from app.ui.announce import show_status
from app.ui.dialogs import open_path
from app.ui.error_text import user_message
from app.ui.file_dialogs import remember, start_folder
from app.ui.texts import counted, role_label
from app.ui.worker import Task, run_with_database


class ExportDialog(QDialog):
    exported = Signal(object)  # the Path written
    export_failed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None,
        db_path: Path,
        round_id: int,
        conn: sqlite3.Connection,
        *,
        read_only: bool = False,  # the keys dialog it opens then only looks and saves
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.read_only = read_only
        self.keys_dialog: QDialog | None = None
        self.round_id = round_id
        self.conn = conn  # the GUI thread's: reads the round document for the name check
        self._shown_leaks: list[tuple[str, str, str]] | None = None
        self.last_task: Task | None = None
        self.last_path: Path | None = None
        self.open_folder: Callable[[Path], None] = open_path
        self.ask_path: Callable[[Path], Path | None] = self._ask_path
        summary = export_summary(conn, round_id)
        rnd, org = summary.round, summary.organization
        self.people = summary.people
        self.withdrawn = summary.withdrawn
        self.answers = summary.answers
        self.comment_rows = summary.comments
        self.comment_count = len(self.comment_rows)
        # roles only: the list shows each comment as it will leave, names replaced by roles
        self.redact = Redactor.for_respondents(summary.everyone)
        self.agreed = summary.agreed
        self.priorities = summary.priorities
        self.round_open = rnd.status == "open"
        self.seal_keys = self._seal_keys()
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
        # not sealed: the way to the coordinator's key, right beside the warning
        self.keys_button = QPushButton(self.tr("Exchange &keys…"))
        self.keys_button.setAccessibleDescription(
            self.tr("Install the coordinator's key so that the export is sealed")
        )
        self.keys_button.clicked.connect(self.open_keys)
        box.addWidget(self.keys_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.names.toggled.connect(lambda _on: self._describe())
        self.names.toggled.connect(lambda _on: self._forget_leaks())
        self.names.toggled.connect(lambda _on: self._fill_comments())
        self.comments.toggled.connect(lambda _on: self._describe())
        self.comments.toggled.connect(lambda _on: self._fill_comments())
        self.comment_list.itemChanged.connect(lambda _item: self._describe())

        self.path_edit = QLineEdit(
            str(
                start_folder("exchange") / f"{file_stem(org.name)}-{file_stem(rnd.name)}{EXTENSION}"
            )
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

        # roles only: text that may still name a team member, listed before it leaves
        self.leak_note = QLabel(
            self.tr(
                "These texts may still name a team member (a nickname, a short form or a name"
                " not on the team list). Close this window to edit them (the meeting, the action"
                " plan or the comment), untick the comments, or press Export anyway to send them"
                " as they are."
            )
        )
        self.leak_note.setWordWrap(True)
        self.leak_note.hide()
        self.leak_list = QListWidget()
        self.leak_list.setAccessibleName(self.tr("Texts that may still name a team member"))
        self.leak_list.setWordWrap(True)
        self.leak_list.hide()

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
        layout.addWidget(self.leak_note)
        layout.addWidget(self.leak_list)
        layout.addLayout(path_row)
        layout.addLayout(status_row)
        layout.addWidget(buttons)
        self._describe()
        self.setMinimumWidth(640)
        self.resize(720, self.sizeHint().height())

    # ------------------------------------------------------------ sealed or not
    def _seal_keys(self) -> list[str]:
        from app.services.keys import KeyRing

        try:
            return [k.fingerprint for k in KeyRing.for_database(self.db_path).recipients()]
        except SmsOatError:
            return []

    def open_keys(self) -> QDialog:
        """File › Exchange keys… from here; when it closes, whether the file will be sealed is
        read again (a key added there seals this export)."""
        from app.ui.keys_dialog import KeysDialog

        dialog = KeysDialog(self, self.db_path, read_only=self.read_only)
        dialog.finished.connect(lambda _result: self._reread_sealing())
        self.keys_dialog = dialog
        dialog.open()
        return dialog

    def _reread_sealing(self) -> None:
        self.seal_keys = self._seal_keys()
        self._describe()

    # ------------------------------------------------------------ what the file holds
    def _describe(self) -> None:
        lines = [
            self.tr("The file will hold:"),
            self.tr("• the agency: name, site, region, state identifier"),
            self.tr("• the round: name, review period, status"),
        ]
        if self.names.isChecked():
            lines.append(
                self.tr("• the answers of {0} ({1}), with their names").format(
                    counted("team_member", self.people), counted("answer", self.answers)
                )
            )
        else:
            lines.append(
                self.tr("• the answers of {0} ({1}), by role only — no names").format(
                    counted("team_member", self.people), counted("answer", self.answers)
                )
            )
        if self.withdrawn:
            lines.append(
                self.tr(
                    "• not included: %n withdrawn team member(s) and their answers",
                    "",
                    self.withdrawn,
                )
            )
        if self.comments.isChecked():
            lines.append(
                self.tr(
                    "• {0} of their %n comment(s) on answers, as ticked below",
                    "",
                    self.comment_count,
                ).format(len(self.chosen_comments()))
            )
        else:
            lines.append(self.tr("• no comments"))
        lines += [
            self.tr("• %n agreed consensus answer(s) with their rationale", "", self.agreed),
            self.tr("• the action plan (%n priorities)", "", self.priorities),
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
                    " (File › Exchange keys…)."
                )
            )
        self.keys_button.setVisible(not self.seal_keys)
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
        from app.ui import file_dialogs

        return file_dialogs.save_path(
            self,
            "exchange",
            self.tr("Export for the state"),
            suggested.name,
            self.tr("SMS OAT exchange files (*.smsoat)"),
        )

    def _browse(self) -> None:
        chosen = self.ask_path(self.target())
        if chosen is not None:
            self.path_edit.setText(str(chosen))

    def target(self) -> Path:
        text = self.path_edit.text().strip()
        path = Path(text).expanduser() if text else start_folder("exchange") / f"round{EXTENSION}"
        if path.suffix.lower() != EXTENSION:
            path = path.with_name(path.name + EXTENSION)
        return path

    # ------------------------------------------------------------ exporting
    def export(self) -> Task | None:
        from app.exchange.export import export_round
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
        if not privacy.names and self._stop_for_leaks(privacy):
            return None
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

    # ------------------------------------------------------------ names left in the text
    def name_leaks(self, privacy: Privacy) -> list[Leak]:
        """The file's free text that may still name a team member (app/services/name_leaks)."""
        from app.exchange.export import round_document
        from app.services.name_leaks import find_leaks, round_vocabulary, team_names

        document = round_document(self.conn, self.round_id, privacy)
        return find_leaks(
            document,
            team_names(self.conn, self.round_id),
            round_vocabulary(self.conn, self.round_id),
        )

    def _stop_for_leaks(self, privacy: Privacy) -> bool:
        """Show the texts that may still name someone and stop, once: pressing Export again
        with the same list sends anyway; a different list (ticks changed) is shown again."""
        try:
            leaks = self.name_leaks(privacy)
        except SmsOatError as exc:
            self._failed(user_message(exc))
            return True
        key = [(leak.field, leak.where, leak.text) for leak in leaks]
        self.leak_list.clear()
        for leak in leaks:
            self.leak_list.addItem(self.leak_text(leak))
        self.leak_list.setVisible(bool(leaks))
        self.leak_note.setVisible(bool(leaks))
        if not leaks or key == self._shown_leaks:
            return False
        self._shown_leaks = key
        self.export_button.setText(self.tr("Export &anyway"))
        self.status.setText(
            self.tr(
                "Not exported yet: {0} text(s) may still name a team member (listed above)."
            ).format(len(leaks))
        )
        self.leak_list.setFocus()
        return True

    def _forget_leaks(self) -> None:
        """Names ticked or unticked: the list no longer says what would leave; the next Export
        checks again."""
        self._shown_leaks = None
        self.leak_list.clear()
        self.leak_list.hide()
        self.leak_note.hide()
        self.export_button.setText(self.tr("&Export"))

    def leak_text(self, leak: Leak) -> str:
        """One line of the list: where the text is, the words found, and the text."""
        fields = {
            "comment": self.tr("Comment on {0}"),
            "rationale": self.tr("Rationale for {0}"),
            "goal": self.tr("Priority {0}: goal"),
            "owner": self.tr("Priority {0}: owner"),
            "measure_how": self.tr("Priority {0}: how it is measured"),
            "measure_who": self.tr("Priority {0}: who measures"),
            "measure_frequency": self.tr("Priority {0}: how often"),
            "do_notes": self.tr("Cycle {0}: Do notes"),
            "study_notes": self.tr("Cycle {0}: Study notes"),
            "act_notes": self.tr("Cycle {0}: Act notes"),
        }
        place = fields.get(leak.field, self.tr("Cycle {0}: plan")).format(leak.where)
        text = leak.text if len(leak.text) <= 160 else leak.text[:159] + "…"
        return self.tr("{0} — “{1}”: {2}").format(place, ", ".join(leak.words), text)

    def _done(self, path: Path) -> None:
        self.last_path = path
        remember("exchange", path)  # a typed path counts as much as a browsed one
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
