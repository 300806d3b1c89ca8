"""The coordinator's roll-up: newest round per agency, state statistics, comparisons, flags, and
the XLSX, CSV and PDF exports checked by their content."""

from __future__ import annotations

import copy
import csv
import io
import re
import sqlite3
import statistics
import zipfile
from collections.abc import Iterator
from datetime import date
from typing import Any
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from app.core.errors import InstrumentError, NotFoundError
from app.core.instrument import Instrument
from app.core.instrument_loader import parse_instrument
from app.core.scoring import OVERALL
from app.db import organizations, responses, rounds
from app.db.connection import open_database
from app.exchange.export import export_round
from app.exchange.importer import import_bytes
from app.reports.rollup import build_rollup_pdf
from app.reports.rollup_xlsx import (
    build_rollup_csv,
    build_rollup_xlsx,
    dictionary_rows,
    rollup_tables,
)
from app.services.rollup import (
    FLAG_NO_CONSENSUS,
    FLAG_NO_TEAM,
    FLAG_OTHER_SCALE,
    FLAG_UNANSWERED,
    compute_rollup,
    state_stats,
)
from app.services.round_scores import official_for
from tests.test_exchange import filled_round

HOSTILE_NAME = '=HYPERLINK("http://evil","x") <b>&amp;'


@pytest.fixture
def state(mini: Instrument) -> Iterator[sqlite3.Connection]:
    """Four agencies: one with two rounds, one incomplete, one with only an old round,
    one with a hostile name; each with a different level of answers."""
    conn = open_database(":memory:")
    filled_round(conn, mini, agency="Alpha", name="2025", end=date(2025, 6, 30), seed=0)
    filled_round(conn, mini, agency="Alpha", name="2026", end=date(2026, 3, 31), seed=1)
    filled_round(conn, mini, agency=HOSTILE_NAME, name="2026", end=date(2026, 3, 31), seed=2)
    # incomplete: one person answered three items, the other nothing, no consensus
    org = organizations.create(conn, "Bravo")
    rnd = rounds.create(conn, org.id, mini, "2026", date(2026, 1, 1), date(2026, 2, 28))
    first = rounds.add_respondent(conn, rnd.id, "B1", "other")
    rounds.add_respondent(conn, rnd.id, "B2", "other")
    for item in mini.items[:3]:
        responses.save_answer(conn, first.id, item.id, "2")
    filled_round(conn, mini, agency="Old Only", name="2024", end=date(2024, 12, 31), seed=3)
    yield conn
    conn.close()


def test_state_stats() -> None:
    stats = state_stats([4.0, 1.0, None, 3.0, 2.0])
    assert (stats.n, stats.min, stats.max, stats.median) == (4, 1.0, 4.0, 2.5)
    assert stats.q1 == pytest.approx(1.75) and stats.q3 == pytest.approx(3.25)
    assert stats.mean == pytest.approx(2.5)
    one = state_stats([2.0])
    assert (one.q1, one.median, one.q3) == (2.0, 2.0, 2.0)
    assert state_stats([None]).median is None and state_stats([]).n == 0


def test_newest_round_per_agency_and_period(state: sqlite3.Connection) -> None:
    rollup = compute_rollup(state, "mini")
    chosen = {a.organization.name: a.round.name for a in rollup.agencies}
    assert chosen == {"Alpha": "2026", HOSTILE_NAME: "2026", "Bravo": "2026", "Old Only": "2024"}
    assert rollup.not_reported == []
    recent = compute_rollup(state, "mini", since=date(2026, 1, 1))
    assert {a.organization.name for a in recent.agencies} == {"Alpha", HOSTILE_NAME, "Bravo"}
    assert [o.name for o in recent.not_reported] == ["Old Only"]
    older = compute_rollup(state, "mini", until=date(2025, 12, 31))
    assert {a.organization.name: a.round.name for a in older.agencies} == {
        "Alpha": "2025",
        "Old Only": "2024",
    }
    with pytest.raises(NotFoundError):
        compute_rollup(state, "sms-oat-bh")


