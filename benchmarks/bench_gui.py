"""GUI-thread stalls and key press to "Saved" (issue 20), measured in the real app offscreen.

One process builds the main window on a fresh data folder (as the app's start does: the refcount
guard and the GUI-thread collector installed), then:

1. **Rating**: a team member rates every item with digit keys. Each key press is *posted* to the
   focused widget (as the window system would deliver it), and the time from posting it to the
   first paint of the "✓ Saved" label that follows is one key-to-Saved sample. Target: median
   ≤ 16 ms (one frame at 60 Hz).
2. **Importing** 1,000 agency files (benchmarks/bench_import.py's) through the import dialog:
   preview, import, results shown.
3. **Opening the coordinator view** over those 1,000 agencies, and
4. **writing the roll-up PDF** from it (the worker builds it; the page says "Saved").

Throughout, a heartbeat QTimer fires every 5 ms on the GUI thread; the longest gap between two
beats (minus the 5 ms interval) is the longest stall of each phase. Target: ≤ 50 ms. A stall
that long is a frozen window: keys and repaints wait for it.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--files 1000]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    Qt,
    QTimer,
    qInstallMessageHandler,
)
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

BEAT_MS = 5
STALL_TARGET_MS = 50.0
SAVED_TARGET_MS = 16.0
PAUSES: dict[str, str] = {}  # phase → longest cycle collection on the GUI thread
# phase → the GUI thread's own CPU time during its longest stall (ms): near the stall, the GUI
# thread was busy (our code); near zero, it waited (for the GIL, or for a core on a loaded machine)
STALL_CPU: dict[str, float] = {}


class Heartbeat(QObject):
    """A 5 ms timer on the GUI thread; `longest()` is the largest gap beyond the interval."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.last = 0.0
        self.gaps: list[float] = []
        self.gc_pauses: list[float] = []
        self.gc_started = 0.0
        self.gc_generation = 0
        self.last_cpu = 0.0
        self.worst_cpu = 0.0
        gc.callbacks.append(self._gc)

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if self.last:
            gap = (now - self.last) * 1000 - BEAT_MS
            if gap > max(self.gaps, default=-1.0):
                self.worst_cpu = (cpu - self.last_cpu) * 1000
            self.gaps.append(gap)
        self.last, self.last_cpu = now, cpu

    def start(self) -> None:
        self.gaps.clear()
        self.gc_pauses.clear()
        self.worst_cpu = 0.0
        self.last = 0.0
        self.timer.start()

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        # the app collects cycles on the GUI thread only (app/ui/worker.py): a pause there is
        # a stall too, and this says how much of the longest one it explains
        if threading.current_thread() is not threading.main_thread():
            return
        if phase == "start":
            self.gc_started = time.perf_counter()
        elif self.gc_started:
            pause = (time.perf_counter() - self.gc_started) * 1000
            if pause > max(self.gc_pauses, default=-1.0):
                self.gc_generation = info["generation"]
            self.gc_pauses.append(pause)

    def longest_gc(self) -> str:
        """The longest collection on the GUI thread and its generation, as printed."""
        if not self.gc_pauses:
            return "none"
        return f"{max(self.gc_pauses):.0f} ms (generation {self.gc_generation})"

    def stop(self) -> float:
        """Stop; the longest stall in ms (a gap still open counts up to now)."""
        self.timer.stop()
        if self.last:
            self.gaps.append((time.perf_counter() - self.last) * 1000 - BEAT_MS)
        return max(self.gaps, default=0.0)


