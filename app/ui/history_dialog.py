"""Rounds over time: every round of one instrument for an agency, side by side, with the change
since the round before (a number and an arrow, never colour alone)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.scoring import OVERALL, Comparison
from app.services.round_history import history_of_round
from app.ui.table_headers import hide_row_numbers
from app.ui.texts import fmt_change, fmt_number


def change_text(change: float | None, percent: bool) -> str:
    """After a score: " (▲ +0.12)", or " (no change)" when it rounds to zero; "" with no round
    before."""
    if change is None:
        return ""
    same = QCoreApplication.translate("HistoryDialog", "no change")
    return f" ({fmt_change(change, percent, same)})"


class HistoryDialog(QDialog):
    def _basis_note(self, comparison: Comparison) -> str:
        """Which basis the change compares, like with like."""
        if comparison.reason is not None:
            return self.tr("No change: the band metric differs from the round before.")
        if comparison.basis == "consensus":
            return self.tr("Change compares consensus with consensus.")
        return self.tr("Change compares team mean with team mean.")

    def __init__(self, parent: QWidget | None, conn: sqlite3.Connection, round_id: int, lang: str):
        super().__init__(parent)
        rnd, instrument, self.entries = history_of_round(conn, round_id)
        self.setWindowTitle(self.tr("Rounds over time"))
        percent = instrument.band_metric == "percent"
        scopes = [OVERALL, *[d.id for d in instrument.domains]]
        self.table = QTableWidget(len(self.entries), len(scopes) + 3)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(
            self.tr("Scores of every round with the change since the one before")
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        hide_row_numbers(self.table)
        headers = [self.tr("Round"), self.tr("Scores from"), self.tr("Overall"), self.tr("Band")]
        headers += [f"{d.id} {d.title.get(lang)}" for d in instrument.domains]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        for r, entry in enumerate(self.entries):
            band = instrument.band_for(entry.score())
            cells = [
                entry.round.name,
                self.tr("consensus") if entry.source == "consensus" else self.tr("team mean"),
                self._cell(entry.scores.get(OVERALL), entry.change.get(OVERALL), percent),
                band.label.get(lang) if band else "–",
            ]
            cells += [
                self._cell(entry.scores.get(s), entry.change.get(s), percent) for s in scopes[1:]
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if entry.comparison is not None:
                    cell.setToolTip(self._basis_note(entry.comparison))
                self.table.setItem(r, c, cell)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(
            self.tr(
                "{0}: %n round(s) of {1}. ▲ higher than the round before, ▼ lower.",
                "",
                len(self.entries),
            ).format(rnd.name, instrument.short_title.get(lang))
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(1000, 400)

    @staticmethod
    def _cell(value: float | None, change: float | None, percent: bool) -> str:
        if value is None:
            return "–"
        shown = fmt_number(value, 0 if percent else 2)
        return shown + change_text(change, percent)
