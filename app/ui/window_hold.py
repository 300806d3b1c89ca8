"""A dialog that holds the main window while it is open, without Qt's modal blocking.

Qt drops a window manager's close request (the title-bar ×, Alt+F4 from the window manager) for a
window that a modal dialog blocks, before any event reaches the window: during a long import the
main window's × did nothing at all (issue 16). So a dialog that runs long work (the import) is
shown modeless, and the window's own controls are switched off for as long as it is open: the
page stack, the menu bar and every action with its shortcut (as the modal dialog did; Ctrl+Q
included). The × then reaches `MainWindow.closeEvent`, which asks the dialog first ("An import is
running. Stop it and close?", `ask_to_stop`). What was on is switched back on when the dialog
finishes.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget


def hold_window(window: QMainWindow, dialog: QDialog) -> None:
    """Show `dialog` over `window` (modeless, kept above it by the window manager as its child)
    and switch the window's controls off until the dialog finishes."""
    widgets: list[QWidget] = [w for w in (window.centralWidget(), window.menuBar()) if w]
    actions = [action for action in window.findChildren(QAction) if action.isEnabled()]
    for widget in widgets:
        widget.setEnabled(False)
    for action in actions:
        action.setEnabled(False)

    def release(_result: int = 0) -> None:
        for widget in widgets:
            widget.setEnabled(True)
        for action in actions:
            action.setEnabled(True)

    dialog.finished.connect(release)
    dialog.setModal(False)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
