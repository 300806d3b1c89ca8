"""Bands on paper: the band table on the scorecard and roll-up; no band named like an answer."""

from __future__ import annotations

import copy
import io
import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.core.instrument import Instrument
from app.core.instrument_lint import instrument_warnings
from app.core.instrument_loader import load_instrument, parse_instrument
from app.core.scoring import OVERALL
from app.db import organizations, responses, rounds
from app.reports.numbers import fmt_score
from app.reports.outputs import build_scorecard_pdf
from app.reports.rollup import build_rollup_pdf
from app.services.rollup import compute_rollup
from app.services.round_scores import round_scores
from tests.test_cli import run

SHIPPED = sorted((Path(__file__).parent.parent / "instruments").glob("*.json"))


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def _round(conn: sqlite3.Connection, inst: Instrument, codes: list[str]) -> int:
    org = organizations.create(conn, "Agency")
    rnd = rounds.create(conn, org.id, inst, "2026", date(2026, 1, 1), date(2026, 6, 30))
    for k, code in enumerate(codes):
        person = rounds.add_respondent(conn, rnd.id, f"P{k}", "other")
        for item in inst.iter_items():
            responses.save_answer(conn, person.id, item.id, code)
    return rnd.id


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_scorecard_prints_the_band_table_and_marks_the_score(
    conn: sqlite3.Connection, sms_oat: Instrument, lang: str
) -> None:
    round_id = _round(conn, sms_oat, ["2", "3"])  # mean 2.5: exactly the edge of Established
    scores = round_scores(conn, round_id)
    value = scores.official[OVERALL]
    assert value == 2.5
    text = pdf_text(build_scorecard_pdf(conn, round_id, lang=lang))
    heading = "What the bands mean" if lang == "en" else "Qué significan los niveles"
    assert heading in text
    for band in sms_oat.bands:
        assert band.label.get(lang) in text
    open_range = "1.75 to under 2.50" if lang == "en" else "de 1,75 a menos de 2,50"
    closed_range = "3.25 to 4.00" if lang == "en" else "de 3,25 a 4,00"
    assert open_range in text and closed_range in text
    established = next(b for b in sms_oat.bands if b.id == "established")
    marked = f"{established.label.get(lang)}"
    after = text[text.index(heading) :]
    row = after[after.index(marked) : after.index(marked) + 400]
    assert f"◄ {fmt_score(value, 'mean', lang)}" in row
    assert after.count("◄") == 1


def test_the_rollup_prints_the_band_table(conn: sqlite3.Connection, sms_oat: Instrument) -> None:
    _round(conn, sms_oat, ["1", "2"])  # 1.5: Early
    rollup = compute_rollup(conn, "sms-oat-bh")
    text = pdf_text(build_rollup_pdf(rollup))
    assert "What the bands mean (◄ the state median)" in text  # the full table, once
    assert text.count("What the bands mean") == 1
    early = next(b for b in sms_oat.bands if b.id == "beginning")
    assert early.meaning.get("en")[:40] in text
    # the state median on the summary, and the agency's own score in its page's band row
    assert text.count("◄ 1.50") == 2
    agency_page = text[text.index("Agency", text.index("Page 1")) :]
    assert "Early: 1.00 to under 1.75 ◄ 1.50" in agency_page
    assert "1.00 to under 1.75" in text
    spanish = pdf_text(build_rollup_pdf(rollup, lang="es"))
    assert "Qué significan los niveles" in spanish and "de 1,00 a menos de 1,75" in spanish


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_no_shipped_band_is_named_like_an_answer(path: Path) -> None:
    assert instrument_warnings(load_instrument(path)) == []


def _colliding(mini_doc: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(mini_doc)
    doc["scale"]["choices"][1]["label"] = {"en": "Middle", "es": "Plenamente medio"}
    doc["bands"][0]["label"] = {"en": "Start", "es": "Medio"}
    return doc


def test_the_checker_warns_when_a_band_is_named_like_an_answer(
    mini_doc: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inst = parse_instrument(_colliding(mini_doc), "mini.json")
    warnings = instrument_warnings(inst)
    assert len(warnings) == 2
    assert any("'mid' is named 'Middle' (en)" in w for w in warnings)
    assert any(
        "'low' is named 'Medio' (es), like the answer 'Plenamente medio'" in w for w in warnings
    )
    path = tmp_path / "colliding.json"
    path.write_text(json.dumps(_colliding(mini_doc)), encoding="utf-8")
    code, out, _ = run(capsys, "instrument", "check", str(path))
    assert code == 0
    assert "OK" in out and out.count("warning: $.bands: band") == 2
    clean = tmp_path / "clean.json"
    clean.write_text(json.dumps(mini_doc), encoding="utf-8")
    code, out, _ = run(capsys, "instrument", "check", str(clean))
    assert code == 0 and "warning" not in out
