"""Comparisons between rounds: like with like, each scope once, no change across band metrics."""

from __future__ import annotations

import copy
import io
import sqlite3
import zipfile
from datetime import date
from typing import Any

from pypdf import PdfReader

from app.core.instrument import Instrument
from app.core.instrument_loader import parse_instrument
from app.core.scoring import (
    BASIS_CONSENSUS,
    BASIS_TEAM_MEAN,
    METRIC_CHANGED,
    OVERALL,
    comparison_scopes,
)
from app.db import organizations, responses, rounds
from app.reports.numbers import fmt_change
from app.reports.outputs import build_scorecard_pdf
from app.reports.rollup import build_rollup_pdf, previous_bar
from app.reports.rollup_xlsx import build_rollup_xlsx
from app.services.rollup import compute_rollup
from app.services.round_history import round_history
from app.services.round_scores import round_scores
from app.services.score_json import round_scores_json


def zlib_text(data: bytes) -> bytes:
    """Every member of an XLSX (a zip) concatenated, to search its cells' text."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def _round(
    conn: sqlite3.Connection,
    inst: Instrument,
    name: str,
    end: date,
    people: list[str],
    consensus: str | None = None,
) -> int:
    """A round where everyone answers every item with the code given for them."""
    org = organizations.find_by_name(conn, "Agency") or organizations.create(conn, "Agency")
    rnd = rounds.create(conn, org.id, inst, name, date(end.year, 1, 1), end)
    for k, code in enumerate(people):
        person = rounds.add_respondent(conn, rnd.id, f"P{k}", "other")
        for item in inst.iter_items():
            responses.save_answer(conn, person.id, item.id, code)
    if consensus is not None:
        for item in inst.iter_items():
            responses.save_consensus(conn, rnd.id, item.id, consensus)
    return rnd.id


def test_each_scope_appears_once(sms_oat: Instrument) -> None:
    scopes = comparison_scopes(sms_oat)
    assert len(scopes) == len(set(scopes))
    assert scopes.count("2") == 1  # section 2 holds items directly: it is also a domain


def test_changes_list_each_scope_once(conn: sqlite3.Connection, sms_oat: Instrument) -> None:
    _round(conn, sms_oat, "Before", date(2025, 6, 30), ["2", "3"])
    now = _round(conn, sms_oat, "Now", date(2026, 6, 30), ["3", "3"])
    data = round_scores_json(round_scores(conn, now))
    scopes = [c["scope"] for c in data["comparison"]["changes"]]
    assert len(scopes) == len(set(scopes)) and "2" in scopes


def test_consensus_is_compared_with_team_mean_only_as_team_mean(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    _round(conn, mini, "Before", date(2025, 6, 30), ["2", "2"])  # team mean 2, no consensus
    now = _round(conn, mini, "Now", date(2026, 6, 30), ["2", "3"], consensus="4")
    scores = round_scores(conn, now)
    assert scores.official_source == BASIS_CONSENSUS and scores.official[OVERALL] == 4.0
    comparison = scores.comparison
    assert comparison is not None
    assert comparison.basis == BASIS_TEAM_MEAN
    assert comparison.previous_official_basis == BASIS_TEAM_MEAN
    assert comparison.current_official_basis == BASIS_CONSENSUS
    assert comparison.change(OVERALL) == 0.5  # 2.5 − 2, not 4 − 2
    data = round_scores_json(scores)["comparison"]
    assert data["basis"] == "team_mean" and data["current_official_basis"] == "consensus"
    overall = next(c for c in data["changes"] if c["scope"] == OVERALL)
    assert overall == {
        "scope": "all",
        "previous": 2.0,
        "current": 2.5,
        "change": 0.5,
        "reason": None,
    }
    text = pdf_text(build_scorecard_pdf(conn, now))
    assert "The change compares the team mean of both rounds: the previous round has no" in text
    assert "Change: +0.50" in text
    agency = compute_rollup(conn, "mini").agencies[0]
    assert agency.change() == 0.5 and agency.previous() == 2.0
    assert previous_bar(agency, OVERALL) is None  # a team-mean bar never faces a consensus one
    history = round_history(conn, scores.organization.id, "mini")
    assert history[1].change[OVERALL] == 0.5
    assert history[1].comparison is not None and history[1].comparison.basis == "team_mean"


def test_two_consensus_rounds_compare_consensus(conn: sqlite3.Connection, mini: Instrument) -> None:
    _round(conn, mini, "Before", date(2025, 6, 30), ["1", "1"], consensus="2")
    now = _round(conn, mini, "Now", date(2026, 6, 30), ["1", "1"], consensus="3")
    comparison = round_scores(conn, now).comparison
    assert comparison is not None and comparison.basis == BASIS_CONSENSUS
    assert comparison.change(OVERALL) == 1.0
    text = pdf_text(build_scorecard_pdf(conn, now))
    assert "The change compares the consensus of both rounds." in text


def _percent_version(mini_doc: dict[str, Any]) -> Instrument:
    doc = copy.deepcopy(mini_doc)
    doc["version"] = "2.0"
    doc["scoring"]["band_metric"] = "percent"
    for band, (lo, hi) in zip(doc["bands"], [(0, 50), (50, 75), (75, 100)], strict=True):
        band["min"], band["max"] = lo, hi
    return parse_instrument(doc, "mini-2.json")


def test_no_change_across_band_metrics(
    conn: sqlite3.Connection, mini: Instrument, mini_doc: dict[str, Any]
) -> None:
    _round(conn, mini, "Before", date(2025, 6, 30), ["2", "2"])
    now = _round(conn, _percent_version(mini_doc), "Now", date(2026, 6, 30), ["3", "3"])
    scores = round_scores(conn, now)
    assert scores.comparison is not None and scores.comparison.reason == METRIC_CHANGED
    assert all(c.change is None and c.reason == METRIC_CHANGED for c in scores.changes)
    data = round_scores_json(scores)["comparison"]
    assert data["reason"] == "band_metric_changed"
    assert data["previous_metric"] == "mean" and data["current_metric"] == "percent"
    assert all(c["change"] is None for c in data["changes"])
    text = pdf_text(build_scorecard_pdf(conn, now))
    assert "No change is computed: the previous round's bands are in mean ratings" in text
    rollup = compute_rollup(conn, "mini")
    assert rollup.agencies[0].change() is None


def test_percent_changes_are_points() -> None:
    assert fmt_change(-0.94, "percent") == "−0.9 points"
    assert fmt_change(2.45, "percent", "es") == "+2,5 puntos"
    assert fmt_change(0.123, "mean") == "+0.12"
    assert fmt_change(-0.4, "mean", "es") == "−0,40"


def test_percent_reports_write_points(conn: sqlite3.Connection, primary_care: Instrument) -> None:
    _round(conn, primary_care, "Before", date(2025, 6, 30), ["5", "6"])
    now = _round(conn, primary_care, "Now", date(2026, 6, 30), ["6", "7"])
    text = pdf_text(build_scorecard_pdf(conn, now))
    assert "Change: +10.0 points" in text
    spanish = pdf_text(build_scorecard_pdf(conn, now, lang="es"))
    assert "+10,0 puntos" in spanish
    rollup = compute_rollup(conn, "sms-primary-care")
    assert rollup.agencies[0].change() == 10.0
    state = pdf_text(build_rollup_pdf(rollup))
    assert "+10.0 points" in state and "+10.0%" not in state
    assert b"team_mean" in zlib_text(build_rollup_xlsx(rollup))
