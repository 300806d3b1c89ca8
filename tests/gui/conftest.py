"""GUI fixtures: one main window on a fresh data folder per test, driven with qtbot."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.db.connection import open_database
from app.services.catalog import default_catalog
from app.ui import input_guard
from app.ui.main_window import MainWindow
from app.ui.settings import AppSettings

MakeWindow = Callable[[], MainWindow]


class Told:
    """Stands in for the window's message box (`inform`): records what would have been shown.

    A test that expects a message takes it (`told.take()`); anything left at the end fails the
    test, so an error dialog nobody expected can no longer pass silently."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def __call__(self, _parent: object, title: str, text: str) -> None:
        self.messages.append((title, text))

    def take(self) -> list[str]:
        """The texts shown so far (and forget them: they were expected)."""
        texts = [text for _title, text in self.messages]
        self.messages.clear()
        return texts

    def check_none_left(self) -> None:
        """Fail the test when a message was shown that it did not take."""
        if self.messages:
            pytest.fail(f"a message box the test did not expect: {self.messages}")


@pytest.fixture
def told() -> Told:
    return Told()


@pytest.fixture(scope="package", autouse=True)
def gui_thread_gc(qapp: object) -> Iterator[None]:
    """As the app does (app/ui/worker.py): cycles are collected on the GUI thread, never in a
    worker, where finalising a widget crashes the process."""
    from app.ui.worker import GuiThreadCollector

    collector = GuiThreadCollector()
    yield
    collector.stop()


@pytest.fixture(scope="package", autouse=True)
def english_plurals(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The English catalogue the app loads at start (plural forms of `%n` messages only), so GUI
    tests read "1 round", "2 rounds" as users do, not the source's "round(s)"."""
    import subprocess
    import sys

    from PySide6.QtCore import QCoreApplication, QTranslator

    from tests.conftest import REPO

    ts = REPO / "resources" / "translations" / "smsoat_en.ts"
    qm = tmp_path_factory.mktemp("en") / "smsoat_en.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture(autouse=True)
def collect_after_each_test() -> Iterator[None]:
    yield
    # no background task of this test may outlive it (or, at the end, the interpreter: a pool
    # thread still running Python at exit ends in "Fatal Python error")
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().waitForDone(30_000), "a background task did not end"
    gc.collect()  # on this (the GUI) thread: the test's closed widgets go now


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SMSOAT_DATA_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def make_window(qtbot: QtBot, data_dir: Path, told: Told) -> Iterator[MakeWindow]:
    """Opens the data file and a window on it, as the app does at start; closes both after.
    A message box the test did not take (`told`) fails the test."""
    opened: list[tuple[MainWindow, object]] = []
    db_path = data_dir / "smsoat.sqlite3"

    def make() -> MainWindow:
        conn = open_database(db_path)
        window = MainWindow(conn, db_path, default_catalog(), AppSettings())
        input_guard.install()  # what the window does GUARD_AFTER_MS after it is up
        window.confirm = lambda *_a: True
        window.inform = told
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
    told.check_none_left()


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    return make_window()
