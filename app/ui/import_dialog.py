"""Import exchange files: a preview of what each file holds and what importing would do, then
the import itself with progress and Cancel, then each file's outcome.

Both steps run in a worker with its own connection. Each file is one transaction in the core, so
Cancel stops between files: those already imported stay, the rest are untouched. A refused file is
listed with its reason and the batch goes on with the others.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.instrument import Instrument
from app.exchange.importer import WRITING, Envelope, FileReport, Keys
from app.ui import import_texts
from app.ui.announce import show_status
from app.ui.dialogs import confirm
from app.ui.error_text import refusal_reason
from app.ui.lazy_table import LazyTable, Row
from app.ui.texts import counted
from app.ui.worker import Task, run_with_database

COLUMNS = 7
STATUS_COLUMN = 1  # next to the file's name: a refusal's reason must be seen


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog (a queued signal, never a widget).

    The importer reports files as each group of up to 100 is committed, a burst of 100 calls;
    one signal each made the GUI thread take the interpreter lock back from the importing thread
    100 times in a row (a 50-80 ms pause of the window). `report` passes on one step every
    EVERY_S seconds, and always the last."""

    step = Signal(int, int)
    EVERY_S = 0.05

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sent = 0.0

    def report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._sent >= self.EVERY_S:
            self._sent = now
            self.step.emit(done, total)


def _keys(db_path: Path, accept_new_key: bool) -> Keys:
    """The coordinator keys and trusted agency keys beside the data file."""
    from app.services.keys import KeyRing

    return Keys(KeyRing.for_database(db_path), accept_new_key)


def _reason(report: FileReport) -> str:
    """The refusal message without the file name it starts with (the table shows the name)."""
    return report.reason.removeprefix(f"{report.name}: ")


def _batch_copies(reports: list[FileReport]) -> dict[int, str]:
    """{id(report): the name of the first file with the same content} for each later copy.

    The preview compares each file with the data here, not with the other files chosen, so 300
    copies of one export said "300 to import / New". Importing writes the first and finds the
    others exact duplicates; the preview now says so beforehand.
    """
    first: dict[str, str] = {}
    copies: dict[int, str] = {}
    for report in reports:
        if report.file is None or report.status not in WRITING:
            continue
        if report.file.sha256 in first:
            copies[id(report)] = first[report.file.sha256]
        else:
            first[report.file.sha256] = report.name
    return copies


# Rows measured to fit their text up to this many files (~40 ms); more stay two lines high.
MEASURED_ROWS = 300


