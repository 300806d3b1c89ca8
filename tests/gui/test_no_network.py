"""No network, ever: a whole workflow — demo, walkthrough answers in the GUI, scorecard, export,
import, roll-up — runs with every non-local socket creation made to fail loudly."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.db import responses, rounds
from app.db.connection import open_database
from app.exchange.export import export_round
from app.exchange.importer import import_files
from app.reports.outputs import build_scorecard_pdf
from app.reports.rollup_xlsx import build_rollup_xlsx
from app.services.catalog import default_catalog
from app.services.rollup import compute_rollup
from app.ui.main_window import MainWindow
from tests.gui.helpers import add_agency, add_person, start_round

opened: list[Any] = []


class _GuardedSocket(socket.socket):
    def __init__(self, family: Any = -1, *args: Any, **kwargs: Any) -> None:
        if family in (socket.AF_INET, socket.AF_INET6, -1):
            opened.append(family)
            raise AssertionError(f"a network socket was opened (family {family})")
        super().__init__(family, *args, **kwargs)


def test_full_workflow_opens_no_network_socket(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(socket, "socket", _GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", _GuardedSocket)
    window.create_demo()
    add_agency(window, "Offline agency")
    round_id = start_round(window, "Offline round")
    person = add_person(window, "Una", "clinical_staff")
    window.round_page.rate_button.click()
    for _ in range(5):
        assert window.walkthrough.choose("3")
        window.walkthrough.go(window.walkthrough.index + 1)
    assert len(responses.choices_for_respondent(window.conn, person)) == 5
    pdf = build_scorecard_pdf(window.conn, round_id)
    assert pdf.startswith(b"%PDF")
    exchange = tmp_path / "round.smsoat"
    exchange.write_bytes(export_round(window.conn, round_id))
    coordinator = open_database(tmp_path / "state.sqlite3")
    reports = import_files(coordinator, [exchange], list(default_catalog().instruments.values()))
    assert [r.status for r in reports] == ["new"]
    assert [r.name for r, _ in rounds.list_all(coordinator)] == ["Offline round"]
    workbook = build_rollup_xlsx(compute_rollup(coordinator, "sms-oat-bh"))
    assert workbook.startswith(b"PK")
    coordinator.close()
    assert opened == []
