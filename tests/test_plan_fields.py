"""The action plan's implementation fields (AHRQ: target population, supports and resources,
care-team roles, training; the measurement plan is the measure fields): stored, migrated from a
version-2 data file without losing a value, carried forward, exported, redacted roles only,
imported from files with and without them, and printed in the action plan PDF."""

from __future__ import annotations

import copy
import io
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.instrument import Instrument
from app.core.instrument_loader import load_instrument
from app.core.models import IMPLEMENTATION_FIELDS, utc_now
from app.db import action_plans, migrations, responses, rounds
from app.db.connection import open_database
from app.exchange.export import Privacy, export_round, pack, round_document
from app.exchange.importer import import_bytes
from app.reports.labels import t
from app.reports.outputs import build_action_plan_pdf
from tests.helpers import make_round

FIXTURES = Path(__file__).parent / "fixtures"
VALUES = {
    "target_population": "Adults with diabetes; Jordan Kim's panel first",
    "supports": "Goal-setting worksheet, group visits",
    "team_roles": "Nurse sets goals; Jordan follows up",
    "training": "Two hours of motivational interviewing",
}


@pytest.fixture
def mini() -> Instrument:
    return load_instrument(FIXTURES / "mini.json")


def _priority_with_fields(conn: sqlite3.Connection, round_id: int, mini: Instrument) -> int:
    domain = mini.domains[0].id
    p = action_plans.create_priority(conn, round_id, "domain", domain, goal="Better plans")
    action_plans.update_priority(conn, p.id, **VALUES)
    return p.id


def test_fields_are_stored_logged_and_checked(mini: Instrument) -> None:
    conn = open_database(":memory:")
    rnd, _ = make_round(conn, mini)
    pid = _priority_with_fields(conn, rnd.id, mini)
    stored = action_plans.get_priority(conn, pid)
    assert {k: getattr(stored, k) for k in IMPLEMENTATION_FIELDS} == VALUES
    logged = conn.execute(
        "SELECT detail FROM change_log WHERE entity = 'priority' ORDER BY id DESC LIMIT 1"
    ).fetchone()[0]
    assert all(key in logged for key in IMPLEMENTATION_FIELDS), logged
    with pytest.raises(Exception, match="The training needed"):
        action_plans.update_priority(conn, pid, training="x" * 30000)
    assert action_plans.get_priority(conn, pid).training == VALUES["training"]
    conn.close()


def test_carry_forward_keeps_them(mini: Instrument) -> None:
    conn = open_database(":memory:")
    rnd, _ = make_round(conn, mini)
    _priority_with_fields(conn, rnd.id, mini)
    later = rounds.create(
        conn, rnd.organization_id, mini, "Autumn", date(2026, 4, 1), date(2026, 9, 30)
    )
    (carried,) = action_plans.carry_forward(conn, rnd.id, later.id)
    assert {k: getattr(carried, k) for k in IMPLEMENTATION_FIELDS} == VALUES
    conn.close()


def test_a_version_2_file_with_priorities_migrates_and_keeps_every_value(
    tmp_path: Path, mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    with monkeypatch.context() as m:  # today's schema: version 2
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
        m.setattr(migrations, "SCHEMA_VERSION", 2)
        conn = open_database(path)
        rnd, team = make_round(conn, mini, 2)
        responses.save_answer(conn, team[0].id, mini.items[0].id, "3")
        for n, (kind, scope) in enumerate(
            [("domain", mini.domains[0].id), ("item", mini.items[1].id)]
        ):
            conn.execute(
                "INSERT INTO priorities (uuid, round_id, scope_kind, scope_id, goal, owner,"
                " start_date, due_date, measure_how, measure_who, measure_frequency, status,"
                " carried_from_uuid, created_at, updated_at) VALUES"
                " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                (
                    f"00000000-0000-4000-8000-00000000000{n}",
                    rnd.id,
                    kind,
                    scope,
                    f"Goal {n} «ñ»",
                    f"Owner {n}",
                    "2026-05-01",
                    "2026-09-30" if n else None,
                    "Chart audit",
                    "QI lead",
                    "Monthly",
                    "in_progress" if n else "planned",
                    "2026-04-01T00:00:00Z",
                    "2026-04-02T00:00:00Z",
                ),
            )
        conn.commit()
        before = [dict(r) for r in conn.execute("SELECT * FROM priorities ORDER BY id")]
        assert migrations.schema_version(conn) == 2
        conn.close()
    conn = open_database(path)
    assert migrations.schema_version(conn) == migrations.SCHEMA_VERSION
    after = [dict(r) for r in conn.execute("SELECT * FROM priorities ORDER BY id")]
    assert [{k: r[k] for k in before[0]} for r in after] == before
    assert all(r[k] == "" for r in after for k in IMPLEMENTATION_FIELDS)
    plans = action_plans.priorities_for_round(conn, rnd.id)
    assert [p.goal for p in plans] == ["Goal 0 «ñ»", "Goal 1 «ñ»"]
    assert responses.choices_for_respondent(conn, team[0].id) == {mini.items[0].id: "3"}
    conn.close()