def test_scores_match_the_agency_view(state: sqlite3.Connection) -> None:
    rollup = compute_rollup(state, "mini", since=date(2026, 1, 1))
    assert len(rollup.agencies) == 3  # the loop below must have something to check
    compared = 0
    for agency in rollup.agencies:
        scores, source = official_for(state, agency.round)
        assert agency.scores == scores
        assert agency.source == source
        if agency.previous_round is not None:
            before, _ = official_for(state, agency.previous_round)
            for scope in scores:
                expected = (
                    None
                    if scores[scope] is None or before[scope] is None
                    else (
                        scores[scope] - before[scope]  # type: ignore[operator]
                    )
                )
                assert agency.change(scope) == expected
                compared += expected is not None
    assert compared > 0  # at least one agency's change was checked against its earlier round


def test_state_distribution_and_median_comparison(state: sqlite3.Connection) -> None:
    rollup = compute_rollup(state, "mini", since=date(2026, 1, 1))
    for scope in rollup.scopes:
        values = sorted(v for a in rollup.agencies if (v := a.score(scope.id)) is not None)
        stats = rollup.state[scope.id]
        assert stats.n == len(values)
        if values:
            assert stats.median == pytest.approx(statistics.median(values))
            assert (stats.min, stats.max) == (values[0], values[-1])
            assert stats.q1 is not None and stats.q3 is not None
            assert stats.min <= stats.q1 <= stats.median <= stats.q3 <= stats.max
    alpha = next(a for a in rollup.agencies if a.organization.name == "Alpha")
    median = rollup.state[OVERALL].median
    assert alpha.score() is not None and median is not None
    assert rollup.vs_median(alpha) == pytest.approx(alpha.score() - median)
    assert [s.id for s in rollup.domains] == ["1.1", "1.2", "2"]
    assert [s.id for s in rollup.scopes] == ["1.1", "1.2", "2", "1", OVERALL]
    assert rollup.item_ids == [item.id for item in rollup.instrument.items]


def test_incomplete_data_is_flagged(state: sqlite3.Connection, mini: Instrument) -> None:
    org = organizations.create(state, "Empty team")
    rounds.create(state, org.id, mini, "2026", date(2026, 1, 1), date(2026, 3, 1))
    rollup = compute_rollup(state, "mini", since=date(2026, 1, 1))
    flags = {a.organization.name: a.flags for a in rollup.agencies}
    assert flags["Bravo"] == [FLAG_UNANSWERED, FLAG_NO_CONSENSUS]
    assert flags["Empty team"] == [FLAG_NO_TEAM, FLAG_NO_CONSENSUS]
    assert flags["Alpha"] == [FLAG_UNANSWERED]  # everyone cleared their last answer
    alpha = next(a for a in rollup.agencies if a.organization.name == "Alpha")
    rounds.set_status(state, alpha.round.id, "open")
    for person in rounds.respondents(state, alpha.round.id):
        responses.save_answer(state, person.id, mini.items[-1].id, "3")
    again = compute_rollup(state, "mini", since=date(2026, 1, 1))
    assert next(a for a in again.agencies if a.organization.name == "Alpha").flags == []
    assert "Alpha" not in {a.organization.name for a in again.incomplete}
    bravo = next(a for a in rollup.agencies if a.organization.name == "Bravo")
    assert bravo.incomplete_respondents == 2
    assert bravo.unanswered_items == len(mini.items) - 3
    assert bravo.source == "team_mean"
    assert {a.organization.name for a in rollup.incomplete} == set(flags)  # all, here


def test_imported_rounds_count(mini: Instrument) -> None:
    agency = open_database(":memory:")
    rnd = filled_round(agency, mini, agency="Imported agency")
    coordinator = open_database(":memory:")
    filled_round(coordinator, mini, agency="Local agency", seed=2)
    assert import_bytes(coordinator, export_round(agency, rnd.id, with_pdf=False), "a").written
    rollup = compute_rollup(coordinator, "mini")
    assert {a.organization.name for a in rollup.agencies} == {"Imported agency", "Local agency"}
    imported = next(a for a in rollup.agencies if a.organization.name == "Imported agency")
    assert imported.scores == official_for(agency, rnd)[0]


