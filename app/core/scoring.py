"""Scores as pure functions of an instrument and answers: no storage, no Qt.

Answers are given as {item_id: choice_code}; a missing item is unanswered. Only choices of kind
"score" count towards sums and means; "don't know" and "not applicable" are answered but not scored.

Every number a threshold looks at (bands, the low flag, the disagreement spread) is computed
exactly as a Fraction from the instrument's values as written (app/core/exact.py); the float
fields are those exact values correctly rounded, for display and JSON only.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Generic, TypeVar

from app.core.errors import ValidationError
from app.core.exact import Number, as_float, exact, exact_sorted, exact_total
from app.core.instrument import Choice, Instrument, Item, Scale

K = TypeVar("K", bound=Hashable)

OVERALL = "all"


@dataclass(frozen=True)
class Summary:
    """Scores of one respondent (or the consensus) over one scope: a domain, a section or all."""

    scope: str
    total_items: int
    answered: int
    scored: int
    not_scored: int
    sum: float
    max_possible: float
    mean: float | None
    percent: float | None
    band_id: str | None
    exact_mean: Fraction | None = None
    exact_percent: Fraction | None = None
    # The `sum` band metric (format version 2): the sum of scored answers, but only when every
    # item of the scope has a scored answer; one "don't know", "not applicable" or gap leaves the
    # scope unbanded (None), because a total over fewer items is not on the bands' range.
    total: float | None = None
    exact_total: Fraction | None = None
    required_unanswered: int = 0
    # An individual instrument's reported score: its whole banded total through the score table
    # (only for the whole instrument; None for domains and sections, and while unbanded).
    converted: float | None = None
    exact_converted: Fraction | None = None

    def metric(self, metric: str) -> float | None:
        """This summary's score in a band metric ("mean", "percent", "sum" or "score")."""
        if metric == "score":
            return self.converted
        return self.mean if metric == "mean" else self.total if metric == "sum" else self.percent

    def exact_metric(self, metric: str) -> Fraction | None:
        if metric == "mean":
            return self.exact_mean
        if metric == "score":
            return self.exact_converted
        return self.exact_total if metric == "sum" else self.exact_percent

    @property
    def unanswered(self) -> int:
        return self.total_items - self.answered

    @property
    def complete(self) -> bool:
        return self.answered == self.total_items


@dataclass(frozen=True)
class Scorecard:
    """Summaries of one set of answers (a person, the team mean, or the consensus) by scope."""

    overall: Summary
    sections: dict[str, Summary]
    domains: dict[str, Summary]

    def band_metric_value(self, summary: Summary, metric: str) -> float | None:
        return summary.metric(metric)


def resolve_value(item: Item, code: str | None) -> float | None:
    """The scored value of an answer, None when unanswered or unscored; unknown codes raise."""
    if code is None:
        return None
    choice = scale_choices(item.scale).get(code)
    if choice is None:
        raise ValidationError(f"Item {item.id}: '{code}' is not a choice on its scale.")
    return choice.value


# Scale -> its choices by code, keyed by id() with the scale itself kept alive (and checked) so an
# id is never reused while cached. An instrument has a handful of scales; a roll-up looks up a
# few hundred thousand answers on them, and `Scale.choice` scans the tuple each time.
_SCALE_CHOICES: dict[int, tuple[Scale, dict[str, Choice]]] = {}


def scale_choices(scale: Scale) -> dict[str, Choice]:
    """`{code: choice}` of a scale, the first choice of a code winning as in `Scale.choice`."""
    cached = _SCALE_CHOICES.get(id(scale))
    if cached is not None and cached[0] is scale:
        return cached[1]
    if len(_SCALE_CHOICES) > 4096:
        _SCALE_CHOICES.clear()
    by_code: dict[str, Choice] = {}
    for choice in scale.choices:
        by_code.setdefault(choice.code, choice)
    _SCALE_CHOICES[id(scale)] = (scale, by_code)
    return by_code


