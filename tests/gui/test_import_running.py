"""An import under way: Cancel goes off when the last file is in, the results show at once, and
closing (the import window or the main window) asks first, then stops cleanly between files.

Issue 16: importing 300 copies, the bar sat at 100 % with Cancel still active for seconds (the
results table was refilled cell by cell while every column measured itself again), and closing
the window during an import did nothing visible."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.db.connection import open_database
from app.exchange import importer
from app.exchange.export import export_round
from app.services.catalog import default_catalog
from app.ui.import_dialog import ImportDialog, _Progress
from app.ui.main_window import MainWindow
from tests.gui.conftest import MakeWindow
from tests.helpers import make_round

WAIT = 20_000


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Four rounds of four agencies, one exchange file each."""
    base = tmp_path_factory.mktemp("sent")
    conn = open_database(base / "agencies.sqlite3")
    inst = default_catalog().get("sms-oat-bh")
    paths = []
    for i in range(4):
        rnd, _team = make_round(conn, inst, people=1, agency=f"Agency {i}", name=f"Round {i}")
        path = base / f"agency-{i}.smsoat"
        path.write_bytes(export_round(conn, rnd.id, with_pdf=False))
        paths.append(path)
    conn.close()
    return paths


def _dialog(qtbot: QtBot, parent: MainWindow | None, db_path: Path) -> ImportDialog:
    open_database(db_path).close()  # the coordinator's data file
    dialog = ImportDialog(parent, db_path, list(default_catalog().instruments.values()))
    if parent is None:
        qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _preview(qtbot: QtBot, dialog: ImportDialog, paths: list[Path]) -> None:
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT):
        dialog.set_paths(paths)


def _held_import(
    monkeypatch: pytest.MonkeyPatch, dialog: ImportDialog
) -> tuple[threading.Event, threading.Event, list[Path]]:
    """Each file's import waits until released or cancelled: the import is surely running while
    the test closes things. Returns the switch set once the first file is under way, the release
    switch, and the files actually written."""
    entered, release = threading.Event(), threading.Event()
    written: list[Path] = []
    real = importer.import_file

    def held(conn: object, path: Path, *args: object, **kwargs: object) -> importer.FileReport:
        entered.set()
        while not (release.is_set() or dialog._cancel.is_set()):
            time.sleep(0.005)
        written.append(path)
        return real(conn, path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "import_file", held)
    return entered, release, written


def test_cancel_goes_off_when_the_last_file_is_in(
    qtbot: QtBot, files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_Progress, "EVERY_S", 0.0)  # every step passed on (see its test)
    dialog = _dialog(qtbot, None, tmp_path / "state.sqlite3")
    _preview(qtbot, dialog, files)
    seen: list[tuple[int, int, bool]] = []
    # connected after the dialog's own handler: sees each step as the user does
    dialog._progress.step.connect(
        lambda done, total: seen.append((done, total, dialog.cancel_button.isEnabled()))
    )
    with qtbot.waitSignal(dialog.import_done, timeout=WAIT):
        dialog.import_button.click()
    assert [s[:2] for s in seen] == [(n, 4) for n in range(1, 5)]
    assert [enabled for done, total, enabled in seen] == [True, True, True, False]


def test_the_results_of_300_files_show_at_once(
    qtbot: QtBot, files: list[Path], tmp_path: Path
) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    for i in range(300):
        shutil.copy(files[0], folder / f"copy-{i:03}.smsoat")
    dialog = _dialog(qtbot, None, tmp_path / "state.sqlite3")
    _preview(qtbot, dialog, [folder])
    assert dialog.table.rowCount() == 300
    last_file_in: list[float] = []
    dialog._progress.step.connect(
        lambda done, total: last_file_in.append(time.perf_counter()) if done == total else None
    )
    with qtbot.waitSignal(dialog.import_done, timeout=WAIT):
        dialog.import_button.click()
    took = time.perf_counter() - last_file_in[0]
    # about 0.1 s now; refilling the table cell by cell while its columns measured themselves
    # again took 15-30 s, with the bar at 100 %
    assert took < 3.0, f"showing 300 results took {took:.1f} s"
    assert dialog.table.rowCount() == 300


