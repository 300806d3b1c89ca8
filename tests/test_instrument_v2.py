"""Instrument format version 2 (docs/instrument-format.md): flat item ids, optional explanations,
examples and suggestions, `sum` bands, optional items, terms and the official marker; and the two
fixtures in the shapes of the official SMS OAT and of the PCRS through every pipeline."""

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

from app.core.errors import InstrumentError
from app.core.instrument import Instrument
from app.core.instrument_loader import load_instrument, parse_instrument
from app.core.scoring import NOT_FINISHED, OVERALL, counted_reason, score_answers
from app.db import responses, rounds
from app.db.connection import open_database
from app.exchange.export import export_round
from app.exchange.importer import import_bytes
from app.reports.blank_form import build_blank_form_pdf
from app.reports.outputs import build_scorecard_pdf
from app.reports.rollup import build_rollup_pdf
from app.reports.rollup_xlsx import build_rollup_xlsx
from app.services.rollup import compute_rollup
from app.services.round_scores import official_for, round_scores
from app.services.score_json import round_scores_json
from tests.helpers import make_round

FIXTURES = Path(__file__).parent / "fixtures"
DAY = date(2026, 4, 1)


def fixture_doc(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def problems(doc: Any) -> list[str]:
    with pytest.raises(InstrumentError) as info:
        parse_instrument(doc, "x.json")
    return info.value.problems


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def oat() -> Instrument:
    return load_instrument(FIXTURES / "oat_shape.json")


@pytest.fixture
def pcrs() -> Instrument:
    return load_instrument(FIXTURES / "pcrs_shape.json")


# ----- the loader ---------------------------------------------------------------------------------


def test_fixtures_load_with_their_shapes(oat: Instrument, pcrs: Instrument) -> None:
    assert oat.band_metric == "sum" and oat.format_version == 2 and not oat.official
    assert all(d.suggestions == () for d in oat.domains)
    assert all(i.explanation is None and i.examples == () for i in oat.items)
    assert [i.id for i in pcrs.items] == [str(n) for n in range(1, 17)]
    assert pcrs.scale.scored_values == [float(v) for v in range(1, 11)]
    assert pcrs.terms is not None and "may not be changed" in pcrs.terms.get("en")
    assert [i.required for i in pcrs.items][-2:] == [True, False]


def test_version_1_keeps_its_rules(mini_doc: dict[str, Any]) -> None:
    """The relaxations are version 2's: a version 1 file asking for them is refused, by place."""
    doc = copy.deepcopy(mini_doc)
    doc["sections"][1]["items"][0]["id"] = "7"
    del doc["sections"][1]["items"][1]["explanation"]
    del doc["sections"][1]["suggestions"]
    doc["scoring"]["band_metric"] = "sum"
    doc["official"] = True
    found = problems(doc)
    assert any("$.sections[1].items[0].id" in p for p in found)
    assert any("$.sections[1].items[1]: missing key 'explanation'" in p for p in found)
    assert any("$.sections[1]: missing key 'suggestions'" in p for p in found)
    assert any('"sum" needs "format_version": 2' in p for p in found)
    assert any("$.official: unknown key" in p for p in found)


def test_version_2_accepts_the_same_file_relaxed(mini_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(mini_doc)
    doc["format_version"] = 2
    doc["sections"][1]["items"][0]["id"] = "7"
    del doc["sections"][1]["items"][1]["explanation"]
    del doc["sections"][1]["items"][1]["examples"]
    del doc["sections"][1]["suggestions"]
    doc["official"] = True
    doc["terms"] = {"en": "Use as is.", "es": "Úselo tal cual."}
    inst = parse_instrument(doc, "x.json")
    assert inst.item("7") is not None and inst.item("2.2") is not None
    assert inst.official and inst.terms is not None


def test_version_2_still_checks_shapes_and_places(mini_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(mini_doc)
    doc["format_version"] = 2
    doc["sections"][1]["items"][0]["id"] = "1.1.9"  # dotted, so it must sit inside "2"
    doc["sections"][1]["items"][1]["id"] = "two"
    doc["sections"][0]["subsections"][0]["items"][0]["required"] = "yes"
    doc["official"] = "yes"
    found = problems(doc)
    assert any(
        "$.sections[1].items[0].id: item '1.1.9' must be numbered inside '2'" in p for p in found
    )
    assert any(
        '$.sections[1].items[1].id: expected an item number such as "2.1" or a plain' in p
        for p in found
    )
    assert any("items[0].required: expected true or false" in p for p in found)
    assert any("$.official: expected true or false" in p for p in found)


def test_flat_ids_are_unique_across_sections(pcrs: Instrument) -> None:
    doc = fixture_doc("pcrs_shape.json")
    doc["sections"].append(
        {
            "id": "2",
            "title": {"en": "More", "es": "Más"},
            "items": [copy.deepcopy(doc["sections"][0]["items"][3])],
        }
    )
    assert any("id '4' is already used" in p for p in problems(doc))


def test_sum_bands_span_the_possible_totals() -> None:
    doc = fixture_doc("oat_shape.json")
    doc["bands"][-1]["max"] = 40  # 8 items of 1-4 total 8-32
    assert any("$.bands[2].max: the bands must end at 32" in p for p in problems(doc))
    doc = fixture_doc("oat_shape.json")
    doc["sections"][0]["bands"] = copy.deepcopy(doc["bands"])  # section 1: 4 items, 4-16
    found = problems(doc)
    assert any("$.sections[0].bands[0].min: the bands must start at 4" in p for p in found)
    assert any("$.sections[0].bands[2].max: the bands must end at 16" in p for p in found)


# ----- scoring ------------------------------------------------------------------------------------


def test_a_total_is_banded_only_when_every_item_is_scored(oat: Instrument) -> None:
    full = {item.id: "3" for item in oat.items}
    card = score_answers(oat, full)
    assert card.overall.total == 24 and card.overall.band_id == "established"
    assert card.sections["1"].total == 12
    gap = dict(full)
    del gap["2.2.2"]
    card = score_answers(oat, gap)
    assert card.overall.sum == 21 and card.overall.total is None and card.overall.band_id is None
    assert card.sections["1"].total == 12  # the other section is still whole
    doc = fixture_doc("oat_shape.json")
    doc["scale"]["choices"].append(
        {"code": "dk", "kind": "dont_know", "label": {"en": "?", "es": "?"}}
    )
    with_dk = parse_instrument(doc, "x.json")
    card = score_answers(with_dk, {**full, "1.1.1": "dk"})
    assert (
        card.overall.total is None and card.overall.band_id is None and card.overall.answered == 8
    )


def test_an_optional_item_need_not_be_answered_to_finish(pcrs: Instrument) -> None:
    answers = {str(n): "5" for n in range(1, 16)}
    assert counted_reason(pcrs, score_answers(pcrs, answers)) is None
    del answers["15"]
    assert counted_reason(pcrs, score_answers(pcrs, answers)) == NOT_FINISHED


# ----- every pipeline -----------------------------------------------------------------------------


def answered_round(conn: sqlite3.Connection, inst: Instrument, agency: str, seed: int) -> int:
    rnd, team = make_round(conn, inst, 3, agency=agency)
    codes = [c.code for c in inst.scale.choices if c.scored]
    for n, person in enumerate(team):
        for k, item in enumerate(inst.items):
            responses.save_answer(conn, person.id, item.id, codes[(k + n + seed) % len(codes)])
    for k, item in enumerate(inst.items):
        responses.save_consensus(conn, rnd.id, item.id, codes[(k + seed) % len(codes)], "")
    rounds.set_status(conn, rnd.id, "closed")
    return rnd.id


@pytest.mark.parametrize("name", ["oat_shape.json", "pcrs_shape.json", "individual_shape.json"])
def test_fixture_through_scores_reports_exchange_and_rollup(name: str, tmp_path: Path) -> None:
    inst = load_instrument(FIXTURES / name)
    conn = open_database(":memory:")
    first = answered_round(conn, inst, "Alpha", 0)
    answered_round(conn, inst, "Bravo", 1)
    scores = round_scores(conn, first)
    data = round_scores_json(scores)
    overall = data["official"]["scores"][OVERALL]
    assert overall is not None and data["official"]["band"] is not None
    assert data["instrument"]["band_metric"] == inst.band_metric
    assert data["instrument"]["official"] is False
    if inst.band_metric == "sum":
        assert overall == scores.consensus.overall.total if scores.consensus else False
        assert data["team"]["overall"]["respondent_totals"]["n"] == 3
    json.dumps(data, allow_nan=False)
    for lang in ("en", "es"):
        card = text_of(build_scorecard_pdf(conn, first, lang=lang, generated=DAY))
        assert inst.title.get(lang)[:20] in card
        form = text_of(build_blank_form_pdf(inst, lang=lang, generated=DAY))
        for item in inst.items:
            assert item.prompt.get(lang)[:30] in form.replace("\n", " ")
    target = open_database(tmp_path / "state.sqlite3")
    for rnd_id in (first, first + 1):
        report = import_bytes(
            target, export_round(conn, rnd_id, with_pdf=False), f"{rnd_id}.smsoat"
        )
        assert report.written and report.round_id is not None
        assert official_for(target, rounds.get(target, report.round_id)) == official_for(
            conn, rounds.get(conn, rnd_id)
        )
    rollup = compute_rollup(target, inst.id)
    assert len(rollup.agencies) == 2
    assert all(a.score() is not None for a in rollup.agencies)
    assert rollup.item_ids == [item.id for item in inst.items]
    for lang in ("en", "es"):
        assert "Alpha" in text_of(build_rollup_pdf(rollup, lang=lang, generated=DAY))
    assert build_rollup_xlsx(rollup, generated=DAY)[:2] == b"PK"
    target.close()
    conn.close()


def test_the_schema_takes_both_versions_and_keeps_version_1_strict() -> None:
    import jsonschema

    schema = json.loads(
        (FIXTURES.parent.parent / "instruments/schema/instrument.schema.json").read_text("utf-8")
    )
    check = jsonschema.Draft202012Validator(schema)
    for name in ("oat_shape.json", "pcrs_shape.json", "mini.json"):
        assert not list(check.iter_errors(fixture_doc(name))), name
    as_v1 = fixture_doc("pcrs_shape.json")
    as_v1["format_version"] = 1
    assert list(check.iter_errors(as_v1))
    official_v1 = fixture_doc("mini.json")
    official_v1["official"] = True
    assert list(check.iter_errors(official_v1))


def test_the_highest_version_in_a_folder_is_offered(tmp_path: Path) -> None:
    from app.core.catalog import load_catalog, version_key

    assert version_key("1.9") < version_key("1.10") < version_key("2.0")
    for version in ("1.9", "1.10", "1.2"):
        doc = fixture_doc("pcrs_shape.json")
        doc["version"] = version
        (tmp_path / f"pcrs-shape-{version}.json").write_text(json.dumps(doc), encoding="utf-8")
    assert load_catalog([tmp_path]).get("pcrs-shape").version == "1.10"
    later = tmp_path / "later"
    later.mkdir()
    doc = fixture_doc("pcrs_shape.json")
    doc["version"] = "1.0"
    (later / "pcrs.json").write_text(json.dumps(doc), encoding="utf-8")
    assert load_catalog([tmp_path, later]).get("pcrs-shape").version == "1.0"  # later folder wins
