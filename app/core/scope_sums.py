"""A roll-up's scores from per-scope sums on whole numbers: what it shows, and nothing else.

A state roll-up needs, for each agency's round, its official score per scope (domain, section,
the whole) and each item's official value; not the full scorecard per person that
`scoring.score_answers` makes (a `Summary` with a band per scope, `Fraction`s at every step),
which cost a 1,000-agency roll-up most of its time. `ScopeSums` is made once per instrument
version and compute: every scored value becomes a whole number over one common denominator, so
a scope's sum, mean, percent and banded total are integer sums and one division at the end.

The results are exactly those of the plain path, float for float (tests/test_exact_fast_paths.py
compares them with hypothesis): `consensus` is `scorecard_values(score_answers(...))` with the
consensus values per item, `team` is `scoring.team_means`. Each float is the correctly rounded
quotient of two integers (`int / int` rounds correctly, as `float(Fraction)` does), the same
exact value the plain path rounds. Answers naming an item or a choice the instrument does not
have take the plain path, which raises its usual `ValidationError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from math import lcm

from app.core.exact import exact
from app.core.instrument import Instrument
from app.core.scoring import OVERALL, score_answers, scorecard_values, team_means

_ANSWERED, _SCORED, _SUM, _MAX, _MISSING = range(5)  # a domain's sums, as list positions


class ScopeSums:
    """One instrument version's items as whole numbers, and its scopes as lists of domains."""

    def __init__(self, instrument: Instrument) -> None:
        self.instrument = instrument
        self.metric = instrument.band_metric
        items = list(instrument.iter_items())
        values = {exact(c.value) for i in items for c in i.scale.choices if c.value is not None}
        self.denominator = lcm(*(v.denominator for v in values)) if values else 1
        unit = self.denominator
        domains = instrument.domains
        where = {item.id: d for d, domain in enumerate(domains) for item in domain.items}
        # item id -> (domain position, {code: value × denominator, None when not scored},
        # the scale's top × denominator, required); first choice of a code wins, as in scoring
        self.items: dict[str, tuple[int, dict[str, int | None], int, bool]] = {}
        self.values: dict[str, dict[str, float | None]] = {}  # the instrument's own floats
        for item in items:
            codes: dict[str, int | None] = {}
            raw: dict[str, float | None] = {}
            for choice in item.scale.choices:
                if choice.code not in codes:
                    value = choice.value
                    codes[choice.code] = None if value is None else _whole(value, unit)
                    raw[choice.code] = value
            top = _whole(item.scale.max_value, unit)
            self.items[item.id] = (where[item.id], codes, top, item.required)
            self.values[item.id] = raw
        self.item_ids = list(self.items)
        self.item_set = frozenset(self.items)
        self.domain_count = len(domains)
        self.domain_items = [len(d.items) for d in domains]
        # scopes in scorecard_values' order: domains, then sections, then the whole; a section
        # that is its own domain keeps its place and its (equal) value
        scopes: dict[str, tuple[int, ...]] = {d.id: (n,) for n, d in enumerate(domains)}
        for section in instrument.sections:
            scopes[section.id] = tuple(
                n for n, d in enumerate(domains) if d.section_id == section.id
            )
        scopes[OVERALL] = tuple(range(len(domains)))
        self.scopes = [
            (scope, parts, sum(self.domain_items[n] for n in parts))
            for scope, parts in scopes.items()
        ]
        table = instrument.score_table
        self.table = (
            {raw: exact(score) for raw, score in table.items()} if table is not None else None
        )
        share = instrument.count_share
        self.share = None if share is None else exact(share)

    # ----- one set of answers ------------------------------------------------------------------

    def _sums(self, answers: Mapping[str, str]) -> tuple[list[list[int]], list[int | None]] | None:
        """Per domain [answered, scored, sum, max, required unanswered], and each item's value
        (None: unanswered or not scored); None when an item or a code is not the instrument's."""
        if not self.item_set.issuperset(answers):
            return None  # an answer to an item the instrument does not have
        domains = [[0, 0, 0, 0, 0] for _ in range(self.domain_count)]
        found: list[int | None] = []
        for item_id, (where, codes, top, required) in self.items.items():
            code = answers.get(item_id)
            if code is None:
                found.append(None)
                if required:
                    domains[where][_MISSING] += 1
                continue
            if code not in codes:
                return None
            value = codes[code]
            found.append(value)
            sums = domains[where]
            sums[_ANSWERED] += 1
            if value is not None:
                sums[_SCORED] += 1
                sums[_SUM] += value
                sums[_MAX] += top
        return domains, found

    def _metric(self, scope: str, sums: list[int], total: int) -> tuple[int, int] | None:
        """A scope's score in the band metric, exactly, as numerator and denominator."""
        _, scored, value, top, _ = sums
        if self.metric == "mean":
            return (value, self.denominator * scored) if scored else None
        complete = scored == total and total > 0
        if self.metric == "sum":
            return (value, self.denominator) if complete else None
        if self.metric == "score":
            if scope != OVERALL or self.table is None or not complete:
                return None
            raw, rest = divmod(value, self.denominator)
            score = self.table.get(raw) if rest == 0 else None
            return None if score is None else (score.numerator, score.denominator)
        return (100 * value, top) if scored and top > 0 else None

    def _scope_sums(self, domains: list[list[int]]) -> list[tuple[str, list[int], int]]:
        found = []
        for scope, parts, total in self.scopes:
            if len(parts) == 1:
                sums = domains[parts[0]]
            else:  # column sums of the scope's domains, in C
                sums = list(map(sum, zip(*[domains[n] for n in parts], strict=True)))
            found.append((scope, sums, total))
        return found

    def consensus(
        self, agreed: Mapping[str, str]
    ) -> tuple[dict[str, float | None], dict[str, float | None]]:
        """A complete consensus's scores per scope and each item's agreed value."""
        worked = self._sums(agreed)
        if worked is None:  # the plain path raises its usual message
            scores = scorecard_values(self.instrument, score_answers(self.instrument, agreed))
            return scores, {i: self.values[i].get(agreed[i]) for i in self.item_ids}
        domains, _ = worked
        scores = {
            scope: _float(self._metric(scope, sums, total))
            for scope, sums, total in self._scope_sums(domains)
        }
        return scores, {i: self.values[i][agreed[i]] for i in self.item_ids}

    def check(self, answers: Mapping[str, str]) -> None:
        """Raise as `score_answers` does when an answer is not the instrument's."""
        if self._sums(answers) is None:
            score_answers(self.instrument, answers)

    # ----- a team ------------------------------------------------------------------------------

    def _counts(self, domains: list[list[int]]) -> bool:
        """`scoring.counted_reason` is None: the person counts in the team's statistics."""
        if self.share is None:
            return not any(d[_MISSING] for d in domains)
        total = sum(self.domain_items)
        answered = sum(d[_ANSWERED] for d in domains)
        return total > 0 and answered * self.share.denominator >= self.share.numerator * total

    def team(
        self, people: Iterable[Mapping[str, str]]
    ) -> tuple[dict[str, float | None], dict[str, float | None]]:
        """The team means per scope and per item over the people who count (`team_means`)."""
        people = list(people)
        per_scope: dict[str, list[tuple[int, int]]] = {scope: [] for scope, _, _ in self.scopes}
        item_sums = [0] * len(self.item_ids)
        item_counts = [0] * len(self.item_ids)
        for answers in people:
            worked = self._sums(answers)
            if worked is None:  # the plain path raises its usual message
                return team_means(self.instrument, dict(enumerate(people)))
            domains, found = worked
            if not self._counts(domains):
                continue
            for scope, sums, total in self._scope_sums(domains):
                value = self._metric(scope, sums, total)
                if value is not None:
                    per_scope[scope].append(value)
            for n, item_value in enumerate(found):
                if item_value is not None:
                    item_sums[n] += item_value
                    item_counts[n] += 1
        scores = {scope: _mean(values) for scope, values in per_scope.items()}
        items = {
            item_id: item_sums[n] / (self.denominator * item_counts[n]) if item_counts[n] else None
            for n, item_id in enumerate(self.item_ids)
        }
        return scores, items


def _whole(value: float, unit: int) -> int:
    scaled = exact(value) * unit
    assert scaled.denominator == 1  # unit is a multiple of every value's denominator
    return scaled.numerator


def _float(value: tuple[int, int] | None) -> float | None:
    return None if value is None else value[0] / value[1]


def _mean(values: list[tuple[int, int]]) -> float | None:
    """The exact mean of fractions given as (numerator, denominator), correctly rounded."""
    if not values:
        return None
    common = lcm(*(d for _, d in values))
    total = sum(n * (common // d) for n, d in values)
    return total / (common * len(values))
