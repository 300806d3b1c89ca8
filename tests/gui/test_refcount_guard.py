"""PySide6's reference leak on `None` cannot stop the app (app/ui/refcount_guard.py).

Each case runs in a fresh interpreter: the crash is a fatal error that would take pytest down.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# More void calls than None has references, on the calls the roll-up tables make.
LOOP = """
import sys
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem
app = QApplication([])
calls = sys.getrefcount(None) + 2000
if sys.argv[1] == "guarded":
    from app.ui import refcount_guard
    refcount_guard.install()
    refcount_guard.install()  # idempotent
table = QTableWidget()
table.setRowCount(10)
table.setColumnCount(3)
before = sys.getrefcount(None)
for n in range(calls):
    item = QTableWidgetItem("x")
    item.setData(256, 0.5)
    table.setItem(n % 10, n % 3, item)
print("lost", before - sys.getrefcount(None))
"""


def _run(mode: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-c", LOOP, mode], cwd=REPO, env=env, capture_output=True, text=True
    )


def test_the_leak_is_real_without_the_guard() -> None:
    """If this fails, PySide6 no longer leaks: the guard (and this test) can go."""
    done = _run("bare")
    assert done.returncode != 0, done.stdout
    assert "none_dealloc" in done.stderr


def test_the_guard_survives_the_leak() -> None:
    done = _run("guarded")
    assert done.returncode == 0, done.stderr[-2000:]
    lost = int(done.stdout.split()[-1])
    assert lost > 1000  # the leak happened, and the guard absorbed it


def test_home_starts_with_ten_thousand_agencies(tmp_path: Path) -> None:
    """Home fills its agency list before the window's delayed guard: it installs it itself."""
    from app.db.connection import open_database

    db = tmp_path / "country.sqlite3"
    conn = open_database(db)
    stamp = "2026-01-01T00:00:00.000+00:00"
    with conn:
        conn.executemany(
            "INSERT INTO organizations (uuid, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
            [(f"org-{n}", f"Agency {n:05d}", stamp, stamp) for n in range(10_000)],
        )
    conn.close()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SMSOAT_SMOKE_EXIT_MS="0",
        SMSOAT_DATA_DIR=str(tmp_path / "data"),
        SMSOAT_STARTED_FILE=str(tmp_path / "started"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Fatal Python error" not in done.stderr
    assert (tmp_path / "started").exists()  # the window came up and went idle
