"""The coordinator's *Agencies and sites* tab: each agency's summary, its sites indented under it.

An agency's row is the roll-up's (its newest round in the period, and which site that round is
for); under it, one indented row per site with a round in the period, that site's newest round
and overall score. Sites do not count in the state statistics. In a small peer group the scores
read "–" like everywhere else (withheld, see app/services/rollup.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.rollup import Rollup
from app.ui.table_headers import hide_row_numbers
from app.ui.texts import fmt_date, fmt_number

ROLE = Qt.ItemDataRole.UserRole
INDENT = "    ↳ "  # a site's row, under its agency


class RollupSitesView(QWidget):
    """Both levels in one table: agency rows (bold) and their sites' rows."""

    def __init__(self) -> None:
        super().__init__()
        self.table = QTableWidget()
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Each agency and its sites"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        hide_row_numbers(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(
            self.tr(
                "Each agency's row is its newest round in the period; under it, each of its"
                " sites with a round in the period (newest round). Sites are not counted in the"
                " state figures."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)

    def show_rollup(self, rollup: Rollup | None) -> None:
        """Fill the table from a roll-up (None empties it)."""
        self.table.clear()
        self.table.setRowCount(0)
        if rollup is None:
            self.table.setColumnCount(0)
            return
        percent = rollup.instrument.band_metric == "percent"

        def fmt(value: float | None) -> str:
            if value is None:
                return "–"
            return f"{fmt_number(value, 0)} %" if percent else fmt_number(value)

        headers = [
            self.tr("Agency / site"),
            self.tr("Round for"),
            self.tr("Round"),
            self.tr("Period ends"),
            self.tr("Overall"),
        ]
        rows: list[tuple[list[str], object, bool]] = []
        whole = self.tr("Whole agency")
        for agency in rollup.agencies:
            rnd = agency.round
            site = rollup.site_name(agency) or whole
            cells = [agency.organization.name, site, rnd.name, fmt_date(rnd.period_end)]
            rows.append(([*cells, fmt(agency.score())], agency.score(), True))
            for row in rollup.sites_of(agency):
                cells = [INDENT + row.name, row.name, row.round.name]
                cells += [fmt_date(row.round.period_end), fmt(row.score())]
                rows.append((cells, row.score(), False))
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, (cells, value, is_agency) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == len(cells) - 1 and value is not None:
                    item.setData(ROLE, value)
                if is_agency:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
