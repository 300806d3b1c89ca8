"""Layering rules that keep the core testable and the CLI light."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).parent.parent
QT_FREE = ["app.core", "app.db", "app.reports", "app.services", "app.paths", "app.cli"]


def _qt_free_modules() -> list[str]:
    modules = []
    for package in QT_FREE:
        base = REPO / package.replace(".", "/")
        if base.with_suffix(".py").exists():
            modules.append(package)
            continue
        for path in sorted(base.rglob("*.py")):
            rel = path.relative_to(REPO).with_suffix("")
            name = ".".join(rel.parts)
            modules.append(name.removesuffix(".__init__"))
    return modules


@pytest.mark.parametrize("package", QT_FREE)
def test_qt_free_layers_never_import_pyside6(package: str) -> None:
    modules = [m for m in _qt_free_modules() if m == package or m.startswith(package + ".")]
    assert modules, package
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'app.ui')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{package} pulled in {result.stdout.strip()}"


def test_no_print_outside_cli() -> None:
    offenders = []
    for path in (REPO / "app").rglob("*.py"):
        if "cli" in path.parts:
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip().startswith("print("):
                offenders.append(f"{path.relative_to(REPO)}:{number}")
    assert offenders == []


# Each of these costs the cold start 1.5–10 ms and the home window needs none of them; they are
# imported on first use instead (benchmarks/bench_startup.py measures the start itself).
NOT_AT_START = [
    "concurrent.futures",
    "dataclasses",
    "hashlib",
    "json",
    "logging.handlers",
    "uuid",
    "app.core.catalog",
    "app.core.instrument",
    "app.core.instrument_loader",
    "app.ui.walkthrough",
]


def _build_tool(name: str) -> ModuleType:
    """A script of build/ as a module (the same probe the installer's spec uses)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "build" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_home_window_starts_without_modules_it_does_not_need(tmp_path: Path) -> None:
    from app.core.instrument_loader import load_instrument
    from app.db.connection import open_database
    from tests.helpers import make_round

    db = tmp_path / "data" / "smsoat.sqlite3"
    conn = open_database(db)
    make_round(conn, load_instrument(REPO / "instruments" / "sms-oat-bh.json"))
    conn.close()
    loaded = set(
        _build_tool("startup_modules").modules_loaded_by_a_gui_start(
            tmp_path / "data", ["--db", str(db)]
        )
    )
    assert "app.ui.home_page" in loaded  # the probe saw the start itself
    unwanted = [name for name in NOT_AT_START if name in loaded]
    assert unwanted == [], f"the home window's start imported {unwanted}"
