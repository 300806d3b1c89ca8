"""Setting up a new round: the round itself, and the team's unfinished work carried into it.

A team's improvement work does not stop at the end of a round: priorities still planned or in
progress in the agency's previous round of the same instrument go on into the new one (once;
`app.db.action_plans.carry_forward` skips those already carried). The rule lives here, not in a
screen, so the GUI and any later command or import create rounds alike.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import NamedTuple

from app.core.instrument import Instrument
from app.core.models import Priority, Round
from app.db import action_plans, rounds


class NewRound(NamedTuple):
    """A round just started, and the unfinished priorities carried into it."""

    round: Round
    carried: list[Priority]  # the unfinished priorities that came along from the previous round


def start_round(
    conn: sqlite3.Connection,
    organization_id: int,
    instrument: Instrument,
    name: str,
    period_start: date,
    period_end: date,
    *,
    private: bool = True,
    actor: str = "app",
    site_id: int | None = None,
) -> NewRound:
    """Create the round and carry the previous round's unfinished priorities into it.

    A new round is private until the meeting unless asked otherwise (docs/team-memory.md);
    `site_id` gives it to one of the agency's sites (a foreign site is refused)."""
    rnd = rounds.create(
        conn,
        organization_id,
        instrument,
        name,
        period_start,
        period_end,
        private=private,
        actor=actor,
    )
    if site_id is not None:  # one of the agency's sites (checked, logged); None: whole agency
        from app.db.sites import set_round_site

        set_round_site(conn, rnd.id, site_id, actor=actor)
        rnd = rounds.get(conn, rnd.id)
    previous = rounds.previous_round(conn, rnd)
    carried = action_plans.carry_forward(conn, previous.id, rnd.id) if previous else []
    return NewRound(rnd, carried)
