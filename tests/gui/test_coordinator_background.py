"""Issue 20: the coordinator view shows at once and works out the state picture in a worker; its
tables format only the rows that are read.

At 100,000 rounds the page froze for 51 s: the roll-up was computed on the GUI thread and four
QTableWidgets got about 300,000 items. Now the page says "Working out the state picture…" over
the figures it had, a newer choice drops an older computation's answer, and the tables are
models (app/ui/lazy_table.py) that keep sorting, raw values and row names for screen readers."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.instrument import Instrument
from app.db.connection import open_database
from app.services import state_picture as state_picture_module
from app.ui import coordinator_page
from app.ui.coordinator_page import CoordinatorPage
from app.ui.lazy_table import ROLE, LazyTable, Row
from tests.test_exchange import filled_round

WAIT = 20_000


@pytest.fixture
def state(tmp_path: Path, mini: Instrument) -> Iterator[tuple[Path, sqlite3.Connection]]:
    """Three agencies with a round each, two of them in the North."""
    db_path = tmp_path / "state.sqlite3"
    conn = open_database(db_path)
    for k, region in enumerate(("North", "North", "South")):
        filled_round(conn, mini, agency=f"Agency {k}", name="r", end=date(2026, 3, 31), seed=k)
        conn.execute("UPDATE organizations SET region = ? WHERE name = ?", (region, f"Agency {k}"))
    conn.commit()
    yield db_path, conn
    conn.close()


class Gate:
    """Holds each state picture computation until released, to see the page meanwhile."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.released: list[threading.Event] = []
        real = state_picture_module.state_picture

        def held(conn: sqlite3.Connection, instrument_id: str, **kwargs: Any) -> Any:
            event = threading.Event()
            self.released.append(event)
            assert event.wait(WAIT / 1000), "never released"
            return real(conn, instrument_id, **kwargs)

        monkeypatch.setattr(coordinator_page, "state_picture", held)

    def wait_started(self, qtbot: QtBot, count: int) -> None:
        qtbot.waitUntil(lambda: len(self.released) >= count, timeout=WAIT)


