"""Private until the meeting, below the window: the rule, the CLI's refusals, PINs, migration."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import NotFoundError, ValidationError
from app.core.instrument import Instrument
from app.db import instrument_snapshots, migrations, organizations, responses, rounds
from app.db.connection import open_database
from app.services import privacy
from app.services.rollup import compute_rollup
from app.services.round_history import round_history
from app.services.round_setup import start_round


def _private_round(conn: sqlite3.Connection, mini: Instrument) -> tuple[int, int, int]:
    org = organizations.create(conn, "Agency")
    rnd = start_round(conn, org.id, mini, "Spring", date(2026, 1, 1), date(2026, 3, 31)).round
    ana = rounds.add_respondent(conn, rnd.id, "Ana", "clinical_staff")
    ben = rounds.add_respondent(conn, rnd.id, "Ben", "clinical_staff")
    for item in mini.items:
        responses.save_answer(conn, ana.id, item.id, "3")
    return rnd.id, ana.id, ben.id


def test_new_rounds_are_private_and_open_only_when_finished_or_early(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    round_id, _ana, ben = _private_round(conn, mini)
    assert privacy.is_private(conn, round_id) and privacy.results_closed(conn, round_id)
    # a private round stays out of the state roll-up and rounds over time until opened
    with pytest.raises(NotFoundError):
        compute_rollup(conn, mini.id)
    org = rounds.get(conn, round_id).organization_id
    assert round_history(conn, org, mini.id) == []
    with pytest.raises(ValidationError, match="Not everyone counted has finished"):
        privacy.open_results(conn, round_id, actor="Fay")
    assert privacy.results_closed(conn, round_id)
    for item in mini.items:
        responses.save_answer(conn, ben, item.id, "2")
    privacy.open_results(conn, round_id, actor="Fay")  # everyone finished: no --early needed
    assert not privacy.results_closed(conn, round_id)
    assert len(round_history(conn, org, mini.id)) == 1


def test_pins_are_salted_hashes_and_resettable(conn: sqlite3.Connection, mini: Instrument) -> None:
    _round_id, ana, ben = _private_round(conn, mini)
    with pytest.raises(ValidationError, match="4 to 12 digits"):
        privacy.set_pin(conn, ana, "12a", actor="Ana")
    privacy.set_pin(conn, ana, "2468", actor="Ana")
    privacy.set_pin(conn, ben, "2468", actor="Ben")
    hashes = [r[0] for r in conn.execute("SELECT pin_hash FROM respondents ORDER BY id")]
    assert hashes[0] != hashes[1] and all("2468" not in h for h in hashes)  # salted
    assert privacy.check_pin(conn, ana, "2468") and not privacy.check_pin(conn, ana, "1357")
    privacy.reset_pin(conn, ana, actor="Fay")
    assert not privacy.has_pin(conn, ana) and privacy.check_pin(conn, ana, "")


def test_pins_work_without_openssl_and_match_the_hashes_stored_before(
    conn: sqlite3.Connection, mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The installed app carries no OpenSSL, so no hashlib.scrypt: setting a PIN there raised
    # AttributeError. libsodium's scrypt gives the very hashes OpenSSL's gave.
    import hashlib

    _round_id, ana, _ben = _private_round(conn, mini)
    salt = bytes(range(16))
    before = hashlib.scrypt(b"2468", salt=salt, n=2**14, r=8, p=1, dklen=32)
    stored = f"scrypt${salt.hex()}${before.hex()}"
    conn.execute("UPDATE respondents SET pin_hash = ? WHERE id = ?", (stored, ana))
    monkeypatch.delattr(hashlib, "scrypt")
    assert privacy.check_pin(conn, ana, "2468") and not privacy.check_pin(conn, ana, "2469")
    privacy.set_pin(conn, ana, "1357", actor="Ana")
    assert privacy.check_pin(conn, ana, "1357")


def test_cli_refuses_scores_until_results_open(
    capsys: pytest.CaptureFixture[str], db_path: Path, mini: Instrument, tmp_path: Path
) -> None:
    db_path.parent.mkdir(parents=True)
    conn = open_database(db_path)
    round_id, _ana, _ben = _private_round(conn, mini)
    conn.close()
    db = ["--db", str(db_path)]
    refusals = [
        ["score", str(round_id)],
        ["report", "scorecard", str(round_id), "-o", str(tmp_path / "s.pdf")],
        ["report", "respondent", str(round_id), "1", "-o", str(tmp_path / "r.pdf")],
        ["export", str(round_id), "-o", str(tmp_path / "x.smsoat")],
    ]
    for argv in refusals:
        assert main([*db, *argv]) == 2, argv
        _out, err = capsys.readouterr()
        assert err.count("\n") == 1 and "stay private until the facilitator opens" in err, argv
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.smsoat"))
    assert main([*db, "history", str(round_id), "--json"]) == 0
    data = json.loads(capsys.readouterr()[0])
    assert data["answers_hidden"] and {
        c["new"] for c in data["changes"] if c["kind"] == "answer"
    } == {"•••"}
    assert main([*db, "open-results", str(round_id), "--as", "Fay"]) == 2
    assert "Not everyone counted" in capsys.readouterr()[1]
    assert main([*db, "open-results", str(round_id), "--as", "Fay", "--early"]) == 0
    capsys.readouterr()
    assert main([*db, "score", str(round_id), "--json"]) == 0
    assert json.loads(capsys.readouterr()[0])["respondents"]


def test_existing_rounds_migrate_as_not_private(
    tmp_path: Path, mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database at version 2 (today's schema) with a round: after migrating, still open."""
    path = tmp_path / "old.sqlite3"
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
        m.setattr(migrations, "SCHEMA_VERSION", 2)
        old = open_database(path)
        org = organizations.create(old, "Agency")
        instrument_snapshots.store(old, mini)
        old.execute(
            "INSERT INTO rounds (uuid, organization_id, instrument_id, instrument_version,"
            " instrument_hash, name, period_start, period_end, created_at, updated_at)"
            " VALUES ('r-1', ?, ?, ?, ?, 'Old', '2026-01-01', '2026-03-31', 'x', 'x')",
            (org.id, mini.id, mini.version, mini.content_hash),
        )
        round_id = old.execute("SELECT id FROM rounds").fetchone()[0]
        person = rounds.add_respondent(old, round_id, "Ana", "clinical_staff")
        responses.save_answer(old, person.id, mini.items[0].id, "3")
        assert migrations.schema_version(old) == 2
        old.close()
    conn = open_database(path)
    assert migrations.schema_version(conn) == migrations.SCHEMA_VERSION
    assert not privacy.is_private(conn, round_id) and not privacy.results_closed(conn, round_id)
    assert responses.choices_for_respondent(conn, person.id) == {mini.items[0].id: "3"}
    assert not privacy.has_pin(conn, person.id)
    conn.close()


