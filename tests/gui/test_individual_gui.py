"""An individual-kind round on screen: no meeting (the button is gone and the summary says why),
a person's own raw total, converted score and band, and a team summary without consensus."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.catalog import Catalog
from app.core.instrument import Instrument
from app.core.instrument_loader import load_instrument
from app.db import responses
from app.db.connection import open_database
from app.services.catalog import default_catalog
from app.ui.main_window import MainWindow
from app.ui.settings import AppSettings
from tests.helpers import make_round

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def survey() -> Instrument:
    return load_instrument(FIXTURES / "individual_shape.json")


def _window(qtbot: QtBot, data_dir: Path, inst: Instrument) -> tuple[MainWindow, object]:
    catalog = Catalog({**default_catalog().instruments, inst.id: inst})
    conn = open_database(data_dir / "smsoat.sqlite3")
    window = MainWindow(conn, data_dir / "smsoat.sqlite3", catalog, AppSettings())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window, conn


def test_individual_round_has_no_meeting_and_a_team_summary(
    survey: Instrument, qtbot: QtBot, data_dir: Path
) -> None:
    window, conn = _window(qtbot, data_dir, survey)
    try:
        rnd, team = make_round(window.conn, survey, 3)
        plans = [["1"] * 6, ["3"] * 6, ["4"] * 6]  # raw 6, 18, 24 -> 0, 66.7, 100
        for person, codes in zip(team, plans, strict=True):
            for item, code in zip(survey.items, codes, strict=True):
                responses.save_answer(window.conn, person.id, item.id, code)
        window.open_round(rnd.id)
        assert "meeting" not in window.round_page.team_button.text()
        window.show_team_view(rnd.id)
        page = window.team_view
        assert not page.meeting_button.isVisibleTo(window)
        assert not page.meeting_button.isEnabled()
        text = page.summary.text()
        assert "no consensus meeting" in text
        assert "Mean converted score: 55.6 of 100" in text  # (0 + 66.7 + 100) / 3
        assert "Median 66.7, range 0.0–100.0, over 3 of 3" in text
        labels = [b.label.get("en") for b in survey.bands]
        assert f"{labels[0]}: 1" in text and f"{labels[-1]}: 1" in text
        headers = [page.grid.horizontalHeaderItem(c).text() for c in range(page.grid.columnCount())]
        agreed = headers.index("Agreed")
        assert page.grid.isColumnHidden(agreed)
    finally:
        window.close()
        conn.close()  # type: ignore[attr-defined]


def test_a_team_round_still_offers_the_meeting(qtbot: QtBot, data_dir: Path) -> None:
    inst = load_instrument(FIXTURES / "mini.json")
    window, conn = _window(qtbot, data_dir, inst)
    try:
        rnd, team = make_round(window.conn, inst, 2)
        responses.save_answer(window.conn, team[0].id, inst.items[0].id, "3")
        window.show_team_view(rnd.id)
        page = window.team_view
        assert page.meeting_button.isVisibleTo(window) and page.meeting_button.isEnabled()
        headers = [page.grid.horizontalHeaderItem(c).text() for c in range(page.grid.columnCount())]
        assert not page.grid.isColumnHidden(headers.index("Agreed"))
    finally:
        window.close()
        conn.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (["3"] * 6, ["Raw total: 18 (possible 6–24)", "Converted score: 66.7 of 100"]),
        (["3"] * 5 + ["na"], ["Raw total: – (possible 6–24)", "No converted score yet"]),
    ],
)
def test_the_person_sees_raw_total_converted_score_and_band(
    codes: list[str], expected: list[str], survey: Instrument, qtbot: QtBot, data_dir: Path
) -> None:
    window, conn = _window(qtbot, data_dir, survey)
    try:
        _rnd, team = make_round(window.conn, survey, 1)
        for item, code in zip(survey.items, codes, strict=True):
            responses.save_answer(window.conn, team[0].id, item.id, code)
        window.show_finish(team[0].id)
        text = window.finish.summary.text()
        for line in expected:
            assert line in text, text
        band = survey.band_for(66.7)
        assert band is not None
        assert (band.label.get("en") in text) is (codes[-1] != "na")
        assert "no consensus meeting" in text
    finally:
        window.close()
        conn.close()  # type: ignore[attr-defined]
