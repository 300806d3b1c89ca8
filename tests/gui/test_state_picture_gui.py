"""Issue 21 in the GUI: the coordinator's peer-group filter, the agencies dialog (links, groups,
the due list and its export) and the home page's next-due line."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.instrument import Instrument
from app.db import agency_attributes, organizations
from app.db.connection import open_database
from app.services.rollup import compute_rollup
from app.ui.agencies_dialog import AgenciesDialog
from app.ui.coordinator_page import CoordinatorPage
from app.ui.home_page import HomePage
from tests.test_exchange import filled_round

WAIT = 20000


@pytest.fixture
def state(tmp_path: Path, mini: Instrument) -> Iterator[tuple[Path, sqlite3.Connection]]:
    """Five agencies in the North, one in the South, one agency on two laptops (two records
    sharing ST-77), and one that never reported."""
    db_path = tmp_path / "state.sqlite3"
    conn = open_database(db_path)
    end = date.today() - timedelta(days=10)
    for k in range(5):
        organizations.create(conn, f"North {k}", region="North", state_identifier=f"N-{k}")
        filled_round(conn, mini, agency=f"North {k}", name="r", end=end, seed=k)
    organizations.create(conn, "South 0", region="South", state_identifier="S-0")
    filled_round(conn, mini, agency="South 0", name="r", end=end, seed=3)
    for name, ended in (("Lake (old laptop)", 400), ("Lake", 20)):
        organizations.create(conn, name, region="East", state_identifier="ST-77")
        filled_round(conn, mini, agency=name, name=name, end=date.today() - timedelta(ended))
    organizations.create(conn, "Quiet", state_identifier="Q-1")
    yield db_path, conn
    conn.close()


def _page(qtbot: QtBot, db_path: Path, conn: sqlite3.Connection) -> CoordinatorPage:
    page = CoordinatorPage(conn, "en", db_path)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.load()
    _shown(qtbot, page, lambda: page.all_time.setChecked(True))
    return page


def _shown(qtbot: QtBot, page: CoordinatorPage, change: Callable[[], object]) -> None:
    """Make a change, then wait for the figures it asks for (worked out in a worker)."""
    change()
    if page.computing:
        with qtbot.waitSignal(page.picture_shown, timeout=WAIT):
            pass
    assert not page.computing


def test_the_group_filter_limits_and_suppresses(
    qtbot: QtBot, state: tuple[Path, sqlite3.Connection]
) -> None:
    db_path, conn = state
    page = _page(qtbot, db_path, conn)
    choices = [page.group.itemText(i) for i in range(page.group.count())]
    assert choices == ["All agencies", "region = East", "region = North", "region = South"]
    assert page.versus.rowCount() == 8
    _shown(qtbot, page, lambda: page.group.setCurrentIndex(choices.index("region = North")))
    assert page.rollup is not None and page.rollup.groups == {"region": "North"}
    assert page.versus.rowCount() == 5 and not page.rollup.suppressed
    assert "Peer group: region=North." in page.summary.text()
    assert "hidden" not in page.summary.text()
    _shown(qtbot, page, lambda: page.group.setCurrentIndex(choices.index("region = South")))
    assert page.rollup is not None and page.rollup.suppressed
    assert page.versus.rowCount() == 1
    assert "Fewer than 5 agencies" in page.summary.text()


def test_link_undo_groups_and_due_in_the_agencies_dialog(
    qtbot: QtBot, state: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    db_path, conn = state
    page = _page(qtbot, db_path, conn)
    dialog = page.open_agencies()
    assert isinstance(dialog, AgenciesDialog)
    assert dialog.tree.topLevelItemCount() == 9 and dialog.proposals.count() == 1
    assert not dialog.link_button.isEnabled()
    dialog.proposals.setCurrentRow(0)
    with qtbot.waitSignal(dialog.changed, timeout=WAIT):
        dialog.link_button.click()
    assert "one agency" in dialog.status.text()
    assert dialog.tree.topLevelItemCount() == 8 and dialog.proposals.count() == 0
    _shown(qtbot, page, lambda: None)
    assert page.versus.rowCount() == 7  # the page recomputed: the agency counts once
    rollup = compute_rollup(conn, "mini")
    assert len(rollup.agencies) == 7
    lake = next(
        dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
        if dialog.tree.topLevelItem(i).childCount()
    )
    assert lake.child(0).text(0).startswith("linked record: ")
    # groups: the line is the agency's whole set (region East replaced, type added)
    dialog.tree.setCurrentItem(lake)
    keep = int(lake.data(0, 256))
    assert dialog.groups_edit.text() == "region=East"
    dialog.groups_edit.setText("type=CMHC")
    with qtbot.waitSignal(dialog.changed, timeout=WAIT):
        dialog.groups_button.click()
    assert agency_attributes.all_attributes(conn)[keep] == {"type": "CMHC", "region": "East"}
    # (region East still comes from the agency's own region field, as entered with the agency)
    dialog.groups_edit.setText("type")
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    dialog.groups_edit.setText("type")
    dialog.groups_button.click()
    assert "NAME=VALUE" in dialog.status.text()
    # a site for the agency, listed in its row; a second one of the same name is refused
    quiet_row = next(
        dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
        if dialog.tree.topLevelItem(i).text(0) == "Quiet"
    )
    dialog.tree.setCurrentItem(quiet_row)
    dialog.site_edit.setText("Eastside clinic")
    with qtbot.waitSignal(dialog.changed, timeout=WAIT):
        dialog.site_button.click()
    quiet_row = next(
        dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
        if dialog.tree.topLevelItem(i).text(0) == "Quiet"
    )
    assert quiet_row.text(2) == "Eastside clinic"
    dialog.tree.setCurrentItem(quiet_row)
    dialog.site_edit.setText("eastside clinic")
    dialog.site_button.click()
    assert "already has a site" in dialog.status.text()
    # undo the link: nothing lost
    lake = next(
        dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
        if dialog.tree.topLevelItem(i).childCount()
    )
    dialog.tree.setCurrentItem(lake.child(0))
    assert dialog.unlink_button.isEnabled()
    with qtbot.waitSignal(dialog.changed, timeout=WAIT):
        dialog.unlink_button.click()
    assert dialog.tree.topLevelItemCount() == 9
    assert len(compute_rollup(conn, "mini").agencies) == 8
    # groups from a CSV, in a worker
    csv_path = tmp_path / "groups.csv"
    csv_path.write_text("state_id,setting\nN-0,rural\nN-1,rural\n", "utf-8")
    dialog.ask_csv = lambda: csv_path
    with qtbot.waitSignal(dialog.changed, timeout=WAIT):
        dialog.csv_button.click()
    assert "2 agencies" in dialog.status.text()
    assert ("setting", "rural") in [
        (page.group.itemData(i) or ("", ""))[:2] for i in range(page.group.count())
    ]
    # the due list: Quiet never reported, the old laptop's record is overdue
    dialog.tabs.setCurrentIndex(1)
    statuses = {
        dialog.due.topLevelItem(i).text(0): dialog.due.topLevelItem(i).text(2)
        for i in range(dialog.due.topLevelItemCount())
    }
    assert statuses == {"Quiet": "never reported", "Lake (old laptop)": "overdue"}
    dialog.show_all.setChecked(True)
    assert dialog.due.topLevelItemCount() == 9
    dialog.ask_path = lambda name: tmp_path / Path(name).stem
    dialog.due_xlsx.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=WAIT)
    written = Path(dialog.status.text().removeprefix("Saved "))
    assert written.suffix == ".xlsx" and written.read_bytes().startswith(b"PK")
    dialog.due_csv.click()
    qtbot.waitUntil(lambda: dialog.status.text().endswith(".csv"), timeout=WAIT)
    text = (tmp_path / written.with_suffix(".csv").name).read_text("utf-8-sig")
    assert "Quiet" in text and "never reported" in text


def test_the_home_page_says_when_the_next_round_is_due(
    qtbot: QtBot, state: tuple[Path, sqlite3.Connection]
) -> None:
    _db_path, conn = state
    home = HomePage(conn, "en")
    qtbot.addWidget(home)
    old = organizations.find_by_name(conn, "Lake (old laptop)")
    quiet = organizations.find_by_name(conn, "Quiet")
    assert old is not None and quiet is not None
    home.refresh(select_agency=old.id)
    assert "overdue" in home.next_due.text() and "was due on" in home.next_due.text()
    home.refresh(select_agency=quiet.id)
    assert home.next_due.text() == ""
    north = organizations.find_by_name(conn, "North 0")
    assert north is not None
    home.refresh(select_agency=north.id)
    assert "is due on" in home.next_due.text() and "overdue" not in home.next_due.text()


def test_the_f1_guide_explains_links_groups_and_the_due_list(qtbot: QtBot) -> None:
    from app.ui.guide import guide_html

    html = guide_html()
    assert "For the state coordinator" in html
    for words in ("link", "Compare by group", "fewer than 5", "Due and overdue", "Sites"):
        assert words in html, words


def test_a_group_export_says_the_group_and_the_import_preview_names_the_link(
    qtbot: QtBot, state: tuple[Path, sqlite3.Connection], tmp_path: Path, mini: Instrument
) -> None:
    import zipfile

    from app.exchange.export import export_round
    from app.exchange.importer import preview_file
    from app.ui.import_dialog import ImportDialog

    db_path, conn = state
    page = _page(qtbot, db_path, conn)
    page.group.setCurrentIndex(page.group.findText("region = North"))
    page.ask_path = lambda _title, name: tmp_path / name
    with qtbot.waitSignal(page.file_written, timeout=WAIT) as blocker:
        page.xlsx_button.click()
    with zipfile.ZipFile(blocker.args[0]) as archive:
        text = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml"))
    assert "region=North" in text and "South 0" not in text and "North 4" in text
    # a file from another laptop of an agency here: the preview proposes the link in words
    laptop = open_database(":memory:")
    organizations.create(laptop, "Quiet (new laptop)", state_identifier="q-1")
    rnd = filled_round(laptop, mini, agency="Quiet (new laptop)", name="r", end=date(2026, 3, 31))
    path = tmp_path / "quiet.smsoat"
    path.write_bytes(export_round(laptop, rnd.id, with_pdf=False))
    laptop.close()
    report = preview_file(conn, path)
    dialog = ImportDialog(None, db_path, [mini])
    qtbot.addWidget(dialog)
    words = dialog.changes_text(report, done=False)
    assert "Same state identifier as the agency “Quiet” here" in words
    assert "link them" in words
