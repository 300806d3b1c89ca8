"""GUI fixtures: one main window on a fresh data folder per test, driven with qtbot."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.db.connection import open_database
from app.services.catalog import default_catalog
from app.ui.main_window import MainWindow
from app.ui.settings import AppSettings

MakeWindow = Callable[[], MainWindow]


@pytest.fixture(scope="package", autouse=True)
def gui_thread_gc(qapp: object) -> Iterator[None]:
    """As the app does (app/ui/worker.py): cycles are collected on the GUI thread, never in a
    worker, where finalising a widget crashes the process."""
    from app.ui.worker import GuiThreadCollector

    collector = GuiThreadCollector()
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def collect_after_each_test() -> Iterator[None]:
    yield
    gc.collect()  # on this (the GUI) thread: the test's closed widgets go now


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SMSOAT_DATA_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def make_window(qtbot: QtBot, data_dir: Path) -> Iterator[MakeWindow]:
    """Opens the data file and a window on it, as the app does at start; closes both after."""
    opened: list[tuple[MainWindow, object]] = []
    db_path = data_dir / "smsoat.sqlite3"

    def make() -> MainWindow:
        conn = open_database(db_path)
        window = MainWindow(conn, db_path, default_catalog(), AppSettings())
        window.confirm = lambda *_a: True
        window.inform = lambda *_a: None
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        opened.append((window, conn))
        return window

    yield make
    for window, conn in opened:
        if window.isVisible():
            window.close()
        conn.close()  # type: ignore[attr-defined]


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    return make_window()
