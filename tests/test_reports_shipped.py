"""Reports with both shipped instruments (1–4 means; 1–10 percent bands), read back by pypdf."""

from __future__ import annotations

import io
import re
import sqlite3
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab import rl_config

from app.core.instrument import Instrument
from app.core.models import Round
from app.core.scoring import OVERALL, score_answers
from app.db import action_plans, responses, rounds
from app.reports.blank_form import build_blank_form_pdf
from app.reports.common import fmt_score
from app.reports.outputs import build_action_plan_pdf, build_respondent_pdf, build_scorecard_pdf
from app.services.round_scores import round_scores
from tests.helpers import make_round
from tests.test_reports import AGENCY, DAY, assert_fonts_embedded, found, squash, text_of

INSTRUMENTS = ["sms_oat", "primary_care"]


def fill(conn: sqlite3.Connection, instrument: Instrument, rnd: Round, shift: int) -> None:
    """Varied, repeatable answers: each person and item lands on a different choice."""
    for n, person in enumerate(rounds.respondents(conn, rnd.id)):
        for k, item in enumerate(instrument.items):
            choices = item.scale.choices
            code = choices[(k * 3 + n * 2 + shift) % len(choices)].code
            responses.save_answer(conn, person.id, item.id, code)


def shipped_round(
    conn: sqlite3.Connection, instrument: Instrument, consensus: bool = False
) -> tuple[Round, Round]:
    before, _ = make_round(conn, instrument, 3, agency=AGENCY, name="Autumn", end=date(2025, 9, 30))
    fill(conn, instrument, before, 0)
    rnd, _ = make_round(conn, instrument, 5, agency=AGENCY)
    fill(conn, instrument, rnd, 1)
    if consensus:
        for k, item in enumerate(instrument.items):
            scored = [c for c in item.scale.choices if c.value is not None]
            code = scored[k % len(scored)].code
            responses.save_consensus(conn, rnd.id, item.id, code, f"Because {item.id}")
    return rnd, before


@pytest.fixture(params=INSTRUMENTS)
def shipped(request: pytest.FixtureRequest) -> Instrument:
    instrument: Instrument = request.getfixturevalue(request.param)
    return instrument


@pytest.mark.parametrize("lang", ["en", "es"])
def test_scorecard_names_everything_and_prints_the_official_score(
    conn: sqlite3.Connection, shipped: Instrument, lang: str
) -> None:
    rnd, _ = shipped_round(conn, shipped)
    text = text_of(build_scorecard_pdf(conn, rnd.id, lang=lang, generated=DAY))
    flat = squash(text)
    assert found(AGENCY, text)
    for scope in (*shipped.sections, *shipped.domains):
        assert squash(scope.title.get(lang)) in flat, scope.id
    scores = round_scores(conn, rnd.id)
    assert scores.official_source == "team_mean"
    printed = fmt_score(scores.official[OVERALL], shipped.band_metric, lang)
    heading = "Overall score" if lang == "en" else "Puntuación global"
    assert re.search(rf"{heading}\s+{re.escape(printed)}\s", text)
    band = shipped.band_for(scores.official[OVERALL])
    assert band is not None and squash(band.meaning.get(lang)) in flat
    # the previous round of the same instrument is compared with, domain by domain
    assert scores.previous_official is not None
    for domain in shipped.domains:
        before = fmt_score(scores.previous_official[domain.id], shipped.band_metric, lang)
        assert before in text, domain.id
    for name in ("Person 1", "Person 5"):
        assert name not in text


def test_scorecard_of_a_complete_consensus(conn: sqlite3.Connection, shipped: Instrument) -> None:
    rnd, _ = shipped_round(conn, shipped, consensus=True)
    scores = round_scores(conn, rnd.id)
    assert scores.official_source == "consensus" and scores.consensus is not None
    consensus_overall = (
        scores.consensus.overall.mean
        if shipped.band_metric == "mean"
        else scores.consensus.overall.percent
    )
    assert scores.official[OVERALL] == consensus_overall
    text = text_of(build_scorecard_pdf(conn, rnd.id, show_names=True, generated=DAY))
    printed = fmt_score(consensus_overall, shipped.band_metric)
    assert re.search(rf"Overall score\s+{re.escape(printed)}\s", text)
    assert "the team's agreed consensus answers" in text
    assert "Person 1" in text and "Person 5" in text
    assert f"Because {shipped.items[-1].id}" in text  # every agreed rationale is printed


def test_respondent_copy_scores_match_the_core(
    conn: sqlite3.Connection, shipped: Instrument
) -> None:
    rnd, _ = shipped_round(conn, shipped)
    person = rounds.respondents(conn, rnd.id)[2]
    text = text_of(build_respondent_pdf(conn, rnd.id, person.id, generated=DAY))
    card = score_answers(shipped, responses.choices_for_respondent(conn, person.id))
    overall = card.overall.mean if shipped.band_metric == "mean" else card.overall.percent
    assert re.search(rf"Overall score\s+{re.escape(fmt_score(overall, shipped.band_metric))}", text)
    flat = squash(text)
    for item in shipped.items:
        assert squash(f"{item.id} {item.prompt.get('en')}") in flat, item.id
    assert "Person 3" in text and "Person 1" not in text


def test_blank_form_in_screen_order_with_a_box_per_choice(shipped: Instrument) -> None:
    pdf = build_blank_form_pdf(shipped, generated=DAY)
    text = text_of(pdf)
    flat = squash(text)
    positions = [flat.find(squash(f"{i.id} {i.prompt.get('en')}")) for i in shipped.items]
    assert -1 not in positions and positions == sorted(positions)
    choices = sum(len(item.scale.choices) for item in shipped.items)
    assert text.count("☐") == choices + 6  # plus one per role
    for item in shipped.items:
        assert squash(item.explanation.get("en")) in flat
    for level in shipped.scale.levels:  # a 1–10 scale's level names span their values, once
        assert text.count(level.label.get("en")) == len(shipped.items)
    assert not re.search(r"\b(\d+) \1 –", text)  # never "1 1 – Little or none"
    assert_fonts_embedded(pdf)


def test_action_plan_and_invariant_builds(
    conn: sqlite3.Connection, shipped: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    rnd, _ = shipped_round(conn, shipped)
    domain = shipped.domains[-1]
    action_plans.create_priority(conn, rnd.id, "domain", domain.id, goal="Teach-back", owner="Ana")
    text = text_of(build_action_plan_pdf(conn, rnd.id, generated=DAY))
    assert f"Priority 1: Domain {domain.id}" in text and "Teach-back" in text
    flat = squash(text)
    for idea in domain.suggestions:
        assert squash(idea.get("en")) in flat
    monkeypatch.setattr(rl_config, "invariant", 1)
    for build in (
        lambda: build_scorecard_pdf(conn, rnd.id, lang="es", paper="a4", generated=DAY),
        lambda: build_action_plan_pdf(conn, rnd.id, generated=DAY),
        lambda: build_blank_form_pdf(shipped, lang="es", generated=DAY),
    ):
        first = build()
        assert first == build()
        assert_fonts_embedded(first)
        assert len(PdfReader(io.BytesIO(first)).pages) >= 2
