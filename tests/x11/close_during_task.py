"""Started by test_close_during_work.py under a real X server: the app on DB, with one kind of
background work started as soon as the window is idle; the test then presses Ctrl+Q for real.

Usage: python -m tests.x11.close_during_task DB KIND OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.ui import launch
from app.ui.main_window import MainWindow

KINDS = ("scorecard", "blank", "action-plan", "backup", "rollup-pdf", "rollup-xlsx")


def start(kind: str, out: Path) -> None:
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    if kind == "backup":
        window.write_backup(out / "copy.sqlite3")
    elif kind.startswith("rollup"):
        window.show_coordinator()
        page = window.coordinator
        page.write_export(out / f"state.{kind[7:]}", kind[7:])
    else:
        window.write_report(out / f"{kind}.pdf", kind, 1, "sms-oat-bh")
    print("started", flush=True)


def slow_writes() -> None:
    """Every output takes a second longer, so Ctrl+Q lands while the work still runs (a blank
    form alone takes a tenth of a second)."""
    import time

    from app.db import connection
    from app.services import files

    write, backup = files.write_atomically, connection.backup_to

    def slow_write(*args: Any, **kwargs: Any) -> None:
        time.sleep(1.0)
        write(*args, **kwargs)

    def slow_backup(*args: Any, **kwargs: Any) -> None:
        time.sleep(1.0)
        backup(*args, **kwargs)

    files.write_atomically = slow_write
    connection.backup_to = slow_backup


def main() -> int:
    db, kind, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    slow_writes()
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(400, lambda: start(kind, out))
    assert app is QApplication.instance()  # run_gui takes this one
    return launch.run_gui(db)


if __name__ == "__main__":
    sys.exit(main())
