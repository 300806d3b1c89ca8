"""Schema versions, one atomic step each, keyed by `PRAGMA user_version`.

Before any step runs on an existing file the file is copied aside with the backup API
(`<name>.before-v<N>-<timestamp>.sqlite3` in the backups folder beside it), so a failed or regretted
upgrade never costs data. A file from a newer app version is refused, never "downgraded".
Steps only ever add or reshape; they never drop user data.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from app import paths
from app.core.errors import NewerDatabaseError, StorageError
from app.db.connection import APPLICATION_ID, backup_to, transaction

log = logging.getLogger(__name__)

ROLES_SQL = (
    "'clinical_staff','support_staff','peer_specialist','administrator','client_family','other'"
)

_V1 = f"""
CREATE TABLE instrument_snapshots (
    hash TEXT PRIMARY KEY,
    instrument_id TEXT NOT NULL,
    version TEXT NOT NULL,
    content TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    site TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    state_identifier TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE rounds (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    instrument_id TEXT NOT NULL,
    instrument_version TEXT NOT NULL,
    instrument_hash TEXT NOT NULL REFERENCES instrument_snapshots(hash),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    show_names INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX rounds_by_org ON rounds(organization_id);
CREATE TABLE respondents (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    role TEXT NOT NULL CHECK (role IN ({ROLES_SQL})),
    position TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX respondents_by_round ON respondents(round_id);
CREATE TABLE responses (
    id INTEGER PRIMARY KEY,
    respondent_id INTEGER NOT NULL REFERENCES respondents(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    choice TEXT,
    comment TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'screen' CHECK (source IN ('screen', 'paper', 'import')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (respondent_id, item_id)
);
CREATE TABLE consensus (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    choice TEXT,
    rationale TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    UNIQUE (round_id, item_id)
);
CREATE TABLE priorities (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    scope_kind TEXT NOT NULL CHECK (scope_kind IN ('item', 'domain')),
    scope_id TEXT NOT NULL,
    goal TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    start_date TEXT,
    due_date TEXT,
    measure_how TEXT NOT NULL DEFAULT '',
    measure_who TEXT NOT NULL DEFAULT '',
    measure_frequency TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
    carried_from_uuid TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE pdsa_cycles (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    priority_id INTEGER NOT NULL REFERENCES priorities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    plan TEXT NOT NULL DEFAULT '{{}}',  -- JSON: what, who, when, where, prediction, data, collector
    do_notes TEXT NOT NULL DEFAULT '',
    study_notes TEXT NOT NULL DEFAULT '',
    act TEXT NOT NULL DEFAULT '' CHECK (act IN ('', 'adopt', 'adapt', 'abandon')),
    act_notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_uuid TEXT,
    round_uuid TEXT,
    detail TEXT NOT NULL DEFAULT '{{}}'
);
CREATE TRIGGER change_log_append_only_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
CREATE TRIGGER change_log_append_only_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
"""

# Version 2: a team member can be withdrawn from a round (kept, answers and all, but left out of
# every statistic, report and export until reinstated). A nullable column: old rows are active.
_V2 = """
ALTER TABLE respondents ADD COLUMN withdrawn_at TEXT;
"""

# The action plan's implementation fields (app/core/models.py IMPLEMENTATION_FIELDS): empty text
# for every existing priority, so nothing stored changes meaning.
_PLAN_FIELDS = """
ALTER TABLE priorities ADD COLUMN target_population TEXT NOT NULL DEFAULT '';
ALTER TABLE priorities ADD COLUMN supports TEXT NOT NULL DEFAULT '';
ALTER TABLE priorities ADD COLUMN team_roles TEXT NOT NULL DEFAULT '';
ALTER TABLE priorities ADD COLUMN training TEXT NOT NULL DEFAULT '';
"""

# Indexes for the coordinator's scale (issue 20; a whole country is ~10,000 agencies x 10 rounds):
# the roll-up finds an instrument's rounds in period order, and the home list sorts agencies by
# name, without reading every row (tests/test_query_plans.py checks the plans).
_INDEXES = """
CREATE INDEX IF NOT EXISTS rounds_by_instrument ON rounds(instrument_id, period_end, id);
CREATE INDEX IF NOT EXISTS organizations_by_name ON organizations(name COLLATE NOCASE, id);
"""

# Team memory (issue 24): answers private until the meeting, per round. Existing rounds migrate
# with privacy off (their teams may be mid-meeting); new rounds set it on (app/services/
# round_setup.py). `results_opened_at` is when the facilitator opened the results (NULL: closed).
# `pin_hash` holds a salted scrypt hash of a team member's optional PIN, never the PIN.
_TEAM_MEMORY = """
ALTER TABLE rounds ADD COLUMN private_until_opened INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rounds ADD COLUMN results_opened_at TEXT;
ALTER TABLE respondents ADD COLUMN pin_hash TEXT;
"""

# Issue 21, the state's picture:
# - agency_links: one agency seen as several records (a reinstall, a second laptop) is linked to
#   one canonical record by the coordinator; nothing is merged, so an undo (deleting the row)
#   gives back exactly what was there;
# - agency_attributes: named peer groups (region, rural/urban, provider type, any name);
# - sites: an agency's clinics; each agency with a site name gets that site, and a round's
#   site_id is NULL for "the whole agency" (every existing round).
_SITES_AND_GROUPS = """
CREATE TABLE agency_links (
    organization_id INTEGER PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
    canonical_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    linked_at TEXT NOT NULL,
    CHECK (organization_id <> canonical_id)
);
CREATE INDEX agency_links_by_canonical ON agency_links(canonical_id);
CREATE TABLE agency_attributes (
    organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organization_id, name)
);
CREATE INDEX agency_attributes_by_name ON agency_attributes(name, value);
CREATE TABLE sites (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    created_at TEXT NOT NULL,
    UNIQUE (organization_id, name)
);
INSERT INTO sites (organization_id, name, created_at)
    SELECT id, trim(site), created_at FROM organizations WHERE length(trim(site)) > 0;
ALTER TABLE rounds ADD COLUMN site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL;
"""

# Index i holds the SQL (or, where SQL cannot say it, the function) that takes the schema from
# version i to i + 1.
# The import preview's link check (issue 15/20): each file asks for a record with the same state
# identifier; without an index on the very expression it compares, that was a scan of every
# agency per file (0.18 ms at 1,000 agencies, growing with them).
_STATE_ID_INDEX = """
CREATE INDEX IF NOT EXISTS organizations_by_state_id
    ON organizations(lower(trim(state_identifier)));
"""

# The answers' `CHECK (source IN (...))` made SQLite build the IN list's lookup table for every
# row written: ~1.7 µs a row, about a fifth of an import's writing (docs/performance.md). The same
# rule written with ORs costs nothing measurable. The table is not rebuilt (a country-scale file
# holds millions of answers): its definition in the schema is rewritten in place, SQLite's
# documented procedure for changing a CHECK constraint ("Making Other Kinds Of Table Schema
# Changes" in its ALTER TABLE page), which every row already satisfies since the rule is the
# same. The new definition is compiled on a temporary table first (a syntax error written into
# the schema would make the file unreadable); where the schema cannot be written (an SQLite built
# "defensive"), the old definition stays: slower, never wrong.
_SLOW_SOURCE_CHECK = "CHECK (source IN ('screen', 'paper', 'import'))"
_FAST_SOURCE_CHECK = "CHECK (source = 'screen' OR source = 'paper' OR source = 'import')"


def _fast_source_check(conn: sqlite3.Connection) -> None:
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'responses'"
    ).fetchone()
    if row is None or _SLOW_SOURCE_CHECK not in str(row[0]):
        return
    sql = str(row[0]).replace(_SLOW_SOURCE_CHECK, _FAST_SOURCE_CHECK)
    probe = sql.replace("CREATE TABLE responses", "CREATE TEMP TABLE responses_probe", 1)
    if probe == sql:
        return
    conn.execute(probe)  # raises on a syntax error, before the schema is touched
    conn.execute("DROP TABLE temp.responses_probe")
    version = int(conn.execute("PRAGMA schema_version").fetchone()[0])
    try:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'responses'", (sql,)
        )
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    except sqlite3.DatabaseError as exc:
        log.info("the answers' source check keeps its old form (%s)", exc)
    finally:
        conn.execute("PRAGMA writable_schema = RESET")


MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [
    _V1,
    _V2,
    _PLAN_FIELDS,
    _INDEXES,
    _TEAM_MEMORY,
    _SITES_AND_GROUPS,
    _STATE_ID_INDEX,
    _fast_source_check,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def refuse_foreign_or_newer(conn: sqlite3.Connection, path: Path | None) -> None:
    """Refuse another program's file or a newer version's, by reading only.

    `open_database` calls this before it sets WAL: switching a rollback-journal file to WAL
    rewrites its header, so a refusal after that would no longer leave the file as it was.
    """
    current = schema_version(conn)
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    where = str(path) if path else "the data file"
    if app_id not in (0, APPLICATION_ID):
        raise StorageError(f"{where} belongs to another program. Open an SMS OAT Studio data file.")
    if current > SCHEMA_VERSION:
        raise NewerDatabaseError(
            f"{where} was written by a newer version of SMS OAT Studio (data version {current}; "
            f"this app knows up to {SCHEMA_VERSION}). Install the newer version to open it; "
            "the file was not changed."
        )
    if current == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise StorageError(
                f"{where} is an SQLite file from another program. Open an SMS OAT Studio data file."
            )


def ensure_schema(conn: sqlite3.Connection, path: Path | None) -> None:
    refuse_foreign_or_newer(conn, path)
    current = schema_version(conn)
    if current == SCHEMA_VERSION:
        return
    if current > 0 and path is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        copy = (
            paths.backups_dir(path.parent) / f"{path.stem}.before-v{SCHEMA_VERSION}-{stamp}.sqlite3"
        )
        backup_to(conn, copy)
        log.info("copied %s aside to %s before migrating", path, copy)
    for version in range(current, SCHEMA_VERSION):
        _apply(conn, version)


def _apply(conn: sqlite3.Connection, version: int) -> None:
    """One step inside one transaction: DDL and the version bump commit together or not at all."""
    log.info("migrating data file to version %d", version + 1)
    step = MIGRATIONS[version]
    with transaction(conn):
        if callable(step):
            step(conn)
        else:
            for statement in _statements(step):
                conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {version + 1}")


def _statements(script: str) -> list[str]:
    """Split a migration script on complete statements (triggers contain inner semicolons)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
