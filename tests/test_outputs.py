"""One door for outputs (app/reports/outputs.py): one table of kinds, one definition of paper
sizes and languages, one `build` that every caller goes through."""

from __future__ import annotations

import ast
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, letter

from app.core.instrument import Instrument
from app.db import responses
from app.reports import common, labels, outputs
from app.services.rollup import compute_rollup
from tests.helpers import make_round

REPO = Path(__file__).parent.parent


def test_paper_sizes_are_reportlabs_exactly() -> None:
    assert {"letter": letter, "a4": A4} == outputs.PAPERS


def test_the_other_modules_use_the_one_definition() -> None:
    from app.cli import exchange_cmd, report_cmd
    from app.ui import settings

    assert common.PAPERS is outputs.PAPERS
    assert labels.LANGUAGES is outputs.LANGUAGES
    assert settings.PAPERS is outputs.PAPERS and settings.LANGUAGES is outputs.LANGUAGES
    assert report_cmd.PAPERS is outputs.PAPERS and exchange_cmd.PAPERS is outputs.PAPERS
    assert tuple(outputs.ROLLUP_KINDS) == exchange_cmd.ROLLUP_FORMATS


def _literal_lists(path: Path, *, dict_keys: bool = True) -> list[tuple[str, ...]]:
    """Every literal tuple, list or set of strings in a file (and the keys of literal dicts)."""
    kinds = (
        (ast.Tuple, ast.List, ast.Set, ast.Dict) if dict_keys else (ast.Tuple, ast.List, ast.Set)
    )
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        elts = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", None)
        if isinstance(node, kinds) and elts:
            values = [e.value for e in elts if isinstance(e, ast.Constant)]
            if len(values) == len(elts) and all(isinstance(v, str) for v in values):
                found.append(tuple(sorted(values)))
    return found


@pytest.mark.parametrize(
    ("names", "dict_keys"),
    # a table of words per language is keyed by language; a table of paper sizes is the list
    [(("a4", "letter"), True), (("en", "es"), False)],
)
def test_paper_sizes_and_languages_are_listed_once(names: tuple[str, ...], dict_keys: bool) -> None:
    """No module but outputs.py spells the list out again (it would drift)."""
    where = sorted(
        str(path.relative_to(REPO))
        for path in (REPO / "app").rglob("*.py")
        if names in _literal_lists(path, dict_keys=dict_keys) and path.name != "outputs.py"
    )
    assert where == [], where
    assert names in _literal_lists(REPO / "app" / "reports" / "outputs.py")


@pytest.mark.parametrize("lang", outputs.LANGUAGES)
def test_every_language_has_the_report_words(lang: str) -> None:
    assert labels.check_language(lang) == lang
    assert set(labels.table(lang)) == set(labels.table(outputs.DEFAULT_LANGUAGE))


def test_outputs_that_hold_personal_data_are_private() -> None:
    personal = {kind for kind, spec in outputs.OUTPUTS.items() if spec.personal}
    assert personal == {"scorecard", "respondent", "action-plan"}
    assert set(outputs.ROLLUP_KINDS.values()) <= set(outputs.OUTPUTS)


def test_suggested_names() -> None:
    day = date(2026, 5, 1)
    assert outputs.suggested_name("scorecard", "Spring / 2026") == "scorecard-Spring-2026.pdf"
    assert outputs.suggested_name("respondent", "Ana") == "my-answers-Ana.pdf"
    assert outputs.suggested_name("blank", "sms-oat-bh") == "blank-form-sms-oat-bh.pdf"
    assert (
        outputs.suggested_name("rollup-xlsx", "sms-oat-bh", today=day)
        == "state-rollup-sms-oat-bh-2026-05-01.xlsx"
    )
    with pytest.raises(ValueError, match="unknown output"):
        outputs.output("poster")


def test_every_kind_builds(conn: sqlite3.Connection, mini: Instrument) -> None:
    rnd, team = make_round(conn, mini, 2)
    for person in team:
        for item in mini.items:
            responses.save_answer(conn, person.id, item.id, "2")
    rollup = compute_rollup(conn, mini.id)
    given = {
        "conn": conn,
        "round_id": rnd.id,
        "respondent_id": team[0].id,
        "instrument": mini,
        "rollup": rollup,
    }
    for kind, spec in outputs.OUTPUTS.items():
        data = outputs.build(kind, paper="a4", lang="es", **given)  # type: ignore[arg-type]
        head = {".pdf": b"%PDF", ".xlsx": b"PK", ".csv": b"\xef\xbb\xbf"}[spec.suffix]
        assert data.startswith(head), kind
    with pytest.raises(ValueError, match="needs"):
        outputs.build("scorecard", round_id=rnd.id)
