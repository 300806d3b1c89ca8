"""The command line: same core as the GUI, clear one-line errors with exit code 2."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.cli import main
from app.core.scoring import OVERALL, team_summary
from app.db import migrations, responses, rounds
from app.db.connection import open_database

REPO = Path(__file__).parent.parent


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def smsoat(*args: str) -> subprocess.CompletedProcess[str]:
    """The real console entry point in a child process, as a user or script would run it."""
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
        timeout=60,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_instrument_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "instrument", "list", "--json")
    assert code == 0
    listed = {entry["id"]: entry for entry in json.loads(out)}
    assert {"sms-oat-bh", "sms-primary-care"} <= set(listed)
    assert listed["sms-oat-bh"]["version"] and listed["sms-oat-bh"]["title"]
    code, out, _ = run(capsys, "instrument", "list")
    assert code == 0 and "sms-oat-bh" in out


def test_instrument_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "instrument", "check", str(REPO / "tests/fixtures/mini.json"))
    assert code == 0 and "OK" in out and "7 items" in out
    broken = json.loads((REPO / "tests/fixtures/mini.json").read_text("utf-8"))
    broken["bands"][1]["min"] = 2.5
    del broken["sections"][1]["items"][0]["explanation"]["es"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), "utf-8")
    code, out, err = run(capsys, "instrument", "check", str(path))
    assert code == 2
    assert "$.bands[1].min" in out and "$.sections[1].items[0].explanation.es" in out
    assert err.count("\n") == 1 and "2 problems" in err


def test_demo_rounds_and_score(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "demo")
    assert code == 0 and "4 team members" in out
    code, out, _ = run(capsys, "--db", str(db_path), "rounds", "--json")
    listed = json.loads(out)
    assert len(listed) == 1 and listed[0]["instrument"] == "sms-oat-bh"
    round_id = listed[0]["id"]
    code, out, _ = run(capsys, "--db", str(db_path), "score", str(round_id), "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data["respondents"]) == 4
    assert all(p["complete"] for p in data["respondents"])
    assert data["official"]["source"] == "team_mean"
    # The JSON agrees with the scoring core on the same stored answers.
    conn = open_database(db_path)
    rnd = rounds.get(conn, round_id)
    team = team_summary(rounds.instrument_for(conn, rnd), responses.choices_for_round(conn, rnd.id))
    conn.close()
    assert data["official"]["scores"][OVERALL] == pytest.approx(team.overall.means.mean, abs=1e-4)
    assert set(data["flags"]["disagreement"]) == {
        s.item_id for s in team.items.values() if s.disagreement
    }
    assert (
        data["team"]["items"]["1.1.1"]["n"]
        + data["team"]["items"]["1.1.1"]["dont_know"]
        + data["team"]["items"]["1.1.1"]["not_applicable"]
        == 4
    )
    code, out, _ = run(capsys, "--db", str(db_path), "score", str(round_id))
    assert code == 0 and "Overall (team mean" in out and "1.1" in out


def test_unknown_round_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    open_database(db_path).close()
    code, out, err = run(capsys, "--db", str(db_path), "score", "42")
    assert code == 2 and out == ""
    assert err == "smsoat: There is no round with id 42; 'smsoat rounds' lists them.\n"


def test_bad_arguments_exit_2_in_one_line() -> None:
    result = smsoat("score", "not-a-number")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_newer_database_exit_2_without_traceback(db_path: Path) -> None:
    open_database(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    result = smsoat("--db", str(db_path), "rounds")
    assert result.returncode == 2
    assert "newer version" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_damaged_database_exit_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\x00garbage" * 512)
    result = smsoat("--db", str(bad), "rounds")
    assert result.returncode == 2
    assert "damaged" in result.stderr and "Traceback" not in result.stderr


def test_python_dash_m_app_matches_console_script() -> None:
    result = smsoat("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_demo_twice_adds_nothing_the_second_time(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "demo")
    assert code == 0 and "Added demo round" in out
    conn = open_database(db_path)
    before = [
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("organizations", "rounds", "respondents", "responses")
    ]
    conn.close()
    code, out, err = run(capsys, "--db", str(db_path), "demo")
    assert code == 0 and err == ""
    assert "already here" in out and "nothing was added" in out
    conn = open_database(db_path)
    after = [
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("organizations", "rounds", "respondents", "responses")
    ]
    conn.close()
    assert after == before and before[0] == 1
