"""`smsoat export`, `smsoat import` and `smsoat rollup` as a user or a script runs them."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main
from app.core.instrument import Instrument
from app.db.connection import open_database
from tests.test_exchange import db_dump, filled_round


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def agency_db(tmp_path: Path, mini: Instrument) -> Path:
    path = tmp_path / "agency.sqlite3"
    conn = open_database(path)
    filled_round(conn, mini, agency="Riverbend", name="Spring", end=date(2026, 3, 31))
    filled_round(conn, mini, agency="Lakeside", name="Spring", end=date(2026, 3, 31), seed=2)
    conn.close()
    return path


def export(
    capsys: pytest.CaptureFixture[str], db: Path, round_id: int, out: Path, *extra: str
) -> None:
    code, stdout, err = run(
        capsys, "--db", str(db), "export", str(round_id), "-o", str(out), *extra
    )
    assert code == 0, err
    assert f"Wrote {out}" in stdout


def manifest(path: Path) -> dict[str, object]:
    with zipfile.ZipFile(path) as archive:
        loaded: dict[str, object] = json.loads(archive.read("manifest.json"))
        return loaded


def test_export_privacy_flags(
    capsys: pytest.CaptureFixture[str], agency_db: Path, tmp_path: Path
) -> None:
    plain = tmp_path / "plain.smsoat"
    export(capsys, agency_db, 1, plain)
    assert manifest(plain)["privacy"] == {"names": False, "comments": True}
    named = tmp_path / "named.smsoat"
    export(capsys, agency_db, 1, named, "--names", "--no-comments")
    assert manifest(named)["privacy"] == {"names": True, "comments": False}
    with zipfile.ZipFile(named) as archive:
        doc = json.loads(archive.read("round.json"))
    assert doc["respondents"][0]["name"] == "Zoë Ñúñez"


def test_export_errors(capsys: pytest.CaptureFixture[str], agency_db: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "--db", str(agency_db), "export", "99", "-o", str(tmp_path / "x"))
    assert code == 2 and "no round with id 99" in err and len(err.strip().splitlines()) == 1
    missing = tmp_path / "no-such-folder" / "x.smsoat"
    code, _, err = run(capsys, "--db", str(agency_db), "export", "1", "-o", str(missing))
    assert code == 2 and "does not exist" in err and not missing.exists()


def test_import_good_and_bad(
    capsys: pytest.CaptureFixture[str], agency_db: Path, tmp_path: Path
) -> None:
    good1, good2 = tmp_path / "riverbend.smsoat", tmp_path / "lakeside.smsoat"
    export(capsys, agency_db, 1, good1)
    export(capsys, agency_db, 2, good2)
    bad = tmp_path / "bad.smsoat"
    bad.write_bytes(b"PK\x03\x04 truncated")
    empty = tmp_path / "empty.smsoat"
    empty.write_bytes(b"")
    state = tmp_path / "state.sqlite3"

    code, out, err = run(
        capsys, "--db", str(state), "import", str(good1), str(bad), str(empty), str(good2)
    )
    assert code == 2
    created, *lines = err.strip().splitlines()
    assert created == f"smsoat: created a new data file at {state}"
    assert len(lines) == 2
    assert lines[0].startswith(f"smsoat: refused {bad}: ") and "truncated" in lines[0]
    assert lines[1].startswith(f"smsoat: refused {empty}: ") and "empty" in lines[1]
    assert "imported 2, refused 2" in out and "added" in out

    code, out, _ = run(capsys, "--db", str(state), "rounds", "--json")
    assert code == 0
    assert sorted(r["agency"] for r in json.loads(out)) == ["Lakeside", "Riverbend"]

    code, out, err = run(capsys, "--db", str(state), "import", str(good1), "--json")
    assert code == 0 and err == ""
    [entry] = json.loads(out)
    assert entry["status"] == "duplicate" and entry["written"] is False


def test_dry_run_writes_nothing(
    capsys: pytest.CaptureFixture[str], agency_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    export(capsys, agency_db, 1, folder / "a.smsoat")
    (folder / "b.smsoat").write_text("not a zip")
    state = tmp_path / "state.sqlite3"
    conn = open_database(state)
    before = db_dump(conn)
    conn.close()
    code, out, err = run(capsys, "--db", str(state), "import", str(folder), "--dry-run")
    assert code == 2
    assert "add" in out and "would import 1, refused 1" in out
    assert "b.smsoat" in err and "not a zip" in err
    conn = open_database(state)
    assert db_dump(conn) == before
    conn.close()


def test_import_empty_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "s.sqlite3"), "import", str(tmp_path))
    assert code == 2 and "No .smsoat files" in err


def test_rollup_outputs(
    capsys: pytest.CaptureFixture[str], agency_db: Path, tmp_path: Path
) -> None:
    for suffix in ("xlsx", "csv", "pdf"):
        out = tmp_path / f"state.{suffix}"
        code, stdout, err = run(
            capsys, "--db", str(agency_db), "rollup", "--instrument", "mini", "-o", str(out)
        )
        assert code == 0, err
        assert "2 agencies" in stdout
        data = out.read_bytes()
        if suffix == "xlsx":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                assert "xl/workbook.xml" in archive.namelist()
        elif suffix == "csv":
            assert data.startswith(b"\xef\xbb\xbf") and b"Riverbend" in data
        else:
            assert len(PdfReader(io.BytesIO(data)).pages) == 3
    # a period nobody reported in: the roll-up still says who has not reported
    for suffix in ("xlsx", "csv", "pdf"):
        out = tmp_path / f"later.{suffix}"
        code, stdout, err = run(
            capsys,
            "--db",
            str(agency_db),
            "rollup",
            "--instrument",
            "mini",
            "--since",
            "2027-01-01",
            "-o",
            str(out),
        )
        assert code == 0, err
        assert "0 agencies" in stdout and "2 without a round in the period" in stdout
    pdf_text = PdfReader(tmp_path / "later.pdf").pages[0].extract_text() or ""
    assert "Riverbend" in pdf_text and "Lakeside" in pdf_text


def test_rollup_errors(capsys: pytest.CaptureFixture[str], agency_db: Path, tmp_path: Path) -> None:
    db = ["--db", str(agency_db), "rollup"]
    code, _, err = run(capsys, *db, "--instrument", "mini", "-o", str(tmp_path / "x.docx"))
    assert code == 2 and ".xlsx, .csv or .pdf" in err
    code, _, err = run(capsys, *db, "--instrument", "nope", "-o", str(tmp_path / "x.csv"))
    assert code == 2 and "no round of instrument 'nope'" in err
    with pytest.raises(SystemExit) as stop:
        main([*db, "--instrument", "mini", "--since", "31/01/2026", "-o", str(tmp_path / "x.csv")])
    assert stop.value.code == 2 and "not a date" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()
