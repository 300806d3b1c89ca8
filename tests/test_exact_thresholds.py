"""Bands, the low flag and the disagreement spread compare exactly with the instrument's numbers.

The reference here is independent of the app: the instrument's JSON read with every number as a
Fraction (`parse_float=Fraction`), and teams built so that their mean lands exactly on an edge.
"""

from __future__ import annotations

import copy
import itertools
import json
import random
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.exact import exact, round_half_up
from app.core.instrument import Instrument
from app.core.instrument_loader import load_instrument, parse_instrument
from app.core.scoring import item_statistics, score_answers, team_summary

REPO = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SHIPPED = sorted((REPO / "instruments").glob("*.json"))


def exact_doc(text: str) -> dict[str, Any]:
    """The document with every number exactly as written."""
    data: dict[str, Any] = json.loads(text, parse_float=Fraction, parse_int=Fraction)
    return data


def reference_band(bands: list[dict[str, Any]], score: Fraction) -> str | None:
    for index, band in enumerate(bands):
        if band["min"] <= score < band["max"] or (index == len(bands) - 1 and score == band["max"]):
            return str(band["id"])
    return None


# ----- synthetic scales -------------------------------------------------------------------------


def synthetic(
    values: list[str],
    edges: list[str],
    metric: str = "mean",
    spread: str = "1",
    levels: list[tuple[str, str]] | None = None,
) -> tuple[Instrument, dict[str, Any]]:
    """The mini instrument with scale `values` and bands between `edges`, written as decimals."""
    doc: dict[str, Any] = json.loads((FIXTURES / "mini.json").read_text(encoding="utf-8"))
    doc = copy.deepcopy(doc)
    unscored = [c for c in doc["scale"]["choices"] if c["kind"] != "score"]
    choices = [
        {
            "code": f"v{i}",
            "kind": "score",
            "value": "@" + v,
            "label": {"en": f"Value {v}", "es": f"Valor {v}"},
        }
        for i, v in enumerate(values)
    ]
    doc["scale"] = {"choices": choices + unscored}
    if levels is not None:
        doc["scale"]["levels"] = [
            {"min": "@" + lo, "max": "@" + hi, "label": {"en": f"L{i}", "es": f"N{i}"}}
            for i, (lo, hi) in enumerate(levels)
        ]
    doc["scoring"] = {"disagreement_spread": "@" + spread, "band_metric": metric}
    doc["bands"] = [
        {
            "id": f"b{i}",
            "min": "@" + lo,
            "max": "@" + hi,
            "label": {"en": f"Band {i}", "es": f"Banda {i}"},
            "meaning": {"en": "Meaning.", "es": "Significado."},
        }
        for i, (lo, hi) in enumerate(itertools.pairwise(edges))
    ]
    # Numbers go in as written: "@0.1" becomes the JSON literal 0.1.
    text = re.sub(r'"@(-?[0-9.]+)"', r"\1", json.dumps(doc))
    return parse_instrument(json.loads(text), "synthetic.json"), exact_doc(text)


DECIMAL = (["0.1", "0.2", "0.3", "0.4", "0.5"], ["0.1", "0.34", "0.45", "0.5"])
HALVES = (["1", "1.5", "2", "2.5", "3", "3.5", "4"], ["1", "1.75", "2.5", "3.25", "4"])
NEGATIVE = (["-2", "-1.5", "-1", "-0.5", "0", "0.5", "1"], ["-2", "-0.7", "0.3", "1"])
SYNTHETIC = {"decimal": DECIMAL, "halves": HALVES, "negative": NEGATIVE}


def instrument_cases() -> list[tuple[str, Instrument, dict[str, Any]]]:
    cases = [
        (path.name, load_instrument(path), exact_doc(path.read_text(encoding="utf-8")))
        for path in SHIPPED
    ]
    for name, (values, edges) in SYNTHETIC.items():
        for metric in ("mean", "percent"):
            if metric == "percent":
                if exact(Fraction(values[0])) < 0:
                    continue  # percent of maximum is defined for non-negative scales only
                edges = ["0", "30", "45", "62.5", "100"]
            inst, doc = synthetic(values, edges, metric, spread="0.3")
            cases.append((f"{name}-{metric}", inst, doc))
    return cases


CASES = {name: (inst, doc) for name, inst, doc in instrument_cases()}


# ----- the reported cases -----------------------------------------------------------------------


