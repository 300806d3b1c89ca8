"""Starts the GUI on a data file. A plain window until the walkthrough lands (issue 3)."""

from __future__ import annotations

import sys
from pathlib import Path


def run_gui(db_path: Path) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from app import APP_NAME
    from app.db.connection import open_database

    conn = open_database(db_path)
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    window.setCentralWidget(
        QLabel(QApplication.translate("launch", "Data file: {0}").format(db_path))
    )
    window.resize(900, 600)
    window.show()
    try:
        return int(app.exec())
    finally:
        conn.close()
