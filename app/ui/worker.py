"""Long work off the GUI thread: a QRunnable that reports through typed signals.

The callable runs in a pool thread and must open its own database connection (sqlite3
connections stay in their thread); it never touches widgets.

Python's cycle collector runs in whichever thread allocates when a threshold is crossed. If that is
a pool thread and the garbage holds a widget (a closed dialog in a cycle with its lambdas), Qt
would delete the widget off the GUI thread and crash. `GuiThreadCollector` therefore turns automatic
collection off and collects on the GUI thread instead, with the same thresholds, twice a second.
"""

from __future__ import annotations

import gc
import logging
import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from app.core.errors import SmsOatError
from app.ui.error_text import user_message

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work()
        except SmsOatError as exc:
            self.signals.failed.emit(user_message(exc))
        except sqlite3.Error as exc:  # a damaged page or a full disk met by a read
            log.warning("background task met a storage error: %s", exc)
            self.signals.failed.emit(user_message(exc))
        except Exception as exc:
            log.exception("background task failed")
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(result)


def run_task(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None],
) -> Task:
    task = Task(work)
    task.signals.finished.connect(on_done)
    task.signals.failed.connect(on_failed)
    QThreadPool.globalInstance().start(task)
    return task


class GuiThreadCollector(QObject):
    """Runs Python's cycle collector on the GUI thread only (see the module's docstring)."""

    INTERVAL_MS = 500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start()

    def collect_if_due(self) -> int:
        """Collect the generations whose counts passed their thresholds; returns objects freed."""
        counts = gc.get_count()
        freed = 0
        for generation in range(3):
            if counts[generation] <= self.thresholds[generation]:
                break
            freed = gc.collect(generation)
        return freed

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


_collector: GuiThreadCollector | None = None


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the GUI-thread collector once for the application `app` (idempotent)."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(app)
    return _collector
