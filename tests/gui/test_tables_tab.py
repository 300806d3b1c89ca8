"""Tab leaves every table; arrows move inside; Tab never changes which person is selected.

A QTableView takes Tab for itself by default (it moves to the next cell), so a keyboard or
screen-reader user was trapped in the round page's team table, the team-view grid and the action
plan's priorities table; only Alt+letter shortcuts got out. On the round page, four Tabs also
selected another person, so "Rate as this person" would have rated as the wrong one (issue 25).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "something must have the keyboard focus"
    return widget


def _demo_round(window: MainWindow, qtbot: QtBot) -> int:
    window.home.demo_button.click()
    round_id = window.home.selected_round()
    assert round_id is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return round_id


def test_tab_leaves_the_team_table_and_keeps_the_person(window: MainWindow, qtbot: QtBot) -> None:
    round_id = _demo_round(window, qtbot)
    window.open_round(round_id)
    team = window.round_page.team
    team.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is team, timeout=3000)
    team.selectRow(0)
    first = window.round_page.current_person()
    assert first is not None
    for _ in range(4):
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        assert window.round_page.current_person() == first
    team.setFocus()
    qtbot.keyClick(team, Qt.Key.Key_Tab)
    assert _focus() is not team, "Tab stayed in the team table"
    team.setFocus()
    qtbot.keyClick(team, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _focus() is not team, "Shift+Tab stayed in the team table"
    assert window.round_page.current_person() == first
    # the arrows still move inside: Down picks the next person
    team.setFocus()
    qtbot.keyClick(team, Qt.Key.Key_Down)
    assert window.round_page.current_person() not in (None, first)


def test_tab_leaves_every_table_of_every_page_and_dialog(window: MainWindow, qtbot: QtBot) -> None:
    round_id = _demo_round(window, qtbot)
    window.open_round(round_id)
    window.show_team_view(round_id)
    window.show_action_plan(round_id)
    window.show_finish(1)
    window.start_paper(1)
    window.show_coordinator()
    for open_dialog in (
        lambda: window.show_history(round_id),
        window.open_import,
        window.open_restore,
    ):
        open_dialog()
        assert window.dialog is not None
        dialog_tables = window.dialog.findChildren(QTableView)
        assert dialog_tables, f"{type(window.dialog).__name__} has no table to check"
        trapped = [t.objectName() or t.accessibleName() for t in dialog_tables]
        assert not [t for t in dialog_tables if t.tabKeyNavigation()], trapped
        window.dialog.close()
    tables = window.findChildren(QTableView)
    assert len(tables) >= 6  # team, grid, domains, priorities, finish, paper, roll-up
    trapped = [
        f"{type(t.parent()).__name__}: {t.accessibleName()}" for t in tables if t.tabKeyNavigation()
    ]
    assert not trapped, f"Tab is trapped in: {trapped}"
