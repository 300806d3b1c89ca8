"""The PDSA cycles of one priority, and the autosaving form both action-plan editors are built on.

`AutosaveForm` holds the one rule of the action plan screen: nothing typed is ever lost. Text is
committed after a short pause in typing, when the focus leaves the field, when a line edit's
editing finishes, and whenever `save_pending()` is called (another record is selected, the page
is hidden or left); choices (a combo box, a date) are committed at once. It lives here because
the PDSA editor is its first user; the priority editor in `action_plan_page` shares it.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import SmsOatError
from app.core.limits import MAX_LONG_TEXT
from app.core.models import PDSA_ACTS, PLAN_FIELDS, PdsaCycle
from app.services import planning
from app.services.priority_history import ChainCycle, PriorityChain, chain
from app.ui.error_text import user_message
from app.ui.texts import date_edit_format

log = logging.getLogger(__name__)

PAUSE_MS = 700
NO_DATE = QDate(1900, 1, 1)  # the date edit's minimum, shown as "no date"


def act_label(act: str) -> str:
    labels = {
        "": QCoreApplication.translate("PdsaEditor", "Not decided yet"),
        "adopt": QCoreApplication.translate("PdsaEditor", "Adopt"),
        "adapt": QCoreApplication.translate("PdsaEditor", "Adapt"),
        "abandon": QCoreApplication.translate("PdsaEditor", "Abandon"),
    }
    return labels.get(act, act)


def first_line(text: str, limit: int = 80) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def add_row(form: QFormLayout, label: str, widget: QWidget, name: str) -> QLabel:
    """A form row whose label is the field's buddy (its mnemonic focuses it) and its name."""
    caption = QLabel(label)
    caption.setBuddy(widget)
    widget.setAccessibleName(name)
    form.addRow(caption, widget)
    return caption


def text_box(height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class OptionalDate(QObject):
    """A date that may be left empty: a check box (the row's label) switches the date on."""

    changed = Signal()

    def __init__(self, label: str, name: str, parent: QObject) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.check.setAccessibleName(self.tr("{0}: has a date").format(name))
        self.edit = QDateEdit()
        self.edit.setAccessibleName(name)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(date_edit_format())  # 3/31/2027, never 3/31/27
        self.edit.setMinimumDate(NO_DATE)
        self.edit.setSpecialValueText(self.tr("no date"))
        self.edit.setKeyboardTracking(False)  # typed digits count once the date is complete
        self.edit.setDate(NO_DATE)
        self.edit.setEnabled(False)
        self._read_only = False
        self._quiet = False
        # the date offered when the box is ticked (the priority editor keeps start ≤ due)
        self.default_day: Callable[[], date] = date.today
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(self._date_changed)

    def value(self) -> date | None:
        if not self.check.isChecked() or self.edit.date() == NO_DATE:
            return None
        d = self.edit.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, day: date | None) -> None:
        self._quiet = True
        try:
            self.check.setChecked(day is not None)
            self.edit.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        finally:
            self._quiet = False
        self._update_enabled()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.check.setEnabled(not read_only)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.edit.setEnabled(self.check.isChecked() and not self._read_only)

    def _toggled(self, on: bool) -> None:
        self._update_enabled()
        if self._quiet:
            return
        self._quiet = True
        try:
            day = self.default_day()
            self.edit.setDate(QDate(day.year, day.month, day.day) if on else NO_DATE)
        finally:
            self._quiet = False
        self.changed.emit()

    def _date_changed(self, _day: QDate) -> None:
        if not self._quiet and self.check.isChecked():
            self.changed.emit()