def _summarise(
    instrument: Instrument,
    scope: str,
    items: Iterable[Item],
    values: Mapping[str, float | None],
    section_id: str | None,
) -> Summary:
    """One scope's summary from `values` (`_resolve`: item -> scored value or None, absent when
    unanswered)."""
    total = answered = scored = required_missing = 0
    # Counted per distinct value, then summed exactly: a few Fraction steps per scope, not one
    # per answer (scoring a round stays within its budget, benchmarks/bench_engine.py).
    value_counts: dict[float, int] = {}
    max_counts: dict[float, int] = {}
    tops: dict[int, float] = {}  # a scale's maximum, sorted out once per scale
    for item in items:
        total += 1
        if item.id not in values:
            required_missing += item.required
            continue
        answered += 1
        value = values[item.id]
        if value is not None:
            scored += 1
            value_counts[value] = value_counts.get(value, 0) + 1
            top = tops.get(id(item.scale))
            if top is None:
                top = tops[id(item.scale)] = item.scale.max_value
            max_counts[top] = max_counts.get(top, 0) + 1
    total_sum = _exact_sum(value_counts)
    max_possible = _exact_sum(max_counts)
    # One normalising constructor each rather than Fraction operators: the same exact values.
    num, den = total_sum.numerator, total_sum.denominator
    mean = Fraction(num, den * scored) if scored else None
    percent = (
        Fraction(100 * num * max_possible.denominator, den * max_possible.numerator)
        if scored and max_possible > 0
        else None
    )
    banded_total = total_sum if scored == total and total else None
    converted = None
    table = instrument.score_table
    if table is not None and scope == OVERALL and banded_total is not None:
        raw = banded_total.numerator // banded_total.denominator
        converted = exact(table[raw]) if banded_total.denominator == 1 and raw in table else None
    metric = instrument.band_metric
    metric_value = {"mean": mean, "sum": banded_total, "score": converted}.get(metric, percent)
    band = instrument.band_for(metric_value, section_id)
    return Summary(
        scope=scope,
        total_items=total,
        answered=answered,
        scored=scored,
        not_scored=answered - scored,
        sum=float(total_sum),
        max_possible=float(max_possible),
        mean=as_float(mean),
        percent=as_float(percent),
        band_id=band.id if band else None,
        exact_mean=mean,
        exact_percent=percent,
        total=as_float(banded_total),
        exact_total=banded_total,
        required_unanswered=required_missing,
        converted=as_float(converted),
        exact_converted=converted,
    )


def _exact_sum(counts: Mapping[float, int]) -> Fraction:
    return exact_total(counts)


def score_answers(instrument: Instrument, answers: Mapping[str, str]) -> Scorecard:
    """Scores for every domain, section and the whole; raises ValidationError on foreign items."""
    for item_id in answers:
        if instrument.item(item_id) is None:
            raise ValidationError(f"'{item_id}' is not an item of {instrument.id}.")
    values = _resolve(instrument, answers)
    domains = {
        d.id: _summarise(instrument, d.id, d.items, values, d.section_id)
        for d in instrument.domains
    }
    sections = {
        s.id: _summarise(instrument, s.id, s.items, values, s.id) for s in instrument.sections
    }
    overall = _summarise(instrument, OVERALL, instrument.iter_items(), values, None)
    return Scorecard(overall=overall, sections=sections, domains=domains)


def _resolve(instrument: Instrument, answers: Mapping[str, str]) -> dict[str, float | None]:
    """Each answered item's scored value (None: answered, not scored), looked up once for the
    domain, the section and the whole; unknown codes raise, the first in domain order first."""
    values: dict[str, float | None] = {}
    for domain in instrument.domains:
        for item in domain.items:
            _resolve_one(item, answers, values)
    for item in instrument.iter_items():
        if item.id not in values:
            _resolve_one(item, answers, values)
    return values


