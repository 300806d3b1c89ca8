"""What the command line prints: control characters escaped, ids bounded, pipes and encodings
that cannot take the output handled without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.cli.output import shown
from app.db.connection import open_database

REPO = Path(__file__).parent.parent
HOSTILE = "Spring\n3 file(s): imported 3, refused 0.\x1b[31m\x07\rX\u202eevil"


@pytest.fixture
def hostile_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A demo database whose agency and round carry the names an imported file could carry."""
    db = tmp_path / "data.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    conn = open_database(db)
    conn.execute("UPDATE rounds SET name = ?", (HOSTILE,))
    conn.execute("UPDATE organizations SET name = ?", ("Agency\x1b]0;pwned\x07",))
    conn.execute("UPDATE respondents SET display_name = ? WHERE id = 1", ("Ana\r\nBob",))
    conn.close()
    capsys.readouterr()
    return db


def _clean(text: str) -> None:
    for bad in ("\x1b", "\x07", "\r", "\u202e"):
        assert bad not in text, repr(bad)


def test_shown_escapes_every_control_character() -> None:
    assert shown("a\nb\tc\rd\x1b[0m\x07\x7f\x9b\u202e\u2066é—中😀") == (
        "a\\nb\\tc\\rd\\x1b[0m\\x07\\x7f\\x9b\\u202e\\u2066é—中😀"
    )


def test_rounds_prints_one_line_per_round(
    hostile_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(hostile_db), "rounds"]) == 0
    out = capsys.readouterr().out
    _clean(out)
    lines = out.splitlines()
    assert len(lines) == 3, lines  # header, rule, one round
    assert "Spring\\n3 file(s): imported 3" in lines[2] and "\\x1b[31m" in lines[2]


def test_score_escapes_names_in_its_heading_and_tables(
    hostile_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(hostile_db), "score", "1"]) == 0
    out = capsys.readouterr().out
    _clean(out)
    assert "Agency\\x1b]0;pwned\\x07 — Spring\\n3 file(s)" in out
    assert "Ana\\r\\nBob" in out
    assert not any(line.startswith("3 file(s)") for line in out.splitlines())


def test_json_output_is_still_plain_json(
    hostile_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    assert main(["--db", str(hostile_db), "rounds", "--json"]) == 0
    out = capsys.readouterr().out
    _clean(out)
    assert json.loads(out)[0]["name"] == HOSTILE


def test_an_error_about_a_hostile_name_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / "bad\nname\x1b[2J.json"
    assert main(["instrument", "check", str(name)]) == 2
    err = capsys.readouterr().err
    _clean(err)
    assert err.count("\n") == 1 and "bad\\nname\\x1b[2J.json" in err


@pytest.mark.parametrize(
    "command",
    [
        ["score", "99999999999999999999"],
        ["score", "0"],
        ["score", "-3"],
        ["report", "scorecard", "99999999999999999999", "-o", "x.pdf"],
        ["report", "respondent", "1", "99999999999999999999", "-o", "x.pdf"],
        ["export", "18446744073709551616", "-o", "x.smsoat"],
    ],
    ids=lambda c: " ".join(c),
)
def test_an_id_beyond_64_bits_is_refused_in_one_line(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(tmp_path / "none.sqlite3"), *command])
    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert err.count("\n") == 1 and "is not an id" in err and "Traceback" not in err
    assert not (tmp_path / "none.sqlite3").exists(), "refused before the data file is opened"


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    return env


def test_a_reader_that_stops_early_ends_the_command_quietly(hostile_db: Path) -> None:
    """`smsoat score 1 | head -0`: the pipe is closed before the command writes."""
    with subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(hostile_db), "score", "1"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=60)
    assert code == 141, err
    assert err == "", "no traceback, no message: the reader chose to stop"


def test_a_terminal_that_cannot_show_the_text_gets_escapes(hostile_db: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(hostile_db), "score", "1"],
        cwd=REPO,
        capture_output=True,
        env=_env(PYTHONIOENCODING="ascii"),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("ascii")
    assert "\\u2014" in out or "\\u2013" in out, "the dashes are written as escapes"
