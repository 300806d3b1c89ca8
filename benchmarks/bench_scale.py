"""Scale benchmark (issue 20): coordinator data files of 1,000, 10,000 and 100,000 rounds.

A whole country is about 10,000 behavioural-health agencies x 10 rounds. Each size has
min(rounds, 10,000) agencies with rounds / agencies rounds each, half a year apart (the newest
ending September 2026; the coordinator view is timed over all time), 4-12 team members a
round (8 on average) with every item of sms-oat-bh answered, and a full consensus in 7 rounds of
10. The rows are written straight in SQL (set-based INSERT ... SELECT over a sequence table): an
import of 100,000 files would take hours and measure the importer, not the data file. The import
rate is measured on a sample instead: 100 real agency files (benchmarks/bench_import.py's) are
imported into each data file once everything else was timed.

Printed for each size, every figure in a fresh process so one size's memory cannot hide in the
next: data file size; roll-up compute, XLSX (compute + write) and PDF (compute + write) seconds;
peak RSS after each; the coordinator view opened (page built and shown, instruments listed; its
roll-up is worked out in a worker: the seconds until its figures show and the longest GUI-thread
stall meanwhile are printed too; offscreen); the home window's cold start (whole process, as
benchmarks/bench_startup.py, beside a bare PySide6 window in the same run); the import rate; then
the growth factor of each figure between consecutive sizes next to the growth of the rounds.
Roll-up times are printed as wall and CPU seconds: on a shared machine CPU time is steadier.

The PDF has one page per agency: up to 1,000 agencies it is the whole roll-up; above that it is
the summary pages (state statistics over every agency) plus the first 1,000 agencies' pages,
which is what the coordinator would print for one region (`--pdf-agencies` changes the count).

Run: .venv/bin/python benchmarks/bench_scale.py [--sizes 1000 10000 100000] [--keep DIR]
(`make bench-scale` runs 1,000 and 10,000; `make bench-scale SIZES="1000 10000 100000"` the
whole country, about 15 minutes here, most of it writing the 100,000-round file.)
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

AGENCIES = 10_000
INSTRUMENT = "sms-oat-bh"
SAMPLE_FILES = 100
NOW = "2026-10-01T12:00:00.000+00:00"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


# ----- building a data file ----------------------------------------------------------------------


def build(path: Path, n_rounds: int) -> float:
    """Write a data file of `n_rounds` rounds; returns the seconds it took."""
    from app import paths
    from app.core.instrument_loader import load_instrument
    from app.db import instrument_snapshots
    from app.db.connection import open_database

    start = time.perf_counter()
    instrument = load_instrument(paths.instruments_dir() / f"{INSTRUMENT}.json")
    conn = open_database(path)  # the app's own schema, migrations and all
    instrument_snapshots.store(conn, instrument)
    conn.commit()
    conn.close()
    agencies = min(n_rounds, AGENCIES)
    per_agency = n_rounds // agencies
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous = OFF")  # a throw-away file: build speed, not durability
    raw.execute("BEGIN")
    raw.execute("CREATE TEMP TABLE seq (i INTEGER PRIMARY KEY)")
    raw.execute(
        "INSERT INTO seq WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n"
        " WHERE i + 1 < ?) SELECT i FROM n",
        (max(agencies, 16),),
    )
    raw.execute("CREATE TEMP TABLE items (idx INTEGER PRIMARY KEY, item_id TEXT, n INTEGER)")
    raw.execute("CREATE TEMP TABLE choices (idx INTEGER, k INTEGER, code TEXT)")
    raw.execute("CREATE INDEX temp.choices_by_k ON choices (idx, k)")
    for idx, item in enumerate(instrument.iter_items()):
        scored = [c.code for c in item.scale.choices if c.value is not None]
        raw.execute("INSERT INTO items VALUES (?, ?, ?)", (idx, item.id, len(scored)))
        raw.executemany(
            "INSERT INTO choices VALUES (?, ?, ?)", [(idx, k, c) for k, c in enumerate(scored)]
        )
    raw.execute(
        "INSERT INTO organizations (id, uuid, name, site, region, state_identifier, created_at,"
        " updated_at) SELECT i + 1, printf('org-%06d', i), printf('Agency %05d', i), 'Main',"
        " printf('Region %d', i % 50), '', ?1, ?1 FROM seq WHERE i < ?2",
        (NOW, agencies),
    )
    for k in range(per_agency):
        months_back = 6 * (per_agency - 1 - k)
        raw.execute(
            "INSERT INTO rounds (id, uuid, organization_id, instrument_id, instrument_version,"
            " instrument_hash, name, period_start, period_end, status, created_at, updated_at)"
            " SELECT ?1 * ?2 + i + 1, printf('rnd-%d-%06d', ?1, i), i + 1, ?3, ?4, ?5,"
            " printf('Round %d', ?1 + 1), date('2026-04-01', printf('-%d months', ?6)),"
            " date('2026-10-01', printf('-%d months', ?6), '-1 day'), 'closed', ?7, ?7"
            " FROM seq WHERE i < ?2",
            (
                k,
                agencies,
                instrument.id,
                instrument.version,
                instrument.content_hash,
                months_back,
                NOW,
            ),
        )
    raw.execute(
        "INSERT INTO respondents (uuid, round_id, display_name, role, created_at, updated_at)"
        " SELECT printf('p-%d-%d', r.id, s.i), r.id, printf('P%d', s.i), 'other', ?1, ?1"
        " FROM rounds r JOIN seq s ON s.i < 4 + (r.id * 7) % 9",
        (NOW,),
    )
    # Each agency sits at its own level; its people spread around it, item by item.
    raw.execute(
        "INSERT INTO responses (respondent_id, item_id, choice, source, created_at, updated_at)"
        " SELECT p.id, it.item_id, c.code, 'import', ?1, ?1 FROM respondents p, items it"
        " JOIN choices c ON c.idx = it.idx AND c.k = min(it.n - 1,"
        " (p.round_id % 3) + (p.id * 7 + it.idx * 13) % 3)",
        (NOW,),
    )
    raw.execute(
        "INSERT INTO consensus (round_id, item_id, choice, updated_at)"
        " SELECT r.id, it.item_id, c.code, ?1 FROM rounds r, items it"
        " JOIN choices c ON c.idx = it.idx AND c.k = min(it.n - 1, (r.id % 3) + it.idx % 2)"
        " WHERE r.id % 10 < 7",
        (NOW,),
    )
    raw.execute("COMMIT")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    return time.perf_counter() - start


# ----- measuring one data file (in its own process) ---------------------------------------------


def measure(path: Path, pdf_agencies: int, files: Path) -> dict[str, Any]:
    from app.db.connection import open_database
    from app.reports.rollup import build_rollup_pdf
    from app.reports.rollup_xlsx import build_rollup_xlsx
    from app.services.rollup import compute_rollup

    out: dict[str, Any] = {"rss_start": _rss_mb()}
    conn = open_database(path)
    out["rounds"] = conn.execute("SELECT count(*) FROM rounds").fetchone()[0]
    out["answers"] = conn.execute("SELECT max(id) FROM responses").fetchone()[0]
    start, cpu = time.perf_counter(), time.process_time()
    rollup = compute_rollup(conn, INSTRUMENT)
    out["compute"] = time.perf_counter() - start
    out["compute_cpu"] = time.process_time() - cpu
    out["rss_compute"] = _rss_mb()
    out["agencies"] = len(rollup.agencies)
    start, cpu = time.perf_counter(), time.process_time()
    xlsx = build_rollup_xlsx(rollup)
    out["xlsx"] = out["compute"] + time.perf_counter() - start
    out["xlsx_cpu"] = out["compute_cpu"] + time.process_time() - cpu
    out["xlsx_mb"] = len(xlsx) / 1e6
    out["rss_xlsx"] = _rss_mb()
    del xlsx
    shown = rollup
    if len(rollup.agencies) > pdf_agencies:
        # The summary's statistics stay those of every agency (they are in rollup.state).
        shown = dataclasses.replace(rollup, agencies=rollup.agencies[:pdf_agencies])
    start, cpu = time.perf_counter(), time.process_time()
    pdf = build_rollup_pdf(shown)
    out["pdf"] = out["compute"] + time.perf_counter() - start
    out["pdf_cpu"] = out["compute_cpu"] + time.process_time() - cpu
    out["pdf_pages"] = len(shown.agencies)
    out["pdf_mb"] = len(pdf) / 1e6
    out["rss_pdf"] = _rss_mb()
    del pdf, rollup, shown
    conn.close()
    out["import"], out["quick_check"] = _import_rate(path, files)
    return out


def _import_rate(path: Path, files: Path) -> tuple[float, float]:
    from app.db.connection import open_database, verify_intact
    from app.exchange.importer import import_files

    sample = sorted(files.glob("*.smsoat"))
    conn = open_database(path)
    # A connection's first write runs SQLite's quick_check over the whole file (the damaged-data
    # gate, app/db/connection.py): once per connection, timed apart from the files.
    start = time.perf_counter()
    verify_intact(conn)
    check = time.perf_counter() - start
    start = time.perf_counter()
    reports = import_files(conn, sample)
    elapsed = time.perf_counter() - start
    conn.close()
    assert all(r.written for r in reports), [r.reason for r in reports if r.refused][:3]
    return len(sample) / elapsed, check


COORDINATOR = """
import sys, time, json
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from app.db.connection import open_database
from app.ui.coordinator_page import CoordinatorPage
from app.ui.worker import collect_on_gui_thread
collect_on_gui_thread(app)
conn = open_database(Path(sys.argv[1]))
beats = []
heart = QTimer()
heart.setInterval(5)
heart.timeout.connect(lambda: beats.append(time.perf_counter()))
heart.start()
start = time.perf_counter()
beats.append(start)
page = CoordinatorPage(conn, "en", Path(sys.argv[1]))
page.resize(1280, 760)
page.all_time.blockSignals(True)  # every agency's newest round, whatever today's date
page.all_time.setChecked(True)
page.all_time.blockSignals(False)
page.load()
page.show()
app.processEvents()
shown = time.perf_counter() - start
opened = len(beats)  # the page's own opening (synchronous) lies between the first two beats
loop = QEventLoop()
while page.computing:
    loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
