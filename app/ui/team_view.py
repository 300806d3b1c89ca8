"""Team view: every item × every team member, the team's statistics and the flags that guide
the consensus meeting; domain scores as a chart beside the previous round."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.instrument import Instrument, Item
from app.core.scoring import OVERALL
from app.services.team_review import (
    ItemRow,
    TeamReview,
    column_labels,
    show_names,
    sort_rows,
    team_review,
)
from app.ui.announce import announce
from app.ui.domain_chart import ChartBar, DomainChart
from app.ui.individual_summary import individual_summary
from app.ui.page_title import PageTitle, wrap_freely
from app.ui.reading_order import splitter_in_reading_order
from app.ui.table_headers import hide_row_numbers
from app.ui.texts import counted, fmt_number, fmt_score, fmt_value, role_label, status_label


def flag_text(row: ItemRow) -> str:
    from PySide6.QtCore import QCoreApplication

    words = {
        "low": QCoreApplication.translate("TeamView", "LOW"),
        "disagreement": QCoreApplication.translate("TeamView", "SPLIT"),
        "dont_know": QCoreApplication.translate("TeamView", "DON'T KNOW"),
    }
    return " · ".join(words[f] for f in row.flags)


def code_text(item: Item, code: str | None) -> str:
    """A stored answer as shown in a grid cell: the value, or D / N, or empty.

    D and N are the keys the rating screen shows ([D], [N]) and takes in every language, so the
    team grid and the meeting's buttons use the same letters (not English "DK" / "NA").
    """
    if code is None:
        return ""
    choice = item.scale.choice(code)
    if choice is None:
        return code
    if choice.kind == "dont_know":
        return "D"
    if choice.kind == "not_applicable":
        return "N"
    return fmt_value(choice.value)


def two_lines(header: str) -> str:
    """A column title of several words on two lines, broken at the space nearest its middle:
    the columns under "Peer specialist" or "Especialista de apoyo entre pares" hold a digit or
    two, and one-line titles made the grid scroll sideways at 1366 px."""
    spaces = [i for i, ch in enumerate(header) if ch == " "]
    if not spaces or "\n" in header:
        return header
    middle = len(header) / 2
    cut = min(spaces, key=lambda i: abs(i - middle))
    return header[:cut] + "\n" + header[cut + 1 :]


class TeamViewPage(QWidget):
    back = Signal(int)
    meeting = Signal(int)
    action_plan = Signal(int)
    history = Signal(int)
    toggle_status = Signal(int)
    print_scorecard = Signal(int)

    def __init__(self, conn: sqlite3.Connection, lang: str) -> None:
        super().__init__()
        self.conn = conn
        self.lang = lang
        self.round_id: int | None = None
        self.review: TeamReview | None = None
        self.title = PageTitle()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        self.summary = wrap_freely(QLabel())
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.back_button = QPushButton(self.tr("← &Team"))
        self.back_button.setAccessibleDescription(self.tr("Back to the round"))
        self.back_button.clicked.connect(lambda: self.round_id and self.back.emit(self.round_id))

        self.show_names = QCheckBox(self.tr("Show &names (otherwise roles only)"))
        self.show_names.toggled.connect(self._names_toggled)
        self.flagged_only = QCheckBox(self.tr("Fla&gged items only"))
        self.flagged_only.toggled.connect(self._flagged_toggled)
        self.sort = QComboBox()
        self.sort.setAccessibleName(self.tr("Sort items by"))
        self.sort.addItem(self.tr("Domain order"), "domain")
        self.sort.addItem(self.tr("Lowest mean first"), "mean")
        self.sort.addItem(self.tr("Widest spread first"), "spread")
        self.sort.currentIndexChanged.connect(lambda _i: self._fill_grid())
        sort_label = QLabel(self.tr("&Sort:"))
        sort_label.setBuddy(self.sort)

        self.grid = QTableWidget()
        self.grid.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.grid.setAccessibleName(self.tr("Ratings of every item by every team member"))
        self.grid.setAccessibleDescription(
            self.tr(
                "One row per item: the flags, each member's rating, the team statistics and the"
                " agreed answer."
            )
        )
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setWordWrap(False)
        hide_row_numbers(self.grid)
        self.domains = QTableWidget()
        self.domains.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.domains.setAccessibleName(self.tr("Team scores by domain"))
        self.domains.setAccessibleDescription(
            self.tr("Team score, range of members, band and previous round of each domain.")
        )
        self.domains.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        hide_row_numbers(self.domains)
        self.domains.setWordWrap(True)  # a long domain name takes a second line, never "1…"
        self.domains.horizontalHeader().sectionResized.connect(
            lambda *_a: self.domains.resizeRowsToContents()
        )
        self.chart = DomainChart()
        self.chart.setAccessibleName(self.tr("Chart of domain scores"))

        self.meeting_button = QPushButton(self.tr("Consensus &meeting…"))
        self.meeting_button.clicked.connect(lambda: self._emit(self.meeting))
        self.plan_button = QPushButton(self.tr("&Action plan…"))
        self.plan_button.clicked.connect(lambda: self._emit(self.action_plan))
        self.history_button = QPushButton(self.tr("&Rounds over time…"))
        self.history_button.clicked.connect(lambda: self._emit(self.history))
        self.print_button = QPushButton(self.tr("&Print / Save PDF…"))
        self.print_button.clicked.connect(lambda: self._emit(self.print_scorecard))
        self.status_button = QPushButton()
        self.status_button.clicked.connect(lambda: self._emit(self.toggle_status))

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        options = QHBoxLayout()
        options.addWidget(self.show_names)
        options.addWidget(self.flagged_only)
        options.addStretch(1)
        options.addWidget(sort_label)
        options.addWidget(self.sort)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.domains)
        lower.addWidget(self.chart)
        # the domain table needs the room (its names were cut to "1…"); the chart scales
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setSizes([720, 480])
        splitter_in_reading_order(lower)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.grid)
        split.addWidget(lower)
        split.setSizes([420, 260])
        splitter_in_reading_order(split)  # the grid above is read before the domain scores
        buttons = QHBoxLayout()
        for b in (
            self.meeting_button,
            self.plan_button,
            self.history_button,
            self.print_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.status_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(options)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    def _emit(self, signal: object) -> None:
        if self.round_id is not None:
            signal.emit(self.round_id)  # type: ignore[attr-defined]

    # ------------------------------------------------------------ data
    def load(self, round_id: int) -> None:
        self.round_id = round_id
        self.review = team_review(self.conn, round_id)
        scores = self.review.scores
        rnd, org, inst = scores.round, scores.organization, scores.instrument
        self.instrument: Instrument = inst
        self.title.setText(
            self.tr("Team view · {0} · {1} ({2})").format(
                org.name, rnd.name, status_label(rnd.status)
            )
        )
        self.show_names.blockSignals(True)
        self.show_names.setChecked(rnd.show_names)
        self.show_names.blockSignals(False)
        self.show_names.setEnabled(rnd.status == "open")
        self.status_button.setText(
            self.tr("&Close round…") if rnd.status == "open" else self.tr("Re&open round…")
        )
        individual = inst.kind == "individual"
        # An individual survey has no consensus: each person's own answers are their result.
        self.meeting_button.setVisible(not individual)
        self.meeting_button.setEnabled(
            not individual and rnd.status == "open" and bool(scores.respondents)
        )
        official = scores.official.get(OVERALL)
        band = inst.band_for(official)
        source = (
            self.tr("consensus scores")
            if scores.official_source == "consensus"
            else self.tr("team mean — not every item has an agreed answer yet")
        )
        flagged = len(self.review.flagged)
        agreed = len(scores.consensus_choices)
        if individual:
            self.summary.setText(individual_summary(scores, self.lang))
        else:
            self.summary.setText(
                self.tr(
                    "Overall: {0} — {1} ({2}). {3}. {4} of {5} flagged; {6} of {7} agreed in the"
                    " meeting."
                ).format(
                    self._fmt(official),
                    band.label.get(self.lang) if band else "–",
                    source,
                    counted("team_member", len(scores.respondents)),
                    flagged,
                    counted("item", len(self.review.rows)),
                    agreed,
                    len(self.review.rows),
                )
            )
        left_out = [p for p in scores.respondents if not scores.team.is_counted(p.id)]
        if left_out:
            people = "; ".join(
                self.tr("{0}, {1} of {2} answered").format(
                    p.display_name if rnd.show_names else role_label(p.role),
                    scores.team.scorecards[p.id].overall.answered,
                    scores.team.scorecards[p.id].overall.total_items,
                )
                for p in left_out
            )
            rule = (
                self.tr("team scores count those who finished")
                if inst.count_share is None
                else self.tr(
                    "team scores count those who answered at least {0} % of the items"
                ).format(fmt_number(100 * inst.count_share, 0))
            )
            self.summary.setText(
                self.summary.text()
                + "\n"
                + self.tr(
                    "Not counted yet ({0} of %n people; {1}): {2}", "", len(scores.respondents)
                ).format(len(left_out), rule, people)
            )
        self._fill_grid()
        self._fill_domains()

    def _fmt(self, value: float | None) -> str:
        return fmt_score(value, self.instrument.band_metric == "percent")

    def visible_rows(self) -> list[ItemRow]:
        assert self.review is not None
        rows = self.review.flagged if self.flagged_only.isChecked() else self.review.rows
        return sort_rows(rows, self.sort.currentData() or "domain")

    def _fill_grid(self) -> None:
        if self.review is None:
            return
        review = self.review
        labels = column_labels(
            review.columns,
            self.show_names.isChecked(),
            {p.role: role_label(p.role) for p in review.columns},
        )
        fixed = [
            self.tr("Mean"),
            self.tr("Median"),
            self.tr("Min–max"),
            self.tr("Spread"),
            self.tr("Agreed"),
            self.tr("Planned"),
            self.tr("Comments"),
        ]
        headers = [self.tr("Item"), self.tr("Flags"), *labels, *fixed]
        rows = self.visible_rows()
        self.grid.clear()
        self.grid.setColumnCount(len(headers))
        self.grid.setHorizontalHeaderLabels([two_lines(h) for h in headers])
        self.grid.setRowCount(len(rows))
        bold = QFont(self.grid.font())
        bold.setBold(True)
        for r, row in enumerate(rows):
            item = self.instrument.item(row.item_id)
            assert item is not None
            stats = row.stats.values
            planned = "; ".join(
                (p.goal or self.tr("(no goal yet)"))[:60] + f" [{p.status}]" for p in row.planned
            )
            cells = [
                f"{item.id}  {item.prompt.get(self.lang)}",
                flag_text(row),
                *[code_text(item, c) for c in row.codes],
                fmt_number(stats.mean),
                fmt_number(stats.median, 1),
                "–" if stats.min is None else f"{fmt_value(stats.min)}–{fmt_value(stats.max)}",
                fmt_value(stats.spread),
                code_text(item, row.consensus),
                planned,
                " · ".join(row.comment_lines(labels)),
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if c == 0:
                    cell.setToolTip(item.prompt.get(self.lang))
                if c == len(cells) - 2 and text:
                    cell.setToolTip(text)
                if row.flags and c == 1:
                    cell.setFont(bold)
                if c == len(cells) - 1 and text:
                    cell.setToolTip("\n".join(row.comment_lines(labels)))
                cell.setData(Qt.ItemDataRole.UserRole, row.item_id)
                self.grid.setItem(r, c, cell)
        # No "Agreed" column for an individual survey: it never has a consensus answer.
        agreed_column = 2 + len(labels) + 4
        self.grid.setColumnHidden(agreed_column, self.instrument.kind == "individual")
        # Numbers and marks take what they need; the item's wording takes what is left, and
        # Planned and Comments a fixed share (elided, the full text on hover): a long comment
        # made the grid scroll sideways at 1366 px and pushed Mean out of sight.
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        planned_column, comments_column = len(headers) - 2, len(headers) - 1
        char = self.grid.fontMetrics().averageCharWidth()
        header.setSectionResizeMode(planned_column, QHeaderView.ResizeMode.Interactive)
        self.grid.setColumnWidth(planned_column, 10 * char)
        header.setSectionResizeMode(comments_column, QHeaderView.ResizeMode.Interactive)
        self.grid.setColumnWidth(comments_column, 8 * char)
        for c in (planned_column, comments_column):  # cut in Spanish ("Comentarios"): hover
            title = self.grid.horizontalHeaderItem(c)
            if title is not None:
                title.setToolTip(title.text())
        # A member's column holds a code; its title (a role, or a name of any length) is elided
        # beyond about eight characters, in full on hover.
        for c, label in enumerate(labels, 2):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            self.grid.setColumnWidth(c, 8 * char)
            title = self.grid.horizontalHeaderItem(c)
            if title is not None:
                title.setToolTip(label)

    def _fill_domains(self) -> None:
        assert self.review is not None
        scores = self.review.scores
        inst = self.instrument
        percent = inst.band_metric == "percent"
        headers = [
            self.tr("Domain"),
            self.tr("Team"),
            self.tr("Range of members"),
            self.tr("Band"),
            self.tr("Low"),
            self.tr("Split"),
            self.tr("Previous round"),
        ]
        self.domains.setColumnCount(len(headers))
        self.domains.setHorizontalHeaderLabels([two_lines(h) for h in headers])
        self.domains.setRowCount(len(inst.domains))
        bars = []
        for r, domain in enumerate(inst.domains):
            stats = scores.team.domains[domain.id]
            dist = stats.metric(inst.band_metric)
            value = scores.official.get(domain.id)
            band = inst.band_for(value, domain.section_id)
            comparison = scores.comparison
            # Like with like: the previous round only on the basis and metric shown here.
            prev = (
                comparison.previous.get(domain.id)
                if comparison is not None
                and comparison.reason is None
                and comparison.basis == comparison.current_official_basis
                else None
            )
            cells = [
                f"{domain.id} {domain.title.get(self.lang)}",
                self._fmt(value),
                "–" if dist.min is None else f"{self._fmt(dist.min)} – {self._fmt(dist.max)}",
                band.label.get(self.lang) if band else "–",
                str(stats.low_items),
                str(stats.disagreement_items),
                self._fmt(prev) if scores.previous_round else "",
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.domains.setItem(r, c, cell)
            bars.append(ChartBar(domain.id, value, dist.min, dist.max, prev))
        header = self.domains.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.domains.resizeRowsToContents()
        lo, hi = (0.0, 100.0) if percent else (inst.scale.min_value, inst.scale.max_value)
        previous = scores.previous_round.name if scores.previous_round else ""
        self.chart.set_data(bars, lo, hi, self.tr("This round"), previous)

    def _flagged_toggled(self, on: bool) -> None:
        """The grid changes under the check box: say how many items it now shows, or a
        screen-reader user hears "checked" and nothing about the grid."""
        self._fill_grid()
        if self.review is None:
            return
        shown, total = len(self.visible_rows()), len(self.review.rows)
        announce(
            self.grid,
            self.tr("Showing the {0} flagged items of {1}").format(shown, total)
            if on
            else self.tr("Showing all {0} items").format(total),
        )

    def _names_toggled(self, on: bool) -> None:
        if self.round_id is None:
            return
        show_names(self.conn, self.round_id, on)
        self._fill_grid()