class AutosaveForm(QWidget):
    """A form over one stored record that commits each field as it is edited.

    Subclasses say what a field's current value is (`value`) and how to store a set of fields
    (`commit`, raising `SmsOatError` on failure); the form keeps track of what is not yet stored.
    """

    saved = Signal(str)  # the wall-clock time of the commit, HH:MM:SS
    failed = Signal(str)  # why it was not stored, for the person
    typing = Signal()  # text changed and is waiting for a pause

    def __init__(self) -> None:
        super().__init__()
        self.read_only = False
        self._dirty: set[str] = set()
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.save_pending)

    # ----- to be provided by the subclass
    def has_record(self) -> bool:
        raise NotImplementedError

    def value(self, key: str) -> Any:
        raise NotImplementedError

    def commit(self, keys: set[str]) -> None:
        raise NotImplementedError

    # ----- wiring
    def watch_text(self, key: str, widget: QLineEdit | QPlainTextEdit) -> None:
        """Text: pending while typed; committed on a pause, on leaving the field, on demand."""
        widget.textChanged.connect(lambda *_: self._typed(key))
        if isinstance(widget, QLineEdit):
            widget.editingFinished.connect(self.save_pending)
        else:
            widget.installEventFilter(self)

    def watch_choice(self, key: str, changed: SignalInstance) -> None:
        """A choice (combo box, date): committed the moment it changes."""
        changed.connect(lambda *_: self._chosen(key))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.save_pending()
        return super().eventFilter(watched, event)

    def _typed(self, key: str) -> None:
        if self._loading or self.read_only or not self.has_record():
            return
        self._dirty.add(key)
        self.typing.emit()
        self._timer.start()

    def _chosen(self, key: str) -> None:
        if self._loading or self.read_only or not self.has_record():
            return
        self._dirty.add(key)
        self.save_pending()

    # ----- saving
    def has_pending(self) -> bool:
        return bool(self._dirty)

    def discard_pending(self) -> None:
        """Forget what is not stored: only when the record itself is going away."""
        self._timer.stop()
        self._dirty.clear()

    def save_pending(self) -> bool:
        """Commit everything typed or chosen but not yet stored; False (and `failed`) if refused."""
        self._timer.stop()
        if not self._dirty or self.read_only or not self.has_record():
            return True
        keys = set(self._dirty)
        try:
            self.commit(keys)
        except SmsOatError as exc:
            self.failed.emit(user_message(exc))
            return False
        except Exception as exc:  # a slot must never raise; the text stays pending
            log.exception("saving %s failed", sorted(keys))
            self.failed.emit(self.tr("unexpected error ({0})").format(type(exc).__name__))
            return False
        self._dirty -= keys
        self.saved.emit(datetime.now().strftime("%H:%M:%S"))
        return True

    @contextlib.contextmanager
    def loading(self) -> Iterator[None]:
        """Fill widgets from storage without marking anything as typed."""
        self._loading = True
        try:
            yield
        finally:
            self._loading = False
            self.discard_pending()


