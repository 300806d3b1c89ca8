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
