"""File › Add instrument…: a .json or .xlsx file is checked and previewed before it is installed
beside the data file; a file with problems lists them with their place and installs nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.errors import InstrumentError
from app.core.instrument_loader import load_instrument
from app.services import catalog as catalog_service
from app.services.instrument_install import check_file, install
from app.services.instrument_xlsx import template_xlsx
from app.ui.add_instrument_dialog import AddInstrumentDialog
from app.ui.main_window import MainWindow

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture(autouse=True)
def forget_the_data_file() -> Iterator[None]:
    yield
    catalog_service.use_data_file(None)


def test_install_refuses_duplicates_and_writes_beside(tmp_path: Path) -> None:
    checked = check_file(FIXTURES / "pcrs_shape.json")
    folder = tmp_path / "instruments"
    path = install(checked, folder, [])
    assert path == folder / "pcrs-shape-1.json"
    assert load_instrument(path).content_hash == checked.instrument.content_hash  # type: ignore[union-attr]
    with pytest.raises(InstrumentError, match="already installed"):
        install(checked, folder, [load_instrument(path)])
    doc = json.loads(path.read_text("utf-8"))
    doc["title"]["en"] = "Changed"
    other = tmp_path / "other.json"
    other.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InstrumentError, match="new version"):
        install(check_file(other), folder, [load_instrument(path)])


def test_add_a_workbook_from_the_file_menu(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    workbook = tmp_path / "mine.xlsx"
    workbook.write_bytes(template_xlsx())
    window.act_add_instrument.trigger()
    dialog = window.dialog
    assert isinstance(dialog, AddInstrumentDialog)
    dialog.ask_file = lambda: workbook
    dialog.choose_button.click()
    text = dialog.report.toPlainText()
    assert "My instrument (example), version 1.0" in text and "Not the official wording" in text
    assert "1.1 A domain (2)" in text and "Bands (mean):" in text
    assert dialog.install_button.isEnabled()
    dialog.install_button.click()
    target = window.db_path.parent / "instruments" / "my-instrument-1.0.json"
    assert target.is_file()
    assert "my-instrument" in window.catalog.instruments  # offered from now on


def test_a_broken_file_shows_its_problems_and_installs_nothing(
    window: MainWindow, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    doc = json.loads((FIXTURES / "pcrs_shape.json").read_text("utf-8"))
    doc["sections"][0]["items"][3]["id"] = "four"
    broken.write_text(json.dumps(doc), encoding="utf-8")
    window.act_add_instrument.trigger()
    dialog = window.dialog
    assert isinstance(dialog, AddInstrumentDialog)
    dialog.ask_file = lambda: broken
    dialog.choose_button.click()
    text = dialog.report.toPlainText()
    assert "$.sections[0].items[3].id" in text
    assert not dialog.install_button.isEnabled()
    assert not (window.db_path.parent / "instruments").exists()
