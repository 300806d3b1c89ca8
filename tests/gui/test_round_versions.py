"""Two versions of one instrument in a folder: the new-round dialog offers both, the version
beside the title, the highest chosen by default; a round keeps the version it was started with."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.catalog import load_catalog
from app.db import rounds
from app.db.connection import open_database
from app.services.catalog import instrument_folders
from app.ui import dialogs
from app.ui.main_window import MainWindow
from app.ui.settings import AppSettings
from tests.gui.helpers import add_agency

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _two_versions(folder: Path) -> None:
    folder.mkdir()
    doc = json.loads((FIXTURES / "pcrs_shape.json").read_text("utf-8"))
    for version in ("1.9", "1.10"):  # compared as numbers: 1.10 is the higher
        doc["version"] = version
        (folder / f"{doc['id']}-{version}.json").write_text(json.dumps(doc), "utf-8")


def test_the_catalog_keeps_every_version_of_an_id(tmp_path: Path) -> None:
    _two_versions(tmp_path / "instruments")
    catalog = load_catalog([tmp_path / "instruments"])
    (only,) = catalog.instruments.values()
    assert only.version == "1.10"
    assert [i.version for i in catalog.versions_of(only.id)] == ["1.10", "1.9"]
    assert catalog.get_version(only.id, "1.9").version == "1.9"


def test_a_later_folder_replaces_every_earlier_version(tmp_path: Path) -> None:
    _two_versions(tmp_path / "a")
    (tmp_path / "b").mkdir()
    doc = json.loads((FIXTURES / "pcrs_shape.json").read_text("utf-8"))
    doc["version"] = "1.0"
    (tmp_path / "b" / "pcrs.json").write_text(json.dumps(doc), "utf-8")
    catalog = load_catalog([tmp_path / "a", tmp_path / "b"])
    assert [i.version for i in catalog.versions_of(doc["id"])] == ["1.0"]


def test_the_new_round_dialog_offers_both_versions(qtbot: QtBot, data_dir: Path) -> None:
    folder = data_dir / "extra"
    _two_versions(folder)
    catalog = load_catalog([*instrument_folders(), folder])
    conn = open_database(data_dir / "smsoat.sqlite3")
    window = MainWindow(conn, data_dir / "smsoat.sqlite3", catalog, AppSettings())
    qtbot.addWidget(window)
    window.show()
    try:
        add_agency(window, "Pine Valley")
        for pick, expected in ((None, "1.10"), ("1.9", "1.9")):
            window.home.new_round_button.click()
            dialog = window.dialog
            assert isinstance(dialog, dialogs.RoundDialog)
            combo = dialog.instrument
            entries = [
                (combo.itemData(i), combo.itemText(i))
                for i in range(combo.count())
                if combo.itemData(i) == "pcrs-shape"
            ]
            assert [
                text.endswith(f"(version {v})")
                for (_, text), v in zip(entries, ("1.10", "1.9"), strict=True)
            ] == [True, True]
            index = combo.findData("pcrs-shape")  # the first entry of an id: its highest version
            if pick is not None:
                index = next(
                    i
                    for i in range(combo.count())
                    if combo.itemData(i) == "pcrs-shape" and combo.itemText(i).endswith(f"{pick})")
                )
            combo.setCurrentIndex(index)
            dialog.name.setText(f"Round {expected}")
            dialog.buttons.accepted.emit()
            assert window.current_round is not None
            rnd = rounds.get(conn, window.current_round)
            assert rounds.instrument_for(conn, rnd).version == expected
            window.show_home()
    finally:
        window.close()
        conn.close()