class PdsaEditor(AutosaveForm):
    """The PDSA cycles of one priority: the list, New cycle, and the selected cycle's card."""

    cycles_changed = Signal(int)  # the priority id, after a cycle was added

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn
        self.actor = "app"  # the facilitator chosen in the app, for the change log
        self.priority_id: int | None = None
        self.cycles: list[PdsaCycle] = []
        self.cycle: PdsaCycle | None = None
        # Cycles of the earlier rounds this priority was carried through: listed first, marked
        # with their round, shown read-only (app/services/priority_history.py).
        self.past: list[ChainCycle] = []
        self.showing_past = False
        self._selecting = False
        self._build()
        self.set_priority(None, read_only=True)

    def _build(self) -> None:
        list_label = QLabel(self.tr("PDSA &cycles (Plan, Do, Study, Act) of this priority:"))
        self.cycle_list = QListWidget()
        self.cycle_list.setAccessibleName(self.tr("PDSA cycles"))
        self.cycle_list.setMaximumHeight(110)
        self.cycle_list.currentRowChanged.connect(self._cycle_selected)
        list_label.setBuddy(self.cycle_list)
        self.chain_label = QLabel()
        self.chain_label.setWordWrap(True)
        self.chain_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.add_button = QPushButton(self.tr("&New cycle"))
        self.add_button.setAccessibleDescription(self.tr("Add a PDSA cycle"))
        self.add_button.clicked.connect(self.add_cycle)
        self.empty_hint = QLabel(self.tr("No cycles yet. A cycle tests one small change."))
        self.empty_hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.empty_hint, 1)
        top.addStretch(0)
        top.addWidget(self.add_button)

        self.card = QWidget()
        plan_box = QGroupBox(self.tr("Plan"))
        plan_form = QFormLayout(plan_box)
        self.plan_edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        plan_rows = {
            "what": (self.tr("&What is tested:"), self.tr("What is tested"), 60),
            "who": (self.tr("With whom:"), self.tr("With whom"), 0),
            "when": (self.tr("When:"), self.tr("When"), 0),
            "where": (self.tr("Where:"), self.tr("Where"), 0),
            "prediction": (self.tr("Prediction:"), self.tr("Prediction"), 60),
            "data": (self.tr("What data:"), self.tr("What data"), 0),
            "collector": (self.tr("Who collects it:"), self.tr("Who collects the data"), 0),
        }
        for key in PLAN_FIELDS:
            label, name, height = plan_rows[key]
            edit: QLineEdit | QPlainTextEdit = text_box(height) if height else QLineEdit()
            if isinstance(edit, QLineEdit):
                edit.setMaxLength(MAX_LONG_TEXT)  # as the importer (app/core/limits.py)
            add_row(plan_form, label, edit, name)
            self.plan_edits[key] = edit
            self.watch_text(f"plan.{key}", edit)
        self.plan_edits["what"].setPlaceholderText(self.tr("The one change this cycle tries"))
        self.plan_edits["who"].setPlaceholderText(self.tr("Which clients, staff or team"))
        self.plan_edits["data"].setPlaceholderText(self.tr("What will show whether it worked"))
        self.plan_edits["prediction"].setPlaceholderText(
            self.tr("What do you expect to happen, and how much?")
        )
        rest = QFormLayout()
        self.do_notes = text_box(60)
        self.do_notes.setPlaceholderText(self.tr("What happened, observations, problems"))
        add_row(rest, self.tr("Do — what happened:"), self.do_notes, self.tr("Do notes"))
        self.study_notes = text_box(60)
        self.study_notes.setPlaceholderText(self.tr("What was learned, against the prediction"))
        add_row(rest, self.tr("Study — what was &learned:"), self.study_notes, self.tr("Study"))
        self.act = QComboBox()
        for code in PDSA_ACTS:
            self.act.addItem(act_label(code), code)
        self.act.setToolTip(self.tr("Adopt the change, adapt it, or abandon it"))
        add_row(rest, self.tr("Act:"), self.act, self.tr("Act: adopt, adapt or abandon"))
        self.act_notes = text_box(50)
        self.act_notes.setPlaceholderText(self.tr("What changes now; the next cycle"))
        add_row(rest, self.tr("Act — ne&xt steps:"), self.act_notes, self.tr("Act notes"))
        self.watch_text("do_notes", self.do_notes)
        self.watch_text("study_notes", self.study_notes)
        self.watch_choice("act", self.act.currentIndexChanged)
        self.watch_text("act_notes", self.act_notes)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(plan_box)
        card_layout.addLayout(rest)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chain_label)
        layout.addWidget(list_label)
        layout.addWidget(self.cycle_list)
        layout.addLayout(top)
        layout.addWidget(self.card)

    # ----- showing
    def set_priority(self, priority_id: int | None, *, read_only: bool) -> None:
        """Show this priority's cycles (the caller has saved what was pending)."""
        self.priority_id = priority_id
        self.read_only = read_only
        history = chain(self.conn, priority_id) if priority_id else None
        self.past = history.past_cycles if history else []
        self.cycles = [c.cycle for c in history.cycles if c.own] if history else []
        self.chain_label.setText(self.chain_text(history) if history else "")
        self.chain_label.setVisible(bool(history and history.carried))
        self.add_button.setEnabled(priority_id is not None and not read_only)
        self._fill_list(0 if self.cycles else -1)

    def chain_text(self, history: PriorityChain) -> str:
        """ "First raised in round X, cycles 1–4, last decision adapt", in the user's language."""
        text = self.tr(
            "First raised in round {0}; carried into %n later round(s).", "", history.rounds_before
        ).format(history.first_round_name)
        if history.cycles:
            decision = act_label(history.last_decision) if history.last_decision else "–"
            text += " " + self.tr("Cycles {0}–{1}; last decision: {2}.").format(
                history.cycles[0].number, history.cycles[-1].number, decision
            )
        return text

    def _fill_list(self, row: int) -> None:
        self._selecting = True
        try:
            self.cycle_list.clear()
            for past in self.past:
                entry = QListWidgetItem(self.past_text(past))
                entry.setData(Qt.ItemDataRole.UserRole, past.cycle.id)
                self.cycle_list.addItem(entry)
            for cycle in self.cycles:
                entry = QListWidgetItem(self.cycle_text(cycle))
                entry.setData(Qt.ItemDataRole.UserRole, cycle.id)
                self.cycle_list.addItem(entry)
            self.cycle_list.setCurrentRow(row + len(self.past) if row >= 0 else -1)
        finally:
            self._selecting = False
        self.empty_hint.setVisible(not self.cycles)
        self._show_cycle(self.cycles[row] if 0 <= row < len(self.cycles) else None)

    def past_text(self, past: ChainCycle) -> str:
        what = first_line(past.cycle.plan.get("what", "")) or self.tr("(nothing planned)")
        text = self.tr("Cycle {0} (round {1}, read-only): {2}").format(
            past.number, past.round_name, what
        )
        if past.cycle.act:
            text += " · " + act_label(past.cycle.act)
        return text

    def cycle_text(self, cycle: PdsaCycle) -> str:
        what = first_line(cycle.plan.get("what", "")) or self.tr("(nothing planned yet)")
        text = self.tr("Cycle {0}: {1}").format(len(self.past) + cycle.position, what)
        if cycle.act:
            text += " · " + act_label(cycle.act)
        return text

    def _show_cycle(self, cycle: PdsaCycle | None, *, past: bool = False) -> None:
        """`past`: an earlier round's cycle, shown but never editable here."""
        self.cycle = cycle
        self.showing_past = past
        fixed = self.read_only or past
        with self.loading():
            for key, edit in self.plan_edits.items():
                edit_text = cycle.plan.get(key, "") if cycle else ""
                if isinstance(edit, QLineEdit):
                    edit.setText(edit_text)
                else:
                    edit.setPlainText(edit_text)
            self.do_notes.setPlainText(cycle.do_notes if cycle else "")
            self.study_notes.setPlainText(cycle.study_notes if cycle else "")
            self.act.setCurrentIndex(max(0, self.act.findData(cycle.act if cycle else "")))
            self.act_notes.setPlainText(cycle.act_notes if cycle else "")
        self.card.setEnabled(cycle is not None)
        for edit in (*self.plan_edits.values(), self.do_notes, self.study_notes, self.act_notes):
            edit.setReadOnly(fixed)
        self.act.setEnabled(not fixed)

    def _cycle_selected(self, row: int) -> None:
        if self._selecting:
            return
        if not self.save_pending():
            # stay on the cycle whose text could not be stored; the save label says why
            self._selecting = True
            try:
                current = self.cycles.index(self.cycle) if self.cycle in self.cycles else -1
                self.cycle_list.setCurrentRow(current + len(self.past) if current >= 0 else -1)
            finally:
                self._selecting = False
            return
        if 0 <= row < len(self.past):
            self._show_cycle(self.past[row].cycle, past=True)
            return
        row -= len(self.past)
        self._show_cycle(self.cycles[row] if 0 <= row < len(self.cycles) else None)

    # ----- storing
    def add_cycle(self) -> PdsaCycle | None:
        if self.priority_id is None or self.read_only or not self.save_pending():
            return None
        try:
            cycle = planning.add_cycle(self.conn, self.priority_id, actor=self.actor)
        except SmsOatError as exc:
            self.failed.emit(user_message(exc))
            return None
        self.cycles = planning.cycles_for_priority(self.conn, self.priority_id)
        self._fill_list(len(self.cycles) - 1)
        self.saved.emit(datetime.now().strftime("%H:%M:%S"))
        self.cycles_changed.emit(self.priority_id)
        self.plan_edits["what"].setFocus()
        return cycle

    def has_record(self) -> bool:
        return self.cycle is not None and not self.showing_past

    def value(self, key: str) -> Any:
        if key == "act":
            return self.act.currentData()
        widget = {
            "do_notes": self.do_notes,
            "study_notes": self.study_notes,
            "act_notes": self.act_notes,
        }[key]
        return widget.toPlainText()

    def _plan_value(self) -> dict[str, str]:
        return {
            key: edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
            for key, edit in self.plan_edits.items()
        }

    def commit(self, keys: set[str]) -> None:
        assert self.cycle is not None
        fields: dict[str, Any] = {k: self.value(k) for k in keys if not k.startswith("plan.")}
        if any(k.startswith("plan.") for k in keys):
            fields["plan"] = self._plan_value()  # the plan is stored as one record
        cycle = planning.update_cycle(self.conn, self.cycle.id, actor=self.actor, **fields)
        self.cycle = cycle
        self.cycles = [cycle if c.id == cycle.id else c for c in self.cycles]
        entry = self.cycle_list.item(self.cycles.index(cycle) + len(self.past))
        if entry is not None:
            entry.setText(self.cycle_text(cycle))
