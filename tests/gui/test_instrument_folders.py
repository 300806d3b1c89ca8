"""`--db PATH` also reads the instruments/ folder beside PATH, and a broken instrument file there
is reported once, in a dismissible notice naming the file and its first problem."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.cli import main
from app.db.connection import open_database
from app.services import catalog as catalog_service
from app.ui import main_window
from app.ui.launch import _default_catalog
from app.ui.main_window import MainWindow
from app.ui.settings import AppSettings

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture(autouse=True)
def forget_the_data_file() -> Iterator[None]:
    yield
    catalog_service.use_data_file(None)


def shared_folder(tmp_path: Path, broken: bool) -> Path:
    folder = tmp_path / "shared"
    (folder / "instruments").mkdir(parents=True)
    shutil.copy(FIXTURES / "pcrs_shape.json", folder / "instruments" / "pcrs.json")
    if broken:
        (folder / "instruments" / "broken.json").write_text('{"format": "smsoat-instrument"}')
    return folder / "state.sqlite3"


def test_the_folder_beside_db_joins_the_cli_catalog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    db = shared_folder(tmp_path, broken=True)
    open_database(db).close()
    assert main(["--db", str(db), "instrument", "list"]) == 0
    out, err = capsys.readouterr()
    assert "pcrs-shape" in out and "sms-oat-bh" in out
    assert "broken.json" in err  # listed as skipped, with its reason
    assert main(["instrument", "list"]) == 0  # the default data file: not that folder
    assert "pcrs-shape" not in capsys.readouterr().out


def test_a_broken_file_is_reported_once_at_start(
    tmp_path: Path, qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window, "INSTRUMENT_CHECK_MS", 0)
    db = shared_folder(tmp_path, broken=True)
    conn = open_database(db)
    window = MainWindow(conn, db, lambda: _default_catalog(db), AppSettings())
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.instrument_notice is not None, timeout=3000)
        notice = window.instrument_notice
        assert notice is not None and notice.isVisible() and not notice.isModal()
        details = notice.informativeText()
        assert "broken.json" in details and "missing key" in details
        assert "pcrs" not in details
        assert "pcrs-shape" in window.catalog.instruments  # the good file is usable
        first = notice
        assert window.catalog is window.catalog  # read once; reported once
        assert window.instrument_notice is first
        notice.close()  # dismissible
        assert not notice.isVisible()
    finally:
        window.close()
        conn.close()


def test_no_notice_when_every_file_is_good(tmp_path: Path, qtbot: QtBot, data_dir: Path) -> None:
    db = shared_folder(tmp_path, broken=False)
    conn = open_database(db)
    window = MainWindow(conn, db, lambda: _default_catalog(db), AppSettings())
    qtbot.addWidget(window)
    try:
        assert "pcrs-shape" in window.catalog.instruments
        assert window.instrument_notice is None
    finally:
        window.close()
        conn.close()
