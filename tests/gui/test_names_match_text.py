"""An accessible name starts with the words on the screen (a description may add more).

Voice-control users say what they see ("click Import files"), and a screen-reader user talking
with a sighted colleague must hear the same words; "Import files…" exposed as "Import exchange
files from agencies" or "← Team" as "Back to the round" broke both (issue 25). The one
exception is a choice's key hint, shown first on the button ("[3]  Mostly in place…" on the rating
screen, "D · Don't know" in the meeting) and said in its description instead ("Key 3, 3 of 6").
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow

KEY_HINT = re.compile(r"^(\[[0-9A-Z]\]\s+|(?:[0-9]|DK|NA|D|N) · )")


def visible(button: QAbstractButton) -> str:
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return KEY_HINT.sub("", text).strip()


def mismatches(root: QWidget) -> list[str]:
    found = []
    for button in root.findChildren(QAbstractButton):
        name, text = button.accessibleName(), visible(button)
        if name and text and not name.startswith(text):
            found.append(f"{type(root).__name__}: {text!r} is named {name!r}")
    return found


def test_every_button_is_named_by_its_visible_text_first(window: MainWindow, qtbot: QtBot) -> None:
    window.home.demo_button.click()
    round_id = window.home.selected_round()
    assert round_id is not None
    pages = []
    for show in (
        window.show_home,
        lambda: window.open_round(round_id),
        lambda: window.start_rating(1),
        lambda: window.show_finish(1),
        lambda: window.start_paper(1),
        lambda: window.show_team_view(round_id),
        lambda: window.show_meeting(round_id),
        lambda: window.show_action_plan(round_id),
        window.show_coordinator,
    ):
        show()
        pages.append(window.stack.currentWidget())
    problems: list[str] = []
    for page in pages:
        problems += mismatches(page)
    for open_dialog in (
        lambda: window.show_history(round_id),
        window.open_import,
        window.open_restore,
        lambda: window.open_export(round_id),
        window.open_settings,
        lambda: window.open_person_dialog(round_id, None),
        lambda: window.open_round_dialog(1),
        lambda: window.open_agency_dialog(None),
    ):
        open_dialog()
        dialog = window.dialog
        assert dialog is not None
        problems += mismatches(dialog)
        dialog.close()
    buttons = sum(len(p.findChildren(QAbstractButton)) for p in pages)
    assert buttons > 50, "the pages were not built"
    assert not problems, "\n".join(problems)
    assert QApplication.instance() is not None
