"""The state coordinator's roll-up: every agency's newest round of one instrument, side by side.

For each agency the newest round in the period counts (imported or made here), scored exactly as
the agency sees it (its *official* scores: the consensus once every item is agreed, else the team
mean). Across agencies, each domain, section and the whole get a distribution (median, quartiles,
min–max); each agency is set against the state median and against its own previous round; and
agencies whose data is incomplete are flagged, so nobody reads a half-finished round as final.

Rounds answered with different versions of the instrument line up by domain and item id, as long
as the versions score alike: the same band metric and the same scales (codes, kinds and values).
A round of a version that scores otherwise (a file carrying the scale ×10, say) is never mixed
silently: it is flagged `other_scale`, its own scores are shown, and it is left out of the state
statistics and comparisons. The reference version (whose titles and order lead) is the one most
agencies used, so one crafted file cannot take it over, whatever period it claims.
Everything is read with a handful of queries, and only the rounds the roll-up shows (each
agency's newest in the period and the one before it), so memory does not grow with old rounds.

Records the coordinator linked as one agency (app/db/agency_links.py: a reinstall, a second
laptop) count once: their rounds form one history, shown under the canonical record. A roll-up
can be limited to a peer group (`groups`: NAME=VALUE attributes, app/db/agency_attributes.py);
the group's statistics are then suppressed (n kept, the rest left empty, `suppressed` set) when
fewer than MIN_GROUP agencies count, so a small group's figures cannot identify an agency.
In such a small group each agency's (and site's) own scores are withheld too: with three named
rows on the page, their scores would give the withheld median away. The coordinator loses
nothing (the whole-state roll-up shows every agency), and a small group's file can be shared.

Both levels: each agency's row says which site its round is for (`site_of`, empty for the
whole agency), and `sites` lists, under each agency, its sites' newest rounds in the period
(app/services/rollup_sites.py); sites never count in the state statistics.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from app.core.collector import let_go
from app.core.errors import NotFoundError
from app.core.instrument import Instrument, Scale, Text
from app.core.models import Organization, Round
from app.core.scoring import OVERALL, Comparison
from app.db import agency_attributes, agency_links, instrument_snapshots, organizations, rounds
from app.services.rollup_data import RoundData
from app.services.rollup_sites import SiteRow, newest_per_site, round_sites

FLAG_NO_TEAM = "no_team"
FLAG_UNANSWERED = "unanswered"
FLAG_NO_CONSENSUS = "consensus_incomplete"
FLAG_OTHER_SCALE = "other_scale"
MIN_GROUP = 5  # fewer agencies in a peer group than this: its statistics are suppressed
FLAG_MEANINGS: dict[str, str] = {
    FLAG_NO_TEAM: "the round has no team members",
    FLAG_UNANSWERED: "at least one team member left items unanswered (not counted in team scores)",
    FLAG_NO_CONSENSUS: "not every item has an agreed consensus answer (scores are the team mean)",
    FLAG_OTHER_SCALE: (
        "answered with an instrument version whose scale or band metric differs from the "
        "reference version: its scores are shown but left out of the state statistics"
    ),
}


def _scale_key(scale: Scale) -> tuple[tuple[str, str, float | None], ...]:
    return tuple((c.code, c.kind, c.value) for c in scale.choices)


def scores_alike(a: Instrument, b: Instrument) -> bool:
    """Two versions whose scores can be set side by side: the same band metric, the same set of
    scales, and each item both have on the same scale. Titles and wording may differ."""
    if a.content_hash == b.content_hash:
        return True
    if a.band_metric != b.band_metric:
        return False
    if {_scale_key(i.scale) for i in a.iter_items()} != {
        _scale_key(i.scale) for i in b.iter_items()
    }:
        return False
    return all(
        _scale_key(item.scale) == _scale_key(b.item_index[item.id].scale)
        for item in a.iter_items()
        if item.id in b.item_index
    )


@dataclass(frozen=True)
class StateStats:
    """One scope (or item) across agencies."""

    n: int
    mean: float | None
    median: float | None
    q1: float | None
    q3: float | None
    min: float | None
    max: float | None


def state_stats(values: Iterable[float | None]) -> StateStats:
    """n, median, quartiles, min, max and mean of the agencies' values (None left out)."""
    data = sorted(v for v in values if v is not None)
    if not data:
        return StateStats(0, None, None, None, None, None, None)
    if len(data) == 1:
        q1 = q3 = data[0]
    else:
        q1, _, q3 = statistics.quantiles(data, n=4, method="inclusive")
    return StateStats(
        len(data),
        statistics.fmean(data),
        statistics.median(data),
        q1,
        q3,
        data[0],
        data[-1],
    )


