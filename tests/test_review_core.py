"""Team-review building blocks below the GUI: priority suggestions, official scores, history."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from app.core.instrument import Instrument
from app.core.priorities import suggest_priorities
from app.core.scoring import OVERALL, team_summary
from app.db import responses
from app.services.round_history import round_history
from app.services.round_scores import round_scores
from tests.helpers import make_round


def test_suggestions_lowest_domains_then_flagged_items(mini: Instrument) -> None:
    team = team_summary(
        mini,
        {
            "a": {
                "1.1.1": "1",
                "1.1.2": "1",
                "1.2.1": "3",
                "1.2.2": "4",
                "1.2.3": "3",
                "2.1": "4",
                "2.2": "dk",
            },
            "b": {
                "1.1.1": "1",
                "1.1.2": "4",
                "1.2.1": "3",
                "1.2.2": "3",
                "1.2.3": "3",
                "2.1": "4",
                "2.2": "3",
            },
        },
    )
    got = suggest_priorities(mini, team, domains=2)
    assert [(s.scope_kind, s.scope_id) for s in got[:2]] == [("domain", "1.1"), ("domain", "1.2")]
    items = [(s.scope_id, s.reason) for s in got[2:]]
    assert items == [("1.1.1", "low"), ("1.1.2", "disagreement"), ("2.2", "dont_know")]


def _answer_all(conn: sqlite3.Connection, person: int, mini: Instrument, code: str) -> None:
    for item in mini.items:
        responses.save_answer(conn, person, item.id, code)


def test_history_and_comparison_use_official_scores(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    fall, (a1, b1) = make_round(conn, mini, name="Fall", end=date(2025, 9, 30))
    _answer_all(conn, a1.id, mini, "1")
    _answer_all(conn, b1.id, mini, "2")
    spring, (a2, _) = make_round(conn, mini, name="Spring", end=date(2026, 3, 31))
    _answer_all(conn, a2.id, mini, "2")
    for item in mini.items:  # the meeting agrees on 3 everywhere: consensus is now official
        responses.save_consensus(conn, spring.id, item.id, "3", "agreed")
    history = round_history(conn, fall.organization_id, "mini")
    assert [h.round.name for h in history] == ["Fall", "Spring"]
    assert history[0].source == "team_mean" and history[0].score() == pytest.approx(1.5)
    assert history[1].source == "consensus" and history[1].score() == pytest.approx(3.0)
    # Like with like: Fall has no consensus, so the change compares team means (2.0 − 1.5; the
    # second Spring member answered nothing and is not counted), not Spring's consensus.
    assert history[1].change[OVERALL] == pytest.approx(0.5) and history[0].change == {}
    assert history[1].band_id == "high"
    scores = round_scores(conn, spring.id)
    assert scores.official_source == "consensus" and scores.previous_round == fall
    overall = next(c for c in scores.changes if c.scope == OVERALL)
    assert overall.previous == pytest.approx(1.5) and overall.change == pytest.approx(0.5)
    assert scores.comparison is not None and scores.comparison.basis == "team_mean"


def test_history_of_round_names_the_round_and_its_instrument(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    from app.services.round_history import history_of_round

    first, _ = make_round(conn, mini, name="Fall", end=date(2025, 9, 30))
    second, _ = make_round(conn, mini, name="Spring", end=date(2026, 3, 31))
    rnd, instrument, entries = history_of_round(conn, second.id)
    assert (rnd.name, instrument.id) == ("Spring", "mini")
    assert entries == round_history(conn, first.organization_id, "mini")
    assert {e.round.id for e in entries} == {first.id, second.id}


def test_the_meeting_records_consensus_and_the_names_choice(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    from app.db import rounds
    from app.services.team_review import record_consensus, show_names

    rnd, _ = make_round(conn, mini)
    item = mini.items[0]
    record_consensus(conn, rnd.id, item.id, "3", "we agreed")
    stored = responses.consensus_for_round(conn, rnd.id)[item.id]
    assert (stored.choice, stored.rationale) == ("3", "we agreed")
    before = rounds.get(conn, rnd.id).show_names
    assert show_names(conn, rnd.id, not before).show_names is (not before)
    assert rounds.get(conn, rnd.id).show_names is (not before)


def test_personal_scores_are_one_persons_answers_alone(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    from app.core.errors import NotFoundError
    from app.core.scoring import score_answers
    from app.services.personal_scores import personal_scores

    rnd, (a, b) = make_round(conn, mini)
    for item in mini.items:
        responses.save_answer(conn, a.id, item.id, "4")
        responses.save_answer(conn, b.id, item.id, "1")
    mine = personal_scores(conn, a.id)
    assert (mine.person.id, mine.round.id, mine.instrument.id) == (a.id, rnd.id, "mini")
    assert mine.choices == {i.id: "4" for i in mini.items}
    assert mine.card == score_answers(mini, mine.choices)
    assert mine.card != personal_scores(conn, b.id).card
    with pytest.raises(NotFoundError):
        personal_scores(conn, 999)
