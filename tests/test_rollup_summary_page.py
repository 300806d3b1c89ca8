"""The state roll-up's summary fits its first page in every report language and paper size: the
agencies' pages start on page 2, one each (with the four-agency test data of test_rollup)."""

from __future__ import annotations

import io
import sqlite3
from datetime import date

import pytest
from pypdf import PdfReader

from app.core.instrument import Instrument
from app.db.connection import open_database
from app.reports.labels import t
from app.reports.rollup import build_rollup_pdf, w
from app.services.rollup import compute_rollup
from tests.test_exchange import filled_round
from tests.test_rollup import state  # noqa: F401  (the four-agency fixture)


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_summary_is_one_page(state: sqlite3.Connection, lang: str, paper: str) -> None:  # noqa: F811
    # Ordinary names: the fixture's hostile 41-character name wraps onto three lines (names are
    # never cut, issue 19), which may push the summary on; test_rollup covers that case.
    state.execute("UPDATE organizations SET name = 'Charlie' WHERE name LIKE '=HYPERLINK%'")
    rollup = compute_rollup(state, "mini", since=date(2026, 1, 1))
    pdf = build_rollup_pdf(rollup, lang=lang, paper=paper, generated=date(2026, 4, 1))
    pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) == 1 + len(rollup.agencies), [p[:80] for p in pages]
    for agency, page in zip(rollup.agencies, pages[1:], strict=True):
        assert " ".join(agency.organization.name.split()) in " ".join(page.split())
    # the summary's last line, the agencies without a round in the period, is on the first page
    first = " ".join(pages[0].split())
    assert f"{w(lang, 'not_reported')}: Old Only" in first
    assert w(lang, "agencies") in first and t(lang, "band_table_state") in first


def test_a_long_agency_list_breaks_with_its_heading_and_header_row(mini: Instrument) -> None:
    conn = open_database(":memory:")
    names = [f"Agency {n:02d}" for n in range(45)]
    for n, name in enumerate(names):
        filled_round(conn, mini, agency=name, name="2026", end=date(2026, 3, 31), seed=n)
    rollup = compute_rollup(conn, "mini", since=date(2026, 1, 1))
    pdf = build_rollup_pdf(rollup, lang="es", generated=date(2026, 4, 1))
    pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]
    summary = pages[: len(pages) - len(rollup.agencies)]
    assert len(summary) >= 2  # 45 agencies do not fit one page: the list goes on
    heading = next(i for i, p in enumerate(summary) if w("es", "agencies") + "\n" in p)
    after = summary[heading].split(w("es", "agencies") + "\n", 1)[1]
    assert "Agency" in after  # the heading is followed by rows on its own page
    listed = " ".join(summary[heading:])
    assert all(name in listed for name in names)
    for page in summary[heading + 1 :]:
        if "Agency" in page:
            assert t("es", "agency") in page.split("Agency", 1)[0]  # the header row repeats
    conn.close()
