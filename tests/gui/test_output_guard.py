"""The GUI's save paths refuse the data file and its companions, as the command line does."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.catalog import default_catalog
from app.services.demo import create_demo
from app.ui import launch
from app.ui.main_window import MainWindow


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", ["scorecard", "blank", "backup"])
def test_saving_over_the_data_file_is_refused(window: MainWindow, qtbot: QtBot, kind: str) -> None:
    round_id = create_demo(window.conn, default_catalog().get("sms-oat-bh")).round.id
    window.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    told: list[str] = []
    window.inform = lambda _parent, _title, text: told.append(text)  # type: ignore[method-assign]
    before = _digest(window.db_path)
    if kind == "backup":
        window.write_backup(window.db_path)
    else:
        window.write_report(window.db_path, kind, round_id, "sms-oat-bh")
    qtbot.waitUntil(lambda: bool(told), timeout=20000)  # the worker's refusal, shown
    assert "data file" in told[0] and "Nothing was written" in told[0]
    assert _digest(window.db_path) == before


def test_a_mistyped_data_file_is_not_created_without_asking(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def ask(_parent: object, _title: str, text: str, _yes: str, _no: str) -> bool:
        asked.append(text)
        return False  # the user quits: they meant another file

    monkeypatch.setattr(launch, "_ask", ask)
    typo = tmp_path / "agnecy.sqlite3"
    assert launch.run_gui(typo, explicit=True) == 2
    assert "There is no data file at" in asked[0] and str(typo) in asked[0]
    assert list(tmp_path.iterdir()) == []