def _resolve_one(item: Item, answers: Mapping[str, str], values: dict[str, float | None]) -> None:
    code = answers.get(item.id)
    if code is None:
        return
    choice = scale_choices(item.scale).get(code)
    if choice is None:
        raise ValidationError(f"Item {item.id}: '{code}' is not a choice on its scale.")
    values[item.id] = choice.value


# ----- the team ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Distribution:
    """Team statistics over a set of numbers (item values, or respondents' domain means).

    The mean is the arithmetic mean; the median the middle value, or for an even count the mean
    of the two middle values. Both are kept exactly (`exact_*`) for thresholds.
    """

    n: int
    mean: float | None
    median: float | None
    min: float | None
    max: float | None
    exact_mean: Fraction | None = None
    exact_median: Fraction | None = None
    exact_min: Fraction | None = None
    exact_max: Fraction | None = None

    @property
    def spread(self) -> float | None:
        return as_float(self.exact_spread)

    @property
    def exact_spread(self) -> Fraction | None:
        if self.exact_min is None or self.exact_max is None:
            return None
        return self.exact_max - self.exact_min


def distribution(values: Iterable[Number]) -> Distribution:
    """n, mean, median, min and max of `values`, computed exactly."""
    # Over integers on one common denominator (exact_sorted): the same exact results, without
    # a Fraction comparison per sorting step.
    ints, common = exact_sorted(values)
    if not ints:
        return Distribution(0, None, None, None, None)
    n = len(ints)
    middle = n // 2
    median = (
        Fraction(ints[middle], common)
        if n % 2
        else Fraction(ints[middle - 1] + ints[middle], 2 * common)
    )
    mean = Fraction(sum(ints), common * n)
    low, high = Fraction(ints[0], common), Fraction(ints[-1], common)
    return Distribution(
        n,
        as_float(mean),
        as_float(median),
        float(low),
        float(high),
        mean,
        median,
        low,
        high,
    )


@dataclass(frozen=True)
class ItemStats:
    """What the team's answers to one item look like: values, counts and flags."""

    item_id: str
    domain_id: str
    values: Distribution
    answered: int
    dont_know: int
    not_applicable: int
    low: bool
    disagreement: bool

    @property
    def flagged(self) -> bool:
        return self.low or self.disagreement or self.dont_know > 0


@dataclass(frozen=True)
class ScopeStats:
    """A domain, section or the whole across the team: the distribution of respondents' means."""

    scope: str
    means: Distribution
    percents: Distribution
    band_id: str | None
    low_items: int
    disagreement_items: int
    # Respondents' banded totals (the `sum` metric; only people with every item scored).
    totals: Distribution = Distribution(0, None, None, None, None)
    # Respondents' converted scores (an individual instrument; the whole instrument only).
    scores: Distribution = Distribution(0, None, None, None, None)

    def metric(self, metric: str) -> Distribution:
        """The distribution of respondents' scores in a band metric."""
        if metric == "score":
            return self.scores
        return self.means if metric == "mean" else self.totals if metric == "sum" else self.percents


NOT_FINISHED = "not_finished"
TOO_FEW_ANSWERS = "too_few_answers"


def counted_reason(instrument: Instrument, card: Scorecard) -> str | None:
    """Why a person's answers are left out of team statistics, or None when they count.

    The rule (docs/score-json.md, "Who counts"): by default only people who finished (answered
    every item, "don't know" and "not applicable" included) count; an instrument may set
    `scoring.count_respondents_from` to a share, and then people who answered at least that share
    of the items count. Compared exactly, so 0.5 of 29 items needs 15 answers.
    """
    overall = card.overall
    if instrument.count_share is None:
        # Finished: every required item answered (every item, unless the file marks some optional).
        return None if overall.required_unanswered == 0 else NOT_FINISHED
    if overall.total_items and Fraction(overall.answered, overall.total_items) >= exact(
        instrument.count_share
    ):
        return None
    return TOO_FEW_ANSWERS


