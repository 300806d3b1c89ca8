"""When an agency's next round is due: the date arithmetic, and the home page's lean reading.

The home page shows this at start, so this module stays light: no dataclasses, no JSON parsing
in Python (the start of the home window must not import them, tests/test_architecture.py). The
instrument's interval is read from its stored snapshot with SQLite's json_extract.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Literal, NamedTuple

from app.db import agency_links

DEFAULT_REPEAT_MONTHS = 6  # as app.core.instrument_loader: the SMS OAT's interval
DUE_SOON_DAYS = 30
DueStatus = Literal["never", "overdue", "due", "ok"]


def days_in_month(year: int, month: int) -> int:
    """`calendar.monthrange(year, month)[1]` without importing calendar (and locale) at start."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day (31 Aug + 6 months = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, days_in_month(year, month)))


def status_on(next_due: date | None, today: date) -> DueStatus:
    """Overdue, due soon, up to date or never reported, on `today`."""
    if next_due is None:
        return "never"
    if next_due < today:
        return "overdue"
    if next_due <= today + timedelta(days=DUE_SOON_DAYS):
        return "due"
    return "ok"


class NextDue(NamedTuple):
    """The next due date of one instrument for the agency's home page."""

    instrument_id: str
    next_due: date
    status: DueStatus


def next_due_dates(conn: sqlite3.Connection, org_id: int, today: date) -> list[NextDue]:
    """The agency's next round of each instrument it answered (linked records' rounds included),
    soonest first."""
    ids = agency_links.members(conn, agency_links.canonical_of(conn, org_id))
    marks = ",".join("?" * len(ids))
    newest: dict[str, tuple[str, int | None]] = {}
    for row in conn.execute(
        "SELECT r.instrument_id, r.period_end, json_extract(s.content, '$.repeat_months')"
        " FROM rounds r JOIN instrument_snapshots s ON s.hash = r.instrument_hash"
        f" WHERE r.organization_id IN ({marks}) ORDER BY r.period_end, r.id",
        ids,
    ):
        months = row[2] if isinstance(row[2], int) and row[2] > 0 else None
        newest[str(row[0])] = (str(row[1]), months)
    found = []
    for instrument_id, (end, months) in newest.items():
        due = add_months(date.fromisoformat(end), months or DEFAULT_REPEAT_MONTHS)
        found.append(NextDue(instrument_id, due, status_on(due, today)))
    return sorted(found, key=lambda n: n.next_due)
