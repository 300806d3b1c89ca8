"""The rounds a roll-up shows, read with a few set-based queries and scored on the lean path.

What a roll-up needs of a round depends on its consensus, so that is read first (one query for
every round): a round whose consensus is complete is scored from the consensus alone, and of its
team only three counts are shown (members, members with gaps, items nobody answered), which
SQLite counts without handing a row per answer to Python. Team answers are read (one query)
only for the rounds scored by the team mean: those without a complete consensus, and both
sides of a comparison made on the team-mean basis; each person's answers arrive as one JSON
object that `json.loads` turns into a dict in C. On the benchmark's 1,000 agencies, Python
used to build a row for each of 235,000 answers; now it decodes 2,400 people's objects.

Scores come from `ScopeSums` (app/core/scope_sums.py), one per instrument version: the same
figures as the round's own scorecard and team summary, exactly.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.instrument import Instrument
from app.core.models import Round
from app.core.scope_sums import ScopeSums
from app.core.scoring import BASIS_CONSENSUS, BASIS_TEAM_MEAN, Comparison, compare_rounds
from app.db import instrument_snapshots


@dataclass(frozen=True)
class Official:
    """A round's official scores and completeness, as the roll-up shows them."""

    instrument: Instrument
    scores: dict[str, float | None]
    items: dict[str, float | None]
    complete: bool  # every item has an agreed answer: the scores are the consensus
    respondents: int
    incomplete: int  # members who left an item unanswered
    unanswered: int  # items nobody answered


def _ids(values: Iterable[int | str]) -> str:
    """Any number of values as one JSON parameter (read back with json_each)."""
    return json.dumps(sorted(values))


# Members and members with gaps per round; `+item_id` keeps SQLite from probing the index once
# per item (it checks the ~30 ids in a list instead), so foreign rows never count as answers.
_TEAM_COUNTS_SQL = (
    "SELECT p.round_id, count(*), sum((SELECT count(*) FROM responses a"
    " WHERE a.respondent_id = p.id AND a.choice IS NOT NULL"
    " AND +a.item_id IN (SELECT value FROM json_each(?2))) < ?3)"
    " FROM respondents p WHERE p.round_id IN (SELECT value FROM json_each(?1))"
    " AND p.withdrawn_at IS NULL GROUP BY p.round_id"
)
_CONSENSUS_SQL = (
    "SELECT c.round_id, json_group_object(c.item_id, c.choice) FROM consensus c"
    " WHERE c.round_id IN (SELECT value FROM json_each(?)) AND c.choice IS NOT NULL"
    " GROUP BY c.round_id"
)
_ANSWERS_SQL = (
    "SELECT p.round_id, p.id, (SELECT json_group_object(a.item_id, a.choice) FROM responses a"
    " WHERE a.respondent_id = p.id AND a.choice IS NOT NULL)"
    " FROM respondents p WHERE p.round_id IN (SELECT value FROM json_each(?))"
    " AND p.withdrawn_at IS NULL"
)
_ITEMS_ANSWERED_SQL = (
    "SELECT p.round_id, count(DISTINCT a.item_id) FROM respondents p"
    " JOIN responses a ON a.respondent_id = p.id"
    " WHERE p.round_id IN (SELECT value FROM json_each(?1)) AND p.withdrawn_at IS NULL"
    " AND a.choice IS NOT NULL AND +a.item_id IN (SELECT value FROM json_each(?2))"
    " GROUP BY p.round_id"
)


