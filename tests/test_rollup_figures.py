"""The roll-up's figures, recomputed independently from the round-by-round scoring (issue 20).

The roll-up computes its scores on a lean path of its own (each agency's official scores, item
values, completeness and comparison), for speed. Everything it shows is recomputed here the
plain way, round by round, from what an agency's own screens use (`values_for`, `team_summary`,
`compare_like_with_like`), over varied data: full, partial and no consensus; unanswered items;
"don't know" and "not applicable"; withdrawn people; an empty team; versions that score alike
and versions that do not (other scale values, fractions, another band metric, a count-from
share, optional items, an individual instrument's score table); sites; linked records; peer
groups large and small; previous rounds; open, closed and private rounds; and period windows.
Figures must be equal, not close: both sides are correctly rounded from the same exact values.
"""

from __future__ import annotations

import copy
import json
import random
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.core.instrument import Instrument
from app.core.instrument_loader import parse_instrument
from app.core.models import Round
from app.core.scoring import compare_like_with_like, team_summary
from app.db import agency_attributes, agency_links, organizations, responses, rounds, sites
from app.db.connection import open_database
from app.services.rollup import Rollup, compute_rollup, scores_alike, state_stats
from app.services.round_scores import values_for

FIXTURES = Path(__file__).parent / "fixtures"


