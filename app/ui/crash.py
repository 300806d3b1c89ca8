"""An unexpected exception: logged with its traceback, shown with a copyable report.

Every answer is committed in its own transaction before the screen says *Saved*, so an exception
in the interface cannot take acknowledged data with it; the dialog says so.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication

from app import APP_NAME, __version__
from app.logging_setup import log_file

log = logging.getLogger(__name__)
_showing = False


def report_text(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    lines = traceback.format_exception(kind, exc, tb)
    return f"{APP_NAME} {__version__}\nPython {sys.version.split()[0]}\n\n" + "".join(lines)


def show_unexpected(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    global _showing
    log.error("unexpected error", exc_info=(kind, exc, tb))
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        from PySide6.QtWidgets import QMessageBox  # its type costs the start-up 1 ms

        if isinstance(exc, sqlite3.Error):
            from app.ui.error_text import as_app_error, user_message

            if as_app_error(exc) is not exc:
                # Not a fault of the app but of the file (a damaged page met by a read, a full
                # disk): the same message as when the file is opened, not a crash report.
                problem = QMessageBox(QApplication.activeWindow())
                problem.setIcon(QMessageBox.Icon.Critical)
                problem.setWindowTitle(APP_NAME)
                problem.setText(user_message(exc))
                problem.exec()
                return
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QApplication.translate("Crash", "Something went wrong"))
        box.setText(
            QApplication.translate(
                "Crash",
                "The app ran into an unexpected problem. Your saved answers are safe: each one"
                " was written to disk when the screen said Saved.\n\nPlease copy the details"
                " below and send them to whoever supports the app. The log file is:\n{0}",
            ).format(log_file())
        )
        box.setDetailedText(report_text(kind, exc, tb))
        box.setAccessibleName(QApplication.translate("Crash", "Error report"))
        box.exec()
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = show_unexpected