def test_closing_the_import_window_during_an_import_asks_then_stops_cleanly(
    qtbot: QtBot, files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "state.sqlite3"
    dialog = _dialog(qtbot, None, db_path)
    _preview(qtbot, dialog, files)
    entered, release, written = _held_import(monkeypatch, dialog)
    asked: list[str] = []
    answer = [False]

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answer[0]

    dialog.confirm = confirm
    dialog.import_button.click()
    qtbot.waitUntil(entered.is_set, timeout=WAIT)
    assert dialog.importing
    dialog.close()  # the title bar's ×
    assert asked == ["An import is running. Stop it and close?"]
    assert dialog.isVisible() and dialog.importing and not dialog._cancel.is_set()  # "No"
    answer[0] = True
    with qtbot.waitSignal(dialog.import_done, timeout=WAIT):
        dialog.reject()  # Esc or Close: asked again, "Yes"
        assert dialog.isVisible(), "it stays until the file being written is done"
    assert len(asked) == 2
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert len(written) == 1  # stopped between files
    release.set()


def test_closing_the_main_window_during_an_import_asks_then_stops_cleanly(
    qtbot: QtBot, make_window: MakeWindow, files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    window.open_import()
    dialog = window.dialog
    assert isinstance(dialog, ImportDialog)
    _preview(qtbot, dialog, files)
    entered, release, written = _held_import(monkeypatch, dialog)
    answers = iter([False, True])
    asked: list[str] = []
    confirm: Callable[[object, str, str], bool] = lambda _p, _t, text: (  # noqa: E731
        asked.append(text) or next(answers)
    )
    dialog.confirm = confirm
    dialog.import_button.click()
    qtbot.waitUntil(entered.is_set, timeout=WAIT)
    assert not window.close(), "No: the window stays open and the import goes on"
    assert window.isVisible() and dialog.importing and not dialog._cancel.is_set()
    assert window.close(), "Yes: the import stops and the window closes"
    assert asked == ["An import is running. Stop it and close?"] * 2
    assert not window.isVisible()
    assert len(written) == 1  # the file under way finished; no other was started
    release.set()


def test_many_files_are_formatted_only_as_far_as_they_are_read(
    qtbot: QtBot, files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past MEASURED_ROWS files the table formats only the rows a view or screen reader reads
    (1,000 QTableWidgetItem rows held the GUI thread 110-150 ms, bench_gui.py); each row is two
    lines high and a cut text shows whole on hover."""
    from app.ui import import_dialog

    monkeypatch.setattr(import_dialog, "MEASURED_ROWS", 20)
    folder = tmp_path / "copies"
    folder.mkdir()
    for i in range(120):
        shutil.copy(files[0], folder / f"copy-{i:03}.smsoat")
    dialog = _dialog(qtbot, None, tmp_path / "state.sqlite3")
    dialog.resize(900, 400)
    _preview(qtbot, dialog, [folder])
    assert dialog.table.rowCount() == 120
    assert 0 < len(dialog.table.rows.cache) < 120  # only what was read so far
    last = dialog.table.item(119, 0)
    assert last.text() == "copy-119.smsoat"
    assert last.toolTip().endswith("copy-119.smsoat") and len(last.toolTip()) > len(last.text())
    status = dialog.table.item(119, import_dialog.STATUS_COLUMN)
    assert status.text().startswith("Copy of") and status.toolTip() == status.text()
    heights = {dialog.table.rowHeight(r) for r in range(5)}
    assert len(heights) == 1 and heights.pop() >= 2 * dialog.fontMetrics().lineSpacing()


def test_stopping_an_import_ends_its_reader_processes(
    qtbot: QtBot, files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issues 15/20: a batch of 32 or more files is read by child processes; stopping the import
    # (here: closing its window, "Yes") must leave none behind.
    from app.exchange.reader_pool import ReaderPool

    pools: list[ReaderPool] = []

    class Seen(ReaderPool):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            pools.append(self)

    monkeypatch.setattr(importer, "ReaderPool", Seen)
    monkeypatch.setattr(importer, "READERS", 2)  # whatever this machine's cores
    folder = tmp_path / "copies"
    folder.mkdir()
    for i in range(importer.POOL_MIN_FILES + 8):
        shutil.copy(files[i % len(files)], folder / f"copy-{i:03}.smsoat")
    dialog = _dialog(qtbot, None, tmp_path / "state.sqlite3")
    _preview(qtbot, dialog, [folder])
    assert len(pools) == 1 and not pools[0]._children  # the preview's, ended
    entered, release, written = _held_import(monkeypatch, dialog)
    dialog.confirm = lambda *_args: True
    dialog.import_button.click()
    qtbot.waitUntil(entered.is_set, timeout=WAIT)
    processes = [child.process for child in pools[1]._children]
    assert processes, "the import started reader processes"
    with qtbot.waitSignal(dialog.import_done, timeout=WAIT):
        dialog.reject()
    qtbot.waitUntil(lambda: all(p.poll() is not None for p in processes), timeout=WAIT)
    assert len(written) == 1
    release.set()
