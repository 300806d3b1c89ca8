"""Differences on screen: an arrow and a signed number, or words when they round to zero.

Issue 16 found "2.24 = 0.00" in the coordinator's *Against the state* table (it reads as a false
sum) and "= +0.00" in the round history (a rise of nothing)."""

from __future__ import annotations

import pytest

from app.ui.history_dialog import change_text as history_change
from app.ui.rollup_view import change_text as rollup_change
from app.ui.rollup_view import versus_text
from app.ui.texts import fmt_change


@pytest.mark.parametrize(
    ("change", "percent", "shown"),
    [
        (0.0, False, "same"),
        (0.004, False, "same"),  # was "= +0.00"
        (-0.004, False, "same"),  # never "-0.00"
        (0.005, False, "▲ +0.01"),  # half away from zero, as the reports round
        (-0.4, False, "▼ -0.40"),
        (0.04, True, "same"),
        (2.46, True, "▲ +2.5 points"),
        (-0.94, True, "▼ -0.9 points"),
        (None, False, ""),
    ],
)
def test_a_change_is_signed_or_said_in_words(
    qapp: object, change: float | None, percent: bool, shown: str
) -> None:
    assert fmt_change(change, percent, "same") == shown


def test_a_score_at_the_median_does_not_read_as_a_sum(qapp: object) -> None:
    assert versus_text("2.24", 0.0, False) == "2.24 (at the median)"
    assert versus_text("2.50", 0.26, False) == "2.50 (▲ +0.26)"
    assert versus_text("–", None, False) == "–"
    assert "=" not in versus_text("2.24", 0.001, False)


def test_no_change_between_rounds_says_so(qapp: object) -> None:
    assert history_change(0.003, False) == " (no change)"
    assert history_change(0.25, False) == " (▲ +0.25)"
    assert history_change(None, False) == ""
    assert rollup_change(-0.002, False) == "no change"
    assert rollup_change(1.0, False) == "▲ +1.00"
