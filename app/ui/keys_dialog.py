"""File › Exchange keys…: everything `smsoat keys …` does, in one dialog (issue 15).

A state office makes its coordinator key pair here, reads its fingerprint to agencies over the
phone (copyable) and saves the public key file it hands out. An agency installs that file (and a
deputy's) and removes one that is no longer wanted. Both move their keys to a new laptop with a
passphrase-protected file. The keys themselves are Qt-free (`app/services/keys.py`); this only
asks and shows.

Files the user picks are read with a bound (a folder, a pipe or `/dev/zero` is refused in one
line); files the dialog writes go through the output-path guard, so a careless click cannot
replace the data file or a key. Opening or writing a passphrase-protected file takes a second or
two (age's scrypt), so it runs in a worker. The file pickers, the passphrase prompt and the
confirmation are attributes, so tests replace them (no modal `exec()` on a tested path).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
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
from app.services.keys import KeyRing, PublicKey
from app.ui.error_text import user_message
from app.ui.worker import Task, run_task

PUBLIC_SUFFIX = ".pub"
KEYS_SUFFIX = ".age"


class KeysDialog(QDialog):
    changed = Signal()  # a key was made, installed, removed or restored
    task_done = Signal(str)  # the status line after a background step (tests wait on it)

    def __init__(self, parent: QWidget | None, db_path: Path, *, read_only: bool = False) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.ring = KeyRing.for_database(db_path)
        self.read_only = read_only
        self.last_task: Task | None = None
        self._has_recipients = False
        self.ask_save: Callable[[str, Path, str], Path | None] = self._ask_save
        self.ask_open: Callable[[str, str], Path | None] = self._ask_open
        self.ask_passphrase: Callable[[bool], str | None] = self._ask_passphrase
        self.confirm: Callable[[str], bool] = self._confirm
        self.setWindowTitle(self.tr("Exchange keys"))

        intro = QLabel(
            self.tr(
                "Exports are sealed so that only the state coordinator can open them, and signed"
                " so that the coordinator sees which agency sent them. Keys stay in the data"
                " folder and go into every backup; save them with a passphrase to move them to"
                " a new laptop."
            )
        )
        intro.setWordWrap(True)

        # --- the coordinator's own key pair (state office)
        mine = QGroupBox(self.tr("This laptop's coordinator key (state office)"))
        self.coordinator_note = QLabel()
        self.coordinator_note.setWordWrap(True)
        self.coordinator_note.setTextFormat(Qt.TextFormat.PlainText)
        self.fingerprint = QLineEdit()
        self.fingerprint.setReadOnly(True)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint of the coordinator key"))
        fingerprint_label = QLabel(self.tr("&Fingerprint:"))
        fingerprint_label.setBuddy(self.fingerprint)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleDescription(self.tr("Copy the fingerprint"))
        self.copy_button.clicked.connect(self.copy_fingerprint)
        self.public_key = QLineEdit()
        self.public_key.setReadOnly(True)
        self.public_key.setAccessibleName(self.tr("Coordinator public key"))
        public_label = QLabel(self.tr("P&ublic key:"))
        public_label.setBuddy(self.public_key)
        self.create_button = QPushButton(self.tr("C&reate the coordinator key pair"))
        self.create_button.clicked.connect(self.create_key)
        self.save_public_button = QPushButton(self.tr("&Save the public key file…"))
        self.save_public_button.setAccessibleDescription(
            self.tr("Save the public key file to hand to agencies")
        )
        self.save_public_button.clicked.connect(self.save_public)
        fp_row = QHBoxLayout()
        fp_row.addWidget(fingerprint_label)
        fp_row.addWidget(self.fingerprint, 1)
        fp_row.addWidget(self.copy_button)
        pub_row = QHBoxLayout()
        pub_row.addWidget(public_label)
        pub_row.addWidget(self.public_key, 1)
        mine_buttons = QHBoxLayout()
        mine_buttons.addWidget(self.create_button)
        mine_buttons.addWidget(self.save_public_button)
        mine_buttons.addStretch(1)
        box = QVBoxLayout(mine)
        box.addWidget(self.coordinator_note)
        box.addLayout(fp_row)
        box.addLayout(pub_row)
        box.addLayout(mine_buttons)

        # --- coordinator keys this agency seals its exports for
        sealing = QGroupBox(self.tr("Coordinator keys that seal this agency's exports"))
        self.recipients = QListWidget()
        self.recipients.setAccessibleName(self.tr("Installed coordinator keys"))
        self.recipients.currentRowChanged.connect(lambda _row: self._enable())
        self.add_button = QPushButton(self.tr("&Add a coordinator's public key…"))
        self.add_button.clicked.connect(self.add_public)
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.setAccessibleDescription(self.tr("Remove the chosen coordinator key"))
        self.remove_button.clicked.connect(self.remove_selected)
        sealing_buttons = QHBoxLayout()
        sealing_buttons.addWidget(self.add_button)
        sealing_buttons.addWidget(self.remove_button)
        sealing_buttons.addStretch(1)
        box = QVBoxLayout(sealing)
        box.addWidget(self.recipients)
        box.addLayout(sealing_buttons)

        # --- the agency's signing key
        signing = QGroupBox(self.tr("This agency's signing key"))
        self.signing_note = QLabel()
        self.signing_note.setWordWrap(True)
        self.signing_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signing_note.setTextFormat(Qt.TextFormat.PlainText)
        QVBoxLayout(signing).addWidget(self.signing_note)

        # --- moving keys
        moving = QGroupBox(self.tr("Moving to a new laptop"))
        self.export_button = QPushButton(self.tr("Save all &keys with a passphrase…"))
        self.export_button.clicked.connect(self.export_keys)
        self.import_button = QPushButton(self.tr("Res&tore keys from a file…"))
        self.import_button.setAccessibleDescription(self.tr("Restore keys saved with a passphrase"))
        self.import_button.clicked.connect(self.restore_keys)
        row = QHBoxLayout(moving)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Keys status"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(mine)
        layout.addWidget(sealing)
        layout.addWidget(signing)
        layout.addWidget(moving)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self.refresh()
        self.recipients.setMaximumHeight(self.recipients.sizeHintForRow(0) * 4 + 8)
        self.resize(720, self.sizeHint().height())

    # ------------------------------------------------------------ showing
    def coordinator_key(self) -> PublicKey | None:
        keys = self.ring.coordinator_keys()
        return keys[0] if keys else None

    def refresh(self) -> None:
        """Show the keys as they are in the folder now (a damaged one is said, not raised)."""
        try:
            key = self.coordinator_key()
            installed = self.ring.recipients()
            signing = self.ring.signing_fingerprint()
        except SmsOatError as exc:
            key, installed, signing = None, [], None
            self.status.setText(user_message(exc))
        if key is None:
            self.coordinator_note.setText(
                self.tr(
                    "No coordinator key here. A state office makes one, once; agencies do not"
                    " need one."
                )
            )
            self.fingerprint.clear()
            self.public_key.clear()
        else:
            self.coordinator_note.setText(
                self.tr(
                    "Files sealed for this key open here. Read the fingerprint to agencies over"
                    " the phone so they can check the public key file they received."
                )
            )
            self.fingerprint.setText(key.fingerprint)
            self.public_key.setText(key.recipient)
        self.recipients.clear()
        for public in installed:
            # the fingerprint is what is compared by phone; the whole key is in the tooltip
            short = f"{public.recipient[:12]}…{public.recipient[-6:]}"
            item = QListWidgetItem(
                self.tr("Fingerprint {0}  (key {1})").format(public.fingerprint, short)
            )
            item.setToolTip(public.recipient)
            item.setData(Qt.ItemDataRole.UserRole, public.recipient)
            self.recipients.addItem(item)
        if not installed:
            self.recipients.addItem(
                self.tr("None: exports are not sealed (anyone who finds a file can read it).")
            )
        self._has_recipients = bool(installed)
        if signing is None:
            self.signing_note.setText(self.tr("Made on the first export from this data."))
        else:
            self.signing_note.setText(self.tr("Fingerprint: {0}").format(signing))
        self._enable()

    def _enable(self) -> None:
        has_key = bool(self.fingerprint.text())
        writable = not self.read_only
        self.create_button.setEnabled(writable and not has_key)
        self.copy_button.setEnabled(has_key)
        self.save_public_button.setEnabled(has_key)
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(
            writable and self._has_recipients and self.recipients.currentRow() >= 0
        )
        self.import_button.setEnabled(writable)

    def copy_fingerprint(self) -> None:
        QGuiApplication.clipboard().setText(self.fingerprint.text())
        self.status.setText(self.tr("Fingerprint copied."))

    # ------------------------------------------------------------ asking (replaced in tests)
    def _ask_save(self, title: str, suggested: Path, filters: str) -> Path | None:
        from app.ui.file_dialogs import save_path

        return save_path(self, "keys", title, suggested.name, filters)

    def _ask_open(self, title: str, filters: str) -> Path | None:
        from app.ui.file_dialogs import open_paths

        chosen = open_paths(self, "keys", title, filters, many=False)
        return chosen[0] if chosen else None

    def _ask_passphrase(self, twice: bool) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        echo = QLineEdit.EchoMode.Password
        title = self.tr("Passphrase")
        first, ok = QInputDialog.getText(self, title, self.tr("Passphrase:"), echo)
        if not ok:
            return None
        if twice:
            again, ok = QInputDialog.getText(self, title, self.tr("Passphrase again:"), echo)
            if not ok:
                return None
            if again != first:
                self.status.setText(self.tr("The two passphrases differ; nothing was written."))
                return None
        return first

    def _confirm(self, text: str) -> bool:
        from app.ui.dialogs import confirm

        return confirm(self, self.tr("Exchange keys"), text)

    # ------------------------------------------------------------ acting
    def _fail(self, exc: SmsOatError) -> None:
        self.status.setText(user_message(exc))

    def create_key(self) -> None:
        try:
            key = self.ring.create_coordinator()
        except SmsOatError as exc:
            self._fail(exc)
            return
        self.refresh()
        self.status.setText(
            self.tr(
                "Coordinator key made, fingerprint {0}. Save the public key file for the"
                " agencies, and save all keys with a passphrase: without a copy, files sealed"
                " for this key cannot be opened on another laptop."
            ).format(key.fingerprint)
        )
        self.changed.emit()

    def save_public(self) -> Path | None:
        from app.services.files import write_output

        key = self.coordinator_key()
        if key is None:
            return None
        suggested = Path(f"coordinator-{key.fingerprint}{PUBLIC_SUFFIX}")
        path = self.ask_save(
            self.tr("Save the public key file"),
            suggested,
            self.tr("Public key files (*.pub);;All files (*)"),
        )
        if path is None:
            return None
        text = "".join(self.ring.public_file_text(k) for k in self.ring.coordinator_keys())
        try:  # the output-path guard: never the data file, a backup or a key
            write_output(path, text.encode("ascii"), self.db_path, private=False)
        except SmsOatError as exc:
            self._fail(exc)
            return None
        self.status.setText(
            self.tr("Saved the public key file {0}. Give it to the agencies.").format(path)
        )
        return path

    def add_public(self) -> None:
        from app.services.keys import MAX_KEYS_EXPORT, is_keys_export, key_text, read_key_bytes

        path = self.ask_open(
            self.tr("Add a coordinator's public key"),
            self.tr("Public key files (*.pub *.txt);;All files (*)"),
        )
        if path is None:
            return
        try:
            data = read_key_bytes(path, MAX_KEYS_EXPORT)
            if is_keys_export(data):
                self.status.setText(
                    self.tr(
                        "{0} holds keys saved with a passphrase, not a public key: use “Restore"
                        " keys from a file…”. Nothing was changed."
                    ).format(path.name)
                )
                return
            added = self.ring.add_recipient(key_text(data, path.name), path.name)
        except SmsOatError as exc:
            self._fail(exc)
            return
        self.refresh()
        if added:
            self.status.setText(
                self.tr(
                    "Exports are now sealed for the key with fingerprint {0}. Check it with the"
                    " state coordinator by phone."
                ).format(", ".join(k.fingerprint for k in added))
            )
            self.changed.emit()
        else:
            self.status.setText(self.tr("That coordinator key was already installed."))

    def remove_selected(self) -> bool:
        item = self.recipients.currentItem()
        recipient = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        if not recipient:
            return False
        question = self.tr(
            "Stop sealing exports for this coordinator key? Files already sent stay as they are."
        )
        if not self.confirm(question):
            return False
        try:
            self.ring.remove_recipient(str(recipient))
        except SmsOatError as exc:
            self._fail(exc)
            return False
        self.refresh()
        self.status.setText(
            self.tr("Removed.")
            if self._has_recipients
            else self.tr("Removed. No coordinator key is left: exports will not be sealed.")
        )
        self.changed.emit()
        return True

    def export_keys(self) -> Task | None:
        from app.services.files import write_output

        if not self.ring.private_files():
            self.status.setText(self.tr("There are no keys here to save yet."))
            return None
        path = self.ask_save(
            self.tr("Save all keys with a passphrase"),
            Path(f"smsoat-keys{KEYS_SUFFIX}"),
            self.tr("Saved keys (*.age);;All files (*)"),
        )
        if path is None:
            return None
        passphrase = self.ask_passphrase(True)
        if not passphrase:
            if passphrase == "":
                self.status.setText(self.tr("Give a passphrase to protect the keys."))
            return None
        ring, db_path = self.ring, self.db_path

        def work() -> Path:
            write_output(path, ring.export_private(passphrase), db_path, private=True)
            return path

        def done(written: Path) -> None:
            self._finished(
                self.tr(
                    "Saved the keys to {0}, protected by the passphrase. Keep the file and the"
                    " passphrase apart."
                ).format(written)
            )

        return self._run(work, done)

    def restore_keys(self) -> Task | None:
        from app.services.keys import MAX_KEYS_EXPORT, is_keys_export, read_key_bytes

        path = self.ask_open(
            self.tr("Restore keys from a file"), self.tr("Saved keys (*.age);;All files (*)")
        )
        if path is None:
            return None
        try:
            data = read_key_bytes(path, MAX_KEYS_EXPORT)
        except SmsOatError as exc:
            self._fail(exc)
            return None
        if not is_keys_export(data):
            self.status.setText(
                self.tr(
                    "{0} is not a keys file saved with a passphrase (a public key file is added"
                    " with “Add a coordinator's public key…”). Nothing was changed."
                ).format(path.name)
            )
            return None
        passphrase = self.ask_passphrase(False)
        if passphrase is None:
            return None
        ring = self.ring

        def done(restored: list[str]) -> None:
            self.refresh()
            self._finished(self.tr("Restored {0} key file(s).").format(len(restored)))
            self.changed.emit()

        return self._run(lambda: ring.import_private(data, passphrase), done)

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> Task:
        self._busy(True)
        self.status.setText(self.tr("Working…"))

        def failed(message: str) -> None:
            self._finished(message)

        self.last_task = run_task(work, done, failed)
        return self.last_task

    def _finished(self, text: str) -> None:
        self._busy(False)
        self.status.setText(text)
        self.task_done.emit(text)

    def _busy(self, busy: bool) -> None:
        for button in (self.export_button, self.import_button, self.add_button):
            button.setEnabled(not busy)
        if not busy:
            self._enable()