def test_primary_care_team_mean_of_exactly_40_is_developing(primary_care: Instrument) -> None:
    """10.7143 %, 33.5714 % and 75.7143 % average to exactly 40: Developing (40 ≤ s < 60)."""
    ids = [item.id for item in primary_care.iter_items()]
    scored = ids[:14]

    def person(total: int) -> dict[str, str]:
        values = [1] * len(scored)
        rest, index = total - len(scored), 0
        while rest:
            add = min(9, rest)
            values[index] += add
            rest -= add
            index += 1
        answers = {iid: str(v) for iid, v in zip(scored, values, strict=True)}
        answers.update({iid: "na" for iid in ids[14:]})
        return answers

    team = team_summary(primary_care, {1: person(15), 2: person(47), 3: person(106)})
    percents = [round(team.scorecards[r].overall.percent or 0, 4) for r in (1, 2, 3)]
    assert percents == [10.7143, 33.5714, 75.7143]
    assert team.overall.percents.exact_mean == 40
    assert team.overall.percents.mean == 40.0
    assert team.overall.band_id == "developing"


def test_decimal_scale_mean_of_exactly_0_1_is_in_the_first_band() -> None:
    inst, _ = synthetic(*DECIMAL)
    answers = {item.id: "v0" for item in inst.iter_items()}  # seven answers of 0.1
    card = score_answers(inst, answers)
    assert card.overall.exact_mean == Fraction(1, 10)
    assert card.overall.band_id == "b0"
    assert team_summary(inst, {1: answers}).overall.band_id == "b0"


def test_decimal_scale_mean_of_exactly_0_34_is_in_the_upper_band() -> None:
    inst, _ = synthetic(*DECIMAL)
    section = inst.section("1")
    assert section is not None and len(section.items) == 5
    codes = ["v2", "v2", "v2", "v3", "v3"]  # 0.3, 0.3, 0.3, 0.4, 0.4
    answers = {item.id: "na" for item in inst.items}  # finished, so the person counts
    answers |= {item.id: code for item, code in zip(section.items, codes, strict=True)}
    card = score_answers(inst, answers)
    assert card.sections["1"].exact_mean == Fraction(34, 100)
    assert card.sections["1"].band_id == "b1"
    assert team_summary(inst, {1: answers}).sections["1"].band_id == "b1"


def test_item_mean_on_the_low_midpoint_is_not_low() -> None:
    inst, _ = synthetic(*DECIMAL)
    item = inst.items[0]
    assert item.scale.exact_low_threshold == Fraction(15, 100)
    on_edge = item_statistics(inst, item, ["v0", "v0", "v0", "v2"])  # mean exactly 0.15
    assert on_edge.values.exact_mean == Fraction(15, 100)
    assert not on_edge.low
    below = item_statistics(inst, item, ["v0", "v0", "v0", "v1"])
    assert below.low


def test_spread_exactly_at_the_threshold_is_disagreement() -> None:
    inst, _ = synthetic(*DECIMAL, spread="0.3")
    item = inst.items[0]
    assert item_statistics(inst, item, ["v0", "v3"]).disagreement  # 0.4 - 0.1 = 0.3
    assert not item_statistics(inst, item, ["v0", "v2"]).disagreement  # 0.2


def test_display_rounding_is_half_up_on_the_exact_value() -> None:
    assert str(round_half_up(2.675, 2)) == "2.68"  # f"{2.675:.2f}" gives 2.67
    assert str(round_half_up(Fraction(1, 8), 2)) == "0.13"
    assert str(round_half_up(-2.675, 2)) == "-2.68"
    assert str(round_half_up(Fraction(200, 3), 1)) == "66.7"


# ----- properties at every edge -----------------------------------------------------------------


def _team_on(
    inst: Instrument, target: Fraction, people: int, rng: random.Random
) -> dict[int, dict[str, str]] | None:
    """`people` respondents answering every item, whose team mean is exactly `target`; or None."""
    items = inst.items
    scale = items[0].scale
    assert all(item.scale == scale for item in items), "the test assumes one scale"
    choices = sorted(
        ((exact(c.value), c.code) for c in scale.choices if c.value is not None),
        key=lambda pair: pair[0],
    )
    values = [v for v, _ in choices]
    step = values[1] - values[0]
    if any(b - a != step for a, b in itertools.pairwise(values)):
        return None
    slots = people * len(items)
    total = target * slots if inst.band_metric == "mean" else target * slots * values[-1] / 100
    units = (total - slots * values[0]) / step
    top = len(values) - 1
    if units.denominator != 1 or not 0 <= units <= slots * top:
        return None
    levels = [0] * slots
    remaining = int(units)
    order = list(range(slots))
    rng.shuffle(order)
    while remaining:
        for slot in order:
            if remaining and levels[slot] < top:
                add = rng.randint(1, min(top - levels[slot], remaining))
                levels[slot] += add
                remaining -= add
    return {
        p: {item.id: choices[levels[p * len(items) + k]][1] for k, item in enumerate(items)}
        for p in range(people)
    }