app.processEvents()
figures = time.perf_counter() - start
beats.append(time.perf_counter())
later = beats[opened - 1:]
stall = max(b - a for a, b in zip(later, later[1:])) - 0.005
assert page.rollup is not None and page.rollup.agencies, "nothing shown"
print(json.dumps({"seconds": shown, "figures": figures, "stall": stall,
                  "agencies": len(page.rollup.agencies)}))
"""


def coordinator_open(path: Path, env: dict[str, str]) -> dict[str, float]:
    """Seconds to the page on the screen, to its figures, and the longest GUI-thread stall."""
    done = subprocess.run(
        [sys.executable, "-c", COORDINATOR, str(path)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def home_start(path: Path, env: dict[str, str], repeat: int) -> tuple[float, float]:
    """Medians of the app's cold start to idle home on `path` and of a bare window, alternating."""
    from bench_startup import BARE, timed

    app_cmd = [sys.executable, "-m", "app", "--db", str(path)]
    bare_cmd = [sys.executable, "-c", BARE]
    timed(app_cmd, env)  # warm the file cache once
    apps, bares = [], []
    for _ in range(repeat):
        bares.append(timed(bare_cmd, env))
        apps.append(timed(app_cmd, env))
    return statistics.median(apps), statistics.median(bares)


# ----- the report -------------------------------------------------------------------------------

