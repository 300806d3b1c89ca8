"""The coordinator's roll-up on screen: four tabs over one `Rollup`.

Who reported (and who did not, with their latest round outside the period), the state's
distribution per domain as a table and a box-plot chart, each agency against the state median, and
each agency's change since its previous round. Differences carry an arrow and a sign, and
incomplete data is flagged in words, never by colour alone. Raw values sit in each cell's
UserRole so tests and a future sort compare numbers, not formatted text.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.scoring import OVERALL
from app.services.rollup import (
    FLAG_NO_CONSENSUS,
    FLAG_NO_TEAM,
    FLAG_OTHER_SCALE,
    FLAG_UNANSWERED,
    AgencyRound,
    Rollup,
    Scope,
)
from app.ui import refcount_guard
from app.ui.reading_order import splitter_in_reading_order, tabs_in_reading_order
from app.ui.rollup_sites_view import RollupSitesView
from app.ui.state_chart import BoxRow, StateChart
from app.ui.table_headers import hide_row_numbers
from app.ui.texts import fmt_change, fmt_date, fmt_number, fmt_value

ROLE = Qt.ItemDataRole.UserRole
# A text column stops at about this many characters: a 200-character agency name sized its column
# to ~1,700 px and pushed every score out of sight; the cell elides and its tooltip holds it all.
MAX_COLUMN_CHARS = 40


def _table(accessible: str) -> QTableWidget:
    table = QTableWidget()
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setAccessibleName(accessible)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    hide_row_numbers(table)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def change_text(change: float | None, percent: bool) -> str:
    """A change since the agency's round before: ▲ +0.25, ▼ -0.40 or "no change"."""
    return fmt_change(change, percent, QCoreApplication.translate("RollupView", "no change"))


def versus_text(value: str, diff: float | None, percent: bool) -> str:
    """A score and its difference from the state median: "2.50 (▲ +0.26)", "2.24 (at the
    median)"; never "2.24 = 0.00", which reads as a sum."""
    if diff is None:
        return value
    same = QCoreApplication.translate("RollupView", "at the median")
    return f"{value} ({fmt_change(diff, percent, same)})"


def _with_note(table: QTableWidget, note: str) -> QWidget:
    box = QWidget()
    label = QLabel(note)
    label.setWordWrap(True)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addWidget(label)
    layout.addWidget(table, 1)
    return box