@pytest.mark.parametrize("name", CASES)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_team_on_an_edge_gets_the_band_as_written(name: str, data: st.DataObject) -> None:
    inst, doc = CASES[name]
    edges = sorted({b["min"] for b in doc["bands"]} | {b["max"] for b in doc["bands"]})
    values = sorted(exact(v) for v in inst.scale.scored_values)
    low, high = values[0], values[-1]
    if inst.band_metric == "percent":
        low, high = 100 * low / high, Fraction(100)
    # Every edge a team can reach at all (a percent never falls below the lowest answer's share).
    edges = [e for e in edges if low <= e <= high]
    target = data.draw(st.sampled_from(edges), label="edge")
    rng = random.Random(data.draw(st.integers(0, 2**32), label="seed"))
    feasible = [n for n in range(1, 13) if _team_on(inst, target, n, random.Random(0))]
    assert feasible, f"{name}: no team of up to 12 reaches the edge {target}"
    people = data.draw(st.sampled_from(feasible), label="people")
    team_answers = _team_on(inst, target, people, rng)
    assert team_answers is not None
    team = team_summary(inst, team_answers)
    stats = team.overall.means if inst.band_metric == "mean" else team.overall.percents
    assert stats.exact_mean == target
    assert team.overall.band_id == reference_band(doc["bands"], target)
    assert inst.band_for(stats.mean) == inst.band_for(target)  # its float reads back exactly


@pytest.mark.parametrize("name", CASES)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_any_team_gets_the_reference_band_and_flags(name: str, data: st.DataObject) -> None:
    inst, doc = CASES[name]
    codes = [c.code for c in inst.scale.choices]
    people = data.draw(st.integers(1, 5), label="people")
    drawn = {
        p: {
            item.id: data.draw(st.sampled_from(codes))
            for item in inst.items
            if data.draw(st.integers(0, 9)) > 0
        }
        for p in range(people)
    }
    team = team_summary(inst, drawn)
    # Only people who finished count (docs/score-json.md, "Who counts").
    answers = {p: a for p, a in drawn.items() if len(a) == len(inst.items)}
    assert team.counted == list(answers)
    value_of = {c["code"]: c.get("value") for c in doc["scale"]["choices"]}
    # The team mean as written: the mean of each person's exact mean (or percent).
    person_scores = []
    for person in answers.values():
        values = [value_of[code] for code in person.values() if value_of[code] is not None]
        if not values:
            continue
        top = max(v for v in value_of.values() if v is not None)
        person_scores.append(
            sum(values) / len(values)
            if inst.band_metric == "mean"
            else 100 * sum(values) / (top * len(values))
        )
    if person_scores:
        mean = sum(person_scores) / len(person_scores)
        assert team.overall.band_id == reference_band(doc["bands"], mean)
    else:
        assert team.overall.band_id is None
    levels = doc["scale"].get("levels")
    scored = sorted(v for v in value_of.values() if v is not None)
    threshold = (levels[0]["max"] + levels[1]["min"]) / 2 if levels else (scored[0] + scored[1]) / 2
    spread = doc["scoring"]["disagreement_spread"]
    for item in inst.items:
        values = [
            value_of[a[item.id]]
            for a in answers.values()
            if item.id in a and value_of[a[item.id]] is not None
        ]
        stats = team.items[item.id]
        assert stats.low == (bool(values) and sum(values) / len(values) < threshold)
        assert stats.disagreement == (len(values) >= 2 and max(values) - min(values) >= spread)


def test_json_and_exchange_numbers_round_half_up() -> None:
    from app.exchange.export import _num as csv_num
    from app.services.score_json import _num as json_num

    assert round(2.00025, 4) == 2.0002  # the binary value's accident
    assert json_num(2.00025) == 2.0003
    assert csv_num(2.00025) == "2.0003"
    assert json_num(-2.00025) == -2.0003