def _page(qtbot: QtBot, db_path: Path, conn: sqlite3.Connection) -> CoordinatorPage:
    page = CoordinatorPage(conn, "en", db_path)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def test_the_page_shows_at_once_and_the_figures_follow(
    qtbot: QtBot, state: tuple[Path, sqlite3.Connection], monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path, conn = state
    page = _page(qtbot, db_path, conn)
    gate = Gate(monkeypatch)
    page.all_time.blockSignals(True)
    page.all_time.setChecked(True)
    page.all_time.blockSignals(False)
    page.load()  # returns while the roll-up is still being worked out
    assert page.computing and page.rollup is None
    assert page.summary.text() == "Working out the state picture…"
    assert page.versus.rowCount() == 0
    assert not page.xlsx_button.isEnabled()
    gate.wait_started(qtbot, 1)
    with qtbot.waitSignal(page.picture_shown, timeout=WAIT):
        gate.released[0].set()
    assert not page.computing and page.rollup is not None
    assert page.versus.rowCount() == 3 and page.xlsx_button.isEnabled()
    assert "3 agencies reported" in page.summary.text()

    # a new choice: the old figures stay on the screen until the new ones arrive
    north = page.group.findText("region = North")
    page.group.setCurrentIndex(north)
    assert page.computing and page.summary.text() == "Working out the state picture…"
    assert page.versus.rowCount() == 3
    gate.wait_started(qtbot, 2)
    with qtbot.waitSignal(page.picture_shown, timeout=WAIT):
        gate.released[1].set()
    assert page.versus.rowCount() == 2 and page.rollup.groups == {"region": "North"}


def test_an_older_choice_s_answer_is_dropped(
    qtbot: QtBot, state: tuple[Path, sqlite3.Connection], monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path, conn = state
    page = _page(qtbot, db_path, conn)
    gate = Gate(monkeypatch)
    page.all_time.blockSignals(True)
    page.all_time.setChecked(True)
    page.all_time.blockSignals(False)
    page.load()  # all agencies
    gate.wait_started(qtbot, 1)
    page.group.setCurrentIndex(page.group.findText("region = South"))  # then one group
    gate.wait_started(qtbot, 2)
    with qtbot.waitSignal(page.picture_shown, timeout=WAIT):
        gate.released[1].set()
    assert page.versus.rowCount() == 1
    gate.released[0].set()  # the answer for "all agencies" arrives late
    qtbot.waitUntil(lambda: page.compute_task is not None and page.compute_task.ended.is_set())
    qtbot.wait(50)  # its signal has been delivered by now, and ignored
    assert page.versus.rowCount() == 1 and page.rollup.groups == {"region": "South"}
    assert not page.computing


def test_a_failed_computation_says_why_and_clears(
    qtbot: QtBot, state: tuple[Path, sqlite3.Connection], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.errors import StorageError

    db_path, conn = state
    page = _page(qtbot, db_path, conn)

    def broken(*_a: object, **_k: object) -> None:
        raise StorageError("The data file could not be read.")

    monkeypatch.setattr(coordinator_page, "state_picture", broken)
    with qtbot.waitSignal(page.picture_shown, timeout=WAIT):
        page.load()
    assert "could not be read" in page.summary.text()
    assert page.rollup is None and not page.computing and not page.pdf_button.isEnabled()


# ------------------------------------------------------------------ the lazy table


def _agencies(n: int) -> list[tuple[str, float | None]]:
    return [(f"Agency {i:05d}", None if i % 7 == 0 else (i * 37 % 101) / 10) for i in range(n)]


def test_a_table_of_10000_rows_formats_only_what_is_read(qtbot: QtBot) -> None:
    table = LazyTable("Agencies")
    qtbot.addWidget(table)
    table.resize(600, 400)
    table.show()
    formatted: list[str] = []

    def row(source: tuple[str, float | None]) -> Row:
        formatted.append(source[0])
        name, score = source
        return Row([name, "–" if score is None else f"{score:.2f}"], [None, score])

    sources = _agencies(10_000)
    table.show_rows(["Agency", "Score"], sources, row)
    qtbot.wait(50)  # painted
    assert table.rowCount() == 10_000 and table.columnCount() == 2
    assert len(set(formatted)) <= 80, len(set(formatted))  # 50 to fit widths + those on screen
    assert table.item(9_999, 0).text() == "Agency 09999"
    assert table.item(9_999, 0).toolTip() == "Agency 09999"
    assert table.item(10, 1).data(ROLE) == pytest.approx(1.0 * 10 * 37 % 101 / 10)
    # the row header a screen reader reads is the row's agency, not a number
    model = table.model()
    assert model.headerData(42, Qt.Orientation.Vertical) == "Agency 00042"
    assert not table.verticalHeader().isVisible()


def test_a_table_on_a_hidden_tab_fits_its_columns_when_shown(qtbot: QtBot) -> None:
    table = LazyTable("Agencies")
    qtbot.addWidget(table)
    formatted: list[str] = []

    def row(source: tuple[str, float | None]) -> Row:
        formatted.append(source[0])
        return Row([source[0] + " with a long name", "x"])

    table.show_rows(["Agency", "Score"], _agencies(1_000), row)
    assert formatted == [] and not table.fitted()  # nothing measured while nobody sees it
    narrow = table.columnWidth(0)
    table.show()
    qtbot.waitUntil(table.fitted)
    assert table.columnWidth(0) > narrow and 50 <= len(set(formatted)) <= 80


def test_sorting_uses_raw_values_and_can_be_undone(qtbot: QtBot) -> None:
    table = LazyTable("Agencies")
    qtbot.addWidget(table)
    sources = _agencies(30)
    table.show_rows(
        ["Agency", "Score"],
        sources,
        lambda s: Row([s[0], "–" if s[1] is None else f"{s[1]:.2f}"], [None, s[1]]),
    )
    assert table.isSortingEnabled()
    assert [table.item(r, 0).text() for r in range(3)] == [
        "Agency 00000",
        "Agency 00001",
        "Agency 00002",
    ]
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    scores = [table.item(r, 1).data(ROLE) for r in range(table.rowCount())]
    numbers = [s for s in scores if s is not None]
    assert numbers == sorted(numbers) and scores[: len(numbers)] == numbers  # empty cells last
    assert numbers != [s for _n, s in sources if s is not None]  # it really moved rows
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert table.item(0, 0).text() == "Agency 00029"
    table.model().sort(-1)
    assert [table.item(r, 0).text() for r in range(30)] == [name for name, _s in sources]


def test_an_export_started_while_the_figures_are_worked_out_uses_the_choices(
    qtbot: QtBot,
    state: tuple[Path, sqlite3.Connection],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The main window's menu can export the moment the page opens, before any figures."""
    db_path, conn = state
    page = _page(qtbot, db_path, conn)
    gate = Gate(monkeypatch)
    page.all_time.blockSignals(True)
    page.all_time.setChecked(True)
    page.all_time.blockSignals(False)
    page.load()
    assert page.computing and page.rollup is None
    with qtbot.waitSignal(page.file_written, timeout=WAIT) as written:
        page.write_export(tmp_path / "state.csv", "csv")
    text = written.args[0].read_bytes().decode("utf-8-sig")
    assert all(f"Agency {k}" in text for k in range(3))
    gate.wait_started(qtbot, 1)
    with qtbot.waitSignal(page.picture_shown, timeout=WAIT):
        gate.released[0].set()
