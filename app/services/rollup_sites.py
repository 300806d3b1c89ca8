"""The roll-up's second level: each agency's sites, next to the agency's own row.

An agency's row in the roll-up is its newest round in the period, whichever level it was made
for (a site or the whole agency). Under it come its sites: for every site with a round of the
instrument in the period, that site's newest such round, scored the same way (official scores).
Sites never enter the state statistics (the agency is the unit a state compares), and in a
small peer group their scores are withheld like the agency's (see rollup.compute_rollup).

Sites of records the coordinator linked as one agency (a reinstall, a second laptop) are one
site when their names match (case and outer spaces aside): the same clinic, seen twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from app.core.models import Round

WHOLE_AGENCY = ""  # a round with no site: the whole agency's


@dataclass(frozen=True)
class SiteRow:
    """One site's newest round in the period, with its official scores."""

    name: str
    round: Round
    source: str  # "consensus" or "team_mean"
    scores: dict[str, float | None]
    incomplete: bool

    def score(self, scope: str = "all") -> float | None:
        return self.scores.get(scope)


def round_sites(conn: sqlite3.Connection, instrument_id: str) -> dict[int, str]:
    """Round id -> its site's name, for the rounds of one instrument that belong to a site
    (one query; a round missing here is the whole agency's)."""
    rows = conn.execute(
        "SELECT r.id, s.name FROM rounds r JOIN sites s ON s.id = r.site_id"
        " WHERE r.instrument_id = ?",
        (instrument_id,),
    )
    return {int(r[0]): str(r[1]) for r in rows}


def newest_per_site(
    histories: Mapping[int, list[Round]],
    site_of: Mapping[int, str],
    in_window: Callable[[Round], bool],
) -> dict[int, list[tuple[str, Round]]]:
    """Per agency (canonical id), each site's newest round in the period, by site name.

    `histories` holds each agency's rounds in period order, so the last one seen wins."""
    found: dict[int, list[tuple[str, Round]]] = {}
    for org_id, history in histories.items():
        newest: dict[str, tuple[str, Round]] = {}
        for rnd in history:
            name = site_of.get(rnd.id)
            if name is not None and in_window(rnd):
                newest[name.strip().casefold()] = (name.strip(), rnd)
        if newest:
            found[org_id] = sorted(newest.values(), key=lambda p: (p[0].casefold(), p[1].id))
    return found
