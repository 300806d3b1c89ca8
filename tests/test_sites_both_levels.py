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
from app.exchange.export import export_round
from app.exchange.importer import import_bytes
from app.reports.rollup_xlsx import build_rollup_csv, rollup_tables
from app.services.rollup import compute_rollup
from app.services.round_scores import official_for
from tests.test_exchange import filled_round, round_json


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
    # the XLSX and the PDF withhold them the same way
    tables = {t.name: t for t in rollup_tables(rollup)}
    agencies = tables["Agencies"]
    overall = [c.header for c in agencies.columns].index("Overall")
    assert [r[overall] for r in agencies.rows] == [None, None]
    site_overall = [c.header for c in tables["Sites"].columns].index("Overall")
    assert tables["Sites"].rows and all(r[site_overall] is None for r in tables["Sites"].rows)
    from pypdf import PdfReader

    from app.reports.rollup import build_rollup_pdf

    pdf = PdfReader(io.BytesIO(build_rollup_pdf(rollup)))
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "Scores withheld: the group is too small." in text
    east = rollup.sites_of(rollup.agencies[1])[0]
    assert east.name == "Eastside"
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


# ------------------------------------------------------------------ exchange files


def _export_site_round(mini: Instrument, site: str | None) -> tuple[bytes, str]:
    conn = open_database(":memory:")
    org = organizations.create(conn, "Riverbend", state_identifier="R-1")
    rnd = filled_round(conn, mini, agency="Riverbend", name="Spring", end=date(2026, 3, 31))
    if site is not None:
        sites.set_round_site(conn, rnd.id, sites.add(conn, org.id, site).id)
    data = export_round(conn, rnd.id, with_pdf=False)
    conn.close()
    return data, rnd.uuid


def test_a_rounds_site_travels_in_the_exchange_file(mini: Instrument) -> None:
    data, uuid = _export_site_round(mini, "Eastside")
    assert round_json(data)["round"]["site"] == "Eastside"
    coordinator = open_database(":memory:")
    org = organizations.create(coordinator, "Riverbend (here)", state_identifier="X")
    result = import_bytes(coordinator, data, "east.smsoat")
    assert result.written
    (round_id,) = [
        r[0] for r in coordinator.execute("SELECT id FROM rounds WHERE uuid = ?", (uuid,))
    ]
    site = sites.round_site(coordinator, round_id)
    assert site is not None and site.name == "Eastside"
    river = organizations.get(coordinator, site.organization_id)
    assert river.name == "Riverbend" and river.id != org.id  # under the file's agency
    # the same file again is a duplicate (the site is part of what is compared), no second site
    assert not import_bytes(coordinator, data, "east.smsoat").written
    assert [s.name for s in sites.list_for(coordinator, river.id)] == ["Eastside"]
    # a second round of the same site (any case) links to the same site
    conn = open_database(":memory:")
    rnd = filled_round(conn, mini, agency="Riverbend", name="Autumn", end=date(2026, 9, 30))
    org_id = rnd.organization_id
    conn.execute("UPDATE organizations SET uuid = ? WHERE id = ?", (river.uuid, org_id))
    sites.set_round_site(conn, rnd.id, sites.add(conn, org_id, " eastside ").id)
    assert import_bytes(coordinator, export_round(conn, rnd.id, with_pdf=False), "b").written
    assert [s.name for s in sites.list_for(coordinator, river.id)] == ["Eastside"]
    assert len(sites.rounds_of(coordinator, site.id)) == 2


def test_a_whole_agency_round_and_an_old_file_carry_no_site(mini: Instrument) -> None:
    data, uuid = _export_site_round(mini, None)
    assert "site" not in round_json(data)["round"]  # such a file reads as it always did
    coordinator = open_database(":memory:")
    assert import_bytes(coordinator, data, "old.smsoat").written
    (round_id,) = [
        r[0] for r in coordinator.execute("SELECT id FROM rounds WHERE uuid = ?", (uuid,))
    ]
    assert sites.round_site(coordinator, round_id) is None


@pytest.mark.parametrize(
    ("site", "problem"),
    [
        ("x" * 501, "longer than 500"),
        ("\u200b \u200d", "must not be empty"),
        (12, "expected a string"),
        (None, "expected a string"),
    ],
)
def test_a_bad_site_in_a_file_is_refused_and_changes_nothing(
    mini: Instrument, site: object, problem: str
) -> None:
    from app.exchange import errors
    from tests.test_exchange import db_dump, members_of
    from tests.test_exchange_hostile import with_round

    data, _ = _export_site_round(mini, "Eastside")

    def change(doc: dict[str, object]) -> None:
        doc["round"]["site"] = site  # type: ignore[index]

    forged = with_round(members_of(data), change)
    here = open_database(":memory:")
    before = db_dump(here)
    report = import_bytes(here, forged, "forged.smsoat")
    assert report.refused and type(report.error) is errors.SchemaViolationError
    assert "round.site" in report.reason and problem in report.reason
    assert db_dump(here) == before


def test_a_hostile_site_name_is_kept_as_text_everywhere(
    mini: Instrument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_exchange import members_of
    from tests.test_exchange_hostile import with_round

    hostile = '=HYPERLINK("http://x")\x1b[31m\u202e'
    data, _uuid = _export_site_round(mini, "Eastside")

    def change(doc: dict[str, object]) -> None:
        doc["round"]["site"] = hostile  # type: ignore[index]

    db = tmp_path / "c.db"
    coordinator = open_database(db)
    assert import_bytes(coordinator, with_round(members_of(data), change), "h.smsoat").written
    rollup = compute_rollup(coordinator, "mini")
    assert rollup.site_name(rollup.agencies[0]) == hostile
    rows = list(csv.DictReader(io.StringIO(build_rollup_csv(rollup).decode("utf-8-sig"))))
    assert {r["Site"] for r in rows} == {"'" + hostile}  # never run as a formula
    table = {t.name: t for t in rollup_tables(rollup)}["Sites"]
    assert table.rows[0][2] == hostile  # text cell in the XLSX: kept, never a formula
    org_id = rollup.agencies[0].organization.id
    coordinator.close()
    code, out, _err = _run(capsys, "--db", str(db), "sites", "list", str(org_id))
    assert code == 0 and "\x1b" not in out and "\u202e" not in out and "\\x1b" in out


@pytest.mark.parametrize(
    ("lang", "whole"), [("en", "Whole agency"), ("es", "Toda la organización")]
)
def test_the_scorecard_says_which_site_the_round_is_for(
    clinics: sqlite3.Connection, lang: str, whole: str
) -> None:
    from pypdf import PdfReader

    from app.reports.outputs import build_scorecard_pdf

    def cover(name: str) -> str:
        data = build_scorecard_pdf(clinics, _round_id(clinics, name), lang=lang)
        return " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())

    site_word = "Site" if lang == "en" else "Sede"
    assert f"{site_word} Eastside" in cover("East new")
    assert f"{site_word} {whole}" in cover("Agency")
