"""One agency seen as several records: linked by the coordinator, never merged.

An agency that reinstalls, changes laptop or works from two laptops makes a new record with a new
UUID; its state identifier stays the same. The coordinator links such records: each linked record
points at one canonical record (the one kept in front), and the roll-up, the due list and the
agency list count the group once. Nothing is moved or merged, so undoing a link (deleting its
row) gives back exactly the two records as they were, rounds and all.

Records sharing a state identifier are only *proposed* for linking (`proposed_links`); a link is
always the coordinator's decision, so two agencies that mistyped the same identifier are never
joined silently.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from app.core.errors import ValidationError
from app.core.models import Organization, utc_now
from app.db import changelog, organizations
from app.db.connection import transaction


class Proposal(NamedTuple):
    """Two records (not yet linked) that share a state identifier."""

    keep: Organization
    other: Organization
    state_identifier: str


def same_state_id(a: str, b: str) -> bool:
    """State identifiers compare without case or surrounding spaces ("st-1 " is "ST-1")."""
    return bool(a.strip()) and a.strip().casefold() == b.strip().casefold()


def canonical_map(conn: sqlite3.Connection) -> dict[int, int]:
    """Every linked record's id -> its canonical record's id (canonical records are absent)."""
    return {int(r[0]): int(r[1]) for r in conn.execute("SELECT * FROM agency_links")}


def canonical_of(conn: sqlite3.Connection, org_id: int) -> int:
    row = conn.execute(
        "SELECT canonical_id FROM agency_links WHERE organization_id = ?", (org_id,)
    ).fetchone()
    return int(row[0]) if row else org_id


def members(conn: sqlite3.Connection, canonical_id: int) -> list[int]:
    """The canonical record and every record linked to it, canonical first."""
    rows = conn.execute(
        "SELECT organization_id FROM agency_links WHERE canonical_id = ? ORDER BY organization_id",
        (canonical_id,),
    )
    return [canonical_id, *(int(r[0]) for r in rows)]


def link(
    conn: sqlite3.Connection, keep_id: int, other_id: int, *, actor: str = "app"
) -> Organization:
    """Link `other_id` (and whatever is linked to it) to `keep_id`'s canonical record.

    Returns the canonical record. Linking a record to itself or twice is refused in words.
    """
    keep_org = organizations.get(conn, keep_id)
    other_org = organizations.get(conn, other_id)
    with transaction(conn):
        keep = canonical_of(conn, keep_id)
        other = canonical_of(conn, other_id)
        if keep == other:
            raise ValidationError(
                f'"{keep_org.name}" (id {keep_id}) and "{other_org.name}" (id {other_id}) are '
                "already one agency; 'smsoat agencies' shows the links."
            )
        now = utc_now()
        conn.execute(
            "UPDATE agency_links SET canonical_id = ?, linked_at = ? WHERE canonical_id = ?",
            (keep, now, other),
        )
        conn.execute(
            "INSERT INTO agency_links (organization_id, canonical_id, linked_at) VALUES (?, ?, ?)",
            (other, keep, now),
        )
        canonical = organizations.get(conn, keep)
        changelog.append(
            conn,
            actor=actor,
            action="link",
            entity="organization",
            entity_uuid=organizations.get(conn, other).uuid,
            detail={"canonical": canonical.uuid, "name": canonical.name},
        )
    return canonical


def unlink(conn: sqlite3.Connection, a_id: int, b_id: int, *, actor: str = "app") -> int:
    """Undo the link between two records; returns the id of the record set apart again.

    Of the two, the one that is not the group's canonical record is set apart; the rest of the
    group stays linked as it was.
    """
    a_org = organizations.get(conn, a_id)
    b_org = organizations.get(conn, b_id)
    with transaction(conn):
        if a_id == b_id or canonical_of(conn, a_id) != canonical_of(conn, b_id):
            raise ValidationError(
                f'"{a_org.name}" (id {a_id}) and "{b_org.name}" (id {b_id}) are not linked; '
                "nothing was changed."
            )
        canonical = canonical_of(conn, a_id)
        apart = b_id if b_id != canonical else a_id
        conn.execute("DELETE FROM agency_links WHERE organization_id = ?", (apart,))
        changelog.append(
            conn,
            actor=actor,
            action="unlink",
            entity="organization",
            entity_uuid=organizations.get(conn, apart).uuid,
            detail={"canonical": organizations.get(conn, canonical).uuid},
        )
    return apart


def proposed_links(conn: sqlite3.Connection) -> list[Proposal]:
    """Pairs of records in different groups that share a state identifier: the older record
    (lowest id) is proposed as the one kept. Each record is proposed once."""
    canon = canonical_map(conn)
    by_state: dict[str, list[Organization]] = {}
    for org in organizations.list_all(conn):
        key = org.state_identifier.strip().casefold()
        if key:
            by_state.setdefault(key, []).append(org)
    found: list[Proposal] = []
    for orgs in by_state.values():
        orgs.sort(key=lambda o: o.id)
        keep = orgs[0]
        for other in orgs[1:]:
            if canon.get(other.id, other.id) != canon.get(keep.id, keep.id):
                found.append(Proposal(keep, other, keep.state_identifier.strip()))
    return found


def match_for(
    conn: sqlite3.Connection, agency_uuid: str, state_identifier: str
) -> Organization | None:
    """A record here with the same state identifier but another UUID, not already linked to the
    record with `agency_uuid`: what an import preview proposes to link.

    One query per file (a batch of 1,000 files must not read every agency 1,000 times); SQL's
    lower() folds ASCII only, so an identifier differing in a non-ASCII letter's case is left
    to `proposed_links`, which the coordinator view and `smsoat agencies` show as well."""
    wanted = state_identifier.strip()
    if not wanted:
        return None
    rows = conn.execute(
        "SELECT id FROM organizations WHERE uuid <> ? AND lower(trim(state_identifier)) ="
        " lower(?) ORDER BY id",
        (agency_uuid, wanted),
    ).fetchall()
    if not rows:
        return None
    here = organizations.find_by_uuid(conn, agency_uuid)
    group = canonical_of(conn, here.id) if here is not None else None
    for row in rows:
        if group is None or canonical_of(conn, int(row[0])) != group:
            return organizations.get(conn, int(row[0]))
    return None
