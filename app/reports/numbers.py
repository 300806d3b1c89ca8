"""Numbers as every report prints them, in the report's language (Spanish: 2,50 and 62,5%).

Rounded half away from zero on the exact value (app/core/exact.py), for display only: bands and
flags were decided on the exact value before anything was rounded.
"""

from __future__ import annotations

from app.core.exact import round_half_up


def _decimal_mark(text: str, lang: str) -> str:
    return text.replace(".", ",") if lang == "es" else text


def fmt_value(value: float | None, digits: int = 2, lang: str = "en") -> str:
    """A number as printed in every report; tests format the scoring core's value the same way."""
    return "–" if value is None else _decimal_mark(str(round_half_up(value, digits)), lang)


def fmt_score(value: float | None, metric: str, lang: str = "en") -> str:
    """A score in the instrument's band metric: a mean with two decimals or a percent with one."""
    if value is None:
        return "–"
    text = f"{round_half_up(value, 1)}%" if metric == "percent" else str(round_half_up(value, 2))
    return _decimal_mark(text, lang)


_POINTS = {"en": "points", "es": "puntos"}


def fmt_change(value: float | None, metric: str, lang: str = "en") -> str:
    """A change between rounds, signed: a mean's change in scale units (+0.12, −0.40); a percent
    of maximum's change in percentage points ("−0.9 points", "+2,5 puntos"), never "%"."""
    if value is None:
        return "–"
    digits = 1 if metric == "percent" else 2
    rounded = round_half_up(value, digits)
    sign = "+" if rounded > 0 else "−" if rounded < 0 else ""
    text = _decimal_mark(f"{sign}{abs(rounded)}", lang)
    return f"{text} {_POINTS.get(lang, _POINTS['en'])}" if metric == "percent" else text
