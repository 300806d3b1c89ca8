"""Storage: schema versions, refusal of foreign and newer files, answers, the change log."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.core.errors import NewerDatabaseError, NotFoundError, StorageError, ValidationError
from app.core.instrument import Instrument
from app.db import changelog, instrument_snapshots, migrations, organizations, responses, rounds
from app.db.connection import APPLICATION_ID, backup_to, open_database
from tests.helpers import make_round


def test_new_file_gets_the_schema_and_pragmas(db_path: Path) -> None:
    conn = open_database(db_path)
    assert migrations.schema_version(conn) == migrations.SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()
    again = open_database(db_path)  # reopening is a no-op
    assert migrations.schema_version(again) == migrations.SCHEMA_VERSION
    again.close()


def test_newer_database_is_refused_and_left_alone(db_path: Path) -> None:
    open_database(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 5}")
    raw.commit()
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    raw = sqlite3.connect(db_path)
    raw.execute("CREATE TABLE notes (x)")
    raw.commit()
    raw.close()
    with pytest.raises(StorageError, match="another program"):
        open_database(db_path)


def test_not_a_database_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"This is a spreadsheet, honest." * 100)
    before = db_path.read_bytes()
    with pytest.raises(StorageError, match="damaged or is not an SMS OAT Studio data file"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_migration_copies_the_file_aside_first(
    db_path: Path, mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = open_database(db_path)
    make_round(conn, mini)
    conn.close()
    step = "ALTER TABLE organizations ADD COLUMN phone TEXT NOT NULL DEFAULT '';"
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.MIGRATIONS))
    upgraded = open_database(db_path)
    assert migrations.schema_version(upgraded) == migrations.SCHEMA_VERSION
    assert upgraded.execute("SELECT phone FROM organizations").fetchone()[0] == ""
    copies = list((db_path.parent / "backups").glob("*.before-v*.sqlite3"))
    assert len(copies) == 1
    old = sqlite3.connect(copies[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION - 1
    assert old.execute("SELECT count(*) FROM rounds").fetchone()[0] == 1
    old.close()
    upgraded.close()


def test_failed_migration_step_changes_nothing(
    db_path: Path, mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = open_database(db_path)
    make_round(conn, mini)
    conn.close()
    bad = "ALTER TABLE organizations ADD COLUMN a TEXT; SELECT * FROM no_such_table;"
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, bad])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.MIGRATIONS))
    with pytest.raises(StorageError):
        open_database(db_path)
    monkeypatch.undo()
    reopened = open_database(db_path)
    columns = [r[1] for r in reopened.execute("PRAGMA table_info(organizations)")]
    assert "a" not in columns
    assert reopened.execute("SELECT count(*) FROM rounds").fetchone()[0] == 1
    reopened.close()


def test_round_keeps_the_exact_instrument(conn: sqlite3.Connection, mini: Instrument) -> None:
    rnd, _ = make_round(conn, mini)
    assert (rnd.instrument_id, rnd.instrument_version) == ("mini", "1.0")
    assert rnd.instrument_hash == mini.content_hash
    instrument_snapshots._cache.clear()
    stored = rounds.instrument_for(conn, rnd)
    assert stored.content_hash == mini.content_hash
    assert [i.id for i in stored.items] == [i.id for i in mini.items]


def test_answers_are_validated_and_saved(conn: sqlite3.Connection, mini: Instrument) -> None:
    rnd, (ana, ben) = make_round(conn, mini)
    responses.save_answer(conn, ana.id, "1.1.1", "3")
    responses.save_answer(conn, ana.id, "1.1.1", comment="Only on weekdays & <evenings> 🙂")
    responses.save_answer(conn, ana.id, "2.1", "dk")
    saved = responses.answers_for_respondent(conn, ana.id)
    assert saved["1.1.1"].choice == "3"
    assert saved["1.1.1"].comment == "Only on weekdays & <evenings> 🙂"
    responses.save_answer(conn, ana.id, "1.1.1", None)  # clearing keeps the comment
    assert responses.answers_for_respondent(conn, ana.id)["1.1.1"].comment.startswith("Only")
    assert responses.choices_for_respondent(conn, ana.id) == {"2.1": "dk"}
    assert responses.choices_for_round(conn, rnd.id) == {ana.id: {"2.1": "dk"}, ben.id: {}}
    with pytest.raises(ValidationError, match="not an item"):
        responses.save_answer(conn, ana.id, "7.7", "1")
    with pytest.raises(ValidationError, match="not on its scale"):
        responses.save_answer(conn, ana.id, "2.2", "5")
    with pytest.raises(NotFoundError):
        responses.save_answer(conn, 9999, "2.2", "1")


def test_closed_round_refuses_answers_and_consensus(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    rnd, (ana, _) = make_round(conn, mini)
    responses.save_answer(conn, ana.id, "2.2", "2")
    rounds.set_status(conn, rnd.id, "closed")
    with pytest.raises(ValidationError, match="closed"):
        responses.save_answer(conn, ana.id, "2.2", "4")
    with pytest.raises(ValidationError, match="closed"):
        responses.save_consensus(conn, rnd.id, "2.2", "3", "agreed")
    assert responses.choices_for_respondent(conn, ana.id) == {"2.2": "2"}
    rounds.set_status(conn, rnd.id, "open")
    responses.save_consensus(conn, rnd.id, "2.2", "3", "We agreed: 3")
    assert responses.consensus_for_round(conn, rnd.id)["2.2"].rationale == "We agreed: 3"


def test_change_log_records_and_is_append_only(conn: sqlite3.Connection, mini: Instrument) -> None:
    rnd, (ana, _) = make_round(conn, mini)
    responses.save_answer(conn, ana.id, "2.2", "2")
    entries = changelog.entries(conn, rnd.uuid)
    assert [e["action"] for e in entries][-1] == "answer"
    assert entries[-1]["actor"] == "Person 1"
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM change_log")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE change_log SET actor = 'x'")


def test_respondent_with_answers_cannot_be_removed(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    rnd, (ana, ben) = make_round(conn, mini)
    responses.save_answer(conn, ana.id, "2.2", "2")
    with pytest.raises(ValidationError, match="cannot be removed"):
        rounds.remove_respondent(conn, ana.id)
    rounds.remove_respondent(conn, ben.id)
    assert [p.id for p in rounds.respondents(conn, rnd.id)] == [ana.id]
    with pytest.raises(ValidationError, match="Unknown role"):
        rounds.add_respondent(conn, rnd.id, "Zed", "boss")


def test_deleting_an_agency_names_what_goes(conn: sqlite3.Connection, mini: Instrument) -> None:
    rnd, (ana, ben) = make_round(conn, mini)
    responses.save_answer(conn, ana.id, "2.2", "2")
    responses.save_answer(conn, ben.id, "2.1", "1")
    impact = organizations.deletion_impact(conn, rnd.organization_id)
    assert (impact.rounds, impact.respondents, impact.answers) == (1, 2, 2)
    organizations.delete(conn, rnd.organization_id)
    assert conn.execute("SELECT count(*) FROM responses").fetchone()[0] == 0
    assert changelog.entries(conn)[-1]["action"] == "delete"


def test_previous_round_is_same_agency_and_instrument(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    first, _ = make_round(conn, mini, name="Fall", end=date(2025, 9, 30))
    second, _ = make_round(conn, mini, name="Spring", end=date(2026, 3, 31))
    other, _ = make_round(conn, mini, agency="Other Agency", end=date(2026, 1, 31))
    assert rounds.previous_round(conn, second) == first
    assert rounds.previous_round(conn, first) is None
    assert rounds.previous_round(conn, other) is None


def test_bad_round_values(conn: sqlite3.Connection, mini: Instrument) -> None:
    org = organizations.create(conn, "A")
    with pytest.raises(ValidationError, match="ends before it starts"):
        rounds.create(conn, org.id, mini, "R", date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(ValidationError, match="needs a name"):
        organizations.create(conn, "   ")
    with pytest.raises(NotFoundError):
        rounds.create(conn, 999, mini, "R", date(2026, 1, 1), date(2026, 2, 1))


def test_backup_is_a_consistent_copy(db_path: Path, mini: Instrument, tmp_path: Path) -> None:
    conn = open_database(db_path)
    _, (ana, _) = make_round(conn, mini)
    responses.save_answer(conn, ana.id, "2.2", "4")
    target = tmp_path / "copy.sqlite3"
    backup_to(conn, target)
    copy = open_database(target)
    assert responses.choices_for_respondent(copy, ana.id) == {"2.2": "4"}
    copy.close()
    conn.close()


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_snapshot_summaries_agree_with_the_loaded_instrument(
    conn: sqlite3.Connection,
    mini: Instrument,
    sms_oat: Instrument,
    primary_care: Instrument,
    lang: str,
) -> None:
    """The home screen counts items and names instruments with SQLite's JSON functions; they must
    say what the validating loader says (fr is not carried, so English is the fallback)."""
    for number, instrument in enumerate((mini, sms_oat, primary_care)):
        make_round(conn, instrument, agency=f"Agency {number}")
    found = instrument_snapshots.summaries(
        conn, {mini.content_hash, sms_oat.content_hash, primary_care.content_hash}, lang
    )
    for instrument in (mini, sms_oat, primary_care):
        summary = found[instrument.content_hash]
        assert summary.items == len(instrument.items) > 0
        assert summary.short_title == instrument.short_title.get(lang)
    assert sms_oat.short_title.get("es") != sms_oat.short_title.get("en")


def test_snapshot_summary_of_a_missing_snapshot_is_a_storage_error(
    conn: sqlite3.Connection,
) -> None:
    with pytest.raises(StorageError, match="missing"):
        instrument_snapshots.summaries(conn, {"0" * 64}, "en")


def test_rounds_overview_counts_who_finished(conn: sqlite3.Connection, mini: Instrument) -> None:
    from app.services.progress import rounds_overview

    rnd, (done, halfway) = make_round(conn, mini, people=2)
    first_choice = mini.scale.choices[0].code
    for item in mini.items:
        responses.save_answer(conn, done.id, item.id, first_choice)
    responses.save_answer(conn, halfway.id, mini.items[0].id, first_choice)
    (overview,) = rounds_overview(conn, rnd.organization_id, "en")
    assert (overview.respondents, overview.finished) == (2, 1)
    assert overview.instrument_title == mini.short_title.get("en")