def test_export_import_round_trip_and_roles_only_redaction(mini: Instrument) -> None:
    conn = open_database(":memory:")
    rnd, team = make_round(conn, mini, 1)
    rounds.update_respondent(conn, team[0].id, display_name="Jordan Kim", role="clinical_staff")
    _priority_with_fields(conn, rnd.id, mini)
    full = round_document(conn, rnd.id, Privacy(names=True))
    (priority,) = full["action_plan"]["priorities"]
    assert {k: priority[k] for k in IMPLEMENTATION_FIELDS} == VALUES
    # roles only: a name typed into these fields leaves as the person's role
    (redacted,) = round_document(conn, rnd.id, Privacy())["action_plan"]["priorities"]
    assert "Jordan" not in redacted["target_population"] + redacted["team_roles"]
    assert redacted["team_roles"] == "Nurse sets goals; Clinical staff follows up"
    # into another data file and out again: nothing lost
    target = open_database(":memory:")
    data = export_round(conn, rnd.id, privacy=Privacy(names=True), with_pdf=False)
    report = import_bytes(target, data, "a.smsoat")
    assert report.round_id is not None
    (imported,) = action_plans.priorities_for_round(target, report.round_id)
    assert {k: getattr(imported, k) for k in IMPLEMENTATION_FIELDS} == VALUES
    again = round_document(target, report.round_id, Privacy(names=True))
    assert again["action_plan"] == full["action_plan"]
    # a roles-only revision sent back keeps the names stored here
    action_plans.update_priority(target, imported.id, goal="Better plans, revised")
    back = export_round(target, report.round_id, with_pdf=False)
    assert import_bytes(conn, back, "back.smsoat").status == "revision"
    (kept,) = action_plans.priorities_for_round(conn, rnd.id)
    assert kept.goal == "Better plans, revised" and kept.team_roles == VALUES["team_roles"]
    target.close()
    conn.close()


def test_a_file_from_before_the_fields_still_imports(mini: Instrument) -> None:
    conn = open_database(":memory:")
    rnd, _ = make_round(conn, mini, 1)
    _priority_with_fields(conn, rnd.id, mini)
    document = round_document(conn, rnd.id, Privacy())
    older = copy.deepcopy(document)
    for key in IMPLEMENTATION_FIELDS:
        del older["action_plan"]["priorities"][0][key]
    fresh = open_database(":memory:")
    report = import_bytes(fresh, pack(older, mini, Privacy()), "old.smsoat")
    assert report.written and report.round_id is not None
    (imported,) = action_plans.priorities_for_round(fresh, report.round_id)
    assert imported.goal == "Better plans"
    assert all(getattr(imported, k) == "" for k in IMPLEMENTATION_FIELDS)
    # the same older file as a revision here withholds the fields: the stored text stays
    older["action_plan"]["priorities"][0]["goal"] = "Revised elsewhere"
    older["action_plan"]["priorities"][0]["updated_at"] = utc_now()
    assert import_bytes(conn, pack(older, mini, Privacy()), "old.smsoat").status == "revision"
    (kept,) = action_plans.priorities_for_round(conn, rnd.id)
    assert kept.goal == "Revised elsewhere"
    assert {k: getattr(kept, k) for k in IMPLEMENTATION_FIELDS} == VALUES
    # a wrong type in an optional field is still refused with its place
    bad = copy.deepcopy(document)
    bad["action_plan"]["priorities"][0]["training"] = 5
    refused = import_bytes(open_database(":memory:"), pack(bad, mini, Privacy()), "bad.smsoat")
    assert not refused.written and refused.error is not None
    assert "priorities[0].training" in str(refused.error)
    fresh.close()
    conn.close()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_action_plan_pdf_prints_them(mini: Instrument, lang: str) -> None:
    conn = open_database(":memory:")
    rnd, _ = make_round(conn, mini, 1)
    _priority_with_fields(conn, rnd.id, mini)
    pdf = build_action_plan_pdf(conn, rnd.id, lang=lang)
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert t(lang, "implementation") in text
    for key, value in VALUES.items():
        assert t(lang, key) in text
        assert value in text.replace("’", "'")
    conn.close()
