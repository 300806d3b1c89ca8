"""Layering rules that keep the core testable and the CLI light."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).parent.parent
QT_FREE = [
    "app.core",
    "app.db",
    "app.reports",
    "app.services",
    "app.exchange",
    "app.paths",
    "app.cli",
]

# Which packages of `app` each package may import (its own always). Data flows one way: the core
# knows nothing of storage or screens, so it stays testable alone; reports take their data from
# services, never from a connection; screens and commands use the same services, so everything
# the GUI does to data can be scripted. See CONTRIBUTING.md ("Layers").
LAYERS: dict[str, set[str]] = {
    "core": set(),
    "db": {"core"},
    "services": {"core", "db"},
    "reports": {"core", "services"},
    "exchange": {"core", "db", "services", "reports"},
    "cli": {"services", "reports", "exchange", "core"},
    "ui": {"services", "reports", "exchange", "core"},
}
# Top-level modules every layer but the core may use: the version (`app`), the one path helper
# and the logging set-up.
SHARED = {"app", "paths", "logging_setup"}
# Imports that break the rule today, each named by file and target package. Permanent ones say
# why; the rest is debt: this list may only shrink (a test below fails when an entry is no longer
# needed, so a fix also removes its entry).
ALLOWED_EXCEPTIONS: set[tuple[str, str]] = {
    # Permanent: the launch code opens the data file and holds the one-writer lock.
    ("app/ui/launch.py", "db"),
    # Permanent: `smsoat` with no command starts the GUI, and the commands open the data file.
    ("app/cli/__init__.py", "ui"),
    ("app/cli/__init__.py", "db"),
    ("app/cli/context.py", "db"),
}


def _imported_modules(path: Path, module: str) -> list[str]:
    """Every module `path` imports, relative imports resolved, at any depth of the file."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target != "app":
                found.append(target)
                continue
            # `from app import db` names a package; `from app import APP_NAME` a constant.
            found.extend(
                f"app.{alias.name}" if alias.name in LAYERS or alias.name in SHARED else "app"
                for alias in node.names
            )
    return found


def _package_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "app":
        return None
    return parts[1] if len(parts) > 1 else "app"


def layer_violations(root: Path) -> list[tuple[str, str, str]]:
    """(file, target package, imported module) for each import the layer rules forbid."""
    bad: list[tuple[str, str, str]] = []
    for path in sorted((root / "app").rglob("*.py")):
        rel = path.relative_to(root)
        module = ".".join(rel.with_suffix("").parts).removesuffix(".__init__")
        source = _package_of(module)
        if source not in LAYERS:
            continue
        allowed = LAYERS[source] | {source} | (SHARED if source != "core" else set())
        for imported in _imported_modules(path, module):
            target = _package_of(imported)
            if target is None or target in allowed:
                continue
            bad.append((rel.as_posix(), target, imported))
    return bad


def test_layers_point_one_way() -> None:
    unexpected = sorted(
        f"{file} imports {imported}"
        for file, target, imported in layer_violations(REPO)
        if (file, target) not in ALLOWED_EXCEPTIONS
    )
    assert unexpected == [], "imports against the layer rules:\n" + "\n".join(unexpected)


def test_layer_exceptions_only_shrink() -> None:
    """An exception that is no longer needed must leave the list, so it cannot grow back."""
    used = {(file, target) for file, target, _ in layer_violations(REPO)}
    assert sorted(ALLOWED_EXCEPTIONS - used) == []


def test_ui_reaches_the_database_only_through_the_launch_code() -> None:
    files = sorted({f for f, target, _ in layer_violations(REPO) if target == "db" and "/ui/" in f})
    debt = sorted(f for f, target in ALLOWED_EXCEPTIONS if target == "db" and "/ui/" in f)
    assert files == debt and "app/ui/launch.py" in files


def test_no_cycle_between_packages() -> None:
    """Every import between packages, allowed or not, points one way (no A → B → A)."""
    edges: dict[str, set[str]] = {}
    for path in sorted((REPO / "app").rglob("*.py")):
        module = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        source = _package_of(module)
        for imported in _imported_modules(path, module):
            target = _package_of(imported)
            if source in LAYERS and target in LAYERS and target != source:
                edges.setdefault(source, set()).add(target)

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in edges.get(start, set()) - seen:
            if nxt == goal or reaches(nxt, goal, seen | {nxt}):
                return True
        return False

    cycles = sorted(p for p in LAYERS if reaches(p, p, set()))
    assert cycles == [], f"packages in an import cycle: {cycles}"


