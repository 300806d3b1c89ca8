"""The coordinator's roll-up on screen: four tabs over one `Rollup`.

Who reported (and who did not, with their latest round outside the period), the state's
distribution per domain as a table and a box-plot chart, each agency against the state median, and
each agency's change since its previous round. Differences carry an arrow and a sign, and
incomplete data is flagged in words, never by colour alone. Raw values sit in each cell's
UserRole so tests and sorting compare numbers, not formatted text. The tables are models that
format a row only when it is read (app/ui/lazy_table.py): 10,000 agencies show at once.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.models import Organization
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
from app.ui.lazy_table import LazyTable, Row
from app.ui.reading_order import splitter_in_reading_order, tabs_in_reading_order
from app.ui.rollup_sites_view import RollupSitesView
from app.ui.state_chart import BoxRow, StateChart
from app.ui.texts import fmt_change, fmt_date, fmt_score, fmt_value

ROLE = Qt.ItemDataRole.UserRole


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


def _with_note(table: LazyTable, note: str) -> QWidget:
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
        self.latest: dict[int, tuple[str, date]] = {}
        self.setAccessibleName(self.tr("Views of the state picture"))
        self.reporting = LazyTable(
            self.tr("Agencies that reported in the period and those that did not")
        )
        self.domains = LazyTable(self.tr("State distribution by domain"))
        self.chart = StateChart()
        self.chart.setAccessibleName(self.tr("Chart of the state distribution by domain"))
        self.versus = LazyTable(self.tr("Each agency against the state median"))
        self.changes = LazyTable(self.tr("Change since each agency's previous round"))
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

    def show_rollup(
        self, rollup: Rollup | None, latest: dict[int, tuple[str, date]] | None = None
    ) -> None:
        """Show `rollup` (None: empty tables); `latest` names each agency that did not report's
        latest round outside the period (app/services/state_picture.py reads it)."""
        refcount_guard.install()  # PySide6 would free None on many void calls
        self.rollup = rollup
        self.latest = latest or {}
        if rollup is None:
            for table in (self.reporting, self.domains, self.versus, self.changes):
                table.show_rows([], [], lambda _source: Row(()))
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
        return fmt_score(value, self._percent)

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

    def _domain_tips(self, table: LazyTable, first: int) -> None:
        assert self.rollup is not None
        table.rows.set_header_tips(
            {
                first + offset: f"{scope.id} {self._scope_label(scope)}"
                for offset, scope in enumerate(self.rollup.domains)
            }
        )

    # ------------------------------------------------------------ tables
    # Each table gets its rows' source objects and a function formatting one row; the model
    # (app/ui/lazy_table.py) calls it only for the rows a view, a screen reader or a sort reads.
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
        reported, not_reported = self.tr("✔ reported"), self.tr("✖ not reported")
        outside = self.tr("{0} (outside the period)")
        latest = self.latest

        def reported_row(agency: AgencyRound) -> Row:
            org = agency.organization
            return Row(
                [
                    org.name,
                    " / ".join(p for p in (org.site, org.region) if p),
                    reported,
                    agency.round.name,
                    fmt_date(agency.round.period_end),
                    self.completeness(agency),
                ],
                [org.id, None, "reported", agency.round.id, None, agency.incomplete],
            )

        def not_reported_row(org: Organization) -> Row:
            last = latest.get(org.id)
            return Row(
                [
                    org.name,
                    " / ".join(p for p in (org.site, org.region) if p),
                    not_reported,
                    outside.format(last[0]) if last else "",
                    fmt_date(last[1]) if last else "",
                    "",
                ],
                [org.id, None, "not_reported"],
            )

        def row(source: AgencyRound | Organization) -> Row:
            if isinstance(source, AgencyRound):
                return reported_row(source)
            return not_reported_row(source)

        self.reporting.show_rows(headers, [*rollup.agencies, *rollup.not_reported], row)

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
        bold = QFont(self.domains.font())
        bold.setBold(True)

        def row(scope: Scope) -> Row:
            stats = rollup.state[scope.id]
            label = self._scope_label(scope)
            return Row(
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

        self.domains.show_rows(headers, list(rollup.scopes), row)
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
        percent = self._percent

        def row(agency: AgencyRound) -> Row:
            cells = [agency.organization.name]
            data: list[object] = [agency.organization.id]
            for scope in scopes:
                diff = rollup.vs_median(agency, scope)
                cells.append(versus_text(self._fmt(agency.score(scope)), diff, percent))
                data.append(diff)
            return Row(cells, data)

        self.versus.show_rows(headers, rollup.agencies, row)
        self._domain_tips(self.versus, 2)

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
        first_round = self.tr("(first round here)")
        percent = self._percent

        def row(agency: AgencyRound) -> Row:
            previous = agency.previous_round
            cells = [
                agency.organization.name,
                previous.name if previous else first_round,
                self._fmt(agency.previous()) if previous else "–",
                self._fmt(agency.score()),
                change_text(agency.change(), percent) or "–",
            ]
            cells += [change_text(agency.change(d), percent) or "–" for d in domains]
            changes = [agency.change(d) for d in domains]
            data: list[object] = [agency.organization.id, None, None, None, agency.change()]
            return Row(cells, [*data, *changes])

        self.changes.show_rows(headers, rollup.agencies, row)
        self._domain_tips(self.changes, 5)
