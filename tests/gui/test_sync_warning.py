"""A data file in a synced folder is warned about once, not at every start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui.launch import warn_if_synced
from app.ui.settings import AppSettings


def test_synced_data_folder_is_warned_about_once(qapp: object, data_dir: Path) -> None:
    parent = QWidget()
    settings = AppSettings()
    db = data_dir / "Dropbox" / "smsoat.sqlite3"
    box = warn_if_synced(parent, db, settings)
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Dropbox" in box.text() and str(db) in box.text()
    box.close()
    assert warn_if_synced(parent, db, settings) is None  # once per data file
    assert warn_if_synced(parent, data_dir / "smsoat.sqlite3", settings) is None  # not synced
    parent.deleteLater()
