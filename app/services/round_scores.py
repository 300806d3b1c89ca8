"""Everything known about a round's scores, assembled once for the CLI, the GUI and the reports."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.core.instrument import Instrument
from app.core.models import Organization, Respondent, Round
from app.core.scoring import (
    ScopeChange,
    Scorecard,
    TeamSummary,
    compare_rounds,
    official_values,
    score_answers,
    team_summary,
)
from app.db import organizations, responses, rounds


@dataclass(frozen=True)
class RoundScores:
    organization: Organization
    round: Round
    instrument: Instrument
    respondents: list[Respondent]
    team: TeamSummary[int]
    consensus_choices: dict[str, str]
    consensus_rationales: dict[str, str]
    consensus: Scorecard | None
    previous_round: Round | None
    official: dict[str, float | None]
    previous_official: dict[str, float | None] | None
    changes: list[ScopeChange]

    @property
    def consensus_complete(self) -> bool:
        return all(item.id in self.consensus_choices for item in self.instrument.iter_items())

    @property
    def official_source(self) -> str:
        """'consensus' once every item has an agreed answer; until then 'team_mean'."""
        return "consensus" if self.consensus_complete else "team_mean"


def round_scores(conn: sqlite3.Connection, round_id: int) -> RoundScores:
    rnd = rounds.get(conn, round_id)
    org = organizations.get(conn, rnd.organization_id)
    instrument = rounds.instrument_for(conn, rnd)
    people = rounds.respondents(conn, round_id)
    team = team_summary(instrument, responses.choices_for_round(conn, round_id))
    consensus_rows = responses.consensus_for_round(conn, round_id)
    consensus_choices = {k: v.choice for k, v in consensus_rows.items() if v.choice is not None}
    rationales = {k: v.rationale for k, v in consensus_rows.items() if v.rationale}
    consensus = score_answers(instrument, consensus_choices) if consensus_choices else None
    complete = all(item.id in consensus_choices for item in instrument.iter_items())
    official = official_values(instrument, team, consensus, complete)
    previous = rounds.previous_round(conn, rnd)
    previous_official = None
    changes: list[ScopeChange] = []
    if previous is not None:
        previous_official, _ = official_for(conn, previous)
        changes = compare_rounds(instrument, previous_official, official)
    return RoundScores(
        organization=org,
        round=rnd,
        instrument=instrument,
        respondents=people,
        team=team,
        consensus_choices=consensus_choices,
        consensus_rationales=rationales,
        consensus=consensus,
        official=official,
        previous_round=previous,
        previous_official=previous_official,
        changes=changes,
    )


def official_for(conn: sqlite3.Connection, rnd: Round) -> tuple[dict[str, float | None], str]:
    """A round's official scores per scope and their source ('consensus' or 'team_mean')."""
    instrument = rounds.instrument_for(conn, rnd)
    team = team_summary(instrument, responses.choices_for_round(conn, rnd.id))
    agreed = {
        k: v.choice
        for k, v in responses.consensus_for_round(conn, rnd.id).items()
        if v.choice is not None
    }
    complete = all(item.id in agreed for item in instrument.iter_items())
    card = score_answers(instrument, agreed) if agreed else None
    source = "consensus" if complete else "team_mean"
    return official_values(instrument, team, card, complete), source
