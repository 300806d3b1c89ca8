"""Shared fixtures. Qt runs offscreen unless QT_QPA_PLATFORM is set; user data goes to a temp
folder; and every test runs with outbound network connections refused, so any attempt fails loudly.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Fixtures here are immutable (instruments) or autouse guards, so reuse across examples is safe.
settings.register_profile("smsoat", suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile("smsoat")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SMSOAT_DATA_DIR", tempfile.mkdtemp(prefix="smsoat-test-data-"))

from app.core.instrument import Instrument  # noqa: E402
from app.core.instrument_loader import load_instrument, parse_instrument  # noqa: E402
from app.db.connection import open_database  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


class NetworkAttempted(AssertionError):
    pass


_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    if self.family == getattr(socket, "AF_UNIX", object()):
        return _real_connect(self, address)
    raise NetworkAttempted(f"network connection attempted to {address!r}")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect)


@pytest.fixture
def mini_doc() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "mini.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture
def mini(mini_doc: dict[str, Any]) -> Instrument:
    return parse_instrument(mini_doc, "mini.json")


@pytest.fixture
def sms_oat() -> Instrument:
    return load_instrument(REPO / "instruments" / "sms-oat-bh.json")


@pytest.fixture
def primary_care() -> Instrument:
    return load_instrument(REPO / "instruments" / "sms-primary-care.json")


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    connection = open_database(":memory:")
    yield connection
    connection.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "smsoat.sqlite3"


@pytest.fixture
def filled(db_path: Path, mini: Instrument) -> tuple[sqlite3.Connection, int]:
    """A data file with a round whose first team member answered every item "3": its connection
    and that member's id (the data-safety and backup tests)."""
    from app.db import responses
    from tests.helpers import make_round

    conn = open_database(db_path)
    _, (ana, _) = make_round(conn, mini)
    for item in mini.items:
        responses.save_answer(conn, ana.id, item.id, "3")
    return conn, ana.id


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """One coverage figure for `make test` (run with `--cov=app`), instead of a table of files."""
    plugin = config.pluginmanager.getplugin("_cov")
    controller = getattr(plugin, "cov_controller", None)
    if controller is None or controller.cov is None:
        return
    import io

    total = controller.cov.report(file=io.StringIO())
    terminalreporter.write_line(f"Coverage: {total:.1f}% of the statements in app/")
