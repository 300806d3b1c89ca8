"""Issue 21, the state's picture: one agency across laptops (links), peer groups, who is due,
and the schema step that brings them (from today's version-2 files, keeping everything)."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.core.errors import InstrumentError, NotFoundError, ValidationError
from app.core.instrument import Instrument
from app.core.instrument_loader import parse_instrument
from app.db import action_plans as action_plans_db
from app.db import agency_attributes, agency_links, migrations, organizations
from app.db.connection import open_database
from app.exchange.export import export_round
from app.exchange.importer import import_bytes, preview_file
from app.services.due import add_months, due_list
from app.services.next_due import next_due_dates
from app.services.peer_groups import import_groups_csv
from app.services.rollup import compute_rollup
from app.services.round_scores import official_for
from tests.test_exchange import filled_round


def _laptop(mini: Instrument, agency: str, state_id: str, end: date, seed: int) -> bytes:
    """An agency's laptop: its own record (its own UUID) and one round, exported."""
    conn = open_database(":memory:")
    org = organizations.create(conn, agency, region="North", state_identifier=state_id)
    assert org.id
    rnd = filled_round(conn, mini, agency=agency, name=f"Round {end}", end=end, seed=seed)
    data = export_round(conn, rnd.id, with_pdf=False)
    conn.close()
    return data


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = ("organizations", "rounds", "respondents", "responses", "consensus", "priorities")
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_same_agency_from_two_laptops_is_linked_once_and_rolled_up_once(
    mini: Instrument, tmp_path: Path
) -> None:
    old_laptop = _laptop(mini, "Riverbend Health", "ST-7", date(2025, 6, 30), seed=0)
    new_laptop = _laptop(mini, "Riverbend Health", "st-7 ", date(2026, 3, 31), seed=2)
    other = _laptop(mini, "Lakeside", "ST-8", date(2026, 3, 31), seed=1)
    coordinator = open_database(":memory:")
    first = import_bytes(coordinator, old_laptop, "old.smsoat")
    assert first.written and first.link_with is None
    assert import_bytes(coordinator, other, "other.smsoat").link_with is None
    # The preview of the second laptop's file proposes the link (same state id, other UUID) …
    path = tmp_path / "new.smsoat"
    path.write_bytes(new_laptop)
    preview = preview_file(coordinator, path)
    assert preview.status == "new" and preview.link_with is not None
    assert preview.link_with.name == "Riverbend Health"
    assert "link them" in preview.proposals[0] and '"st-7"' in preview.proposals[0]
    # … and importing does not link by itself: two records, two agencies in the roll-up.
    second = import_bytes(coordinator, new_laptop, "new.smsoat")
    assert second.written and second.link_with is not None
    assert len(compute_rollup(coordinator, "mini").agencies) == 3
    proposals = agency_links.proposed_links(coordinator)
    assert len(proposals) == 1 and proposals[0].keep.id == second.link_with.id
    keep, other_id = proposals[0].keep.id, proposals[0].other.id
    assert keep != other_id
    before = _counts(coordinator)

    agency_links.link(coordinator, keep, other_id)
    assert agency_links.proposed_links(coordinator) == []
    rollup = compute_rollup(coordinator, "mini")
    assert sorted(a.organization.name for a in rollup.agencies) == ["Lakeside", "Riverbend Health"]
    riverbend = next(a for a in rollup.agencies if a.organization.name == "Riverbend Health")
    assert riverbend.organization.id == keep
    assert riverbend.round.period_end == date(2026, 3, 31)  # the newer laptop's round counts
    assert riverbend.previous_round is not None  # with the old laptop's as its history
    assert riverbend.previous_round.period_end == date(2025, 6, 30)
    assert rollup.state["all"].n == 2
    with pytest.raises(ValidationError, match="already one agency"):
        agency_links.link(coordinator, other_id, keep)
    assert _counts(coordinator) == before  # a link merges nothing

    agency_links.unlink(coordinator, keep, other_id)
    assert _counts(coordinator) == before  # and an undo loses nothing
    assert len(compute_rollup(coordinator, "mini").agencies) == 3
    with pytest.raises(ValidationError, match="not linked"):
        agency_links.unlink(coordinator, keep, other_id)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_link_agencies_and_agencies_on_the_command_line(
    mini: Instrument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "state.db"
    files = []
    for name, end, seed in (("a", date(2025, 6, 30), 0), ("b", date(2026, 3, 31), 1)):
        path = tmp_path / f"{name}.smsoat"
        path.write_bytes(_laptop(mini, "Riverbend Health", "ST-7", end, seed))
        files.append(str(path))
    code, out, _ = run(capsys, "--db", str(db), "import", files[0])
    assert code == 0
    code, out, _ = run(capsys, "--db", str(db), "import", "--dry-run", files[1])
    assert code == 0 and "shares the state identifier" in out
    code, out, _ = run(capsys, "--db", str(db), "import", "--json", files[1])
    assert json.loads(out)[0]["proposed_link"]["name"] == "Riverbend Health"
    code, out, _ = run(capsys, "--db", str(db), "agencies", "--json", "--instrument", "mini")
    listed = json.loads(out)
    assert len(listed["agencies"]) == 2 and len(listed["proposed_links"]) == 1
    keep = listed["proposed_links"][0]["keep"]["id"]
    other = listed["proposed_links"][0]["other"]["id"]
    code, out, _ = run(capsys, "--db", str(db), "link-agencies", str(keep), str(other))
    assert code == 0 and "one agency" in out
    code, out, _ = run(capsys, "--db", str(db), "agencies", "--json", "--instrument", "mini")
    listed = json.loads(out)
    assert len(listed["agencies"]) == 1 and listed["proposed_links"] == []
    entry = listed["agencies"][0]
    assert [r["id"] for r in entry["linked_records"]] == [other]
    assert entry["last_round"]["period_end"] == "2026-03-31"
    code, out, err = run(capsys, "--db", str(db), "link-agencies", str(keep), str(other))
    assert code == 2 and out == "" and err.count("\n") == 1 and "already one agency" in err
    code, out, _ = run(capsys, "--db", str(db), "link-agencies", str(keep), str(other), "--undo")
    assert code == 0 and "Unlinked" in out
    code, out, _ = run(capsys, "--db", str(db), "agencies", "--json", "--instrument", "mini")
    assert len(json.loads(out)["agencies"]) == 2
    code, out, err = run(capsys, "--db", str(db), "link-agencies", str(keep), "999")
    assert code == 2 and err.count("\n") == 1 and "999" in err


def test_a_version_2_file_with_real_data_migrates_and_keeps_everything(
    mini: Instrument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "v2.db"
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
        patch.setattr(migrations, "SCHEMA_VERSION", 2)
        # the plan's implementation fields came with a later step: version 2 rows have none
        patch.setattr(action_plans_db, "IMPLEMENTATION_FIELDS", ())
        conn = open_database(db)
        assert migrations.schema_version(conn) == 2
        # agencies as the version-2 app wrote them (no sites table then)
        for uuid, name, site, region in (
            ("0b7c4a4e-1d8e-4a53-9a53-5f2d1c9e0a01", "Alpha", "Main", "North"),
            ("0b7c4a4e-1d8e-4a53-9a53-5f2d1c9e0a02", "No site", "", "South"),
        ):
            conn.execute(
                "INSERT INTO organizations (uuid, name, site, region, state_identifier,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, 'ST-1', ?, ?)",
                (uuid, name, site, region, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
            )
        filled_round(conn, mini, agency="Alpha", name="2025", end=date(2025, 6, 30), seed=0)
        filled_round(conn, mini, agency="Alpha", name="2026", end=date(2026, 3, 31), seed=1)
        before = _counts(conn)
        dump = {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("organizations", "rounds", "respondents", "responses", "consensus")
        }
        conn.close()
    conn = open_database(db)
    assert migrations.schema_version(conn) == migrations.SCHEMA_VERSION
    assert _counts(conn) == before
    for table, rows in dump.items():
        now = conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        width = len(rows[0]) if rows else 0
        assert [tuple(r)[:width] for r in now] == [tuple(r) for r in rows], table
    # each agency with a site got that site; every existing round is the whole agency's
    sites = conn.execute(
        "SELECT o.name, s.name FROM sites s JOIN organizations o ON o.id = s.organization_id"
    ).fetchall()
    assert [tuple(r) for r in sites] == [("Alpha", "Main")]
    assert conn.execute("SELECT count(*) FROM rounds WHERE site_id IS NOT NULL").fetchone()[0] == 0
    # and the new features work on the migrated data
    rollup = compute_rollup(conn, "mini", groups={"region": "North"})
    assert [a.organization.name for a in rollup.agencies] == ["Alpha"]
    assert rollup.suppressed
    conn.close()


# ------------------------------------------------------------------ peer groups


def _quartiles(values: list[float]) -> tuple[float, float, float]:
    """Q1, median, Q3 by linear interpolation between order statistics (positions (n-1)p),
    written out here independently of the statistics module the roll-up uses."""
    data = sorted(values)

    def at(p: float) -> float:
        pos = (len(data) - 1) * p
        low = int(pos)
        high = min(low + 1, len(data) - 1)
        return data[low] + (data[high] - data[low]) * (pos - low)

    return at(0.25), at(0.5), at(0.75)


@pytest.fixture
def peers(mini: Instrument) -> sqlite3.Connection:
    """Eight agencies: six in the North (four rural), two in the South."""
    conn = open_database(":memory:")
    regions = ["North"] * 6 + ["South"] * 2
    settings = ["rural", "rural", "urban", "rural", "urban", "rural", "rural", "urban"]
    for k, (region, setting) in enumerate(zip(regions, settings, strict=True)):
        name = f"Agency {k}"
        org = organizations.create(conn, name, region=region, state_identifier=f"ST-{k}")
        filled_round(conn, mini, agency=name, name="2026", end=date(2026, 3, 31), seed=k)
        agency_attributes.set_attribute(conn, org.id, "Setting", setting)
    return conn


def test_group_statistics_match_an_independent_computation(peers: sqlite3.Connection) -> None:
    north = compute_rollup(peers, "mini", groups={"region": "north"})
    assert north.groups == {"region": "north"} and not north.suppressed
    assert sorted(a.organization.name for a in north.agencies) == [f"Agency {k}" for k in range(6)]
    for scope in [s.id for s in north.scopes]:
        values = [
            v
            for a in north.agencies
            if (v := official_for(peers, a.round)[0].get(scope)) is not None
        ]
        q1, median, q3 = _quartiles(values)
        stats = north.state[scope]
        assert stats.n == len(values) == 6
        assert stats.median == pytest.approx(median)
        assert stats.q1 == pytest.approx(q1) and stats.q3 == pytest.approx(q3)
    # the whole state is unchanged by the existence of groups
    whole = compute_rollup(peers, "mini")
    assert whole.state["all"].n == 8 and whole.groups == {} and not whole.suppressed


def test_a_group_of_fewer_than_five_is_suppressed(peers: sqlite3.Connection) -> None:
    rural_north = compute_rollup(peers, "mini", groups={"region": "North", "setting": "rural"})
    assert len(rural_north.agencies) == 4 and rural_north.suppressed
    stats = rural_north.state["all"]
    assert stats.n == 4
    assert (stats.median, stats.q1, stats.q3, stats.min, stats.max, stats.mean) == (None,) * 6
    assert all(s.median is None for s in rural_north.item_state.values())
    assert all(rural_north.vs_median(a) is None for a in rural_north.agencies)
    assert rural_north.group_label == "region=North, setting=rural"
    with pytest.raises(NotFoundError, match="No agency here is in the peer group region=West"):
        compute_rollup(peers, "mini", groups={"region": "West"})


def test_group_on_the_command_line_and_in_the_xlsx_and_pdf(
    peers: sqlite3.Connection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    db = tmp_path / "peers.db"
    peers.execute(f"VACUUM INTO '{db}'")
    out_xlsx = tmp_path / "north.xlsx"
    code, out, err = run(
        capsys,
        "--db",
        str(db),
        "rollup",
        "--instrument",
        "mini",
        "--group",
        "region=North",
        "-o",
        str(out_xlsx),
    )
    assert code == 0 and "peer group region=North" in out and err == ""
    sheets = _xlsx_text(out_xlsx)
    assert "region=North" in sheets
    out_pdf = tmp_path / "small.pdf"
    code, out, err = run(
        capsys,
        "--db",
        str(db),
        "rollup",
        "--instrument",
        "mini",
        "--group",
        "region=South",
        "--lang",
        "es",
        "-o",
        str(out_pdf),
    )
    assert code == 0 and "fewer than 5" in err
    text = "".join(page.extract_text() for page in PdfReader(out_pdf).pages)
    assert "region=South" in text and "menos de 5" in text
    code, out, err = run(
        capsys,
        "--db",
        str(db),
        "rollup",
        "--instrument",
        "mini",
        "--group",
        "region",
        "-o",
        str(tmp_path / "x.xlsx"),
    )
    assert code == 2 and out == "" and err.count("\n") == 1 and "NAME=VALUE" in err
    assert not (tmp_path / "x.xlsx").exists()
    code, out, err = run(
        capsys,
        "--db",
        str(db),
        "rollup",
        "--instrument",
        "mini",
        "--group",
        "regoin=North",
        "-o",
        str(tmp_path / "x.xlsx"),
    )
    assert code == 2 and out == "" and err.count("\n") == 1 and "regoin=North" in err
    assert not (tmp_path / "x.xlsx").exists()


def _xlsx_text(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
        )


GOOD_CSV = "state_id,Region,Provider type\nST-0,East,FQHC\nst-1 ,East,\n"


def test_groups_from_a_csv_file(peers: sqlite3.Connection) -> None:
    result = import_groups_csv(peers, GOOD_CSV)
    assert (result.agencies, result.values, result.groups) == (2, 3, ("region", "provider type"))
    attrs = agency_attributes.all_attributes(peers)
    zero, one = (organizations.find_by_name(peers, f"Agency {k}") for k in (0, 1))
    assert zero is not None and one is not None
    assert attrs[zero.id] == {"region": "East", "setting": "rural", "provider type": "FQHC"}
    assert attrs[one.id]["region"] == "East" and "provider type" not in attrs[one.id]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ("name,region\nx,y\n", "first column must be one of"),
        ("state_id\nST-0\n", "no group columns"),
        ("state_id,region\nST-0,North\nST-99,South\n", "no agency here with state_id 'ST-99'"),
        ("state_id,region\nST-0,No\x1bth\n", "control character"),
        ("state_id,region\nST-0,North,extra\n", "more cells than columns"),
        ("state_id,region,Region\nST-0,a,b\n", "two columns"),
        ("state_id,region\nST-0,North\x00\n", "NUL"),
        ("state_id," + ",".join(f"g{i}" for i in range(25)) + "\n", "at most 20"),
        ("agency_id,region\n99999999999999999999999,North\n", "no agency here"),
        ('state_id,region\n"ST-0,North\n', "no agency here"),
    ],
)
def test_a_hostile_group_csv_changes_nothing(
    peers: sqlite3.Connection, text: str, problem: str
) -> None:
    before = agency_attributes.all_attributes(peers)
    with pytest.raises(ValidationError, match=re.escape(problem)):
        import_groups_csv(peers, text, "groups.csv")
    assert agency_attributes.all_attributes(peers) == before


def test_group_csv_files_that_are_not_text_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], peers: sqlite3.Connection
) -> None:
    db = tmp_path / "peers.db"
    peers.execute(f"VACUUM INTO '{db}'")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("state_id,región\nST-0,Norte\n".encode("latin-1"))
    big = tmp_path / "big.csv"
    big.write_bytes(b"state_id,region\n" + b"ST-0,North\n" * 300_000)
    formula = tmp_path / "formula.csv"
    formula.write_text('state_id,region\nST-0,"=HYPERLINK(""http://x"",""y"")"\n', "utf-8")
    for path, words in (
        (latin, "not UTF-8"),
        (big, "larger than 2 MB"),
        (tmp_path, "a folder"),
        (tmp_path / "missing.csv", "Cannot read"),
    ):
        code, out, err = run(capsys, "--db", str(db), "groups", "import", str(path))
        assert code == 2 and out == "" and err.count("\n") == 1 and words in err, err
    code, out, _ = run(capsys, "--db", str(db), "groups", "import", str(formula))
    assert code == 0 and "Set 1 group value(s) for 1 agencies" in out
    # a formula is kept as text, never evaluated: the XLSX writes it as a string
    code, _, _ = run(
        capsys, "--db", str(db), "rollup", "--instrument", "mini", "-o", str(tmp_path / "r.csv")
    )
    assert code == 0
    conn = open_database(db)
    org = organizations.find_by_name(conn, "Agency 0")
    assert org is not None
    assert agency_attributes.all_attributes(conn)[org.id]["region"].startswith("=HYPERLINK")
    conn.close()
    code, out, err = run(capsys, "--db", str(db), "groups", "set", "1", "setting=", "Type=CMHC")
    assert code == 0 and "setting removed" in out and "type=CMHC" in out