def _doc(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def _variant(doc: dict[str, Any], version: str, **changes: Any) -> Instrument:
    doc = copy.deepcopy(doc)
    doc["version"] = version
    for key, value in changes.items():
        if key == "factor":  # scale values and bands multiplied: scores otherwise
            for choice in doc["scale"]["choices"]:
                if "value" in choice:
                    choice["value"] *= value
            for band in [*doc["bands"], *doc["scale"].get("levels", [])]:
                band["min"] *= value
                band["max"] *= value
        elif key == "values":  # other scored values (fractions), same codes
            scored = [c for c in doc["scale"]["choices"] if "value" in c]
            for choice, new in zip(scored, value, strict=True):
                choice["value"] = new
        elif key == "percent":  # band metric percent over 0-100
            doc["scoring"]["band_metric"] = "percent"
            edges = [0, 40, 70, 100]
            for band, low, high in zip(doc["bands"], edges[:-1], edges[1:], strict=True):
                band["min"], band["max"] = low, high
        elif key == "share":
            doc["scoring"]["count_respondents_from"] = value
        elif key == "extra_item":  # one more item on the same scale: scores alike
            items = doc["sections"][-1]["items"]
            items.append({**copy.deepcopy(items[0]), "id": value})
    return parse_instrument(doc, f"{doc['id']}-{version}.json")


class Builder:
    """Rounds with seeded random answers, written through the same functions the app uses."""

    def __init__(self, conn: sqlite3.Connection, seed: int) -> None:
        self.conn = conn
        self.rng = random.Random(seed)

    def agency(self, name: str) -> int:
        found = organizations.find_by_name(self.conn, name)
        return (found or organizations.create(self.conn, name, region="North")).id

    def round(
        self,
        instrument: Instrument,
        agency: str,
        end: date,
        *,
        people: int = 4,
        consensus: str = "full",  # "full", "partial" or "none"
        withdrawn: int = 0,
        idle: int = 0,  # members who answer nothing
        gaps: float = 0.1,  # share of items a person leaves unanswered
        private: bool = False,
        close: bool = True,
        site: str | None = None,
    ) -> Round:
        org_id = self.agency(agency)
        rnd = rounds.create(
            self.conn,
            org_id,
            instrument,
            f"{agency} {end.isoformat()}",
            date(end.year, 1, 1),
            end,
            private=private,
        )
        items = list(instrument.iter_items())
        team = [
            rounds.add_respondent(self.conn, rnd.id, f"P{n}", "clinical_staff")
            for n in range(people + withdrawn)
        ]
        for person in team:
            finished = self.rng.random() < 0.6  # most people answer every item
            for item in items:
                if not finished and self.rng.random() < gaps:
                    continue
                code = self._code(item.scale.choices, unscored=0.15)
                responses.save_answer(self.conn, person.id, item.id, code)
            if self.rng.random() < 0.2:  # an answer given, then cleared
                responses.save_answer(self.conn, person.id, items[0].id, None)
        for person in team[people:]:
            rounds.withdraw_respondent(self.conn, person.id)
        for n in range(idle):
            rounds.add_respondent(self.conn, rnd.id, f"Idle {n}", "other")
        if instrument.kind == "team" and consensus != "none":
            agreed = items if consensus == "full" else items[: max(1, len(items) // 2)]
            for item in agreed:
                code = self._code(item.scale.choices, unscored=0.1)
                responses.save_consensus(self.conn, rnd.id, item.id, code)
        if site is not None:
            found = {s.name: s for s in sites.list_for(self.conn, org_id)}
            chosen = found.get(site) or sites.add(self.conn, org_id, site)
            sites.set_round_site(self.conn, rnd.id, chosen.id)
        if close:
            rounds.set_status(self.conn, rnd.id, "closed")
        return rounds.get(self.conn, rnd.id)

    def _code(self, choices: tuple[Any, ...], unscored: float) -> str:
        plain = [c.code for c in choices if c.value is not None]
        other = [c.code for c in choices if c.value is None]
        if other and self.rng.random() < unscored:
            return self.rng.choice(other)
        return self.rng.choice(plain)


@pytest.fixture
def mixed(mini_doc: dict[str, Any]) -> Iterator[sqlite3.Connection]:
    """Fourteen agencies of instrument 'mini' in five versions, with everything that can vary."""
    conn = open_database(":memory:")
    mini = parse_instrument(mini_doc, "mini.json")
    alike = _variant(mini_doc, "1.1", extra_item="2.3")
    tenfold = _variant(mini_doc, "2.0", factor=10)
    fractions = _variant(mini_doc, "3.0", values=[0.5, 1.25, 2.1, 3.3], percent=True, share=0.5)
    b = Builder(conn, seed=20)
    kinds = ["full", "partial", "none"]
    for n in range(8):  # agencies on the reference version, some with earlier rounds
        name = f"Agency {n}"
        for k, year in enumerate(range(2024, 2024 + 1 + n % 3)):
            b.round(
                mini,
                name,
                date(year, 3 + n, 28),
                people=2 + (n + k) % 5,
                consensus=kinds[(n + k) % 3],
                withdrawn=(n + k) % 2,
            )
    # an earlier round of a version that scores alike, and one that does not
    b.round(alike, "Agency 0", date(2023, 6, 30), consensus="full")
    b.round(tenfold, "Agency 1", date(2023, 6, 30), consensus="full")
    b.round(alike, "Alike", date(2026, 2, 28), consensus="partial", people=5)
    b.round(alike, "Alike", date(2025, 2, 28), consensus="full", people=3)
    b.round(tenfold, "Tenfold", date(2026, 1, 31), consensus="none", people=3)
    b.round(mini, "Tenfold", date(2025, 1, 31), consensus="full", people=3)  # no change shown
    b.round(fractions, "Fractions", date(2026, 1, 31), consensus="none", people=6, gaps=0.5)
    b.round(fractions, "Fractions", date(2025, 1, 31), consensus="full", people=2)
    b.round(mini, "Empty team", date(2026, 1, 31), people=0, consensus="none")
    b.round(mini, "Nobody finished", date(2026, 2, 28), people=3, gaps=0.9, consensus="none")
    b.round(mini, "Idle", date(2026, 2, 28), people=2, idle=1, consensus="none")
    b.round(mini, "Idle", date(2025, 2, 28), people=0, idle=2, consensus="full")
    # a newer round still private until its meeting stays out; one left open counts
    b.round(mini, "Agency 2", date(2026, 10, 31), private=True, close=False)
    b.round(mini, "Agency 3", date(2026, 9, 30), consensus="partial", close=False)
    # sites: two of one agency's rounds are for sites, one agency's newest is a site's
    b.round(mini, "Agency 4", date(2026, 5, 31), site="Eastside", consensus="none")
    b.round(mini, "Agency 4", date(2025, 8, 31), site="Westside", consensus="full")
    b.round(mini, "Agency 5", date(2026, 6, 30), site="Northside", consensus="partial")
    # a second record of Agency 6, linked to it: one history
    b.round(mini, "Agency 6 (laptop)", date(2026, 7, 31), consensus="full")
    agency_links.link(conn, b.agency("Agency 6"), b.agency("Agency 6 (laptop)"))
    for n in range(6):
        agency_attributes.set_attribute(conn, b.agency(f"Agency {n}"), "setting", "rural")
    for name in ("Agency 6", "Agency 7", "Tenfold"):
        agency_attributes.set_attribute(conn, b.agency(name), "setting", "urban")
    yield conn
    conn.close()


def _codes_of_round(
    conn: sqlite3.Connection, rnd: Round
) -> tuple[dict[int, dict[str, str]], dict[str, str]]:
    people = responses.choices_for_round(conn, rnd.id)
    agreed = {
        k: v.choice
        for k, v in responses.consensus_for_round(conn, rnd.id).items()
        if v.choice is not None
    }
    return people, agreed


def _history(conn: sqlite3.Connection, instrument_id: str) -> dict[int, list[Round]]:
    """Each agency's (canonical record's) opened rounds in period order."""
    canon = agency_links.canonical_map(conn)
    found: dict[int, list[Round]] = {}
    for rnd in rounds.list_for_instrument(conn, instrument_id):
        row = conn.execute(
            "SELECT private_until_opened, results_opened_at FROM rounds WHERE id = ?", (rnd.id,)
        ).fetchone()
        if row[0] and row[1] is None:
            continue
        found.setdefault(canon.get(rnd.organization_id, rnd.organization_id), []).append(rnd)
    return {k: sorted(v, key=lambda r: (r.period_end, r.id)) for k, v in found.items()}


def check_figures(
    conn: sqlite3.Connection,
    rollup: Rollup,
    instrument_id: str,
    since: date | None = None,
    until: date | None = None,
    members: set[int] | None = None,
) -> int:
    """Every figure of `rollup` against the plain computation; returns how many agencies."""
    in_window = [
        (
            org,
            [
                r
                for r in h
                if (since is None or r.period_end >= since)
                and (until is None or r.period_end <= until)
            ],
            h,
        )
        for org, h in _history(conn, instrument_id).items()
        if members is None or org in members
    ]
    expected_rounds = {}
    for org, picked, history in in_window:
        if picked:
            index = history.index(picked[-1])
            expected_rounds[org] = (picked[-1], history[index - 1] if index else None)
    assert {a.organization.id: a.round.id for a in rollup.agencies} == {
        org: pair[0].id for org, pair in expected_rounds.items()
    }
    assert sorted(o.id for o in rollup.not_reported) == sorted(
        org for org, picked, _ in in_window if not picked
    )
    uses = Counter(a.instrument.content_hash for a in rollup.agencies)
    assert rollup.instrument.content_hash == uses.most_common(1)[0][0]
    withheld = rollup.suppressed
    official: dict[int, tuple[dict[str, float | None], dict[str, float | None]]] = {}
    for agency in rollup.agencies:
        rnd, previous = expected_rounds[agency.organization.id]
        assert agency.previous_round == previous
        instrument = rounds.instrument_for(conn, rnd)
        assert agency.instrument == instrument
        people, agreed = _codes_of_round(conn, rnd)
        values = values_for(conn, rnd)
        item_ids = {i.id for i in instrument.iter_items()}
        complete = item_ids <= agreed.keys()
        assert agency.consensus_complete is complete
        assert agency.source == values.official_basis
        assert agency.respondents == len(people)
        assert agency.incomplete_respondents == sum(
            1 for answers in people.values() if not item_ids <= answers.keys()
        )
        answered = {i for answers in people.values() for i in answers}
        assert agency.unanswered_items == len(item_ids - answered)
        assert agency.comparable is scores_alike(instrument, rollup.instrument)
        if complete:
            items = {
                i.id: i.scale.choice(agreed[i.id]).value  # type: ignore[union-attr]
                for i in instrument.iter_items()
            }
        else:
            team = team_summary(instrument, people)
            items = {i: stats.values.mean for i, stats in team.items.items()}
        official[agency.round.id] = (dict(values.official), items)
        if withheld:
            assert all(v is None for v in agency.scores.values())
            assert all(v is None for v in agency.items.values())
            assert agency.comparison is None and agency.previous_scores is None
            assert set(agency.scores) == set(values.official)
            continue
        assert agency.scores == dict(values.official)
        assert agency.items == items
        comparison = None
        if previous is not None and scores_alike(rounds.instrument_for(conn, previous), instrument):
            comparison = compare_like_with_like(instrument, values_for(conn, previous), values)
        assert agency.comparison == comparison
        assert agency.previous_scores == (comparison.previous if comparison else None)
        for row in rollup.sites_of(agency):
            site_values = values_for(conn, row.round)
            assert row.scores == dict(site_values.official)
            assert row.source == site_values.official_basis
    counted = [official[a.round.id] for a in rollup.agencies if a.comparable]
    for scope in rollup.scopes:
        expected = state_stats(scores.get(scope.id) for scores, _ in counted)
        if withheld:
            assert rollup.state[scope.id].n == expected.n and rollup.state[scope.id].median is None
        else:
            assert rollup.state[scope.id] == expected
    for item_id in rollup.item_ids:
        expected = state_stats(items.get(item_id) for _, items in counted)
        assert rollup.item_state[item_id].n == expected.n
        if not withheld:
            assert rollup.item_state[item_id] == expected
    return len(rollup.agencies)


@pytest.mark.parametrize(
    ("since", "until"),
    [
        (None, None),
        (date(2026, 1, 1), None),
        (None, date(2025, 12, 31)),
        (date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_every_figure_matches_the_plain_computation(
    mixed: sqlite3.Connection, since: date | None, until: date | None
) -> None:
    rollup = compute_rollup(mixed, "mini", since=since, until=until)
    assert check_figures(mixed, rollup, "mini", since, until) >= 5
    if since is None and until is None:  # the data has what the test claims to cover
        flags = Counter(f for a in rollup.agencies for f in a.flags)
        assert set(flags) == {"no_team", "unanswered", "consensus_incomplete", "other_scale"}
        assert {a.source for a in rollup.agencies} == {"consensus", "team_mean"}
        assert sum(a.comparison is not None for a in rollup.agencies) >= 3
        assert any(a.previous_round and a.comparison is None for a in rollup.agencies)
        assert sum(bool(rollup.sites_of(a)) for a in rollup.agencies) == 2
        assert len(rollup.versions) == 4
        idle = next(a for a in rollup.agencies if a.organization.name == "Idle")
        assert idle.respondents == 3 and idle.incomplete_respondents >= 1  # one answered nothing
        assert idle.comparison is not None and idle.comparison.basis == "team_mean"


@pytest.mark.parametrize(("group", "suppressed"), [("rural", False), ("urban", True)])
def test_peer_groups_match_the_plain_computation(
    mixed: sqlite3.Connection, group: str, suppressed: bool
) -> None:
    rollup = compute_rollup(mixed, "mini", groups={"setting": group})
    assert rollup.suppressed is suppressed
    members = agency_attributes.members_of(mixed, {"setting": group})
    assert check_figures(mixed, rollup, "mini", members=members) >= 3


@pytest.mark.parametrize(
    ("fixture", "variant"),
    [
        ("pcrs_shape.json", {"factor": 10}),  # 1-10 scale, an optional item
        ("oat_shape.json", {"percent": True}),  # the sum metric, then percent
        ("individual_shape.json", {}),  # the score table; no consensus
    ],
)
def test_other_instrument_shapes_match_the_plain_computation(
    fixture: str, variant: dict[str, Any]
) -> None:
    conn = open_database(":memory:")
    doc = _doc(fixture)
    instrument = parse_instrument(doc, fixture)
    other = _variant(doc, "9", **variant) if variant else instrument
    b = Builder(conn, seed=len(fixture))
    kinds = ["full", "partial", "none"]
    for n in range(7):
        for k, year in enumerate(range(2024, 2025 + n % 2)):
            b.round(
                other if n == 6 and k == 0 else instrument,
                f"Agency {n}",
                date(year, 2 + n, 28),
                people=1 + (n + k) % 5,
                consensus=kinds[(n + k) % 3],
                withdrawn=k,
                gaps=0.3,
            )
    rollup = compute_rollup(conn, instrument.id)
    assert check_figures(conn, rollup, instrument.id) == 7
    assert any(a.score() is not None for a in rollup.agencies)
    conn.close()
