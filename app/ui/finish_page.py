"""One person's finish page: their scores by domain and band, and what is still unanswered."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt, Signal
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

from app.core.instrument import Instrument
from app.core.scoring import Scorecard, Summary, counted_reason
from app.services.personal_scores import personal_scores
from app.ui.page_title import PageTitle
from app.ui.table_headers import hide_row_numbers
from app.ui.texts import fmt_number, fmt_value, role_label


class FinishPage(QWidget):
    back_to_round = Signal(int)
    go_to_item = Signal(int, str)
    save_copy = Signal(int)  # respondent id: their own answers and scores as a PDF

    def __init__(self, conn: sqlite3.Connection, lang: str) -> None:
        super().__init__()
        self.conn = conn
        self.lang = lang
        self.respondent_id: int | None = None
        self.card: Scorecard | None = None
        self.title = PageTitle()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 4)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Scores by domain"))
        self.table.setAccessibleDescription(self.tr("Score and band of each section and domain."))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Domain"), self.tr("Answered"), self.tr("Score"), self.tr("Band")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        hide_row_numbers(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.unanswered_label = QLabel()
        self.unanswered = QListWidget()
        self.unanswered.setAccessibleName(self.tr("Unanswered items"))
        self.unanswered.setAccessibleDescription(
            self.tr("Enter goes to the selected item to answer it.")
        )
        self.unanswered.itemActivated.connect(self._go)
        self.unanswered_label.setBuddy(self.unanswered)
        self.back_button = QPushButton(self.tr("&Done — back to the team"))
        self.back_button.setDefault(True)
        self.back_button.clicked.connect(self._back)
        self.resume_button = QPushButton(self.tr("&Answer the first unanswered item"))
        self.resume_button.clicked.connect(lambda: self._go(self.unanswered.item(0)))
        self.copy_button = QPushButton(self.tr("Save &my copy as PDF…"))
        self.copy_button.setAccessibleDescription(
            self.tr("Save this person's answers and scores as a PDF for their own records")
        )
        self.copy_button.clicked.connect(lambda: self.save_copy.emit(self.respondent_id))
        buttons = QHBoxLayout()
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.unanswered_label)
        layout.addWidget(self.unanswered, 1)
        layout.addLayout(buttons)

    def _metric(self, instrument: Instrument, s: Summary) -> str:
        if instrument.band_metric == "percent":
            return "–" if s.percent is None else f"{fmt_number(s.percent, 0)} %"
        if instrument.band_metric == "sum":  # a total, unbanded while an item is not scored
            return fmt_number(s.total)
        return fmt_number(s.mean)

    def _band(self, instrument: Instrument, s: Summary, section_id: str | None = None) -> str:
        band = next((b for b in instrument.bands if b.id == s.band_id), None)
        if section_id is not None:
            section = instrument.section(section_id)
            if section is not None and section.bands:
                band = next((b for b in section.bands if b.id == s.band_id), None)
        if band is None:
            return "–"
        if self.card is not None and not self.card.overall.complete:
            # Until the person finishes, every score is provisional: no band that looks final.
            return self.tr("provisional ({0} so far)").format(band.label.get(self.lang))
        return band.label.get(self.lang)

    def _individual_lines(self, instrument: Instrument, overall: Summary) -> list[str]:
        """A person's own result on an individual instrument: raw total, the converted 0-100
        score from the instrument's table, and its band. There is no team consensus."""
        table = instrument.score_table or {}
        lo, hi = (min(table), max(table)) if table else (0, 0)
        band = instrument.band_for(overall.converted)
        lines = [
            self.tr("Raw total: {0} (possible {1}–{2})").format(fmt_value(overall.total), lo, hi),
            self.tr("Converted score: {0} of 100 — {1}").format(
                fmt_number(overall.converted, 1), band.label.get(self.lang) if band else "–"
            ),
        ]
        if band is not None:
            lines.append(band.meaning.get(self.lang))
        else:
            lines.append(
                self.tr("No converted score yet: the table needs a scored answer to every item.")
            )
            if self.card is not None and counted_reason(instrument, self.card) is not None:
                lines.append(self.tr("Not counted in the team's scores yet."))
        lines.append(
            self.tr(
                "Each person answers this survey for themselves; there is no consensus meeting."
            )
        )
        return lines

    def load(self, respondent_id: int) -> None:
        self.respondent_id = respondent_id
        person, rnd, instrument, choices, card = personal_scores(self.conn, respondent_id)
        self.instrument = instrument
        self.round_id = rnd.id
        self.card = card
        self.title.setText(
            self.tr("Scores of {0} ({1})").format(person.display_name, role_label(person.role))
        )
        overall = card.overall
        band = next((b for b in instrument.bands if b.id == overall.band_id), None)
        scale = (
            self.tr("percent of the maximum")
            if instrument.band_metric == "percent"
            else self.tr("total of the answers")
            if instrument.band_metric == "sum"
            else self.tr("average rating, {0}–{1}").format(
                fmt_value(instrument.scale.min_value), fmt_value(instrument.scale.max_value)
            )
        )
        if instrument.kind == "individual":
            lines = self._individual_lines(instrument, overall)
        elif overall.complete:
            lines = [
                self.tr("Overall: {0} ({1}) — {2}").format(
                    self._metric(instrument, overall),
                    scale,
                    band.label.get(self.lang) if band else "–",
                )
            ]
            if band:
                lines.append(band.meaning.get(self.lang))
        else:
            lines = [
                self.tr(
                    "Provisional overall so far: {0} ({1}). No band until every item is answered."
                ).format(self._metric(instrument, overall), scale)
            ]
            if counted_reason(instrument, card) is not None:
                lines.append(self.tr("Not counted in the team's scores yet."))
        lines.append(
            self.tr(
                "{0} of %n item(s) answered; {1} marked don't know or not applicable.",
                "",
                overall.total_items,
            ).format(overall.answered, overall.not_scored)
        )
        self.summary.setText("\n".join(lines))
        rows: list[tuple[str, Summary, str | None, bool]] = []
        for section in instrument.sections:
            if section.has_subsections:
                rows.append(
                    (
                        f"{section.id} {section.title.get(self.lang)}",
                        card.sections[section.id],
                        section.id,
                        True,
                    )
                )
                for domain in section.domains:
                    rows.append(
                        (
                            f"    {domain.id} {domain.title.get(self.lang)}",
                            card.domains[domain.id],
                            section.id,
                            False,
                        )
                    )
            else:
                rows.append(
                    (
                        f"{section.id} {section.title.get(self.lang)}",
                        card.sections[section.id],
                        section.id,
                        True,
                    )
                )
        self.table.setRowCount(len(rows))
        for r, (label, s, section_id, bold) in enumerate(rows):
            individual = instrument.kind == "individual"  # the table converts the whole only
            cells = [
                label,
                self.tr("{0} of {1}").format(s.answered, s.total_items),
                fmt_value(s.total) if individual else self._metric(instrument, s),
                "–" if individual else self._band(instrument, s, section_id),
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if bold:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(r, c, cell)
        self.unanswered.clear()
        missing = [i for i in instrument.iter_items() if i.id not in choices]
        for item in missing:
            entry = QListWidgetItem(f"{item.id}  {item.prompt.get(self.lang)}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.unanswered.addItem(entry)
        self.unanswered_label.setText(
            self.tr("Still &unanswered: {0} (double-click or Enter to answer)").format(len(missing))
            if missing
            else self.tr("Every item is answered. Thank you!")
        )
        self.unanswered.setVisible(bool(missing))
        self.resume_button.setVisible(bool(missing) and rnd.status == "open")

    def _go(self, entry: QListWidgetItem | None) -> None:
        if entry is not None and self.respondent_id is not None:
            self.go_to_item.emit(self.respondent_id, entry.data(Qt.ItemDataRole.UserRole))

    def _back(self) -> None:
        self.back_to_round.emit(self.round_id)
