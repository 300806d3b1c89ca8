"""Action plan storage: priorities, PDSA cycles, carrying unfinished work into the next round."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from app.core.errors import ValidationError
from app.core.instrument import Instrument
from app.db import action_plans
from tests.helpers import make_round


def test_priority_with_cycles(conn: sqlite3.Connection, mini: Instrument) -> None:
    rnd, _ = make_round(conn, mini)
    p = action_plans.create_priority(
        conn,
        rnd.id,
        "domain",
        "1.2",
        goal="Every client leaves with a written action plan",
        owner="Dana",
        start_date=date(2026, 4, 1),
        due_date=date(2026, 9, 30),
        measure_how="Chart audit of 20 records",
        measure_who="QI lead",
        measure_frequency="Monthly",
    )
    assert p.status == "planned" and p.due_date == date(2026, 9, 30)
    c1 = action_plans.add_cycle(
        conn,
        p.id,
        plan={
            "what": "Try a one-page action plan form",
            "who": "Team A",
            "prediction": "Half of visits end with a plan",
        },
    )
    c2 = action_plans.add_cycle(conn, p.id)
    assert (c1.position, c2.position) == (1, 2)
    assert c1.plan["what"].startswith("Try") and c1.plan["where"] == ""
    action_plans.update_cycle(conn, c1.id, do_notes="Used in 14 visits", act="adapt")
    assert action_plans.cycles_for_priority(conn, p.id)[0].act == "adapt"
    updated = action_plans.update_priority(conn, p.id, status="in_progress")
    assert updated.status == "in_progress" and updated.goal.startswith("Every")


def test_bad_priorities_are_refused(conn: sqlite3.Connection, mini: Instrument) -> None:
    rnd, _ = make_round(conn, mini)
    with pytest.raises(ValidationError, match="not a domain"):
        action_plans.create_priority(conn, rnd.id, "domain", "9")
    with pytest.raises(ValidationError, match="Status must be"):
        action_plans.create_priority(conn, rnd.id, "item", "2.1", status="someday")
    with pytest.raises(ValidationError, match="before the start"):
        action_plans.create_priority(
            conn, rnd.id, "item", "2.1", start_date=date(2026, 5, 1), due_date=date(2026, 4, 1)
        )
    p = action_plans.create_priority(conn, rnd.id, "item", "2.1")
    with pytest.raises(ValidationError, match="adopt, adapt or abandon"):
        action_plans.add_cycle(conn, p.id, act="maybe")


def test_unfinished_priorities_carry_forward_once(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    first, _ = make_round(conn, mini, name="Fall", end=date(2025, 9, 30))
    second, _ = make_round(conn, mini, name="Spring", end=date(2026, 3, 31))
    keep = action_plans.create_priority(conn, first.id, "item", "1.1.1", goal="Keep going")
    action_plans.create_priority(conn, first.id, "item", "2.1", goal="Done", status="done")
    carried = action_plans.carry_forward(conn, first.id, second.id)
    assert [(c.scope_id, c.goal, c.carried_from_uuid) for c in carried] == [
        ("1.1.1", "Keep going", keep.uuid)
    ]
    assert action_plans.carry_forward(conn, first.id, second.id) == []
    other, _ = make_round(conn, mini, agency="Elsewhere")
    with pytest.raises(ValidationError, match="same agency"):
        action_plans.carry_forward(conn, first.id, other.id)
