"""An agency's sites with their newest rounds: the agency summary and its sites side by side.

For each instrument the agency (its linked records included) has answered, the newest round of
the whole agency and the newest round of each site, with its official overall score (the
consensus once complete, else the team mean), so a coordinator sees both levels at once.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.core.models import Organization, Round
from app.core.scoring import OVERALL
from app.db import agency_links, organizations, rounds, sites
from app.db.sites import Site
from app.services.round_scores import official_for

WHOLE_AGENCY = "(whole agency)"


@dataclass(frozen=True)
class SiteRound:
    """The newest round of the whole agency or of one site, with its overall score."""

    site: Site | None  # None: the whole agency
    instrument_id: str
    round: Round
    overall: float | None
    source: str  # "consensus" or "team_mean"


@dataclass(frozen=True)
class SiteOverview:
    """An agency's sites side by side with the whole agency's newest rounds."""

    organization: Organization  # the canonical record
    sites: list[Site]  # of every linked record
    newest: list[SiteRound]  # per instrument: the whole agency first, then each site by name


def overview(conn: sqlite3.Connection, org_id: int) -> SiteOverview:
    """The sites of an agency (its linked records included) and their newest rounds."""
    canonical = agency_links.canonical_of(conn, org_id)
    members = agency_links.members(conn, canonical)
    all_sites = [s for member in members for s in sites.list_for(conn, member)]
    by_id = {s.id: s for s in all_sites}
    marks = ",".join("?" * len(members))
    newest: dict[tuple[str, int | None], int] = {}
    for row in conn.execute(
        f"SELECT id, instrument_id, site_id FROM rounds WHERE organization_id IN ({marks})"
        " ORDER BY period_end, id",
        members,
    ):
        newest[(str(row[1]), int(row[2]) if row[2] is not None else None)] = int(row[0])
    found = []
    for (instrument_id, site_id), round_id in newest.items():
        rnd = rounds.get(conn, round_id)
        scores, source = official_for(conn, rnd)
        found.append(
            SiteRound(
                by_id.get(site_id) if site_id is not None else None,
                instrument_id,
                rnd,
                scores.get(OVERALL),
                source,
            )
        )
    found.sort(
        key=lambda s: (
            s.instrument_id,
            s.site is not None,
            s.site.name.casefold() if s.site else "",
        )
    )
    return SiteOverview(organizations.get(conn, canonical), all_sites, found)


def add_site(conn: sqlite3.Connection, org_id: int, name: str, *, actor: str) -> Site:
    """Add a site (a clinic) to an agency."""
    return sites.add(conn, org_id, name, actor=actor)


def rename_site(conn: sqlite3.Connection, site_id: int, name: str, *, actor: str) -> Site:
    """Rename a site; its rounds keep it."""
    return sites.rename(conn, site_id, name, actor=actor)


def site_rounds(conn: sqlite3.Connection, site_id: int) -> list[int]:
    """The rounds a site holds: what removing it would move to the whole agency."""
    sites.get(conn, site_id)  # an unknown id says so
    return sites.rounds_of(conn, site_id)


def remove_site(conn: sqlite3.Connection, site_id: int, *, actor: str) -> list[int]:
    """Remove a site; its rounds become the whole agency's (nothing lost). Returns them."""
    return sites.remove(conn, site_id, actor=actor)


def sites_of(conn: sqlite3.Connection, org_id: int) -> list[Site]:
    """A record's own sites, by name (what a round of that record may be given)."""
    return sites.list_for(conn, org_id)


def round_site(conn: sqlite3.Connection, round_id: int) -> Site | None:
    """The site a round is for (None: the whole agency)."""
    return sites.round_site(conn, round_id)


def set_round_site(
    conn: sqlite3.Connection, round_id: int, site_id: int | None, *, actor: str
) -> tuple[Round, Site | None]:
    """Say which site a round belongs to (None: the whole agency)."""
    site = sites.set_round_site(conn, round_id, site_id, actor=actor)
    return rounds.get(conn, round_id), site
