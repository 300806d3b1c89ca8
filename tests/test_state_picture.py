"""Issue 21, the state's picture: one agency across laptops (links), peer groups, who is due,
and the schema step that brings them (from today's version-2 files, keeping everything)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import ValidationError
from app.core.instrument import Instrument
from app.db import agency_links, migrations, organizations
from app.db.connection import open_database
from app.exchange.export import export_round
from app.exchange.importer import import_bytes, preview_file
from app.services.rollup import compute_rollup
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
        conn = open_database(db)
        assert migrations.schema_version(conn) == 2
        filled_round(conn, mini, agency="Alpha", name="2025", end=date(2025, 6, 30), seed=0)
        filled_round(conn, mini, agency="Alpha", name="2026", end=date(2026, 3, 31), seed=1)
        organizations.create(conn, "No site", region="South")
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
