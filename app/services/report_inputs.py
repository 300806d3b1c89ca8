"""What each round report prints, read from the data file once, so report builders take data.

The builders in app/reports never open or query a connection (tests/test_architecture.py): the
one door, `app.reports.outputs`, gathers their inputs here and hands them over. A caller that
already has a round's scores (the export) passes them on instead of computing them twice.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from app.core.errors import NotFoundError
from app.core.instrument import Instrument
from app.core.models import Answer, Organization, Priority, Respondent, Round
from app.db import action_plans, organizations, responses, rounds
from app.services.priority_history import PriorityChain, chain, chains_for_round
from app.services.round_scores import RoundComments, RoundScores, round_comments, round_scores


class ScorecardInputs(NamedTuple):
    """A round's scores, its priorities' history and, when asked for, the team's comments."""

    scores: RoundScores
    chains: list[PriorityChain]
    comments: RoundComments | None


class ActionPlanInputs(NamedTuple):
    """A round's priorities, each with its carried-from history, and what heads the plan."""

    round: Round
    organization: Organization
    instrument: Instrument
    priorities: list[Priority]
    chains: dict[int, PriorityChain]  # by priority id


class RespondentInputs(NamedTuple):
    """One person's own answers with their round, agency and instrument."""

    round: Round
    person: Respondent
    organization: Organization
    instrument: Instrument
    answers: dict[str, Answer]


def scorecard_inputs(
    conn: sqlite3.Connection,
    round_id: int,
    *,
    comments: bool = False,
    scores: RoundScores | None = None,
) -> ScorecardInputs:
    """The scorecard's inputs; `scores` reuses scores the caller has already computed."""
    return ScorecardInputs(
        scores if scores is not None else round_scores(conn, round_id),
        chains_for_round(conn, round_id),
        round_comments(conn, round_id) if comments else None,
    )


def action_plan_inputs(conn: sqlite3.Connection, round_id: int) -> ActionPlanInputs:
    """The action plan's inputs."""
    rnd = rounds.get(conn, round_id)
    priorities = action_plans.priorities_for_round(conn, round_id)
    return ActionPlanInputs(
        rnd,
        organizations.get(conn, rnd.organization_id),
        rounds.instrument_for(conn, rnd),
        priorities,
        {p.id: chain(conn, p.id) for p in priorities},
    )


def respondent_inputs(
    conn: sqlite3.Connection, round_id: int, respondent_id: int
) -> RespondentInputs:
    """A person's copy's inputs; refused when the person is not part of the round."""
    rnd = rounds.get(conn, round_id)
    person = rounds.get_respondent(conn, respondent_id)
    if person.round_id != rnd.id:
        raise NotFoundError(f"Team member {respondent_id} is not part of round {round_id}.")
    return RespondentInputs(
        rnd,
        person,
        organizations.get(conn, rnd.organization_id),
        rounds.instrument_for(conn, rnd),
        responses.answers_for_respondent(conn, respondent_id),
    )
