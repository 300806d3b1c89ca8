"""`smsoat export`, `smsoat import` and `smsoat rollup` as a user or a script runs them."""

from __future__ import annotations

import io
import json
import os
import shutil
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
    # comments stay home unless asked for (issue 15)
    assert manifest(plain)["privacy"] == {"names": False, "comments": False}
    with_comments = tmp_path / "with-comments.smsoat"
    export(capsys, agency_db, 1, with_comments, "--comments")
    assert manifest(with_comments)["privacy"] == {"names": False, "comments": True}
    with pytest.raises(SystemExit) as stopped:
        run(
            capsys,
            "--db",
            str(agency_db),
            "export",
            "1",
            "-o",
            str(plain),
            "--comments",
            "--no-comments",
        )
    assert stopped.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
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


# ----- crafted files in a batch (issue 22) ------------------------------------------------------


def _crafted_batch(
    capsys: pytest.CaptureFixture[str], agency_db: Path, folder: Path
) -> dict[str, Path]:
    """Genuine and crafted files side by side, in the order a folder import reads them."""
    from tests.test_exchange import members_of
    from tests.test_exchange_hostile import _raw_member

    folder.mkdir()
    genuine = folder / "0-genuine.smsoat"
    export(capsys, agency_db, 1, genuine)
    good = members_of(genuine.read_bytes())
    # the crafted files are re-zipped without the agency's signature, as the unsigned first
    # format (a version 2 file without its signature is refused before anything else)
    good["manifest.json"] = good["manifest.json"].replace(
        b'"format_version": 2', b'"format_version": 1', 1
    )
    files = {
        "surrogate": folder / "1-surrogate.smsoat",
        "far-future": folder / "2-far-future.smsoat",
        "odd-name-bad": folder / os.fsdecode(b"3-bad-\xff\xfe.smsoat"),
        "odd-name-good": folder / os.fsdecode(b"4-good-\xe9t\xe9.smsoat"),
        "last": folder / "5-last.smsoat",
    }
    files["surrogate"].write_bytes(_raw_member(good, "round.json", b'"Riverbend"', b'"\\ud800"'))
    stamp = b'"9999-12-31T23:59:59-23:59"'
    doc = json.loads(good["round.json"])
    files["far-future"].write_bytes(
        _raw_member(good, "round.json", f'"{doc["round"]["updated_at"]}"'.encode(), stamp)
    )
    files["odd-name-bad"].write_bytes(b"PK\x03\x04 truncated")
    export(capsys, agency_db, 2, files["last"])
    shutil.copyfile(files["last"], files["odd-name-good"])  # a genuine file, its name not UTF-8
    files["genuine"] = genuine
    return files


@pytest.mark.parametrize("dry_run", [True, False])
def test_one_crafted_file_never_stops_the_batch(
    capsys: pytest.CaptureFixture[str], agency_db: Path, tmp_path: Path, dry_run: bool
) -> None:
    _crafted_batch(capsys, agency_db, tmp_path / "inbox")
    state = tmp_path / "state.sqlite3"
    extra = ["--dry-run"] if dry_run else []
    code, out, err = run(capsys, "--db", str(state), "import", str(tmp_path / "inbox"), *extra)
    assert code == 2
    assert "Traceback" not in out + err and "Logging error" not in err
    lines = err.strip().splitlines()
    if dry_run:  # a preview writes nothing, not even a new data file
        assert not state.exists()
    else:
        assert lines.pop(0) == f"smsoat: created a new data file at {state}"
    assert len(lines) == 3, err
    assert "1-surrogate.smsoat" in lines[0] and "lone surrogate" in lines[0]
    assert "2-far-future.smsoat" in lines[1] and "outside the calendar" in lines[1]
    assert "3-bad-\ufffd\ufffd.smsoat" in lines[2] and "truncated" in lines[2]
    # the genuine files around the bad ones (5-last is a copy of 4-good: a duplicate once 4 is in)
    summary = "would import 3" if dry_run else "imported 2"
    assert f"6 file(s): {summary}, refused 3." in out
    assert "4-good-\ufffdt\ufffd.smsoat" in out
    code, out, _ = run(capsys, "--db", str(state), "rounds", "--json")
    imported = sorted(r["agency"] for r in json.loads(out)) if code == 0 else []
    assert imported == ([] if dry_run else ["Lakeside", "Riverbend"])