class ImportDialog(QDialog):
    imported = Signal(int)  # rounds written (new or replaced)
    preview_ready = Signal(list)  # list[FileReport]
    import_done = Signal(list)  # list[FileReport]
    task_failed = Signal(str)

    def __init__(
        self, parent: QWidget | None, db_path: Path, installed: Sequence[Instrument]
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.installed = list(installed)
        self.paths: list[Path] = []
        self.preview: list[FileReport] = []
        self._copy_of: dict[int, str] = {}  # a later copy of a file in the same batch → the first
        self.results: list[FileReport] | None = None
        self.last_task: Task | None = None
        self._cancel = threading.Event()
        self._busy = False
        self.importing = False  # files are being written (a preview only reads)
        self._close_when_stopped = False
        self._stop_agreed = False  # "Stop it and close?" answered yes: never asked twice
        self.confirm: Callable[[QWidget | None, str, str], bool] = confirm
        self._progress = _Progress(self)
        self._progress.step.connect(self._on_progress)
        self.ask_files: Callable[[], list[Path]] = self._ask_files
        self.ask_folder: Callable[[], Path | None] = self._ask_folder
        self.setWindowTitle(self.tr("Import exchange files"))

        intro = QLabel(
            self.tr(
                "Choose the .smsoat files the agencies sent, or a folder of them. You see what"
                " each file holds and what importing it would do before anything is written."
            )
        )
        intro.setWordWrap(True)
        self.files_button = QPushButton(self.tr("Choose &files…"))
        self.files_button.setAccessibleDescription(self.tr("Choose exchange files to import"))
        self.files_button.clicked.connect(self._choose_files)
        self.folder_button = QPushButton(self.tr("Choose a f&older…"))
        self.folder_button.setAccessibleDescription(self.tr("Choose a folder of exchange files"))
        self.folder_button.clicked.connect(self._choose_folder)
        choose = QHBoxLayout()
        choose.addWidget(self.files_button)
        choose.addWidget(self.folder_button)
        choose.addStretch(1)

        # A model table (app/ui/lazy_table.py): 1,000 files filled as QTableWidgetItems held the
        # GUI thread for 110-150 ms after the preview and again after the import (bench_gui.py).
        self.table = LazyTable(self.tr("Files and what importing does with each"))
        self.headers = [
            self.tr("File"),
            self.tr("What happens"),
            self.tr("Agency"),
            self.tr("Round"),
            self.tr("Instrument"),
            self.tr("People"),
            self.tr("Answers"),
        ]
        self.table.show_rows(self.headers, [], lambda _source: Row(()))
        self.table.setWordWrap(True)
        # rows two lines high where there are too many to measure (a cut text shows whole on
        # hover); up to MEASURED_ROWS files each row is as high as its text
        self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 8)
        table_label = QLabel(self.tr("&Preview"))
        table_label.setBuddy(self.table)

        # Asked, never assumed: shown when an agency now signs with another key (issue 15).
        self.accept_key = QCheckBox(
            self.tr(
                "Accept the &new key of an agency that now signs with another key (only after"
                " checking its fingerprint with the agency by phone)"
            )
        )
        self.accept_key.setAccessibleDescription(self.tr("Accept a changed agency key"))
        self.accept_key.hide()
        self.accept_key.toggled.connect(lambda _on: self.paths and self.set_paths(self.paths))

        self.summary = QLabel(self.tr("No files chosen yet."))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        # its name is its text ("Imported 2 round(s)…"), said when it changes
        self.summary.setAccessibleDescription(self.tr("Import summary"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the import"))
        self.cancel_button.setToolTip(
            self.tr("Stops after the file being imported; the files already imported stay.")
        )
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)

        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setAccessibleName(self.tr("Import the files shown"))
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choose)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.accept_key)
        layout.addWidget(self.summary)
        layout.addLayout(progress_row)
        layout.addWidget(buttons)
        self.resize(980, 460)

    # ------------------------------------------------------------ choosing
    def _ask_files(self) -> list[Path]:
        from app.ui import file_dialogs

        return file_dialogs.open_paths(
            self,
            "import",
            self.tr("Import exchange files"),
            self.tr("SMS OAT exchange files (*.smsoat)"),
        )

    def _ask_folder(self) -> Path | None:
        from app.ui import file_dialogs

        return file_dialogs.open_folder(
            self, "import", self.tr("Import a folder of exchange files")
        )

    def _choose_files(self) -> None:
        chosen = self.ask_files()
        if chosen:
            self.set_paths(chosen)

    def _choose_folder(self) -> None:
        chosen = self.ask_folder()
        if chosen is not None:
            self.set_paths([chosen])

    # ------------------------------------------------------------ preview
    def set_paths(self, paths: Sequence[Path]) -> Task | None:
        """Preview these files (folders stand for the .smsoat files in them) in a worker."""
        if self._busy:
            return None
        from app.exchange.importer import preview_files

        self.paths = list(paths)
        self.preview = []
        self.results = None
        self.table.show_rows(self.headers, [], lambda _source: Row(()))
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the files…"))
        db_path, files, installed = self.db_path, self.paths, self.installed
        accept = self.accept_key.isChecked()

        def work(conn: sqlite3.Connection) -> list[FileReport]:
            return preview_files(conn, files, installed, keys=_keys(db_path, accept))

        self._set_busy(True)
        self.last_task = run_with_database(db_path, work, self._previewed, self._failed)
        return self.last_task

    def _previewed(self, reports: list[FileReport]) -> None:
        self._set_busy(False)
        self.preview = reports
        self._copy_of = _batch_copies(reports)
        changed = any(r.error is not None and r.error.code == "key_changed" for r in reports)
        self.accept_key.setVisible(changed or self.accept_key.isChecked())
        self._fill(reports, self._preview_text)
        importable = sum(1 for r in reports if r.status in WRITING and id(r) not in self._copy_of)
        refused = sum(1 for r in reports if r.refused)
        if not reports:
            show_status(self.summary, self.tr("No .smsoat files found there."))
        else:
            show_status(
                self.summary,
                self.tr(
                    "{0}: {1} to import, {2} with nothing to do, {3}. Nothing has been written yet."
                ).format(
                    counted("file", len(reports)),
                    importable,
                    len(reports) - importable - refused,
                    counted("refused", refused),
                ),
            )
        self.import_button.setEnabled(importable > 0)
        (self.import_button if importable else self.table).setFocus()
        self.preview_ready.emit(reports)

    def refusal_text(self, report: FileReport) -> str:
        """Why a file is refused, in the interface's language, with what to do. The core's
        message (English, with the technical detail) is the cell's tooltip and is in the log."""
        reason = refusal_reason(report.error) if report.error is not None else None
        return self.tr("Refused: {0}").format(reason or _reason(report))

    def changes_text(self, report: FileReport, done: bool) -> str:
        return import_texts.changes_text(report, done)

    def _preview_text(self, report: FileReport) -> str:
        if report.refused:
            return self.refusal_text(report)
        first = self._copy_of.get(id(report))
        if first is not None:
            return self.tr("Copy of {0} in this batch: imported once, nothing more to do").format(
                first
            )
        info = report.envelope_info
        envelope = "\n" + self.envelope_text(info) if info is not None else ""
        return self._plain_preview_text(report) + self.changes_text(report, done=False) + envelope

    def envelope_text(self, info: Envelope) -> str:
        return import_texts.envelope_text(info)

    def _plain_preview_text(self, report: FileReport) -> str:
        return {
            "new": self.tr("New: a round not here yet"),
            "revision": self.tr(
                "Newer revision of a round here: it replaces that round (the old one stays in"
                " the change log)"
            ),
            "duplicate": self.tr("Exact duplicate of the round here: nothing to do"),
            "older": self.tr("Older than the copy here: the copy here is kept"),
        }[report.status]

    def _fill(self, reports: list[FileReport], status: Callable[[FileReport], str]) -> None:
        def format_row(report: FileReport) -> Row:
            cells = [
                report.name,
                status(report),
                report.agency_name,
                report.round_name,
                report.instrument_label,
                "" if report.file is None else str(report.respondent_count),
                "" if report.file is None else str(report.answer_count),
            ]
            tips = list(cells)
            tips[0] = report.shown_path
            if report.refused:
                tips[STATUS_COLUMN] = _reason(report)
            return Row(cells, [report.status] * len(cells), tips=tips)

        self.table.show_rows(self.headers, reports, format_row)
        header = self.table.horizontalHeader()
        if header.sectionSize(STATUS_COLUMN) < 360:
            header.resizeSection(STATUS_COLUMN, 360)
        if len(reports) <= MEASURED_ROWS:
            self.table.resizeRowsToContents()  # every line of "What happens" shows

    # ------------------------------------------------------------ import
    def start_import(self) -> Task | None:
        if self._busy or not any(r.status in WRITING for r in self.preview):
            return None
        from app.exchange.importer import import_files

        files = [r.path for r in self.preview]
        db_path, installed = self.db_path, self.installed
        accept = self.accept_key.isChecked()
        cancel, progress = self._cancel, self._progress
        cancel.clear()

        def work(conn: sqlite3.Connection) -> list[FileReport]:
            return import_files(
                conn,
                files,
                installed,
                on_progress=lambda done, total, _r: progress.report(done, total),
                should_cancel=cancel.is_set,
                keys=_keys(db_path, accept),
            )

        self.import_button.setEnabled(False)
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.summary.setText(self.tr("Importing…"))
        self._set_busy(True)
        self.importing = True
        self.cancel_button.setFocus()
        self.last_task = run_with_database(db_path, work, self._imported, self._failed)
        return self.last_task

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if done >= total:
            # the last file is in: nothing is left to cancel while the results are shown
            self.cancel_button.setEnabled(False)
        if not self._cancel.is_set():
            self.summary.setText(self.tr("Imported {0} of %n file(s)…", "", total).format(done))

    def cancel(self) -> None:
        """Stop after the file being imported; the files already imported stay."""
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.summary.setText(self.tr("Stopping after the current file…"))

    def _imported(self, reports: list[FileReport]) -> None:
        self._set_busy(False)
        self.importing = False
        self.progress.hide()
        self.cancel_button.hide()
        # Files the import never reached (cancelled) keep their preview, marked as not imported.
        skipped = self.preview[len(reports) :]
        self.results = reports
        not_reached = {id(r) for r in skipped}
        self._fill(
            [*reports, *skipped],
            lambda r: (
                self.tr("Not imported: stopped before it")
                if id(r) in not_reached
                else self._outcome_text(r)
            ),
        )
        written = sum(1 for r in reports if r.written)
        refused = sum(1 for r in reports if r.refused)
        unchanged = len(reports) - written - refused
        text = self.tr("Imported {0}; {1} unchanged; {2}.").format(
            counted("round", written), counted("file", unchanged), counted("refused", refused)
        )
        if skipped:
            text += " " + self.tr("Stopped: %n file(s) not imported.", "", len(skipped))
        show_status(self.summary, text)
        self.table.setFocus()
        self.import_done.emit(reports)
        self._close_if_asked()
        self.imported.emit(written)

    def _outcome_text(self, report: FileReport) -> str:
        if report.refused or not report.written:
            return self._plain_outcome_text(report)
        return self._plain_outcome_text(report) + self.changes_text(report, done=True)

    def _plain_outcome_text(self, report: FileReport) -> str:
        if report.refused:
            return self.refusal_text(report)
        if report.written:
            if report.status == "new":
                return self.tr("Imported: a new round")
            return self.tr("Imported: replaced the round here (the old one is in the change log)")
        if report.status == "duplicate":
            return self.tr("Unchanged: exactly the same as the round here")
        return self.tr("Unchanged: the round here is newer than the file")

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.importing = False
        self.progress.hide()
        self.cancel_button.hide()
        show_status(self.summary, self.tr("Not done: {0}").format(message), assertive=True)
        self.import_button.setEnabled(
            self.results is None and any(r.status in WRITING for r in self.preview)
        )
        self.task_failed.emit(message)
        self._close_if_asked()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.files_button.setEnabled(not busy)
        self.folder_button.setEnabled(not busy)

    def reject(self) -> None:
        """Close (Esc, Close, the title bar's ×). During an import it asks first, then stops
        between files and closes once the file being written is done: nothing is ever
        half-written, and no result arrives at a dialog already gone."""
        if not self.importing or self._stop_agreed:  # asked once is enough (the app quitting
            self._cancel.set()  # closes every window again); a preview only reads
            super().reject()
            return
        if self.ask_to_stop():
            self._close_when_stopped = True

    def ask_to_stop(self) -> bool:
        """ "An import is running. Stop it and close?" True (and the import is stopping) when the
        answer is yes, or when no import is running; the main window asks this before closing."""
        if not self.importing:
            return True
        if not self.confirm(
            self,
            self.tr("Import running"),
            self.tr("An import is running. Stop it and close?"),
        ):
            return False
        self._stop_agreed = True
        self.cancel()
        return True

    def _close_if_asked(self) -> None:
        if self._close_when_stopped:
            self._close_when_stopped = False
            super().reject()