class RollupView(QTabWidget):
    def __init__(self, conn: sqlite3.Connection, lang: str) -> None:
        super().__init__()
        self.conn = conn
        self.lang = lang
        self.rollup: Rollup | None = None
        self.setAccessibleName(self.tr("Views of the state picture"))
        self.reporting = _table(
            self.tr("Agencies that reported in the period and those that did not")
        )
        self.domains = _table(self.tr("State distribution by domain"))
        self.chart = StateChart()
        self.chart.setAccessibleName(self.tr("Chart of the state distribution by domain"))
        self.versus = _table(self.tr("Each agency against the state median"))
        self.changes = _table(self.tr("Change since each agency's previous round"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.domains)
        split.addWidget(self.chart)
        split.setSizes([760, 560])  # the domain names need the room more than the chart
        splitter_in_reading_order(split)
        tabs_in_reading_order(self)  # the tabs are read before the page under them
        self.addTab(self.reporting, self.tr("Who re&ported"))
        self.addTab(split, self.tr("State by &domain"))
        versus_note = self.tr(
            "Each cell: the agency's score, then ▲ above or ▼ below the state median by how much."
            " Hover a domain's column header for its name."
        )
        changes_note = self.tr(
            "Change since the agency's previous round of this instrument: ▲ higher, ▼ lower,"
            " = the same. Like with like: consensus with consensus when both rounds have one,"
            " otherwise team mean with team mean; no change when the band metric changed."
        )
        self.addTab(_with_note(self.versus, versus_note), self.tr("Against the &state"))
        self.addTab(_with_note(self.changes, changes_note), self.tr("Chan&ge between rounds"))
        self.sites = RollupSitesView()
        # no Alt letter: every free one is taken in English or Spanish; Ctrl+Tab reaches it
        self.addTab(self.sites, self.tr("Agencies by site"))

    def show_rollup(self, rollup: Rollup | None) -> None:
        refcount_guard.install()  # tens of thousands of cells: PySide6 would free None
        self.rollup = rollup
        if rollup is None:
            for table in (self.reporting, self.domains, self.versus, self.changes):
                table.clear()
                table.setRowCount(0)
                table.setColumnCount(0)
            self.chart.set_data([], 0.0, 1.0, False)
            self.sites.show_rollup(None)
            return
        self.sites.show_rollup(rollup)
        self._fill_reporting()
        self._fill_domains()
        self._fill_versus()
        self._fill_changes()

    # ------------------------------------------------------------ formatting
    @property
    def _percent(self) -> bool:
        return self.rollup is not None and self.rollup.instrument.band_metric == "percent"

    def unit_text(self) -> str:
        if self._percent:
            return self.tr("percent of the maximum")
        assert self.rollup is not None
        scale = self.rollup.instrument.scale
        return self.tr("means on the {0}–{1} scale").format(
            fmt_value(scale.min_value), fmt_value(scale.max_value)
        )

    def _fmt(self, value: float | None) -> str:
        if value is None:
            return "–"
        return f"{fmt_number(value, 0)} %" if self._percent else fmt_number(value)

    def _scope_label(self, scope: Scope) -> str:
        return self.tr("Overall") if scope.title is None else scope.title.get(self.lang)

    def completeness(self, agency: AgencyRound) -> str:
        """Incomplete data in words (never colour alone)."""
        if not agency.incomplete:
            return self.tr("✔ complete")
        words = []
        if FLAG_NO_TEAM in agency.flags:
            words.append(self.tr("no team members"))
        if FLAG_UNANSWERED in agency.flags:
            words.append(
                self.tr("{0} of {1} team members left items unanswered").format(
                    agency.incomplete_respondents, agency.respondents
                )
            )
        if FLAG_NO_CONSENSUS in agency.flags:
            words.append(self.tr("no consensus on every item (team mean used)"))
        if FLAG_OTHER_SCALE in agency.flags:
            words.append(
                self.tr(
                    "version {0} scores on another scale: not counted in the state statistics"
                ).format(agency.instrument.version)
            )
        return "⚠ " + " / ".join(words)

    def _put(
        self,
        table: QTableWidget,
        row: int,
        cells: list[str],
        data: list[object],
        font: QFont | None = None,
    ) -> None:
        for c, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            if c < len(data) and data[c] is not None:
                cell.setData(ROLE, data[c])
            if font is not None:
                cell.setFont(font)
            table.setItem(row, c, cell)

    def _start(self, table: QTableWidget, headers: list[str], rows: int) -> None:
        # Fit-to-contents columns would re-measure every row at each cell set: off while filling
        # (a thousand agencies took seconds), back on in _finish; no repaint until then either.
        table.setUpdatesEnabled(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(rows)

    def _finish(self, table: QTableWidget) -> None:
        header = table.horizontalHeader()
        # Column widths from the first rows only: measuring all of 10,000 agencies' cells would
        # cost more than filling them (Qt's default precision is 1,000 rows).
        header.setResizeContentsPrecision(200)
        table.resizeColumnsToContents()  # once; the columns stay Interactive (the user may widen)
        cap = table.fontMetrics().averageCharWidth() * MAX_COLUMN_CHARS
        for column in range(table.columnCount()):
            if table.columnWidth(column) > cap:
                table.setColumnWidth(column, cap)
        table.setUpdatesEnabled(True)

    def _domain_headers(self, table: QTableWidget, first: int) -> None:
        assert self.rollup is not None
        for offset, scope in enumerate(self.rollup.domains):
            item = table.horizontalHeaderItem(first + offset)
            if item is not None:
                item.setToolTip(f"{scope.id} {self._scope_label(scope)}")

    # ------------------------------------------------------------ tables
    def _fill_reporting(self) -> None:
        assert self.rollup is not None
        rollup = self.rollup
        headers = [
            self.tr("Agency"),
            self.tr("Site / region"),
            self.tr("Reported?"),
            self.tr("Latest round"),
            self.tr("Period ends"),
            self.tr("Complete?"),
        ]
        self._start(self.reporting, headers, len(rollup.agencies) + len(rollup.not_reported))
        row = 0
        for agency in rollup.agencies:
            org = agency.organization
            self._put(
                self.reporting,
                row,
                [
                    org.name,
                    " / ".join(p for p in (org.site, org.region) if p),
                    self.tr("✔ reported"),
                    agency.round.name,
                    fmt_date(agency.round.period_end),
                    self.completeness(agency),
                ],
                [org.id, None, "reported", agency.round.id, None, agency.incomplete],
            )
            row += 1
        for org in rollup.not_reported:
            latest = self.conn.execute(
                "SELECT name, period_end FROM rounds WHERE organization_id = ?"
                " AND instrument_id = ? ORDER BY period_end DESC, id DESC LIMIT 1",
                (org.id, rollup.instrument.id),
            ).fetchone()
            self._put(
                self.reporting,
                row,
                [
                    org.name,
                    " / ".join(p for p in (org.site, org.region) if p),
                    self.tr("✖ not reported"),
                    self.tr("{0} (outside the period)").format(latest[0]) if latest else "",
                    fmt_date(date.fromisoformat(latest[1])) if latest else "",
                    "",
                ],
                [org.id, None, "not_reported"],
            )
            row += 1
        self._finish(self.reporting)

    def _fill_domains(self) -> None:
        assert self.rollup is not None
        rollup = self.rollup
        headers = [
            self.tr("Domain"),
            self.tr("Agencies"),
            self.tr("Median"),
            self.tr("Quartiles"),
            self.tr("Min–max"),
        ]
        self._start(self.domains, headers, len(rollup.scopes))
        bold = QFont(self.domains.font())
        bold.setBold(True)
        for r, scope in enumerate(rollup.scopes):
            stats = rollup.state[scope.id]
            label = self._scope_label(scope)
            self._put(
                self.domains,
                r,
                [
                    label if scope.id == OVERALL else f"{scope.id} {label}",
                    str(stats.n),
                    self._fmt(stats.median),
                    f"{self._fmt(stats.q1)} – {self._fmt(stats.q3)}",
                    f"{self._fmt(stats.min)} – {self._fmt(stats.max)}",
                ],
                [scope.id, stats.n, stats.median],
                bold if scope.kind != "domain" else None,
            )
        self._finish(self.domains)
        self.domains.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        inst = rollup.instrument
        lo, hi = (0.0, 100.0) if self._percent else (inst.scale.min_value, inst.scale.max_value)
        boxes = [
            BoxRow(s.id, st.n, st.median, st.q1, st.q3, st.min, st.max)
            for s in rollup.domains
            for st in [rollup.state[s.id]]
        ]
        self.chart.set_data(boxes, lo, hi, self._percent)

    def _fill_versus(self) -> None:
        assert self.rollup is not None
        rollup = self.rollup
        scopes = [OVERALL, *[d.id for d in rollup.domains]]
        headers = [self.tr("Agency"), self.tr("Overall"), *scopes[1:]]
        self._start(self.versus, headers, len(rollup.agencies))
        for r, agency in enumerate(rollup.agencies):
            cells = [agency.organization.name]
            data: list[object] = [agency.organization.id]
            for scope in scopes:
                diff = rollup.vs_median(agency, scope)
                value = agency.score(scope)
                cells.append(versus_text(self._fmt(value), diff, self._percent))
                data.append(diff)
            self._put(self.versus, r, cells, data)
        self._finish(self.versus)
        self._domain_headers(self.versus, 2)

    def _fill_changes(self) -> None:
        assert self.rollup is not None
        rollup = self.rollup
        domains = [d.id for d in rollup.domains]
        headers = [
            self.tr("Agency"),
            self.tr("Previous round"),
            self.tr("Overall before"),
            self.tr("Overall now"),
            self.tr("Overall change"),
            *domains,
        ]
        self._start(self.changes, headers, len(rollup.agencies))
        for r, agency in enumerate(rollup.agencies):
            previous = agency.previous_round
            cells = [
                agency.organization.name,
                previous.name if previous else self.tr("(first round here)"),
                self._fmt(agency.previous()) if previous else "–",
                self._fmt(agency.score()),
                change_text(agency.change(), self._percent) or "–",
            ]
            cells += [change_text(agency.change(d), self._percent) or "–" for d in domains]
            changes = [agency.change(d) for d in domains]
            data: list[object] = [agency.organization.id, None, None, None, agency.change()]
            self._put(self.changes, r, cells, [*data, *changes])
        self._finish(self.changes)
        self._domain_headers(self.changes, 5)
