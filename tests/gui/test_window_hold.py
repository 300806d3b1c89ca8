"""The import dialog holds the main window without Qt's modal blocking (issue 16).

Qt drops a window manager's close request for a window blocked by a modal dialog, so the main
window's title-bar × did nothing during an import (tests/x11/test_close_during_import.py drives
that with real X). The dialog is therefore modeless while the window's own controls are off; this
checks that they are off while it is open (every action and its shortcut, as under the modal
dialog) and that everything comes back as it was once the dialog closes. And "Stop it and
close?" is asked once: the app quitting closes every window again, which asked a second time.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from app.ui.import_dialog import ImportDialog
from app.ui.main_window import MainWindow


def test_the_import_dialog_holds_the_window_without_blocking_it(window: MainWindow) -> None:
    actions = window.findChildren(QAction)
    window.act_restore.setEnabled(False)  # off before: must stay off after
    before = {action: action.isEnabled() for action in actions}
    window.open_import()
    dialog = window.dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    assert not dialog.isModal()  # a modal dialog would make Qt drop the window's ×
    assert not window.centralWidget().isEnabled() and not window.menuBar().isEnabled()
    assert [a.text() for a in actions if a.isEnabled()] == []
    assert window.act_import.isEnabled() is False  # no second import on top of this one
    dialog.reject()
    assert not dialog.isVisible()
    assert window.centralWidget().isEnabled() and window.menuBar().isEnabled()
    assert {action: action.isEnabled() for action in actions} == before


def test_stop_and_close_is_asked_once(window: MainWindow) -> None:
    window.open_import()
    dialog = window.dialog
    assert isinstance(dialog, ImportDialog)
    asked: list[str] = []

    def answer_yes(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    dialog.confirm = answer_yes
    dialog.importing = True  # as while files are being written
    assert dialog.ask_to_stop()  # the main window's × asks first …
    dialog.reject()  # … then quitting closes every window again
    assert asked == ["An import is running. Stop it and close?"]
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    dialog.importing = False
