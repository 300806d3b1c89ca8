"""Stress: kill an answer-writing process with SIGKILL many times (default 200) and report
whether any acknowledged answer was lost. Exit code 1 if one was.

Run: .venv/bin/python benchmarks/stress_kill.py [--kills 200]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.durability import kill_once

FIXTURE = Path(__file__).resolve().parent.parent / "instruments" / "sms-oat-bh.json"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(4242)
    acknowledged = 0
    lost: list[str] = []
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "stress.sqlite3"
        for n in range(1, args.kills + 1):
            outcome = kill_once(db, FIXTURE, rng)
            acknowledged += outcome.acknowledged
            lost.extend(outcome.lost)
            if n % 25 == 0:
                print(f"{n} kills, {acknowledged} acknowledged answers, {len(lost)} lost")
    print(
        f"{args.kills} SIGKILLs in {time.monotonic() - start:.0f} s: {acknowledged} answers "
        f"acknowledged, {len(lost)} lost"
    )
    for line in lost[:20]:
        print("LOST", line)
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
