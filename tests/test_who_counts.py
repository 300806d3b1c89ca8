"""Who counts in team statistics: people who finished, or a share the instrument sets."""

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
from app.core.instrument_loader import parse_instrument
from app.core.scoring import NOT_FINISHED, OVERALL, TOO_FEW_ANSWERS, team_summary
from app.db import organizations, responses, rounds
from app.reports.outputs import build_respondent_pdf, build_scorecard_pdf
from app.services.round_scores import round_scores
from app.services.score_json import round_scores_json


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def _team_round(conn: sqlite3.Connection, inst: Instrument) -> tuple[int, list[int]]:
    """Three people who finished (the issue's 2.49 team shape) and a fourth who answered 2."""
    org = organizations.create(conn, "Agency")
    rnd = rounds.create(conn, org.id, inst, "2026", date(2026, 1, 1), date(2026, 3, 31))
    items = [i.id for i in inst.iter_items()]
    pattern = {"A": "2", "B": "3", "C": "2"}
    ids = []
    for k, (name, base) in enumerate(pattern.items()):
        person = rounds.add_respondent(conn, rnd.id, name, "clinical_staff")
        for n, item in enumerate(items):
            code = base if (n + k) % 3 else str(min(4, int(base) + 1))
            responses.save_answer(conn, person.id, item, code)
        ids.append(person.id)
    late = rounds.add_respondent(conn, rnd.id, "Late Starter", "other")
    responses.save_answer(conn, late.id, items[0], "4")
    responses.save_answer(conn, late.id, items[1], "3")
    ids.append(late.id)
    return rnd.id, ids


def test_a_half_finished_person_does_not_move_the_headline(
    conn: sqlite3.Connection, sms_oat: Instrument
) -> None:
    round_id, ids = _team_round(conn, sms_oat)
    scores = round_scores(conn, round_id)
    three = team_summary(sms_oat, {p: responses.choices_for_respondent(conn, p) for p in ids[:3]})
    assert scores.team.counted == ids[:3]
    assert scores.team.not_counted == {ids[3]: NOT_FINISHED}
    assert scores.official[OVERALL] == three.overall.means.mean
    assert scores.team.overall.band_id == three.overall.band_id
    assert scores.team.overall.means.n == 3
    data = round_scores_json(scores)
    counted = {p["id"]: (p["counted"], p.get("not_counted_reason")) for p in data["respondents"]}
    assert counted == {
        ids[0]: (True, None),
        ids[1]: (True, None),
        ids[2]: (True, None),
        ids[3]: (False, "not_finished"),
    }
    assert data["team"]["overall"]["respondent_means"]["n"] == 3
    assert data["team"]["counted"] == 3 and data["team"]["not_counted"] == 1
    first = sms_oat.items[0].id
    assert data["team"]["items"][first]["answered"] == 3  # the fourth's answer is not counted
    assert data["instrument"]["count_respondents_from"] == "finished"


def test_the_scorecard_lists_who_is_not_counted(
    conn: sqlite3.Connection, sms_oat: Instrument
) -> None:
    round_id, _ = _team_round(conn, sms_oat)
    text = pdf_text(build_scorecard_pdf(conn, round_id, show_names=True))
    assert "Not counted yet: 1 person (Late Starter, 2 of 29 answered)." in text
    assert "count the people who finished" in text
    assert "2/29 (not counted yet)" in text  # the team list marks the person too
    hidden = pdf_text(build_scorecard_pdf(conn, round_id, show_names=False))
    assert "Late Starter" not in hidden and "Not counted yet: 1 person (Other, 2 of 29" in hidden
    spanish = pdf_text(build_scorecard_pdf(conn, round_id, lang="es", show_names=True))
    assert "Aún no contabilizada: 1 persona (Late Starter, 2 de 29 respondidos)." in spanish


def test_a_provisional_copy_prints_no_final_band(
    conn: sqlite3.Connection, sms_oat: Instrument
) -> None:
    round_id, ids = _team_round(conn, sms_oat)
    text = pdf_text(build_respondent_pdf(conn, round_id, ids[3]))
    assert "Provisional: 2 of 29 items answered." in text
    assert "provisional (" in text
    finished = pdf_text(build_respondent_pdf(conn, round_id, ids[0]))
    assert "Provisional" not in finished and "provisional (" not in finished


def _with_rule(doc: dict[str, Any], rule: object) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    doc["scoring"]["count_respondents_from"] = rule
    return doc


def test_an_instrument_may_count_from_a_share(mini_doc: dict[str, Any]) -> None:
    inst = parse_instrument(_with_rule(mini_doc, 0.5), "mini.json")  # 7 items: 4 answers count
    assert inst.count_share == 0.5
    ids = [i.id for i in inst.items]
    team = team_summary(
        inst,
        {
            "four": {i: "3" for i in ids[:4]},
            "three": {i: "1" for i in ids[:3]},
        },
    )
    assert team.counted == ["four"] and team.not_counted == {"three": TOO_FEW_ANSWERS}
    assert team.overall.means.mean == 3.0
    assert parse_instrument(_with_rule(mini_doc, "finished"), "mini.json").count_share is None


@pytest.mark.parametrize("rule", [0, 1.5, -0.2, "half", True, None])
def test_a_bad_count_rule_is_refused(mini_doc: dict[str, Any], rule: object) -> None:
    with pytest.raises(InstrumentError, match="count_respondents_from"):
        parse_instrument(_with_rule(mini_doc, rule), "mini.json")


def test_the_schema_knows_the_count_rule() -> None:
    from tests.conftest import REPO

    schema = json.loads((REPO / "instruments/schema/instrument.schema.json").read_text())
    assert "count_respondents_from" in schema["properties"]["scoring"]["properties"]


def test_the_score_command_says_who_is_not_counted(
    capsys: pytest.CaptureFixture[str], db_path: Path, sms_oat: Instrument
) -> None:
    from app.cli import main
    from app.db.connection import open_database

    conn = open_database(db_path)
    round_id, _ = _team_round(conn, sms_oat)
    conn.close()
    assert main(["--db", str(db_path), "score", str(round_id)]) == 0
    out = capsys.readouterr().out
    assert "not yet" in out
    assert "Team statistics count 3 of 4 people (those who finished)" in out


def test_the_exported_scores_count_only_the_counted(
    conn: sqlite3.Connection, sms_oat: Instrument
) -> None:
    import csv

    from app.exchange.export import scores_csv

    round_id, _ = _team_round(conn, sms_oat)
    scores = round_scores(conn, round_id)
    rows = list(csv.DictReader(io.StringIO(scores_csv(scores).decode("utf-8-sig"))))
    overall = next(r for r in rows if r["kind"] == "overall")
    assert overall["n"] == "3"
    assert float(overall["official"]) == pytest.approx(scores.official[OVERALL], abs=1e-4)
    first = next(r for r in rows if r["kind"] == "item" and r["id"] == sms_oat.items[0].id)
    assert first["n"] == "3"  # the late starter's answer to this item is not counted
