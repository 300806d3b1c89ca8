"""Writing a whole round received in an exchange file, inside the caller's one transaction.

The ordinary repositories each commit their own small change and stamp it with the current time;
an imported round instead keeps the uuids and timestamps it was made with, so that exporting it
again gives the same data and a second import of the same file is recognised as a duplicate.
Callers validate the document first (app.exchange.validate); here it is only written.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Mapping
from typing import Any

from app.core.instrument import Instrument
from app.core.models import IMPLEMENTATION_FIELDS, PLAN_FIELDS, ROLE_LABELS_EN, utc_now
from app.db import changelog, instrument_snapshots, sites


def role_name(role: str, number: int) -> str:
    """The stand-in name of a team member received without names, e.g. "Peer specialist 2"."""
    return f"{ROLE_LABELS_EN.get(role, role)} {number}"


def conflicting_uuids(
    conn: sqlite3.Connection, document: Mapping[str, Any], round_id: int | None
) -> list[str]:
    """Uuids of the document's people, priorities and cycles already used by another round here."""
    people = [p["uuid"] for p in document["respondents"]]
    priorities = [p["uuid"] for p in document["action_plan"]["priorities"]]
    cycles = [c["uuid"] for p in document["action_plan"]["priorities"] for c in p["cycles"]]
    found: list[str] = []
    queries = (
        (
            "SELECT uuid FROM respondents WHERE uuid IN (SELECT value FROM json_each(?))"
            " AND round_id IS NOT ?",
            people,
        ),
        (
            "SELECT uuid FROM priorities WHERE uuid IN (SELECT value FROM json_each(?))"
            " AND round_id IS NOT ?",
            priorities,
        ),
        (
            "SELECT c.uuid FROM pdsa_cycles c JOIN priorities p ON p.id = c.priority_id"
            " WHERE c.uuid IN (SELECT value FROM json_each(?)) AND p.round_id IS NOT ?",
            cycles,
        ),
    )
    for sql, uuids in queries:
        if uuids:
            found += [r[0] for r in conn.execute(sql, (json.dumps(uuids), round_id))]
    return found


def upsert_organization(conn: sqlite3.Connection, agency: Mapping[str, Any], *, actor: str) -> int:
    """The agency by its uuid: created when new, its details brought up to date otherwise."""
    fields = {k: str(agency[k]) for k in ("name", "site", "region", "state_identifier")}
    row = conn.execute(
        "SELECT id, name, site, region, state_identifier FROM organizations WHERE uuid = ?",
        (agency["uuid"],),
    ).fetchone()
    now = utc_now()
    if row is None:
        cur = conn.execute(
            "INSERT INTO organizations (uuid, name, site, region, state_identifier, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (agency["uuid"], *fields.values(), now, now),
        )
        if fields["site"].strip():  # the agency's site is its first site (app/db/sites.py)
            conn.execute(
                "INSERT OR IGNORE INTO sites (organization_id, name, created_at) VALUES (?, ?, ?)",
                (cur.lastrowid, fields["site"].strip(), now),
            )
        changelog.append(
            conn,
            actor=actor,
            action="create",
            entity="organization",
            entity_uuid=agency["uuid"],
            detail={"name": fields["name"], "via": "import"},
        )
        return int(cur.lastrowid or 0)
    org_id = int(row["id"])
    if any(row[k] != v for k, v in fields.items()):
        conn.execute(
            "UPDATE organizations SET name = ?, site = ?, region = ?, state_identifier = ?,"
            " updated_at = ? WHERE id = ?",
            (*fields.values(), now, org_id),
        )
        changelog.append(
            conn,
            actor=actor,
            action="update",
            entity="organization",
            entity_uuid=agency["uuid"],
            detail={**fields, "via": "import"},
        )
    return org_id


