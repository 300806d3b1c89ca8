"""The coordinator's agencies: links across laptops, peer groups, and who is due.

Two tabs. *Agencies*: every agency once, its linked records under it (select one to undo its link),
the records proposed for linking (same state identifier; select a pair and link it: never done
without this click), and each agency's groups (typed as `region=North; setting=rural`, or
imported from a CSV file in a worker). *Due*: who is overdue, never reported or due soon on a
chosen day, exported as CSV or XLSX in a worker for follow-up. A site can be added to the selected
agency, and its sites renamed or removed in app/ui/sites_dialog.py (docs/coordinator.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import SmsOatError
from app.core.instrument import Instrument
from app.services import agencies
from app.services.due import DueEntry, due_list
from app.ui.error_text import user_message
from app.ui.item_roles import USER_ROLE
from app.ui.texts import date_edit_format, fmt_date
from app.ui.worker import Task, run_with_database


class AgenciesDialog(QDialog):
    changed = Signal()  # links or groups changed: the roll-up must be worked out again

    def __init__(
        self,
        parent: QWidget | None,
        conn: sqlite3.Connection,
        db_path: Path,
        instrument: Instrument,
    ) -> None:
        super().__init__(parent)
        self.conn = conn
        self.db_path = db_path
        self.instrument = instrument
        self.last_task: Task | None = None
        self.ask_csv: Callable[[], Path | None] = self._ask_csv
        self.ask_path: Callable[[str], Path | None] = self._ask_path
        self.setWindowTitle(self.tr("Agencies, peer groups and who is due"))
        self.resize(980, 620)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._agencies_tab(), self.tr("&Agencies and groups"))
        self.tabs.addTab(self._due_tab(), self.tr("&Due and overdue"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Result of the last action"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.refresh()

    # ------------------------------------------------------------ building
    def _agencies_tab(self) -> QWidget:
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Agencies with their linked records"))
        self.tree.setHeaderLabels(
            [
                self.tr("Agency"),
                self.tr("State identifier"),
                self.tr("Sites"),
                self.tr("Groups"),
                self.tr("Last round"),
                self.tr("Next due"),
            ]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.unlink_button = QPushButton(self.tr("&Undo this link"))
        self.unlink_button.setAccessibleDescription(
            self.tr("Set the selected linked record apart: it counts as an agency of its own")
        )
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.groups_edit = QLineEdit()
        self.groups_edit.setPlaceholderText(self.tr("region=North; setting=rural"))
        self.groups_edit.setAccessibleName(self.tr("Groups of the selected agency"))
        groups_label = QLabel(self.tr("&Groups:"))
        groups_label.setBuddy(self.groups_edit)
        self.groups_button = QPushButton(self.tr("&Set groups"))
        self.groups_button.setAccessibleDescription(
            self.tr("Set the groups typed for the selected agency; NAME= removes a group")
        )
        self.groups_button.clicked.connect(self.set_groups)
        self.site_edit = QLineEdit()
        self.site_edit.setPlaceholderText(self.tr("Eastside clinic"))
        self.site_edit.setAccessibleName(self.tr("Name of a new site of the selected agency"))
        self.site_button = QPushButton(self.tr("Add s&ite"))
        self.site_button.setAccessibleDescription(
            self.tr("Add the site typed beside it to the selected agency")
        )
        self.site_button.clicked.connect(self.add_site)
        self.sites_button = QPushButton(self.tr("Rename or re&move sites…"))
        self.sites_button.clicked.connect(self.open_sites)
        self.csv_button = QPushButton(self.tr("Import groups from CS&V…"))
        self.csv_button.clicked.connect(self.import_csv)
        self.proposals = QListWidget()
        self.proposals.setAccessibleName(self.tr("Records proposed for linking"))
        self.link_button = QPushButton(self.tr("&Link the selected pair"))
        self.link_button.setAccessibleDescription(
            self.tr("Count the two records of the selected proposal as one agency")
        )
        self.link_button.clicked.connect(self.link_selected)
        self.proposals.currentItemChanged.connect(lambda *_: self._selection_changed())
        row = QHBoxLayout()
        row.addWidget(groups_label)
        row.addWidget(self.groups_edit, 1)
        row.addWidget(self.groups_button)
        row.addWidget(self.unlink_button)
        row.addWidget(self.csv_button)
        site_row = QHBoxLayout()
        site_row.addWidget(self.site_edit, 1)
        site_row.addWidget(self.site_button)
        site_row.addWidget(self.sites_button)
        proposals_label = QLabel(
            self.tr(
                "Proposed links: records sharing a state identifier (a reinstall or a second"
                " laptop). Nothing is linked until you choose a pair and link it; a link can be"
                " undone and never changes the records."
            )
        )
        proposals_label.setWordWrap(True)
        proposals_label.setBuddy(self.proposals)
        link_row = QHBoxLayout()
        link_row.addWidget(self.proposals, 1)
        link_row.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignTop)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.tree, 3)
        layout.addLayout(row)
        layout.addLayout(site_row)
        layout.addWidget(proposals_label)
        layout.addLayout(link_row, 1)
        return tab

    def _due_tab(self) -> QWidget:
        today = date.today()
        self.as_of = QDateEdit(QDate(today.year, today.month, today.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat(date_edit_format())
        self.as_of.setAccessibleName(self.tr("Work out what is due on this day"))
        as_of_label = QLabel(self.tr("Due o&n:"))
        as_of_label.setBuddy(self.as_of)
        self.show_all = QCheckBox(self.tr("Show agencies that are up to date &too"))
        self.as_of.dateChanged.connect(lambda _d: self.refresh_due())
        self.show_all.toggled.connect(lambda _on: self.refresh_due())
        self.due = QTreeWidget()
        self.due.setRootIsDecorated(False)
        self.due.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.due.setAccessibleName(self.tr("Agencies due, overdue or never reported"))
        self.due.setHeaderLabels(
            [
                self.tr("Agency"),
                self.tr("State identifier"),
                self.tr("Status"),
                self.tr("Next due"),
                self.tr("Last period end"),
            ]
        )
        self.due_csv = QPushButton(self.tr("Export the list as &CSV…"))
        self.due_xlsx = QPushButton(self.tr("Export the list as &XLSX…"))
        self.due_csv.clicked.connect(lambda: self.export_due("csv"))
        self.due_xlsx.clicked.connect(lambda: self.export_due("xlsx"))
        top = QHBoxLayout()
        top.addWidget(as_of_label)
        top.addWidget(self.as_of)
        top.addWidget(self.show_all)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.due_csv)
        buttons.addWidget(self.due_xlsx)
        buttons.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.due, 1)
        layout.addLayout(buttons)
        return tab

    # ------------------------------------------------------------ showing
    def status_word(self, status: str) -> str:
        return {
            "overdue": self.tr("overdue"),
            "never": self.tr("never reported"),
            "due": self.tr("due soon"),
            "ok": self.tr("up to date"),
        }[status]

    def _due_text(self, entry: DueEntry) -> str:
        if entry.next_due is None:
            return self.status_word(entry.status)
        return f"{fmt_date(entry.next_due)} ({self.status_word(entry.status)})"

    def refresh(self) -> None:
        today = self.as_of.date().toPython()
        assert isinstance(today, date)
        self.tree.clear()
        for entry in agencies.agency_list(self.conn, self.instrument, today):
            org = entry.organization
            item = QTreeWidgetItem(
                [
                    org.name,
                    org.state_identifier,
                    ", ".join(entry.sites),
                    "; ".join(f"{k}={v}" for k, v in entry.groups.items()),
                    fmt_date(entry.due.last_round.period_end) if entry.due.last_round else "",
                    self._due_text(entry.due),
                ]
            )
            item.setData(0, USER_ROLE, org.id)
            for record in entry.linked:
                child = QTreeWidgetItem(
                    [self.tr("linked record: {0}").format(record.name), record.state_identifier]
                )
                child.setData(0, USER_ROLE, record.id)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        self.proposals.clear()
        for proposal in agencies.proposed_links(self.conn):
            text = self.tr("“{0}” (id {1}) and “{2}” (id {3}): state identifier {4}").format(
                proposal.keep.name,
                proposal.keep.id,
                proposal.other.name,
                proposal.other.id,
                proposal.state_identifier,
            )
            row = QListWidgetItem(text)
            row.setData(USER_ROLE, (proposal.keep.id, proposal.other.id))
            self.proposals.addItem(row)
        self.refresh_due()
        self._selection_changed()

    def due_entries(self) -> list[DueEntry]:
        today = self.as_of.date().toPython()
        assert isinstance(today, date)
        entries = due_list(self.conn, self.instrument, today)
        return entries if self.show_all.isChecked() else [e for e in entries if e.status != "ok"]

    def refresh_due(self) -> None:
        self.due.clear()
        for entry in self.due_entries():
            last = entry.last_round
            self.due.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        entry.organization.name,
                        entry.organization.state_identifier,
                        self.status_word(entry.status),
                        fmt_date(entry.next_due) if entry.next_due else "",
                        fmt_date(last.period_end) if last else "",
                    ]
                )
            )

    def _selection_changed(self) -> None:
        item = self.tree.currentItem()
        self.unlink_button.setEnabled(item is not None and item.parent() is not None)
        is_agency = item is not None and item.parent() is None
        for widget in (self.groups_button, self.groups_edit, self.site_button, self.site_edit):
            widget.setEnabled(is_agency)
        self.sites_button.setEnabled(item is not None)
        if is_agency and item is not None:
            self.groups_edit.setText(item.text(3))
        self.link_button.setEnabled(self.proposals.currentItem() is not None)

    # ------------------------------------------------------------ actions
    def _done(self, message: str) -> None:
        self.status.setText(message)
        self.refresh()
        self.changed.emit()

    def link_selected(self) -> None:
        row = self.proposals.currentItem()
        if row is None:
            return
        keep, other = row.data(USER_ROLE)
        try:
            canonical = agencies.link(self.conn, int(keep), int(other), actor="app")
        except SmsOatError as exc:
            self.status.setText(user_message(exc))
            return
        self._done(
            self.tr("Linked: the two records now count as one agency, “{0}”.").format(
                canonical.name
            )
        )

    def unlink_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None or item.parent() is None:
            return
        parent = item.parent()
        assert parent is not None
        try:
            apart = agencies.unlink(
                self.conn,
                int(parent.data(0, USER_ROLE)),
                int(item.data(0, USER_ROLE)),
                actor="app",
            )
        except SmsOatError as exc:
            self.status.setText(user_message(exc))
            return
        self._done(
            self.tr("Unlinked: “{0}” counts as an agency of its own again.").format(apart.name)
        )

    def set_groups(self) -> None:
        item = self.tree.currentItem()
        if item is None or item.parent() is not None:
            return
        pairs = [p.strip() for p in self.groups_edit.text().split(";") if p.strip()]
        # the line is the agency's whole set of groups: a group left out of it is removed
        typed = {p.partition("=")[0].strip().casefold() for p in pairs}
        before = [p.partition("=")[0].strip() for p in item.text(3).split(";") if p.strip()]
        pairs += [f"{name}=" for name in before if name.casefold() not in typed]
        try:
            org, _cleaned = agencies.set_groups(
                self.conn, int(item.data(0, USER_ROLE)), pairs, actor="app"
            )
        except SmsOatError as exc:
            self.status.setText(user_message(exc))
            return
        self._done(self.tr("Groups of “{0}” saved.").format(org.name))

    def add_site(self) -> None:
        from app.services.sites import add_site

        item = self.tree.currentItem()
        if item is None or item.parent() is not None:
            return
        try:
            site = add_site(
                self.conn, int(item.data(0, USER_ROLE)), self.site_edit.text(), actor="app"
            )
        except SmsOatError as exc:
            self.status.setText(user_message(exc))
            return
        self.site_edit.clear()
        self._done(self.tr("Site “{0}” added.").format(site.name))

    def open_sites(self) -> QDialog | None:
        """The selected record's sites, to rename or remove (opened, not exec'd)."""
        from app.ui.sites_dialog import SitesDialog

        item = self.tree.currentItem()
        if item is None:
            return None
        dialog = SitesDialog(self, self.conn, int(item.data(0, USER_ROLE)))
        dialog.changed.connect(self.refresh)
        dialog.changed.connect(self.changed.emit)
        dialog.open()
        return dialog

    def _ask_csv(self) -> Path | None:
        from app.ui.file_dialogs import open_paths

        chosen = open_paths(
            self,
            "groups-csv",
            self.tr("Import peer groups"),
            self.tr("CSV files (*.csv)"),
            many=False,
        )
        return chosen[0] if chosen else None

    def _ask_path(self, suggested: str) -> Path | None:
        from app.ui.file_dialogs import save_path

        return save_path(
            self,
            "due-list",
            self.tr("Export the due list"),
            suggested,
            self.tr("Spreadsheets (*.xlsx *.csv)"),
        )

    def import_csv(self) -> Task | None:
        path = self.ask_csv()
        if path is None:
            return None

        def work(conn: sqlite3.Connection) -> int:
            from app.services.peer_groups import import_groups_csv, read_csv_file

            return import_groups_csv(conn, read_csv_file(path), path.name, actor="app").agencies

        def done(count: int) -> None:
            self._done(self.tr("Groups set for {0} agencies from {1}.").format(count, path.name))

        self.status.setText(self.tr("Reading {0}…").format(path.name))
        self.last_task = run_with_database(self.db_path, work, done, self.status.setText)
        return self.last_task

    def export_due(self, kind: str) -> Task | None:
        path = self.ask_path(f"due-{self.as_of.date().toPython()}.{kind}")
        if path is None:
            return None
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        entries = self.due_entries()
        db_path = self.db_path

        def work(_conn: sqlite3.Connection) -> Path:
            from app.reports.due_list import build_due_csv, build_due_xlsx
            from app.services.files import write_output

            data = build_due_csv(entries) if kind == "csv" else build_due_xlsx(entries)
            return write_output(path, data, db_path)

        def done(written: Path) -> None:
            self.status.setText(self.tr("Saved {0}").format(written))

        self.status.setText(self.tr("Writing {0}…").format(path.name))
        self.last_task = run_with_database(db_path, work, done, self.status.setText)
        return self.last_task
