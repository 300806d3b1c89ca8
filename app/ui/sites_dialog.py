"""An agency's sites: add, rename and remove them (from *Agencies, links and due…*).

Removing a site that holds rounds asks first and then moves those rounds to the whole agency,
each move logged: nothing is deleted (app/db/sites.py). A refused name (empty, taken by another
site of the agency, too long) is said in the dialog's status line and changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import SmsOatError
from app.core.limits import MAX_TEXT
from app.services import sites
from app.ui.dialogs import confirm
from app.ui.item_roles import USER_ROLE


class SitesDialog(QDialog):
    """The sites of one agency record, with their round counts."""

    changed = Signal()  # a site added, renamed or removed: the roll-up must be read again

    def __init__(self, parent: QWidget | None, conn: sqlite3.Connection, org_id: int) -> None:
        super().__init__(parent)
        self.conn = conn
        self.org_id = org_id
        self.ask: Callable[[QWidget | None, str, str], bool] = confirm  # tests answer for it
        self.setWindowTitle(self.tr("Sites of the agency"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Sites of the agency, with their rounds"))
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_TEXT)
        self.name.setAccessibleName(self.tr("Site name"))
        name_label = QLabel(self.tr("Site &name:"))
        name_label.setBuddy(self.name)
        self.add_button = QPushButton(self.tr("&Add"))
        self.rename_button = QPushButton(self.tr("&Rename"))
        self.remove_button = QPushButton(self.tr("Re&move…"))
        self.remove_button.setAccessibleDescription(
            self.tr("Remove the selected site; its rounds become the whole agency's")
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.remove_button.clicked.connect(self.remove)
        self.list.currentItemChanged.connect(lambda *_: self._selected())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        grid = QGridLayout()
        grid.addWidget(name_label, 0, 0)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.add_button, 0, 2)
        grid.addWidget(self.rename_button, 0, 3)
        grid.addWidget(self.remove_button, 0, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        """List the sites again, keeping the selected one."""
        keep = self.selected_id()
        self.list.clear()
        for site in sites.sites_of(self.conn, self.org_id):
            count = len(sites.site_rounds(self.conn, site.id))
            item = QListWidgetItem(self.tr("{0} — rounds: {1}").format(site.name, count))
            item.setData(USER_ROLE, site.id)
            self.list.addItem(item)
            if site.id == keep:
                self.list.setCurrentItem(item)
        self._selected()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(USER_ROLE)) if item is not None else None

    def _selected(self) -> None:
        chosen = self.selected_id() is not None
        self.rename_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _done(self, message: str) -> None:
        self.status.setText(message)
        self.refresh()
        self.changed.emit()

    def add(self) -> None:
        try:
            site = sites.add_site(self.conn, self.org_id, self.name.text(), actor="app")
        except SmsOatError as exc:
            self._refused(exc)
            return
        self.name.clear()
        self._done(self.tr("Site “{0}” added.").format(site.name))

    def rename(self) -> None:
        site_id = self.selected_id()
        if site_id is None:
            return
        try:
            site = sites.rename_site(self.conn, site_id, self.name.text(), actor="app")
        except SmsOatError as exc:
            self._refused(exc)
            return
        self.name.clear()
        self._done(self.tr("The site is now called “{0}”.").format(site.name))

    def remove(self) -> None:
        site_id = self.selected_id()
        item = self.list.currentItem()
        if site_id is None or item is None:
            return
        held = sites.site_rounds(self.conn, site_id)
        if held and not self.ask(
            self,
            self.tr("Remove the site"),
            self.tr(
                "This site holds %n round(s). Removing it makes them the whole agency's rounds;"
                " nothing is deleted. Remove it?",
                "",
                len(held),
            ),
        ):
            self.status.setText(self.tr("Nothing removed."))
            return
        try:
            moved = sites.remove_site(self.conn, site_id, actor="app")
        except SmsOatError as exc:
            self._refused(exc)
            return
        self._done(self.tr("Site removed; %n round(s) are now the whole agency's.", "", len(moved)))

    def _refused(self, exc: SmsOatError) -> None:
        from app.ui.error_text import user_message

        self.status.setText("⚠ " + user_message(exc))
