"""What a person can type is what the importer accepts: visible names, believable periods.

The importer refuses a name of only invisible characters and a review period more than a year
ahead (app/exchange/validate.py); entry let both through, so the agency's export would then be
refused at the state.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from app.core.errors import ValidationError
from app.core.instrument import Instrument
from app.core.limits import MAX_PERIOD_AHEAD
from app.db import organizations, rounds

INVISIBLE = ["\u200b\u200b", " \u200d ", "\u2060", "\u200e\u200f", "   "]


@pytest.mark.parametrize("name", INVISIBLE)
def test_names_need_a_visible_character(
    conn: sqlite3.Connection, mini: Instrument, name: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        organizations.create(conn, name)
    assert caught.value.code == "agency_name"
    org = organizations.create(conn, "Riverbend")
    with pytest.raises(ValidationError) as caught:
        rounds.create(conn, org.id, mini, name, date(2026, 1, 1), date(2026, 3, 31))
    assert caught.value.code == "round_name"
    rnd = rounds.create(conn, org.id, mini, "Spring", date(2026, 1, 1), date(2026, 3, 31))
    with pytest.raises(ValidationError) as caught:
        rounds.add_respondent(conn, rnd.id, name, "clinical_staff")
    assert caught.value.code == "member_name"
    person = rounds.add_respondent(conn, rnd.id, "Ana", "clinical_staff")
    with pytest.raises(ValidationError):
        rounds.update_respondent(conn, person.id, display_name=name, role="clinical_staff")
    assert [r.display_name for r in rounds.respondents(conn, rnd.id)] == ["Ana"]


def test_periods_the_importer_would_refuse_are_refused(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    org = organizations.create(conn, "Riverbend")
    today = date.today()
    latest = today + MAX_PERIOD_AHEAD
    rounds.create(conn, org.id, mini, "Ahead", today, latest)  # the edge is allowed
    with pytest.raises(ValidationError) as caught:
        rounds.create(conn, org.id, mini, "Typo", today, latest + timedelta(days=1))
    assert caught.value.code == "period_too_late"
    with pytest.raises(ValidationError) as caught:
        rounds.create(conn, org.id, mini, "2099", date(2099, 1, 1), date(2099, 3, 31))
    assert caught.value.code == "period_too_late"
    with pytest.raises(ValidationError) as caught:
        rounds.create(conn, org.id, mini, "1926", date(1926, 1, 1), date(1926, 3, 31))
    assert caught.value.code == "period_too_early"
    with pytest.raises(ValidationError) as caught:
        rounds.create(conn, org.id, mini, "Reversed", date(2026, 3, 1), date(2026, 1, 1))
    assert caught.value.code == "period_reversed"
    assert [r.name for r in rounds.list_for_organization(conn, org.id)] == ["Ahead"]
