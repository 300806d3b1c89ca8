"""The coordinator's hot queries never read a whole table (issue 20: 10,000 agencies x 10 rounds).

Every SELECT that the roll-up, the coordinator's instrument list and home's lists send is
captured (`set_trace_callback`) and its `EXPLAIN QUERY PLAN` read. A step `SCAN <table>` is a
full scan; allowed are only scans of a CTE or of json_each (a handful of values), and, for the one
query that lists every agency by design, a scan in the order of its index (no sort of the table).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.core.instrument import Instrument
from app.db import agency_links, migrations, organizations, rounds
from app.db.connection import open_database
from app.services.demo import create_demo
from app.services.progress import rounds_overview
from app.services.rollup import compute_rollup, instruments_with_rounds

FIXTURES = Path(__file__).parent / "fixtures"
LISTS_EVERY_AGENCY = "SCAN organizations USING INDEX organizations_by_name"
# home's list model reads only the order of all agencies: the name index alone, in name order
ORDERS_EVERY_AGENCY = "SCAN organizations USING COVERING INDEX organizations_by_name"
# The roll-up reads the whole (small) links table once: one row per record a coordinator linked.
READS_EVERY_LINK = "SCAN agency_links"


def _selects(conn: sqlite3.Connection, work: Callable[[], object]) -> list[str]:
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        work()
    finally:
        conn.set_trace_callback(None)
    return [q for q in dict.fromkeys(seen) if q.lstrip().upper().startswith(("SELECT", "WITH"))]


def _full_scans(conn: sqlite3.Connection, sql: str) -> list[str]:
    steps = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
    return [
        step
        for step in steps
        if step.startswith("SCAN ")
        and "VIRTUAL TABLE" not in step
        and step not in ("SCAN ids", LISTS_EVERY_AGENCY, ORDERS_EVERY_AGENCY, READS_EVERY_LINK)
    ]


@pytest.fixture
def coordinator(conn: sqlite3.Connection, sms_oat: Instrument) -> sqlite3.Connection:
    demo = create_demo(conn, sms_oat, today=date(2026, 4, 1))
    # A second agency with a round, so the roll-up has more than one to choose from.
    other = organizations.create(conn, "Second Agency")
    rounds.create(conn, other.id, sms_oat, "Spring", date(2026, 1, 1), date(2026, 3, 31))
    assert demo.round.id
    return conn


@pytest.mark.parametrize(
    "name",
    [
        "rollup",
        "rollup_period",
        "instruments",
        "home_agencies",
        "home_agency_ids",
        "home_agency_names",
        "home_rounds",
        "import_link",
    ],
)
def test_hot_queries_use_indexes(coordinator: sqlite3.Connection, name: str) -> None:
    conn = coordinator
    org_id = organizations.list_all(conn)[0].id
    work: dict[str, Callable[[], object]] = {
        "rollup": lambda: compute_rollup(conn, "sms-oat-bh"),
        "rollup_period": lambda: compute_rollup(
            conn, "sms-oat-bh", since=date(2025, 1, 1), until=date(2026, 12, 31)
        ),
        "instruments": lambda: instruments_with_rounds(conn),
        "home_agencies": lambda: organizations.list_all(conn),
        # home's list model: the order, then the names of the rows on the screen
        "home_agency_ids": lambda: organizations.ids_by_name(conn),
        "home_agency_names": lambda: organizations.names_of(conn, [org_id, org_id + 1]),
        "home_rounds": lambda: rounds_overview(conn, org_id),
        # each imported file's link proposal (app/exchange/importer.py)
        "import_link": lambda: agency_links.match_for(conn, "another-uuid", " ST-0042 "),
    }
    queries = _selects(conn, work[name])
    assert queries, "the work sent no query: the capture is broken"
    for sql in queries:
        assert _full_scans(conn, sql) == [], sql


def test_the_roll_ups_team_counts_use_indexes(coordinator: sqlite3.Connection) -> None:
    """A round with a complete consensus has its team counted in SQLite (members, members with
    gaps, items nobody answered: app/services/rollup_data.py); those queries search too."""
    from tests.test_exchange import filled_round

    sms_oat = rounds.instrument_for(coordinator, rounds.list_all(coordinator)[0][0])
    filled_round(coordinator, sms_oat, agency="Agreed Agency")  # members clear an answer each
    queries = _selects(coordinator, lambda: compute_rollup(coordinator, "sms-oat-bh"))
    assert any("count(DISTINCT" in q for q in queries)  # the gaps' query ran
    assert any("json_group_object" in q for q in queries)
    for sql in queries:
        assert _full_scans(coordinator, sql) == [], sql


def test_the_check_catches_a_full_scan(coordinator: sqlite3.Connection) -> None:
    """Without the index the roll-up's round list is a full scan, and the check says so."""
    coordinator.execute("DROP INDEX rounds_by_instrument")
    sql = "SELECT * FROM rounds WHERE instrument_id = 'sms-oat-bh' ORDER BY period_end, id"
    assert _full_scans(coordinator, sql) == ["SCAN rounds"]


def test_indexes_come_with_the_latest_schema(coordinator: sqlite3.Connection) -> None:
    names = {row[0] for row in coordinator.execute("SELECT name FROM sqlite_master")}
    assert {"rounds_by_instrument", "organizations_by_name", "organizations_by_state_id"} <= names
    assert migrations.schema_version(coordinator) == migrations.SCHEMA_VERSION


def test_a_version_2_file_gets_the_indexes_and_keeps_its_rows(db_path: Path) -> None:
    """A data file of version 2 as that app wrote it (its demo, made by commit 5232f8f and kept
    in tests/fixtures), with real data, migrates to the latest."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURES / "version2-demo.sqlite3", db_path)
    old = sqlite3.connect(db_path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 2
    before = {t: old.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLES}
    old.close()

    conn = open_database(db_path)
    assert migrations.schema_version(conn) == migrations.SCHEMA_VERSION > 2
    after = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLES}
    assert after == before and after["responses"] > 0
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {"rounds_by_instrument", "organizations_by_name", "organizations_by_state_id"} <= names
    for sql in _selects(conn, lambda: compute_rollup(conn, "sms-oat-bh")):
        assert _full_scans(conn, sql) == [], sql
    conn.close()


_TABLES = ("organizations", "rounds", "respondents", "responses", "consensus")
