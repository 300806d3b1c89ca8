"""The same text limits at entry as at import: what a person can type, the state can import.

The app exported files its own importer refused (an action-plan owner of 660 characters, names
over 500). The numbers live in app/core/limits.py; the repositories refuse longer text with a
ValidationError, and a round filled to every limit exports and imports cleanly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import ValidationError
from app.core.instrument import Instrument
from app.core.limits import MAX_LONG_TEXT, MAX_TEXT
from app.db import action_plans, organizations, responses, rounds
from app.db.connection import open_database
from app.exchange import format as exchange_format
from tests.helpers import make_round


def test_the_importer_uses_the_same_numbers() -> None:
    assert exchange_format.MAX_TEXT == MAX_TEXT == 500
    assert exchange_format.MAX_LONG_TEXT == MAX_LONG_TEXT == responses.MAX_COMMENT_CHARS


@pytest.fixture
def conn(db_path: Path) -> sqlite3.Connection:
    return open_database(db_path)


Entry = Callable[[sqlite3.Connection, Instrument, str], Any]


ENTRIES: dict[str, tuple[int, Entry]] = {
    "agency name": (MAX_TEXT, lambda c, i, t: organizations.create(c, t)),
    "agency site": (MAX_TEXT, lambda c, i, t: organizations.create(c, "A", site=t)),
    "agency region": (MAX_TEXT, lambda c, i, t: organizations.create(c, "A", region=t)),
    "state identifier": (
        MAX_TEXT,
        lambda c, i, t: organizations.create(c, "A", state_identifier=t),
    ),
    "agency rename": (
        MAX_TEXT,
        lambda c, i, t: organizations.update(c, organizations.create(c, "A").id, name=t),
    ),
    "round name": (MAX_TEXT, lambda c, i, t: make_round(c, i, name=t)),
    "team member": (
        MAX_TEXT,
        lambda c, i, t: rounds.add_respondent(c, make_round(c, i, people=0)[0].id, t, "other"),
    ),
    "team member rename": (
        MAX_TEXT,
        lambda c, i, t: rounds.update_respondent(
            c, make_round(c, i, people=1)[1][0].id, display_name=t, role="other"
        ),
    ),
    "priority owner": (
        MAX_TEXT,
        lambda c, i, t: action_plans.create_priority(
            c, make_round(c, i)[0].id, "domain", i.domains[0].id, owner=t
        ),
    ),
    "priority goal": (
        MAX_LONG_TEXT,
        lambda c, i, t: action_plans.create_priority(
            c, make_round(c, i)[0].id, "domain", i.domains[0].id, goal=t
        ),
    ),
    "PDSA plan": (
        MAX_LONG_TEXT,
        lambda c, i, t: action_plans.add_cycle(
            c,
            action_plans.create_priority(c, make_round(c, i)[0].id, "domain", i.domains[0].id).id,
            plan={"what": t},
        ),
    ),
    "PDSA notes": (
        MAX_LONG_TEXT,
        lambda c, i, t: action_plans.add_cycle(
            c,
            action_plans.create_priority(c, make_round(c, i)[0].id, "domain", i.domains[0].id).id,
            study_notes=t,
        ),
    ),
}


@pytest.mark.parametrize("field", list(ENTRIES))
def test_entry_refuses_one_character_more_than_import_takes(
    conn: sqlite3.Connection, mini: Instrument, field: str
) -> None:
    limit, enter = ENTRIES[field]
    with pytest.raises(ValidationError, match=f"up to {limit:,} characters"):
        enter(conn, mini, "x" * (limit + 1))
    assert "x" * limit not in "\n".join(conn.iterdump()), "the long text was not stored"
    enter(conn, mini, "y" * limit)  # exactly the limit is fine


def test_a_round_filled_to_every_limit_exports_and_imports(
    conn: sqlite3.Connection, mini: Instrument, tmp_path: Path
) -> None:
    from app.exchange.export import Privacy, export_round
    from app.exchange.importer import import_files

    org = organizations.create(
        conn,
        "A" * MAX_TEXT,
        site="S" * MAX_TEXT,
        region="R" * MAX_TEXT,
        state_identifier="I" * MAX_TEXT,
    )
    rnd = rounds.create(conn, org.id, mini, "N" * MAX_TEXT, *_period())
    person = rounds.add_respondent(conn, rnd.id, "P" * MAX_TEXT, "other")
    responses.save_answer(conn, person.id, mini.items[0].id, "3", comment="c" * MAX_LONG_TEXT)
    priority = action_plans.create_priority(
        conn, rnd.id, "domain", mini.domains[0].id, owner="O" * MAX_TEXT, goal="g" * MAX_LONG_TEXT
    )
    action_plans.add_cycle(conn, priority.id, plan={"what": "w" * MAX_LONG_TEXT})
    exported = tmp_path / "full.smsoat"
    exported.write_bytes(export_round(conn, rnd.id, privacy=Privacy(names=True, comments=True)))
    other = open_database(tmp_path / "other.sqlite3")
    [report] = import_files(other, [exported], [mini])
    assert not report.refused, report.reason
    assert report.written
    other.close()


def _period() -> tuple[Any, Any]:
    from datetime import date

    return date(2026, 1, 1), date(2026, 3, 31)


def test_the_gui_fields_stop_at_the_limits(qapp: object) -> None:
    from app.ui.dialogs import AgencyDialog, PersonDialog

    agency = AgencyDialog(None)
    for edit in (agency.name, agency.site, agency.region, agency.state_id):
        assert edit.maxLength() == MAX_TEXT
    person = PersonDialog(None)
    assert person.name.maxLength() == MAX_TEXT
    person.name.setText("z" * 700)
    assert len(person.name.text()) == MAX_TEXT
    agency.deleteLater()
    person.deleteLater()
