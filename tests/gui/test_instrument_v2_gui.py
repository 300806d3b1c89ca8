"""Format version 2 instruments on screen: the PCRS shape (flat ids 1-16, 1-10, no explanations)
and the official SMS OAT shape (a total score) are rated and finished like any other."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.catalog import Catalog
from app.core.instrument_loader import load_instrument
from app.core.scoring import score_answers
from app.db import responses, rounds
from app.db.connection import open_database
from app.services.catalog import default_catalog
from app.ui.main_window import MainWindow
from app.ui.settings import AppSettings
from app.ui.texts import fmt_number
from tests.gui.helpers import add_agency, add_person, start_round

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.mark.parametrize("name", ["pcrs_shape.json", "oat_shape.json"])
def test_rate_and_finish_a_version_2_instrument(name: str, qtbot: QtBot, data_dir: Path) -> None:
    inst = load_instrument(FIXTURES / name)
    catalog = Catalog({**default_catalog().instruments, inst.id: inst})
    conn = open_database(data_dir / "smsoat.sqlite3")
    window = MainWindow(conn, data_dir / "smsoat.sqlite3", catalog, AppSettings())
    window.confirm = lambda *_a: True  # type: ignore[method-assign]
    window.inform = lambda *_a: None  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    try:
        add_agency(window, "Pine Valley")
        round_id = start_round(window, "Spring", inst.id)
        person = add_person(window, "Ana", "clinical_staff")
        window.round_page.select_person(person)
        qtbot.mouseClick(window.round_page.rate_button, Qt.MouseButton.LeftButton)
        page = window.walkthrough
        given = {}
        for index, item in enumerate(inst.items):
            assert page.item.id == item.id
            assert not page.explanation.isVisibleTo(window)  # the file has none
            assert not page.examples_button.isVisibleTo(window)
            button = page.buttons[index % 3]
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            given[item.id] = button.choice.code
            if index < len(inst.items) - 1:
                qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is window.finish
        assert responses.choices_for_respondent(conn, person) == given
        card = score_answers(rounds.instrument_for(conn, rounds.get(conn, round_id)), given)
        shown = card.overall.total if inst.band_metric == "sum" else card.overall.mean
        assert shown is not None and fmt_number(shown) in window.finish.summary.text()
    finally:
        window.close()
        conn.close()


@pytest.mark.parametrize("official", [False, True])
def test_the_rating_screen_says_what_it_is(official: bool, qtbot: QtBot, data_dir: Path) -> None:
    import json

    from app.core.instrument_loader import parse_instrument

    doc = json.loads((FIXTURES / "pcrs_shape.json").read_text(encoding="utf-8"))
    doc["official"] = official
    inst = parse_instrument(doc, "pcrs.json")
    catalog = Catalog({**default_catalog().instruments, inst.id: inst})
    conn = open_database(data_dir / "smsoat.sqlite3")
    window = MainWindow(conn, data_dir / "smsoat.sqlite3", catalog, AppSettings())
    qtbot.addWidget(window)
    window.show()
    try:
        add_agency(window, "Pine Valley")
        start_round(window, "Spring", inst.id)
        person = add_person(window, "Ana", "clinical_staff")
        window.round_page.select_person(person)
        qtbot.mouseClick(window.round_page.rate_button, Qt.MouseButton.LeftButton)
        text = window.walkthrough.provenance.text()
        assert inst.title.get("en") in text and "version 1" in text
        assert inst.attribution.get("en") in text
        assert ("Not the official wording" in text) is not official
        assert ("may not be changed" in text) is official
    finally:
        window.close()
        conn.close()


@pytest.mark.parametrize("name", ["pcrs_shape.json", "oat_shape.json"])
def test_team_view_and_meeting_take_version_2_ids(name: str, qtbot: QtBot, data_dir: Path) -> None:
    from app.db import organizations
    from app.services.round_scores import round_scores

    inst = load_instrument(FIXTURES / name)
    catalog = Catalog({**default_catalog().instruments, inst.id: inst})
    conn = open_database(data_dir / "smsoat.sqlite3")
    org = organizations.create(conn, "Pine Valley")
    from datetime import date

    rnd = rounds.create(conn, org.id, inst, "Spring", date(2026, 1, 1), date(2026, 3, 31))
    codes = [c.code for c in inst.scale.choices if c.scored]
    for n in range(3):
        person = rounds.add_respondent(conn, rnd.id, f"P{n}", "clinical_staff")
        for k, item in enumerate(inst.items):
            responses.save_answer(conn, person.id, item.id, codes[(k * (n + 1)) % len(codes)])
    window = MainWindow(conn, data_dir / "smsoat.sqlite3", catalog, AppSettings())
    qtbot.addWidget(window)
    window.show()
    try:
        window.show_team_view(rnd.id)
        grid = window.team_view.grid
        shown = [grid.item(r, 0).data(256) for r in range(grid.rowCount())]
        assert shown == [item.id for item in inst.items]
        team = round_scores(conn, rnd.id).team
        window.team_view.meeting_button.click()
        meeting = window.meeting
        assert [r.item_id for r in meeting.rows] == [
            i.id for i in inst.items if team.items[i.id].flagged
        ]
        assert meeting.rows, "the answers differ enough to flag items"
        meeting.go(0)
        meeting.buttons[0].click()
        stored = responses.consensus_for_round(conn, rnd.id)
        first_item = inst.item(meeting.rows[0].item_id)
        assert first_item is not None
        assert stored[first_item.id].choice == first_item.scale.choices[0].code
    finally:
        window.close()
        conn.close()
