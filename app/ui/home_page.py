"""Home: the agencies on this laptop and their rounds, and a first-run welcome."""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import agency_records
from app.services.progress import rounds_overview
from app.ui import refcount_guard
from app.ui.agency_list import AgencyList
from app.ui.item_roles import USER_ROLE
from app.ui.texts import fmt_date, status_label

# Above this many agencies home installs the reference guard itself while starting (ctypes costs
# 2.5 ms, so a clinic's few agencies do not pay it at start).
GUARD_FROM_AGENCIES = 300


class HomePage(QWidget):
    open_round = Signal(int)
    new_agency = Signal()
    edit_agency = Signal(int)
    delete_agency = Signal(int)
    new_round = Signal(int)
    demo_requested = Signal()
    export_round = Signal(int)
    delete_round = Signal(int)
    import_files = Signal()
    coordinator = Signal()

    def __init__(self, conn: sqlite3.Connection, lang: str) -> None:
        super().__init__()
        self.conn = conn
        self.lang = lang
        title = QLabel(self.tr("Agencies and assessment rounds"))
        title.setObjectName("pageTitle")
        self.import_button = QPushButton(self.tr("&Import files…"))
        self.import_button.setAccessibleDescription(self.tr("Import exchange files from agencies"))
        self.import_button.clicked.connect(self.import_files)
        self.coordinator_button = QPushButton(self.tr("State &coordinator view"))
        self.coordinator_button.setAccessibleDescription(
            self.tr("Open the state coordinator view: who reported and the state picture")
        )
        self.coordinator_button.clicked.connect(self.coordinator)
        title_row = QHBoxLayout()
        title_row.addWidget(title, 1)
        title_row.addWidget(self.import_button)
        title_row.addWidget(self.coordinator_button)

        self.welcome = QLabel()
        self.welcome.setWordWrap(True)
        self.welcome.setText(
            self.tr(
                "Welcome. An organizational self-assessment works in four steps:\n"
                "1. Create your agency and start a round (an instrument and a review period).\n"
                "2. Add the team: at least two people with different roles.\n"
                "3. Hand the laptop around: each person rates every item alone. Every click is"
                " saved at once.\n"
                "4. Meet as a team, agree the scores, print the scorecard and plan improvements.\n"
                "Try the demo to see a finished round, or create your agency to begin."
            )
        )
        self.demo_button = QPushButton(self.tr("Open the &demo"))
        self.demo_button.setAccessibleDescription(self.tr("Create and open the demo agency"))
        self.demo_button.clicked.connect(self.demo_requested)
        self.start_button = QPushButton(self.tr("Create &my agency"))
        self.start_button.clicked.connect(self.new_agency)
        welcome_buttons = QHBoxLayout()
        welcome_buttons.addWidget(self.demo_button)
        welcome_buttons.addWidget(self.start_button)
        welcome_buttons.addStretch(1)
        self.welcome_box = QWidget()
        wl = QVBoxLayout(self.welcome_box)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.welcome)
        wl.addLayout(welcome_buttons)

        # a model: only the rows on the screen are formatted (10,000 agencies; agency_list.py)
        self.agencies = AgencyList()
        self.agencies.setAccessibleName(self.tr("Agencies"))
        self.agencies.setAccessibleDescription(self.tr("Choose an agency to list its rounds."))
        self._filling = False
        self.agencies.selectionModel().currentChanged.connect(self._agency_changed)
        self.add_agency_button = QPushButton(self.tr("&New agency…"))
        self.add_agency_button.clicked.connect(self.new_agency)
        self.edit_agency_button = QPushButton(self.tr("Edi&t…"))
        self.edit_agency_button.clicked.connect(lambda: self._emit_agency(self.edit_agency))
        self.delete_agency_button = QPushButton(self.tr("De&lete…"))
        self.delete_agency_button.clicked.connect(lambda: self._emit_agency(self.delete_agency))
        # two rows, so the agency column can be narrow and leave the rounds' columns room
        agency_buttons = QVBoxLayout()
        agency_buttons.addWidget(self.add_agency_button)
        change_buttons = QHBoxLayout()
        change_buttons.addWidget(self.edit_agency_button)
        change_buttons.addWidget(self.delete_agency_button)
        agency_buttons.addLayout(change_buttons)
        left = QVBoxLayout()
        agencies_label = QLabel(self.tr("&Agencies"))
        agencies_label.setBuddy(self.agencies)
        left.addWidget(agencies_label)
        left.addWidget(self.agencies, 1)
        left.addLayout(agency_buttons)

        # a QTreeWidget rather than a QTableWidget: the first table view of a process costs about
        # 5 ms to create, a tree without branches looks the same as a list of rows
        self.rounds = QTreeWidget()
        self.rounds.setRootIsDecorated(False)
        self.rounds.setItemsExpandable(False)
        self.rounds.setUniformRowHeights(True)
        self.rounds.setAccessibleName(self.tr("Rounds of the selected agency"))
        self.rounds.setAccessibleDescription(self.tr("Enter opens the selected round."))
        self.rounds.setHeaderLabels(
            [
                self.tr("Round"),
                self.tr("Instrument"),
                self.tr("Review period"),
                self.tr("Status"),
                self.tr("Finished"),
            ]
        )
        self.rounds.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rounds.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rounds.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.rounds.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Enter, and a double click (the style activates items on double click)
        self.rounds.itemActivated.connect(lambda *_: self._open_selected())
        self.new_round_button = QPushButton(self.tr("&Start a round…"))
        self.new_round_button.clicked.connect(lambda: self._emit_agency(self.new_round))
        self.open_round_button = QPushButton(self.tr("&Open round"))
        self.open_round_button.setDefault(True)
        self.open_round_button.clicked.connect(self._open_selected)
        round_buttons = QHBoxLayout()
        round_buttons.addWidget(self.new_round_button)
        round_buttons.addWidget(self.open_round_button)
        self.export_button = QPushButton(self.tr("E&xport for the state…"))
        self.export_button.setAccessibleDescription(
            self.tr("Export the selected round as one file for the state coordinator")
        )
        self.export_button.clicked.connect(self._export_row)
        round_buttons.addWidget(self.export_button)
        round_buttons.addStretch(1)
        self.delete_round_button = QPushButton(self.tr("Delete round…"))
        self.delete_round_button.setAccessibleDescription(
            self.tr("Delete the selected round (a backup copy is made first)")
        )
        self.delete_round_button.clicked.connect(self._delete_row)
        round_buttons.addWidget(self.delete_round_button)
        right = QVBoxLayout()
        rounds_label = QLabel(self.tr("&Rounds"))
        rounds_label.setBuddy(self.rounds)
        right.addWidget(rounds_label)
        right.addWidget(self.rounds, 1)
        # when the next round is due (the instrument's repeat interval after the last one)
        self.next_due = QLabel()
        self._due_is_plain = False
        self.next_due.setWordWrap(True)
        self.next_due.setAccessibleName(self.tr("Next round due"))
        right.addWidget(self.next_due)
        right.addLayout(round_buttons)

        columns = QHBoxLayout()
        # agency names wrap, so the rounds (five columns) get three quarters of the width
        columns.addLayout(left, 1)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.welcome_box)
        layout.addLayout(columns, 1)
        # first start: the welcome's two buttons come first, as they are read
        self.setTabOrder(self.demo_button, self.start_button)
        self.setTabOrder(self.start_button, self.agencies)
        self.setTabOrder(self.agencies, self.add_agency_button)
        self.setTabOrder(self.delete_agency_button, self.rounds)
        self.setTabOrder(self.rounds, self.new_round_button)
        self.setTabOrder(self.new_round_button, self.open_round_button)
        self.setTabOrder(self.open_round_button, self.export_button)
        self.setTabOrder(self.export_button, self.delete_round_button)
        self.setTabOrder(self.delete_round_button, self.import_button)
        self.setTabOrder(self.import_button, self.coordinator_button)

    def refresh(self, select_agency: int | None = None) -> None:
        current = select_agency if select_agency is not None else self.current_agency()
        ids = agency_records.ids_by_name(self.conn)
        if len(ids) > GUARD_FROM_AGENCIES:
            # before the list is filled, not 250 ms after the window is up: thousands of rows
            # would take None's references to zero first (app/ui/refcount_guard.py)
            refcount_guard.install()
        self._filling = True  # one rounds listing below, not one per selection change
        try:
            self.agencies.set_agencies(ids, lambda some: agency_records.names_of(self.conn, some))
            row = self.agencies.agencies.row_of(current) if current is not None else None
            if row is None and ids:
                row = 0
            if row is not None:
                self.agencies.set_current_row(row)
        finally:
            self._filling = False
        self.welcome_box.setVisible(not ids)
        self._show_rounds()

    def _agency_changed(self, *_args: object) -> None:
        if not self._filling:
            self._show_rounds()

    def select_agency(self, org_id: int) -> None:
        """Select an agency already in the list (after `refresh`), e.g. the one just saved."""
        row = self.agencies.agencies.row_of(org_id)
        if row is not None:
            self.agencies.set_current_row(row)

    def current_agency(self) -> int | None:
        return self.agencies.current_id()

    def _emit_agency(self, signal: SignalInstance) -> None:
        org_id = self.current_agency()
        if org_id is not None:
            signal.emit(org_id)

    def _show_rounds(self) -> None:
        org_id = self.current_agency()
        has_agency = org_id is not None
        for b in (self.edit_agency_button, self.delete_agency_button, self.new_round_button):
            b.setEnabled(has_agency)
        self.rounds.clear()
        self.next_due.clear()
        if org_id is None:
            self.open_round_button.setEnabled(False)
            self.export_button.setEnabled(False)
            self.delete_round_button.setEnabled(False)
            return
        overview = rounds_overview(self.conn, org_id, self.lang)
        first: QTreeWidgetItem | None = None
        for entry in overview:
            rnd = entry.round
            row = QTreeWidgetItem(
                [
                    rnd.name,
                    entry.instrument_title,
                    f"{fmt_date(rnd.period_start)} – {fmt_date(rnd.period_end)}",
                    status_label(rnd.status),
                    self.tr("{0} of {1}").format(entry.finished, entry.respondents),
                ]
            )
            row.setData(0, USER_ROLE, rnd.id)
            for column in range(row.columnCount()):  # a narrow column elides; hover shows all
                row.setToolTip(column, row.text(column))
            self.rounds.addTopLevelItem(row)
            if first is None:
                first = row
        if first is not None:
            self.rounds.setCurrentItem(first)
        due = self._due_text(org_id, {e.round.instrument_id: e for e in overview})
        if "<" in due and not self._due_is_plain:
            # An instrument title with "<" could read as rich text. Only then is Qt's namespace
            # touched: it builds all of Qt's enums (~20 ms), which the start must not pay.
            from PySide6.QtCore import Qt

            self.next_due.setTextFormat(Qt.TextFormat.PlainText)
            self._due_is_plain = True
        self.next_due.setText(due)
        self.open_round_button.setEnabled(bool(overview))
        self.export_button.setEnabled(bool(overview))
        self.delete_round_button.setEnabled(bool(overview))

    def _due_text(self, org_id: int, titles: dict[str, Any]) -> str:
        from datetime import date

        from app.services.next_due import next_due_dates

        lines = []
        for entry in next_due_dates(self.conn, org_id, date.today()):
            title = (
                titles[entry.instrument_id].instrument_title
                if entry.instrument_id in titles
                else entry.instrument_id
            )
            if entry.status == "overdue":
                text = self.tr("{0}: the next round was due on {1} (overdue).")
            elif entry.status == "due":
                text = self.tr("{0}: the next round is due on {1} (soon).")
            else:
                text = self.tr("{0}: the next round is due on {1}.")
            lines.append(text.format(title, fmt_date(entry.next_due)))
        return "\n".join(lines)

    def selected_round(self) -> int | None:
        row = self.rounds.currentItem()
        return int(row.data(0, USER_ROLE)) if row is not None else None

    def _open_selected(self) -> None:
        round_id = self.selected_round()
        if round_id is not None:
            self.open_round.emit(round_id)

    def _export_row(self) -> None:
        round_id = self.selected_round()
        if round_id is not None:
            self.export_round.emit(round_id)

    def _delete_row(self) -> None:
        round_id = self.selected_round()
        if round_id is not None:
            self.delete_round.emit(round_id)
