"""The version shown by the app is the one the package (and the installer) is built with."""

from __future__ import annotations

import tomllib
from pathlib import Path

from app import __version__

REPO = Path(__file__).resolve().parents[1]


def test_version_matches_pyproject() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["version"] == __version__
