"""An agency's sites (its clinics), and which site a round belongs to.

A round belongs to one site of its agency or, with no site (`site_id` NULL), to the whole agency:
every round made before sites existed is the whole agency's. A site belongs to one record; a
round may only be given a site of its own agency's record, so linking records (agency_links)
never moves a site or a round between them. Removing a site keeps its rounds: they become the
whole agency's, each move logged (`remove`; the schema's ON DELETE SET NULL is the backstop), so
nothing is lost. Renaming keeps the site's id, so its rounds follow the new name.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from app.core.errors import NotFoundError, ValidationError
from app.core.limits import required_name
from app.core.models import utc_now
from app.db import changelog, organizations, rounds
from app.db.connection import transaction


class Site(NamedTuple):
    id: int
    organization_id: int
    name: str


def _clean(name: str) -> str:
    return required_name(name, "A site's name", "A site needs a name.", "site_name")


def list_for(conn: sqlite3.Connection, org_id: int) -> list[Site]:
    rows = conn.execute(
        "SELECT id, organization_id, name FROM sites WHERE organization_id = ?"
        " ORDER BY name COLLATE NOCASE, id",
        (org_id,),
    )
    return [Site(int(r[0]), int(r[1]), str(r[2])) for r in rows]


def get(conn: sqlite3.Connection, site_id: int) -> Site:
    row = conn.execute(
        "SELECT id, organization_id, name FROM sites WHERE id = ?", (site_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(
            f"There is no site with id {site_id}; 'smsoat sites list AGENCY_ID' lists them."
        )
    return Site(int(row[0]), int(row[1]), str(row[2]))


def add(conn: sqlite3.Connection, org_id: int, name: str, *, actor: str = "app") -> Site:
    org = organizations.get(conn, org_id)
    cleaned = _clean(name)
    with transaction(conn):
        if any(s.name.casefold() == cleaned.casefold() for s in list_for(conn, org_id)):
            raise ValidationError(f'"{org.name}" already has a site called "{cleaned}".')
        cur = conn.execute(
            "INSERT INTO sites (organization_id, name, created_at) VALUES (?, ?, ?)",
            (org_id, cleaned, utc_now()),
        )
        changelog.append(
            conn,
            actor=actor,
            action="create",
            entity="site",
            entity_uuid=org.uuid,
            detail={"site": cleaned},
        )
    return get(conn, int(cur.lastrowid or 0))


def rounds_of(conn: sqlite3.Connection, site_id: int) -> list[int]:
    """The ids of the rounds that belong to a site."""
    rows = conn.execute("SELECT id FROM rounds WHERE site_id = ? ORDER BY id", (site_id,))
    return [int(r[0]) for r in rows]


def rename(conn: sqlite3.Connection, site_id: int, name: str, *, actor: str = "app") -> Site:
    """Give a site a new name (its rounds stay with it); a name another site of the same agency
    has already is refused."""
    site = get(conn, site_id)
    org = organizations.get(conn, site.organization_id)
    cleaned = _clean(name)
    taken = [
        s
        for s in list_for(conn, site.organization_id)
        if s.id != site_id and s.name.casefold() == cleaned.casefold()
    ]
    if taken:
        raise ValidationError(f'"{org.name}" already has a site called "{taken[0].name}".')
    with transaction(conn):
        conn.execute("UPDATE sites SET name = ? WHERE id = ?", (cleaned, site_id))
        changelog.append(
            conn,
            actor=actor,
            action="rename",
            entity="site",
            entity_uuid=org.uuid,
            detail={"site": site.name, "to": cleaned},
        )
    return get(conn, site_id)


def remove(conn: sqlite3.Connection, site_id: int, *, actor: str = "app") -> list[int]:
    """Remove a site; its rounds become the whole agency's (each move logged). Returns the ids
    of the rounds moved. The caller asks first when there are any (the CLI's --yes, a dialog)."""
    site = get(conn, site_id)
    org = organizations.get(conn, site.organization_id)
    moved = rounds_of(conn, site_id)
    with transaction(conn):
        for round_id in moved:
            rnd = rounds.get(conn, round_id)
            conn.execute(
                "UPDATE rounds SET site_id = NULL, updated_at = ? WHERE id = ?",
                (utc_now(), round_id),
            )
            changelog.append(
                conn,
                actor=actor,
                action="update",
                entity="round",
                entity_uuid=rnd.uuid,
                round_uuid=rnd.uuid,
                detail={"site": None, "was": site.name, "why": "site removed"},
            )
        conn.execute("DELETE FROM sites WHERE id = ?", (site_id,))
        changelog.append(
            conn,
            actor=actor,
            action="delete",
            entity="site",
            entity_uuid=org.uuid,
            detail={"site": site.name, "rounds_moved": len(moved)},
        )
    return moved


def ensure(conn: sqlite3.Connection, org_id: int, name: str) -> None:
    """The agency's own site field as a site (creating an agency or importing one)."""
    cleaned = name.strip()
    if cleaned:
        conn.execute(
            "INSERT OR IGNORE INTO sites (organization_id, name, created_at) VALUES (?, ?, ?)",
            (org_id, cleaned, utc_now()),
        )


def link_by_name(conn: sqlite3.Connection, org_id: int, name: str) -> int:
    """The agency's site of this name (case and outer spaces aside), created when new; for an
    import, inside its transaction (the name was checked by the reader: bounded, visible)."""
    cleaned = name.strip()
    for site in list_for(conn, org_id):
        if site.name.casefold() == cleaned.casefold():
            return site.id
    cur = conn.execute(
        "INSERT INTO sites (organization_id, name, created_at) VALUES (?, ?, ?)",
        (org_id, cleaned, utc_now()),
    )
    return int(cur.lastrowid or 0)


def round_site(conn: sqlite3.Connection, round_id: int) -> Site | None:
    row = conn.execute("SELECT site_id FROM rounds WHERE id = ?", (round_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no round with id {round_id}; 'smsoat rounds' lists them.")
    return get(conn, int(row[0])) if row[0] is not None else None


def set_round_site(
    conn: sqlite3.Connection, round_id: int, site_id: int | None, *, actor: str = "app"
) -> Site | None:
    """Give a round to one of its agency's sites, or (None) to the whole agency."""
    rnd = rounds.get(conn, round_id)
    site = get(conn, site_id) if site_id is not None else None
    if site is not None and site.organization_id != rnd.organization_id:
        raise ValidationError(
            f'The site "{site.name}" belongs to another agency than the round "{rnd.name}"; '
            f"'smsoat sites list {rnd.organization_id}' lists the round's agency's sites."
        )
    rounds.change_round(
        conn,
        round_id,
        {"site_id": site.id if site else None},
        actor=actor,
        detail={"site": site.name if site else None},
    )
    return site
