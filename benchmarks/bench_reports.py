"""Report benchmark: prints medians of repeated PDF builds (not a pass/fail test).

- the scorecard of a round of 12 respondents that has a previous round (so the chart and the
  domain tables carry the comparison), with comments, part of a consensus and rationales —
  budget ≤ 0.3 s;
- the blank paper form of sms-oat-bh — budget ≤ 0.3 s;
- for information, the respondent copy and an action plan of three priorities.

Everything lives in a temporary data folder; answers come from a seeded generator, so runs are
comparable. Run: .venv/bin/python benchmarks/bench_reports.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from app import paths
from app.core.instrument import Instrument
from app.core.instrument_loader import load_instrument
from app.core.models import ROLES, Round
from app.db import action_plans, organizations, responses, rounds
from app.db.connection import open_database

BUDGET_S = 0.3


def fill_round(
    conn: sqlite3.Connection,
    instrument: Instrument,
    org_id: int,
    name: str,
    start: date,
    end: date,
    people: int,
    rng: random.Random,
) -> Round:
    rnd = rounds.create(conn, org_id, instrument, name, start, end)
    for n in range(people):
        person = rounds.add_respondent(conn, rnd.id, f"Team member {n + 1}", ROLES[n % len(ROLES)])
        lean = rng.uniform(-0.6, 0.6)
        for item in instrument.items:
            scored = [c for c in item.scale.choices if c.value is not None]
            if rng.random() < 0.05:
                code = item.scale.choices[-1].code  # don't know / not applicable
            else:
                k = round((len(scored) - 1) * min(1.0, max(0.0, rng.gauss(0.45 + lean / 3, 0.2))))
                code = scored[k].code
            comment = (
                "Depends on the clinician; no shared approach yet." if rng.random() < 0.1 else None
            )
            responses.save_answer(conn, person.id, item.id, code, comment=comment)
    return rnd


def build_world(conn: sqlite3.Connection, instrument: Instrument) -> tuple[int, int]:
    """A previous round and a current round of 12 people; returns (round id, respondent id)."""
    rng = random.Random(5)
    org = organizations.create(conn, "Bench Community Health", site="Main clinic")
    fill_round(conn, instrument, org.id, "Autumn", date(2025, 7, 1), date(2025, 9, 30), 12, rng)
    rnd = fill_round(
        conn, instrument, org.id, "Spring", date(2026, 1, 1), date(2026, 3, 31), 12, rng
    )
    for item in instrument.items[:10]:  # a consensus meeting half-way through
        scored = [c for c in item.scale.choices if c.value is not None]
        responses.save_consensus(
            conn, rnd.id, item.id, rng.choice(scored).code, "Agreed after a long discussion."
        )
    for domain in instrument.domains[:3]:
        priority = action_plans.create_priority(
            conn, rnd.id, "domain", domain.id, goal="Every new client leaves with a goal.",
            owner="Quality lead", status="in_progress",
        )  # fmt: skip
        action_plans.add_cycle(
            conn, priority.id, plan={"what": "A worksheet at intake"}, do_notes="Tried it.",
            study_notes="It helped.", act="adapt",
        )  # fmt: skip
    return rnd.id, rounds.respondents(conn, rnd.id)[0].id


def median_seconds(build: Callable[[], bytes], repeat: int) -> tuple[float, int]:
    size = len(build())  # warm-up: fonts registered, modules imported, caches filled
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        build()
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="smsoat-bench-") as tmp:
        os.environ["SMSOAT_DATA_DIR"] = tmp  # never the user's own data folder
        from app.reports.blank_form import build_blank_form_pdf
        from app.reports.outputs import (
            build_action_plan_pdf,
            build_respondent_pdf,
            build_scorecard_pdf,
        )

        instrument = load_instrument(paths.instruments_dir() / "sms-oat-bh.json")
        conn = open_database(Path(tmp) / "bench.sqlite3")
        round_id, person_id = build_world(conn, instrument)
        day = date(2026, 4, 15)
        cases: list[tuple[str, Callable[[], bytes], float | None]] = [
            (
                "scorecard, 12 respondents + previous round",
                lambda: build_scorecard_pdf(conn, round_id, generated=day),
                BUDGET_S,
            ),
            (
                "blank form, sms-oat-bh",
                lambda: build_blank_form_pdf(instrument, generated=day),
                BUDGET_S,
            ),
            (
                "respondent copy",
                lambda: build_respondent_pdf(conn, round_id, person_id, generated=day),
                None,
            ),
            (
                "action plan, 3 priorities",
                lambda: build_action_plan_pdf(conn, round_id, generated=day),
                None,
            ),
        ]
        print(f"repeats: {args.repeat} after one warm-up; instrument {instrument.id}")
        for label, build, budget in cases:
            seconds, size = median_seconds(build, args.repeat)
            verdict = ""
            if budget is not None:
                verdict = f"  (budget {budget:.1f} s)  {'OK' if seconds <= budget else 'OVER'}"
            print(f"{label} (median): {seconds * 1000:.0f} ms, {size:,} bytes{verdict}")
        conn.close()


if __name__ == "__main__":
    main()
