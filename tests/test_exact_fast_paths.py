"""The roll-up's fast paths (issue 20) give exactly what the plain computation gives.

`round_half_up` rounds floats through Decimal and `distribution` works on integers over one
common denominator: both are checked against straightforward Fraction arithmetic; the roll-up's
`team_means` against the full `team_summary` it stands in for.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.exact import exact, round_half_up
from app.core.instrument import Instrument
from app.core.scoring import distribution, team_means, team_summary, team_values


def _reference_round(value: float | Fraction, digits: int) -> Decimal:
    fraction = exact(value)
    shifted = abs(fraction) * 10**digits
    whole = shifted.numerator // shifted.denominator
    if shifted - whole >= Fraction(1, 2):
        whole += 1
    sign = -1 if fraction < 0 else 1
    return Decimal(sign * whole).scaleb(-digits)


_FLOATS = st.one_of(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.integers(-(10**6), 10**6).map(lambda n: n / 1000),  # short decimals, many exact ties
    st.sampled_from([2.675, 0.125, -0.125, -0.001, -0.0, 0.0, 1.005, 99.995, 1e-7]),
)


@given(_FLOATS, st.sampled_from([0, 1, 2, 4]))
def test_round_half_up_on_floats_matches_fractions(value: float, digits: int) -> None:
    expected = _reference_round(value, digits)
    got = round_half_up(value, digits)
    assert got == expected
    assert str(got) == str(expected)  # the same text too: never "-0.00"


def test_round_half_up_ties_away_from_zero() -> None:
    assert str(round_half_up(2.675, 2)) == "2.68"
    assert str(round_half_up(-2.675, 2)) == "-2.68"
    assert str(round_half_up(-0.001, 2)) == "0.00"


_VALUES = st.one_of(
    st.integers(0, 400).map(lambda n: n / 100),
    st.fractions(min_value=0, max_value=100, max_denominator=60),
    st.integers(0, 5),
)


@given(st.lists(_VALUES, max_size=15))
def test_distribution_is_exact(values: list[float | Fraction | int]) -> None:
    got = distribution(values)
    data = sorted(exact(v) for v in values)
    assert got.n == len(data)
    if not data:
        assert got.exact_mean is None and got.mean is None
        return
    mean = sum(data, Fraction(0)) / len(data)
    middle = len(data) // 2
    median = data[middle] if len(data) % 2 else (data[middle - 1] + data[middle]) / 2
    assert (got.exact_mean, got.exact_median) == (mean, median)
    assert (got.exact_min, got.exact_max) == (data[0], data[-1])
    assert (got.mean, got.median, got.min, got.max) == (
        float(mean),
        float(median),
        float(data[0]),
        float(data[-1]),
    )


def _team_strategy(instrument: Instrument) -> st.SearchStrategy[dict[int, dict[str, str]]]:
    """Teams of 0-6 people, each answering any subset of items with any choice (don't know and
    not applicable included), so some people are left out of the team statistics."""
    items = list(instrument.iter_items())
    person = st.fixed_dictionaries(
        {},
        optional={item.id: st.sampled_from([c.code for c in item.scale.choices]) for item in items},
    )
    return st.lists(person, max_size=6).map(lambda people: dict(enumerate(people)))


@pytest.mark.parametrize("fixture", ["mini", "sms_oat", "primary_care"])
def test_team_means_equal_team_summary(fixture: str, request: pytest.FixtureRequest) -> None:
    """The roll-up's lean team means are exactly team_summary's, for every instrument kind."""
    instrument: Instrument = request.getfixturevalue(fixture)

    @settings(max_examples=60, deadline=None)
    @given(_team_strategy(instrument))
    def check(people: dict[int, dict[str, str]]) -> None:
        team = team_summary(instrument, people)
        values, items = team_means(instrument, people)
        assert values == team_values(instrument, team)
        assert items == {i: stats.values.mean for i, stats in team.items.items()}

    check()


def _shape(name: str, request: pytest.FixtureRequest) -> Instrument:
    """Every kind of scoring: mean (mini, sms-oat-bh), percent with fractions and a count-from
    share ("odd"), sum with optional items (oat, pcrs shapes), an individual score table."""
    import copy
    import json
    from pathlib import Path

    from app.core.instrument_loader import parse_instrument

    if name in ("mini", "sms_oat"):
        found: Instrument = request.getfixturevalue(name)
        return found
    fixtures = Path(__file__).parent / "fixtures"
    if name != "odd":
        return parse_instrument(json.loads((fixtures / name).read_text("utf-8")), name)
    odd = copy.deepcopy(json.loads((fixtures / "mini.json").read_text("utf-8")))
    odd["scoring"].update(band_metric="percent", count_respondents_from=0.5)
    for choice, value in zip(odd["scale"]["choices"], [0.5, 1.25, 2.1, 3.3], strict=False):
        choice["value"] = value
    for band, (low, high) in zip(odd["bands"], [(0, 40), (40, 70), (70, 100)], strict=True):
        band["min"], band["max"] = low, high
    return parse_instrument(odd, "odd.json")


@pytest.mark.parametrize(
    "shape",
    ["mini", "sms_oat", "odd", "oat_shape.json", "pcrs_shape.json", "individual_shape.json"],
)
def test_scope_sums_equal_the_plain_scoring(shape: str, request: pytest.FixtureRequest) -> None:
    """The roll-up's per-scope sums give scorecard_values and team_means exactly (issue 20)."""
    from app.core.scope_sums import ScopeSums
    from app.core.scoring import score_answers, scorecard_values

    instrument = _shape(shape, request)
    sums = ScopeSums(instrument)
    items = list(instrument.iter_items())
    everything = st.fixed_dictionaries(
        {item.id: st.sampled_from([c.code for c in item.scale.choices]) for item in items}
    )

    @settings(max_examples=40, deadline=None)
    @given(_team_strategy(instrument), everything)
    def check(people: dict[int, dict[str, str]], agreed: dict[str, str]) -> None:
        assert sums.team(people.values()) == team_means(instrument, people)
        values = scorecard_values(instrument, score_answers(instrument, agreed))
        own = {i.id: i.scale.choice(agreed[i.id]).value for i in items}  # type: ignore[union-attr]
        assert sums.consensus(agreed) == (values, own)
        assert list(sums.consensus(agreed)[0]) == list(values)  # the same order too

    check()


def test_scope_sums_refuse_what_the_plain_scoring_refuses(mini: Instrument) -> None:
    from app.core.errors import ValidationError
    from app.core.scope_sums import ScopeSums

    sums = ScopeSums(mini)
    item = mini.items[0].id
    for answers, message in (({"9.9": "1"}, "not an item"), ({item: "7"}, "not a choice")):
        with pytest.raises(ValidationError, match=message):
            sums.team([{}, answers])
        with pytest.raises(ValidationError, match=message):
            sums.check(answers)
        full = {i.id: "1" for i in mini.items} | answers
        with pytest.raises(ValidationError, match=message):
            sums.consensus(full)
