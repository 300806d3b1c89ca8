"""Layering rules that keep the core testable and the CLI light."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
