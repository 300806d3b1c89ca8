"""The exchange reached from the main window, as a lead and a coordinator would: the home page's
export button and the File menu, the import dialog from the menu, and the coordinator view."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.db.connection import open_database
from app.exchange.reader import read_exchange_file
from app.services.catalog import default_catalog
from app.ui.coordinator_page import CoordinatorPage
from app.ui.export_dialog import ExportDialog
from app.ui.import_dialog import ImportDialog
from app.ui.main_window import MainWindow
from app.ui.settings import AppSettings
from tests.gui.conftest import MakeWindow

WAIT = 20000


def _menu_action(window: MainWindow, text: str) -> object:
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions():  # type: ignore[union-attr]
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no menu entry {text!r}")


def _export_demo(qtbot: QtBot, window: MainWindow, target: Path) -> int:
    window.home.demo_button.click()
    round_id = window.home.selected_round()
    assert round_id is not None and window.home.export_button.isEnabled()
    window.home.export_button.click()
    dialog = window.dialog
    assert isinstance(dialog, ExportDialog) and dialog.round_id == round_id
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=WAIT):
        dialog.export_button.click()
    return round_id


def test_home_export_then_import_into_another_data_file(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    target = tmp_path / "riverbend.smsoat"
    _export_demo(qtbot, window, target)
    exchange = read_exchange_file(target)
    assert exchange.document["agency"]["name"] == "Riverbend Community Health (demo)"
    assert "Saved" in window.statusBar().currentMessage()
    window.close()

    # a coordinator's laptop: another, empty data file
    db_path = tmp_path / "coordinator" / "smsoat.sqlite3"
    conn = open_database(db_path)
    coordinator = MainWindow(conn, db_path, default_catalog(), AppSettings())
    qtbot.addWidget(coordinator)
    try:
        assert coordinator.home.agencies.count() == 0
        assert not coordinator.home.export_button.isEnabled()
        _menu_action(coordinator, "Import files from agencies…").trigger()  # type: ignore[attr-defined]
        dialog = coordinator.dialog
        assert isinstance(dialog, ImportDialog)
        with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT):
            dialog.set_paths([target])
        with qtbot.waitSignal(dialog.import_done, timeout=WAIT):
            dialog.import_button.click()
        qtbot.waitUntil(lambda: coordinator.home.agencies.count() == 1, timeout=WAIT)
        assert coordinator.home.agencies.item(0).text().startswith("Riverbend")
        assert "Imported 1 round" in coordinator.statusBar().currentMessage()
    finally:
        coordinator.close()
        conn.close()


def test_the_coordinator_view_from_the_menu_and_back(qtbot: QtBot, window: MainWindow) -> None:
    window.home.demo_button.click()
    _menu_action(window, "State coordinator view").trigger()  # type: ignore[attr-defined]
    page = window.stack.currentWidget()
    assert isinstance(page, CoordinatorPage)
    assert page.instrument.currentData() == "sms-oat-bh"
    with qtbot.waitSignal(page.picture_shown, timeout=20_000):  # worked out in a worker
        page.all_time.setChecked(True)
    assert page.rollup is not None and len(page.rollup.agencies) == 1
    page.back_button.click()
    assert window.stack.currentWidget() is window.home


def test_export_from_the_menu_needs_a_round(qtbot: QtBot, window: MainWindow) -> None:
    told: list[str] = []
    window.inform = lambda _p, _t, text: told.append(text)
    _menu_action(window, "Export the round for the state…").trigger()  # type: ignore[attr-defined]
    assert told == ["Open or select a round first."]
    assert window.dialog is None
    window.home.demo_button.click()
    round_id = window.home.selected_round()
    assert round_id is not None
    window.open_round(round_id)
    _menu_action(window, "Export the round for the state…").trigger()  # type: ignore[attr-defined]
    assert isinstance(window.dialog, ExportDialog) and window.dialog.round_id == round_id


def test_a_read_only_window_offers_no_import(qtbot: QtBot, data_dir: Path) -> None:
    db_path = data_dir / "smsoat.sqlite3"
    conn = open_database(db_path)
    window = MainWindow(conn, db_path, default_catalog(), AppSettings(), read_only=True)
    qtbot.addWidget(window)
    try:
        assert not window.act_import.isEnabled()
        window.open_import()
        assert window.dialog is None
    finally:
        window.close()
        conn.close()