@dataclass(frozen=True)
class AgencyRound:
    """One agency's newest round in the period, with its scores and completeness."""

    organization: Organization
    round: Round
    instrument: Instrument
    source: str  # "consensus" or "team_mean"
    scores: dict[str, float | None]  # scope (domain, section, "all") -> band units
    items: dict[str, float | None]  # item -> official value on the item's scale
    previous_round: Round | None
    previous_scores: dict[str, float | None] | None
    respondents: int
    incomplete_respondents: int
    unanswered_items: int  # items nobody answered
    consensus_complete: bool
    comparable: bool = True  # scores alike with the roll-up's reference version
    comparison: Comparison | None = None  # with the previous round, like with like

    @property
    def flags(self) -> list[str]:
        flags = []
        if self.respondents == 0:
            flags.append(FLAG_NO_TEAM)
        if self.incomplete_respondents:
            flags.append(FLAG_UNANSWERED)
        if not self.consensus_complete:
            flags.append(FLAG_NO_CONSENSUS)
        if not self.comparable:
            flags.append(FLAG_OTHER_SCALE)
        return flags

    @property
    def incomplete(self) -> bool:
        return bool(self.flags)

    def score(self, scope: str = OVERALL) -> float | None:
        return self.scores.get(scope)

    def previous(self, scope: str = OVERALL) -> float | None:
        """The previous round's score on the compared basis (see `comparison`)."""
        return self.previous_scores.get(scope) if self.previous_scores else None

    def change(self, scope: str = OVERALL) -> float | None:
        """Like with like (consensus with consensus, else team mean with team mean); None when
        the band metrics differ."""
        return self.comparison.change(scope) if self.comparison is not None else None


@dataclass(frozen=True)
class Scope:
    """A domain, section or the overall score, as a column of the roll-up."""

    id: str
    kind: str  # "domain", "section" or "overall"
    title: Text | None


@dataclass(frozen=True)
class Rollup:
    """The state picture for a period: the reference instrument, each agency's round, who did not
    report.
    """

    instrument: Instrument  # the reference: the version of the most recent round
    since: date | None
    until: date | None
    agencies: list[AgencyRound]
    not_reported: list[Organization]
    scopes: list[Scope]  # domains, then sections, then overall
    state: dict[str, StateStats]  # per scope id
    item_ids: list[str]
    item_state: dict[str, StateStats]
    versions: list[str] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)  # the peer group: NAME -> VALUE
    suppressed: bool = False  # a group of fewer than MIN_GROUP agencies: statistics withheld
    site_of: dict[int, str] = field(default_factory=dict)  # round id -> site ('' or absent: whole)
    sites: dict[int, list[SiteRow]] = field(default_factory=dict)  # agency id -> its sites

    def site_name(self, agency: AgencyRound) -> str:
        """The site the agency's round is for, '' for the whole agency."""
        return self.site_of.get(agency.round.id, "")

    def sites_of(self, agency: AgencyRound) -> list[SiteRow]:
        """The agency's sites with a round in the period (newest each), by name."""
        return self.sites.get(agency.organization.id, [])

    @property
    def group_label(self) -> str:
        """'region=North, setting=rural', or '' for the whole state."""
        return ", ".join(f"{name}={value}" for name, value in self.groups.items())

    @property
    def domains(self) -> list[Scope]:
        return [s for s in self.scopes if s.kind == "domain"]

    def vs_median(self, agency: AgencyRound, scope: str = OVERALL) -> float | None:
        if not agency.comparable:
            return None
        value, median = agency.score(scope), self.state[scope].median
        return None if value is None or median is None else value - median

    @property
    def incomplete(self) -> list[AgencyRound]:
        return [a for a in self.agencies if a.incomplete]

    @property
    def other_scale(self) -> list[AgencyRound]:
        """Agencies left out of the state statistics: their version scores otherwise."""
        return [a for a in self.agencies if not a.comparable]


