"""The walkthrough's keyboard: a choice's digit or letter picks it, Up/Down move between choices,
Left/Right and Enter move between items, E folds the examples, Delete/Backspace clears.

Apart from the walkthrough page so the page keeps to layout and saving; the page hands every
key press of its choices group here first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut

if TYPE_CHECKING:
    from app.ui.walkthrough import WalkthroughPage


def without_backspace(key: QKeySequence.StandardKey) -> list[QKeySequence]:
    """The platform's keys for `key` but Backspace (Windows lists it under "Back")."""
    backspace = QKeySequence(Qt.Key.Key_Backspace)
    return [seq for seq in QKeySequence.keyBindings(key) if seq != backspace]


def install_shortcuts(page: WalkthroughPage) -> None:
    """Back/Forward go to the previous/next item; Ctrl+E folds the examples open or shut."""
    # Backspace clears an answer here, so it is left out of the platform's "Back" keys
    # (Windows lists it there): a shortcut would take the key before the page sees it
    for seqs, slot in (
        (without_backspace(QKeySequence.StandardKey.Back), lambda: page.go(page.index - 1)),
        (without_backspace(QKeySequence.StandardKey.Forward), lambda: page.go(page.index + 1)),
        ([QKeySequence("Ctrl+E")], page.examples_button.toggle),
    ):
        for seq in seqs:
            shortcut = QShortcut(seq, page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)


def move_choice(page: WalkthroughPage, step: int) -> None:
    """Up/Down: choose the choice above or below the chosen (or focused) one."""
    buttons = page.buttons
    if not buttons or page.read_only:
        return
    current = next((i for i, b in enumerate(buttons) if b.isChecked()), None)
    focused = next((i for i, b in enumerate(buttons) if b.hasFocus()), None)
    start = current if current is not None else (focused if focused is not None else -1)
    target = max(0, min(len(buttons) - 1, start + step))
    if start == -1 and step < 0:
        target = len(buttons) - 1
    buttons[target].setFocus()
    page.choose(buttons[target].choice.code)


def handle_key(page: WalkthroughPage, event: QKeyEvent) -> bool:
    """Act on a key without modifiers; False when it is not one of the walkthrough's keys."""
    key = event.key()
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if mods not in (Qt.KeyboardModifier.NoModifier,):
        return False
    text = event.text().upper()
    for button in page.buttons:
        if text and text == button.key:
            if not page.read_only:
                button.setFocus()
                page.choose(button.choice.code)
            return True
    last = page.index == len(page.items) - 1
    if key == Qt.Key.Key_Up:
        move_choice(page, -1)
    elif key == Qt.Key.Key_Down:
        move_choice(page, 1)
    elif key == Qt.Key.Key_Left:
        page.go(page.index - 1)
    elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and last:
        page.offer_finish()
    elif key in (Qt.Key.Key_Right, Qt.Key.Key_Return, Qt.Key.Key_Enter):
        page.go(page.index + 1)
    elif key == Qt.Key.Key_E:
        page.examples_button.toggle()
    elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        page.clear_answer()
    else:
        return False
    return True
