"""A whole round as a new user would do it: agency, round, team, two people rating (mouse and
keyboard only), a restart in the middle, a paper form typed in; then the stored data and the
finish page are checked against the scoring core."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.scoring import score_answers
from app.db import responses, rounds
from app.ui.main_window import MainWindow
from app.ui.texts import fmt_number
from tests.gui.conftest import MakeWindow
from tests.gui.helpers import add_agency, add_person, focused, start_round

MOUSE_PLAN = ["1", "2", "3", "4", "dk", "na"]  # cycles over the items
KEYS_PLAN = ["3", "4", "2", "D", "1", "N", "4"]
PAPER_PLAN = ["2", "3", "d", "4", "n", "1"]


def _mouse_answers(window: MainWindow, qtbot: QtBot, start: int, stop: int) -> dict[str, str]:
    page = window.walkthrough
    given = {}
    for index in range(start, stop):
        assert page.index == index
        code = MOUSE_PLAN[index % len(MOUSE_PLAN)]
        button = next(b for b in page.buttons if b.choice.code == code)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert button.isChecked()
        assert page.saved_label.text().startswith("✓ Saved")
        given[page.item.id] = code
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    return given


def test_a_whole_round_as_a_new_user(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window()
    assert window.home.welcome_box.isVisibleTo(window)
    add_agency(window, "Pine Valley <Clinic> & Co 🌲")
    assert not window.home.welcome_box.isVisibleTo(window)
    round_id = start_round(window, "Spring 2027")
    ana = add_person(window, "Ana", "clinical_staff")
    ben = add_person(window, "Ben", "peer_specialist")
    conn = window.conn
    instrument = rounds.instrument_for(conn, rounds.get(conn, round_id))
    items = instrument.items
    half = len(items) // 2

    # Ana rates by mouse, stops in the middle; the laptop is shut down.
    window.round_page.select_person(ana)
    qtbot.mouseClick(window.round_page.rate_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.walkthrough
    assert window.walkthrough.index == 0
    ana_given = _mouse_answers(window, qtbot, 0, half)
    assert window.walkthrough.index == half
    window.close()
    window.conn.close()

    # Reopened: the last round comes back, and Ana resumes exactly where she stopped.
    window = make_window()
    assert window.current_round == round_id
    assert window.stack.currentWidget() is window.round_page
    window.round_page.select_person(ana)
    window.round_page.rate_button.click()
    assert window.walkthrough.index == half
    assert not any(b.isChecked() for b in window.walkthrough.buttons)
    ana_given |= _mouse_answers(window, qtbot, half, len(items) - 1)
    last = window.walkthrough.buttons[0]
    qtbot.mouseClick(last, Qt.MouseButton.LeftButton)
    ana_given[items[-1].id] = last.choice.code
    qtbot.mouseClick(window.walkthrough.finish_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.finish

    # The finish page shows the scoring core's numbers.
    card = score_answers(instrument, ana_given)
    assert fmt_number(card.overall.mean) in window.finish.summary.text()
    domain_cells = {
        window.finish.table.item(r, 0).text().strip(): window.finish.table.item(r, 2).text()
        for r in range(window.finish.table.rowCount())
    }
    for domain in instrument.domains:
        label = next(k for k in domain_cells if k.startswith(domain.id + " "))
        assert domain_cells[label] == fmt_number(card.domains[domain.id].mean)
    assert not window.finish.unanswered.isVisibleTo(window)
    window.finish.back_button.click()
    assert window.stack.currentWidget() is window.round_page

    # Ben uses the keyboard only: pick his row, Enter, then digit/letter + Enter per item.
    window.activateWindow()
    window.round_page.team.setFocus()
    qtbot.keyClick(window.round_page.team, Qt.Key.Key_Down)
    assert window.round_page.current_person() == ben
    qtbot.keyClick(window.round_page.team, Qt.Key.Key_Return)
    page = window.walkthrough
    assert window.stack.currentWidget() is page and page.person is not None
    assert page.person.id == ben
    assert not any(b.isChecked() for b in page.buttons), "Ben must not see Ana's answers"
    ben_given = {}
    for index, item in enumerate(items):
        key = KEYS_PLAN[index % len(KEYS_PLAN)]
        qtbot.keyClicks(focused(page.buttons[0]), key.lower())
        expected = {"D": "dk", "N": "na"}.get(key, key)
        ben_given[item.id] = expected
        assert page.answers[item.id].choice == expected
        if index == 2:  # arrow keys change the choice too
            qtbot.keyClick(focused(page.buttons[0]), Qt.Key.Key_Down)
            ben_given[item.id] = page.answers[item.id].choice  # type: ignore[assignment]
            assert ben_given[item.id] != expected
        qtbot.keyClick(focused(page.buttons[0]), Qt.Key.Key_Return)
    assert page.index == len(items) - 1
    conn = window.conn
    assert responses.choices_for_respondent(conn, ben) == ben_given

    # A third person's paper form is typed in through paper mode, keyboard only.
    page.leave_button.click()
    cara = add_person(window, "Cara", "administrator")
    window.round_page.paper_button.click()
    paper = window.paper
    assert window.stack.currentWidget() is paper
    paper_given = {}
    for row, item in enumerate(items):
        assert paper.table.currentRow() == row
        typed = PAPER_PLAN[row % len(PAPER_PLAN)]
        qtbot.keyClicks(focused(paper.table), typed)
        qtbot.keyClick(focused(paper.table), Qt.Key.Key_Return)
        # the item delegate commits the edit through a queued call; then focus returns to the grid
        qtbot.waitUntil(lambda: focused(paper) is paper.table, timeout=2000)
        paper_given[item.id] = {"d": "dk", "n": "na"}.get(typed, typed)
    stored = responses.answers_for_respondent(conn, cara)
    assert {k: a.choice for k, a in stored.items()} == paper_given
    assert {a.source for a in stored.values()} == {"paper"}
    assert {a.source for a in responses.answers_for_respondent(conn, ana).values()} == {"screen"}
    assert responses.choices_for_respondent(conn, ana) == ana_given

    # Back on the team page, everyone shows as finished.
    paper.done_button.click()
    statuses = [
        window.round_page.team.item(r, 3).text() for r in range(window.round_page.team.rowCount())
    ]
    assert statuses == ["✓ Finished"] * 3


def test_paper_mode_refuses_a_value_off_the_scale(window: MainWindow, qtbot: QtBot) -> None:
    add_agency(window, "Agency")
    start_round(window, "R1")
    person = add_person(window, "Dee", "other")
    window.round_page.paper_button.click()
    paper = window.paper
    assert not paper.enter(0, "7")
    assert "not on the scale" in paper.status.text()
    assert paper.table.item(0, 3).text() != "✓"
    assert responses.answers_for_respondent(window.conn, person) == {}
    assert paper.enter(0, " 3 ")
    assert responses.choices_for_respondent(window.conn, person) == {"1.1.1": "3"}
    assert paper.enter(0, "")  # a blank cell clears the choice
    assert responses.choices_for_respondent(window.conn, person) == {}
