"""Long work off the GUI thread: a QRunnable that reports through typed signals.

The callable runs in a pool thread and never touches widgets. Work that needs the data file goes
through `run_with_database`, the one door that opens a connection in the worker thread (sqlite3
connections stay in their thread), hands it over and always closes it.

Python's cycle collector runs in whichever thread allocates when a threshold is crossed. If that is
a pool thread and the garbage holds a widget (a closed dialog in a cycle with its lambdas), Qt
would delete the widget off the GUI thread and crash. `GuiThreadCollector` therefore turns automatic
collection off and collects on the GUI thread instead, with the same thresholds, twice a second.

Every task started here is known until it ends (`active_tasks`), so closing the app can cancel and
wait for them (`finish_all`): a pool thread still running Python while the interpreter shuts down
ended in "Fatal Python error: bool_dealloc", and a signal emitted after its QObject was deleted in
"Signal source has been deleted".
"""

from __future__ import annotations

import gc
import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from app.core.errors import SmsOatError
from app.ui.error_text import user_message

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    """`cancelled` is set when the app closes; long work may look at it between steps and stop."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self.cancelled = threading.Event()
        self.ended = threading.Event()
        self.setAutoDelete(True)

    def cancel(self) -> None:
        self.cancelled.set()

    def run(self) -> None:
        try:
            try:
                result = self.work()
            except SmsOatError as exc:
                self._emit(self.signals.failed, user_message(exc))
            except sqlite3.Error as exc:  # a damaged page or a full disk met by a read
                log.warning("background task met a storage error: %s", exc)
                self._emit(self.signals.failed, user_message(exc))
            except Exception as exc:
                log.exception("background task failed")
                self._emit(self.signals.failed, f"{type(exc).__name__}: {exc}")
            else:
                self._emit(self.signals.finished, result)
        finally:
            # dropped from `_active` by the GUI thread (`active_tasks`), so that its signals
            # QObject is never freed on this thread
            self.ended.set()

    def _emit(self, signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the receiver side was torn down while the work ran (app closing)
            log.info("result of a background task dropped: its window is gone")


_active: set[Task] = set()


def run_task(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None],
) -> Task:
    task = Task(work)

    # a result that arrives after closing began is dropped: its window is closing, and a late
    # "PDF saved" box would keep the app alive after the user quit
    def finished(result: object) -> None:
        if not task.cancelled.is_set():
            on_done(result)

    def failed(message: str) -> None:
        if not task.cancelled.is_set():
            on_failed(message)

    task.signals.finished.connect(finished)
    task.signals.failed.connect(failed)
    active_tasks()  # forget the ended ones
    _active.add(task)
    QThreadPool.globalInstance().start(task)
    return task


def run_with_database(
    db_path: Path | str,
    work: Callable[[sqlite3.Connection], T],
    on_done: Callable[[T], None],
    on_failed: Callable[[str], None],
) -> Task:
    """Run `work(conn)` on a worker with its own connection to `db_path` (opened in the worker
    thread, always closed); `on_done(result)` or `on_failed(user message)` runs on the GUI thread.

    Everything `run_task` promises holds: the task is known until it ends, closing waits for it,
    and its result is dropped once closing began."""
    from app.services.connections import with_connection

    return run_task(lambda: with_connection(db_path, work), on_done, on_failed)


def active_tasks() -> list[Task]:
    """The tasks still running; call on the GUI thread (it also forgets the ended ones)."""
    for task in [t for t in _active if t.ended.is_set()]:
        _active.discard(task)
    return list(_active)


def finish_all(timeout_ms: int = -1) -> bool:
    """Cancel every running task and wait for the pool (`-1`: as long as it takes); True when
    nothing is left running. Called when the window closes and again before the app exits."""
    for task in active_tasks():
        task.cancel()
    done = QThreadPool.globalInstance().waitForDone(timeout_ms)
    if not done:
        log.warning("background tasks still running after %d ms", timeout_ms)
    return bool(done)


class GuiThreadCollector(QObject):
    """Runs Python's cycle collector on the GUI thread only (see the module's docstring).

    While a background task runs, only the youngest generation is collected, and often: a worker
    building a roll-up PDF allocates hundreds of thousands of objects that stay alive until the
    document is written, and collecting them as an older generation held the GUI thread for
    90–700 ms (benchmarks/bench_gui.py). A young-only pass every `BUSY_INTERVAL_MS` looks only
    at what was allocated since the last one; the older generations wait until the tasks end,
    when most of those objects have been freed by their reference counts."""

    INTERVAL_MS = 500
    BUSY_INTERVAL_MS = 50

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.ticks = 0
        self.timer = QTimer(self)
        self.timer.setInterval(self.BUSY_INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        self.ticks += 1
        if any(not task.ended.is_set() for task in _active):
            if gc.get_count()[0] > self.thresholds[0]:
                gc.collect(0)
        elif self.ticks % (self.INTERVAL_MS // self.BUSY_INTERVAL_MS) == 0:
            self.collect_if_due()

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
