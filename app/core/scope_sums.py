"""A roll-up's scores from per-scope sums on whole numbers: what it shows, and nothing else.

A state roll-up needs, for each agency's round, its official score per scope (domain, section,
the whole) and each item's official value; not the full scorecard per person that
`scoring.score_answers` makes (a `Summary` with a band per scope, `Fraction`s at every step),
which cost a 1,000-agency roll-up most of its time. `ScopeSums` is made once per instrument
version and compute: every scored value becomes a whole number over one common denominator, so
a scope's sum, mean, percent and banded total are integer sums and one division at the end.

The work is done in columns, in C: a set of answers becomes, in item order, each item's value,
whether it is scored and whether it is answered (one `map` over per-item lookup tables each),
and a scope is a run of consecutive items (a domain's, a section's, all), so its figures are
`sum`s of slices. A team's item means are column sums over the people who count.

The results are exactly those of the plain path, float for float (tests/test_exact_fast_paths.py
compares them with hypothesis): `consensus` is `scorecard_values(score_answers(...))` with the
consensus values per item, `team` is `scoring.team_means`. Each float is the correctly rounded
quotient of two integers (`int / int` rounds correctly, as `float(Fraction)` does), the same
exact value the plain path rounds. Answers naming an item or a choice the instrument does not
have take the plain path, which raises its usual `ValidationError`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from itertools import compress
from math import lcm

from app.core.exact import exact
from app.core.instrument import Instrument
from app.core.scoring import OVERALL, score_answers, scorecard_values, team_means

# One set of answers in columns: per item, its value × denominator (0 when not scored or not
# answered), 1 if scored, 1 if answered, its scale's top × denominator if scored.
Columns = tuple[list[int], list[int], list[int], list[int]]


class ScopeSums:
    """One instrument version's items as lookup tables of whole numbers, its scopes as runs of
    consecutive items."""

    def __init__(self, instrument: Instrument) -> None:
        self.instrument = instrument
        self.metric = instrument.band_metric
        items = list(instrument.iter_items())
        values = {exact(c.value) for i in items for c in i.scale.choices if c.value is not None}
        self.denominator = unit = lcm(*(v.denominator for v in values)) if values else 1
        self.item_ids = [item.id for item in items]
        self.item_set = frozenset(self.item_ids)
        # code -> number, per item; an unanswered item (code None) is 0 everywhere; the first
        # choice of a code wins, as in scoring.scale_choices
        self._value: list[dict[str | None, int]] = []
        self._scored: list[dict[str | None, int]] = []
        self._answered: list[dict[str | None, int]] = []
        self._top: list[dict[str | None, int]] = []
        self.values: dict[str, dict[str, float | None]] = {}  # the instrument's own floats
        for item in items:
            top = _whole(item.scale.max_value, unit)
            tables: list[dict[str | None, int]] = [{None: 0}, {None: 0}, {None: 0}, {None: 0}]
            own: dict[str, float | None] = {}
            for choice in item.scale.choices:
                if choice.code in own:
                    continue
                own[choice.code] = choice.value
                scored = choice.value is not None
                tables[0][choice.code] = _whole(choice.value, unit) if scored else 0
                tables[1][choice.code] = int(scored)
                tables[2][choice.code] = 1
                tables[3][choice.code] = top if scored else 0
            for column, lookup in zip(
                (self._value, self._scored, self._answered, self._top), tables, strict=True
            ):
                column.append(lookup)
            self.values[item.id] = own
        self._required = [item.required for item in items]
        self._all_required = all(self._required)
        # scopes in scorecard_values' order: domains, then sections, then the whole; a section
        # that is its own domain keeps its place and its (equal) value
        runs: dict[str, tuple[int, int]] = {}
        start = 0
        for section in instrument.sections:
            first = start
            for domain in section.domains:
                runs[domain.id] = (start, start + len(domain.items))
                start += len(domain.items)
            runs[section.id] = (first, start)
        scopes = {d.id: runs[d.id] for d in instrument.domains}
        scopes.update((s.id, runs[s.id]) for s in instrument.sections)
        scopes[OVERALL] = (0, len(items))
        self.scopes = [(scope, a, b) for scope, (a, b) in scopes.items()]
        table = instrument.score_table
        self.table = (
            {raw: exact(score) for raw, score in table.items()} if table is not None else None
        )
        share = instrument.count_share
        self.share = None if share is None else exact(share)

    # ----- one set of answers ------------------------------------------------------------------

    def _columns(self, answers: Mapping[str, str]) -> Columns | None:
        """The answers in columns; None when an item or a code is not the instrument's."""
        if not self.item_set.issuperset(answers):
            return None
        codes = list(map(answers.get, self.item_ids))
        get: Callable[[dict[str | None, int], str | None], int] = dict.get  # type: ignore[assignment]
        values = list(map(get, self._value, codes))
        if None in values:  # a code not on the item's scale (dict.get gave None)
            return None
        return (
            values,
            list(map(get, self._scored, codes)),
            list(map(get, self._answered, codes)),
            list(map(get, self._top, codes)),
        )

    def _scores(self, columns: Columns) -> dict[str, tuple[int, int] | None]:
        """Each scope's score in the band metric, exactly, as numerator and denominator."""
        values, scored, _, tops = columns
        metric, unit = self.metric, self.denominator
        found: dict[str, tuple[int, int] | None] = {}
        for scope, a, b in self.scopes:
            n = sum(scored[a:b])
            total = sum(values[a:b])
            if metric == "mean":
                found[scope] = (total, unit * n) if n else None
            elif metric == "sum":
                found[scope] = (total, unit) if n == b - a and n else None
            elif metric == "score":
                found[scope] = self._converted(total) if scope == OVERALL and n == b - a else None
            else:
                top = sum(tops[a:b])
                found[scope] = (100 * total, top) if n and top > 0 else None
        return found

    def _converted(self, total: int) -> tuple[int, int] | None:
        """An individual instrument's whole banded total through its score table."""
        if self.table is None or not self.item_ids:
            return None
        raw, rest = divmod(total, self.denominator)
        score = self.table.get(raw) if rest == 0 else None
        return None if score is None else (score.numerator, score.denominator)

    def consensus(
        self, agreed: Mapping[str, str]
    ) -> tuple[dict[str, float | None], dict[str, float | None]]:
        """A complete consensus's scores per scope and each item's agreed value."""
        columns = self._columns(agreed)
        if columns is None:  # the plain path raises its usual message
            scores = scorecard_values(self.instrument, score_answers(self.instrument, agreed))
            return scores, {i: self.values[i].get(agreed[i]) for i in self.item_ids}
        scores = {scope: _float(value) for scope, value in self._scores(columns).items()}
        return scores, {i: self.values[i][agreed[i]] for i in self.item_ids}

    def check(self, answers: Mapping[str, str]) -> None:
        """Raise as `score_answers` does when an answer is not the instrument's."""
        if self._columns(answers) is None:
            score_answers(self.instrument, answers)

    # ----- a team ------------------------------------------------------------------------------

    def _counts(self, answered: list[int]) -> bool:
        """`scoring.counted_reason` is None: the person counts in the team's statistics."""
        if self.share is None:  # finished: no required item left unanswered
            if self._all_required:
                return sum(answered) == len(answered)
            return all(compress(answered, self._required))
        total = len(answered)
        return total > 0 and sum(answered) * self.share.denominator >= self.share.numerator * total

    def team(
        self, people: Iterable[Mapping[str, str]]
    ) -> tuple[dict[str, float | None], dict[str, float | None]]:
        """The team means per scope and per item over the people who count (`team_means`)."""
        people = list(people)
        per_scope: dict[str, list[tuple[int, int]]] = {scope: [] for scope, _, _ in self.scopes}
        counted: list[Columns] = []
        for answers in people:
            columns = self._columns(answers)
            if columns is None:  # the plain path raises its usual message
                return team_means(self.instrument, dict(enumerate(people)))
            if not self._counts(columns[2]):
                continue
            counted.append(columns)
            for scope, value in self._scores(columns).items():
                if value is not None:
                    per_scope[scope].append(value)
        scores = {scope: _mean(values) for scope, values in per_scope.items()}
        if not counted:
            return scores, dict.fromkeys(self.item_ids)
        sums = list(map(sum, zip(*(c[0] for c in counted), strict=True)))
        counts = list(map(sum, zip(*(c[1] for c in counted), strict=True)))
        unit = self.denominator
        items = {
            item_id: sums[n] / (unit * counts[n]) if counts[n] else None
            for n, item_id in enumerate(self.item_ids)
        }
        return scores, items


def _whole(value: float | None, unit: int) -> int:
    assert value is not None
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
