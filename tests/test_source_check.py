"""Issues 15/20: the answers' source rule, rewritten without an IN list (schema step
`_fast_source_check`), enforces exactly what it did, on new files and on migrated ones, and no
longer builds a lookup table for every answer an import writes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.core.instrument import Instrument
from app.db import migrations
from app.db.connection import open_database
from tests.test_exchange import filled_round

FIXTURES = Path(__file__).parent / "fixtures"
INSERT = (
    "INSERT INTO responses (respondent_id, item_id, choice, source, created_at, updated_at)"
    " VALUES (?, ?, '1', ?, 'a', 'b')"
)


def _definition(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'responses'").fetchone()
    return str(row[0])


def _respondent(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT id FROM respondents LIMIT 1").fetchone()[0])


def _enforces_the_rule(conn: sqlite3.Connection, person: int, tag: str = "new") -> None:
    for n, source in enumerate(("screen", "paper", "import")):
        conn.execute(INSERT, (person, f"{tag}-{n}", source))
    for bad in ("fax", "Screen", "", "screen "):
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute(INSERT, (person, "bad", bad))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(INSERT, (person, "none", None))


def test_writing_an_answer_builds_no_lookup_table(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "data.sqlite3")
    assert migrations._FAST_SOURCE_CHECK in _definition(conn)
    assert migrations._SLOW_SOURCE_CHECK not in _definition(conn)
    program = [str(row[1]) for row in conn.execute("EXPLAIN " + INSERT, (1, "x", "screen"))]
    assert "OpenEphemeral" not in program  # what the IN list cost for every row
    assert "Insert" in program  # the statement was compiled as an insert at all
    conn.close()


def test_the_old_form_did_build_one_per_answer(tmp_path: Path) -> None:
    # The measure above can fail: with the old definition the program holds the lookup table.
    conn = sqlite3.connect(tmp_path / "old.sqlite3")
    conn.execute(
        f"CREATE TABLE responses (respondent_id INTEGER, item_id TEXT, choice TEXT, source TEXT"
        f" {migrations._SLOW_SOURCE_CHECK}, created_at TEXT, updated_at TEXT)"
    )
    program = [str(row[1]) for row in conn.execute("EXPLAIN " + INSERT, (1, "x", "screen"))]
    assert "OpenEphemeral" in program
    conn.close()


def test_a_new_file_enforces_the_same_rule(tmp_path: Path, mini: Instrument) -> None:
    conn = open_database(tmp_path / "data.sqlite3")
    filled_round(conn, mini)
    _enforces_the_rule(conn, _respondent(conn))
    conn.close()


def test_a_version_2_file_keeps_every_answer_and_the_rule(tmp_path: Path) -> None:
    db = tmp_path / "v2.sqlite3"
    shutil.copyfile(FIXTURES / "version2-demo.sqlite3", db)
    old = sqlite3.connect(db)
    before = old.execute("SELECT * FROM responses ORDER BY id").fetchall()
    assert before and migrations._SLOW_SOURCE_CHECK in _definition(old)
    old.close()
    conn = open_database(db)
    after = [tuple(row) for row in conn.execute("SELECT * FROM responses ORDER BY id")]
    assert after == before
    assert migrations._FAST_SOURCE_CHECK in _definition(conn)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    _enforces_the_rule(conn, _respondent(conn))
    conn.close()
    other = sqlite3.connect(db)  # a second program reads the new definition too
    other.execute("PRAGMA foreign_keys = ON")
    _enforces_the_rule(other, _respondent(other), "other")
    other.close()


class _NoSchemaWrites:
    """A connection whose SQLite refuses to write the schema (a "defensive" build)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.startswith("UPDATE sqlite_master"):
            raise sqlite3.OperationalError("table sqlite_master may not be modified")
        return self.conn.execute(sql, *args)


def test_where_the_schema_cannot_be_written_the_old_rule_stays(tmp_path: Path) -> None:
    db = tmp_path / "v2.sqlite3"
    shutil.copyfile(FIXTURES / "version2-demo.sqlite3", db)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    migrations._fast_source_check(_NoSchemaWrites(conn))  # type: ignore[arg-type]
    conn.execute("COMMIT")
    assert migrations._SLOW_SOURCE_CHECK in _definition(conn)
    assert not conn.execute("SELECT name FROM sqlite_temp_master").fetchall()  # probe dropped
    _enforces_the_rule(conn, _respondent(conn))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