def test_a_file_renaming_an_agency_says_so_in_the_dry_run(
    capsys: pytest.CaptureFixture[str], agency_db: Path, tmp_path: Path
) -> None:
    from app.db import organizations

    path = tmp_path / "riverbend.smsoat"
    export(capsys, agency_db, 1, path)
    with zipfile.ZipFile(path) as archive:
        agency_uuid = json.loads(archive.read("round.json"))["agency"]["uuid"]
    state = tmp_path / "state.sqlite3"
    conn = open_database(state)
    organizations.create(conn, "State office", org_uuid=agency_uuid)
    conn.close()

    code, out, err = run(capsys, "--db", str(state), "import", str(path), "--dry-run")
    assert code == 0, err
    assert "add, rename agency" in out
    assert 'riverbend.smsoat: would rename the agency "State office" to "Riverbend"' in out
    code, out, _ = run(capsys, "--db", str(state), "import", str(path), "--dry-run", "--json")
    [entry] = json.loads(out)
    assert entry["status"] == "new"
    assert entry["renames_agency"] == {"from": "State office", "to": "Riverbend"}
    assert entry["replaces_round"] is None
    code, out, _ = run(capsys, "--db", str(state), "import", str(path))
    assert code == 0 and "added, rename agency" in out
    assert 'riverbend.smsoat: renamed the agency "State office" to "Riverbend"' in out


def test_a_revision_says_which_round_it_replaces(
    capsys: pytest.CaptureFixture[str], agency_db: Path, tmp_path: Path
) -> None:
    from app.db import rounds

    first, second = tmp_path / "first.smsoat", tmp_path / "second.smsoat"
    export(capsys, agency_db, 1, first)
    state = tmp_path / "state.sqlite3"
    assert run(capsys, "--db", str(state), "import", str(first))[0] == 0
    conn = open_database(agency_db)
    rounds.set_status(conn, 1, "open")
    conn.close()
    export(capsys, agency_db, 1, second)
    code, out, err = run(capsys, "--db", str(state), "import", str(second), "--dry-run")
    assert code == 0, err
    assert "replace" in out
    assert 'second.smsoat: would replace the round "Spring" here (id 1)' in out
    code, out, _ = run(capsys, "--db", str(state), "import", str(second), "--dry-run", "--json")
    assert json.loads(out)[0]["replaces_round"] == {"id": 1, "name": "Spring"}


def test_a_crafted_instrument_in_the_user_folder_does_not_stop_imports(
    capsys: pytest.CaptureFixture[str],
    agency_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 400-digit number in one file of the user's instruments folder once broke every import."""
    from app.services.catalog import default_catalog
    from tests.conftest import FIXTURES

    path = tmp_path / "riverbend.smsoat"
    export(capsys, agency_db, 1, path)
    folder = tmp_path / "data" / "instruments"
    folder.mkdir(parents=True)
    text = (FIXTURES / "mini.json").read_text("utf-8")
    assert '"disagreement_spread": 2' in text
    (folder / "crafted.json").write_text(
        text.replace('"disagreement_spread": 2', '"disagreement_spread": ' + "9" * 400), "utf-8"
    )
    monkeypatch.setenv("SMSOAT_DATA_DIR", str(tmp_path / "data"))
    default_catalog.cache_clear()
    try:
        state = tmp_path / "state.sqlite3"
        code, out, err = run(capsys, "--db", str(state), "import", str(path))
        assert code == 0, err
        assert "imported 1, refused 0" in out
    finally:
        default_catalog.cache_clear()
