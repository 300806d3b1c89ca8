"""Cold start to an interactive home window, next to a bare PySide6 window in the same run.

The data file holds 20 agencies × 4 rounds × 8 respondents with every item answered (built once
with plain SQL inserts; the timing is of the app, not of the set-up). Each sample is a fresh
process from spawn to exit, with SMSOAT_SMOKE_EXIT_MS=0 closing the window as soon as the event
loop is idle after it is shown; the time counted ends when the window is shown and idle
(the app writes the moment to SMSOAT_STARTED_FILE), so closing and exiting are not counted.
Budget: the app ≤ 1.5 × the bare window; target (speed issue): ≤ 1.2 ×.

Run: .venv/bin/python benchmarks/bench_startup.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1200, 760); w.show()
import os, time
from pathlib import Path
QTimer.singleShot(0, lambda: Path(os.environ["SMSOAT_STARTED_FILE"]).write_text(repr(time.time())))
QTimer.singleShot(0, w.close)
sys.exit(app.exec())
"""


def build_database(path: Path) -> None:
    from app import paths
    from app.core.instrument_loader import load_instrument
    from app.core.models import utc_now
    from app.db import organizations, rounds
    from app.db.connection import open_database, transaction

    instrument = load_instrument(paths.instruments_dir() / "sms-oat-bh.json")
    conn = open_database(path)
    items = instrument.items
    now = utc_now()
    for a in range(20):
        org = organizations.create(conn, f"Agency {a + 1}", site="Main")
        for r in range(4):
            rnd = rounds.create(
                conn,
                org.id,
                instrument,
                f"Round {r + 1}",
                date(2025, 1 + r, 1),
                date(2025, 3 + r, 28),
            )
            people = [rounds.add_respondent(conn, rnd.id, f"P{p}", "other") for p in range(8)]
            with transaction(conn):
                conn.executemany(
                    "INSERT INTO responses (respondent_id, item_id, choice, comment, source,"
                    " created_at, updated_at) VALUES (?, ?, ?, '', 'screen', ?, ?)",
                    [
                        (p.id, item.id, str(1 + (p.id + i) % 4), now, now)
                        for p in people
                        for i, item in enumerate(items)
                    ],
                )
    conn.close()


def timed(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning the process to its window shown with the event loop idle."""
    marker = Path(env["SMSOAT_STARTED_FILE"])
    marker.unlink(missing_ok=True)
    start = time.time()
    subprocess.run(cmd, env=env, check=True, cwd=ROOT, capture_output=True)
    return float(marker.read_text("utf-8")) - start


def prepared(tmp: str) -> tuple[Path, dict[str, str]]:
    """A data file of 20 agencies × 4 rounds × 8 respondents in `tmp`, and the environment that
    makes the app close itself once idle and report when that was."""
    data = Path(tmp) / "data"
    os.environ["SMSOAT_DATA_DIR"] = str(data)
    db = data / "smsoat.sqlite3"
    build_database(db)
    env = dict(os.environ, SMSOAT_SMOKE_EXIT_MS="0", SMSOAT_STARTED_FILE=str(Path(tmp) / "started"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return db, env


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db, env = prepared(tmp)
        # An installed app (and the frozen bundle) runs from bytecode: compile once, allow caching.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([sys.executable, "-m", "compileall", "-q", "app"], cwd=ROOT, check=True)
        app_cmd = [sys.executable, "-m", "app", "--db", str(db)]
        bare_cmd = [sys.executable, "-c", BARE]
        timed(app_cmd, env)  # warm the file cache once, as a second start of the day would be
        timed(bare_cmd, env)
        app_times, bare_times = [], []
        for _ in range(args.repeat):
            bare_times.append(timed(bare_cmd, env))
            app_times.append(timed(app_cmd, env))
    app_median = statistics.median(app_times)
    bare_median = statistics.median(bare_times)
    ratio = app_median / bare_median
    print("database: 20 agencies x 4 rounds x 8 respondents, every item answered")
    print(f"bare PySide6 window (median of {args.repeat}): {bare_median:.3f} s")
    print(f"app home window     (median of {args.repeat}): {app_median:.3f} s")
    verdict = "OK" if ratio <= 1.2 else ("OVER the target" if ratio <= 1.5 else "OVER")
    print(f"ratio: {ratio:.2f}  (budget 1.5, target 1.2)  {verdict}")


if __name__ == "__main__":
    main()
