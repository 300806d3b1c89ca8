"""The fast answer check accepts any valid timestamp (real files give each answer its own), and
every bad one still takes the slow path that names the answer and the problem."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from app.core.instrument import Instrument
from app.db.connection import open_database
from app.exchange.export import Privacy, round_document
from app.exchange.validate import check_round
from tests.test_exchange import filled_round

LATER = "an hour after the file was made"  # filled in by the test: it depends on the clock


def _made() -> datetime:
    """When the file was made: just now (the round's own stamps are from when it was built)."""
    return datetime.now(UTC) + timedelta(minutes=5)


@pytest.fixture
def document(mini: Instrument) -> dict[str, Any]:
    conn = open_database(":memory:")
    rnd = filled_round(conn, mini, end=date(2026, 3, 31))
    doc = round_document(conn, rnd.id, Privacy(names=False, comments=False))
    conn.close()
    return doc


def _answers(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for person in doc["respondents"] for a in person["answers"].values()]


def test_every_answer_with_its_own_valid_moment_passes(
    document: dict[str, Any], mini: Instrument
) -> None:
    doc = copy.deepcopy(document)
    made = _made()
    for n, answer in enumerate(_answers(doc)):
        answer["updated_at"] = (made - timedelta(days=1, seconds=n)).isoformat()
    assert len(_answers(doc)) > 3
    assert check_round(doc, mini, False, False, created_at=made, now=made) == []


@pytest.mark.parametrize(
    ("stamp", "words"),
    [
        (LATER, "later than the file was made"),
        ("1999-12-31T23:59:59+00:00", "before 2000-01-01"),
        ("9999-12-31T23:59:59-23:59", "outside the calendar"),
        ("yesterday at noon", "expected an ISO 8601 timestamp"),
        ("2026-03-01T12:00:00.000000000000000000+00:00", "expected an ISO 8601 timestamp"),
    ],
)
def test_a_bad_answer_moment_is_named(
    document: dict[str, Any], mini: Instrument, stamp: str, words: str
) -> None:
    doc = copy.deepcopy(document)
    made = _made()
    if stamp == LATER:
        stamp = (made + timedelta(hours=1)).isoformat()
    person = doc["respondents"][-1]
    item_id = list(person["answers"])[-1]
    person["answers"][item_id]["updated_at"] = stamp
    problems = check_round(doc, mini, False, False, created_at=made, now=made)
    where = f"respondents[{len(doc['respondents']) - 1}].answers[{item_id!r}].updated_at"
    assert any(p.startswith(where) and words in p for p in problems), problems
