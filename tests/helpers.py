"""Small builders shared by tests."""

from __future__ import annotations

import sqlite3
from datetime import date

from app.core.instrument import Instrument
from app.core.models import Respondent, Round
from app.db import organizations, rounds


def make_round(
    conn: sqlite3.Connection,
    instrument: Instrument,
    people: int = 2,
    agency: str = "Test Agency",
    name: str = "Spring",
    end: date = date(2026, 3, 31),
) -> tuple[Round, list[Respondent]]:
    org = organizations.find_by_name(conn, agency) or organizations.create(conn, agency)
    rnd = rounds.create(conn, org.id, instrument, name, date(end.year, 1, 1), end)
    team = [
        rounds.add_respondent(conn, rnd.id, f"Person {i + 1}", "clinical_staff")
        for i in range(people)
    ]
    return rnd, team
