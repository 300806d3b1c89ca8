"""Private until the meeting: with privacy on, no way through the window shows another person's
answers or the team's results before the facilitator opens them; a PIN guards a person's own."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.db import responses, rounds
from app.services import change_history, privacy
from app.ui.change_history_dialog import ChangeHistoryDialog
from app.ui.main_window import MainWindow
from tests.gui.conftest import Told
from tests.gui.helpers import add_agency, add_person, start_round


# every page that shows a person's answers or the team's results
def _answer_pages(window: MainWindow) -> list[QWidget]:
    return [
        p
        for p in (
            window._walkthrough,
            window._paper,
            window._finish,
            window._team,
            window._meeting,
            window._plan,
        )
        if p is not None
    ]


def _menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    return next(
        a
        for m in window.menuBar().actions()
        if m.menu() is not None
        for a in m.menu().actions()
        if a.text() == text
    )


def test_no_gui_path_shows_answers_before_results_open(window: MainWindow, told: Told) -> None:
    add_agency(window, "Private Agency")
    round_id = start_round(window, "Spring", private=True)
    assert privacy.results_closed(window.conn, round_id)
    assert not window.round_page.privacy_note.isHidden()
    ana = add_person(window, "Ana", "clinical_staff")
    ben = add_person(window, "Ben", "administrator")
    items = rounds.instrument_for(window.conn, rounds.get(window.conn, round_id)).items
    for item in items:
        responses.save_answer(window.conn, ana, item.id, "3")
    responses.save_answer(window.conn, ben, items[0].id, "2")

    asked: list[str] = []

    def decline(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return False  # "I am not Ana"

    window.confirm = decline
    window.privacy.confirm = decline
    reports: list[object] = []
    window.ask_report_path = lambda *a: reports.append(a)  # type: ignore[method-assign]
    page = window.round_page
    window.dialog = None  # the add-person dialog, done with

    # the team view, the meeting, the action plan, rounds over time, scorecard, export: shut
    page.team_button.click()
    window.show_meeting(round_id)
    window.show_action_plan(round_id)
    window.show_history(round_id)
    _menu_action(window, "Save the sc&orecard as PDF…").trigger()
    window.print_scorecard(round_id)
    window.open_export(round_id)
    assert reports == [] and window.dialog is None
    closed = told.take()
    assert len(closed) == 7 and all("stay closed until the facilitator" in t for t in closed)

    # another person's rating screen, paper form and scores: only "if you are Ana"
    for person in (ana, ben):
        page.select_person(person)
        page.rate_button.click()
        page.paper_button.click()
        page.results_button.click()
    assert len(asked) == 6 and "These are Ana's own answers" in asked[0]
    assert window.stack.currentWidget() is page
    assert _answer_pages(window) == []  # none of them was even built

    # the history of changes is no back door: answers are masked
    _menu_action(window, "History of &changes…").trigger()
    dialog = window.dialog
    assert isinstance(dialog, ChangeHistoryDialog)
    shown = [dialog.table.item(r, 6).text() for r in range(dialog.table.rowCount())]
    answers = [c for c in dialog.rows if c.kind == "answer"]
    assert answers and all(c.new == change_history.HIDDEN for c in answers)
    assert "3" not in shown and "2" not in shown
    dialog.close()
    window.dialog = None

    # Ana sets a PIN (her own door: she confirms she is Ana)
    window.privacy.confirm = lambda *_a: True
    pins = iter(["1234"])
    window.privacy.ask_pin = lambda *_a: next(pins)
    page.select_person(ana)
    _menu_action(window, "Set &my PIN…").trigger()
    assert privacy.has_pin(window.conn, ana)
    stored = window.conn.execute("SELECT pin_hash FROM respondents WHERE id = ?", (ana,))
    assert "1234" not in stored.fetchone()[0]  # a salted hash, never the PIN
    # someone else claiming to be Ana without the PIN gets nothing
    window.privacy.ask_pin = lambda *_a: "9999"
    page.rate_button.click()
    assert told.take() == [
        "That PIN is not right. If it is forgotten, the facilitator can reset it."
    ]
    assert _answer_pages(window) == []
    # Ana with her PIN rates as herself
    window.privacy.ask_pin = lambda *_a: "1234"
    page.rate_button.click()
    assert window.stack.currentWidget() is window.walkthrough
    assert window.walkthrough.person is not None and window.walkthrough.person.id == ana
    window.open_round(round_id)

    # the facilitator resets the PIN (logged, never read), then opens the results early
    window.privacy.ask_name = lambda *_a: "Ben"
    _menu_action(window, "&Reset this person's PIN…").trigger()
    assert not privacy.has_pin(window.conn, ana)
    window.privacy.facilitator = None
    early: list[str] = []
    window.privacy.confirm = lambda _p, title, _t: early.append(title) or True
    window.privacy.ask_name = lambda *_a: "Fay (facilitator)"
    _menu_action(window, "&Open the results…").trigger()
    assert early == ["Open the results early?"]
    assert not privacy.results_closed(window.conn, round_id)
    assert window.round_page.privacy_note.isHidden()  # the round page was reloaded
    page.team_button.click()
    assert window.stack.currentWidget() is window.team_view
    log = change_history.changes(window.conn, round_id, kind="results")
    assert [(c.actor, c.field) for c in log] == [
        ("Ana", "set_pin"),
        ("Ben", "reset_pin"),
        ("Fay (facilitator)", "open_results"),
    ]
    # what the facilitator does next is recorded under the name chosen, not free text
    window.show_action_plan(round_id)
    priority = window.action_plan.add_priority("item", items[0].id)
    assert priority is not None
    window.show_meeting(round_id)
    assert window.meeting.actor == "Fay (facilitator)"
    plan = change_history.changes(window.conn, round_id, kind="plan")
    assert {c.actor for c in plan} == {"Fay (facilitator)"}


def test_an_existing_round_can_be_made_private_from_the_round_menu(
    window: MainWindow, told: Told
) -> None:
    """Round › Keep private until the meeting…: a round started before the rule (or without it)
    becomes private after a confirmation, logged with who did it; asked again, it says so."""
    add_agency(window, "Later Agency")
    round_id = start_round(window, "Autumn")  # not private
    assert not privacy.is_private(window.conn, round_id)
    asked: list[str] = []

    def agree(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    window.confirm = agree
    window.dialog = None
    action = _menu_action(window, "&Keep private until the meeting…")
    action.trigger()
    assert asked and "private until the meeting" in asked[0]
    assert privacy.is_private(window.conn, round_id)
    assert privacy.results_closed(window.conn, round_id)
    assert not window.round_page.privacy_note.isHidden()  # the page on screen says so at once
    kinds = [c.action for c in change_history.changes(window.conn, round_id)]
    assert "privacy" in kinds
    action.trigger()  # already private: said, nothing asked
    assert len(asked) == 1
    assert told.take() == ["This round is already private until the meeting."]
