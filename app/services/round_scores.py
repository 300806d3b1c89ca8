"""Everything known about a round's scores, assembled once for the CLI, the GUI and the reports."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.core.instrument import Instrument
from app.core.models import Organization, Respondent, Round
from app.core.scoring import (
    Comparison,
    RoundValues,
    ScopeChange,
    Scorecard,
    TeamSummary,
    compare_like_with_like,
    round_values,
    score_answers,
    team_summary,
)
from app.db import organizations, responses, rounds, sites


@dataclass(frozen=True)
class RoundScores:
    """Everything the reports, JSON and screens need about a round's scores, computed once."""

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
    comparison: Comparison | None = None
    site: str = ""  # the agency's site the round is for; "" for the whole agency

    @property
    def consensus_complete(self) -> bool:
        return all(item.id in self.consensus_choices for item in self.instrument.iter_items())

    @property
    def official_source(self) -> str:
        """'consensus' once every item has an agreed answer; until then 'team_mean'."""
        return "consensus" if self.consensus_complete else "team_mean"


def round_scores(conn: sqlite3.Connection, round_id: int) -> RoundScores:
    """The scores of a round: team, consensus, official values, people counted and comparison."""
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
    values = round_values(instrument, team, consensus, complete)
    official = dict(values.official)
    previous = rounds.previous_round(conn, rnd)
    previous_official = None
    changes: list[ScopeChange] = []
    comparison = None
    if previous is not None:
        before = values_for(conn, previous)
        previous_official = dict(before.official)
        comparison = compare_like_with_like(instrument, before, values)
        changes = comparison.changes
    site = sites.round_site(conn, round_id)
    return RoundScores(
        site=site.name if site else "",
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
        comparison=comparison,
    )


@dataclass(frozen=True)
class RoundComments:
    """Team members' comments on answers, for a report that includes them (off by default).

    `by_person`: {respondent id: {item id: comment}} of the members in the round (withdrawn ones
    are left out, as from every score). `everyone` includes withdrawn members too, so a roles-only
    report can take their names out of the text as well."""

    by_person: dict[int, dict[str, str]]
    everyone: list[Respondent]


def round_comments(conn: sqlite3.Connection, round_id: int) -> RoundComments:
    """Every comment of a round by person, with everyone who wrote one (withdrawn included)."""
    return RoundComments(
        responses.comments_for_round(conn, round_id),
        rounds.respondents(conn, round_id, include_withdrawn=True),
    )


def official_for(conn: sqlite3.Connection, rnd: Round) -> tuple[dict[str, float | None], str]:
    """A round's official scores per scope and their source ('consensus' or 'team_mean')."""
    values = values_for(conn, rnd)
    return dict(values.official), values.official_basis


def values_for(conn: sqlite3.Connection, rnd: Round) -> RoundValues:
    """A round's scores on each basis it has (team mean; consensus once complete)."""
    instrument = rounds.instrument_for(conn, rnd)
    team = team_summary(instrument, responses.choices_for_round(conn, rnd.id))
    agreed = {
        k: v.choice
        for k, v in responses.consensus_for_round(conn, rnd.id).items()
        if v.choice is not None
    }
    complete = all(item.id in agreed for item in instrument.iter_items())
    card = score_answers(instrument, agreed) if agreed else None
    return round_values(instrument, team, card, complete)
