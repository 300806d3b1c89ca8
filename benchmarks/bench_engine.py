"""Engine benchmark: prints medians of repeated runs (not a pass/fail test).

- making one answer durable (save_answer: validate, upsert, change log, COMMIT with
  synchronous=FULL, on a real file in WAL mode) — budget ≤ 2 ms;
- scoring a round of 12 respondents (team summary with every scorecard, flags and comparison
  data) — budget ≤ 20 ms.

Run: .venv/bin/python benchmarks/bench_engine.py [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from app import paths
from app.core.instrument_loader import load_instrument
from app.db import organizations, responses, rounds
from app.db.connection import open_database
from app.services.round_scores import round_scores


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--answers", type=int, default=300)
    args = parser.parse_args()
    instrument = load_instrument(paths.instruments_dir() / "sms-oat-bh.json")
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        conn = open_database(Path(tmp) / "bench.sqlite3")
        org = organizations.create(conn, "Bench agency")
        rnd = rounds.create(conn, org.id, instrument, "Bench", date(2026, 1, 1), date(2026, 3, 31))
        team = [rounds.add_respondent(conn, rnd.id, f"P{i}", "other") for i in range(12)]
        items = instrument.items
        codes = [c.code for c in instrument.scale.choices]

        save_medians = []
        for _ in range(args.repeat):
            times = []
            for _ in range(args.answers):
                person = rng.choice(team)
                item = rng.choice(items)
                start = time.perf_counter()
                responses.save_answer(conn, person.id, item.id, rng.choice(codes))
                times.append(time.perf_counter() - start)
            save_medians.append(statistics.median(times))

        for person in team:  # a complete round for scoring
            for item in items:
                responses.save_answer(conn, person.id, item.id, rng.choice(codes))
        score_times = []
        for _ in range(args.repeat * 3):
            start = time.perf_counter()
            round_scores(conn, rnd.id)
            score_times.append(time.perf_counter() - start)
        conn.close()

    save_ms = statistics.median(save_medians) * 1000
    score_ms = statistics.median(score_times) * 1000
    print(f"items per respondent: {len(items)}; repeats: {args.repeat}")
    print(
        f"answer durable (median): {save_ms:.3f} ms  (budget 2 ms)  "
        f"{'OK' if save_ms <= 2 else 'OVER'}"
    )
    print(
        f"score round of 12 respondents (median): {score_ms:.2f} ms  (budget 20 ms)  "
        f"{'OK' if score_ms <= 20 else 'OVER'}"
    )


if __name__ == "__main__":
    main()