def test_versions_line_up_by_id(state: sqlite3.Connection, mini_doc: dict[str, Any]) -> None:
    newer_doc = copy.deepcopy(mini_doc)
    newer_doc["version"] = "1.1"
    newer_doc["sections"][1]["items"].append(
        {**copy.deepcopy(newer_doc["sections"][1]["items"][0]), "id": "2.3"}
    )
    newer = parse_instrument(newer_doc, "mini-1.1.json")
    filled_round(state, newer, agency="Charlie", name="2026", end=date(2026, 5, 31))
    rollup = compute_rollup(state, "mini", since=date(2026, 1, 1))
    assert rollup.versions == ["1.0", "1.1"]
    assert rollup.instrument.version == "1.0"  # the version most agencies used leads
    assert rollup.other_scale == []  # 1.1 scores alike: one more item on the same scale
    assert "2.3" in rollup.item_ids
    assert rollup.item_state["2.3"].n == 1
    # Four agencies, but nobody at Bravo finished, so nobody there counts yet (docs/score-json.md)
    assert rollup.state["2"].n == 3
    assert rollup.state["1.1"].n == 3


def _scaled(mini_doc: dict[str, Any], version: str, factor: int) -> Instrument:
    """A version of mini whose scale values are multiplied (and its bands with them)."""
    doc = copy.deepcopy(mini_doc)
    doc["version"] = version
    for choice in doc["scale"]["choices"]:
        if "value" in choice:
            choice["value"] *= factor
    for band in doc["bands"]:
        band["min"] *= factor
        band["max"] *= factor
    doc["sections"][0]["title"]["en"] = "Edited title"
    return parse_instrument(doc, f"mini-{version}.json")


def test_a_version_that_scores_otherwise_is_never_mixed_in(
    state: sqlite3.Connection, mini_doc: dict[str, Any]
) -> None:
    """Issue 22: a file with the scale ×10, an edited title and a 2099 period put a median of
    11.3 on a 1–4 scale into the state workbook and became the reference version. Now the
    version most agencies used leads, and the other is flagged and kept out of the statistics."""
    before = compute_rollup(state, "mini", since=date(2026, 1, 1))
    forged = _scaled(mini_doc, "1.0-x10", 10)
    filled_round(state, forged, agency="Forger", name="2099", end=date(2099, 12, 31))
    rollup = compute_rollup(state, "mini", since=date(2026, 1, 1))
    assert rollup.instrument.version == "1.0"
    assert rollup.instrument.sections[0].title.get("en") != "Edited title"
    forger = next(a for a in rollup.agencies if a.organization.name == "Forger")
    assert FLAG_OTHER_SCALE in forger.flags and not forger.comparable
    assert rollup.other_scale == [forger]
    assert forger.score() is not None and forger.score() > 4  # its own scores, shown as they are
    assert rollup.vs_median(forger) is None
    for scope, stats in rollup.state.items():
        assert stats == before.state[scope], scope  # the statistics ignore it entirely
    assert all(s.max is None or s.max <= 4 for s in rollup.state.values())
    assert rollup.versions == ["1.0", "1.0-x10"]
    tables = {t.name: t for t in rollup_tables(rollup)}
    agencies = tables["Agencies"]
    flags = agencies.columns.index(next(c for c in agencies.columns if c.header == "Flags"))
    row = next(r for r in agencies.rows if r[0] == "Forger")
    assert FLAG_OTHER_SCALE in str(row[flags])
    dictionary = dictionary_rows(rollup, list(tables.values()))
    assert any(FLAG_OTHER_SCALE in [str(c) for c in r] for r in dictionary)
    text = "".join(
        page.extract_text() or "" for page in PdfReader(io.BytesIO(build_rollup_pdf(rollup))).pages
    )
    assert "OTHER SCALE" in text


def test_a_tie_between_versions_is_not_decided_by_a_claimed_period(
    mini: Instrument, mini_doc: dict[str, Any]
) -> None:
    conn = open_database(":memory:")
    filled_round(conn, mini, agency="Genuine", name="2026", end=date(2026, 3, 31))
    forged = _scaled(mini_doc, "2.0", 10)
    filled_round(conn, forged, agency="Forger", name="2099", end=date(2099, 12, 31))
    rollup = compute_rollup(conn, "mini")
    assert rollup.instrument.version == "1.0"  # one agency each: the version here first leads
    assert [a.organization.name for a in rollup.other_scale] == ["Forger"]
    assert rollup.state[OVERALL].n == 1


def test_a_change_across_versions_that_score_otherwise_is_not_computed(
    mini: Instrument, mini_doc: dict[str, Any]
) -> None:
    conn = open_database(":memory:")
    filled_round(conn, mini, agency="Alpha", name="2025", end=date(2025, 6, 30))
    filled_round(conn, _scaled(mini_doc, "2.0", 10), agency="Alpha", name="2026")
    [alpha] = compute_rollup(conn, "mini").agencies
    assert alpha.previous_round is not None and alpha.previous_scores is None
    assert alpha.change() is None


