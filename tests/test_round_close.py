"""What closing a round warns about: unfinished members and flagged items nobody agreed on."""

from __future__ import annotations

import sqlite3

from app.core.instrument import Instrument
from app.db import responses, rounds
from app.services.round_close import open_work
from app.services.team_review import team_review
from tests.helpers import make_round


def test_open_work_lists_unfinished_people_and_unagreed_flags(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    rnd, team = make_round(conn, mini, people=3)
    items = [i.id for i in mini.items]
    low = next(c.code for c in mini.scale.choices if c.kind == "score")
    for person in team[:2]:
        for item_id in items:
            responses.save_answer(conn, person.id, item_id, low)
    responses.save_answer(conn, team[2].id, items[0], low)  # the third stopped after one item
    work = open_work(conn, rnd.id)
    assert [(p.id, answered) for p, answered, _ in work.unfinished] == [(team[2].id, 1)]
    flagged = [r.item_id for r in team_review(conn, rnd.id).flagged]
    assert flagged and work.unagreed_flags == flagged  # all low, none agreed yet
    responses.save_consensus(conn, rnd.id, flagged[0], low, "agreed")
    rounds.withdraw_respondent(conn, team[2].id)  # a member who left is no open work
    work = open_work(conn, rnd.id)
    assert work.unfinished == [] and work.unagreed_flags == flagged[1:]
    assert work.empty == (not flagged[1:])