# ------------------------------------------------------------------ due and overdue


def test_add_months_keeps_the_day_or_takes_the_months_last() -> None:
    assert add_months(date(2026, 3, 31), 6) == date(2026, 9, 30)
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert add_months(date(2026, 1, 1), 24) == date(2028, 1, 1)


def test_repeat_months_is_read_from_the_instrument_file(mini_doc: dict[str, Any]) -> None:
    assert parse_instrument(mini_doc, "mini.json").repeat_months == 6  # absent: six months
    mini_doc["repeat_months"] = 3
    assert parse_instrument(mini_doc, "mini.json").repeat_months == 3
    for bad in (0, 61, 2.5, True, "6"):
        mini_doc["repeat_months"] = bad
        with pytest.raises(InstrumentError) as caught:
            parse_instrument(mini_doc, "mini.json")
        assert any("$.repeat_months" in p for p in caught.value.problems)


def test_due_dates_follow_the_instruments_interval(mini_doc: dict[str, Any]) -> None:
    quarterly_doc = copy.deepcopy(mini_doc)
    quarterly_doc["repeat_months"] = 3
    quarterly_doc["id"] = "quarterly"
    six = parse_instrument(mini_doc, "mini.json")
    three = parse_instrument(quarterly_doc, "quarterly.json")
    conn = open_database(":memory:")
    for name, end in (
        ("Overdue", date(2025, 9, 30)),  # due 2026-03-30 (the same day, six months on)
        ("Soon", date(2025, 11, 20)),  # due 2026-05-20
        ("Fine", date(2026, 3, 31)),  # due 2026-09-30
    ):
        filled_round(conn, six, agency=name, name="r", end=end)
    organizations.create(conn, "Silent")
    today = date(2026, 4, 25)
    entries = {e.organization.name: e for e in due_list(conn, six, today)}
    assert {n: (e.status, e.next_due) for n, e in entries.items()} == {
        "Overdue": ("overdue", date(2026, 3, 30)),
        "Soon": ("due", date(2026, 5, 20)),
        "Fine": ("ok", date(2026, 9, 30)),
        "Silent": ("never", None),
    }
    assert entries["Overdue"].days_left == -26 and entries["Soon"].days_left == 25
    assert [e.status for e in due_list(conn, six, today)] == ["overdue", "never", "due", "ok"]
    # a quarterly instrument: the same round end gives a due date three months later
    filled_round(conn, three, agency="Fine", name="q", end=date(2026, 1, 31))
    quarterly = {e.organization.name: e for e in due_list(conn, three, today)}
    assert quarterly["Fine"].next_due == date(2026, 4, 30) and quarterly["Fine"].status == "due"
    assert quarterly["Overdue"].status == "never" and quarterly["Overdue"].repeat_months == 3
    # the home page's lean reading (json_extract on the snapshot) agrees with the due list
    fine = organizations.find_by_name(conn, "Fine")
    assert fine is not None
    assert next_due_dates(conn, fine.id, today) == [
        ("quarterly", date(2026, 4, 30), "due"),
        ("mini", date(2026, 9, 30), "ok"),
    ]