# ----- exports ----------------------------------------------------------------------------------

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def read_xlsx(data: bytes) -> dict[str, list[list[Any]]]:
    """Sheets as rows of typed cells (str, float, or None), read straight from the XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        shared = [
            "".join(t.text or "" for t in si.iter(f"{{{_NS['m']}}}t"))
            for si in ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
        ]
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        names = [s.get("name") or "" for s in book.iterfind("m:sheets/m:sheet", _NS)]
        sheets: dict[str, list[list[Any]]] = {}
        for index, name in enumerate(names, 1):
            root = ElementTree.fromstring(archive.read(f"xl/worksheets/sheet{index}.xml"))
            rows: list[list[Any]] = []
            for row in root.iterfind("m:sheetData/m:row", _NS):
                cells: dict[int, Any] = {}
                for cell in row.iterfind("m:c", _NS):
                    ref = cell.get("r") or ""
                    letters = re.match(r"[A-Z]+", ref)
                    assert letters is not None
                    col = 0
                    for ch in letters.group():
                        col = col * 26 + ord(ch) - 64
                    value = cell.find("m:v", _NS)
                    assert cell.find("m:f", _NS) is None, "no formulas anywhere"
                    if cell.get("t") == "s":
                        cells[col] = shared[int(value.text or 0)] if value is not None else ""
                    elif value is not None:
                        cells[col] = float(value.text or 0)
                width = max(cells, default=0)
                rows.append([cells.get(c) for c in range(1, width + 1)])
            sheets[name] = rows
    return sheets


def test_xlsx_workbook(state: sqlite3.Connection) -> None:
    rollup = compute_rollup(state, "mini", since=date(2026, 1, 1))
    sheets = read_xlsx(build_rollup_xlsx(rollup))
    assert list(sheets) == [
        "Agencies",
        "Domains",
        "Items",
        "Agency vs state",
        "Sites",
        "Data dictionary",
    ]
    agencies = sheets["Agencies"]
    header = agencies[0]
    assert header[:3] == ["Agency", "Agency UUID", "Site"]
    rows = {r[0]: dict(zip(header, r, strict=False)) for r in agencies[1:]}
    assert set(rows) == {"Alpha", HOSTILE_NAME, "Bravo", "Old Only"}  # a formula stays text
    alpha = next(a for a in rollup.agencies if a.organization.name == "Alpha")
    assert isinstance(rows["Alpha"]["Overall"], float)
    assert rows["Alpha"]["Overall"] == pytest.approx(alpha.score())
    assert rows["Alpha"]["Domain 1.1"] == pytest.approx(alpha.score("1.1"))
    assert rows["Alpha"]["Team members"] == 3.0
    assert rows["Old Only"]["Reported"] == "no" and rows["Old Only"].get("Overall") is None
    period_end = rows["Alpha"]["Period end"]
    assert isinstance(period_end, float)  # a real date: an Excel serial number
    assert date(1899, 12, 30).toordinal() + int(period_end) == date(2026, 3, 31).toordinal()
    domains = {r[0]: r for r in sheets["Domains"][1:]}
    assert domains["all"][sheets["Domains"][0].index("Median")] == pytest.approx(
        rollup.state[OVERALL].median
    )
    assert len(sheets["Items"]) == 1 + len(rollup.item_ids)
    assert len(sheets["Agency vs state"]) == 1 + len(rollup.agencies) * len(rollup.scopes)
    dictionary = sheets["Data dictionary"]
    described = {(r[0], r[1]) for r in dictionary if r and len(r) > 1}
    for table in rollup_tables(rollup):
        for column in table.columns:
            assert (table.name, column.header) in described
    assert ("flag", FLAG_NO_CONSENSUS) in described
    assert ("scope", "1.1") in described and ("item", "1.1.1") in described


def test_csv_export(state: sqlite3.Connection) -> None:
    rollup = compute_rollup(state, "mini", since=date(2026, 1, 1))
    data = build_rollup_csv(rollup)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == len(rollup.agencies) * len(rollup.scopes)
    hostile = [r for r in rows if "HYPERLINK" in r["Agency"]]
    assert hostile and all(r["Agency"] == "'" + HOSTILE_NAME for r in hostile)
    alpha = next(r for r in rows if r["Agency"] == "Alpha" and r["Scope"] == OVERALL)
    agency = next(a for a in rollup.agencies if a.organization.name == "Alpha")
    assert float(alpha["Score"]) == pytest.approx(agency.score(), abs=1e-4)
    assert float(alpha["Vs state median"]) == pytest.approx(rollup.vs_median(agency), abs=1e-4)
    assert alpha["Period end"] == "2026-03-31"
    change = agency.change()
    assert change is not None and float(alpha["Change"]) == pytest.approx(change, abs=1e-4)


def test_pdf_report(state: sqlite3.Connection) -> None:
    rollup = compute_rollup(state, "mini", since=date(2026, 1, 1))
    pdf = build_rollup_pdf(rollup, generated=date(2026, 4, 1))
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() or "" for page in reader.pages]
    # the summary (two pages since names wrap instead of being cut), then one per agency
    first_agency = len(pages) - len(rollup.agencies)
    assert first_agency >= 1 and all("Against the state" not in p for p in pages[:first_agency])
    summary = "\n".join(pages[:first_agency])
    assert "State roll-up" in summary and "State distribution by domain" in summary
    assert "Old Only" in summary  # named among those without a round in the period
    for agency, page in zip(rollup.agencies, pages[first_agency:], strict=True):
        assert " ".join(agency.organization.name.split()) in " ".join(page.split())
        assert "Against the state" in page
    assert "UNANSWERED" in summary and "NO CONSENSUS" in summary
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert fonts and all("DejaVu" in f for f in fonts)
    spanish = build_rollup_pdf(rollup, lang="es", paper="a4")
    assert "Resumen estatal" in (PdfReader(io.BytesIO(spanish)).pages[0].extract_text() or "")


def test_the_spanish_state_report_writes_decimals_with_a_comma(state: sqlite3.Connection) -> None:
    rollup = compute_rollup(state, "mini", since=date(2026, 1, 1))
    decimal_point, decimal_comma = re.compile(r"\b\d\.\d\d\b"), re.compile(r"\b\d,\d\d\b")
    for lang, wanted, unwanted in (
        ("en", decimal_point, decimal_comma),
        ("es", decimal_comma, decimal_point),
    ):
        pdf = build_rollup_pdf(rollup, lang=lang, generated=date(2026, 4, 1))
        text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
        assert wanted.search(text), lang
        assert not unwanted.search(text), (lang, unwanted.search(text))


def test_a_look_alike_version_stored_before_the_checks_is_kept_apart(
    mini: Instrument, mini_doc: dict[str, Any]
) -> None:
    """A data file that imported "1.0\\u200b" with the scale ×10 before such versions were
    refused still opens its rounds and rolls up, with that version flagged, not mixed in."""
    from app.db import instrument_snapshots

    doc = copy.deepcopy(mini_doc)
    doc["version"] = "1.0\u200b"
    for choice in doc["scale"]["choices"]:
        if "value" in choice:
            choice["value"] *= 10
    for band in doc["bands"]:
        band["min"], band["max"] = band["min"] * 10, band["max"] * 10
    with pytest.raises(InstrumentError, match=r"\$\.version"):
        parse_instrument(doc, "forged.json")
    forged = parse_instrument(doc, "stored forged", stored_before=True)
    conn = open_database(":memory:")
    filled_round(conn, mini, agency="Alpha", name="2026", end=date(2026, 3, 31))
    filled_round(conn, mini, agency="Bravo", name="2026", end=date(2026, 3, 31), seed=1)
    filled_round(conn, forged, agency="Forger", name="2099", end=date(2099, 12, 31))
    instrument_snapshots._cache.clear()  # read the stored copies back from the data file
    rollup = compute_rollup(conn, "mini")
    assert rollup.instrument.version == "1.0"
    assert [a.organization.name for a in rollup.other_scale] == ["Forger"]
    assert rollup.state[OVERALL].max is not None and rollup.state[OVERALL].max <= 4


def test_instruments_with_rounds_one_per_id_as_last_answered(state: sqlite3.Connection) -> None:
    from app.services.rollup import instruments_with_rounds

    found = instruments_with_rounds(state)
    assert [i.id for i in found] == ["mini"]
    newest = state.execute(
        "SELECT instrument_hash FROM rounds ORDER BY period_end DESC, id DESC LIMIT 1"
    ).fetchone()[0]
    assert found[0].content_hash == newest
