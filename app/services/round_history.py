"""Rounds over time: every round of one instrument for an agency, side by side, with the change
since the round before. Rounds answered with different versions of the instrument still line up
by domain id; a domain a version lacks shows no score there."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.core.instrument import Instrument
from app.core.models import Round
from app.core.scoring import OVERALL, Comparison, RoundValues, compare_like_with_like
from app.db import rounds
from app.services.privacy import results_closed
from app.services.round_scores import values_for


@dataclass(frozen=True)
class HistoryEntry:
    """One round of an agency in its history, with its scores and change since the one before."""

    round: Round
    source: str  # "consensus" or "team_mean"
    scores: dict[str, float | None]
    band_id: str | None
    change: dict[str, float | None]  # vs the previous entry, like with like; empty for the first
    comparison: Comparison | None = None  # the basis both sides of `change` are on, and why

    def score(self, scope: str = OVERALL) -> float | None:
        return self.scores.get(scope)


def round_history(
    conn: sqlite3.Connection, organization_id: int, instrument_id: str
) -> list[HistoryEntry]:
    """An agency's rounds of one instrument, oldest first, each compared like with like with the one
    before.
    """
    chronological = [
        r
        for r in rounds.list_for_organization(conn, organization_id)
        if r.instrument_id == instrument_id and not results_closed(conn, r.id)
    ]
    history: list[HistoryEntry] = []
    before: RoundValues | None = None
    for rnd in chronological:
        values = values_for(conn, rnd)
        scores = dict(values.official)
        instrument = rounds.instrument_for(conn, rnd)
        band = instrument.band_for(scores.get(OVERALL))
        change: dict[str, float | None] = {}
        comparison = None
        if before is not None:
            comparison = compare_like_with_like(instrument, before, values)
            change = {c.scope: c.change for c in comparison.changes}
        history.append(
            HistoryEntry(
                rnd, values.official_basis, scores, band.id if band else None, change, comparison
            )
        )
        before = values
    return history


def history_of_round(
    conn: sqlite3.Connection, round_id: int
) -> tuple[Round, Instrument, list[HistoryEntry]]:
    """The history `round_history` gives for the agency and instrument of one round, with that
    round and the instrument it was answered with (the screen lays its columns out by it)."""
    rnd = rounds.get(conn, round_id)
    entries = round_history(conn, rnd.organization_id, rnd.instrument_id)
    return rnd, rounds.instrument_for(conn, rnd), entries
