"""Which site a round is for, on the round page: the agency's sites or the whole agency.

Changing the choice writes at once through `rounds.change_round` (app/services/sites.py), so
the change log records it; a refusal (a site removed meanwhile) is said beside the choice and
the page reads the round again. The same choice is offered when a round starts (RoundDialog).
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.core.errors import SmsOatError
from app.services import sites


def fill_site_choices(combo: QComboBox, choices: list[tuple[int, str]], whole: str) -> None:
    """'Whole agency' (data None) first, then each site by name (data its id)."""
    combo.clear()
    combo.addItem(whole, None)
    for site_id, name in choices:
        combo.addItem(name, site_id)


class RoundSitePicker(QWidget):
    """A labelled choice of the round's site; `changed` after a change is saved."""

    changed = Signal()

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn
        self.round_id: int | None = None
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Site this round is for"))
        label = QLabel(self.tr("This round &belongs to:"))
        label.setBuddy(self.combo)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.status, 1)
        self.combo.activated.connect(lambda _index: self._chosen())

    def load(self, round_id: int, org_id: int) -> None:
        """Offer the round's agency's sites, the round's own selected (a "Saved" line stays
        when the same round is read again after the change)."""
        if round_id != self.round_id:
            self.status.clear()
        self.round_id = round_id
        choices = [(s.id, s.name) for s in sites.sites_of(self.conn, org_id)]
        self.combo.blockSignals(True)
        fill_site_choices(self.combo, choices, self.tr("Whole agency"))
        current = sites.round_site(self.conn, round_id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current.id if current else None)))
        self.combo.blockSignals(False)

    def _chosen(self) -> None:
        if self.round_id is None:
            return
        site_id = self.combo.currentData()
        try:
            _rnd, site = sites.set_round_site(self.conn, self.round_id, site_id, actor="app")
        except SmsOatError as exc:
            from app.ui.error_text import user_message

            self.status.setText("⚠ " + user_message(exc))
            return
        self.status.setText(
            self.tr("Saved: this round is for “{0}”.").format(site.name)
            if site
            else self.tr("Saved: this round is for the whole agency.")
        )
        self.changed.emit()
