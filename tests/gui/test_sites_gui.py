"""Issue 21's sites in the GUI: the coordinator's sites under each agency, a round's site chosen
when it starts and changed on the round page, and sites renamed and removed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.instrument import Instrument
from app.db import organizations, sites
from app.db.connection import open_database
from app.ui.coordinator_page import CoordinatorPage
from app.ui.rollup_sites_view import INDENT
from tests.test_exchange import filled_round


@pytest.fixture
def clinics(tmp_path: Path, mini: Instrument) -> Iterator[tuple[Path, sqlite3.Connection]]:
    db_path = tmp_path / "sites.sqlite3"
    conn = open_database(db_path)
    river = organizations.create(conn, "Riverbend", region="North", state_identifier="R-1")
    organizations.create(conn, "Lakeside", region="North", state_identifier="L-1")
    east = sites.add(conn, river.id, "Eastside")
    end = date.today() - timedelta(days=40)
    filled_round(conn, mini, agency="Riverbend", name="Agency", end=end, seed=1)
    rnd = filled_round(conn, mini, agency="Riverbend", name="East", end=end, seed=2)
    sites.set_round_site(conn, rnd.id, east.id)
    filled_round(conn, mini, agency="Lakeside", name="Lake", end=end, seed=3)
    yield db_path, conn
    conn.close()


def test_the_coordinator_shows_sites_under_their_agency(
    qtbot: QtBot, clinics: tuple[Path, sqlite3.Connection]
) -> None:
    db_path, conn = clinics
    page = CoordinatorPage(conn, "en", db_path)
    qtbot.addWidget(page)
    page.show()
    page.load()
    page.all_time.setChecked(True)
    table = page.view.sites.table
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    assert [r[0] for r in rows] == ["Lakeside", "Riverbend", INDENT + "Eastside"]
    assert rows[0][1] == "Whole agency" and rows[1][1] == "Eastside"  # "East" is the newest
    assert rows[2][2] == "East"
    assert table.item(1, 0).font().bold() and not table.item(2, 0).font().bold()
    river = next(a for a in page.rollup.agencies if a.organization.name == "Riverbend")
    site_row = page.rollup.sites_of(river)[0]
    assert table.item(2, 4).data(256) == pytest.approx(site_row.score())
