"""Numbers as every report prints them, in the report's language (Spanish: 2,50 and 62,5%)."""

from __future__ import annotations


def _decimal_mark(text: str, lang: str) -> str:
    return text.replace(".", ",") if lang == "es" else text


def fmt_value(value: float | None, digits: int = 2, lang: str = "en") -> str:
    """A number as printed in every report; tests format the scoring core's value the same way."""
    return "–" if value is None else _decimal_mark(f"{value:.{digits}f}", lang)


def fmt_score(value: float | None, metric: str, lang: str = "en") -> str:
    """A score in the instrument's band metric: a mean with two decimals or a percent with one."""
    if value is None:
        return "–"
    return _decimal_mark(f"{value:.1f}%" if metric == "percent" else f"{value:.2f}", lang)
