"""Exact numbers for every threshold: bands, the low flag and the disagreement spread.

A score that lands exactly on a band edge must get the band the instrument's text promises
("min ≤ score < max"), whatever binary floating point would make of it: 10.7143 %, 33.5714 % and
75.7143 % average to exactly 40, which floats put a hair below. So the scoring core computes sums,
means, medians and percents as `Fraction`s, and compares them with the instrument's numbers as
written: `exact(0.1)` is 1/10, not the double nearest to it, because `repr` of a loaded float is
the shortest decimal that reads back as the same float, i.e. the decimal as written in the JSON
for any number a person would write there.

Floats remain for display and for JSON output (`float(fraction)` is correctly rounded). A float
handed back to `exact` recovers the exact value whenever that value is a short decimal, and
otherwise lies so far from any edge written with a few decimals that the comparison cannot change.

Display rounding is half away from zero on the exact value ("half up": 2.675 → 2.68, 0.125 →
0.13), never the binary value's accident (Python's `f"{2.675:.2f}"` gives 2.67).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache
from math import isfinite, lcm
from typing import TypeVar

Number = int | float | Fraction
N = TypeVar("N", bound=Number)


def exact(value: Number) -> Fraction:
    """The exact value of an instrument number or a score: floats through their shortest repr."""
    if type(value) is float:
        return _from_float(value)
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool):
        raise TypeError("a truth value is not a number")
    if isinstance(value, int):
        return Fraction(value)
    return _from_float(float(value))


@lru_cache(maxsize=4096)
def _from_float(value: float) -> Fraction:
    # Cached: an instrument has a handful of distinct values, looked up for every answer.
    return Fraction(repr(value))


def exact_mean(values: Iterable[Number]) -> Fraction | None:
    """The arithmetic mean, exactly: the sum of exact values over their count; None when empty."""
    data = [exact(v) for v in values]
    if not data:
        return None
    return sum(data, Fraction(0)) / len(data)


def exact_median(values: Iterable[Number]) -> Fraction | None:
    """The middle value; for an even count the mean of the two middle values (exactly)."""
    data = sorted(exact(v) for v in values)
    if not data:
        return None
    middle = len(data) // 2
    if len(data) % 2:
        return data[middle]
    return (data[middle - 1] + data[middle]) / 2


def _whole(value: Number) -> bool:
    if isinstance(value, float):
        return value.is_integer()
    return type(value) is int


def exact_total(counts: Mapping[N, int]) -> Fraction:
    """Σ value × count, exactly; whole numbers (most scales) add as ints, which is much faster."""
    if all(_whole(v) for v in counts):
        return Fraction(sum(int(v) * n for v, n in counts.items()))
    return sum((exact(v) * n for v, n in counts.items()), Fraction(0))


def as_float(value: Fraction | None) -> float | None:
    """An exact value as a float for display or JSON; None stays None."""
    return None if value is None else float(value)


def exact_sorted(values: Iterable[Number]) -> tuple[list[int], int]:
    """The exact values in ascending order as integers over one common denominator.

    Sorting and adding integers is many times faster than comparing and adding `Fraction`s (each
    step of which normalises through a gcd); the team statistics of a 1,000-agency roll-up did
    most of their work there. `Fraction(n, common)` gives any of the values back exactly."""
    data = [exact(v) for v in values]
    if not data:
        return [], 1
    common = lcm(*{f.denominator for f in data})
    return sorted(f.numerator * (common // f.denominator) for f in data), common


# Decimal's context holds 28 significant digits: a float's repr has at most 17, so any value below
# this keeps every digit through `quantize` at up to 10 decimals.
_DECIMAL_SAFE = 1e10


def round_half_up(value: Number, digits: int) -> Decimal:
    """`value` rounded to `digits` decimals, ties away from zero, decided on its exact value."""
    if type(value) is float and isfinite(value) and abs(value) < _DECIMAL_SAFE and digits <= 10:
        # The same exact value (the shortest repr) rounded by Decimal: five times faster than
        # Fraction arithmetic, and a PDF of 1,000 agencies formats some 35,000 numbers.
        rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
        return rounded if rounded else rounded.copy_abs()  # never "-0.00"
    fraction = exact(value)
    shifted = abs(fraction) * 10**digits
    whole = shifted.numerator // shifted.denominator
    if shifted - whole >= Fraction(1, 2):
        whole += 1
    sign = -1 if fraction < 0 else 1
    return Decimal(sign * whole).scaleb(-digits)
