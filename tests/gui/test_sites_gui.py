"""Issue 21's sites in the GUI: the coordinator's sites under each agency, a round's site chosen
when it starts and changed on the round page, and sites renamed and removed."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.instrument import Instrument
from app.db import organizations, sites
from app.db.connection import open_database
from app.ui.coordinator_page import CoordinatorPage
from app.ui.main_window import MainWindow
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
    with qtbot.waitSignal(page.picture_shown, timeout=20_000):
        page.all_time.setChecked(True)
    page.view.setCurrentWidget(page.view.sites)  # the tab is filled when it is opened
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


def test_sites_renamed_and_removed_in_the_agencies_dialog(
    qtbot: QtBot, clinics: tuple[Path, sqlite3.Connection]
) -> None:
    from app.ui.sites_dialog import SitesDialog

    db_path, conn = clinics
    page = CoordinatorPage(conn, "en", db_path)
    qtbot.addWidget(page)
    page.show()
    page.load()
    agencies = page.open_agencies()
    river = next(
        agencies.tree.topLevelItem(i)
        for i in range(agencies.tree.topLevelItemCount())
        if agencies.tree.topLevelItem(i).text(0) == "Riverbend"
    )
    agencies.tree.setCurrentItem(river)
    dialog = agencies.open_sites()
    assert isinstance(dialog, SitesDialog)
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
        "Eastside — rounds: 1"
    ]
    dialog.list.setCurrentRow(0)
    dialog.name.setText("   ")
    dialog.rename_button.click()
    assert "needs a name" in dialog.status.text()
    dialog.name.setText("East end")
    with qtbot.waitSignal(dialog.changed, timeout=5000):
        dialog.rename_button.click()
    assert dialog.list.item(0).text() == "East end — rounds: 1"
    # removing asks; "no" changes nothing
    asked: list[str] = []
    dialog.ask = lambda _parent, _title, text: asked.append(text) or False
    dialog.remove_button.click()
    assert "holds 1 round." in asked[0] and "nothing is deleted" in asked[0]
    assert dialog.list.count() == 1 and dialog.status.text() == "Nothing removed."
    dialog.ask = lambda *_: True
    rounds_before = conn.execute("SELECT count(*) FROM rounds").fetchone()[0]
    with qtbot.waitSignal(page.picture_shown, timeout=20_000):
        dialog.remove_button.click()
    assert dialog.list.count() == 0
    assert conn.execute("SELECT count(*) FROM rounds").fetchone()[0] == rounds_before
    assert conn.execute("SELECT count(*) FROM rounds WHERE site_id IS NOT NULL").fetchone()[0] == 0
    # the coordinator's page read again: Riverbend's round is now the whole agency's
    page.view.setCurrentWidget(page.view.sites)  # the tab is filled when it is opened
    table = page.view.sites.table
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == ["Whole agency"] * 2


def test_a_round_starts_for_a_site_and_the_round_page_changes_it(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    from app.db import rounds

    window = make_window()
    conn = window.conn
    org = organizations.create(conn, "Riverbend", state_identifier="R-1")
    east = sites.add(conn, org.id, "Eastside")
    west = sites.add(conn, org.id, "Westside")
    window.open_round_dialog(org.id)
    dialog = window.dialog
    offered = [dialog.site.itemText(i) for i in range(dialog.site.count())]
    assert offered == ["Whole agency", "Eastside", "Westside"]
    dialog.name.setText("Spring")
    dialog.site.setCurrentIndex(offered.index("Westside"))
    dialog.accept()
    (rnd,) = [r for r, _ in rounds.list_all(conn)]
    assert sites.round_site(conn, rnd.id) == west
    page = window.round_page
    assert page.round_id == rnd.id
    picker = page.site_picker
    assert picker.combo.currentText() == "Westside"
    with qtbot.waitSignal(window.data_changed, timeout=5000):
        picker.combo.setCurrentIndex(picker.combo.findData(east.id))
        picker.combo.activated.emit(picker.combo.currentIndex())
    assert sites.round_site(conn, rnd.id) == east
    assert "Eastside" in picker.status.text()
    logged = conn.execute(
        "SELECT count(*) FROM change_log WHERE entity = 'round' AND round_uuid = ?"
        " AND detail LIKE '%Eastside%'",
        (rnd.uuid,),
    ).fetchone()[0]
    assert logged == 1
    picker.combo.setCurrentIndex(0)
    picker.combo.activated.emit(0)
    assert sites.round_site(conn, rnd.id) is None
    assert "whole agency" in picker.status.text()


def test_the_f1_guide_explains_sites_at_both_levels(qtbot: QtBot) -> None:
    from app.ui.guide import guide_html

    html = guide_html()
    for words in (
        "Start a round",
        "round page",
        "rename or remove sites",
        "nothing is deleted",
        "Agencies by site",
        "each agency's own score",
    ):
        assert words in html, words


def test_a_small_group_on_screen_shows_no_agencys_scores(
    qtbot: QtBot, clinics: tuple[Path, sqlite3.Connection]
) -> None:
    from app.db import agency_attributes

    db_path, conn = clinics
    for org in organizations.list_all(conn):
        agency_attributes.set_attribute(conn, org.id, "setting", "rural")
    page = CoordinatorPage(conn, "en", db_path)
    qtbot.addWidget(page)
    page.show()
    page.load()
    with qtbot.waitSignal(page.picture_shown, timeout=20_000):
        page.all_time.setChecked(True)
    assert page.versus.item(0, 1).text() != "–"  # the whole state: every score shown
    with qtbot.waitSignal(page.picture_shown, timeout=20_000):
        page.group.setCurrentIndex(page.group.findText("setting = rural"))
    assert page.rollup is not None and page.rollup.suppressed
    assert "each agency's scores are hidden" in page.summary.text()
    for row in range(page.versus.rowCount()):
        assert page.versus.item(row, 1).text() == "–"
    page.view.setCurrentWidget(page.view.sites)  # the tab is filled when it is opened
    table = page.view.sites.table
    assert table.rowCount() == 3
    assert [table.item(r, 4).text() for r in range(3)] == ["–"] * 3


def test_the_sites_tab_is_filled_when_it_is_opened(
    qtbot: QtBot, clinics: tuple[Path, sqlite3.Connection]
) -> None:
    # Issue 20: at 10,000 agencies its rows cost the GUI thread ~18 ms when the figures arrive,
    # whichever tab is on the screen; now only when the tab is opened.
    db_path, conn = clinics
    page = CoordinatorPage(conn, "en", db_path)
    qtbot.addWidget(page)
    page.show()
    page.load()
    with qtbot.waitSignal(page.picture_shown, timeout=20_000):
        page.all_time.setChecked(True)
    sites_tab = page.view.sites
    assert not sites_tab.isVisible() and sites_tab.table.rowCount() == 0
    assert sites_tab.pending is page.rollup
    page.view.setCurrentWidget(sites_tab)
    assert sites_tab.table.rowCount() == 3 and sites_tab.pending is None  # 2 agencies, 1 site
    with qtbot.waitSignal(page.picture_shown, timeout=20_000):  # on the screen: filled at once
        page.all_time.setChecked(False)
    assert sites_tab.pending is None and sites_tab.table.rowCount() == 3
