"""Long work off the GUI thread: a QRunnable that reports through typed signals.

The callable runs in a pool thread and must open its own database connection (sqlite3
connections stay in their thread); it never touches widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.core.errors import SmsOatError

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
            self.signals.failed.emit(str(exc))
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
