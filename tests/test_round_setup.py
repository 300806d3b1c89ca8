"""Round set-up (app/services/round_setup.py): unfinished priorities go on into the next round."""

from __future__ import annotations

import sqlite3
from datetime import date

from app.core.instrument import Instrument
from app.db import action_plans, organizations
from app.services.round_setup import start_round
from tests.helpers import make_round


def test_a_new_round_carries_the_unfinished_priorities(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    first, _ = make_round(conn, mini, name="Fall", end=date(2025, 9, 30))
    keep = action_plans.create_priority(conn, first.id, "item", "1.1.1", goal="Keep going")
    action_plans.create_priority(conn, first.id, "item", "2.1", goal="Done", status="done")
    new = start_round(
        conn, first.organization_id, mini, "Spring", date(2026, 1, 1), date(2026, 3, 31)
    )
    assert [(p.scope_id, p.carried_from_uuid) for p in new.carried] == [("1.1.1", keep.uuid)]
    stored = action_plans.priorities_for_round(conn, new.round.id)
    assert [(p.goal, p.round_id) for p in stored] == [("Keep going", new.round.id)]


def test_a_first_round_or_another_agency_carries_nothing(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    first, _ = make_round(conn, mini, name="Fall", end=date(2025, 9, 30))
    action_plans.create_priority(conn, first.id, "item", "1.1.1", goal="Keep going")
    other = organizations.create(conn, "Elsewhere")
    new = start_round(conn, other.id, mini, "Spring", date(2026, 1, 1), date(2026, 3, 31))
    assert new.carried == [] and action_plans.priorities_for_round(conn, new.round.id) == []