def compute_rollup(
    conn: sqlite3.Connection,
    instrument_id: str,
    *,
    since: date | None = None,
    until: date | None = None,
    groups: Mapping[str, str] | None = None,
) -> Rollup:
    """The roll-up of `instrument_id` over rounds whose review period ends in [since, until],
    of the agencies in the peer group `groups` (every NAME=VALUE matches) or of all."""
    # a round private until its meeting stays out until the facilitator opens it
    all_rounds = rounds.list_for_instrument(conn, instrument_id, opened_only=True)
    if not all_rounds:
        raise NotFoundError(f"There is no round of instrument '{instrument_id}' here.")
    by_org: dict[int, list[Round]] = defaultdict(list)
    canon = agency_links.canonical_map(conn)  # linked records: one agency, one history
    for rnd in all_rounds:
        by_org[canon.get(rnd.organization_id, rnd.organization_id)].append(rnd)
    wanted = {agency_attributes.clean_name(k): v.strip() for k, v in (groups or {}).items()}
    if wanted:
        in_group = agency_attributes.members_of(conn, wanted)
        if not in_group:  # a typo in a group's name or value, most likely: say so
            label = ", ".join(f"{k}={v}" for k, v in wanted.items())
            raise NotFoundError(
                f"No agency here is in the peer group {label}; 'smsoat agencies' shows each"
                " agency's groups."
            )
        by_org = defaultdict(list, {k: v for k, v in by_org.items() if k in in_group})

    def in_window(rnd: Round) -> bool:
        return (since is None or rnd.period_end >= since) and (
            until is None or rnd.period_end <= until
        )

    chosen: list[tuple[Round, Round | None]] = []
    silent: list[int] = []
    for org_id, history in by_org.items():
        picked = [i for i, rnd in enumerate(history) if in_window(rnd)]
        if not picked:
            silent.append(org_id)
            continue
        index = picked[-1]
        chosen.append((history[index], history[index - 1] if index else None))
    # Only the chosen rounds and their previous ones are read: the answers of older rounds would
    # make the roll-up's memory grow with every round ever imported.
    site_of = round_sites(conn, instrument_id)
    per_site = newest_per_site(by_org, site_of, in_window)
    shown = [rnd for rnd, _ in chosen] + [rnd for picks in per_site.values() for _, rnd in picks]
    compared = [
        (rnd, prev)
        for rnd, prev in chosen
        if prev is not None
        and scores_alike(
            instrument_snapshots.load(conn, prev.instrument_hash),
            instrument_snapshots.load(conn, rnd.instrument_hash),
        )
    ]
    data = RoundData(conn, shown, compared)
    orgs = organizations.get_many(
        conn,
        [*(rnd.organization_id for rnd, _ in chosen), *canon.values(), *silent],
    )

    def organization(org_id: int) -> Organization:
        found = orgs.get(org_id)
        return found if found is not None else organizations.get(conn, org_id)

    alike = {rnd.id for rnd, _ in compared}
    agencies = [
        _agency_round(
            data,
            rnd,
            previous,
            rnd.id in alike,
            # shown under the canonical record, whichever record made the round
            organization(canon.get(rnd.organization_id, rnd.organization_id)),
        )
        for rnd, previous in chosen
    ]
    site_rows = {
        org_id: [_site_row(data, n, r) for n, r in picks] for org_id, picks in per_site.items()
    }
    agencies.sort(key=lambda a: (a.organization.name.casefold(), a.organization.id))
    reference_round = _reference(agencies, all_rounds)
    not_reported = sorted(
        (organization(org_id) for org_id in silent),
        key=lambda o: (o.name.casefold(), o.id),
    )
    instruments = [a.instrument for a in agencies] or [
        instrument_snapshots.load(conn, all_rounds[-1].instrument_hash)
    ]
    reference = reference_round.instrument if reference_round else instruments[0]
    agencies = [
        a if scores_alike(a.instrument, reference) else dataclasses.replace(a, comparable=False)
        for a in agencies
    ]
    counted = [a for a in agencies if a.comparable]
    # each version once: a thousand agencies answered two or three
    versions_counted = {a.instrument.content_hash: a.instrument for a in counted}
    scopes, item_ids = _scopes(reference, list(versions_counted.values()) or [reference])
    state = {s.id: state_stats(a.score(s.id) for a in counted) for s in scopes}
    item_state = {i: state_stats(a.items.get(i) for a in counted) for i in item_ids}
    versions = sorted({i.version for i in instruments})
    suppressed = bool(wanted) and len(counted) < MIN_GROUP
    if suppressed:
        state = {k: _withheld(v) for k, v in state.items()}
        item_state = {k: _withheld(v) for k, v in item_state.items()}
        agencies = [_scores_withheld(a) for a in agencies]
        site_rows = {
            k: [dataclasses.replace(r, scores=dict.fromkeys(r.scores)) for r in v]
            for k, v in site_rows.items()
        }
    result = Rollup(
        reference,
        since,
        until,
        agencies,
        not_reported,
        scopes,
        state,
        item_ids,
        item_state,
        versions,
        wanted,
        suppressed,
        {a.round.id: site_of[a.round.id] for a in agencies if a.round.id in site_of},
        site_rows,
    )
    # the intermediates freed piece by piece, not in one C call as this frame ends (a GUI thread
    # waiting on a worker's roll-up stalled ~60 ms at 100,000 rounds: app/core/collector.py)
    let_go(all_rounds, by_org, chosen, shown, compared, data.release(), site_of, canon)
    return result


