"""Started by test_close_during_import.py under a real X server: the app on DB opens
*File › Import files from agencies…* on FOLDER and starts the import as soon as the preview is
in; each file takes half a second longer, so the import surely runs while the test clicks the
main window's title-bar ×. Prints "importing" once the first file is under way.

Usage: python -m tests.x11.close_during_import DB FOLDER
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.exchange import importer
from app.ui import launch
from app.ui.main_window import MainWindow

SECONDS_A_FILE = 0.5


def slow_imports() -> None:
    real = importer.import_file
    told: list[bool] = []

    def slow(*args: Any, **kwargs: Any) -> importer.FileReport:
        if not told:
            told.append(True)
            print("importing", flush=True)
        time.sleep(SECONDS_A_FILE)
        return real(*args, **kwargs)

    importer.import_file = slow  # type: ignore[assignment]


def start(folder: Path) -> None:
    from app.ui.import_dialog import ImportDialog

    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.open_import()
    dialog = window.dialog
    assert isinstance(dialog, ImportDialog)
    dialog.preview_ready.connect(lambda _reports: dialog.import_button.click())
    dialog.set_paths([folder])


def main() -> int:
    db, folder = Path(sys.argv[1]), Path(sys.argv[2])
    slow_imports()
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(400, lambda: start(folder))
    assert app is QApplication.instance()  # run_gui takes this one
    return launch.run_gui(db)


if __name__ == "__main__":
    sys.exit(main())
