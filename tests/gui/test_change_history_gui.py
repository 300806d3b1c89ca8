"""*Round › History of changes…*: the session's changes with their person, filters, CSV export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.db import responses
from app.services import change_history
from app.ui.change_history_dialog import ChangeHistoryDialog
from app.ui.main_window import MainWindow
from tests.gui.helpers import add_agency, add_person, start_round


def test_history_dialog_filters_and_exports(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    add_agency(window, "History Agency")
    round_id = start_round(window, "Spring 2027", private=False)
    ana = add_person(window, "Ana", "clinical_staff")
    ben = add_person(window, "Ben", "administrator")
    responses.save_answer(window.conn, ana, "1.1.1", "3")
    responses.save_answer(window.conn, ben, "1.1.1", "2")
    responses.save_consensus(window.conn, round_id, "1.1.1", "3", actor="Fay")
    action = next(
        a
        for m in window.menuBar().actions()
        if m.menu() is not None
        for a in m.menu().actions()
        if a.text() == "History of &changes…"
    )
    action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, ChangeHistoryDialog)
    answers = [(c.actor, c.new) for c in dialog.rows if c.kind == "answer"]
    assert answers == [("Ana", "3"), ("Ben", "2")]
    dialog.person.setCurrentIndex(dialog.person.findData("Ben"))
    assert all("Ben" in (c.actor, c.person) for c in dialog.rows)
    assert dialog.table.rowCount() == len(dialog.rows) > 0
    dialog.person.setCurrentIndex(0)
    dialog.kind.setCurrentIndex(dialog.kind.findData("consensus"))
    assert [(c.actor, c.new) for c in dialog.rows] == [("Fay", "3")]
    target = tmp_path / "out.csv"

    def pick(_parent: QWidget, _name: str) -> Path:
        return target

    dialog.ask_path = pick
    dialog.kind.setCurrentIndex(0)
    assert dialog.export_csv() == target
    assert change_history.from_csv(target.read_bytes()) == dialog.rows
    # the data file is refused, with a message in the dialog and nothing written
    dialog.ask_path = lambda _p, _n: window.db_path
    before = window.db_path.read_bytes()[:100]
    assert dialog.export_csv() is None
    assert "Nothing was written" in dialog.note.text()
    assert window.db_path.read_bytes()[:100] == before
    dialog.close()
