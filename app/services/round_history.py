"""Rounds over time: every round of one instrument for an agency, side by side, with the change
since the round before. Rounds answered with different versions of the instrument still line up
by domain id; a domain a version lacks shows no score there."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.core.models import Round
from app.core.scoring import OVERALL
from app.db import rounds
from app.services.round_scores import official_for


@dataclass(frozen=True)
class HistoryEntry:
    round: Round
    source: str  # "consensus" or "team_mean"
    scores: dict[str, float | None]
    band_id: str | None
    change: dict[str, float | None]  # vs the previous entry; empty for the first

    def score(self, scope: str = OVERALL) -> float | None:
        return self.scores.get(scope)


def round_history(
    conn: sqlite3.Connection, organization_id: int, instrument_id: str
) -> list[HistoryEntry]:
    chronological = [
        r
        for r in rounds.list_for_organization(conn, organization_id)
        if r.instrument_id == instrument_id
    ]
    history: list[HistoryEntry] = []
    for rnd in chronological:
        scores, source = official_for(conn, rnd)
        instrument = rounds.instrument_for(conn, rnd)
        band = instrument.band_for(scores.get(OVERALL))
        change: dict[str, float | None] = {}
        if history:
            before = history[-1].scores
            for scope, value in scores.items():
                old = before.get(scope)
                change[scope] = None if value is None or old is None else value - old
        history.append(HistoryEntry(rnd, source, scores, band.id if band else None, change))
    return history
