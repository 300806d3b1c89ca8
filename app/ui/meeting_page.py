"""The consensus meeting: step through the items (all, or flagged only), see how the team rated
each one without names, record the agreed answer and a short rationale. Saved like any answer.

Keys as in the walkthrough: the digit shown on a choice (or D / N) agrees on it, the arrows move
among the choices, Tab goes from the choices (one stop, a radio group to a screen reader, as on the
rating screen) to the rationale, which is committed when the focus leaves it; Alt+N / Alt+P move
on."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import SmsOatError
from app.core.instrument import Item
from app.services.team_review import (
    ItemRow,
    TeamReview,
    column_labels,
    record_consensus,
    team_review,
)
from app.ui.announce import announce
from app.ui.choice_group import ChoiceButton, ChoiceEntry, ChoiceGroup, choice_key, full_text
from app.ui.error_text import user_message
from app.ui.page_title import PageTitle
from app.ui.team_view import code_text, flag_text
from app.ui.texts import fmt_number, fmt_value, role_label

PAUSE_MS = 700


class MeetingPage(QWidget):
    back = Signal(int)

    def __init__(self, conn: sqlite3.Connection, lang: str) -> None:
        super().__init__()
        self.conn = conn
        self.actor = "meeting"  # the facilitator chosen in the app, for the change log
        self.lang = lang
        self.round_id: int | None = None
        self.review: TeamReview | None = None
        self.rows: list[ItemRow] = []
        self.index = 0
        self.agreed: dict[str, str | None] = {}
        self.rationales: dict[str, str] = {}
        self._dirty = False
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.save_rationale)

        self.title = PageTitle()
        self.title.setObjectName("pageTitle")
        self.flagged_only = QCheckBox(self.tr("Fla&gged items only"))
        self.flagged_only.setChecked(True)
        self.flagged_only.toggled.connect(lambda _on: self._select_rows())
        self.position = QLabel()
        self.prompt = QLabel()
        self.prompt.setObjectName("prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.position.setWordWrap(True)
        self.spread = QLabel()
        self.spread.setWordWrap(True)
        self.spread.setTextFormat(Qt.TextFormat.PlainText)
        self.comments = QLabel()
        self.comments.setWordWrap(True)
        self.comments.setTextFormat(Qt.TextFormat.PlainText)
        self.comments.setAccessibleDescription(self.tr("What team members wrote about this item"))
        # the choices: a radio group named by the question, six to a row
        self.choices = ChoiceGroup(columns=6, key_handler=self._agree_by_key)
        self.choices.chosen.connect(self.agree)
        self.prompt.setBuddy(self.choices)
        rationale_label = QLabel(self.tr("&Why the team agreed on this (short rationale):"))
        self.rationale = QPlainTextEdit()
        self.rationale.setAccessibleName(self.tr("Rationale"))
        self.rationale.setAccessibleDescription(
            self.tr("Saved when you pause typing and when you leave the box.")
        )
        self.rationale.installEventFilter(self)
        self.rationale.setTabChangesFocus(True)
        self.rationale.setFixedHeight(80)
        self.rationale.textChanged.connect(self._rationale_changed)
        rationale_label.setBuddy(self.rationale)
        self.saved_label = QLabel(" ")
        self.saved_label.setObjectName("saved")
        self.prev_button = QPushButton(self.tr("← &Previous"))
        self.prev_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button = QPushButton(self.tr("&Next →"))
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.done_button = QPushButton(self.tr("En&d meeting"))
        self.done_button.clicked.connect(self._done)
        # focus follows the screen: "End meeting" (top right), the choices (one stop), the
        # rationale
        self.choices.set_neighbours(self.done_button, self.rationale)
        self.title.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.flagged_only)
        top.addStretch(1)
        top.addWidget(self.done_button)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.saved_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.position)
        layout.addWidget(self.prompt)
        layout.addWidget(self.spread)
        layout.addWidget(self.comments)
        layout.addWidget(QLabel(self.tr("Agreed answer:")))
        layout.addWidget(self.choices)
        layout.addWidget(rationale_label)
        layout.addWidget(self.rationale)
        layout.addStretch(1)
        layout.addLayout(nav)

    def load(self, round_id: int) -> None:
        self.save_rationale()
        self.round_id = round_id
        self.review = team_review(self.conn, round_id)
        scores = self.review.scores
        self.instrument = scores.instrument
        self.title.setText(
            self.tr("Consensus meeting · {0} · {1}").format(
                scores.organization.name, scores.round.name
            )
        )
        self.agreed = {r.item_id: r.consensus for r in self.review.rows}
        self.rationales = {r.item_id: r.rationale for r in self.review.rows}
        self._select_rows()

    def _select_rows(self) -> None:
        if self.review is None:
            return
        self.save_rationale()
        flagged = self.flagged_only.isChecked()
        self.rows = self.review.flagged if flagged else self.review.rows
        if not self.rows:
            self.rows = self.review.rows
        self.show_row(0)

    @property
    def item(self) -> Item:
        found = self.instrument.item(self.rows[self.index].item_id)
        assert found is not None
        return found

    def show_row(self, index: int) -> None:
        if not self.save_rationale():
            return
        self.index = max(0, min(index, len(self.rows) - 1))
        row = self.rows[self.index]
        item = self.item
        self.position.setText(
            self.tr("Item {0} · {1} of {2} · {3}").format(
                item.id, self.index + 1, len(self.rows), flag_text(row) or self.tr("not flagged")
            )
        )
        self.prompt.setText(item.prompt.get(self.lang))
        counts = Counter(code_text(item, c) for c in row.codes if c is not None)
        order = [code_text(item, c.code) for c in item.scale.choices]
        parts = [
            f"{label}: {'●' * counts[label]} ({counts[label]})" for label in order if counts[label]
        ]
        stats = row.stats.values
        unanswered = sum(1 for c in row.codes if c is None)
        self.spread.setText(
            self.tr("Ratings (no names): {0}\nTeam mean {1}, range {2}; {3} not answered.").format(
                "   ".join(parts) or self.tr("none yet"),
                fmt_number(stats.mean),
                "–" if stats.min is None else f"{fmt_value(stats.min)}–{fmt_value(stats.max)}",
                unanswered,
            )
        )
        self._show_comments(row)
        count = len(item.scale.choices)
        entries = []
        for position, choice in enumerate(item.scale.choices, 1):
            key = choice_key(item, choice)
            entries.append(
                ChoiceEntry(
                    choice,
                    key,
                    f"{code_text(item, choice.code)} · {choice.label.get(self.lang)}",
                    full_text(choice, self.lang),
                    self.tr("Key {0}, {1} of {2}").format(key, position, count)
                    if key
                    else self.tr("{0} of {1}").format(position, count),
                )
            )
        self.choices.show_choices(item.prompt.get(self.lang), entries, True)
        self.choices.check(self.agreed.get(item.id))
        self._loading = True
        self.rationale.setPlainText(self.rationales.get(item.id, ""))
        self._loading = False
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.rows) - 1)
        self.choices.focus_choice()

    def _show_comments(self, row: ItemRow) -> None:
        """The members' comments on this item: by role, or by name when the round shows names."""
        assert self.review is not None
        columns = self.review.columns
        labels = column_labels(
            columns,
            self.review.scores.round.show_names,
            {p.role: role_label(p.role) for p in columns},
        )
        lines = row.comment_lines(labels)
        self.comments.setText(
            self.tr("Comments:") + "\n" + "\n".join(f"• {line}" for line in lines)
            if lines
            else self.tr("No comments on this item.")
        )

    def agree(self, code: str | None) -> bool:
        """Record the agreed answer (with the rationale as typed so far) at once."""
        assert self.round_id is not None
        item = self.item
        text = self.rationale.toPlainText()
        try:
            record_consensus(self.conn, self.round_id, item.id, code, text, actor=self.actor)
        except SmsOatError as exc:
            self._not_saved(user_message(exc))
            self.choices.check(self.agreed.get(item.id))
            return False
        self._dirty = False
        self._timer.stop()
        self.agreed[item.id] = code
        self.rationales[item.id] = text
        self.choices.check(code)
        self._saved()
        return True

    def _rationale_changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self.saved_label.setText(self.tr("Typing… saved when you pause"))
        self._timer.start()

    def save_rationale(self) -> bool:
        if not self._dirty or self.round_id is None or not self.rows:
            return True
        self._timer.stop()
        item = self.item
        text = self.rationale.toPlainText()
        try:
            record_consensus(
                self.conn,
                self.round_id,
                item.id,
                self.agreed.get(item.id),
                text,
                actor=self.actor,
            )
        except SmsOatError as exc:
            self._not_saved(user_message(exc))
            return False
        self._dirty = False
        self.rationales[item.id] = text
        self._saved()
        return True

    def _saved(self) -> None:
        self.saved_label.setProperty("state", "ok")
        self.saved_label.setText(self.tr("✓ Saved {0}").format(datetime.now().strftime("%H:%M:%S")))
        self.saved_label.style().polish(self.saved_label)
        announce(self.saved_label, self.saved_label.text())

    def _not_saved(self, reason: str) -> None:
        self.saved_label.setProperty("state", "error")
        self.saved_label.setText(self.tr("✗ Not saved: {0}").format(reason))
        self.saved_label.style().polish(self.saved_label)
        announce(self.saved_label, self.saved_label.text(), assertive=True)

    def go(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            self.show_row(index)

    @property
    def buttons(self) -> list[ChoiceButton]:
        return self.choices.buttons

    def _agree_by_key(self, event: QKeyEvent) -> bool:
        """A choice's digit (or D / N) agrees on it; whether the key was one."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        text = event.text().upper()
        if mods != Qt.KeyboardModifier.NoModifier or not text or not self.rows:
            return False
        button = next((b for b in self.buttons if b.key == text), None)
        if button is None:
            return False
        button.setFocus()
        self.agree(button.choice.code)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The choice keys work wherever the focus is outside the text."""
        if not self._agree_by_key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.rationale and event.type() == QEvent.Type.FocusOut:
            self.save_rationale()
        return super().eventFilter(watched, event)

    def _done(self) -> None:
        if self.save_rationale() and self.round_id is not None:
            self.back.emit(self.round_id)

    def hideEvent(self, event: object) -> None:
        self.save_rationale()
        super().hideEvent(event)  # type: ignore[arg-type]
