"""Round setup: the team, each person's progress, and the ways into rating (screen or paper).

Withdrawn team members are listed apart, under the team, with *Reinstate*: they count nowhere
until reinstated (app/db/rounds.py), and the page says so.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import round_people
from app.services.privacy import results_closed
from app.services.progress import team_progress
from app.ui.item_roles import USER_ROLE
from app.ui.page_title import PageTitle
from app.ui.round_site_picker import RoundSitePicker
from app.ui.table_headers import hide_row_numbers
from app.ui.texts import fmt_date, role_label, status_label


class RoundPage(QWidget):
    back_home = Signal()
    add_person = Signal(int)
    edit_person = Signal(int)
    remove_person = Signal(int)
    withdraw_person = Signal(int)
    reinstate_person = Signal(int)
    delete_round = Signal(int)
    rate = Signal(int)
    paper = Signal(int)
    results = Signal(int)
    team_view = Signal(int)

    def __init__(self, conn: sqlite3.Connection, lang: str) -> None:
        super().__init__()
        self.conn = conn
        self.lang = lang
        self.round_id: int | None = None
        self.title = PageTitle()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.site_picker = RoundSitePicker(conn)  # which site the round is for
        self.back_button = QPushButton(self.tr("← H&ome"))
        self.back_button.setAccessibleDescription(self.tr("Back to home"))
        self.back_button.clicked.connect(self.back_home)

        self.team = QTableWidget(0, 4)
        self.team.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.team.setAccessibleName(self.tr("Team members and their progress"))
        self.team.setAccessibleDescription(self.tr("Enter starts rating as the selected person."))
        self.team.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Answered"), self.tr("Status")]
        )
        self.team.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.team.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.team.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        hide_row_numbers(self.team)
        self.team.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.team.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.team.cellActivated.connect(lambda *_: self._emit(self.rate))
        self.team.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("&Add team member…"))
        self.add_button.clicked.connect(
            lambda: self.round_id and self.add_person.emit(self.round_id)
        )
        self.edit_button = QPushButton(self.tr("E&dit…"))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_person))
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.clicked.connect(lambda: self._emit(self.remove_person))
        self.withdraw_button = QPushButton(self.tr("Withdraw…"))
        self.withdraw_button.setToolTip(
            self.tr(
                "Leave this person out of every score, report and export; their answers are"
                " kept and count again if they are reinstated."
            )
        )
        self.withdraw_button.clicked.connect(lambda: self._emit(self.withdraw_person))
        self.delete_round_button = QPushButton(self.tr("Delete this round…"))
        self.delete_round_button.clicked.connect(
            lambda: self.round_id and self.delete_round.emit(self.round_id)
        )

        self.withdrawn_label = QLabel(
            self.tr("Withdrawn (not counted in any score, report or export):")
        )
        self.withdrawn_label.setWordWrap(True)
        self.withdrawn = QListWidget()
        self.withdrawn.setAccessibleName(self.tr("Withdrawn team members"))
        self.withdrawn.setMaximumHeight(90)
        self.withdrawn.itemSelectionChanged.connect(self._update_buttons)
        self.reinstate_button = QPushButton(self.tr("Reinstate"))
        self.reinstate_button.clicked.connect(self._emit_reinstate)
        self.withdrawn_box = QWidget()
        wl = QVBoxLayout(self.withdrawn_box)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.withdrawn_label)
        withdrawn_row = QHBoxLayout()
        withdrawn_row.addWidget(self.withdrawn, 1)
        withdrawn_row.addWidget(self.reinstate_button, 0, Qt.AlignmentFlag.AlignTop)
        wl.addLayout(withdrawn_row)
        self.withdrawn_box.hide()
        self.rate_button = QPushButton(self.tr("&Rate as this person"))
        self.rate_button.setDefault(True)
        self.rate_button.clicked.connect(lambda: self._emit(self.rate))
        self.paper_button = QPushButton(self.tr("Type in a &paper form"))
        self.paper_button.clicked.connect(lambda: self._emit(self.paper))
        self.results_button = QPushButton(self.tr("This person's &scores"))
        self.results_button.clicked.connect(lambda: self._emit(self.results))
        self.team_button = QPushButton(self.tr("Team vie&w and meeting →"))
        self.team_button.setAccessibleDescription(self.tr("Open the team view"))
        self.team_button.clicked.connect(
            lambda: self.round_id and self.team_view.emit(self.round_id)
        )

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.team_button)
        people_buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.withdraw_button, self.remove_button):
            people_buttons.addWidget(b)
        people_buttons.addStretch(1)
        people_buttons.addWidget(self.delete_round_button)
        rating_buttons = QHBoxLayout()
        for b in (self.rate_button, self.paper_button, self.results_button):
            rating_buttons.addWidget(b)
        rating_buttons.addStretch(1)
        self.hint = QLabel(
            self.tr(
                "Each person rates alone and sees only their own answers. Pick a name, then"
                " Rate as this person. Answers written on a paper form can be typed in."
            )
        )
        self.hint.setWordWrap(True)
        self.privacy_note = QLabel(
            self.tr(
                "Private until the meeting: each person's answers and the team view stay closed"
                " until the facilitator opens the results (Round › Open the results…)."
            )
        )
        self.privacy_note.setWordWrap(True)
        self.privacy_note.hide()
        team_label = QLabel(self.tr("&Team"))
        team_label.setBuddy(self.team)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addWidget(self.site_picker)
        layout.addWidget(team_label)
        layout.addWidget(self.team, 1)
        layout.addLayout(people_buttons)
        layout.addWidget(self.withdrawn_box)
        layout.addWidget(self.hint)
        layout.addWidget(self.privacy_note)
        layout.addLayout(rating_buttons)

    def load(self, round_id: int, select_person: int | None = None) -> None:
        self.round_id = round_id
        rnd, org, instrument = round_people.details(self.conn, round_id)
        self.title.setText(f"{org.name} · {rnd.name}")
        self.site_picker.load(round_id, org.id)
        self.details.setText(
            self.tr("{0}, version {1} · review period {2} – {3} · {4}").format(
                instrument.title.get(self.lang),
                instrument.version,
                fmt_date(rnd.period_start),
                fmt_date(rnd.period_end),
                status_label(rnd.status),
            )
        )
        self.closed = rnd.status == "closed"
        self.team_button.setText(
            self.tr("Team vie&w →")  # an individual survey has no meeting
            if instrument.kind == "individual"
            else self.tr("Team vie&w and meeting →")
        )
        self.privacy_note.setVisible(results_closed(self.conn, round_id))
        previous = self.current_person() if select_person is None else select_person
        people = team_progress(self.conn, round_id)
        self.team.setRowCount(len(people))
        for row, p in enumerate(people):
            if p.finished:
                status = self.tr("✓ Finished")
            elif p.started:
                status = self.tr("In progress")
            else:
                status = self.tr("Not started")
            cells = [
                p.respondent.display_name,
                role_label(p.respondent.role),
                self.tr("{0} of {1}").format(p.answered, p.total),
                status,
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)  # a long name is cut at the column's edge
                cell.setData(USER_ROLE, p.respondent.id)
                self.team.setItem(row, col, cell)
            if p.respondent.id == previous:
                self.team.selectRow(row)
        if self.team.currentRow() < 0 and people:
            self.team.selectRow(0)
        self.withdrawn.clear()
        for person, kept in round_people.withdrawn_with_answers(self.conn, round_id):
            entry = QListWidgetItem(
                self.tr("{0} ({1}) · %n answer(s) kept", "", kept).format(
                    person.display_name, role_label(person.role)
                )
            )
            entry.setToolTip(entry.text())
            entry.setData(USER_ROLE, person.id)
            self.withdrawn.addItem(entry)
        if self.withdrawn.count():
            self.withdrawn.setCurrentRow(0)
        self.withdrawn_box.setVisible(self.withdrawn.count() > 0)
        self._update_buttons()

    def current_person(self) -> int | None:
        row = self.team.currentRow()
        cell = self.team.item(row, 0) if row >= 0 else None
        return int(cell.data(USER_ROLE)) if cell else None

    def select_person(self, respondent_id: int) -> None:
        for row in range(self.team.rowCount()):
            cell = self.team.item(row, 0)
            if cell and cell.data(USER_ROLE) == respondent_id:
                self.team.selectRow(row)

    def withdrawn_person(self) -> int | None:
        entry = self.withdrawn.currentItem()
        return int(entry.data(USER_ROLE)) if entry is not None else None

    def _emit_reinstate(self) -> None:
        person = self.withdrawn_person()
        if person is not None:
            self.reinstate_person.emit(person)

    def _emit(self, signal: SignalInstance) -> None:
        person = self.current_person()
        if person is not None:
            signal.emit(person)

    def _update_buttons(self) -> None:
        has = self.current_person() is not None
        closed = getattr(self, "closed", False)
        for b in (self.edit_button, self.remove_button, self.results_button):
            b.setEnabled(has)
        for b in (self.rate_button, self.paper_button, self.withdraw_button):
            b.setEnabled(has and not closed)
        self.add_button.setEnabled(not closed)
        self.reinstate_button.setEnabled(self.withdrawn_person() is not None and not closed)