def _scores_withheld(agency: AgencyRound) -> AgencyRound:
    """An agency of a small group: named, with its completeness, but none of its scores."""
    return dataclasses.replace(
        agency,
        scores=dict.fromkeys(agency.scores),
        items=dict.fromkeys(agency.items),
        previous_scores=None,
        comparison=None,
    )


def _withheld(stats: StateStats) -> StateStats:
    """A small group's statistics: how many agencies, nothing that could identify one."""
    return StateStats(stats.n, None, None, None, None, None, None)


def _reference(agencies: list[AgencyRound], history: list[Round]) -> AgencyRound | None:
    """A round of the version most agencies answered in the period; among equally common
    versions, the one with more rounds here in all, then the one here first (lowest local id).
    Nothing a file claims about itself (its period, its dates) decides, so one crafted file
    cannot make its version the reference."""
    uses: dict[str, int] = defaultdict(int)
    rounds_here: dict[str, int] = defaultdict(int)
    first_here: dict[str, int] = {}
    for a in agencies:
        uses[a.instrument.content_hash] += 1
    for rnd in history:
        rounds_here[rnd.instrument_hash] += 1
        first_here[rnd.instrument_hash] = min(first_here.get(rnd.instrument_hash, rnd.id), rnd.id)
    return max(
        agencies,
        key=lambda a: (
            uses[a.instrument.content_hash],
            rounds_here[a.instrument.content_hash],
            -first_here.get(a.instrument.content_hash, a.round.id),
        ),
        default=None,
    )


def _scopes(reference: Instrument, others: list[Instrument]) -> tuple[list[Scope], list[str]]:
    """The reference version's domains, sections and items, then any only other versions have."""
    domains: dict[str, Scope] = {}
    sections: dict[str, Scope] = {}
    items: dict[str, None] = {}
    for inst in [reference, *others]:
        for d in inst.domains:
            domains.setdefault(d.id, Scope(d.id, "domain", d.title))
        for s in inst.sections:
            sections.setdefault(s.id, Scope(s.id, "section", s.title))
        for item in inst.iter_items():
            items.setdefault(item.id, None)
    # A section without subsections is its own single domain: list that id once, as a domain.
    only_sections = [s for sid, s in sections.items() if sid not in domains]
    return [*domains.values(), *only_sections, Scope(OVERALL, "overall", None)], list(items)


def _agency_round(
    data: RoundData, rnd: Round, previous: Round | None, compared: bool, org: Organization
) -> AgencyRound:
    official = data.official(rnd)
    # a change between versions that score otherwise would mean nothing (`compared` is False)
    comparison = data.compare(rnd, previous) if compared and previous is not None else None
    return AgencyRound(
        organization=org,
        round=rnd,
        instrument=official.instrument,
        source="consensus" if official.complete else "team_mean",
        scores=official.scores,
        items=official.items,
        previous_round=previous,
        previous_scores=comparison.previous if comparison is not None else None,
        respondents=official.respondents,
        incomplete_respondents=official.incomplete,
        unanswered_items=official.unanswered,
        consensus_complete=official.complete,
        comparison=comparison,
    )


def _site_row(data: RoundData, name: str, rnd: Round) -> SiteRow:
    """A site's newest round, scored as an agency's would be."""
    official = data.official(rnd)
    source = "consensus" if official.complete else "team_mean"
    return SiteRow(
        name, rnd, source, official.scores, not official.complete or bool(official.incomplete)
    )


def instruments_with_rounds(conn: sqlite3.Connection) -> list[Instrument]:
    """One instrument per id that has rounds here (imported or made here), as its newest round
    was answered with, sorted by id: what a roll-up can be made of."""
    found = []
    # Each distinct id by an index search from the last (a skip-scan), then its newest round by
    # another: never a pass over every round, which the coordinator view paid at each opening.
    for (instrument_id,) in conn.execute(_INSTRUMENT_IDS_SQL).fetchall():
        row = conn.execute(_NEWEST_HASH_SQL, (instrument_id,)).fetchone()
        found.append(instrument_snapshots.load(conn, row[0]))
    return found


_INSTRUMENT_IDS_SQL = (
    "WITH RECURSIVE ids(id) AS ("
    " SELECT min(instrument_id) FROM rounds"
    " UNION ALL SELECT (SELECT min(instrument_id) FROM rounds WHERE instrument_id > ids.id)"
    " FROM ids WHERE ids.id IS NOT NULL)"
    " SELECT id FROM ids WHERE id IS NOT NULL"
)
_NEWEST_HASH_SQL = (
    "SELECT instrument_hash FROM rounds WHERE instrument_id = ?"
    " ORDER BY period_end DESC, id DESC LIMIT 1"
)
