"""The Windows installer script keeps its promises (issue 23), read from its text: it cannot be
built here (no Windows machine; Inno Setup runs only there)."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "build" / "windows" / "installer.iss"


def _sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in SCRIPT.read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def _setup() -> dict[str, str]:
    pairs = (line.split("=", 1) for line in _sections()["Setup"] if "=" in line)
    return {key.strip(): value.strip() for key, value in pairs}


def test_per_user_without_administrator() -> None:
    setup = _setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs per user


def test_start_menu_entry_runs_the_windowed_app() -> None:
    icons = _sections()["Icons"]
    assert any("{autoprograms}" in line and "{#AppExe}" in line for line in icons)
    assert '#define AppExe "smsoat.exe"' in SCRIPT.read_text("utf-8")


def test_installs_the_bundle_the_spec_builds() -> None:
    spec = (REPO / "build" / "smsoat.spec").read_text("utf-8")
    assert 'NAME = "smsoat"' in spec and 'name=f"{NAME}-cli"' in spec
    files = _sections()["Files"]
    assert files == [
        'Source: "..\\..\\dist\\smsoat\\*"; DestDir: "{app}"; Flags: ignoreversion '
        "recursesubdirs createallsubdirs"
    ]


def test_the_uninstaller_keeps_the_data_folder() -> None:
    sections = _sections()
    assert "UninstallDelete" not in sections and "InstallDelete" not in sections
    assert "Registry" not in sections
    text = SCRIPT.read_text("utf-8")
    # nothing is installed into, or deleted from, the per-user data folder (app/paths.py)
    assert "{localappdata}\\SMS OAT Studio" not in text
    assert "{userappdata}" not in text
