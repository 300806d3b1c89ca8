"""Acknowledged answers survive SIGKILL (the 200-kill version: benchmarks/stress_kill.py)."""

from __future__ import annotations

import random
from pathlib import Path

from tests.durability import kill_once

FIXTURE = Path(__file__).parent / "fixtures" / "mini.json"


def test_sigkill_loses_no_acknowledged_answer(tmp_path: Path) -> None:
    rng = random.Random(2026)
    db = tmp_path / "kill.sqlite3"
    total = 0
    for _ in range(6):
        outcome = kill_once(db, FIXTURE, rng)
        assert outcome.lost == []
        total += outcome.acknowledged
    assert total > 6  # the writer really wrote between kills