@dataclass(frozen=True)
class TeamSummary(Generic[K]):
    """A round's team: everyone's own scores, and statistics over the people who count.

    `respondents` and `scorecards` hold everyone; `items`, `domains`, `sections` and `overall`
    only `counted`; `not_counted` says why each other person is left out.
    """

    respondents: list[K]
    scorecards: dict[K, Scorecard]
    items: dict[str, ItemStats]
    domains: dict[str, ScopeStats]
    sections: dict[str, ScopeStats]
    overall: ScopeStats
    completion: dict[K, Summary] = field(default_factory=dict)
    counted: list[K] = field(default_factory=list)
    not_counted: dict[K, str] = field(default_factory=dict)

    def is_counted(self, respondent: K) -> bool:
        return respondent not in self.not_counted

    @property
    def flagged_items(self) -> list[ItemStats]:
        return [stats for stats in self.items.values() if stats.flagged]


def item_statistics(instrument: Instrument, item: Item, codes: Iterable[str | None]) -> ItemStats:
    """The statistics of one item from the codes the counted people gave (None = unanswered)."""
    values: list[Number] = []
    answered = dont_know = not_applicable = 0
    for code in codes:
        if code is None:
            continue
        answered += 1
        choice = scale_choices(item.scale).get(code)
        if choice is None:
            raise ValidationError(f"Item {item.id}: '{code}' is not a choice on its scale.")
        if choice.value is not None:
            values.append(choice.value)
        elif choice.kind == "dont_know":
            dont_know += 1
        else:
            not_applicable += 1
    dist = distribution(values)
    low = dist.exact_mean is not None and dist.exact_mean < item.scale.exact_low_threshold
    spread = dist.exact_spread
    disagreement = (
        dist.n >= 2 and spread is not None and spread >= exact(instrument.disagreement_spread)
    )
    return ItemStats(
        item.id, item.domain_id, dist, answered, dont_know, not_applicable, low, disagreement
    )


def _scope_stats(
    instrument: Instrument,
    scope: str,
    summaries: Iterable[Summary],
    items: Iterable[ItemStats],
    section_id: str | None,
) -> ScopeStats:
    summaries = list(summaries)
    means = distribution(s.exact_mean for s in summaries if s.exact_mean is not None)
    percents = distribution(s.exact_percent for s in summaries if s.exact_percent is not None)
    totals = distribution(s.exact_total for s in summaries if s.exact_total is not None)
    scores = distribution(s.exact_converted for s in summaries if s.exact_converted is not None)
    chosen = {"mean": means, "sum": totals, "score": scores}.get(instrument.band_metric, percents)
    band = instrument.band_for(chosen.exact_mean, section_id)
    items = list(items)
    return ScopeStats(
        scope=scope,
        means=means,
        percents=percents,
        band_id=band.id if band else None,
        low_items=sum(1 for i in items if i.low),
        disagreement_items=sum(1 for i in items if i.disagreement),
        totals=totals,
        scores=scores,
    )


def team_summary(
    instrument: Instrument, answers_by_respondent: Mapping[K, Mapping[str, str]]
) -> TeamSummary[K]:
    """Per-item and per-scope team statistics and flags over the people who count (see
    `counted_reason`), and everyone's own scores and completion."""
    everyone = list(answers_by_respondent)
    scorecards = {r: score_answers(instrument, answers_by_respondent[r]) for r in everyone}
    reasons = {r: counted_reason(instrument, scorecards[r]) for r in everyone}
    not_counted = {r: reason for r, reason in reasons.items() if reason is not None}
    respondents = [r for r in everyone if r not in not_counted]
    items = {
        item.id: item_statistics(
            instrument, item, (answers_by_respondent[r].get(item.id) for r in respondents)
        )
        for item in instrument.iter_items()
    }
    domains = {
        d.id: _scope_stats(
            instrument,
            d.id,
            (scorecards[r].domains[d.id] for r in respondents),
            (items[i.id] for i in d.items),
            d.section_id,
        )
        for d in instrument.domains
    }
    sections = {
        s.id: _scope_stats(
            instrument,
            s.id,
            (scorecards[r].sections[s.id] for r in respondents),
            (items[i.id] for i in s.items),
            s.id,
        )
        for s in instrument.sections
    }
    overall = _scope_stats(
        instrument, OVERALL, (scorecards[r].overall for r in respondents), items.values(), None
    )
    completion = {r: scorecards[r].overall for r in everyone}
    return TeamSummary(
        everyone,
        scorecards,
        items,
        domains,
        sections,
        overall,
        completion,
        respondents,
        not_counted,
    )