@pytest.mark.parametrize(
    ("layer", "line", "wrong"),
    [
        ("core", "from app.db import rounds", True),
        ("core", "import app.paths", True),
        ("reports", "from ..ui import style", True),
        ("services", "from app import ui", True),
        ("exchange", "from app.reports import scorecard", False),
        ("db", "from . import rounds", False),
    ],
)
def test_the_layer_check_catches_a_wrong_import(
    tmp_path: Path, layer: str, line: str, wrong: bool
) -> None:
    """A test of the test: a module with a deliberately wrong import makes the checker fail."""
    package = tmp_path / "app" / layer
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", "utf-8")
    (package / "probe.py").write_text(f"def f() -> None:\n    {line}\n", "utf-8")
    found = [(f, t) for f, t, _ in layer_violations(tmp_path)]
    assert bool(found) is wrong, found
    if wrong:
        assert found[0][0] == f"app/{layer}/probe.py"


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


# The installed app carries no OpenSSL (build/smsoat.spec excludes _hashlib and _ssl): hashlib
# then has only its built-in hashes, and these names do not exist at all. Setting a PIN called
# hashlib.scrypt and failed in the installed app only.
OPENSSL_ONLY = re.compile(r"\bhashlib\.(scrypt|pbkdf2_hmac)\b|^\s*(import|from) (ssl|_hashlib)\b")


def test_no_openssl_only_function_in_the_app() -> None:
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for path in (REPO / "app").rglob("*.py")
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if OPENSSL_ONLY.search(line) and not line.lstrip().startswith("#")
    ]
    assert offenders == []
    assert OPENSSL_ONLY.search("    return hashlib.scrypt(pin, salt=salt, n=2, r=8, p=1)")


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
    "app.ui.input_guard",  # installed 250 ms after the window is up, imported then
    "calendar",  # and locale with it: next_due counts a month's days itself
]
# Qt names whose first import builds many enums: `Qt` (all of its namespace's, ~20 ms),
# QEvent (Type: 179 members, ~1.6 ms), QMessageBox (its buttons, roles and icons, ~1 ms)
DEAR_AT_START = {"Qt", "QEvent", "QMessageBox"}


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
    # Qt's namespace (`Qt.AlignLeft`, `Qt.TextFormat` …) builds every one of its enums on first
    # use, ~20 ms: no module of the start may import it (or another dear class) at module level
    # (docs/startup.md).
    touching = {
        name: sorted(dear)
        for name in sorted(loaded)
        if name.startswith("app.") and (dear := _qt_names_at_top(name) & DEAR_AT_START)
    }
    assert touching == {}, f"the start imports dear Qt names at module level: {touching}"


def _qt_names_at_top(module: str) -> set[str]:
    path = REPO / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = REPO / module.replace(".", "/") / "__init__.py"
    tree = ast.parse(path.read_text("utf-8"))
    return {
        alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6")
        for alias in node.names
    }


def test_report_builders_take_data_never_a_connection() -> None:
    """Only the one door (outputs.py) reads a round through services; every builder is handed
    its inputs, so the same data serves the GUI, the CLI and the export without a second read."""
    offenders = [
        path.name
        for path in sorted((REPO / "app" / "reports").glob("*.py"))
        if path.name != "outputs.py" and "sqlite3" in path.read_text("utf-8")
    ]
    assert offenders == []


def test_the_readme_map_names_every_module() -> None:
    """The README's architecture map stays current: every module of the layers is named in it
    (the commands are "one module per command group")."""
    readme = (REPO / "README.md").read_text("utf-8")
    table = readme[readme.index("| `app/core/`") : readme.index("| `app/paths.py`")]
    missing = [
        f"{pkg}/{path.name}"
        for pkg in ("core", "db", "services", "reports", "exchange", "ui")
        for path in sorted((REPO / "app" / pkg).glob("*.py"))
        if path.name != "__init__.py"
        and not any(form in table for form in (f"`{path.stem}", f"{path.stem}.py", f"{path.stem}`"))
    ]
    assert missing == []
