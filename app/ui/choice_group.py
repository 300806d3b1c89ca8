"""The answer choices as one radio group, shared by the rating screen and the consensus meeting.

To a screen reader (AT-SPI) the group is named by the question and each choice is a radio button
named by its full text, with "Key 2, 2 of 6" as its description. For the keyboard it is one Tab
stop: Tab or Shift+Tab into it lands on the chosen answer, and Tab out of it goes on to the next
control (the comment, the rationale) instead of walking through every choice. The page that owns
the group keeps its own keys (digits, D, N, arrows) through a key handler the group calls first.

Both screens used to build their buttons their own way; the meeting's were plain checkable
buttons (check boxes to a screen reader) whose Tab walked all six. One widget keeps them alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QGridLayout, QGroupBox, QWidget

from app.core.instrument import Choice, Item
from app.ui.choice_button import WrappingButton, check_exactly


def choice_key(item: Item, choice: Choice) -> str:
    """The key that selects a choice: its position among scored choices (1–9, then 0), or D / N."""
    if choice.kind == "dont_know":
        return "D"
    if choice.kind == "not_applicable":
        return "N"
    scored = [c for c in item.scale.choices if c.kind == "score"]
    position = scored.index(choice) + 1
    return str(position % 10) if position <= 10 else ""


def full_text(choice: Choice, lang: str) -> str:
    """The whole choice as a screen reader names it: "Beginning — Some staff…"."""
    label = choice.label.get(lang)
    desc = choice.description.get(lang) if choice.description else ""
    return label + (f" — {desc}" if desc else "")


@dataclass(frozen=True)
class ChoiceEntry:
    """One choice as shown: the text on the button, and what a screen reader says for it."""

    choice: Choice
    key: str
    text: str
    name: str
    description: str


class ChoiceButton(WrappingButton):
    """One answer. Checkable and auto-exclusive, so AT-SPI reports a radio button ("Beginning,
    radio button, checked") among its siblings in the choices group, not a check box."""

    def __init__(self, choice: Choice, key: str, text: str) -> None:
        super().__init__(text)
        self.choice = choice
        self.key = key
        self.setObjectName("choice")
        self.setCheckable(True)
        self.setAutoExclusive(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def check_only(buttons: Sequence[ChoiceButton], code: str | None) -> None:
    """Check the button of `code` and uncheck the rest; None unchecks all (a cleared answer)."""
    check_exactly(buttons, [button.choice.code == code for button in buttons])


class ChoiceGroup(QGroupBox):
    """The choices of one item. `chosen` carries the code of a clicked choice; the owner commits
    it and then calls check() (so a refused save leaves the old answer checked)."""

    chosen = Signal(str)

    def __init__(
        self, columns: int = 1, key_handler: Callable[[QKeyEvent], bool] | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("choices")
        self.setFlat(True)
        self.setStyleSheet("QGroupBox#choices { border: 0; margin: 0; padding: 0; }")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.columns = max(1, columns)
        self.key_handler = key_handler
        self.buttons: list[ChoiceButton] = []
        self.before: QWidget | None = None
        self.after: QWidget | None = None

    def set_neighbours(self, before: QWidget | None, after: QWidget | None) -> None:
        """The controls Shift+Tab and Tab go to from any choice (the screen's order)."""
        self.before, self.after = before, after
        self._chain()

    def show_choices(self, question: str, entries: Sequence[ChoiceEntry], enabled: bool) -> None:
        """Puts an item's choices on the buttons. Buttons are kept from item to item when the
        count is the same (the usual case): deleting the focused one sent a screen reader a
        storm of focus events as the focus fell from button to button."""
        self.setAccessibleName(question)
        if len(entries) != len(self.buttons):
            for button in self.buttons:
                self.grid.removeWidget(button)
                button.hide()
                button.deleteLater()
            self.buttons = []
            for n, entry in enumerate(entries):
                button = ChoiceButton(entry.choice, "", "")
                button.clicked.connect(lambda _=False, b=button: self.chosen.emit(b.choice.code))
                button.installEventFilter(self)
                self.grid.addWidget(button, n // self.columns, n % self.columns)
                # shown now, not from the event loop: the owner may give it the focus next, and
                # a hidden button cannot take it
                button.show()
                self.buttons.append(button)
            self._chain()
        for button, entry in zip(self.buttons, entries, strict=True):
            button.choice, button.key = entry.choice, entry.key
            button.setText(entry.text)
            button.setAccessibleName(entry.name)
            button.setAccessibleDescription(entry.description)
            button.setEnabled(enabled)

    def _chain(self) -> None:
        """Focus follows the screen: the control before, the choices, the control after."""
        if not self.buttons:
            return
        if self.before is not None:
            QWidget.setTabOrder(self.before, self.buttons[0])
        for a, b in zip(self.buttons, self.buttons[1:], strict=False):
            QWidget.setTabOrder(a, b)
        if self.after is not None:
            QWidget.setTabOrder(self.buttons[-1], self.after)

    def check(self, code: str | None) -> None:
        check_only(self.buttons, code)

    def button_for(self, code: str) -> ChoiceButton | None:
        return next((b for b in self.buttons if b.choice.code == code), None)

    def focus_choice(self) -> None:
        """The focus on the chosen answer, or on the first choice when none is chosen."""
        checked = [b for b in self.buttons if b.isChecked()]
        if checked or self.buttons:
            (checked[0] if checked else self.buttons[0]).setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, ChoiceButton):
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if self._tab_out(event):
                return True
            if self.key_handler is not None and self.key_handler(event):
                return True
        elif event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            # Tab or Shift+Tab into the group lands on the chosen answer, as in a radio group
            checked = next((b for b in self.buttons if b.isChecked()), None)
            tabbed = event.reason() in (
                Qt.FocusReason.TabFocusReason,
                Qt.FocusReason.BacktabFocusReason,
            )
            if tabbed and checked is not None and checked is not watched:
                checked.setFocus(event.reason())
        return super().eventFilter(watched, event)

    def _tab_out(self, event: QKeyEvent) -> bool:
        """The choices are one stop for Tab: on to `after`, Shift+Tab back to `before`."""
        if event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        backwards = event.key() == Qt.Key.Key_Backtab or (
            event.key() == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        if backwards and self.before is not None:
            self.before.setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        if not backwards and event.key() == Qt.Key.Key_Tab and self.after is not None:
            self.after.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False