def test_linked_records_are_due_once(mini: Instrument) -> None:
    conn = open_database(":memory:")
    old = filled_round(conn, mini, agency="Old laptop", name="r", end=date(2025, 6, 30))
    organizations.create(conn, "New laptop", state_identifier="ST-1")
    new_org = organizations.find_by_name(conn, "New laptop")
    assert new_org is not None
    today = date(2026, 4, 1)
    assert [e.status for e in due_list(conn, mini, today)] == ["overdue", "never"]
    agency_links.link(conn, new_org.id, old.organization_id)
    (entry,) = due_list(conn, mini, today)
    assert entry.organization.name == "New laptop" and entry.last_round is not None
    assert entry.status == "overdue" and entry.next_due == date(2025, 12, 30)


def test_due_on_the_command_line_and_exported(
    peers: sqlite3.Connection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "due.db"
    organizations.create(peers, '=cmd|" /C calc"!A0', state_identifier="ST-X")
    peers.execute(f"VACUUM INTO '{db}'")
    base = ("--db", str(db), "due", "--instrument", "mini", "--as-of")
    code, out, _ = run(capsys, *base, "2026-12-01", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 9
    assert listed[0]["status"] == "overdue" and listed[0]["next_due"] == "2026-09-30"
    assert [e["status"] for e in listed].count("never") == 1
    code, out, _ = run(capsys, *base, "2026-05-01")
    assert code == 0 and "0 overdue, 1 never reported, 0 due within 30 days, 8 up to date" in out
    csv_path, xlsx_path = tmp_path / "due.csv", tmp_path / "due.xlsx"
    code, out, _ = run(capsys, *base, "2026-12-01", "-o", str(csv_path))
    assert code == 0
    rows = list(csv.reader(io.StringIO(csv_path.read_text("utf-8-sig"))))
    assert rows[0][:3] == ["Agency", "State identifier", "Status"] and len(rows) == 10
    (hostile,) = [r for r in rows if r[1] == "ST-X"]
    assert hostile[2] == "never reported" and hostile[0] != '=cmd|" /C calc"!A0'
    assert not any(r[0].startswith("=") for r in rows)
    code, out, _ = run(capsys, *base, "2026-12-01", "-o", str(xlsx_path))
    assert code == 0 and "Agency 3" in _xlsx_text(xlsx_path)
    code, out, err = run(capsys, *base, "2026-12-01", "-o", str(tmp_path / "due.txt"))
    assert code == 2 and err.count("\n") == 1 and ".csv or .xlsx" in err
    code, out, err = run(capsys, "--db", str(db), "due", "--instrument", "nope")
    assert code == 2 and err.count("\n") == 1 and "nope" in err


# ------------------------------------------------------------------ sites


def test_an_agency_summary_and_its_sites(
    mini: Instrument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.db import sites
    from app.services import sites as site_service

    db = tmp_path / "sites.db"
    conn = open_database(db)
    org = organizations.create(conn, "Riverbend", site="Main clinic", state_identifier="ST-1")
    assert [s.name for s in sites.list_for(conn, org.id)] == ["Main clinic"]
    whole = filled_round(conn, mini, agency="Riverbend", name="Agency", end=date(2026, 3, 31))
    east_round = filled_round(
        conn, mini, agency="Riverbend", name="East", end=date(2026, 2, 28), seed=2
    )
    east = sites.add(conn, org.id, "Eastside")
    with pytest.raises(ValidationError, match="already has a site"):
        sites.add(conn, org.id, " eastside ")
    assert sites.round_site(conn, east_round.id) is None  # every round starts as the agency's
    sites.set_round_site(conn, east_round.id, east.id)
    other = organizations.create(conn, "Other")
    foreign = sites.add(conn, other.id, "Elsewhere")
    with pytest.raises(ValidationError, match="another agency"):
        sites.set_round_site(conn, whole.id, foreign.id)
    found = site_service.overview(conn, org.id)
    levels = [(r.site.name if r.site else None, r.round.id) for r in found.newest]
    assert levels == [(None, whole.id), ("Eastside", east_round.id)]
    for entry in found.newest:
        assert entry.overall == pytest.approx(official_for(conn, entry.round)[0]["all"])
    # the whole agency's newest round stays the agency's in the roll-up (one agency, once)
    assert [a.round.id for a in compute_rollup(conn, "mini").agencies] == [whole.id]
    conn.close()
    code, out, _ = run(capsys, "--db", str(db), "sites", "list", str(org.id), "--json")
    listed = json.loads(out)
    assert code == 0 and [s["name"] for s in listed["sites"]] == ["Eastside", "Main clinic"]
    assert listed["newest_rounds"][1]["site"]["name"] == "Eastside"
    code, out, _ = run(capsys, "--db", str(db), "round-site", str(east_round.id), "--whole-agency")
    assert code == 0 and "whole agency" in out
    code, out, err = run(capsys, "--db", str(db), "round-site", str(whole.id), str(foreign.id))
    assert code == 2 and out == "" and err.count("\n") == 1 and "another agency" in err


def test_an_agency_carries_its_history_to_a_new_laptop_by_importing_its_exports(
    mini: Instrument,
) -> None:
    old_laptop = open_database(":memory:")
    first = filled_round(old_laptop, mini, agency="Riverbend", name="2025", end=date(2025, 6, 30))
    earlier = export_round(old_laptop, first.id, with_pdf=False)
    new_laptop = open_database(":memory:")
    assert import_bytes(new_laptop, earlier, "mine.smsoat").written
    (org,) = organizations.list_all(new_laptop)  # the same record: same UUID, no link needed
    assert org.uuid == organizations.get(old_laptop, first.organization_id).uuid
    second = filled_round(new_laptop, mini, agency="Riverbend", name="2026", end=date(2026, 3, 31))
    assert second.organization_id == org.id
    coordinator = open_database(":memory:")
    for conn, rnd in ((old_laptop, first), (new_laptop, second)):
        assert import_bytes(coordinator, export_round(conn, rnd.id, with_pdf=False), "f").written
    (agency,) = compute_rollup(coordinator, "mini").agencies
    assert agency.round.name == "2026" and agency.previous_round is not None
    assert agency_links.proposed_links(coordinator) == []


def test_days_in_month_agree_with_the_calendar_module() -> None:
    import calendar

    from app.services.next_due import days_in_month

    for year in (1, 1900, 2000, 2023, 2024, 2100, 9999):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
