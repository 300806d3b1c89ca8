"""Issue 23 leftovers, by simulation: the data file's backups ride out a locked target like every
other output, and the command line warns once when the data file sits in a synced folder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import StorageError
from app.db import replace
from app.db.connection import backup_to, open_database


def _data_file(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "smsoat.sqlite3"
    open_database(path).close()
    return path


def test_a_backup_held_for_a_moment_is_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = open_database(_data_file(tmp_path / "data"))
    target = tmp_path / "backups" / "copy.sqlite3"
    real_replace = Path.replace
    refusals = [PermissionError(13, "sharing violation")] * (replace.REPLACE_TRIES - 1)

    def sometimes(self: Path, other: Path) -> Path:
        if refusals:
            raise refusals.pop()
        return real_replace(self, other)

    monkeypatch.setattr(Path, "replace", sometimes)
    monkeypatch.setattr(replace, "REPLACE_PAUSE_S", 0)
    backup_to(conn, target)
    assert not refusals  # every refusal was met and retried
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()


def test_a_backup_held_for_good_is_said_so_and_left_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = open_database(_data_file(tmp_path / "data"))
    target = tmp_path / "backups" / "copy.sqlite3"
    target.parent.mkdir()
    target.write_bytes(b"the older backup, held by a sync client")
    tries: list[int] = []

    def refuse(self: Path, _target: object) -> Path:
        tries.append(1)
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(Path, "replace", refuse)
    monkeypatch.setattr(replace, "REPLACE_PAUSE_S", 0)
    with pytest.raises(StorageError, match="another program holds it"):
        backup_to(conn, target)
    assert len(tries) == replace.REPLACE_TRIES
    assert target.read_bytes() == b"the older backup, held by a sync client"
    assert [p.name for p in target.parent.iterdir()] == ["copy.sqlite3"]  # no .part left


def test_the_cli_warns_once_for_a_data_file_in_onedrive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    synced = tmp_path / "Users" / "ana" / "OneDrive - County Health"
    monkeypatch.setenv("OneDrive", str(synced))
    path = _data_file(synced / "SMS OAT")
    assert main(["--db", str(path), "check"]) == 0
    lines = capsys.readouterr().err.splitlines()
    warnings = [line for line in lines if "warning" in line]
    assert len(warnings) == 1, lines
    assert warnings[0].startswith("smsoat: warning: the data file")
    assert "OneDrive" in warnings[0] and "smsoat backup -o FILE" in warnings[0]


def test_the_cli_says_nothing_for_a_local_data_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for variable in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer", "DROPBOX_PATH"):
        monkeypatch.delenv(variable, raising=False)
    path = _data_file(tmp_path / "local")
    assert main(["--db", str(path), "check"]) == 0
    assert "warning" not in capsys.readouterr().err
