"""The roll-up workbook and CSV as a coordinator prints and reads them, and scores.csv rows that
can be told apart once many files are pasted together (issue 19)."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core.instrument import Instrument
from app.db.connection import open_database
from app.exchange.export import export_round
from app.exchange.format import SCORES_CSV
from app.exchange.importer import import_bytes
from app.reports.rollup_xlsx import NEUTRALISING_RULE, build_rollup_csv, build_rollup_xlsx
from app.services.rollup import FLAG_NO_CONSENSUS, compute_rollup
from tests.test_exchange import filled_round, members_of
from tests.test_rollup import read_xlsx

REPO = Path(__file__).parent.parent


@pytest.fixture
def state(mini: Instrument) -> Iterator[sqlite3.Connection]:
    """Two agencies, one without complete consensus."""
    conn = open_database(":memory:")
    filled_round(conn, mini, agency="Alpha", name="2026", seed=1)
    filled_round(conn, mini, agency="@Home Care", name="2026", seed=2, consensus=False)
    yield conn
    conn.close()


def _members(xlsx: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith("xml")}


def test_every_sheet_prints_landscape_one_page_wide_with_its_header_row_and_title(
    state: sqlite3.Connection,
) -> None:
    rollup = compute_rollup(state, "mini", since=date(2026, 1, 1))
    members = _members(build_rollup_xlsx(rollup))
    sheets = sorted(n for n in members if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
    assert len(sheets) == 6
    for name in sheets:
        xml = members[name]
        assert 'orientation="landscape"' in xml, name
        assert '<pageSetUpPr fitToPage="1"/>' in xml and 'fitToHeight="0"' in xml, name
        assert re.search(r"<oddHeader>[^<]*State roll-up: Mini instrument", xml), name
    titles = re.findall(
        r'<definedName name="_xlnm.Print_Titles"[^>]*>([^<]*)<', members["xl/workbook.xml"]
    )
    assert len(titles) == 6 and all(t.endswith("$1:$1") for t in titles)


def test_spanish_workbook_and_csv_translate_words_and_keep_codes(
    state: sqlite3.Connection,
) -> None:
    rollup = compute_rollup(state, "mini", since=date(2026, 1, 1))
    english = read_xlsx(build_rollup_xlsx(rollup))
    spanish = read_xlsx(build_rollup_xlsx(rollup, lang="es"))
    assert list(spanish) == [
        "Organizaciones",
        "Dominios",
        "Ítems",
        "Organización y estado",
        "Sedes",
        "Diccionario de datos",
    ]
    header = spanish["Organizaciones"][0]
    assert header[:3] == ["Organización", "UUID de la organización", "Sede"]
    assert "Dominio 1.1" in header and "Señales" in header
    # the same rows and codes as in English
    assert [r[1:] for r in spanish["Organizaciones"][1:]] == [
        r[1:] for r in english["Agencies"][1:]
    ]
    flags = header.index("Señales")
    assert any(FLAG_NO_CONSENSUS in str(r[flags]) for r in spanish["Organizaciones"][1:])
    titles = {r[0]: r[2] for r in spanish["Dominios"][1:]}
    assert titles["all"] == "Global"
    assert titles["1.1"] == rollup.instrument.domain("1.1").title.get("es")
    meanings = [r[3] for r in spanish["Diccionario de datos"][1:] if r and len(r) > 3 and r[3]]
    english_meanings = {r[3] for r in english["Data dictionary"][1:] if r and len(r) > 3}
    untranslated = [m for m in meanings if m in english_meanings]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d|\(any\)", m) for m in untranslated), untranslated
    english_csv = build_rollup_csv(rollup).decode("utf-8-sig").splitlines()
    spanish_csv = build_rollup_csv(rollup, lang="es").decode("utf-8-sig").splitlines()
    assert english_csv[0].startswith("Agency,Agency UUID")
    assert spanish_csv[0].startswith("Organización,UUID de la organización")
    assert spanish_csv[1:] == english_csv[1:]


def test_the_data_dictionary_states_the_formula_rule(state: sqlite3.Connection) -> None:
    rollup = compute_rollup(state, "mini")
    dictionary = read_xlsx(build_rollup_xlsx(rollup))["Data dictionary"]
    assert any(NEUTRALISING_RULE in r for r in dictionary)
    assert "'@Home" in NEUTRALISING_RULE and "@Home)" in NEUTRALISING_RULE
    docs = (REPO / "docs" / "exchange-format.md").read_text(encoding="utf-8")
    assert "`'@Home visits`" in docs and "kept exactly as written (`@Home visits`)" in docs


def test_scores_csv_rows_carry_the_agency_and_round_ids(mini: Instrument) -> None:
    conn = open_database(":memory:")
    rnd = filled_round(conn, mini)
    data = export_round(conn, rnd.id, with_pdf=False)
    rows = list(csv.DictReader(io.StringIO(members_of(data)[SCORES_CSV].decode("utf-8-sig"))))
    org_uuid = conn.execute("SELECT uuid FROM organizations").fetchone()[0]
    assert rows and {(r["agency_uuid"], r["round_uuid"]) for r in rows} == {(org_uuid, rnd.uuid)}
    # and such a file still imports at the state
    coordinator = open_database(":memory:")
    import_bytes(coordinator, data, "a.smsoat")
    assert coordinator.execute("SELECT count(*) FROM rounds").fetchone()[0] == 1