class RoundData:
    """`shown`: the rounds whose official scores the roll-up shows; `compared`: the pairs
    (round, previous round) it compares, versions that score alike only."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        shown: Iterable[Round],
        compared: Iterable[tuple[Round, Round]],
    ) -> None:
        self.conn = conn
        self._sums: dict[str, ScopeSums] = {}
        showing = {rnd.id: rnd for rnd in shown}
        pairs = list(compared)
        every = dict(showing)
        every.update((prev.id, prev) for _, prev in pairs)
        # each round's agreed answers as one JSON object (UNIQUE (round_id, item_id)), as below
        self.agreed: dict[int, dict[str, str]] = {
            round_id: json.loads(agreed)
            for round_id, agreed in conn.execute(_CONSENSUS_SQL, (_ids(every),))
        }
        self.complete = {
            rid: self.sums(rnd).item_set <= self.agreed.get(rid, {}).keys()
            for rid, rnd in every.items()
        }
        team = {rid for rid in showing if not self.complete[rid]}
        for rnd, prev in pairs:
            if not (self.complete[rnd.id] and self.complete[prev.id]):  # team-mean basis
                team.update((rnd.id, prev.id))
        self.people: dict[int, dict[int, dict[str, str]]] = {rid: {} for rid in team}
        self._read_answers(team)
        self._counts = self._team_counts([rnd for rid, rnd in showing.items() if rid not in team])
        self._official: dict[int, Official] = {}

    def release(self) -> list[object]:
        """Its big containers, handed over to be emptied (app.core.collector.let_go); it reads
        nothing after this."""
        held: list[object] = [self.agreed, self.complete, self.people, self._counts, self._official]
        self.agreed, self.complete, self.people, self._counts, self._official = {}, {}, {}, {}, {}
        return held

    def sums(self, rnd: Round) -> ScopeSums:
        """The round's instrument version as per-scope sums, made once per compute."""
        found = self._sums.get(rnd.instrument_hash)
        if found is None:
            instrument = instrument_snapshots.load(self.conn, rnd.instrument_hash)
            found = self._sums[rnd.instrument_hash] = ScopeSums(instrument)
        return found

    def _read_answers(self, round_ids: set[int]) -> None:
        # One row per person, their answers as one JSON object that SQLite builds and
        # json.loads turns into the dict in C: half the time of a Python row per answer.
        # (An item has one answer per person, UNIQUE (respondent_id, item_id): no duplicate key.)
        loads = json.loads
        for round_id, person_id, answers in self.conn.execute(_ANSWERS_SQL, (_ids(round_ids),)):
            self.people[round_id][person_id] = loads(answers)

    def _team_counts(self, rounds: list[Round]) -> dict[int, tuple[int, int, int]]:
        """Round id -> (members, members with gaps, items nobody answered), counted by SQLite,
        one query per instrument version (its items)."""
        by_version: dict[str, list[int]] = defaultdict(list)
        for rnd in rounds:
            by_version[rnd.instrument_hash].append(rnd.id)
        found: dict[int, tuple[int, int, int]] = {}
        for version, round_ids in by_version.items():
            items = self._sums[version].item_ids
            item_ids = json.dumps(items)
            counts = {
                int(rid): (int(people), int(gaps or 0))
                for rid, people, gaps in self.conn.execute(
                    _TEAM_COUNTS_SQL, (_ids(round_ids), item_ids, len(items))
                )
            }
            gapped = [rid for rid in round_ids if counts.get(rid, (0, 0))[1]]
            answered = (
                dict(self.conn.execute(_ITEMS_ANSWERED_SQL, (_ids(gapped), item_ids)))
                if gapped
                else {}
            )
            for rid in round_ids:
                people, gaps = counts.get(rid, (0, 0))
                if not people:
                    unanswered = len(items)
                elif gaps:
                    unanswered = len(items) - int(answered.get(rid, 0))
                else:
                    unanswered = 0
                found[rid] = (people, gaps, unanswered)
        return found

    def official(self, rnd: Round) -> Official:
        """The round's official scores: its consensus once complete, else its team's mean."""
        found = self._official.get(rnd.id)
        if found is None:
            found = self._official[rnd.id] = self._score(rnd)
        return found

    def _score(self, rnd: Round) -> Official:
        sums = self.sums(rnd)
        agreed = self.agreed.get(rnd.id, {})
        complete = self.complete[rnd.id]
        if complete:
            scores, items = sums.consensus(agreed)
        else:
            if agreed:
                sums.check(agreed)  # a foreign code raises, as it always did
            scores, items = sums.team(self.people.get(rnd.id, {}).values())
        if rnd.id in self.people:
            people = self.people[rnd.id]
            item_ids = sums.item_set
            answered: set[str] = set()
            incomplete = 0
            for answers in people.values():
                answered.update(answers)
                if not item_ids <= answers.keys():
                    incomplete += 1
            counts = (len(people), incomplete, len(item_ids - answered))
        else:
            counts = self._counts[rnd.id]
        return Official(sums.instrument, scores, items, complete, *counts)

    def _on_basis(self, rnd: Round, basis: str) -> dict[str, float | None]:
        if basis == BASIS_CONSENSUS:
            return self.sums(rnd).consensus(self.agreed.get(rnd.id, {}))[0]
        return self.sums(rnd).team(self.people.get(rnd.id, {}).values())[0]

    def compare(self, rnd: Round, previous: Round) -> Comparison:
        """Like with like: consensus with consensus when both have a complete one, else team
        mean with team mean."""
        now = self.official(rnd)
        before = self.sums(previous).instrument
        now_complete, before_complete = self.complete[rnd.id], self.complete[previous.id]
        basis = BASIS_CONSENSUS if now_complete and before_complete else BASIS_TEAM_MEAN
        own = BASIS_CONSENSUS if now_complete else BASIS_TEAM_MEAN
        current = now.scores if basis == own else self._on_basis(rnd, basis)
        earlier = self._on_basis(previous, basis)
        changes = compare_rounds(
            now.instrument, earlier, current, previous_metric=before.band_metric
        )
        return Comparison(
            basis,
            BASIS_CONSENSUS if before_complete else BASIS_TEAM_MEAN,
            own,
            before.band_metric,
            now.instrument.band_metric,
            changes,
        )
