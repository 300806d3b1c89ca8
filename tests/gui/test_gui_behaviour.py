"""The walkthrough's promises: Saved means committed, failures say so, privacy between raters,
confirmations that name what goes, settings that stick."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db import organizations, responses, rounds
from app.db.connection import open_database
from app.ui import crash
from app.ui.main_window import MainWindow
from app.ui.settings import AppSettings
from app.ui.style import apply_text_size
from tests.gui.conftest import MakeWindow
from tests.gui.helpers import add_agency, add_person, start_round

REPO = Path(__file__).resolve().parents[2]


def _rating(window: MainWindow) -> tuple[int, int]:
    add_agency(window, "Agency")
    round_id = start_round(window, "R1")
    person = add_person(window, "Eve", "support_staff")
    window.round_page.rate_button.click()
    return round_id, person


def test_a_failed_save_is_not_shown_as_saved(window: MainWindow) -> None:
    _round_id, person = _rating(window)
    page = window.walkthrough
    assert page.choose("3")
    window.conn.execute("PRAGMA query_only = ON")  # as a read-only folder or full disk would
    try:
        assert not page.choose("1")
    finally:
        window.conn.execute("PRAGMA query_only = OFF")
    assert "Not saved" in page.saved_label.text()
    assert [b.choice.code for b in page.buttons if b.isChecked()] == ["3"]
    assert responses.choices_for_respondent(window.conn, person) == {"1.1.1": "3"}


def test_comment_is_committed_on_pause_and_on_leaving(window: MainWindow, qtbot: QtBot) -> None:
    _round_id, person = _rating(window)
    page = window.walkthrough
    page.comment.setPlainText('We do this with <new> clients & "families" 🙂')
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("✓ Saved"), timeout=3000)
    stored = responses.answers_for_respondent(window.conn, person)["1.1.1"]
    assert stored.comment == 'We do this with <new> clients & "families" 🙂'
    assert stored.choice is None
    page.go(1)
    page.comment.setPlainText("typed, then straight to the next item")
    page.go(2)  # leaving the item commits at once, without waiting for the pause
    assert responses.answers_for_respondent(window.conn, person)["1.1.2"].comment.startswith(
        "typed"
    )


def test_each_person_sees_only_their_own_answers(window: MainWindow) -> None:
    round_id, _eve = _rating(window)
    window.walkthrough.choose("4")
    window.walkthrough.leave_button.click()
    fay = add_person(window, "Fay", "administrator")
    window.round_page.select_person(fay)
    window.round_page.rate_button.click()
    assert window.walkthrough.person is not None and window.walkthrough.person.id == fay
    assert not any(b.isChecked() for b in window.walkthrough.buttons)
    assert window.walkthrough.domain_progress("1.1")[0] == 0
    assert rounds.get(window.conn, round_id).id == round_id


def test_navigator_shows_progress_and_jumps_to_the_first_unanswered(window: MainWindow) -> None:
    _rating(window)
    page = window.walkthrough
    for _ in range(5):  # domain 1.1 has five items
        page.choose("2")
        page.go(page.index + 1)
    node = page._domain_nodes["1.1"]
    assert "✓" in node.text(1)
    assert page._domain_nodes["1.2"].text(1) == "0/5"
    page._navigate(page._domain_nodes["1.1"])
    assert page.item.id == "1.1.1"  # complete domain: its first item
    page._navigate(page._domain_nodes["1.3"])
    assert page.item.id == "1.3.1"
    page.go_next_unanswered()
    assert page.item.id == "1.3.2"


def test_examples_fold_open_with_one_key(window: MainWindow, qtbot: QtBot) -> None:
    _rating(window)
    page = window.walkthrough
    assert not page.examples.isVisibleTo(page)
    qtbot.keyClick(page.buttons[0], Qt.Key.Key_E)
    assert page.examples.isVisibleTo(page)
    assert page.examples.text().startswith("• ")


def test_a_closed_round_cannot_be_edited(window: MainWindow) -> None:
    round_id, person = _rating(window)
    window.walkthrough.choose("2")
    rounds.set_status(window.conn, round_id, "closed")
    window.open_round(round_id)
    assert not window.round_page.rate_button.isEnabled()
    window.start_rating(person)
    assert all(not b.isEnabled() for b in window.walkthrough.buttons)
    assert not window.walkthrough.choose("4")
    assert responses.choices_for_respondent(window.conn, person) == {"1.1.1": "2"}


def test_deleting_an_agency_names_what_goes_and_can_be_declined(window: MainWindow) -> None:
    _round_id, _person = _rating(window)
    window.walkthrough.choose("2")
    asked: list[str] = []
    window.confirm = lambda _p, _t, text: asked.append(text) or False
    window.show_home()
    org_id = window.home.current_agency()
    assert org_id is not None
    window.home.delete_agency_button.click()
    assert "its 1 round, " in asked[0] and "1 saved answer." in asked[0]
    assert organizations.list_all(window.conn)  # declined: still there
    window.confirm = lambda *_a: True
    window.home.delete_agency_button.click()
    assert organizations.list_all(window.conn) == []


def test_removing_someone_with_answers_says_so_and_can_be_declined(window: MainWindow) -> None:
    """Issue 14: a person with answers can be removed, but only after a confirmation that names
    what is lost (tests/gui/test_undo_gui.py covers the backup copy made first)."""
    round_id, person = _rating(window)
    window.walkthrough.choose("1")
    asked: list[str] = []
    window.confirm = lambda _p, _t, text: asked.append(text) or False
    window.open_round(round_id, person)
    window.round_page.remove_button.click()
    assert "and their 1 answer? This cannot be undone" in asked[0]
    assert [p.id for p in rounds.respondents(window.conn, round_id)] == [person]
    window.confirm = lambda *_a: True
    window.round_page.remove_button.click()
    assert rounds.respondents(window.conn, round_id) == []


def test_text_size_applies_at_once_and_is_remembered(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.open_settings()
    dialog = window.dialog
    assert dialog is not None
    combo = dialog.text_size  # type: ignore[attr-defined]
    combo.setCurrentIndex(combo.findData("large"))
    assert app.font().pointSize() == 15
    assert AppSettings().text_size == "large"
    window.step_text_size(-1)
    assert app.font().pointSize() == 12 and AppSettings().text_size == "medium"
    apply_text_size("medium")


def test_window_reopens_on_the_last_round(make_window: MakeWindow) -> None:
    window = make_window()
    round_id, _ = _rating(window)
    window.close()
    again = make_window()
    assert again.current_round == round_id
    assert again.stack.currentWidget() is again.round_page


def test_about_names_instruments_attribution_and_data_file(window: MainWindow) -> None:
    text = window.about_text()
    assert str(window.db_path) in text
    assert "SAMHSA-HRSA" in text


def test_crash_report_holds_the_traceback() -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        report = crash.report_text(type(exc), exc, exc.__traceback__)
    assert "RuntimeError: boom" in report and "Traceback" in report


def test_smsoat_db_starts_the_gui_on_that_file(tmp_path: Path) -> None:
    db = tmp_path / "agency.sqlite3"
    open_database(db).close()  # a missing --db file is created only after asking (test_launch)
    env = dict(os.environ, SMSOAT_DATA_DIR=str(tmp_path / "data"), SMSOAT_SMOKE_EXIT_MS="200")
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "data" / "smsoat.sqlite3").exists()  # the usual file was not used
    assert list((tmp_path / "backups").glob("auto-*.sqlite3"))  # the copy made on close


def test_restore_from_backup_lists_copies_and_keeps_the_current_file(window: MainWindow) -> None:
    from app.services import backups

    add_agency(window, "Kept agency")
    start_round(window, "R1")
    backups.make_backup(window.conn, window.db_path)
    window.show_home()
    window.home.delete_agency_button.click()  # confirm answers yes in tests
    assert organizations.list_all(window.conn) == []
    window.open_restore()
    dialog = window.dialog
    assert dialog is not None
    assert dialog.table.rowCount() >= 1  # type: ignore[attr-defined]
    assert dialog.table.item(0, 2).text() == "1"  # type: ignore[attr-defined]
    dialog.restore_button.click()  # type: ignore[attr-defined]
    assert [o.name for o in organizations.list_all(window.conn)] == ["Kept agency"]
    assert window.home.agencies.count() == 1
    assert list(backups.backups_folder(window.db_path).glob("replaced-*"))


def test_home_lists_rounds_newest_first_and_opens_one_with_enter_or_a_double_click(
    window: MainWindow, qtbot: QtBot
) -> None:
    add_agency(window, "Agency")
    first = start_round(window, "R1")
    second = start_round(window, "R2")
    window.show_home()
    home = window.home
    assert home.rounds.topLevelItemCount() == 2
    assert [home.rounds.topLevelItem(i).text(0) for i in range(2)] == ["R2", "R1"]
    assert home.selected_round() == second
    assert home.rounds.topLevelItem(0).text(4) == "0 of 0"
    opened: list[int] = []
    home.open_round.connect(opened.append)
    home.rounds.setCurrentItem(home.rounds.topLevelItem(1))
    home.rounds.setFocus()
    qtbot.keyClick(home.rounds, Qt.Key.Key_Return)
    assert opened == [first]
    assert window.stack.currentWidget() is window.round_page
    window.show_home()
    qtbot.waitUntil(lambda: home.rounds.isVisible())
    rect = home.rounds.visualItemRect(home.rounds.topLevelItem(0))
    # a double click as the system delivers it: press and release, then the double click
    qtbot.mouseClick(home.rounds.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(home.rounds.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [first, second]  # once per double click
    assert window.stack.currentWidget() is window.round_page
    home = window.home
    window.show_home()
    assert home.rounds.topLevelItem(0).toolTip(1) == home.rounds.topLevelItem(0).text(1) != ""
    assert home.agencies.item(0).toolTip() == "Agency"


def test_a_long_agency_name_wraps_instead_of_scrolling_out_of_sight(
    window: MainWindow, qtbot: QtBot
) -> None:
    name = "Riverbend Community Health and Recovery Services of the Upper Valley"
    add_agency(window, "Ash")
    add_agency(window, name)
    window.show_home()
    agencies = window.home.agencies
    qtbot.waitUntil(agencies.isVisible)
    short, long = agencies.item(0), agencies.item(1)
    assert (short.text(), long.text()) == ("Ash", name)
    assert agencies.horizontalScrollBar().maximum() == 0
    long_rect = agencies.visualItemRect(long)
    assert long_rect.right() <= agencies.viewport().width()
    assert long_rect.height() >= 2 * agencies.visualItemRect(short).height() - 4  # two lines
