"""Scoring: hand-checked examples, and invariants over any answers (hypothesis)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import ValidationError
from app.core.instrument import Instrument
from app.core.scoring import (
    OVERALL,
    compare_rounds,
    distribution,
    official_values,
    score_answers,
    scorecard_values,
    team_summary,
    team_values,
)


def test_hand_computed_scorecard(mini: Instrument) -> None:
    answers = {"1.1.1": "4", "1.1.2": "2", "1.2.1": "dk", "1.2.2": "1", "2.1": "na", "2.2": "3"}
    card = score_answers(mini, answers)
    assert card.domains["1.1"].sum == 6 and card.domains["1.1"].mean == 3.0
    assert card.domains["1.1"].band_id == "high"
    d12 = card.domains["1.2"]
    assert (d12.answered, d12.scored, d12.not_scored, d12.unanswered) == (2, 1, 1, 1)
    assert d12.mean == 1.0 and d12.percent == 25.0 and d12.band_id == "low"
    assert card.sections["1"].sum == 7 and card.sections["1"].scored == 3
    whole = card.overall
    assert (whole.total_items, whole.answered, whole.scored, whole.not_scored) == (7, 6, 4, 2)
    assert whole.sum == 10 and whole.mean == 2.5 and whole.percent == 62.5
    assert whole.band_id == "mid" and not whole.complete


def test_nothing_answered_gives_no_mean(mini: Instrument) -> None:
    card = score_answers(mini, {})
    assert card.overall.mean is None and card.overall.percent is None
    assert card.overall.band_id is None and card.overall.unanswered == 7


def test_foreign_item_or_choice_is_refused(mini: Instrument) -> None:
    with pytest.raises(ValidationError, match="not an item"):
        score_answers(mini, {"9.9": "1"})
    with pytest.raises(ValidationError, match="not a choice"):
        score_answers(mini, {"2.1": "7"})


def test_team_flags(mini: Instrument) -> None:
    rest = {item.id: "na" for item in mini.items}  # finished: everyone answered every item
    team = team_summary(
        mini,
        {
            "ana": rest | {"1.1.1": "1", "1.1.2": "1", "2.1": "4", "2.2": "dk"},
            "ben": rest | {"1.1.1": "1", "1.1.2": "4", "2.1": "4", "2.2": "3"},
            "cy": rest | {"1.1.1": "2", "1.1.2": "2", "2.1": "3"},
        },
    )
    i111 = team.items["1.1.1"]
    assert i111.values.n == 3 and i111.values.mean == pytest.approx(4 / 3)
    assert i111.values.median == 1 and i111.values.spread == 1
    assert i111.low and not i111.disagreement
    i112 = team.items["1.1.2"]
    assert i112.disagreement and not i112.low and i112.values.spread == 3
    assert not team.items["2.1"].flagged
    assert team.items["2.2"].dont_know == 1 and team.items["2.2"].flagged
    assert team.items["1.2.1"].values.n == 0 and not team.items["1.2.1"].flagged
    assert {s.item_id for s in team.flagged_items} == {"1.1.1", "1.1.2", "2.2"}
    d11 = team.domains["1.1"]
    assert d11.means.n == 3 and d11.means.min == 1.0 and d11.means.max == 2.5
    assert d11.low_items == 1 and d11.disagreement_items == 1
    assert team.completion["cy"].answered == 7 and team.completion["cy"].scored == 3


def test_compare_rounds(mini: Instrument) -> None:
    before = score_answers(mini, {i.id: "2" for i in mini.items})
    after = score_answers(mini, {i.id: "3" for i in mini.items} | {"2.1": "4"})
    changes = {
        c.scope: c
        for c in compare_rounds(mini, scorecard_values(mini, before), scorecard_values(mini, after))
    }
    assert changes["1.1"].change == pytest.approx(1.0)
    assert changes["2"].change == pytest.approx(1.5)
    assert changes[OVERALL].previous == 2.0
    missing = compare_rounds(mini, {}, scorecard_values(mini, after))
    assert all(c.change is None for c in missing)


def test_official_values_prefer_complete_consensus(mini: Instrument) -> None:
    team = team_summary(mini, {"a": {i.id: "1" for i in mini.items}})
    consensus = score_answers(mini, {i.id: "4" for i in mini.items})
    assert official_values(mini, team, consensus, complete=True)[OVERALL] == 4.0
    assert official_values(mini, team, consensus, complete=False)[OVERALL] == 1.0
    assert team_values(mini, team)["1.2"] == 1.0


def test_distribution_of_nothing() -> None:
    empty = distribution([])
    assert empty.n == 0 and empty.mean is None and empty.spread is None


def test_percent_banded_instrument(mini_doc: dict[str, Any]) -> None:
    from app.core.instrument_loader import parse_instrument

    doc = dict(mini_doc)
    doc["scoring"] = {"disagreement_spread": 2, "band_metric": "percent"}
    doc["bands"] = [
        {
            "id": "a",
            "min": 0,
            "max": 50,
            "label": {"en": "A", "es": "A"},
            "meaning": {"en": "m", "es": "m"},
        },
        {
            "id": "b",
            "min": 50,
            "max": 100,
            "label": {"en": "B", "es": "B"},
            "meaning": {"en": "m", "es": "m"},
        },
    ]
    inst = parse_instrument(doc, "pct")
    assert score_answers(inst, {"2.1": "4"}).overall.band_id == "b"
    assert score_answers(inst, {"2.1": "1"}).overall.band_id == "a"


# ----- properties ---------------------------------------------------------------------------


def answers_strategy(inst: Instrument) -> st.SearchStrategy[dict[str, str]]:
    per_item = {
        item.id: st.one_of(st.none(), st.sampled_from([c.code for c in item.scale.choices]))
        for item in inst.items
    }
    return st.fixed_dictionaries(per_item).map(
        lambda d: {k: v for k, v in d.items() if v is not None}
    )


def _check_invariants(inst: Instrument, answers: dict[str, str]) -> None:
    card = score_answers(inst, answers)
    whole = card.overall
    # Parts add up to the whole.
    for field in ("sum", "answered", "scored", "not_scored", "total_items", "max_possible"):
        assert getattr(whole, field) == pytest.approx(
            sum(getattr(s, field) for s in card.sections.values())
        )
        for section in inst.sections:
            assert getattr(card.sections[section.id], field) == pytest.approx(
                sum(getattr(card.domains[d.id], field) for d in section.domains)
            )
    # Bounds.
    for summary in [whole, *card.sections.values(), *card.domains.values()]:
        assert summary.answered == summary.scored + summary.not_scored
        assert 0 <= summary.answered <= summary.total_items
        if summary.mean is not None:
            assert inst.scale.min_value - 1e-9 <= summary.mean <= inst.scale.max_value + 1e-9
            assert summary.percent is not None and 0 <= summary.percent <= 100 + 1e-9
            assert summary.band_id is not None
        else:
            assert summary.scored == 0
    # Unscored answers are ignored: dropping them changes no score.
    scored_only = {k: v for k, v in answers.items() if inst.item(k).scale.choice(v).scored}
    again = score_answers(inst, scored_only).overall
    assert (again.sum, again.mean, again.scored) == (whole.sum, whole.mean, whole.scored)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_invariants_mini(mini: Instrument, data: st.DataObject) -> None:
    _check_invariants(mini, data.draw(answers_strategy(mini)))


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_invariants_shipped(
    sms_oat: Instrument, primary_care: Instrument, data: st.DataObject
) -> None:
    for inst in (sms_oat, primary_care):
        _check_invariants(inst, data.draw(answers_strategy(inst)))


@settings(max_examples=60, deadline=None)
@given(data=st.data(), people=st.integers(min_value=0, max_value=6))
def test_team_invariants(mini: Instrument, data: st.DataObject, people: int) -> None:
    answers = {p: data.draw(answers_strategy(mini)) for p in range(people)}
    team = team_summary(mini, answers)
    assert team.counted == [p for p, a in answers.items() if len(a) == len(mini.items)]
    for item in mini.items:
        stats = team.items[item.id]
        given_codes = [answers[p][item.id] for p in team.counted if item.id in answers[p]]
        assert stats.answered == len(given_codes)
        assert stats.values.n + stats.dont_know + stats.not_applicable == stats.answered
        if stats.values.n:
            assert stats.values.min <= stats.values.median <= stats.values.max
            assert stats.values.min <= stats.values.mean <= stats.values.max
            assert stats.disagreement == (
                stats.values.n >= 2 and stats.values.spread >= mini.disagreement_spread
            )
            assert stats.low == (stats.values.mean < mini.scale.low_threshold)
        else:
            assert not stats.low and not stats.disagreement
