"""Status changes off the rating screen are said to a screen reader, not only shown (issue 25).

An import's result, an export written or refused, a coordinator file written, a backup written,
and the team view's "Flagged items only": each was a label whose fixed name ("Import summary",
"Export status") hid its text, or a status-bar message, which screen readers do not read unasked.
Now the label's name is its text and the change goes out as an announcement. These tests record
what app.ui.announce sends; tests/x11/test_screen_reader.py hears the team view's through AT-SPI.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.ui import announce as announce_module
from app.ui import team_view
from app.ui.export_dialog import ExportDialog
from app.ui.import_dialog import ImportDialog
from app.ui.main_window import MainWindow
from tests.gui import test_exchange_gui as exchange
from tests.gui.test_exchange_gui import WAIT, AgencyFiles, _installed, _preview

# the exchange tests' fixtures, shared: their data are what this file exports and imports
agency_db = exchange.agency_db
agency_files = exchange.agency_files
coordinator = exchange.coordinator

Heard = list[tuple[str, bool]]


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Heard:
    said: Heard = []

    def record(_source: QWidget, text: str, *, assertive: bool = False) -> None:
        said.append((text, assertive))

    monkeypatch.setattr(announce_module, "announce", record)
    monkeypatch.setattr(team_view, "announce", record)
    return said


def _name(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def test_an_imports_preview_and_result_are_said(
    qtbot: QtBot,
    heard: Heard,
    agency_files: AgencyFiles,
    coordinator: tuple[Path, sqlite3.Connection],
) -> None:
    db_path, _conn = coordinator
    dialog = ImportDialog(None, db_path, _installed())
    qtbot.addWidget(dialog)
    _preview(qtbot, dialog, [agency_files.folder])
    assert heard and "Nothing has been written yet" in heard[-1][0], heard
    with qtbot.waitSignal(dialog.import_done, timeout=WAIT):
        dialog.import_button.click()
    text, assertive = heard[-1]
    assert text.startswith("Imported 4 rounds") and not assertive, heard
    assert _name(dialog.summary) == dialog.summary.text() == text


def test_an_export_written_or_refused_is_said(
    qtbot: QtBot, heard: Heard, agency_db: tuple[Path, sqlite3.Connection, int], tmp_path: Path
) -> None:
    db_path, conn, round_id = agency_db
    dialog = ExportDialog(None, db_path, round_id, conn)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText("")
    dialog.export_button.click()
    assert heard == [("Choose where to save the file first.", True)]
    dialog.path_edit.setText(str(tmp_path / "no-such-folder" / "x.smsoat"))
    with qtbot.waitSignal(dialog.export_failed, timeout=WAIT):
        dialog.export_button.click()
    assert heard[-1][0].startswith("Not exported:") and heard[-1][1], heard
    target = tmp_path / "to-the-state.smsoat"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=WAIT):
        dialog.export_button.click()
    assert heard[-1] == (f"Saved {target}", False)
    assert _name(dialog.status) == f"Saved {target}"


def test_the_team_views_flagged_only_says_what_the_grid_shows(
    window: MainWindow, heard: Heard
) -> None:
    window.home.demo_button.click()
    round_id = window.home.selected_round()
    assert round_id is not None
    window.show_team_view(round_id)
    view = window.team_view
    assert view.review is not None
    total, flagged = len(view.review.rows), len(view.review.flagged)
    assert 0 < flagged < total
    view.flagged_only.setChecked(True)
    assert heard[-1] == (f"Showing the {flagged} flagged items of {total}", False)
    assert view.grid.rowCount() == flagged
    view.flagged_only.setChecked(False)
    assert heard[-1] == (f"Showing all {total} items", False)
    assert view.grid.rowCount() == total


def test_a_backup_written_is_said(
    window: MainWindow, heard: Heard, qtbot: QtBot, tmp_path: Path
) -> None:
    window.write_backup(tmp_path / "copy.sqlite3")
    qtbot.waitUntil(lambda: any(t.startswith("Backup written to") for t, _ in heard), timeout=WAIT)
    assert window.statusBar().currentMessage().startswith("Backup written to")
