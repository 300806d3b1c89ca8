"""The coordinator's list of agencies: one entry per agency, linked records folded in.

Each entry carries what the coordinator follows up on: its state identifier, the records linked
to it (other laptops), its sites, its peer groups, its newest round and when the next is due
(app/services/due.py). The CLI's `smsoat agencies` and the coordinator view read the same list.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.core.instrument import Instrument
from app.core.models import Organization
from app.db import agency_attributes, agency_links, organizations
from app.services.due import DueEntry, due_list


@dataclass(frozen=True)
class AgencyEntry:
    """One agency in the coordinator's list: its records, sites, groups and when it is due."""

    organization: Organization  # the canonical record
    linked: tuple[Organization, ...]  # the other records of the same agency
    sites: tuple[str, ...]
    groups: dict[str, str]
    due: DueEntry

    def as_json(self) -> dict[str, Any]:
        last = self.due.last_round
        return {
            "id": self.organization.id,
            "uuid": self.organization.uuid,
            "name": self.organization.name,
            "state_identifier": self.organization.state_identifier,
            "linked_records": [
                {"id": o.id, "uuid": o.uuid, "name": o.name, "state_identifier": o.state_identifier}
                for o in self.linked
            ],
            "sites": list(self.sites),
            "groups": self.groups,
            "instrument": self.due.instrument_id,
            "last_round": (
                {
                    "id": last.id,
                    "name": last.name,
                    "period_end": last.period_end.isoformat(),
                }
                if last is not None
                else None
            ),
            "repeat_months": self.due.repeat_months,
            "next_due": self.due.next_due.isoformat() if self.due.next_due else None,
            "status": self.due.status,
        }


def sites_by_agency(conn: sqlite3.Connection) -> dict[int, list[str]]:
    """Site names per record: the sites table and the record's own site field, once each."""
    found: dict[int, list[str]] = {}
    for row in conn.execute("SELECT organization_id, name FROM sites ORDER BY name, id"):
        found.setdefault(int(row[0]), []).append(str(row[1]))
    for org in organizations.list_all(conn):
        site = org.site.strip()
        if site and site not in found.get(org.id, []):
            found.setdefault(org.id, []).append(site)
    return found


def agency_list(conn: sqlite3.Connection, instrument: Instrument, today: date) -> list[AgencyEntry]:
    """Every agency once, by name; linked records listed under their canonical record."""
    canon = agency_links.canonical_map(conn)
    by_id = {o.id: o for o in organizations.list_all(conn)}
    linked: dict[int, list[Organization]] = {}
    for org_id, canonical in canon.items():
        linked.setdefault(canonical, []).append(by_id[org_id])
    sites = sites_by_agency(conn)
    groups = agency_attributes.all_attributes(conn)
    entries = []
    for due in due_list(conn, instrument, today):
        org = due.organization
        names: list[str] = []
        for member in [org, *linked.get(org.id, [])]:
            names += [s for s in sites.get(member.id, []) if s not in names]
        entries.append(
            AgencyEntry(
                org,
                tuple(sorted(linked.get(org.id, []), key=lambda o: o.id)),
                tuple(names),
                dict(sorted(groups.get(org.id, {}).items())),
                due,
            )
        )
    entries.sort(key=lambda e: (e.organization.name.casefold(), e.organization.id))
    return entries


# The command line and the GUI change agencies through these (they never reach into app.db).


def proposed_links(conn: sqlite3.Connection) -> list[agency_links.Proposal]:
    """Records sharing a state identifier that are not linked yet, for the coordinator."""
    return agency_links.proposed_links(conn)


def link(conn: sqlite3.Connection, keep_id: int, other_id: int, *, actor: str) -> Organization:
    """Link two records as one agency; returns the canonical record."""
    return agency_links.link(conn, keep_id, other_id, actor=actor)


def unlink(conn: sqlite3.Connection, a_id: int, b_id: int, *, actor: str) -> Organization:
    """Set two linked records apart; returns the record that counts on its own again."""
    return organizations.get(conn, agency_links.unlink(conn, a_id, b_id, actor=actor))


def group_choices(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every NAME=VALUE in use, sorted (region first): the coordinator's group filter."""
    found = {
        (name, value)
        for attrs in agency_attributes.all_attributes(conn).values()
        for name, value in attrs.items()
    }
    return sorted(found, key=lambda p: (p[0] != agency_attributes.REGION, p[0], p[1].casefold()))


def set_groups(
    conn: sqlite3.Connection, org_id: int, pairs: list[str], *, actor: str
) -> tuple[Organization, list[tuple[str, str]]]:
    """`NAME=VALUE` pairs (an empty VALUE removes the group), all or none."""
    from app.core.errors import ValidationError
    from app.db.connection import transaction

    org = organizations.get(conn, org_id)
    cleaned = []
    for text in pairs:
        name, sep, value = text.partition("=")
        if not sep:
            raise ValidationError(
                f"'{text[:60]}' is not a group: write NAME=VALUE (NAME= removes the group)."
            )
        cleaned.append((agency_attributes.clean_name(name), agency_attributes.clean_value(value)))
    with transaction(conn):
        for name, value in cleaned:
            agency_attributes.set_attribute(conn, org.id, name, value, actor=actor)
    return org, cleaned
