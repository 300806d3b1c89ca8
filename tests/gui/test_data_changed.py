"""Issue 18: one "data changed" signal. A write that other pages show emits
`MainWindow.data_changed`, and one slot makes the page on screen read the data again (home,
the coordinator view, a round's page), keeping its selection; pages not on screen read on entry."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.services import agency_records, round_people
from app.ui.main_window import MainWindow
from tests.gui.helpers import add_agency, add_person, start_round


def _agency_names(window: MainWindow) -> list[str]:
    return [window.home.agencies.item(row).text() for row in range(window.home.agencies.count())]


def _team_names(window: MainWindow) -> list[str]:
    table = window.round_page.team
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def test_the_signal_refreshes_home_and_keeps_its_selection(window: MainWindow) -> None:
    first = add_agency(window, "Alder Clinic")
    add_agency(window, "Birch Clinic")
    window.home.select_agency(first)
    agency_records.create(window.conn, "Cedar Clinic")  # written behind the window's back
    assert "Cedar Clinic" not in _agency_names(window)
    window.data_changed.emit()
    assert "Cedar Clinic" in _agency_names(window)
    assert window.home.current_agency() == first


def test_the_signal_reloads_the_round_page_on_screen(window: MainWindow) -> None:
    add_agency(window, "Agency")
    round_id = start_round(window, "R1")
    ana = add_person(window, "Ana", "support_staff")
    round_people.add_respondent(window.conn, round_id, "Ben", "support_staff")
    assert _team_names(window) == ["Ana"]
    window.round_page.select_person(ana)
    window.data_changed.emit()
    assert sorted(_team_names(window)) == ["Ana", "Ben"]
    assert window.round_page.current_person() == ana


def test_the_signal_reloads_the_coordinator_view_on_screen(window: MainWindow) -> None:
    window.show_coordinator()
    page = window.coordinator
    loads: list[int] = []
    original = page.load
    page.load = lambda: (loads.append(1), original())[1]  # type: ignore[method-assign]
    window.data_changed.emit()
    assert loads == [1]
    window.show_home()  # off screen: the coordinator view is not read again
    window.data_changed.emit()
    assert loads == [1]


def test_a_page_off_screen_is_not_read_again(window: MainWindow) -> None:
    add_agency(window, "Agency")
    start_round(window, "R1")
    refreshed: list[int] = []
    window.home.refresh = lambda select_agency=None: refreshed.append(1)  # type: ignore[method-assign]
    window.data_changed.emit()  # the round page is on screen
    assert refreshed == []


def test_withdrawing_a_member_refreshes_through_the_signal(
    window: MainWindow, qtbot: QtBot
) -> None:
    add_agency(window, "Agency")
    start_round(window, "R1")
    ana = add_person(window, "Ana", "support_staff")
    add_person(window, "Ben", "support_staff")
    with qtbot.waitSignal(window.data_changed, timeout=1000):
        window.withdraw_person(ana)
    assert _team_names(window) == ["Ben"]
    with qtbot.waitSignal(window.data_changed, timeout=1000):
        window.reinstate_person(ana)
    assert sorted(_team_names(window)) == ["Ana", "Ben"]
    assert window.round_page.current_person() == ana  # the member just reinstated


def test_agency_writes_emit_the_signal(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.data_changed, timeout=1000):
        org = add_agency(window, "Alder Clinic")
    assert window.home.current_agency() == org  # the new agency is selected
    with qtbot.waitSignal(window.data_changed, timeout=1000):
        window.delete_agency(org)
    assert "Alder Clinic" not in _agency_names(window)


def test_the_demo_and_a_new_round_emit_the_signal(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.data_changed, timeout=1000):
        window.create_demo()
    demo = window.home.current_agency()
    assert demo is not None and _agency_names(window)
    with qtbot.waitSignal(window.data_changed, timeout=1000):
        start_round(window, "Next round")
    assert window.stack.currentWidget() is window.round_page
