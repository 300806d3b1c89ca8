"""Named attributes of an agency (region, setting, provider type, any group): its peer groups.

Names are kept lower-case and trimmed ("Region " is "region"), so a CSV column and a command-line
`--group Region=North` find the same attribute; values keep their spelling but compare without
case. The agency's own `region` field (entered with the agency) counts as the attribute `region`
unless an attribute of that name was set, so existing data already forms region groups.
Linked records (app/db/agency_links.py) share their attributes: the canonical record's first,
then any the other records carry.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from app.core.errors import ValidationError
from app.core.limits import MAX_TEXT, check_length
from app.core.models import utc_now
from app.db import agency_links, changelog, organizations
from app.db.connection import transaction

MAX_NAME = 60
REGION = "region"


def clean_name(name: str) -> str:
    cleaned = " ".join(name.split()).casefold()
    if not cleaned:
        raise ValidationError("A group needs a name (for example region or setting).")
    if len(cleaned) > MAX_NAME or not all(c.isprintable() for c in cleaned):
        raise ValidationError(
            f"A group's name is up to {MAX_NAME} printable characters (for example region); "
            f"'{cleaned[:MAX_NAME]}' is not."
        )
    return cleaned


def clean_value(value: str) -> str:
    cleaned = " ".join(value.split())
    if not all(c.isprintable() for c in cleaned):
        raise ValidationError("A group's value holds a control character; retype it.")
    return check_length(cleaned, MAX_TEXT, "A group's value")


def set_attribute(
    conn: sqlite3.Connection, org_id: int, name: str, value: str, *, actor: str = "app"
) -> None:
    """Set (or, with an empty value, remove) one attribute of an agency."""
    org = organizations.get(conn, org_id)
    key, cleaned = clean_name(name), clean_value(value)
    with transaction(conn):
        if cleaned:
            conn.execute(
                "INSERT INTO agency_attributes (organization_id, name, value, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (organization_id, name)"
                " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                (org_id, key, cleaned, utc_now()),
            )
        else:
            conn.execute(
                "DELETE FROM agency_attributes WHERE organization_id = ? AND name = ?",
                (org_id, key),
            )
        changelog.append(
            conn,
            actor=actor,
            action="update",
            entity="organization",
            entity_uuid=org.uuid,
            detail={"attribute": key, "value": cleaned},
        )


def own_attributes(conn: sqlite3.Connection) -> dict[int, dict[str, str]]:
    """Each record's own attributes, its region field included (unless set as an attribute)."""
    found: dict[int, dict[str, str]] = {}
    for row in conn.execute("SELECT id, region FROM organizations WHERE trim(region) <> ''"):
        found.setdefault(int(row[0]), {})[REGION] = str(row[1]).strip()
    for row in conn.execute("SELECT organization_id, name, value FROM agency_attributes"):
        found.setdefault(int(row[0]), {})[str(row[1])] = str(row[2])
    return found


def all_attributes(conn: sqlite3.Connection) -> dict[int, dict[str, str]]:
    """Attributes per agency (canonical id), with linked records' attributes filling gaps."""
    canon = agency_links.canonical_map(conn)
    own = own_attributes(conn)
    merged: dict[int, dict[str, str]] = {}
    # canonical records first, so their values win over their linked records'
    for org_id in sorted(own, key=lambda o: (o in canon, o)):
        target = merged.setdefault(canon.get(org_id, org_id), {})
        for name, value in own[org_id].items():
            target.setdefault(name, value)
    return merged


def matches(attributes: Mapping[str, str], wanted: Mapping[str, str]) -> bool:
    return all(
        attributes.get(name, "").casefold() == value.casefold() for name, value in wanted.items()
    )


def members_of(conn: sqlite3.Connection, wanted: Mapping[str, str]) -> set[int]:
    """The agencies (canonical ids) whose attributes match every NAME=VALUE in `wanted`."""
    return {org for org, attrs in all_attributes(conn).items() if matches(attrs, wanted)}


def names(conn: sqlite3.Connection) -> list[str]:
    """Every attribute name in use, sorted (region first when present)."""
    found = {n for attrs in own_attributes(conn).values() for n in attrs}
    return sorted(found, key=lambda n: (n != REGION, n))
