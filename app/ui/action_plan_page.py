"""The action plan of a round: priorities (a domain or an item to improve, with a SMART goal, an
owner, dates, a measure and a status), the suggestions the round's data makes, and each
priority's PDSA cycles.

A team lead types here during and after the consensus meeting, so every field is committed as it
is edited (see `AutosaveForm` in `pdsa_editor`) and the page says "Saved" only after the commit.
A closed round's plan can be read, not changed. Priorities carried from the agency's previous
round of the same instrument say so.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import SmsOatError
from app.core.instrument import Instrument
from app.core.limits import MAX_LONG_TEXT, MAX_TEXT
from app.core.models import IMPLEMENTATION_FIELDS, PRIORITY_STATUSES, Priority
from app.core.priorities import Suggestion, suggest_priorities
from app.services import planning
from app.services.round_scores import round_scores
from app.ui.announce import announce
from app.ui.error_text import user_message
from app.ui.implementation_group import ImplementationGroup
from app.ui.page_title import PageTitle
from app.ui.pdsa_editor import AutosaveForm, OptionalDate, PdsaEditor, add_row, first_line, text_box
from app.ui.reading_order import splitter_in_reading_order
from app.ui.table_headers import hide_row_numbers
from app.ui.texts import fmt_date, fmt_number


def priority_status_label(status: str) -> str:
    labels = {
        "planned": QCoreApplication.translate("ActionPlanPage", "Planned"),
        "in_progress": QCoreApplication.translate("ActionPlanPage", "In progress"),
        "done": QCoreApplication.translate("ActionPlanPage", "Done"),
        "dropped": QCoreApplication.translate("ActionPlanPage", "Dropped"),
    }
    return labels.get(status, status)


def scope_label(instrument: Instrument, kind: str, scope_id: str, lang: str) -> str:
    """'Domain 1.2 Shared Decision-Making…' or 'Item 2.3 …', in the page's language."""
    if kind == "domain":
        domain = instrument.domain(scope_id)
        name = domain.title.get(lang) if domain else ""
        return (
            QCoreApplication.translate("ActionPlanPage", "Domain {0} {1}")
            .format(scope_id, name)
            .strip()
        )
    item = instrument.item(scope_id)
    name = item.prompt.get(lang) if item else ""
    return (
        QCoreApplication.translate("ActionPlanPage", "Item {0} {1}").format(scope_id, name).strip()
    )


def reason_text(instrument: Instrument, suggestion: Suggestion) -> str:
    score = suggestion.score
    if suggestion.reason == "lowest_domain":
        value = (
            f"{fmt_number(score, 0)} %"
            if instrument.band_metric == "percent" and score is not None
            else fmt_number(score)
        )
        return QCoreApplication.translate(
            "ActionPlanPage", "among the lowest-scoring domains ({0})"
        ).format(value)
    if suggestion.reason == "low":
        return QCoreApplication.translate(
            "ActionPlanPage", "rated low by the team (mean {0})"
        ).format(fmt_number(score))
    if suggestion.reason == "disagreement":
        return QCoreApplication.translate(
            "ActionPlanPage", "ratings differ widely (mean {0})"
        ).format(fmt_number(score))
    return QCoreApplication.translate("ActionPlanPage", "someone answered “don't know”")


def _confirm(parent: QWidget | None, title: str, text: str) -> bool:
    from app.ui import dialogs

    return dialogs.confirm(parent, title, text)


def _key(kind: str, scope_id: str) -> str:
    return f"{kind}:{scope_id}"


