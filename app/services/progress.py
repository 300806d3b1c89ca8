"""Who has answered how much: the home screen's and round setup's progress, computed in SQL.

Instrument item counts come from the stored snapshot of each round's instrument, so progress is
right even for rounds of an instrument version no longer installed; the home screen's overview
reads them with SQLite's JSON functions (`instrument_snapshots.summaries`) rather than loading
whole instruments at start-up.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from app.core.models import Respondent, Round
from app.db import instrument_snapshots, rounds


class PersonProgress(NamedTuple):
    """How far one person got in a round: items answered of the total."""

    respondent: Respondent
    answered: int
    total: int

    @property
    def finished(self) -> bool:
        return self.answered >= self.total

    @property
    def started(self) -> bool:
        return self.answered > 0


class RoundOverview(NamedTuple):
    """One round's line on Home: instrument, people and how many finished."""

    round: Round
    instrument_title: str
    respondents: int
    finished: int


def _answered_counts(conn: sqlite3.Connection, round_ids: list[int]) -> dict[int, int]:
    """{respondent_id: answers with a choice} for the given rounds."""
    if not round_ids:
        return {}
    marks = ",".join("?" * len(round_ids))
    rows = conn.execute(
        "SELECT p.id, count(a.choice) AS n FROM respondents p"
        " LEFT JOIN responses a ON a.respondent_id = p.id AND a.choice IS NOT NULL"
        f" WHERE p.round_id IN ({marks}) AND p.withdrawn_at IS NULL GROUP BY p.id",
        round_ids,
    )
    return {r["id"]: r["n"] for r in rows}


def team_progress(conn: sqlite3.Connection, round_id: int) -> list[PersonProgress]:
    """Every person's progress in a round, in the round's order."""
    rnd = rounds.get(conn, round_id)
    total = len(rounds.instrument_for(conn, rnd).items)
    counts = _answered_counts(conn, [round_id])
    return [
        PersonProgress(person, counts.get(person.id, 0), total)
        for person in rounds.respondents(conn, round_id)
    ]


def rounds_overview(
    conn: sqlite3.Connection, organization_id: int, lang: str = "en"
) -> list[RoundOverview]:
    """Every round of an agency, newest first, with how many of its team have finished."""
    found = list(reversed(rounds.list_for_organization(conn, organization_id)))
    counts = _answered_counts(conn, [r.id for r in found])
    summaries = instrument_snapshots.summaries(conn, {r.instrument_hash for r in found}, lang)
    people: dict[int, list[int]] = {}
    for row in conn.execute(
        # IN, not a join: SQLite then finds the team through respondents_by_round instead of
        # reading every respondent of every agency (tests/test_query_plans.py)
        "SELECT p.id, p.round_id FROM respondents p"
        " WHERE p.round_id IN (SELECT id FROM rounds WHERE organization_id = ?)"
        " AND p.withdrawn_at IS NULL",
        (organization_id,),
    ):
        people.setdefault(row["round_id"], []).append(row["id"])
    result = []
    for rnd in found:
        summary = summaries[rnd.instrument_hash]
        team = people.get(rnd.id, [])
        finished = sum(1 for pid in team if counts.get(pid, 0) >= summary.items)
        result.append(RoundOverview(rnd, summary.short_title, len(team), finished))
    return result
