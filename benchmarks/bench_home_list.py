"""GUI-thread time to fill home's agency list at 1,000 and 10,000 agencies (issue 20).

Builds a data file of N agencies (one transaction, names of varied length, every tenth with a
site) in a temporary folder, then, offscreen, times on the GUI thread:
- `refresh`: `HomePage.refresh()` (the list read from the file and filled, rounds of the first
  agency listed): what every start and every "data changed" pays;
- `shown`: the page shown and its first paint processed (what the list formats for the screen);
- `laid out`: until the list's scroll range covers every row (a long list is laid out a batch
  at a time between events), with the longest single pass of the event loop meanwhile (the
  GUI thread's longest stall).
Prints the median of `--repeat` runs (a new page each time) for each size.

    .venv/bin/python benchmarks/bench_home_list.py --sizes 1000 10000 --repeat 5 [--tree ../main]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# `--tree DIR` measures another checkout (e.g. main, for a before/after in one session)
TREE = Path(sys.argv[sys.argv.index("--tree") + 1]) if "--tree" in sys.argv else ROOT
sys.path.insert(0, str(TREE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build(path: Path, agencies: int) -> None:
    from app.db import organizations
    from app.db.connection import open_database, transaction

    conn = open_database(path)
    words = ["Riverbend", "Community", "Health", "Recovery", "Services", "of the Upper Valley"]
    with transaction(conn):
        for n in range(agencies):
            name = f"{' '.join(words[: 1 + n % len(words)])} {n:05d}"
            organizations.create(conn, name, site="East clinic" if n % 10 == 0 else "")
    conn.close()


def measure(path: Path, repeat: int) -> tuple[float, float, float, float]:
    from PySide6.QtWidgets import QApplication

    from app.db.connection import open_database
    from app.ui import refcount_guard
    from app.ui.home_page import HomePage

    app = QApplication.instance() or QApplication([])
    refcount_guard.install()  # what the window does; the bench fills many times
    conn = open_database(path)
    refreshes, shows, done, stalls = [], [], [], []
    for _ in range(repeat):
        page = HomePage(conn, "en")
        page.resize(1366, 768)
        start = time.perf_counter()
        page.refresh()
        filled = time.perf_counter()
        page.show()
        app.processEvents()
        shown = time.perf_counter()
        longest = shown - filled
        bar = page.agencies.verticalScrollBar()
        # until the scroll range stops growing for 5 passes (each batch of rows makes it grow)
        steady, seen = 0, bar.maximum()
        while steady < 5:
            before = time.perf_counter()
            app.processEvents()
            longest = max(longest, time.perf_counter() - before)
            steady = steady + 1 if bar.maximum() == seen else 0
            seen = bar.maximum()
        done.append(time.perf_counter() - start)
        refreshes.append(filled - start)
        shows.append(shown - start)
        stalls.append(longest)
        page.close()
        page.deleteLater()
        app.processEvents()
    conn.close()
    return tuple(statistics.median(x) for x in (refreshes, shows, done, stalls))  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--tree", type=Path, default=ROOT, help="the source tree to measure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"home-{size}.sqlite3"
            build(path, size)
            refresh, shown, done, stall = measure(path, args.repeat)
            print(
                f"{size:>6} agencies: refresh {refresh * 1000:6.1f} ms,"
                f" + first paint {shown * 1000:6.1f} ms, all laid out {done * 1000:6.1f} ms,"
                f" longest pass {stall * 1000:6.1f} ms",
                flush=True,
            )


if __name__ == "__main__":
    main()
