"""Coordinator mode: the state picture of one instrument over a chosen period.

Who has reported and who has not, the state's distribution per domain (table and box-plot chart),
each agency against the state median, and each agency's change since its previous round;
incomplete data is flagged in words. A peer group (region=North …) limits the picture to its
agencies; "Agencies, links and due…" (app/ui/agencies_dialog.py) links records, sets groups and
lists who is due. The screen's roll-up is worked out in a worker on its own connection (at
country scale, 10,000 agencies, it takes seconds; the page shows at once and says "Working out
the state picture…" over the figures it had) and its tables format only the rows on the screen;
the exports compute it again in a worker, then build and write the file there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.instrument import Instrument
from app.reports.outputs import ROLLUP_KINDS, suggested_name
from app.services.agencies import group_choices
from app.services.rollup import MIN_GROUP, Rollup, compute_rollup, instruments_with_rounds
from app.services.state_picture import StatePicture, state_picture
from app.ui.announce import show_status
from app.ui.dialogs import add_months, open_path
from app.ui.rollup_view import RollupView
from app.ui.texts import counted, date_edit_format
from app.ui.worker import Task, run_with_database

if TYPE_CHECKING:
    from app.ui.agencies_dialog import AgenciesDialog

EXPORT_KINDS = tuple(suffix[1:] for suffix in ROLLUP_KINDS)  # xlsx, csv, pdf


class CoordinatorPage(QWidget):
    back = Signal()
    imported = Signal(int)  # rounds written by an import started here
    file_written = Signal(object)  # the Path of an export
    write_failed = Signal(str)
    picture_shown = Signal()  # the figures for the current choices are on the screen

    def __init__(self, conn: sqlite3.Connection, lang: str, db_path: Path) -> None:
        super().__init__()
        self.conn = conn
        self.lang = lang
        self.db_path = db_path
        self.paper = "letter"
        self.installed: list[Instrument] | None = None  # None: the default catalog
        self.rollup: Rollup | None = None
        self.last_task: Task | None = None
        self.compute_task: Task | None = None
        self.computing = False  # a state picture is being worked out in the background
        self.generation = 0  # the choices' version: an answer for older ones is dropped
        self.last_path: Path | None = None
        self.dialog: QWidget | None = None
        self.open_import: Callable[[], None] = self._open_import
        self.ask_path: Callable[[str, str], Path | None] = self._ask_path
        self.open_folder: Callable[[Path], None] = open_path
        # open_path says so when no program opens the file, and offers its folder instead
        self.open_file: Callable[[Path], None] = lambda path: open_path(path, self)

        self.back_button = QPushButton(self.tr("← H&ome"))
        self.back_button.setAccessibleDescription(self.tr("Back to the agencies"))
        self.back_button.clicked.connect(self.back)
        title = QLabel(self.tr("State coordinator: who reported and the state picture"))
        title.setObjectName("pageTitle")
        title.setWordWrap(True)

        self.instrument = QComboBox()
        self.instrument.setAccessibleName(self.tr("Instrument"))
        # long titles (Spanish ones above all) must not widen the window past a 1366-pixel screen
        self.instrument.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.instrument.setMinimumContentsLength(28)
        instrument_label = QLabel(self.tr("I&nstrument:"))
        instrument_label.setBuddy(self.instrument)
        today = date.today()
        self.since = self._date_edit(add_months(today, -6), self.tr("Period from"))
        self.until = self._date_edit(today, self.tr("Period to"))
        since_label = QLabel(self.tr("Fro&m:"))
        since_label.setBuddy(self.since)
        until_label = QLabel(self.tr("&To:"))
        until_label.setBuddy(self.until)
        self.all_time = QCheckBox(self.tr("&All time"))
        self.all_time.setAccessibleName(self.tr("All time: ignore the period"))
        self.all_time.setToolTip(
            self.tr("A round counts in the period when its review period ends in it.")
        )
        self.all_time.toggled.connect(self._all_time_toggled)
        self.group = QComboBox()
        self.group.setAccessibleName(self.tr("Peer group"))
        self.group.setToolTip(
            self.tr("Compare within a peer group; fewer than 5 agencies hide its statistics.")
        )
        group_label = QLabel(self.tr("Compare b&y group:"))
        group_label.setBuddy(self.group)
        self.group.currentIndexChanged.connect(lambda _i: self.refresh())
        self.instrument.currentIndexChanged.connect(lambda _i: self.refresh())
        self.since.dateChanged.connect(lambda _d: self.refresh())
        self.until.dateChanged.connect(lambda _d: self.refresh())

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleDescription(self.tr("Summary of the state picture"))

        self.view = RollupView(conn, lang)
        # the view's parts, for the main window's shortcuts and for tests
        self.tabs = self.view
        self.reporting = self.view.reporting
        self.domains = self.view.domains
        self.chart = self.view.chart
        self.versus = self.view.versus
        self.changes = self.view.changes

        self.import_button = QPushButton(self.tr("&Import files…"))
        self.import_button.setAccessibleDescription(self.tr("Import exchange files from agencies"))
        self.import_button.clicked.connect(lambda: self.open_import())
        self.xlsx_button = QPushButton(self.tr("Export &workbook (XLSX)…"))
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.pdf_button = QPushButton(self.tr("State &report (PDF)…"))
        self.xlsx_button.setAccessibleDescription(
            self.tr("Export the roll-up as an Excel workbook")
        )
        self.csv_button.setAccessibleDescription(self.tr("Export the roll-up as CSV"))
        self.pdf_button.setAccessibleDescription(self.tr("Save the state report as PDF"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setAccessibleDescription(self.tr("Export status"))  # its name is its text
        # after saving, as the PDF reports offer: open the file, or show it in its folder
        # No Alt+letter: none is free in both languages (Alt+O is ← Home). Saving puts the focus
        # on Open file (Enter opens it) and Tab goes on to Show in folder.
        self.open_button = QPushButton(self.tr("Open file"))
        self.open_button.setAccessibleDescription(self.tr("Open the exported file"))
        self.open_button.clicked.connect(self._open_file)
        self.open_button.hide()
        self.folder_button = QPushButton(self.tr("Show in folder"))
        self.folder_button.setAccessibleDescription(self.tr("Show the exported file in its folder"))
        self.folder_button.clicked.connect(self._show_folder)
        self.folder_button.hide()

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(title, 1)
        choices = QHBoxLayout()
        choices.addWidget(instrument_label)
        choices.addWidget(self.instrument, 2)
        choices.addSpacing(12)
        for widget in (since_label, self.since, until_label, self.until, self.all_time):
            choices.addWidget(widget)
        groups_row = QHBoxLayout()
        groups_row.addWidget(group_label)
        groups_row.addWidget(self.group, 1)
        choices.addStretch(1)
        self.agencies_button = QPushButton(self.tr("Agencies, lin&ks and due…"))
        self.agencies_button.setAccessibleDescription(
            self.tr("Link agencies across laptops, set peer groups and list who is due")
        )
        self.agencies_button.clicked.connect(lambda: self.open_agencies())
        groups_row.addWidget(self.agencies_button)
        groups_row.addStretch(1)
        buttons = QHBoxLayout()
        for b in (self.import_button, self.xlsx_button, self.csv_button, self.pdf_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result, 1)
        result_row.addWidget(self.open_button)
        result_row.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(choices)
        layout.addLayout(groups_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addLayout(result_row)

    def _date_edit(self, day: date, accessible: str) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_edit_format())
        edit.setAccessibleName(accessible)
        return edit

    # ------------------------------------------------------------ data
    def load(self) -> None:
        """(Re)read the instruments that have rounds here, keeping the choice, and refresh."""
        current = self.instrument.currentData()
        found = instruments_with_rounds(self.conn)
        self._load_groups()
        self.instrument.blockSignals(True)
        self.instrument.clear()
        for inst in found:
            self.instrument.addItem(f"{inst.title.get(self.lang)} ({inst.id})", inst.id)
        index = self.instrument.findData(current) if current is not None else -1
        self.instrument.setCurrentIndex(max(index, 0) if found else -1)
        self.instrument.blockSignals(False)
        self.refresh()

    def _load_groups(self) -> None:
        current = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(self.tr("All agencies"), None)
        for name, value in group_choices(self.conn):
            self.group.addItem(f"{name} = {value}", (name, value))
        index = self.group.findData(current) if current is not None else 0
        self.group.setCurrentIndex(max(index, 0))
        self.group.blockSignals(False)

    def groups(self) -> dict[str, str]:
        chosen = self.group.currentData()
        return {chosen[0]: chosen[1]} if chosen else {}

    def open_agencies(self) -> AgenciesDialog:
        from app.services.catalog import default_catalog
        from app.ui.agencies_dialog import AgenciesDialog

        instrument = self.rollup.instrument if self.rollup is not None else None
        if instrument is None:
            instrument = default_catalog().get("sms-oat-bh")
        dialog = AgenciesDialog(self, self.conn, self.db_path, instrument)
        dialog.changed.connect(self.load)
        self.dialog = dialog
        dialog.open()
        return dialog

    def period(self) -> tuple[date | None, date | None]:
        if self.all_time.isChecked():
            return None, None
        return self.since.date().toPython(), self.until.date().toPython()  # type: ignore[return-value]

    def _all_time_toggled(self, on: bool) -> None:
        self.since.setEnabled(not on)
        self.until.setEnabled(not on)
        self.refresh()

    def refresh(self) -> None:
        """Work out the state picture for the choices in a worker; the page stays usable and
        shows the figures it had (or none) until the new ones arrive. A newer choice drops an
        older computation's answer."""
        instrument_id = self.instrument.currentData()
        self.generation += 1
        if instrument_id is None:
            self.computing = False
            self.rollup = None
            self._clear()
            self.summary.setText(
                self.tr(
                    "No rounds here yet. Import the files the agencies sent (Import files…) to"
                    " see who reported and the state picture."
                )
            )
            return
        since, until = self.period()
        groups = self.groups()
        generation = self.generation

        def work(conn: sqlite3.Connection) -> StatePicture:
            return state_picture(conn, instrument_id, since=since, until=until, groups=groups)

        self.computing = True
        if self.rollup is None:  # nothing to export until the first figures arrive
            for b in (self.xlsx_button, self.csv_button, self.pdf_button):
                b.setEnabled(False)
        self.summary.setText(self.tr("Working out the state picture…"))
        self.compute_task = run_with_database(
            self.db_path,
            work,
            lambda picture: self._computed(generation, picture),
            lambda message: self._compute_failed(generation, message),
        )

    def _computed(self, generation: int, picture: StatePicture) -> None:
        if generation != self.generation:
            return  # the choices changed while it ran: a newer answer is on its way
        self.computing = False
        self.rollup = rollup = picture.rollup
        self.view.show_rollup(rollup, picture.latest)
        self.summary.setText(
            self.tr(
                "{0} reported in the period, {1} of them with incomplete data; {2} have"
                " not reported. Versions: {3}. Scores: {4}."
            ).format(
                counted("agency", len(rollup.agencies)),
                len(rollup.incomplete),
                len(rollup.not_reported),
                ", ".join(rollup.versions),
                self.view.unit_text(),
            )
            + self._group_note(rollup)
        )
        for b in (self.xlsx_button, self.csv_button, self.pdf_button):
            b.setEnabled(True)
        self.picture_shown.emit()

    def _compute_failed(self, generation: int, message: str) -> None:
        if generation != self.generation:
            return
        self.computing = False
        self.rollup = None
        self._clear()
        self.summary.setText(message)
        self.picture_shown.emit()

    def _group_note(self, rollup: Rollup) -> str:
        if not rollup.groups:
            return ""
        note = " " + self.tr("Peer group: {0}.").format(rollup.group_label)
        if rollup.suppressed:
            note += " " + self.tr(
                "Fewer than {0} agencies are in it: its median, quartiles and each agency's"
                " scores are hidden so that they cannot identify an agency."
            ).format(MIN_GROUP)
        return note

    def _clear(self) -> None:
        self.view.show_rollup(None)
        for b in (self.xlsx_button, self.csv_button, self.pdf_button):
            b.setEnabled(False)

    # ------------------------------------------------------------ import and exports
    def _open_import(self) -> None:
        from app.ui.import_dialog import ImportDialog

        installed = self.installed
        if installed is None:
            from app.services.catalog import default_catalog

            installed = list(default_catalog().instruments.values())
        dialog = ImportDialog(self, self.db_path, installed)
        dialog.imported.connect(self._after_import)
        self.dialog = dialog
        dialog.open()

    def _after_import(self, written: int) -> None:
        if written:
            self.load()
        self.imported.emit(written)

    def _ask_path(self, title: str, suggested: str) -> Path | None:
        from app.ui import file_dialogs

        suffix = Path(suggested).suffix.lower()
        filters = {
            ".xlsx": self.tr("Excel workbooks (*.xlsx)"),
            ".csv": self.tr("CSV files (*.csv)"),
            ".pdf": self.tr("PDF files (*.pdf)"),
        }
        return file_dialogs.save_path(self, "rollup", title, suggested, filters.get(suffix, ""))

    def export(self, kind: str) -> Task | None:
        """Ask where, then build the roll-up file in a worker; None if there is nothing to do."""
        if self.rollup is None or kind not in EXPORT_KINDS:
            return None
        titles = {
            "xlsx": self.tr("Export the roll-up as an Excel workbook"),
            "csv": self.tr("Export the roll-up as CSV"),
            "pdf": self.tr("Save the state report as PDF"),
        }
        suggested = suggested_name(
            f"rollup-{kind}", self.instrument.currentData() or self.rollup.instrument.id
        )
        path = self.ask_path(titles[kind], suggested)
        if path is None:
            return None
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        return self.write_export(path, kind)

    def write_export(self, path: Path, kind: str) -> Task:
        # the current choices, like the period and group: the figures on the screen may still
        # be those of the previous choice while the new ones are worked out
        instrument_id = self.instrument.currentData() or (
            self.rollup.instrument.id if self.rollup else ""
        )
        since, until = self.period()
        groups = self.groups()
        db_path, lang, paper = self.db_path, self.lang, self.paper

        def work(conn: sqlite3.Connection) -> Path:
            from app.reports import outputs
            from app.services.files import write_atomically
            from app.services.output_paths import checked_output

            checked_output(path, db_path)
            rollup = compute_rollup(conn, instrument_id, since=since, until=until, groups=groups)
            output = f"rollup-{kind}"
            data = outputs.build(output, rollup=rollup, lang=lang, paper=paper)
            write_atomically(path, data, private=outputs.output(output).personal)
            return path

        self.open_button.hide()
        self.folder_button.hide()
        self.result.setText(self.tr("Writing {0}…").format(path.name))
        self.last_task = run_with_database(db_path, work, self._written, self._write_failed)
        return self.last_task

    def _written(self, path: Path) -> None:
        self.last_path = path
        show_status(self.result, self.tr("Saved {0}").format(path))
        self.open_button.show()
        self.folder_button.show()
        self.open_button.setFocus()
        self.file_written.emit(path)

    def _write_failed(self, message: str) -> None:
        show_status(self.result, self.tr("Not written: {0}").format(message), assertive=True)
        self.write_failed.emit(message)

    def _show_folder(self) -> None:
        if self.last_path is not None:
            self.open_folder(self.last_path.parent)

    def _open_file(self) -> None:
        if self.last_path is not None:
            self.open_file(self.last_path)
