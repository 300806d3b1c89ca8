"""Started by the AT-SPI tests (test_screen_reader.py) under a real X server and a session bus:
the app on DB, opened on one person's rating screen, with Qt's accessibility bridge on.

Prints "ready" once the rating screen shows, so the test knows when to read the tree.

Usage: python -m tests.x11.rating_screen DB RESPONDENT_ID
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.ui import launch
from app.ui.main_window import MainWindow


def open_rating(respondent_id: int) -> None:
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.start_rating(respondent_id)
    print("ready", flush=True)


def main() -> int:
    db, respondent_id = Path(sys.argv[1]), int(sys.argv[2])
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(300, lambda: open_rating(respondent_id))
    assert app is QApplication.instance()  # run_gui takes this one
    return launch.run_gui(db)


if __name__ == "__main__":
    sys.exit(main())
