"""One team member's own scores, as the finish screen shows them right after the last answer.

Read in one place so the screen never reaches into storage: the person, their round, the
instrument that round was answered with, and the scorecard of their answers alone.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from app.core.instrument import Instrument
from app.core.models import Respondent, Round
from app.core.scoring import Scorecard, score_answers
from app.db import responses, rounds


class PersonalScores(NamedTuple):
    """One person's own answers and scores, for *This person's scores* and their PDF copy."""

    person: Respondent
    round: Round
    instrument: Instrument
    choices: dict[str, str]  # item id -> answer code, for the items answered so far
    card: Scorecard


def personal_scores(conn: sqlite3.Connection, respondent_id: int) -> PersonalScores:
    """The scores of one person's own answers (NotFoundError when there is no such person)."""
    person = rounds.get_respondent(conn, respondent_id)
    rnd = rounds.get(conn, person.round_id)
    instrument = rounds.instrument_for(conn, rnd)
    choices = dict(responses.choices_for_respondent(conn, respondent_id))
    return PersonalScores(person, rnd, instrument, choices, score_answers(instrument, choices))