FIGURES = [
    ("file_mb", "data file", "MB"),
    ("compute", "roll-up compute", "s"),
    ("xlsx", "XLSX (compute + write)", "s"),
    ("pdf", "PDF (compute + write)", "s"),
    ("coordinator", "coordinator view open", "s"),
    ("coordinator_figures", "coordinator view's figures", "s"),
    ("home", "home start (whole process)", "s"),
    ("rss_pdf", "peak RSS (roll-up, XLSX, PDF)", "MB"),
    ("quick_check", "integrity check (first write, app start)", "s"),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--pdf-agencies", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="home start samples per size")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the data files here")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--files", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.pdf_agencies, args.files)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        data = Path(tmp) / "data"
        os.environ["SMSOAT_DATA_DIR"] = str(data)
        env = dict(
            os.environ, SMSOAT_SMOKE_EXIT_MS="0", SMSOAT_STARTED_FILE=str(Path(tmp) / "started")
        )
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        files = _sample_files(Path(tmp) / "sample")
        results: list[dict[str, Any]] = []
        for size in args.sizes:
            path = folder / f"scale-{size}.sqlite3"
            if not path.exists():
                built = build(path, size)
                print(f"{size:,} rounds: built in {built:.0f} s", flush=True)
            pristine = path.with_suffix(".measure.sqlite3")
            _copy(path, pristine)  # the sample import writes; --keep files stay as built
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--measure",
                    str(pristine),
                    "--files",
                    str(files),
                    "--pdf-agencies",
                    str(args.pdf_agencies),
                ],
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            )
            row: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
            row["size"] = size
            row["file_mb"] = path.stat().st_size / 1e6
            opened = coordinator_open(path, env)
            row["coordinator"] = opened["seconds"]
            row["coordinator_figures"] = opened["figures"]
            row["coordinator_stall"] = opened["stall"]
            row["home"], row["bare"] = home_start(path, env, args.repeat)
            pristine.unlink()
            for extra in ("-wal", "-shm"):
                Path(str(pristine) + extra).unlink(missing_ok=True)
            results.append(row)
            _print_size(row)
        _print_growth(results)


