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