def write_round(
    conn: sqlite3.Connection,
    document: Mapping[str, Any],
    instrument: Instrument,
    organization_id: int,
    *,
    names: bool,
    replace_round_id: int | None = None,
) -> int:
    """Insert the round (or replace the content of `replace_round_id`); returns the round id.

    Call inside a transaction. Without names, team members are called by role and number.
    """
    known = conn.execute(
        "SELECT 1 FROM instrument_snapshots WHERE hash = ?", (instrument.content_hash,)
    ).fetchone()
    if known is None:
        instrument_snapshots.store(conn, instrument)
    rnd = document["round"]
    values = (
        rnd["name"],
        rnd["period_start"],
        rnd["period_end"],
        rnd["status"],
        int(rnd["show_names"]),
        rnd["created_at"],
        rnd["updated_at"],
        rnd["closed_at"],
    )
    if replace_round_id is None:
        cur = conn.execute(
            "INSERT INTO rounds (uuid, organization_id, instrument_id, instrument_version,"
            " instrument_hash, name, period_start, period_end, status, show_names, created_at,"
            " updated_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rnd["uuid"],
                organization_id,
                instrument.id,
                instrument.version,
                instrument.content_hash,
                *values,
            ),
        )
        round_id = int(cur.lastrowid or 0)
    else:
        round_id = replace_round_id
        conn.execute(
            "UPDATE rounds SET name = ?, period_start = ?, period_end = ?, status = ?,"
            " show_names = ?, created_at = ?, updated_at = ?, closed_at = ? WHERE id = ?",
            (*values, round_id),
        )
        for table in ("respondents", "consensus", "priorities"):
            conn.execute(f"DELETE FROM {table} WHERE round_id = ?", (round_id,))
    site = rnd.get("site")  # absent: the whole agency's round (and every older file)
    site_id = sites.link_by_name(conn, organization_id, site) if isinstance(site, str) else None
    conn.execute("UPDATE rounds SET site_id = ? WHERE id = ?", (site_id, round_id))
    _write_people(conn, round_id, document["respondents"], names)
    conn.executemany(
        "INSERT INTO consensus (round_id, item_id, choice, rationale, updated_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (round_id, item_id, c["choice"], c["rationale"], c["updated_at"])
            for item_id, c in document["consensus"].items()
        ],
    )
    _write_plan(conn, round_id, document["action_plan"]["priorities"])
    return round_id


def _write_people(
    conn: sqlite3.Connection, round_id: int, people: list[dict[str, Any]], names: bool
) -> None:
    per_role: Counter[str] = Counter()
    for person in people:
        per_role[person["role"]] += 1
        # A revision merged with the round here carries the stored names (app/exchange/merge.py).
        known = names or "name" in person
        name = person["name"] if known else role_name(person["role"], per_role[person["role"]])
        cur = conn.execute(
            "INSERT INTO respondents (uuid, round_id, display_name, role, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                person["uuid"],
                round_id,
                name,
                person["role"],
                person["created_at"],
                person["updated_at"],
            ),
        )
        respondent_id = int(cur.lastrowid or 0)
        conn.executemany(
            "INSERT INTO responses (respondent_id, item_id, choice, comment, source, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    respondent_id,
                    item_id,
                    a["choice"],
                    a.get("comment", ""),
                    a["source"],
                    a["updated_at"],
                    a["updated_at"],
                )
                for item_id, a in person["answers"].items()
            ],
        )


def _write_plan(conn: sqlite3.Connection, round_id: int, priorities: list[dict[str, Any]]) -> None:
    for p in priorities:
        # The implementation fields are optional in the file (older files have none): empty.
        extra = [str(p.get(key, "")) for key in IMPLEMENTATION_FIELDS]
        cur = conn.execute(
            "INSERT INTO priorities (uuid, round_id, scope_kind, scope_id, goal, owner, start_date,"
            " due_date, measure_how, measure_who, measure_frequency, status, carried_from_uuid,"
            f" created_at, updated_at, {', '.join(IMPLEMENTATION_FIELDS)})"
            f" VALUES ({', '.join('?' for _ in range(15 + len(IMPLEMENTATION_FIELDS)))})",
            (
                p["uuid"],
                round_id,
                p["scope_kind"],
                p["scope_id"],
                p["goal"],
                p["owner"],
                p["start_date"],
                p["due_date"],
                p["measure_how"],
                p["measure_who"],
                p["measure_frequency"],
                p["status"],
                p["carried_from_uuid"],
                p["created_at"],
                p["updated_at"],
                *extra,
            ),
        )
        priority_id = int(cur.lastrowid or 0)
        conn.executemany(
            "INSERT INTO pdsa_cycles (uuid, priority_id, position, plan, do_notes, study_notes,"
            " act, act_notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c["uuid"],
                    priority_id,
                    c["position"],
                    json.dumps(
                        {k: str(c["plan"].get(k, "")) for k in PLAN_FIELDS}, ensure_ascii=False
                    ),
                    c["do_notes"],
                    c["study_notes"],
                    c["act"],
                    c["act_notes"],
                    c["created_at"],
                    c["updated_at"],
                )
                for c in p["cycles"]
            ],
        )
