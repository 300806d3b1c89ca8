"""Every report says what the instrument is: title, version, source, and "Not the official
wording" unless the file is marked official, when its terms are printed instead (issue 17)."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.core.instrument import Instrument
from app.core.instrument_loader import parse_instrument
from app.db.connection import open_database
from app.reports import labels
from app.reports.blank_form import build_blank_form_pdf
from app.reports.outputs import build_scorecard_pdf
from app.reports.rollup import build_rollup_pdf
from app.services.rollup import compute_rollup
from tests.test_instrument_v2 import answered_round

FIXTURES = Path(__file__).parent / "fixtures"
DAY = date(2026, 4, 1)


def pages_of(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def instrument(official: bool) -> Instrument:
    doc: dict[str, Any] = json.loads((FIXTURES / "pcrs_shape.json").read_text("utf-8"))
    doc["official"] = official
    return parse_instrument(doc, "pcrs.json")


def first_pages(inst: Instrument, lang: str) -> dict[str, str]:
    conn = open_database(":memory:")
    round_id = answered_round(conn, inst, "Alpha", 0)
    out = {
        "scorecard cover": pages_of(build_scorecard_pdf(conn, round_id, lang=lang, generated=DAY))[
            0
        ],
        "blank form": pages_of(build_blank_form_pdf(inst, lang=lang, generated=DAY))[0],
        "roll-up": pages_of(
            build_rollup_pdf(compute_rollup(conn, inst.id), lang=lang, generated=DAY)
        )[0],
    }
    conn.close()
    return out


@pytest.mark.parametrize("lang", ["en", "es"])
def test_not_official_is_said_on_every_report(lang: str) -> None:
    inst = instrument(False)
    for report, text in first_pages(inst, lang).items():
        assert inst.title.get(lang) in text, report
        assert inst.version in text, report
        assert inst.attribution.get(lang) in text, report
        assert labels.t(lang, "not_official") in text, report
        assert inst.terms is not None and inst.terms.get(lang) not in text, report


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_official_file_prints_its_terms(lang: str) -> None:
    inst = instrument(True)
    assert inst.terms is not None
    for report, text in first_pages(inst, lang).items():
        assert inst.attribution.get(lang) in text, report
        assert inst.terms.get(lang) in text, report
        assert labels.t(lang, "not_official") not in text, report


def test_the_words_exist_in_both_languages() -> None:
    assert labels.t("en", "not_official") == "Not the official wording"
    assert labels.t("es", "not_official") == "No es la redacción oficial"
