"""Windows conditions, simulated here: locked outputs, reserved names, long paths, synced folders,
legacy console encodings (no Windows machine is available to this project)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.errors import StorageError
from app.db import organizations
from app.db.connection import open_database
from app.services import files
from app.services.sync_folders import sync_service, warning

REPO = Path(__file__).parent.parent
NAME = "Clínica Ñandú — Sur 診所"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CON", "CON-file"),
        ("nul", "nul-file"),
        ("Com1", "Com1-file"),
        ("LPT9", "LPT9-file"),
        ("Spring: <2026>?", "Spring-2026"),
        ('a/b\\c|d*e"f', "a-b-c-d-e-f"),
        ("trailing dots...  ", "trailing-dots"),
        ("...", "round"),
        ("x" * 59 + ".", "x" * 59),
    ],
)
def test_suggested_names_are_valid_on_windows(name: str, expected: str) -> None:
    stem = files.file_stem(name)
    assert stem == expected
    assert not set(stem) & set('<>:"/\\|?*') and not stem.endswith((".", " "))
    assert stem.split(".")[0].upper() not in files.RESERVED_NAMES


def test_an_output_open_in_another_program_is_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file Acrobat or Excel holds open (PermissionError)."""
    target = tmp_path / "scorecard.pdf"
    target.write_bytes(b"old copy, open in the viewer")

    def refuse(self: Path, _target: object) -> Path:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(Path, "replace", refuse)
    monkeypatch.setattr(files, "REPLACE_PAUSE_S", 0)
    with pytest.raises(StorageError) as caught:
        files.write_atomically(target, b"new")
    assert caught.value.code == "output_locked"
    assert "Close it there" in str(caught.value)
    assert target.read_bytes() == b"old copy, open in the viewer"
    assert [p.name for p in tmp_path.iterdir()] == ["scorecard.pdf"]  # no temp file left


def test_a_file_held_for_a_moment_is_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An antivirus scanner or a sync client holds a new file briefly: retry, then succeed."""
    target = tmp_path / "state.xlsx"
    real_replace = Path.replace
    refusals = [PermissionError(13, "sharing violation")] * (files.REPLACE_TRIES - 1)

    def sometimes(self: Path, other: Path) -> Path:
        if refusals:
            raise refusals.pop()
        return real_replace(self, other)

    monkeypatch.setattr(Path, "replace", sometimes)
    monkeypatch.setattr(files, "REPLACE_PAUSE_S", 0)
    files.write_atomically(target, b"workbook")
    assert target.read_bytes() == b"workbook" and not refusals


def test_a_path_too_long_for_windows_is_refused_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "WINDOWS", True)
    deep = tmp_path / ("d" * 120)
    deep.mkdir()
    target = deep / ("scorecard-" + "r" * 150 + ".pdf")
    with pytest.raises(StorageError) as caught:
        files.write_atomically(target, b"x")
    assert caught.value.code == "path_too_long" and "shorter name" in str(caught.value)
    assert list(deep.iterdir()) == []
    files.write_atomically(deep / "short.pdf", b"x")  # a short one is fine


@pytest.mark.parametrize(
    ("path", "env", "service"),
    [
        (r"C:\Users\ana\OneDrive\Documents\smsoat.sqlite3", {}, "OneDrive"),
        (
            r"C:\Users\ana\OneDrive - Riverbend Health\Data\smsoat.sqlite3",
            {},
            "OneDrive",
        ),
        (
            r"D:\Sync\Work\smsoat.sqlite3",
            {"OneDriveCommercial": r"D:\Sync\Work"},
            "OneDrive",
        ),
        ("/home/ana/Dropbox/smsoat.sqlite3", {}, "Dropbox"),
        ("/srv/box/smsoat.sqlite3", {"DROPBOX_PATH": "/srv/box"}, "Dropbox"),
        (r"G:\My Drive\clinic\smsoat.sqlite3", {}, "Google Drive"),
        ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/x.sqlite3", {}, "iCloud Drive"),
        (r"\\fileserver\shared\smsoat.sqlite3", {}, "a network share"),
        ("/home/ana/.local/share/SMS OAT Studio/smsoat.sqlite3", {}, None),
        (r"C:\Users\ana\AppData\Local\SMS OAT Studio\smsoat.sqlite3", {}, None),
        ("/home/ana/dropboxes-old/smsoat.sqlite3", {}, None),
    ],
)
def test_synced_folders_and_shares_are_recognised(
    path: str, env: dict[str, str], service: str | None
) -> None:
    assert sync_service(path, env) == service
    text = warning(path, env)
    assert (text is None) == (service is None)
    if text:
        assert service in text and "backups" in text


@pytest.mark.parametrize("encoding", ["cp1252", "cp850", "ascii"])
def test_the_command_line_survives_legacy_console_encodings(tmp_path: Path, encoding: str) -> None:
    db = tmp_path / "d.sqlite3"
    env = dict(os.environ, PYTHONIOENCODING=encoding, SMSOAT_DATA_DIR=str(tmp_path))

    def smsoat(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "app", "--db", str(db), *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            timeout=60,
        )

    assert smsoat("demo").returncode == 0
    conn = open_database(db)
    organizations.update(conn, 1, name=NAME)  # a name no legacy code page holds whole
    conn.close()
    table = smsoat("rounds")
    assert table.returncode == 0 and b"Traceback" not in table.stderr
    score = smsoat("score", "1")  # prints "—" and non-ASCII names
    assert score.returncode == 0, score.stderr
    listed = smsoat("rounds", "--json")  # as redirected to a file
    assert listed.returncode == 0
    rows = json.loads(listed.stdout.decode(encoding))
    assert rows[0]["agency"] == NAME  # JSON escapes keep it whole in any encoding