class PaintWatch(QObject):
    """Records when `widget` is next painted (its text on the screen, not just set)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.painted_at = 0.0
        widget.installEventFilter(self)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted_at:
            self.painted_at = time.perf_counter()
        return False


def wait_until(done: Callable[[], bool], timeout_s: float = 600.0) -> None:
    """Run the event loop (the heartbeat keeps beating) until `done()`."""
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not finish in time")
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def idle(ms: int) -> None:
    end = time.perf_counter() + ms / 1000
    wait_until(lambda: time.perf_counter() >= end)


def make_window(db_path: Path) -> object:
    from app.db.connection import open_database
    from app.services.catalog import default_catalog
    from app.ui import input_guard, refcount_guard
    from app.ui.main_window import MainWindow
    from app.ui.settings import AppSettings
    from app.ui.worker import collect_on_gui_thread

    app = QApplication.instance()
    assert app is not None
    collect_on_gui_thread(app)
    refcount_guard.install()
    conn = open_database(db_path)
    window = MainWindow(conn, db_path, default_catalog(), AppSettings())
    input_guard.install()
    window.confirm = lambda *_a: True  # type: ignore[method-assign]
    window.inform = lambda *_a: None  # type: ignore[method-assign]
    window.resize(1366, 768)
    window.show()
    idle(300)
    return window


def rate(window: object, heart: Heartbeat) -> tuple[list[float], float]:
    """Rate every item with digit keys; key-to-Saved samples (ms) and the longest stall."""
    from app.db import organizations, rounds
    from app.services.catalog import default_catalog

    conn = window.conn  # type: ignore[attr-defined]
    instrument = default_catalog().get("sms-oat-bh")
    org = organizations.create(conn, "Bench Agency")
    from datetime import date

    rnd = rounds.create(conn, org.id, instrument, "Bench", date(2026, 1, 1), date(2026, 6, 30))
    person = rounds.add_respondent(conn, rnd.id, "Ana", "clinical_staff")
    window.open_round(rnd.id)  # type: ignore[attr-defined]
    window.start_rating(person.id)  # type: ignore[attr-defined]
    page = window.walkthrough  # type: ignore[attr-defined]
    idle(200)
    samples: list[float] = []
    heart.start()
    digits = "1234"
    for n in range(len(page.items)):
        key = digits[n % len(digits)]
        watch = PaintWatch(page.saved_label)
        before = page.saved_label.text()
        target = QApplication.focusWidget() or page
        sent = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_0 + int(key), Qt.KeyboardModifier.NoModifier, key)
            QCoreApplication.postEvent(target, event)
        wait_until(lambda w=watch, b=before: bool(w.painted_at) and page.saved_label.text() != b)
        samples.append((watch.painted_at - sent) * 1000)
        page.saved_label.removeEventFilter(watch)
        idle(40)  # a fast typist: 25 keys a second
        right = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier)
        QCoreApplication.postEvent(QApplication.focusWidget() or page, right)
        idle(40)
    stall = heart.stop()
    PAUSES["rating"], STALL_CPU["rating"] = heart.longest_gc(), heart.worst_cpu
    return samples, stall


def import_files(window: object, files: list[Path], heart: Heartbeat) -> tuple[float, float]:
    """Import `files` through the dialog; the longest stall and the wall seconds."""
    from app.services.catalog import default_catalog
    from app.ui.import_dialog import ImportDialog

    dialog = ImportDialog(
        window,  # type: ignore[arg-type]
        window.db_path,  # type: ignore[attr-defined]
        list(default_catalog().instruments.values()),
    )
    dialog.show()
    results: list[object] = []
    dialog.import_done.connect(results.append)
    heart.start()
    idle(20)
    start = time.perf_counter()
    dialog.set_paths(files)
    wait_until(lambda: bool(dialog.preview) and not dialog._busy)
    dialog.start_import()
    wait_until(lambda: bool(results))
    idle(100)  # the results shown
    elapsed = time.perf_counter() - start
    stall = heart.stop()
    PAUSES["importing"], STALL_CPU["importing"] = heart.longest_gc(), heart.worst_cpu
    dialog.close()
    return stall, elapsed


def coordinator(window: object, heart: Heartbeat, out: Path) -> tuple[float, float, float]:
    """Open the coordinator view, then write the roll-up PDF; the two longest stalls and the
    seconds until the view showed its figures."""
    heart.start()
    idle(20)  # beating before the click, so a synchronous open counts as a stall
    start = time.perf_counter()
    window.show_coordinator()  # type: ignore[attr-defined]
    page = window.coordinator  # type: ignore[attr-defined]
    page.all_time.setChecked(True)
    wait_until(lambda: page.rollup is not None and not _computing(page))
    idle(100)
    shown = time.perf_counter() - start
    open_stall = heart.stop()
    PAUSES["opening"], STALL_CPU["opening"] = heart.longest_gc(), heart.worst_cpu
    written: list[object] = []
    page.file_written.connect(written.append)
    page.write_failed.connect(lambda m: written.append(RuntimeError(m)))
    heart.start()
    idle(20)
    page.write_export(out, "pdf")
    wait_until(lambda: bool(written))
    idle(100)
    pdf_stall = heart.stop()
    PAUSES["writing"], STALL_CPU["writing"] = heart.longest_gc(), heart.worst_cpu
    assert not isinstance(written[0], Exception), written[0]
    return open_stall, pdf_stall, shown


def _computing(page: object) -> bool:
    return bool(getattr(page, "computing", False))


def _quiet(_kind: object, _context: object, text: str) -> None:
    if "propagateSize" not in text:
        print(text, file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000, help="agency files to import")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # the offscreen platform warns "does not support propagateSizeHints()" for every dialog
    qInstallMessageHandler(_quiet)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SMSOAT_DATA_DIR"] = str(Path(tmp) / "data")
        from bench_import import make_files

        from app.services.catalog import default_catalog

        files = make_files(default_catalog().get("sms-oat-bh"), args.files, Path(tmp) / "sent")
        window = make_window(Path(tmp) / "data" / "smsoat.sqlite3")
        heart = Heartbeat()
        samples, rating_stall = rate(window, heart)
        import_stall, import_s = import_files(window, files, heart)
        open_stall, pdf_stall, shown = coordinator(window, heart, Path(tmp) / "rollup.pdf")
        window.close()  # type: ignore[attr-defined]
        from app.ui.worker import finish_all

        finish_all()
    del app
    median = statistics.median(samples)
    print(f"GUI thread, heartbeat every {BEAT_MS} ms (offscreen), targets in brackets:")
    print(
        f"  key press to 'Saved' painted: median {median:.1f} ms, max {max(samples):.1f} ms"
        f" over {len(samples)} keys (≤ {SAVED_TARGET_MS:.0f} ms median:"
        f" {'OK' if median <= SAVED_TARGET_MS else 'OVER'})"
    )
    for label, stall in (
        ("rating", rating_stall),
        (f"importing {args.files:,} files ({import_s:.1f} s)", import_stall),
        (f"opening the coordinator view ({shown:.2f} s to its figures)", open_stall),
        ("writing the roll-up PDF", pdf_stall),
    ):
        verdict = "OK" if stall <= STALL_TARGET_MS else "OVER"
        phase = label.split()[0]
        gap_cpu, pause = STALL_CPU.get(phase, 0.0), PAUSES.get(phase, "none")
        print(
            f"  longest stall while {label}: {stall:.0f} ms (≤ {STALL_TARGET_MS:.0f}: {verdict});"
            f" GUI-thread CPU in it {gap_cpu:.0f} ms, longest cycle collection {pause}"
        )


if __name__ == "__main__":
    main()
