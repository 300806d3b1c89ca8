"""Paper mode: type in the answers someone ticked on the blank paper form, keyboard only.

One row per item in the form's order; type the number ticked (or D / N) and press Enter to go to
the next row's answer (also after Tab to a comment). A row shows ✓ only when its item has an
answer. Each cell is committed the moment it is accepted, with the same validation as the
walkthrough; a value that is not on the scale is refused and the row says so. Delete or Backspace
on a row (not while typing in a cell) clears that item's answer, committed at once.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import SmsOatError
from app.core.instrument import Choice, Item
from app.services import answering
from app.ui.announce import announce
from app.ui.error_text import user_message
from app.ui.page_title import PageTitle
from app.ui.table_headers import hide_row_numbers
from app.ui.texts import role_label

COL_ITEM, COL_ANSWER, COL_COMMENT, COL_STATUS = range(4)


def accepted_inputs(item: Item) -> dict[str, str]:
    """What may be typed for each choice: its code, and D/? or N for the unscored ones."""
    accepted: dict[str, str] = {}
    for choice in item.scale.choices:
        accepted[choice.code.lower()] = choice.code
        if choice.kind == "dont_know":
            for alias in ("d", "?", "dk"):
                accepted.setdefault(alias, choice.code)
        elif choice.kind == "not_applicable":
            for alias in ("n", "na"):
                accepted.setdefault(alias, choice.code)
    return accepted


def _typed_letter(choice: Choice) -> str:
    if choice.kind == "dont_know":
        return "D"
    if choice.kind == "not_applicable":
        return "N"
    return choice.code


def _shown(item: Item, code: str) -> str:
    choice = item.scale.choice(code) if code else None
    return _typed_letter(choice) if choice is not None else code


class PaperEntryPage(QWidget):
    done = Signal(int)

    def __init__(self, conn: sqlite3.Connection, lang: str) -> None:
        super().__init__()
        self.conn = conn
        self.lang = lang
        self.respondent_id: int | None = None
        self.items: list[Item] = []
        self._filling = False
        self._answered: set[int] = set()  # rows whose item has an answer: only they show ✓
        self.title = PageTitle()
        self.title.setObjectName("pageTitle")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.status = QLabel(" ")
        self.status.setObjectName("saved")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Paper form answers"))
        self.table.setAccessibleDescription(
            self.tr("Type the answer ticked on paper and press Enter for the next item.")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Answer"), self.tr("Comment"), self.tr("Saved")]
        )
        hide_row_numbers(self.table)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ANSWER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_COMMENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._changed)
        self.table.installEventFilter(self)
        self.table.itemDelegate().closeEditor.connect(self._editor_closed)
        self.done_button = QPushButton(self.tr("&Done"))
        self.done_button.clicked.connect(self._done)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def load(self, respondent_id: int) -> None:
        self.respondent_id = respondent_id
        form = answering.open_form(self.conn, respondent_id)
        person, instrument = form.person, form.instrument
        self.round_id = form.round.id
        self.items = instrument.items
        scored = [c.code for c in instrument.scale.choices if c.kind == "score"]
        self.title.setText(
            self.tr("Paper form of {0} ({1})").format(person.display_name, role_label(person.role))
        )
        # Only the letters this scale takes: a scale without "don't know" (the PCRS) has no D.
        kinds = {c.kind for c in instrument.scale.choices}
        letters = [
            text
            for kind, text in (
                ("dont_know", self.tr("D = don't know")),
                ("not_applicable", self.tr("N = not applicable")),
            )
            if kind in kinds
        ]
        typed = f"{scored[0]}–{scored[-1]}" if scored else ""
        if letters:
            typed += "; " + ", ".join(letters)
        self.hint.setText(
            self.tr(
                "Type the answer ticked on paper ({0}) and press Enter for the next item."
                " Leave a cell empty for an item left blank. Each answer is saved as soon as it"
                " is entered."
            ).format(typed)
        )
        existing = form.answers
        self._filling = True
        self._answered = {
            row for row, item in enumerate(self.items) if (a := existing.get(item.id)) and a.choice
        }
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            label = QTableWidgetItem(f"{item.id}  {item.prompt.get(self.lang)}")
            label.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            label.setToolTip(item.prompt.get(self.lang))
            answer = existing.get(item.id)
            code = answer.choice if answer and answer.choice else ""
            self.table.setItem(row, COL_ITEM, label)
            self.table.setItem(row, COL_ANSWER, QTableWidgetItem(_shown(item, code)))
            self.table.setItem(row, COL_COMMENT, QTableWidgetItem(answer.comment if answer else ""))
            status = QTableWidgetItem("✓" if row in self._answered else "")
            status.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, COL_STATUS, status)
        self._filling = False
        self.table.setCurrentCell(0, COL_ANSWER)
        self.table.setFocus()
        self.status.setText(" ")

    def _set_status(self, row: int, ok: bool, message: str) -> None:
        cell = self.table.item(row, COL_STATUS)
        if cell is not None:
            # ✓ means "this item is answered": a saved comment or blank leaves the row unmarked
            mark = "✓" if row in self._answered else ""
            cell.setText(mark if ok else self.tr("✗ not saved"))
        self.status.setProperty("state", "ok" if ok else "error")
        self.status.setText(message)
        self.status.style().polish(self.status)
        announce(self.status, message, assertive=not ok)

    def enter(self, row: int, text: str) -> bool:
        """What typing `text` into a row's answer cell does; returns whether it was saved."""
        assert self.respondent_id is not None
        item = self.items[row]
        raw = text.strip().lower()
        accepted = accepted_inputs(item)
        if raw and raw not in accepted:
            # the letters the help above names (D, N), not the stored codes (DK, NA)
            allowed = ", ".join(_typed_letter(c) for c in item.scale.choices)
            self._set_status(
                row,
                False,
                self.tr("✗ Item {0}: “{1}” is not on the scale ({2}). Not saved.").format(
                    item.id, text.strip(), allowed
                ),
            )
            return False
        code = accepted.get(raw) if raw else None
        try:
            answering.save_answer(self.conn, self.respondent_id, item.id, code, source="paper")
        except SmsOatError as exc:
            self._set_status(row, False, self.tr("✗ Not saved: {0}").format(user_message(exc)))
            return False
        if code:
            self._answered.add(row)
        else:
            self._answered.discard(row)
        cell = self.table.item(row, COL_ANSWER)
        if cell is not None and cell.text() != _shown(item, code or ""):
            # the cell shows what was saved, as a reload would ("n" -> "N", " 10 " -> "10")
            self._filling = True
            cell.setText(_shown(item, code or ""))
            self._filling = False
        self._set_status(row, True, self.tr("✓ Saved item {0}").format(item.id))
        return True

    def clear_row(self, row: int) -> bool:
        """Delete/Backspace on a row: the item is unanswered again (its comment stays)."""
        if self.respondent_id is None or not 0 <= row < len(self.items):
            return False
        item = self.items[row]
        try:
            answering.clear_answer(self.conn, self.respondent_id, item.id, source="paper")
        except SmsOatError as exc:
            self._set_status(row, False, self.tr("✗ Not saved: {0}").format(user_message(exc)))
            return False
        self._answered.discard(row)
        self._filling = True
        answer_cell = self.table.item(row, COL_ANSWER)
        if answer_cell is not None:
            answer_cell.setText("")
        status = self.table.item(row, COL_STATUS)
        if status is not None:
            status.setText("")  # a kept comment is no answer
        self._filling = False
        self.status.setProperty("state", "ok")
        self.status.setText(self.tr("✓ Cleared item {0} · saved").format(item.id))
        self.status.style().polish(self.status)
        announce(self.status, self.status.text())
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            == Qt.KeyboardModifier.NoModifier
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            self.clear_row(self.table.currentRow())
            return True
        return super().eventFilter(watched, event)

    def _changed(self, cell: QTableWidgetItem) -> None:
        if self._filling or self.respondent_id is None:
            return
        row, col = cell.row(), cell.column()
        if col == COL_ANSWER:
            self.enter(row, cell.text())
        elif col == COL_COMMENT:
            item = self.items[row]
            try:
                answering.save_answer(
                    self.conn, self.respondent_id, item.id, comment=cell.text(), source="paper"
                )
            except SmsOatError as exc:
                self._set_status(row, False, self.tr("✗ Not saved: {0}").format(user_message(exc)))
            else:
                self._set_status(
                    row, True, self.tr("✓ Saved the comment on item {0}").format(item.id)
                )

    def _editor_closed(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Enter only: the editor losing the focus as it closes reports again (NoHint), and
        # moving on for that too skipped a row whenever the window was active. Enter always
        # goes to the next row's answer, also from a comment: the next thing typed is an answer
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            row = self.table.currentRow()
            if row + 1 < self.table.rowCount():
                self.table.setCurrentCell(row + 1, COL_ANSWER)
            # keep typing in the grid: focus would otherwise wander to the next button
            QTimer.singleShot(0, self.table.setFocus)

    def _done(self) -> None:
        if self.respondent_id is not None:
            self.done.emit(self.round_id)
