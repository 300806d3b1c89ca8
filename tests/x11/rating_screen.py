"""Started by the AT-SPI tests (test_screen_reader.py) under a real X server and a session bus:
the app on DB, opened on one person's rating screen (or another SCREEN of the demo round), with
Qt's accessibility bridge on.

Prints "ready" once the screen shows, so the test knows when to read the tree.

Usage: python -m tests.x11.rating_screen DB RESPONDENT_ID [SCREEN]
SCREEN: rating (the default), home, round, team, meeting, action-plan, paper, coordinator
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.ui import launch
from app.ui.main_window import MainWindow

SCREENS = ("rating", "home", "round", "team", "meeting", "action-plan", "paper", "coordinator")


def open_screen(respondent_id: int, screen: str) -> None:
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    round_id = 1  # the demo round
    if screen == "rating":
        window.start_rating(respondent_id)
    elif screen == "round":
        window.open_round(round_id, respondent_id)
    elif screen == "team":
        window.show_team_view(round_id)
    elif screen == "meeting":
        window.show_meeting(round_id)
    elif screen == "action-plan":
        window.show_action_plan(round_id)
    elif screen == "paper":
        window.start_paper(respondent_id)
    elif screen == "coordinator":
        window.show_coordinator()
    print("ready", flush=True)


def main() -> int:
    db, respondent_id = Path(sys.argv[1]), int(sys.argv[2])
    screen = sys.argv[3] if len(sys.argv) > 3 else "rating"
    assert screen in SCREENS, f"SCREEN is one of {', '.join(SCREENS)}"
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(300, lambda: open_screen(respondent_id, screen))
    assert app is QApplication.instance()  # run_gui takes this one
    return launch.run_gui(db)


if __name__ == "__main__":
    sys.exit(main())