def team_means(
    instrument: Instrument, answers_by_respondent: Mapping[K, Mapping[str, str]]
) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """What a roll-up needs of a team, and only that: `team_values(instrument, team)` and each
    item's team mean (`team.items[item].values.mean`) of `team = team_summary(...)`, equal to
    them exactly, without the flags, spreads and medians a team review shows. A 1,000-agency
    roll-up spent most of its time on those for rounds without a full consensus."""
    metric = instrument.band_metric
    counted: list[tuple[Mapping[str, str], Scorecard]] = []
    for answers in answers_by_respondent.values():
        card = score_answers(instrument, answers)
        if counted_reason(instrument, card) is None:
            counted.append((answers, card))

    def mean(values: Iterable[Number | None]) -> float | None:
        ints, common = exact_sorted(v for v in values if v is not None)
        return float(Fraction(sum(ints), common * len(ints))) if ints else None

    values = {
        d.id: mean(card.domains[d.id].exact_metric(metric) for _, card in counted)
        for d in instrument.domains
    }
    values.update(
        {
            s.id: mean(card.sections[s.id].exact_metric(metric) for _, card in counted)
            for s in instrument.sections
        }
    )
    values[OVERALL] = mean(card.overall.exact_metric(metric) for _, card in counted)
    items: dict[str, float | None] = {}
    for item in instrument.iter_items():
        by_code = scale_choices(item.scale)
        codes = (answers.get(item.id) for answers, _ in counted)
        items[item.id] = mean(by_code[code].value for code in codes if code is not None)
    return values, items


# ----- rounds over time -------------------------------------------------------------------------


BASIS_CONSENSUS = "consensus"
BASIS_TEAM_MEAN = "team_mean"
METRIC_CHANGED = "band_metric_changed"


@dataclass(frozen=True)
class ScopeChange:
    """One scope's change between two rounds, on one basis; None with a `reason` when the two
    sides are not comparable (their band metrics differ: a mean minus a percent means nothing)."""

    scope: str
    previous: float | None
    current: float | None
    reason: str | None = None

    @property
    def change(self) -> float | None:
        if self.reason is not None or self.previous is None or self.current is None:
            return None
        return self.current - self.previous


def team_values(instrument: Instrument, team: TeamSummary[K]) -> dict[str, float | None]:
    """Per scope (domains, sections, "all"): the team mean of respondents' scores, in band units."""

    def pick(stats: ScopeStats) -> float | None:
        return stats.metric(instrument.band_metric).mean

    values = {scope: pick(stats) for scope, stats in team.domains.items()}
    values.update({scope: pick(stats) for scope, stats in team.sections.items()})
    values[OVERALL] = pick(team.overall)
    return values


def scorecard_values(instrument: Instrument, card: Scorecard) -> dict[str, float | None]:
    """Per scope: one scorecard's score (a respondent's, or the consensus), in band units."""

    def pick(summary: Summary) -> float | None:
        return summary.metric(instrument.band_metric)

    values = {scope: pick(summary) for scope, summary in card.domains.items()}
    values.update({scope: pick(summary) for scope, summary in card.sections.items()})
    values[OVERALL] = pick(card.overall)
    return values


