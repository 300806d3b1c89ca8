"""Runs the kill writer, kills it with SIGKILL, and checks every acknowledged answer survived."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from app.db.connection import open_database

HERE = Path(__file__).parent
REPO = HERE.parent


@dataclass
class KillOutcome:
    acknowledged: int
    lost: list[str]


def kill_once(db: Path, instrument_file: Path, rng: random.Random) -> KillOutcome:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    child = subprocess.Popen(
        [sys.executable, str(HERE / "kill_writer.py"), str(db), str(instrument_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(child.stdout or []), daemon=True)
    reader.start()
    # Wait for the first acknowledged answer, then kill at a random moment mid-stream.
    deadline = time.monotonic() + 20
    while not lines and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.005)
    time.sleep(rng.uniform(0.0, 0.15))
    child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join(timeout=5)
    if not lines:
        stderr = child.stderr.read() if child.stderr else ""
        raise AssertionError(f"the writer never acknowledged an answer: {stderr}")
    last_seq: dict[tuple[int, str], int] = {}
    for line in lines:
        if not line.endswith("\n"):
            continue  # a line cut by the kill was never fully acknowledged
        _, pid, item, _choice, seq = line.split()
        last_seq[(int(pid), item)] = int(seq)
    conn = open_database(db)
    try:
        lost = []
        for (pid, item), seq in last_seq.items():
            row = conn.execute(
                "SELECT comment FROM responses WHERE respondent_id = ? AND item_id = ?",
                (pid, item),
            ).fetchone()
            stored = int(row["comment"].split("=")[1]) if row else -1
            if stored < seq:  # a later, unacknowledged write may have landed too: that is fine
                lost.append(f"respondent {pid} item {item}: acknowledged seq {seq}, found {stored}")
    finally:
        conn.close()
    return KillOutcome(acknowledged=len(lines), lost=lost)
