"""A round and its people as the screens see them: read the round, add, edit, withdraw and
reinstate team members, count their answers, open or close the round.

Each write is one transaction with its change-log entry (app/db/rounds.py); screens call these
names instead of the repository, and a round's details come with the instrument it was started
with (its stored snapshot), never the catalog's current version.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, NamedTuple

from app.core.models import Organization, Respondent, Round
from app.db import organizations
from app.db.rounds import (
    add_respondent,
    answer_count,
    deletion_impact,
    get,
    get_respondent,
    instrument_for,
    list_all,
    reinstate_respondent,
    respondents,
    set_status,
    update_respondent,
    withdraw_respondent,
    withdrawn_respondents,
)

if TYPE_CHECKING:  # the instrument module stays off the home window's start (docs/startup.md)
    from app.core.instrument import Instrument

__all__ = [
    "RoundDetails",
    "add_respondent",
    "answer_count",
    "deletion_impact",
    "details",
    "get",
    "get_respondent",
    "instrument_for",
    "list_all",
    "reinstate_respondent",
    "respondents",
    "set_status",
    "update_respondent",
    "withdraw_respondent",
    "withdrawn_with_answers",
]


class RoundDetails(NamedTuple):
    """A round with its agency and the instrument version it was started with."""

    round: Round
    organization: Organization
    instrument: Instrument


def details(conn: sqlite3.Connection, round_id: int) -> RoundDetails:
    """The round, its agency and its instrument, for a page's title and description."""
    rnd = get(conn, round_id)
    return RoundDetails(
        rnd, organizations.get(conn, rnd.organization_id), instrument_for(conn, rnd)
    )


def withdrawn_with_answers(conn: sqlite3.Connection, round_id: int) -> list[tuple[Respondent, int]]:
    """The withdrawn people of a round, each with how many answers are kept for them."""
    return [(p, answer_count(conn, p.id)) for p in withdrawn_respondents(conn, round_id)]