def official_values(
    instrument: Instrument, team: TeamSummary[K], consensus: Scorecard | None, complete: bool
) -> dict[str, float | None]:
    """A round's official scores: the consensus once every item has one, else the team mean."""
    if consensus is not None and complete:
        return scorecard_values(instrument, consensus)
    return team_values(instrument, team)


def comparison_scopes(instrument: Instrument) -> list[str]:
    """Domains in instrument order, then sections, then "all"; each scope once (a section that
    holds items directly is also its own domain, and is listed where its domain is)."""
    scopes = [d.id for d in instrument.domains] + [s.id for s in instrument.sections] + [OVERALL]
    return list(dict.fromkeys(scopes))


def compare_rounds(
    instrument: Instrument,
    previous: Mapping[str, float | None],
    current: Mapping[str, float | None],
    *,
    previous_metric: str | None = None,
) -> list[ScopeChange]:
    """Change per scope (see `comparison_scopes`), in the instrument's band metric.

    Both sides must come from rounds of the same instrument id; a scope present on one side only
    (a later version added or removed a domain) shows None on the other. When the previous round's
    band metric differs, no change is computed (reason `band_metric_changed`).
    """
    reason = (
        METRIC_CHANGED
        if previous_metric is not None and previous_metric != instrument.band_metric
        else None
    )
    return [
        ScopeChange(scope, previous.get(scope), current.get(scope), reason)
        for scope in comparison_scopes(instrument)
    ]


@dataclass(frozen=True)
class RoundValues:
    """One round's scores per scope on each basis it has, in its instrument's band metric."""

    metric: str
    team_mean: Mapping[str, float | None]
    consensus: Mapping[str, float | None] | None  # only once every item has an agreed answer

    @property
    def official_basis(self) -> str:
        return BASIS_CONSENSUS if self.consensus is not None else BASIS_TEAM_MEAN

    @property
    def official(self) -> Mapping[str, float | None]:
        return self.consensus if self.consensus is not None else self.team_mean

    def on(self, basis: str) -> Mapping[str, float | None]:
        if basis == BASIS_CONSENSUS and self.consensus is not None:
            return self.consensus
        return self.team_mean


def round_values(
    instrument: Instrument, team: TeamSummary[K], consensus: Scorecard | None, complete: bool
) -> RoundValues:
    """The team's and, when complete, the consensus values of every scope, for comparisons."""
    agreed = scorecard_values(instrument, consensus) if consensus is not None and complete else None
    return RoundValues(instrument.band_metric, team_values(instrument, team), agreed)


@dataclass(frozen=True)
class Comparison:
    """Two rounds compared like with like: consensus with consensus when both have one, else
    team mean with team mean. Each side's own official basis is kept, so reports can say when the
    compared basis is not the one a side's headline uses."""

    basis: str
    previous_official_basis: str
    current_official_basis: str
    previous_metric: str
    current_metric: str
    changes: list[ScopeChange]

    @property
    def reason(self) -> str | None:
        return METRIC_CHANGED if self.previous_metric != self.current_metric else None

    @property
    def previous(self) -> dict[str, float | None]:
        return {c.scope: c.previous for c in self.changes}

    @property
    def current(self) -> dict[str, float | None]:
        return {c.scope: c.current for c in self.changes}

    def change(self, scope: str = OVERALL) -> float | None:
        return next((c.change for c in self.changes if c.scope == scope), None)


def compare_like_with_like(
    instrument: Instrument, previous: RoundValues, current: RoundValues
) -> Comparison:
    """The default comparison: the same basis on both sides (see `Comparison`)."""
    both = previous.consensus is not None and current.consensus is not None
    basis = BASIS_CONSENSUS if both else BASIS_TEAM_MEAN
    changes = compare_rounds(
        instrument, previous.on(basis), current.on(basis), previous_metric=previous.metric
    )
    return Comparison(
        basis,
        previous.official_basis,
        current.official_basis,
        previous.metric,
        current.metric,
        changes,
    )
