"""Paper mode with a 1-10 scale (the PCRS shape): "10" is the answer 10, never 1 then 0; the
N key still gives "not applicable", and D is refused on a scale that has no "don't know"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.catalog import Catalog
from app.core.instrument_loader import load_instrument
from app.db import responses
from app.db.connection import open_database
from app.services.catalog import default_catalog
from app.ui.main_window import MainWindow
from app.ui.settings import AppSettings
from tests.gui.helpers import focused
from tests.helpers import make_round

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _type(qtbot: QtBot, window: MainWindow, text: str) -> None:
    paper = window.paper
    for char in text:  # one key at a time, to whatever has the focus, as a person types
        qtbot.keyClicks(focused(paper), char)
    qtbot.keyClick(focused(paper.table), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused(paper) is paper.table, timeout=2000)


def test_paper_mode_takes_two_digit_codes(qtbot: QtBot, data_dir: Path) -> None:
    inst = load_instrument(FIXTURES / "pcrs_shape.json")
    catalog = Catalog({**default_catalog().instruments, inst.id: inst})
    conn = open_database(data_dir / "smsoat.sqlite3")
    window = MainWindow(conn, data_dir / "smsoat.sqlite3", catalog, AppSettings())
    qtbot.addWidget(window)
    window.show()
    try:
        _rnd, team = make_round(conn, inst, 1)
        window.start_paper(team[0].id)
        paper = window.paper
        assert "1–10" in paper.hint.text()
        assert "N = not applicable" in paper.hint.text()
        assert "D =" not in paper.hint.text()  # this scale has no "don't know"
        for typed in ("10", "1", "n", "N"):
            _type(qtbot, window, typed)
        ids = [item.id for item in inst.items]
        assert responses.choices_for_respondent(conn, team[0].id) == {
            ids[0]: "10",
            ids[1]: "1",
            ids[2]: "na",
            ids[3]: "na",
        }
        assert paper.table.item(0, 1).text() == "10" and paper.table.item(2, 1).text() == "N"
        assert paper.table.currentRow() == 4
        _type(qtbot, window, "D")
        assert "not on the scale (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, N)" in paper.status.text()
        assert ids[4] not in responses.choices_for_respondent(conn, team[0].id)
        assert not paper.enter(4, "11") and not paper.enter(4, "0")
        assert paper.enter(4, " 10 ")
        assert responses.choices_for_respondent(conn, team[0].id)[ids[4]] == "10"
    finally:
        window.close()
        conn.close()


def test_d_and_n_still_work_on_a_scale_with_both(qtbot: QtBot, data_dir: Path) -> None:
    inst = load_instrument(FIXTURES / "mini.json")
    catalog = Catalog({**default_catalog().instruments, inst.id: inst})
    conn = open_database(data_dir / "smsoat.sqlite3")
    window = MainWindow(conn, data_dir / "smsoat.sqlite3", catalog, AppSettings())
    qtbot.addWidget(window)
    window.show()
    try:
        _rnd, team = make_round(conn, inst, 1)
        window.start_paper(team[0].id)
        assert "D = don't know, N = not applicable" in window.paper.hint.text()
        for typed in ("d", "N", "3"):
            _type(qtbot, window, typed)
        codes = {c.kind: c.code for c in inst.scale.choices}
        ids = [item.id for item in inst.items]
        assert responses.choices_for_respondent(conn, team[0].id) == {
            ids[0]: codes["dont_know"],
            ids[1]: codes["not_applicable"],
            ids[2]: "3",
        }
    finally:
        window.close()
        conn.close()
