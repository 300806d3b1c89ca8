"""Started by test_dialogs_read.py under a real X server and a session bus: the app on the demo
DB, then every dialog it opens, one at a time, as a person opens them (menu actions' slots).

For each dialog it prints "NAME<TAB>WINDOW TITLE" once the dialog shows, waits until the test has
read the AT-SPI tree and created `ack-NAME` in OUT_DIR, then cancels the dialog (as Escape does)
and goes on. A question asked with a modal loop (closing a round) is cancelled the same way from
inside that loop. Prints "done" at the end.

Usage: python -m tests.x11.open_dialogs DB OUT_DIR
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app.ui import launch
from app.ui.main_window import MainWindow

ROUND, AGENCY = 1, 1  # the demo round and its agency


def _scope(window: MainWindow) -> None:
    window.show_action_plan(ROUND)
    window.action_plan.choose_scope()


def dialogs(window: MainWindow) -> list[tuple[str, Callable[[], object]]]:
    """Every dialog the app opens, with what opens it."""
    return [
        ("new-agency", lambda: window.open_agency_dialog(None)),
        ("new-round", lambda: window.open_round_dialog(AGENCY)),
        ("add-person", lambda: window.open_person_dialog(ROUND, None)),
        ("edit-person", lambda: window.open_person_dialog(ROUND, 1)),
        ("export", lambda: window.open_export(ROUND)),
        ("import", window.open_import),
        ("add-instrument", window.open_add_instrument),
        ("settings", window.open_settings),
        ("restore", window.open_restore),
        ("history", lambda: window.show_history(ROUND)),
        ("guide", window.show_guide),
        ("about", window.show_about),
        ("close-round", lambda: window.toggle_round_status(ROUND)),
        ("priority-scope", lambda: _scope(window)),
    ]


def _shown_dialog(window: MainWindow) -> QDialog | None:
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and w.isVisible() and w is not window
    ]
    return shown[-1] if shown else None


def walk(out: Path) -> None:
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    steps = dialogs(window)

    def step(index: int) -> None:
        if index == len(steps):
            print("done", flush=True)
            return
        name, open_it = steps[index]
        ack = out / f"ack-{name}"

        def wait_for_ack(dialog: QDialog) -> None:
            if ack.exists():
                dialog.reject()
                QTimer.singleShot(200, lambda: step(index + 1))
            else:
                QTimer.singleShot(50, lambda: wait_for_ack(dialog))

        def when_shown(tries: int = 0) -> None:
            dialog = _shown_dialog(window)
            if dialog is None:
                if tries > 100:
                    print(f"{name}\t(no dialog opened)", flush=True)
                    return
                QTimer.singleShot(50, lambda: when_shown(tries + 1))
                return
            print(f"{name}\t{dialog.windowTitle()}", flush=True)
            wait_for_ack(dialog)

        # from the event loop: a question's modal loop must not hold this function up
        QTimer.singleShot(0, open_it)
        QTimer.singleShot(100, when_shown)

    step(0)


def main() -> int:
    db, out = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(500, lambda: walk(out))
    assert app is QApplication.instance()  # run_gui takes this one
    return launch.run_gui(db)


if __name__ == "__main__":
    sys.exit(main())