def test_privacy_can_be_set_on_an_existing_round_and_is_logged(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    org = organizations.create(conn, "Agency")
    rnd = rounds.create(conn, org.id, mini, "Old", date(2026, 1, 1), date(2026, 3, 31))
    assert not privacy.results_closed(conn, rnd.id)
    privacy.set_private(conn, rnd.id, True, actor="Fay")
    assert privacy.results_closed(conn, rnd.id)
    with pytest.raises(privacy.ResultsClosed, match="stay private"):
        privacy.require_open(conn, rnd.id)
    from app.services.change_history import changes

    assert [(c.actor, c.field, c.new) for c in changes(conn, rnd.id, kind="results")] == [
        ("Fay", "privacy", "private until opened")
    ]


def test_cli_make_private_then_open(
    capsys: pytest.CaptureFixture[str], db_path: Path, mini: Instrument
) -> None:
    db_path.parent.mkdir(parents=True)
    conn = open_database(db_path)
    org = organizations.create(conn, "Agency")
    rnd = rounds.create(conn, org.id, mini, "Old", date(2026, 1, 1), date(2026, 3, 31))
    conn.close()
    db = ["--db", str(db_path)]
    assert main([*db, "make-private", str(rnd.id), "--as", "Fay"]) == 0
    capsys.readouterr()
    assert main([*db, "score", str(rnd.id)]) == 2
    assert "stay private" in capsys.readouterr()[1]
    assert main([*db, "open-results", str(rnd.id), "--as", "Fay", "--early"]) == 0
    assert main([*db, "make-private", str(rnd.id), "--as", "Fay"]) == 2
    _out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "already opened" in err
