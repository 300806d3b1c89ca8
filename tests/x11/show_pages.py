"""Started by test_window_fits.py under a real X server: the app on DB, then each page in turn.

After showing a page it prints the page's name and waits until the test has measured the window
(with xdotool, as the window manager placed it) and created the file `ack-NAME` in OUT_DIR.

Usage: python -m tests.x11.show_pages DB OUT_DIR
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.ui import launch
from app.ui.main_window import MainWindow

ROUND, PERSON = 1, 1


def pages(window: MainWindow) -> list[tuple[str, Callable[[], object]]]:
    return [
        ("home", window.show_home),
        ("round", lambda: window.open_round(ROUND)),
        ("walkthrough", lambda: window.start_rating(PERSON)),
        ("finish", lambda: window.show_finish(PERSON)),
        ("paper", lambda: window.start_paper(PERSON)),
        ("team", lambda: window.show_team_view(ROUND)),
        ("meeting", lambda: window.show_meeting(ROUND)),
        ("plan", lambda: window.show_action_plan(ROUND)),
        ("coordinator", window.show_coordinator),
        ("home-again", window.show_home),
    ]


def walk(out: Path) -> None:
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    steps = pages(window)

    def step(index: int) -> None:
        if index == len(steps):
            window.close()
            return
        name, show = steps[index]
        show()
        print(name, flush=True)
        ack = out / f"ack-{name}"

        def wait() -> None:
            if ack.exists():
                step(index + 1)
            else:
                QTimer.singleShot(50, wait)

        QTimer.singleShot(300, wait)  # let the window manager place the window first

    step(0)


def main() -> int:
    db, out = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(500, lambda: walk(out))
    assert app is QApplication.instance()  # run_gui takes this one
    return launch.run_gui(db)


if __name__ == "__main__":
    sys.exit(main())
