"""Issue 15/20: a batch import commits files in groups (reading ahead in child processes:
tests/test_reader_pool.py), yet every file stays all-or-nothing and nothing acknowledged
(reported through `on_progress`) is lost."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.core.errors import StorageError
from app.core.instrument import Instrument
from app.db import imports
from app.db.connection import open_database
from app.exchange import errors, importer
from app.exchange.export import export_round
from app.exchange.importer import import_files
from app.services.keys import KeyRing
from tests.test_exchange import filled_round


def _agency_files(
    tmp_path: Path, mini: Instrument, count: int, *, recipient: str | None = None
) -> list[Path]:
    """`count` agencies' files, each signed by its agency's own key (sealed if `recipient`)."""
    files = []
    for n in range(count):
        db = tmp_path / f"agency{n}" / "data.sqlite3"
        conn = open_database(db)
        rnd = filled_round(conn, mini, agency=f"Agency {n}", end=date(2026, 3, 31), seed=n)
        ring = KeyRing.for_database(db)
        data = export_round(
            conn,
            rnd.id,
            with_pdf=False,
            signing_key=ring.signing_key(),
            recipients=[recipient] if recipient else [],
        )
        conn.close()
        path = tmp_path / "in" / f"{n:02d}.smsoat"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        files.append(path)
    return files


def _rounds_seen_by_another_connection(db: Path) -> int:
    other = sqlite3.connect(db)
    try:
        return int(other.execute("SELECT count(*) FROM rounds").fetchone()[0])
    finally:
        other.close()


def test_every_acknowledged_file_is_committed(
    tmp_path: Path, mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "GROUP_FILES", 2)
    files = _agency_files(tmp_path, mini, 5)
    db = tmp_path / "state" / "data.sqlite3"
    conn = open_database(db)
    committed: list[tuple[int, int]] = []

    def seen(done: int, total: int, report: importer.FileReport) -> None:
        # what another program sees on disk when a file is reported as imported
        committed.append((done, _rounds_seen_by_another_connection(db)))

    reports = import_files(conn, files, on_progress=seen)
    assert [r.status for r in reports] == ["new"] * 5
    # in groups of two: each reported file (and its group) is already on disk
    assert committed == [(1, 2), (2, 2), (3, 4), (4, 4), (5, 5)]
    assert not conn.in_transaction
    conn.close()


def test_a_storage_error_loses_only_unacknowledged_files_and_their_trust(
    tmp_path: Path, mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "GROUP_FILES", 2)
    files = _agency_files(tmp_path, mini, 4)
    db = tmp_path / "state" / "data.sqlite3"
    conn = open_database(db)
    real = imports.write_round
    calls = [0]

    def failing(*args: object, **kwargs: object) -> int:
        calls[0] += 1
        if calls[0] == 4:  # the second file of the second group: the disk is full
            raise sqlite3.OperationalError("database or disk is full")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(imports, "write_round", failing)
    acknowledged: list[str] = []
    with pytest.raises(StorageError):
        import_files(conn, files, on_progress=lambda d, t, r: acknowledged.append(r.agency_name))
    assert acknowledged == ["Agency 0", "Agency 1"]
    names = [r[0] for r in conn.execute("SELECT name FROM organizations ORDER BY name")]
    assert names == ["Agency 0", "Agency 1"]  # the third file's writes were rolled back
    trusted = KeyRing.for_database(db)._trust()
    assert sorted(entry["agency"] for entry in trusted.values()) == ["Agency 0", "Agency 1"]
    assert not conn.in_transaction
    conn.close()


def test_a_changed_key_in_the_same_group_is_still_refused(tmp_path: Path, mini: Instrument) -> None:
    """Trust on first use inside one uncommitted group: the second file of the same agency with
    another key must be refused, as when each file was its own transaction."""
    db = tmp_path / "agency" / "data.sqlite3"
    conn = open_database(db)
    rnd = filled_round(conn, mini, agency="Riverbend", end=date(2026, 3, 31))
    ring = KeyRing.for_database(db)
    first = export_round(conn, rnd.id, with_pdf=False, signing_key=ring.signing_key())
    (ring.folder / "agency-signing.key").unlink()  # a new laptop without the old key
    revised = "UPDATE rounds SET name = 'Spring, revised', updated_at = ?"
    conn.execute(revised, ("2026-04-02T00:00:00.000+00:00",))
    second = export_round(conn, rnd.id, with_pdf=False, signing_key=ring.signing_key())
    conn.close()
    paths = [tmp_path / "1.smsoat", tmp_path / "2.smsoat"]
    paths[0].write_bytes(first)
    paths[1].write_bytes(second)
    state = open_database(tmp_path / "state" / "data.sqlite3")
    reports = import_files(state, paths)
    assert reports[0].written
    assert reports[1].refused and isinstance(reports[1].error, errors.KeyChangedError)
    assert [r[0] for r in state.execute("SELECT name FROM rounds")] == ["Spring 2026"]
    state.close()
