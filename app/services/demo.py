"""A demo agency with one round of four team members, for newcomers, training and screenshots.

Answers are plausible rather than random noise: each domain has a level the agency has reached,
each person leans a little higher or lower (administrators often rate higher than front-line
staff), and a few items are genuinely disputed or unknown, so the team view has something to show.
The generator is seeded, so the demo is the same every time.

The demo agency is recognised by its state identifier (DEMO_STATE_ID): asking for the demo again
on a data file that already holds it adds nothing and says so (`DemoResult.existed`), since two
identical agencies would show up twice in the coordinator's roll-up.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from app.core.instrument import Instrument
from app.core.models import Round
from app.db import organizations, responses, rounds
from app.db.connection import transaction

DEMO_INSTRUMENT = "sms-oat-bh"
DEMO_STATE_ID = "DEMO-001"
DEMO_NAME = "Riverbend Community Health (demo)"

_TEAM = (
    ("Alex Rivera", "clinical_staff", 0.0),
    ("María González", "peer_specialist", -0.4),
    ("Sam Thompson", "support_staff", -0.2),
    ("Jordan Kim", "administrator", 0.6),
)
_COMMENTS = (
    "We do this well with new clients, less so with long-term clients.",
    "Depends a lot on which clinician; no shared approach yet.",
    "Peer staff started this last month — too early to tell.",
    "Front desk is friendly, but the waiting room signs are only in English.",
    "Action plans exist on paper; they rarely make it into the record.",
    "Not sure the evening team does this at all.",
)


@dataclass(frozen=True)
class DemoResult:
    """The demo round that was made, and how many people and answers it holds."""

    round: Round
    respondents: int
    answers: int
    existed: bool = False  # the demo was already here: nothing was added


def create_demo(
    conn: sqlite3.Connection, instrument: Instrument, today: date | None = None, seed: int = 7
) -> DemoResult:
    """The whole demo in one transaction: all of it or, on a full disk, nothing at all."""
    with transaction(conn):
        found = _existing(conn)
        if found is not None:
            return found
        return _create(conn, instrument, today or date.today(), seed)


def _existing(conn: sqlite3.Connection) -> DemoResult | None:
    """The demo round already here (the demo agency's newest round), or None."""
    row = conn.execute(
        "SELECT r.id FROM rounds r JOIN organizations o ON o.id = r.organization_id"
        " WHERE o.state_identifier = ? AND o.name = ? ORDER BY r.id DESC LIMIT 1",
        (DEMO_STATE_ID, DEMO_NAME),
    ).fetchone()
    if row is None:
        return None
    people = rounds.respondents(conn, row[0])
    return DemoResult(rounds.get(conn, row[0]), len(people), 0, existed=True)


def _create(conn: sqlite3.Connection, instrument: Instrument, today: date, seed: int) -> DemoResult:
    rng = random.Random(seed)
    org = organizations.create(
        conn,
        DEMO_NAME,
        site="Main clinic",
        region="North County",
        state_identifier=DEMO_STATE_ID,
        actor="demo",
    )
    end = today - timedelta(days=1)
    start = end - timedelta(days=30 * instrument.review_period_months)
    rnd = rounds.create(
        conn, org.id, instrument, f"Demo round {today:%B %Y}", start, end, actor="demo"
    )
    domain_levels = {d.id: rng.uniform(1.6, 3.3) for d in instrument.domains}
    answers = 0
    for person_index, (name, role, lean) in enumerate(_TEAM):
        person = rounds.add_respondent(conn, rnd.id, name, role, actor="demo")
        for item in instrument.iter_items():
            scored = sorted(
                (c for c in item.scale.choices if c.value is not None), key=lambda c: c.value or 0
            )
            unscored = [c for c in item.scale.choices if c.value is None]
            roll = rng.random()
            if unscored and roll < 0.04 + 0.03 * (person_index == 2):
                code = unscored[0].code
            else:
                lo, hi = scored[0].value or 0, scored[-1].value or 0
                level = domain_levels[item.domain_id]
                # Map the 1–4 "maturity" onto this item's own scale, then add the person's lean.
                target = lo + (level - 1 + lean + rng.gauss(0, 0.55)) / 3 * (hi - lo)
                code = min(scored, key=lambda c: abs((c.value or 0) - target)).code
            comment = rng.choice(_COMMENTS) if rng.random() < 0.08 else None
            responses.save_answer(conn, person.id, item.id, code, comment=comment, actor="demo")
            answers += 1
    return DemoResult(rnd, len(_TEAM), answers)
