"""Issue 21's sites at both levels: the roll-up's agency summary and its sites, and a small
peer group's per-agency rows withheld consistently (service, CSV, XLSX)."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.core.instrument import Instrument
from app.db import agency_attributes, organizations, sites
from app.db.connection import open_database
from app.reports.rollup_xlsx import build_rollup_csv, rollup_tables
from app.services.rollup import compute_rollup
from app.services.round_scores import official_for
from tests.test_exchange import filled_round


@pytest.fixture
def clinics(mini: Instrument) -> sqlite3.Connection:
    """Riverbend: a whole-agency round, two rounds of Eastside (the newer counts), one of
    Westside outside the period; Lakeside: whole agency only."""
    conn = open_database(":memory:")
    river = organizations.create(conn, "Riverbend", region="North", state_identifier="ST-1")
    organizations.create(conn, "Lakeside", region="North", state_identifier="ST-2")
    east = sites.add(conn, river.id, "Eastside")
    west = sites.add(conn, river.id, "Westside")
    filled_round(conn, mini, agency="Riverbend", name="Agency", end=date(2026, 1, 31), seed=1)
    for name, end, seed, site in (
        ("East old", date(2025, 10, 31), 2, east),
        ("East new", date(2026, 2, 28), 3, east),
        ("West 2024", date(2024, 6, 30), 4, west),
    ):
        rnd = filled_round(conn, mini, agency="Riverbend", name=name, end=end, seed=seed)
        sites.set_round_site(conn, rnd.id, site.id)
    filled_round(conn, mini, agency="Lakeside", name="Lake", end=date(2026, 3, 31), seed=5)
    return conn


def _round_id(conn: sqlite3.Connection, name: str) -> int:
    return int(conn.execute("SELECT id FROM rounds WHERE name = ?", (name,)).fetchone()[0])


def test_each_agency_shows_its_summary_and_its_sites(clinics: sqlite3.Connection) -> None:
    rollup = compute_rollup(clinics, "mini", since=date(2025, 7, 1))
    by_name = {a.organization.name: a for a in rollup.agencies}
    river = by_name["Riverbend"]
    # the agency's row is its newest round in the period, here a site's
    assert river.round.name == "East new" and rollup.site_name(river) == "Eastside"
    assert rollup.site_name(by_name["Lakeside"]) == ""
    rows = rollup.sites_of(river)
    # Westside's only round is before the period: no row; Eastside's newest counts
    assert [(r.name, r.round.name) for r in rows] == [("Eastside", "East new")]
    assert rows[0].score() == pytest.approx(official_for(clinics, rows[0].round)[0]["all"])
    assert rollup.sites_of(by_name["Lakeside"]) == []
    # sites are not agencies: the state statistics count two agencies
    assert rollup.state["all"].n == 2
    everything = compute_rollup(clinics, "mini")
    names = [(r.name, r.round.name) for r in everything.sites_of(everything.agencies[1])]
    assert names == [("Eastside", "East new"), ("Westside", "West 2024")]
    for row in everything.sites_of(everything.agencies[1]):
        for scope, value in official_for(clinics, row.round)[0].items():
            assert row.score(scope) == pytest.approx(value)


def test_the_tables_carry_the_site_and_a_sites_sheet(clinics: sqlite3.Connection) -> None:
    rollup = compute_rollup(clinics, "mini")
    tables = {t.name: t for t in rollup_tables(rollup)}
    agencies = tables["Agencies"]
    col = [c.header for c in agencies.columns].index("Site")
    assert {r[0]: r[col] for r in agencies.rows} == {"Lakeside": "", "Riverbend": "Eastside"}
    site_table = tables["Sites"]
    headers = [c.header for c in site_table.columns]
    rows = [dict(zip(headers, r, strict=True)) for r in site_table.rows]
    assert [(r["Agency"], r["Site"], r["Round"]) for r in rows] == [
        ("Riverbend", "Eastside", "East new"),
        ("Riverbend", "Westside", "West 2024"),
    ]
    west = _round_id(clinics, "West 2024")
    assert rows[1]["Overall"] == pytest.approx(
        official_for(clinics, rollup.sites_of(rollup.agencies[1])[1].round)[0]["all"]
    )
    assert rollup.sites_of(rollup.agencies[1])[1].round.id == west


@pytest.fixture
def small_group(clinics: sqlite3.Connection) -> sqlite3.Connection:
    for org in organizations.list_all(clinics):
        agency_attributes.set_attribute(clinics, org.id, "setting", "rural")
    return clinics


def test_a_small_groups_rows_show_no_agencys_scores(small_group: sqlite3.Connection) -> None:
    rollup = compute_rollup(small_group, "mini", groups={"setting": "rural"})
    assert rollup.suppressed and len(rollup.agencies) == 2
    for agency in rollup.agencies:
        assert all(v is None for v in agency.scores.values())
        assert all(v is None for v in agency.items.values())
        assert agency.change() is None and agency.previous() is None
        for row in rollup.sites_of(agency):
            assert all(v is None for v in row.scores.values())
    text = build_rollup_csv(rollup).decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text)))
    assert table and all(r["Score"] == "" and r["Previous"] == "" for r in table)
    # the CSV names the group on every row, as the XLSX and PDF do
    assert {r["Peer group"] for r in table} == {"setting=rural"}
    whole = list(
        csv.DictReader(
            io.StringIO(build_rollup_csv(compute_rollup(small_group, "mini")).decode("utf-8-sig"))
        )
    )
    assert {r["Peer group"] for r in whole} == {""}
    assert all(r["Score"] != "" for r in whole)


@pytest.mark.parametrize(
    ("lang", "heading", "whole"),
    [("en", "The agency's sites", "Whole agency"), ("es", "Sedes de la organización", "Toda")],
)
def test_the_pdf_has_a_sites_table_on_the_agencys_page(
    clinics: sqlite3.Connection, lang: str, heading: str, whole: str
) -> None:
    from pypdf import PdfReader

    from app.reports.rollup import build_rollup_pdf

    rollup = compute_rollup(clinics, "mini")
    reader = PdfReader(io.BytesIO(build_rollup_pdf(rollup, lang=lang)))
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    lake = next(p for p in pages if "Lakeside" in p and "Lake " in p and whole in p)
    assert heading not in lake  # no site has a round: no table
    river = next(p for p in pages if heading in p)
    assert "Riverbend" in river and "Eastside" in river and "Westside" in river
    assert "East new" in river and "West 2024" in river
    west = rollup.sites_of(rollup.agencies[1])[1]
    from app.reports.common import fmt_score

    assert fmt_score(west.score(), rollup.instrument.band_metric, lang) in river


# ------------------------------------------------------------------ rename and remove


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from app.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_sites_list_add_rename_remove_on_the_command_line(
    clinics: sqlite3.Connection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "clinics.db"
    clinics.execute(f"VACUUM INTO '{db}'")
    conn = open_database(db)
    river = organizations.find_by_name(conn, "Riverbend")
    assert river is not None
    east = next(s for s in sites.list_for(conn, river.id) if s.name == "Eastside")
    held = sites.rounds_of(conn, east.id)
    assert len(held) == 2
    before = conn.execute("SELECT count(*) FROM rounds").fetchone()[0]
    conn.close()
    code, out, err = _run(capsys, "--db", str(db), "sites", "add", str(river.id), "North clinic")
    assert code == 0 and "North clinic" in out and err == ""
    code, out, err = _run(capsys, "--db", str(db), "sites", "rename", str(east.id), "Westside")
    assert code == 2 and out == "" and err.count("\n") == 1 and "already has a site" in err
    code, out, err = _run(capsys, "--db", str(db), "sites", "rename", str(east.id), "\u200b ")
    assert code == 2 and out == "" and err.count("\n") == 1 and "needs a name" in err
    code, out, err = _run(capsys, "--db", str(db), "sites", "rename", str(east.id), " East end ")
    assert code == 0 and '"East end"' in out and "2 round(s)" in out
    # a site holding rounds: refused without --yes, nothing changed
    code, out, err = _run(capsys, "--db", str(db), "sites", "remove", str(east.id))
    assert code == 2 and out == "" and err.count("\n") == 1 and "--yes" in err
    conn = open_database(db)
    assert [s.name for s in sites.list_for(conn, river.id)] == [
        "East end",
        "North clinic",
        "Westside",
    ]
    assert sites.rounds_of(conn, east.id) == held
    conn.close()
    code, out, err = _run(capsys, "--db", str(db), "sites", "remove", str(east.id), "--yes")
    assert code == 0 and "2 round(s) are now the whole agency's" in out
    conn = open_database(db)
    assert conn.execute("SELECT count(*) FROM rounds").fetchone()[0] == before  # nothing lost
    assert all(sites.round_site(conn, r) is None for r in held)
    logged = conn.execute(
        "SELECT count(*) FROM change_log WHERE entity = 'round' AND detail LIKE '%site removed%'"
    ).fetchone()[0]
    assert logged == 2
    conn.close()
    code, out, err = _run(capsys, "--db", str(db), "sites", "remove", "999")
    assert code == 2 and err.count("\n") == 1 and "no site with id 999" in err
    code, out, err = _run(capsys, "--db", str(db), "sites", "list", str(river.id), "--json")
    assert code == 0 and "East end" not in out and "North clinic" in out