def _copy(src: Path, dst: Path) -> None:
    source = sqlite3.connect(src)
    target = sqlite3.connect(dst)
    source.backup(target)
    target.close()
    source.close()


def _sample_files(folder: Path) -> Path:
    from bench_import import make_files

    from app import paths
    from app.core.instrument_loader import load_instrument

    folder.mkdir(parents=True)
    instrument = load_instrument(paths.instruments_dir() / f"{INSTRUMENT}.json")
    make_files(instrument, SAMPLE_FILES, folder)
    return folder / "files"


def _print_size(row: dict[str, Any]) -> None:
    print(
        f"{row['rounds']:,} rounds, {row['agencies']:,} agencies in the roll-up,"
        f" {row['answers']:,} answers:"
    )
    print(f"  data file: {row['file_mb']:,.0f} MB")
    print(
        f"  import (sample of {SAMPLE_FILES} agency files): {row['import']:,.0f} files/s, after"
        " the integrity check each connection runs before its first write"
        f" ({row['quick_check']:.2f} s; the GUI runs it in the background, writes wait for it)"
    )
    print(
        f"  roll-up compute: {row['compute']:.2f} s, {row['compute_cpu']:.2f} s CPU"
        f" (peak RSS {row['rss_compute']:,.0f} MB)"
    )
    print(
        f"  XLSX, compute + write: {row['xlsx']:.2f} s, {row['xlsx_cpu']:.2f} s CPU,"
        f" {row['xlsx_mb']:.1f} MB"
        f" (peak RSS {row['rss_xlsx']:,.0f} MB)"
    )
    covers = (
        "the whole roll-up"
        if row["pdf_pages"] == row["agencies"]
        else f"summary of all {row['agencies']:,} + the first {row['pdf_pages']:,} agencies"
    )
    print(
        f"  PDF, compute + write: {row['pdf']:.2f} s, {row['pdf_cpu']:.2f} s CPU,"
        f" {row['pdf_mb']:.1f} MB ({covers};"
        f" peak RSS {row['rss_pdf']:,.0f} MB; {row['rss_start']:,.0f} MB before reading)"
    )
    verdict = "OK" if row["coordinator"] <= 1.0 else "OVER the 1 s target"
    print(
        f"  coordinator view open: {row['coordinator']:.2f} s ({verdict}); its figures"
        f" {row['coordinator_figures']:.2f} s (worked out in a worker), longest GUI-thread"
        f" stall meanwhile {row['coordinator_stall'] * 1000:.0f} ms"
    )
    print(
        f"  home start: {row['home']:.3f} s, bare window {row['bare']:.3f} s"
        f" ({row['home'] / row['bare']:.2f}x)",
        flush=True,
    )


# Figures whose work is the data file itself, not the rounds: linear in the file's growth.
PER_FILE = {"quick_check"}


def _print_growth(results: list[dict[str, Any]]) -> None:
    for small, large in itertools.pairwise(results):
        grew = large["rounds"] / small["rounds"]
        file_grew = large["file_mb"] / small["file_mb"] if small["file_mb"] else grew
        print(f"growth from {small['rounds']:,} to {large['rounds']:,} rounds (x{grew:.0f}):")
        for key, label, _unit in FIGURES:
            factor = large[key] / small[key] if small[key] else float("nan")
            yardstick = max(grew, file_grew) if key in PER_FILE else grew
            note = "no worse than linear" if factor <= yardstick * 1.1 else "WORSE than linear"
            if key in PER_FILE:
                note += f", against the data file's x{file_grew:.1f}"
            print(f"  {label}: x{factor:.1f} ({note})")


if __name__ == "__main__":
    main()
