"""Undoing mistakes in the window: Delete/Backspace clears an answer (rating screen and paper
mode), a person is withdrawn and reinstated, removed with their answers, a round deleted; each
destructive step makes the backup copy first, and Restore lists it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from app.core.errors import NotFoundError, StorageError
from app.db import changelog, responses, rounds
from app.services import backups
from app.ui.main_window import MainWindow
from app.ui.restore_dialog import RestoreDialog
from tests.gui.conftest import MakeWindow
from tests.gui.helpers import add_agency, add_person, start_round


def _team(window: MainWindow) -> tuple[int, int, int]:
    add_agency(window, "Undo Agency")
    round_id = start_round(window, "Spring 2027")
    ana = add_person(window, "Ana", "clinical_staff")
    jordan = add_person(window, "Jordan Kim", "administrator")
    return round_id, ana, jordan


def _answer(window: MainWindow, person: int, count: int, code: str = "3") -> None:
    items = (
        window.walkthrough.items
        or rounds.instrument_for(
            window.conn,
            rounds.get(window.conn, rounds.get_respondent(window.conn, person).round_id),
        ).items
    )
    for item in items[:count]:
        responses.save_answer(window.conn, person, item.id, code)


def _questions(window: MainWindow, answer: bool = True) -> list[str]:
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answer

    window.confirm = confirm
    return asked


def _errors(window: MainWindow) -> list[str]:
    told: list[str] = []
    window.inform = lambda _p, _t, text: told.append(text)
    return told


# ----- clearing an answer ------------------------------------------------------------------------


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace])
def test_delete_or_backspace_clears_the_answer_on_the_rating_screen(
    window: MainWindow, qtbot: QtBot, key: Qt.Key
) -> None:
    _round_id, ana, _ = _team(window)
    window.start_rating(ana)
    page = window.walkthrough
    item = page.item
    page.buttons[1].click()
    assert responses.choices_for_respondent(window.conn, ana) == {
        item.id: page.buttons[1].choice.code
    }
    done_before = page.domain_progress(item.domain_id)[0]

    qtbot.keyClick(page.buttons[1], key)

    assert responses.choices_for_respondent(window.conn, ana) == {}  # committed at once
    assert not any(b.isChecked() for b in page.buttons)
    assert page.saved_label.text().startswith("✓ Answer cleared · saved")
    assert page.domain_progress(item.domain_id)[0] == done_before - 1
    assert page.item.id == item.id  # Backspace is not "back" here
    entries = changelog.entries(window.conn)
    assert entries[-1]["action"] == "clear"
    window.show_home()
    overview = window.home.rounds.topLevelItem(0)
    assert overview is not None and overview.text(4) == "0 of 2"


def test_backspace_in_the_comment_box_edits_the_comment_only(
    window: MainWindow, qtbot: QtBot
) -> None:
    _round_id, ana, _ = _team(window)
    window.start_rating(ana)
    page = window.walkthrough
    page.choose(page.buttons[0].choice.code)
    page.comment.setPlainText("Typo!")
    page.comment.moveCursor(page.comment.textCursor().MoveOperation.End)
    qtbot.keyClick(page.comment, Qt.Key.Key_Backspace)
    assert page.comment.toPlainText() == "Typo"
    page.save_comment()
    stored = responses.answers_for_respondent(window.conn, ana)[page.item.id]
    assert (stored.choice, stored.comment) == (page.buttons[0].choice.code, "Typo")


def test_clearing_keeps_the_comment_and_a_closed_round_refuses(
    window: MainWindow, qtbot: QtBot
) -> None:
    round_id, ana, _ = _team(window)
    window.start_rating(ana)
    page = window.walkthrough
    item = page.item
    page.choose(page.buttons[0].choice.code)
    responses.save_answer(window.conn, ana, item.id, comment="Seen at the audit")
    page.load(ana)
    qtbot.keyClick(page.buttons[0], Qt.Key.Key_Delete)
    stored = responses.answers_for_respondent(window.conn, ana)[item.id]
    assert stored.choice is None and stored.comment == "Seen at the audit"
    assert page.comment.toPlainText() == "Seen at the audit"

    page.choose(page.buttons[2].choice.code)
    rounds.set_status(window.conn, round_id, "closed")
    page.load(ana)
    page.clear_answer()
    assert responses.choices_for_respondent(window.conn, ana) == {
        item.id: page.buttons[2].choice.code
    }


def test_delete_clears_a_row_in_paper_mode(window: MainWindow, qtbot: QtBot) -> None:
    _round_id, ana, _ = _team(window)
    window.start_paper(ana)
    paper = window.paper
    assert paper.enter(0, "4") and paper.enter(1, "2")
    paper.table.setCurrentCell(0, 1)
    paper.table.setFocus()
    qtbot.keyClick(paper.table, Qt.Key.Key_Delete)
    assert responses.choices_for_respondent(window.conn, ana) == {paper.items[1].id: "2"}
    assert paper.table.item(0, 1).text() == ""
    assert paper.status.text() == f"✓ Cleared item {paper.items[0].id} · saved"
    paper.table.setCurrentCell(1, 1)
    qtbot.keyClick(paper.table, Qt.Key.Key_Backspace)
    assert responses.choices_for_respondent(window.conn, ana) == {}
    # the key went to the grid, not into a new editor (AnyKeyPressed would open one)
    assert paper.table.state() != QAbstractItemView.State.EditingState
    assert paper.table.item(1, 1).text() == "" and paper.table.item(1, 3).text() == ""


# ----- withdraw and reinstate -------------------------------------------------------------------


def test_withdraw_and_reinstate_from_the_round_page(window: MainWindow) -> None:
    round_id, ana, jordan = _team(window)
    _answer(window, jordan, 5)
    asked = _questions(window)
    page = window.round_page
    assert not page.withdrawn_box.isVisibleTo(window)
    page.select_person(jordan)
    page.withdraw_button.click()

    assert asked and "Jordan Kim" in asked[0] and "5 answers are kept" in asked[0]
    assert [p.id for p in rounds.respondents(window.conn, round_id)] == [ana]
    assert page.team.rowCount() == 1
    assert page.withdrawn_box.isVisibleTo(window)
    assert page.withdrawn.count() == 1 and "Jordan Kim" in page.withdrawn.item(0).text()
    assert "5 answers kept" in page.withdrawn.item(0).text()

    page.reinstate_button.click()
    assert [p.id for p in rounds.respondents(window.conn, round_id)] == [ana, jordan]
    assert page.team.rowCount() == 2 and page.current_person() == jordan
    assert not page.withdrawn_box.isVisibleTo(window)


def test_the_export_dialog_says_who_is_left_out(window: MainWindow) -> None:
    from app.ui.export_dialog import ExportDialog

    round_id, _ana, jordan = _team(window)
    _answer(window, jordan, 2)
    rounds.withdraw_respondent(window.conn, jordan)
    dialog = ExportDialog(window, window.db_path, round_id, window.conn)
    text = dialog.contents.text()
    assert "the answers of 1 team member (0 answers)" in text
    assert "not included: 1 withdrawn team member " in text
    dialog.close()


def test_saying_no_withdraws_nobody(window: MainWindow) -> None:
    round_id, _ana, jordan = _team(window)
    _questions(window, answer=False)
    window.round_page.select_person(jordan)
    window.round_page.withdraw_button.click()
    assert len(rounds.respondents(window.conn, round_id)) == 2


# ----- remove a person with answers; delete a round ---------------------------------------------


def test_removing_a_person_with_answers_says_what_is_lost_and_copies_first(
    window: MainWindow,
) -> None:
    round_id, ana, jordan = _team(window)
    _answer(window, jordan, 17)
    asked = _questions(window)
    window.round_page.select_person(jordan)
    window.round_page.remove_button.click()
    assert asked[0].startswith(
        "Remove Jordan Kim and their 17 answers? This cannot be undone; a backup copy is made"
        " first."
    )
    assert [p.id for p in rounds.respondents(window.conn, round_id, include_withdrawn=True)] == [
        ana
    ]
    copies = [b for b in backups.list_backups(window.db_path) if b.reason]
    assert [(b.reason, b.subject, b.answers) for b in copies] == [
        ("remove-member", "Jordan Kim", 17)
    ]
    assert "backup copy was made first" in window.statusBar().currentMessage()


def test_deleting_a_round_from_home(window: MainWindow) -> None:
    round_id, _ana, jordan = _team(window)
    _answer(window, jordan, 4)
    asked = _questions(window)
    window.show_home()
    assert window.home.selected_round() == round_id
    window.home.delete_round_button.click()
    assert asked[0].startswith(
        "Delete the round Spring 2027 of Undo Agency? This deletes its 2 team members,"
        " 4 saved answers"
    )
    assert "a backup copy is made first" in asked[0]
    assert rounds.list_all(window.conn) == []
    assert window.home.rounds.topLevelItemCount() == 0
    assert window.settings.last_round is None
    assert [b.reason for b in backups.list_backups(window.db_path)] == ["delete-round"]


def test_deleting_a_round_from_its_page_and_restore_lists_the_copy(
    window: MainWindow, qtbot: QtBot
) -> None:
    round_id, _ana, _jordan = _team(window)
    _questions(window)
    window.round_page.delete_round_button.click()
    assert window.stack.currentWidget() is window.home
    dialog = RestoreDialog(window, window.db_path)
    qtbot.addWidget(dialog)
    kinds = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert kinds == ["before deleting the round “Spring 2027”"]
    assert dialog.table.item(0, 3).text() == "1"  # the copy still holds the round
    with pytest.raises(NotFoundError):
        rounds.get(window.conn, round_id)


def test_when_no_copy_can_be_made_nothing_is_deleted_and_the_user_is_told(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    round_id, _ana, jordan = _team(window)
    _answer(window, jordan, 3)
    _questions(window)
    told = _errors(window)

    def disk_full(_conn: object, target: Path) -> None:
        raise StorageError(f"Could not write the backup {target}: No space left on device.")

    monkeypatch.setattr(backups, "backup_to", disk_full)
    window.round_page.select_person(jordan)
    window.round_page.remove_button.click()
    window.round_page.delete_round_button.click()
    assert len(told) == 2
    assert all("nothing was deleted" in t and "No space left" in t for t in told)
    assert len(rounds.respondents(window.conn, round_id)) == 2
    assert rounds.answer_count(window.conn, jordan) == 3
    assert window.stack.currentWidget() is window.round_page


def test_saying_no_deletes_nothing(window: MainWindow, make_window: MakeWindow) -> None:
    round_id, _ana, _ = _team(window)
    _questions(window, answer=False)
    window.round_page.delete_round_button.click()
    assert rounds.get(window.conn, round_id).name == "Spring 2027"
    assert backups.list_backups(window.db_path) == []
