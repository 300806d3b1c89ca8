"""Home's agency list at country scale (issue 20): a model that reads and formats only the rows
on the screen, and still selects, moves with the keyboard, keeps its selection and names rows."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListView
from pytestqt.qtbot import QtBot

from app.db.connection import transaction
from app.services import agency_records
from app.ui import agency_list
from app.ui.main_window import MainWindow

MANY = agency_list.WRAP_UP_TO + 100  # past the point where rows stop being measured one by one


def _many_agencies(window: MainWindow, count: int = MANY) -> list[int]:
    with transaction(window.conn):  # one commit: the test is about the list, not the writes
        ids = [
            agency_records.create(window.conn, f"Agency {n:04d}", site="East" if n % 7 else "").id
            for n in range(count)
        ]
    return ids


def test_a_long_list_reads_and_formats_only_the_rows_on_the_screen(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _many_agencies(window)
    asked: list[int] = []
    names_of = agency_records.names_of

    def counting(conn: sqlite3.Connection, some: list[int]) -> dict[int, tuple[str, str]]:
        asked.extend(some)
        return names_of(conn, some)

    monkeypatch.setattr(agency_records, "names_of", counting)
    window.show_home()
    QApplication.processEvents()
    view = window.home.agencies
    qtbot.waitUntil(view.isVisible)
    assert view.count() == MANY
    assert view.uniformItemSizes()  # one row measured, not every row
    model = view.agencies
    assert 0 < len(model.labels) <= 2 * agency_list.BLOCK < MANY
    assert len(asked) == len(model.labels)  # names read only for those rows
    # the last row, scrolled to, is read then
    last = view.item(MANY - 1)
    view.scrollTo(last.index)
    assert last.text() == f"Agency {MANY - 1:04d} — East"
    assert last.toolTip() == last.text()
    assert last.data(256) == ids[-1]
    assert len(model.labels) <= 3 * agency_list.BLOCK


def test_a_long_list_selects_moves_and_keeps_its_selection(
    window: MainWindow, qtbot: QtBot
) -> None:
    ids = _many_agencies(window)
    window.show_home()
    home = window.home
    view = home.agencies
    assert home.current_agency() == ids[0]  # the first one, as before
    far = ids[MANY - 3]
    home.select_agency(far)
    assert home.current_agency() == far
    assert view.visualItemRect(view.item(MANY - 3)).intersects(view.viewport().rect())
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert home.current_agency() == ids[MANY - 2]
    # the rounds and buttons follow the selection, as with the old list
    assert home.edit_agency_button.isEnabled() and home.rounds.topLevelItemCount() == 0
    home.refresh()  # "data changed": read again, the selection kept
    assert home.current_agency() == ids[MANY - 2]
    assert view.accessibleName() == "Agencies"


def test_a_short_list_still_wraps_long_names(window: MainWindow) -> None:
    agency_records.create(window.conn, "Ash")
    window.show_home()
    view = window.home.agencies
    assert view.wordWrap() and not view.uniformItemSizes()
    assert view.layoutMode() == QListView.LayoutMode.SinglePass


def test_typing_a_name_finds_it_in_a_long_list(window: MainWindow, qtbot: QtBot) -> None:
    ids = _many_agencies(window)
    window.show_home()
    view = window.home.agencies
    view.setFocus()
    qtbot.keyClicks(view, f"Agency {MANY - 5:04d}")  # the view's type-ahead, as before
    assert window.home.current_agency() == ids[MANY - 5]
