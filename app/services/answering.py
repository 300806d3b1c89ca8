"""One person giving answers, on screen or from paper: the rating screens' door to storage.

Each answer is its own committed transaction with a change-log entry (app/db/responses.py); this
module gathers what a rating screen needs to open a person's form and names the few writes it
makes, so screens never reach the repositories themselves.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from app.core.instrument import Instrument
from app.core.models import Answer, Respondent, Round
from app.db import responses, rounds
from app.db.responses import clear_answer, save_answer

__all__ = ["RaterForm", "clear_answer", "open_form", "remember_position", "save_answer"]


class RaterForm(NamedTuple):
    """A person's form as a rating screen opens it: who, which round, its instrument, answers."""

    person: Respondent
    round: Round
    instrument: Instrument
    answers: dict[str, Answer]


def open_form(conn: sqlite3.Connection, respondent_id: int) -> RaterForm:
    """Everything a rating screen (or paper mode) shows for one person, read in one place."""
    person = rounds.get_respondent(conn, respondent_id)
    rnd = rounds.get(conn, person.round_id)
    return RaterForm(
        person,
        rnd,
        rounds.instrument_for(conn, rnd),
        responses.answers_for_respondent(conn, respondent_id),
    )


def remember_position(conn: sqlite3.Connection, respondent_id: int, item_id: str | None) -> None:
    """Where this person is in the walkthrough, so they resume exactly there."""
    rounds.set_position(conn, respondent_id, item_id)