class ScopeDialog(QDialog):
    """Which domain or item a new priority is about: the domains, each followed by its items."""

    def __init__(self, parent: QWidget, instrument: Instrument, lang: str, taken: set[str]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a priority"))
        self.setModal(True)
        label = QLabel(self.tr("Which &domain or item will the team work on?"))
        self.scope = QListWidget()
        self.scope.setAccessibleName(self.tr("Domain or item to improve"))
        self.scope.setWordWrap(True)
        label.setBuddy(self.scope)
        for domain in instrument.domains:
            entries = [("domain", domain.id)] + [("item", i.id) for i in domain.items]
            for kind, scope_id in entries:
                text = scope_label(instrument, kind, scope_id, lang)
                if _key(kind, scope_id) in taken:
                    text += self.tr(" (already a priority)")
                entry = QListWidgetItem(text)
                entry.setData(Qt.ItemDataRole.UserRole, _key(kind, scope_id))
                if kind == "domain":  # a heading over its items
                    font = entry.font()
                    font.setBold(True)
                    entry.setFont(font)
                self.scope.addItem(entry)
        self.scope.setCurrentRow(0)
        self.scope.itemActivated.connect(lambda _e: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.scope, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 560)

    def select(self, kind: str, scope_id: str) -> None:
        for row in range(self.scope.count()):
            if self.scope.item(row).data(Qt.ItemDataRole.UserRole) == _key(kind, scope_id):
                self.scope.setCurrentRow(row)

    def choice(self) -> tuple[str, str] | None:
        entry = self.scope.currentItem()
        if entry is None:
            return None
        kind, _, scope_id = str(entry.data(Qt.ItemDataRole.UserRole)).partition(":")
        return kind, scope_id


class PriorityEditor(AutosaveForm):
    """One priority: its SMART goal, owner, dates, measure, status; the instrument's ideas."""

    changed = Signal(object)  # the stored Priority after a commit

    def __init__(self, conn: sqlite3.Connection, lang: str) -> None:
        super().__init__()
        self.conn = conn
        self.actor = "app"  # the facilitator chosen in the app, for the change log
        self.lang = lang
        self.priority: Priority | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.carried_label = QLabel(
            self.tr("↪ Carried from the previous round, where it was not finished.")
        )
        self.carried_label.setWordWrap(True)

        form = QFormLayout()
        self.goal = text_box(90)
        self.goal.setPlaceholderText(
            self.tr(
                "Specific, measurable, achievable, relevant, time-bound — e.g. by 30 September,"
                " 8 of 10 clients leave their visit with a written action plan."
            )
        )
        add_row(form, self.tr("SMART &goal:"), self.goal, self.tr("SMART goal"))
        self.ideas_label = QLabel()
        self.ideas_label.setWordWrap(True)
        self.ideas = QListWidget()
        self.ideas.setWordWrap(True)
        self.ideas.setMaximumHeight(110)
        self.ideas.setAccessibleName(self.tr("Improvement ideas from the instrument"))
        self.ideas.itemActivated.connect(lambda _e: self.copy_idea())
        self.ideas_label.setBuddy(self.ideas)
        self.copy_button = QPushButton(self.tr("Cop&y the idea into the goal"))
        self.copy_button.setAccessibleDescription(self.tr("Copy the selected idea into the goal"))
        self.copy_button.clicked.connect(self.copy_idea)
        ideas_box = QVBoxLayout()
        ideas_box.addWidget(self.ideas_label)
        ideas_box.addWidget(self.ideas)
        ideas_box.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignRight)
        form.addRow(ideas_box)
        self.owner = QLineEdit()
        self.owner.setMaxLength(MAX_TEXT)  # what the importer accepts (app/core/limits.py)
        add_row(form, self.tr("&Owner:"), self.owner, self.tr("Owner"))
        self.start = OptionalDate(self.tr("S&tart date:"), self.tr("Start date"), self)
        form.addRow(self.start.check, self.start.edit)
        self.due = OptionalDate(self.tr("Due date:"), self.tr("Due date"), self)
        form.addRow(self.due.check, self.due.edit)
        self.start.default_day = lambda: min(date.today(), self.due.value() or date.max)
        self.due.default_day = lambda: max(date.today(), self.start.value() or date.min)
        self.implementation = ImplementationGroup()
        form.addRow(self.implementation)
        self.measure_how = text_box(50)
        add_row(
            form,
            self.tr("How impact is &measured:"),
            self.measure_how,
            self.tr("How impact is measured"),
        )
        self.measure_who = QLineEdit()
        self.measure_who.setMaxLength(MAX_LONG_TEXT)
        add_row(form, self.tr("Who reports it:"), self.measure_who, self.tr("Who reports it"))
        self.measure_frequency = QLineEdit()
        self.measure_frequency.setMaxLength(MAX_LONG_TEXT)
        self.measure_frequency.setPlaceholderText(self.tr("e.g. monthly, at the team meeting"))
        add_row(form, self.tr("How often:"), self.measure_frequency, self.tr("How often"))
        self.status = QComboBox()
        for code in PRIORITY_STATUSES:
            self.status.addItem(priority_status_label(code), code)
        add_row(form, self.tr("&Status:"), self.status, self.tr("Status"))

        self.watch_text("goal", self.goal)
        self.watch_text("owner", self.owner)
        self.watch_choice("start_date", self.start.changed)
        self.watch_choice("due_date", self.due.changed)
        self.watch_text("measure_how", self.measure_how)
        self.watch_text("measure_who", self.measure_who)
        self.watch_text("measure_frequency", self.measure_frequency)
        self.watch_choice("status", self.status.currentIndexChanged)
        for key, box in self.implementation.boxes.items():
            self.watch_text(key, box)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.carried_label)
        layout.addLayout(form)

    def show_priority(
        self, priority: Priority | None, instrument: Instrument | None, *, read_only: bool
    ) -> None:
        """Fill the form from storage (the caller has saved what was pending)."""
        self.priority = priority
        self.read_only = read_only
        with self.loading():
            self.goal.setPlainText(priority.goal if priority else "")
            self.owner.setText(priority.owner if priority else "")
            self.start.set_value(priority.start_date if priority else None)
            self.due.set_value(priority.due_date if priority else None)
            self.measure_how.setPlainText(priority.measure_how if priority else "")
            self.measure_who.setText(priority.measure_who if priority else "")
            self.measure_frequency.setText(priority.measure_frequency if priority else "")
            self.implementation.set_values(
                {key: getattr(priority, key) if priority else "" for key in IMPLEMENTATION_FIELDS}
            )
            status = priority.status if priority else "planned"
            self.status.setCurrentIndex(max(0, self.status.findData(status)))
        self.heading.setText(
            scope_label(instrument, priority.scope_kind, priority.scope_id, self.lang)
            if priority and instrument
            else ""
        )
        self.carried_label.setVisible(bool(priority and priority.carried_from_uuid))
        self._show_ideas(priority, instrument)
        for edit in (self.goal, self.owner, self.measure_how, self.measure_who):
            edit.setReadOnly(read_only)
        self.measure_frequency.setReadOnly(read_only)
        self.implementation.set_read_only(read_only)
        self.start.set_read_only(read_only)
        self.due.set_read_only(read_only)
        self.status.setEnabled(not read_only)
        self.copy_button.setEnabled(not read_only and self.ideas.count() > 0)

    def _show_ideas(self, priority: Priority | None, instrument: Instrument | None) -> None:
        self.ideas.clear()
        domain = None
        if priority and instrument:
            domain_id = priority.scope_id
            if priority.scope_kind == "item":
                item = instrument.item(priority.scope_id)
                domain_id = item.domain_id if item else ""
            domain = instrument.domain(domain_id)
        if domain is None:
            self.ideas_label.setText(self.tr("&Improvement ideas:"))
            return
        self.ideas_label.setText(
            self.tr("&Improvement ideas for domain {0} {1} (from the instrument):").format(
                domain.id, domain.title.get(self.lang)
            )
        )
        for idea in domain.suggestions:
            self.ideas.addItem(QListWidgetItem(idea.get(self.lang)))
        if self.ideas.count():
            self.ideas.setCurrentRow(0)

    def copy_idea(self) -> None:
        """Add the selected idea to the end of the goal, as if typed, and store it."""
        entry = self.ideas.currentItem()
        if entry is None or self.read_only or self.priority is None:
            return
        cursor = self.goal.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(("\n" if self.goal.toPlainText().strip() else "") + entry.text())
        self.goal.setTextCursor(cursor)
        self.save_pending()

    # ----- storing
    def has_record(self) -> bool:
        return self.priority is not None

    def value(self, key: str) -> Any:
        widgets: dict[str, Any] = {
            "goal": self.goal.toPlainText,
            "owner": self.owner.text,
            "start_date": self.start.value,
            "due_date": self.due.value,
            "measure_how": self.measure_how.toPlainText,
            "measure_who": self.measure_who.text,
            "measure_frequency": self.measure_frequency.text,
            "status": self.status.currentData,
            **{key: box.toPlainText for key, box in self.implementation.boxes.items()},
        }
        return widgets[key]()

    def commit(self, keys: set[str]) -> None:
        assert self.priority is not None
        fields = {key: self.value(key) for key in keys}
        if {"start_date", "due_date"} & keys:
            # the order of the two dates is checked together, whichever was changed
            fields["start_date"] = self.start.value()
            fields["due_date"] = self.due.value()
        self.priority = planning.update_priority(
            self.conn, self.priority.id, actor=self.actor, **fields
        )
        self._dirty -= {"start_date", "due_date"} & set(fields)
        self.changed.emit(self.priority)


