"""Who is due for a round: each agency's next-due date from the instrument's repeat interval.

An agency's next round of an instrument is due `repeat_months` (from the instrument file; six for
the SMS OAT) after the end of the review period of its newest round of that instrument. On a given
day an agency is:

- `never`: it has no round of the instrument here;
- `overdue`: the due date has passed;
- `due`: the due date falls within the next DUE_SOON_DAYS days;
- `ok`: the due date is further away.

The interval is the one of the instrument version the newest round was answered with (a later
version may change it; the round keeps its own). Linked records (app/db/agency_links.py) count as
one agency, so a second laptop's empty record never shows as "never reported".
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from app.core.instrument import Instrument
from app.core.models import Organization, Round
from app.db import agency_links, instrument_snapshots, organizations, rounds
from app.services.next_due import DUE_SOON_DAYS, DueStatus, add_months, status_on

__all__ = ["DUE_SOON_DAYS", "DueEntry", "add_months", "due_list", "status_on"]

STATUS_ORDER: dict[str, int] = {"overdue": 0, "never": 1, "due": 2, "ok": 3}


@dataclass(frozen=True)
class DueEntry:
    """When an agency's next round of an instrument is due, from its last round."""

    organization: Organization  # the canonical record of the agency
    instrument_id: str
    last_round: Round | None
    repeat_months: int
    next_due: date | None
    status: DueStatus
    today: date  # the day the status was worked out for

    @property
    def days_left(self) -> int | None:
        """Days until the due date (negative when overdue), None when never reported."""
        return None if self.next_due is None else (self.next_due - self.today).days


def newest_rounds(conn: sqlite3.Connection, instrument_id: str) -> dict[int, Round]:
    """Each agency's (canonical id's) newest round of the instrument, by period end."""
    canon = agency_links.canonical_map(conn)
    newest: dict[int, int] = {}
    for row in conn.execute(
        "SELECT id, organization_id FROM rounds WHERE instrument_id = ? ORDER BY period_end, id",
        (instrument_id,),
    ):
        newest[canon.get(int(row[1]), int(row[1]))] = int(row[0])
    return {org: rounds.get(conn, rnd_id) for org, rnd_id in newest.items()}


def due_list(conn: sqlite3.Connection, instrument: Instrument, today: date) -> list[DueEntry]:
    """Every agency here (linked records once), most urgent first: overdue, never, due, ok."""
    canon = agency_links.canonical_map(conn)
    newest = newest_rounds(conn, instrument.id)
    entries: list[DueEntry] = []
    for org in organizations.list_all(conn):
        if org.id in canon:
            continue
        last = newest.get(org.id)
        months = (
            instrument_snapshots.load(conn, last.instrument_hash).repeat_months
            if last is not None
            else instrument.repeat_months
        )
        next_due = add_months(last.period_end, months) if last is not None else None
        entries.append(
            DueEntry(org, instrument.id, last, months, next_due, status_on(next_due, today), today)
        )
    entries.sort(
        key=lambda e: (
            STATUS_ORDER[e.status],
            e.next_due or date.min,
            e.organization.name.casefold(),
        )
    )
    return entries
