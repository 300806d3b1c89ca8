"""The action plan of a round: priorities (a domain or an item to improve, with a SMART goal, an
owner, dates, a measure and a status), the suggestions the round's data makes, and each
priority's PDSA cycles.

A team lead types here during and after the consensus meeting, so every field is committed as it
is edited (see `AutosaveForm` in `pdsa_editor`) and the page says "Saved" only after the commit.
A closed round's plan can be read, not changed. Priorities carried from the agency's previous
round of the same instrument say so.

This module holds the page: the table of priorities, the suggestions list and the save status.
One priority's form is `priority_editor`, the "Add a priority" dialog `scope_dialog`, and the
words naming scopes, statuses and reasons `plan_texts`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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
from app.core.models import Priority
from app.core.priorities import Suggestion, suggest_priorities
from app.services import planning
from app.services.round_scores import round_scores
from app.ui.announce import announce
from app.ui.error_text import user_message
from app.ui.page_title import PageTitle
from app.ui.pdsa_editor import PdsaEditor, first_line
from app.ui.plan_texts import priority_status_label, reason_text, scope_key, scope_label
from app.ui.priority_editor import PriorityEditor
from app.ui.reading_order import splitter_in_reading_order
from app.ui.scope_dialog import ScopeDialog
from app.ui.table_headers import hide_row_numbers
from app.ui.texts import fmt_date


def _confirm(parent: QWidget | None, title: str, text: str) -> bool:
    from app.ui import dialogs

    return dialogs.confirm(parent, title, text)


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
        taken = {scope_key(p.scope_kind, p.scope_id) for p in self.priorities}
        current = self.suggestion_list.currentRow()
        self.suggestion_list.clear()
        for s in self.suggestions:
            scope = scope_label(self.instrument, s.scope_kind, s.scope_id, self.lang)
            text = f"{scope} — {reason_text(self.instrument, s)}"
            if scope_key(s.scope_kind, s.scope_id) in taken:
                text = self.tr("✓ {0} (already a priority)").format(text)
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, scope_key(s.scope_kind, s.scope_id))
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
        taken = {scope_key(p.scope_kind, p.scope_id) for p in self.priorities}
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