class ActionPlanPage(QWidget):
    back = Signal(int)  # the round id, when the person leaves the page
    saved = Signal(str)  # the save label's text, for a status bar

    COLUMNS = 5

    def __init__(self, conn: sqlite3.Connection, lang: str) -> None:
        super().__init__()
        self.conn = conn
        self._actor = "app"
        self.lang = lang
        self.round_id: int | None = None
        self.instrument: Instrument | None = None
        self.priorities: list[Priority] = []
        self.suggestions: list[Suggestion] = []
        self.read_only = False
        self.dialog: QDialog | None = None
        self.confirm: Callable[[QWidget | None, str, str], bool] = _confirm
        self._selecting = False
        self._shown_id: int | None = None
        self._build()

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        self.back_button = QPushButton(self.tr("← &Back"))
        self.back_button.setAccessibleDescription(self.tr("Back to the team view"))
        self.back_button.clicked.connect(self.leave)
        self.title = PageTitle()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_label = QLabel(" ")
        self.saved_label.setObjectName("saved")
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.saved_label)
        self.closed_label = QLabel(
            self.tr(
                "This round is closed: its action plan can be read, not changed."
                " Reopen the round from the team view to change it."
            )
        )
        self.closed_label.setWordWrap(True)
        self.closed_label.hide()

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Priorities of this round"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Focus"), self.tr("Goal"), self.tr("Owner"), self.tr("Due"), self.tr("Status")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        hide_row_numbers(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._priority_selected)
        self.table.cellActivated.connect(self._edit_goal)
        table_label = QLabel(self.tr("&Priorities of this round:"))
        table_label.setBuddy(self.table)
        self.add_button = QPushButton(self.tr("&Add priority…"))
        self.add_button.clicked.connect(self.choose_scope)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setAccessibleDescription(self.tr("Delete the selected priority"))
        self.delete_button.clicked.connect(self.delete_current)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_current)
        table_buttons = QHBoxLayout()
        table_buttons.addWidget(self.add_button)
        table_buttons.addWidget(self.delete_button)
        table_buttons.addStretch(1)

        suggestions_label = QLabel(self.tr("S&uggested from your data (Enter adds one):"))
        self.suggestion_list = QListWidget()
        self.suggestion_list.setAccessibleName(self.tr("Suggested priorities from your data"))
        self.suggestion_list.setWordWrap(True)
        self.suggestion_list.itemActivated.connect(self.add_suggestion)
        suggestions_label.setBuddy(self.suggestion_list)
        self.suggestion_hint = QLabel()
        self.suggestion_hint.setWordWrap(True)
        self.add_suggestion_button = QPushButton(self.tr("Add as p&riority"))
        self.add_suggestion_button.setAccessibleDescription(
            self.tr("Add the suggestion as a priority")
        )
        self.add_suggestion_button.clicked.connect(
            lambda: self.add_suggestion(self.suggestion_list.currentItem())
        )

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(table_label)
        ll.addWidget(self.table, 3)
        ll.addLayout(table_buttons)
        ll.addWidget(suggestions_label)
        ll.addWidget(self.suggestion_list, 2)
        ll.addWidget(self.suggestion_hint)
        ll.addWidget(self.add_suggestion_button, 0, Qt.AlignmentFlag.AlignRight)

        self.editor = PriorityEditor(self.conn, self.lang)
        self.pdsa = PdsaEditor(self.conn)
        for form in (self.editor, self.pdsa):
            form.saved.connect(self._show_saved)
            form.failed.connect(self._show_not_saved)
            form.typing.connect(self._show_typing)
        self.editor.changed.connect(self._priority_stored)
        self.empty_hint = QLabel(
            self.tr("Add a priority, or pick one suggested from your data, to plan it here.")
        )
        self.empty_hint.setWordWrap(True)
        pdsa_box = QGroupBox(self.tr("Testing changes: PDSA cycles"))
        QVBoxLayout(pdsa_box).addWidget(self.pdsa)
        self.details = QWidget()
        dl = QVBoxLayout(self.details)
        dl.addWidget(self.editor)
        dl.addWidget(pdsa_box)
        dl.addStretch(1)
        panel = QWidget()
        pl = QVBoxLayout(panel)
        pl.addWidget(self.empty_hint)
        pl.addWidget(self.details, 1)
        self.scroller = QScrollArea()
        self.scroller.setWidget(panel)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unnamed Tab stop; it follows

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.scroller)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([620, 746])
        splitter_in_reading_order(split)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.closed_label)
        layout.addWidget(split, 1)

        back = QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.leave)

    # ---------------------------------------------------------------- loading
    @property
    def actor(self) -> str:
        """Who the change log records for this page's edits (the chosen facilitator)."""
        return self._actor

    @actor.setter
    def actor(self, name: str) -> None:
        self._actor = self.editor.actor = self.pdsa.actor = name

    def load(self, round_id: int) -> None:
        """Show a round's action plan; raises SmsOatError if the round cannot be read."""
        self.save_pending()
        scores = round_scores(self.conn, round_id)
        self.round_id = round_id
        self.instrument = scores.instrument
        self.read_only = scores.round.status == "closed"
        self.title.setText(
            self.tr("Action plan · {0} · {1}").format(scores.organization.name, scores.round.name)
        )
        self.closed_label.setVisible(self.read_only)
        self.saved_label.setText(" ")
        self.suggestions = suggest_priorities(scores.instrument, scores.team)
        self._reload(select_id=None)
        self.scroller.verticalScrollBar().setValue(0)

    def _reload(self, select_id: int | None) -> None:
        assert self.round_id is not None
        self.priorities = planning.priorities_for_round(self.conn, self.round_id)
        self._selecting = True
        try:
            self.table.setRowCount(len(self.priorities))
            for row, priority in enumerate(self.priorities):
                self._fill_row(row, priority)
            self.table.resizeRowsToContents()
            ids = [p.id for p in self.priorities]
            row = ids.index(select_id) if select_id in ids else (0 if ids else -1)
            if row >= 0:
                self.table.selectRow(row)
            else:
                self.table.clearSelection()
        finally:
            self._selecting = False
        self._fill_suggestions()
        self._show(self.priorities[row] if row >= 0 else None)

    def row_texts(self, priority: Priority) -> list[str]:
        assert self.instrument is not None
        focus = scope_label(self.instrument, priority.scope_kind, priority.scope_id, self.lang)
        if priority.carried_from_uuid:
            focus = self.tr("↪ {0} — carried from the previous round").format(focus)
        return [
            focus,
            first_line(priority.goal),
            priority.owner,
            fmt_date(priority.due_date) or "–",
            priority_status_label(priority.status),
        ]

    def _fill_row(self, row: int, priority: Priority) -> None:
        for col, text in enumerate(self.row_texts(priority)):
            cell = QTableWidgetItem(text)
            cell.setData(Qt.ItemDataRole.UserRole, priority.id)
            if col in (0, 1):
                cell.setToolTip(priority.goal if col == 1 else text)
            self.table.setItem(row, col, cell)

    def _fill_suggestions(self) -> None:
        assert self.instrument is not None
        taken = {_key(p.scope_kind, p.scope_id) for p in self.priorities}
        current = self.suggestion_list.currentRow()
        self.suggestion_list.clear()
        for s in self.suggestions:
            scope = scope_label(self.instrument, s.scope_kind, s.scope_id, self.lang)
            text = f"{scope} — {reason_text(self.instrument, s)}"
            if _key(s.scope_kind, s.scope_id) in taken:
                text = self.tr("✓ {0} (already a priority)").format(text)
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, _key(s.scope_kind, s.scope_id))
            self.suggestion_list.addItem(entry)
        if self.suggestions:
            self.suggestion_list.setCurrentRow(max(0, min(current, len(self.suggestions) - 1)))
        self.suggestion_hint.setText(
            ""
            if self.suggestions
            else self.tr("No suggestions yet: they appear once the team has rated the items.")
        )
        self.suggestion_hint.setVisible(not self.suggestions)
        self.add_suggestion_button.setEnabled(bool(self.suggestions) and not self.read_only)

    def _show(self, priority: Priority | None) -> None:
        self._shown_id = priority.id if priority else None
        self.editor.show_priority(priority, self.instrument, read_only=self.read_only)
        self.pdsa.set_priority(priority.id if priority else None, read_only=self.read_only)
        self.details.setVisible(priority is not None)
        self.empty_hint.setVisible(priority is None)
        self.add_button.setEnabled(not self.read_only and self.round_id is not None)
        self.delete_button.setEnabled(not self.read_only and priority is not None)

    # ---------------------------------------------------------------- selection
    def current_priority(self) -> Priority | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.priorities[row] if selected and 0 <= row < len(self.priorities) else None

    def select_priority(self, priority_id: int) -> None:
        for row, priority in enumerate(self.priorities):
            if priority.id == priority_id:
                self.table.selectRow(row)

    def _priority_selected(self) -> None:
        if self._selecting:
            return
        priority = self.current_priority()
        if priority is None or priority.id == self._shown_id:
            return
        if not self.save_pending():
            # stay on the priority whose text could not be stored; the save label says why
            self._selecting = True
            try:
                ids = [p.id for p in self.priorities]
                if self._shown_id in ids:
                    self.table.selectRow(ids.index(self._shown_id))
            finally:
                self._selecting = False
            return
        self._show(priority)

    def _edit_goal(self, *_cell: int) -> None:
        self.editor.goal.setFocus()

    def _priority_stored(self, priority: Priority) -> None:
        for row, p in enumerate(self.priorities):
            if p.id == priority.id:
                self.priorities[row] = priority
                self._fill_row(row, priority)
                self.table.resizeRowToContents(row)

    # ---------------------------------------------------------------- adding, deleting
    def choose_scope(self) -> None:
        """Ask which domain or item the new priority is about (a dialog opened with open())."""
        if self.instrument is None or self.read_only:
            return
        taken = {_key(p.scope_kind, p.scope_id) for p in self.priorities}
        dialog = ScopeDialog(self, self.instrument, self.lang, taken)
        current = self.suggestion_list.currentItem()
        if current is not None:
            kind, _, scope_id = str(current.data(Qt.ItemDataRole.UserRole)).partition(":")
            dialog.select(kind, scope_id)
        dialog.accepted.connect(lambda: self._scope_chosen(dialog))
        self.dialog = dialog
        dialog.open()

    def _scope_chosen(self, dialog: ScopeDialog) -> None:
        choice = dialog.choice()
        if choice is not None:
            self.add_priority(*choice)

    def add_priority(self, kind: str, scope_id: str) -> Priority | None:
        if self.round_id is None or self.read_only or not self.save_pending():
            return None
        try:
            priority = planning.create_priority(
                self.conn, self.round_id, kind, scope_id, actor=self.actor
            )
        except SmsOatError as exc:
            self._show_not_saved(user_message(exc))
            return None
        self._reload(select_id=priority.id)
        self._show_saved(datetime.now().strftime("%H:%M:%S"))
        self.editor.goal.setFocus()
        return priority

    def add_suggestion(self, entry: QListWidgetItem | None) -> Priority | None:
        """A suggestion becomes a priority; one that already is one is selected instead."""
        if entry is None or self.read_only:
            return None
        kind, _, scope_id = str(entry.data(Qt.ItemDataRole.UserRole)).partition(":")
        for priority in self.priorities:
            if (priority.scope_kind, priority.scope_id) == (kind, scope_id):
                self.select_priority(priority.id)
                return priority
        return self.add_priority(kind, scope_id)

    def delete_current(self) -> bool:
        priority = self.current_priority()
        if priority is None or self.read_only or self.instrument is None:
            return False
        self.save_pending()
        cycles = len(self.pdsa.cycles)
        scope = scope_label(self.instrument, priority.scope_kind, priority.scope_id, self.lang)
        text = self.tr(
            "Delete the priority “{0}” with its goal and %n PDSA cycle(s)? This cannot be undone.",
            "",
            cycles,
        ).format(scope)
        if not self.confirm(self, self.tr("Delete priority"), text):
            return False
        try:
            planning.delete_priority(self.conn, priority.id, actor=self.actor)
        except SmsOatError as exc:
            self._show_not_saved(user_message(exc))
            return False
        self.editor.discard_pending()
        self.pdsa.discard_pending()
        self._shown_id = None
        self._reload(select_id=None)
        self._show_saved(datetime.now().strftime("%H:%M:%S"))
        return True

    # ---------------------------------------------------------------- saving
    def save_pending(self) -> bool:
        """Commit whatever was typed or chosen and is not yet stored; False if anything failed."""
        editor_ok = self.editor.save_pending()
        pdsa_ok = self.pdsa.save_pending()
        return editor_ok and pdsa_ok

    def _show_saved(self, stamp: str) -> None:
        self._set_status(self.tr("✓ Saved {0}").format(stamp), "ok", "")

    def _show_not_saved(self, reason: str) -> None:
        self._set_status(self.tr("✗ Not saved: {0}").format(reason), "error", reason)

    def _show_typing(self) -> None:
        self._set_status(self.tr("Typing… saved when you pause or leave the field"), "", "")

    def _set_status(self, text: str, state: str, tip: str) -> None:
        self.saved_label.setProperty("state", state)
        self.saved_label.setText(text)
        self.saved_label.setToolTip(tip)
        self.saved_label.style().polish(self.saved_label)
        if state:
            announce(self.saved_label, text, assertive=state == "error")
            self.saved.emit(text)

    def leave(self) -> None:
        self.save_pending()
        if self.round_id is not None:
            self.back.emit(self.round_id)

    def hideEvent(self, event: Any) -> None:
        self.save_pending()
        super().hideEvent(event)
