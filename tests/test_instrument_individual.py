"""The `individual` instrument kind: each person answers for themselves, the whole raw total
converts through a score table, and the team summary needs no meeting or consensus."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from app.core.errors import InstrumentError
from app.core.instrument import Instrument
from app.core.instrument_loader import load_instrument, parse_instrument
from app.core.scoring import OVERALL, score_answers
from app.db import responses
from app.db.connection import open_database
from app.services.round_scores import round_scores
from app.services.score_json import round_scores_json
from tests.helpers import make_round

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


def doc() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "individual_shape.json").read_text("utf-8"))
    return data


@pytest.fixture
def survey() -> Instrument:
    return load_instrument(FIXTURES / "individual_shape.json")


def problems(data: Any) -> list[str]:
    with pytest.raises(InstrumentError) as info:
        parse_instrument(data, "x.json")
    return info.value.problems


def test_the_fixture_loads_and_matches_the_schema(survey: Instrument) -> None:
    assert survey.kind == "individual" and survey.band_metric == "score"
    assert survey.score_table is not None and sorted(survey.score_table) == list(range(6, 25))
    schema = json.loads((REPO / "instruments/schema/instrument.schema.json").read_text("utf-8"))
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(doc()))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["score_table"].pop(3), "no row for raw total 9"),
        (lambda d: d["score_table"].append({"raw": 30, "score": 1}), "raw total 30 cannot occur"),
        (lambda d: d.pop("score_table"), "missing key 'score_table'"),
        (lambda d: d["scoring"].update(band_metric="mean"), 'expected "score"'),
        (lambda d: d.update(kind="team"), '"score" is for instruments of kind "individual"'),
        (lambda d: d.update(kind="solo"), 'expected "team" or "individual"'),
        (lambda d: d["bands"][-1].update(max=90), "the bands must end at 100"),
        (lambda d: d.update(format_version=1), "$.kind: unknown key"),
    ],
)
def test_the_table_and_kind_rules(change: Any, expected: str) -> None:
    data = copy.deepcopy(doc())
    change(data)
    assert any(expected in p for p in problems(data)), problems(data)


def test_a_person_score_is_their_total_through_the_table(survey: Instrument) -> None:
    answers = {str(i): "3" for i in range(1, 7)}  # raw 18 -> 66.7
    card = score_answers(survey, answers)
    assert card.overall.total == 18 and card.overall.converted == pytest.approx(66.7)
    assert card.overall.band_id == "level-2"
    answers["6"] = "4"  # raw 19 -> 72.2
    assert score_answers(survey, answers).overall.band_id == "level-3"
    answers["6"] = "na"  # not every item scored: no converted score, no band
    card = score_answers(survey, answers)
    assert card.overall.converted is None and card.overall.band_id is None
    assert card.domains["1"].converted is None  # the table is for the whole instrument


def test_team_summary_without_a_meeting(survey: Instrument) -> None:
    conn = open_database(":memory:")
    rnd, team = make_round(conn, survey, 3)
    plans = [["1"] * 6, ["3"] * 6, ["4"] * 6]  # raw 6, 18, 24 -> 0, 66.7, 100
    for person, codes in zip(team, plans, strict=True):
        for item, code in zip(survey.items, codes, strict=True):
            responses.save_answer(conn, person.id, item.id, code)
    scores = round_scores(conn, rnd.id)
    assert scores.official_source == "team_mean"  # no consensus, no meeting
    data = round_scores_json(scores)
    assert data["instrument"]["kind"] == "individual"
    people = [scores.team.scorecards[p.id].overall.converted for p in team]
    assert people == [0.0, pytest.approx(66.7), 100.0]
    overall = data["team"]["overall"]["respondent_scores"]
    assert overall["n"] == 3 and overall["median"] == pytest.approx(66.7)
    assert data["official"]["scores"][OVERALL] == pytest.approx((0 + 66.7 + 100) / 3, abs=1e-4)
    assert data["official"]["band"] == "level-2"
    json.dumps(data, allow_nan=False)
    conn.close()


def _pdf_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Your result", "Raw total", "18 (possible 6–24)", "66.7 of 100", "no team"]),
        ("es", ["Su resultado", "Total bruto", "18 (posible 6–24)", "66,7 de 100", "consenso"]),
    ],
)
def test_the_respondent_copy_prints_the_persons_result(
    survey: Instrument, lang: str, words: list[str]
) -> None:
    from app.reports.outputs import build_respondent_pdf

    conn = open_database(":memory:")
    rnd, team = make_round(conn, survey, 1)
    for item in survey.items:
        responses.save_answer(conn, team[0].id, item.id, "3")  # raw 18 -> 66.7
    text = " ".join(_pdf_text(build_respondent_pdf(conn, rnd.id, team[0].id, lang=lang)).split())
    for word in words:
        assert word in text, word
    band = survey.band_for(66.7)
    assert band is not None and band.label.get(lang) in text
    conn.close()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_scorecard_of_an_individual_round_has_no_consensus(
    survey: Instrument, lang: str
) -> None:
    from app.reports.labels import t
    from app.reports.outputs import build_scorecard_pdf

    conn = open_database(":memory:")
    rnd, team = make_round(conn, survey, 2)
    for person, code in zip(team, ["1", "4"], strict=True):
        for item in survey.items:
            responses.save_answer(conn, person.id, item.id, code)
    text = " ".join(_pdf_text(build_scorecard_pdf(conn, rnd.id, lang=lang)).split())
    assert " ".join(t(lang, "source_individual").split()) in text
    assert t(lang, "source_team_mean") not in text
    assert t(lang, "items_to_discuss") not in text  # no meeting, nothing to discuss in one
    assert t(lang, "consensus") not in text
    conn.close()
