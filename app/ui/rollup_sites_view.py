"""The coordinator's *Agencies and sites* tab: each agency's summary, its sites indented under it.

An agency's row is the roll-up's (its newest round in the period, and which site that round is
for); under it, one indented row per site with a round in the period, that site's newest round
and overall score. Sites do not count in the state statistics. In a small peer group the scores
read "–" like everywhere else (withheld, see app/services/rollup.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.services.rollup import Rollup
from app.ui.lazy_table import LazyTable, Row
from app.ui.texts import fmt_date, fmt_score

INDENT = "    ↳ "  # a site's row, under its agency


class RollupSitesView(QWidget):
    """Both levels in one table: agency rows (bold) and their sites' rows.

    A `LazyTable` like the roll-up's other tables (10,000 agencies format only the rows read);
    sorting is off, since it would tear the sites away from their agency."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: Rollup | None = None  # a roll-up not yet shown (the tab is hidden)
        self.table = LazyTable(self.tr("Each agency and its sites"))
        self.table.setSortingEnabled(False)
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
        """Fill the table from a roll-up (None empties it), now if the tab is on the screen,
        else when it is first shown: its rows walk every agency and its sites (~18 ms of the
        GUI thread at 10,000 agencies), which the other tabs should not wait for."""
        self.pending = rollup
        if rollup is None or self.isVisible():
            self._fill()

    def showEvent(self, event: QShowEvent) -> None:
        if self.pending is not None:
            self._fill()
        super().showEvent(event)

    def _fill(self) -> None:
        rollup, self.pending = self.pending, None
        if rollup is None:
            self.table.show_rows([], [], lambda _source: Row(()))
            return
        percent = rollup.instrument.band_metric == "percent"
        whole = self.tr("Whole agency")
        bold = QFont(self.table.font())
        bold.setBold(True)

        def fmt(value: float | None) -> str:
            return fmt_score(value, percent)

        def format_row(source: tuple[bool, Any, Any]) -> Row:
            is_agency, agency, site_row = source
            if is_agency:
                rnd = agency.round
                site = rollup.site_name(agency) or whole
                cells = [agency.organization.name, site, rnd.name, fmt_date(rnd.period_end)]
                value = agency.score()
                return Row([*cells, fmt(value)], [None] * 4 + [value], bold)
            rnd = site_row.round
            cells = [INDENT + site_row.name, site_row.name, rnd.name, fmt_date(rnd.period_end)]
            value = site_row.score()
            return Row([*cells, fmt(value)], [None] * 4 + [value])

        headers = [
            self.tr("Agency / site"),
            self.tr("Round for"),
            self.tr("Round"),
            self.tr("Period ends"),
            self.tr("Overall"),
        ]
        sources: list[tuple[bool, Any, Any]] = []
        for agency in rollup.agencies:
            sources.append((True, agency, None))
            sources.extend((False, agency, row) for row in rollup.sites_of(agency))
        self.table.show_rows(headers, sources, format_row)
