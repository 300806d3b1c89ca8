"""The form of one priority: SMART goal, owner, dates, implementation, measure, status, and the
instrument's improvement ideas to copy into the goal.

Each field is committed as it is edited (`AutosaveForm` in `pdsa_editor`). Apart from the
action plan page, which lists the priorities and the suggestions; the class keeps its name, so
its words keep their "PriorityEditor" translation context.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from app.core.instrument import Instrument
from app.core.limits import MAX_LONG_TEXT, MAX_TEXT
from app.core.models import IMPLEMENTATION_FIELDS, PRIORITY_STATUSES, Priority
from app.services import planning
from app.ui.implementation_group import ImplementationGroup
from app.ui.pdsa_editor import AutosaveForm, OptionalDate, add_row, text_box
from app.ui.plan_texts import priority_status_label, scope_label


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
