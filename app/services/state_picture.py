"""Everything the coordinator view shows, read in one go off the GUI thread (issue 20).

At country scale (10,000 agencies, 100,000 rounds) the roll-up takes seconds; the coordinator page
therefore asks for the whole picture in a worker (app/ui/worker.py) and shows it when it arrives.
That includes what the "Who reported" table says of an agency that did not report in the period
(its latest round outside it), which the table used to read with one query per row on the GUI
thread.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from app.services.rollup import Rollup, compute_rollup


@dataclass(frozen=True)
class StatePicture:
    """The roll-up, and for each agency that did not report: its latest round's name and end."""

    rollup: Rollup
    latest: dict[int, tuple[str, date]] = field(default_factory=dict)


def state_picture(
    conn: sqlite3.Connection,
    instrument_id: str,
    *,
    since: date | None = None,
    until: date | None = None,
    groups: Mapping[str, str] | None = None,
) -> StatePicture:
    """The coordinator view's data for `instrument_id` over [since, until] in `groups`."""
    rollup = compute_rollup(conn, instrument_id, since=since, until=until, groups=groups)
    latest: dict[int, tuple[str, date]] = {}
    for org in rollup.not_reported:
        found = conn.execute(
            "SELECT name, period_end FROM rounds WHERE organization_id = ?"
            " AND instrument_id = ? ORDER BY period_end DESC, id DESC LIMIT 1",
            (org.id, instrument_id),
        ).fetchone()
        if found is not None:
            latest[org.id] = (found[0], date.fromisoformat(found[1]))
    return StatePicture(rollup, latest)
