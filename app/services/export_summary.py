"""What an export would carry, counted for the export dialog before anything is written.

The dialog lists people, answers, comments (each with its own tick box), agreed answers and
priorities; these counts come from the same queries the export uses, through this one read.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from app.core.models import Organization, Respondent, Round
from app.db import action_plans, organizations, responses, rounds


class CommentRow(NamedTuple):
    """One comment a team member wrote on one item, as the export dialog lists it."""

    respondent_uuid: str
    name: str
    role: str
    item_id: str
    text: str


class ExportSummary(NamedTuple):
    """A round's counts and comments as an export would carry them."""

    round: Round
    organization: Organization
    people: int  # counted team members (withdrawn left out)
    withdrawn: int
    answers: int
    comments: list[CommentRow]
    everyone: list[Respondent]  # withdrawn included: their names are redacted too
    agreed: int
    priorities: int


def export_summary(conn: sqlite3.Connection, round_id: int) -> ExportSummary:
    """Everything the export dialog shows about a round before it is exported."""
    rnd = rounds.get(conn, round_id)
    people = rounds.respondents(conn, round_id)
    comments = responses.comments_for_round(conn, round_id)
    return ExportSummary(
        rnd,
        organizations.get(conn, rnd.organization_id),
        len(people),
        len(rounds.withdrawn_respondents(conn, round_id)),
        sum(len(a) for a in responses.choices_for_round(conn, round_id).values()),
        [
            CommentRow(person.uuid, person.display_name, person.role, item_id, text)
            for person in people
            for item_id, text in sorted(comments.get(person.id, {}).items())
        ],
        rounds.respondents(conn, round_id, include_withdrawn=True),
        sum(1 for c in responses.consensus_for_round(conn, round_id).values() if c.choice),
        len(action_plans.priorities_for_round(conn, round_id)),
    )
