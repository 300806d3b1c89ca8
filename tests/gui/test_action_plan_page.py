"""The action plan screen: what is typed through its widgets is stored at once, survives reopening
the file and carries into the next round; a closed round and a failed save store nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from app.core.instrument import Instrument
from app.core.models import Priority
from app.db import action_plans, rounds
from app.db.connection import open_database
from app.services.catalog import default_catalog
from app.services.demo import create_demo
from app.ui.action_plan_page import ActionPlanPage, ScopeDialog
from app.ui.pdsa_editor import PdsaEditor
from tests.helpers import make_round

MakePage = Callable[..., ActionPlanPage]
HOSTILE = "<b>bold</b> &amp; “quotes” 🙂 \u202e" + "x" * 5000 + " end"


@pytest.fixture
def instrument() -> Instrument:
    return default_catalog().get("sms-oat-bh")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "x.sqlite3"


@pytest.fixture
def connect(db_path: Path) -> Iterator[Callable[[], sqlite3.Connection]]:
    """Fresh connections to the one data file, as a restarted app would open it."""
    opened: list[sqlite3.Connection] = []

    def make() -> sqlite3.Connection:
        conn = open_database(db_path)
        opened.append(conn)
        return conn

    yield make
    for conn in opened:
        conn.close()


@pytest.fixture
def conn(connect: Callable[[], sqlite3.Connection]) -> sqlite3.Connection:
    return connect()


@pytest.fixture
def make_page(qtbot: QtBot, connect: Callable[[], sqlite3.Connection]) -> Iterator[MakePage]:
    """Pages are closed before their connections (closing one commits what is pending)."""
    pages: list[ActionPlanPage] = []

    def make(conn: sqlite3.Connection, round_id: int, lang: str = "en") -> ActionPlanPage:
        page = ActionPlanPage(conn, lang)
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.load(round_id)
        page.show()
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.close()


@pytest.fixture
def demo_round(conn: sqlite3.Connection, instrument: Instrument) -> int:
    return create_demo(conn, instrument, today=date(2026, 4, 15)).round.id


def stored(conn: sqlite3.Connection, round_id: int) -> list[Priority]:
    return action_plans.priorities_for_round(conn, round_id)


def cell(page: ActionPlanPage, row: int, col: int) -> str:
    item = page.table.item(row, col)
    assert item is not None
    return item.text()


def plan_box(editor: PdsaEditor, key: str) -> QPlainTextEdit:
    edit = editor.plan_edits[key]
    assert isinstance(edit, QPlainTextEdit)
    return edit


def plan_line(editor: PdsaEditor, key: str) -> QLineEdit:
    edit = editor.plan_edits[key]
    assert isinstance(edit, QLineEdit)
    return edit


def saved(page: ActionPlanPage) -> bool:
    return page.saved_label.text().startswith("✓ Saved")


def test_plan_typed_through_the_widgets_comes_back_after_reopening(
    qtbot: QtBot,
    conn: sqlite3.Connection,
    connect: Callable[[], sqlite3.Connection],
    make_page: MakePage,
    demo_round: int,
    instrument: Instrument,
) -> None:
    page = make_page(conn, demo_round)
    assert page.suggestion_list.count() > 0
    first = page.suggestions[0]
    assert first.reason == "lowest_domain"
    assert "among the lowest-scoring domains" in page.suggestion_list.item(0).text()

    # one priority from a suggestion, by keyboard: Enter on the entry
    page.suggestion_list.setFocus()
    page.suggestion_list.setCurrentRow(0)
    qtbot.keyClick(page.suggestion_list, Qt.Key.Key_Return)
    assert [(p.scope_kind, p.scope_id) for p in stored(conn, demo_round)] == [
        (first.scope_kind, first.scope_id)
    ]
    assert page.suggestion_list.item(0).text().startswith("✓")
    # one through Add priority… for a domain
    other = next(d.id for d in instrument.domains if d.id != first.scope_id)
    page.add_button.click()
    dialog = page.dialog
    assert isinstance(dialog, ScopeDialog)
    dialog.select("domain", other)
    dialog.accept()
    p1, p2 = stored(conn, demo_round)
    assert (p2.scope_kind, p2.scope_id, p2.status) == ("domain", other, "planned")
    assert page.current_priority() == p2
    domain = instrument.domain(other)
    assert domain is not None
    domain_title = domain.title.get("en")
    assert cell(page, 1, 0) == f"Domain {other} {domain_title}"

    editor = page.editor
    editor.goal.setPlainText("By 30 September, 8 of 10 clients leave with a written plan.")
    qtbot.waitUntil(lambda: stored(conn, demo_round)[1].goal.startswith("By 30"), timeout=3000)
    assert saved(page)
    qtbot.keyClicks(editor.owner, "Dana")
    qtbot.keyClick(editor.owner, Qt.Key.Key_Return)
    assert stored(conn, demo_round)[1].owner == "Dana"
    editor.start.check.setChecked(True)
    editor.start.edit.setDate(QDate(2026, 5, 1))
    editor.due.check.setChecked(True)
    editor.due.edit.setDate(QDate(2026, 9, 30))
    editor.status.setCurrentIndex(editor.status.findData("in_progress"))
    editor.measure_how.setPlainText("Chart audit of 20 records")
    editor.measure_who.setText("QI lead")
    editor.measure_frequency.setText("Monthly")
    # an improvement idea from the instrument, copied into the goal
    ideas = domain.suggestions
    assert editor.ideas.count() == len(ideas) > 0
    editor.ideas.setCurrentRow(0)
    editor.copy_button.click()
    # choosing the other priority commits what was still pending
    page.select_priority(p1.id)
    assert editor.priority is not None and editor.priority.id == p1.id
    after = stored(conn, demo_round)[1]
    assert after.start_date == date(2026, 5, 1) and after.due_date == date(2026, 9, 30)
    assert after.status == "in_progress"
    assert (after.measure_how, after.measure_who, after.measure_frequency) == (
        "Chart audit of 20 records",
        "QI lead",
        "Monthly",
    )
    assert after.goal.endswith("\n" + ideas[0].get("en"))
    assert cell(page, 1, 4) == "In progress"
    assert cell(page, 1, 2) == "Dana"

    # two PDSA cycles on the first priority
    pdsa = page.pdsa
    pdsa.add_button.click()
    pdsa.add_button.click()
    assert [c.position for c in action_plans.cycles_for_priority(conn, p1.id)] == [1, 2]
    pdsa.cycle_list.setCurrentRow(0)
    plan_box(pdsa, "what").setPlainText("A one-page action plan form")
    for key, text in (
        ("who", "Team A"),
        ("when", "May"),
        ("where", "Main clinic"),
        ("data", "Forms completed"),
        ("collector", "Front desk"),
    ):
        edit = pdsa.plan_edits[key]
        assert isinstance(edit, QLineEdit)
        edit.setText(text)
    plan_box(pdsa, "prediction").setPlainText("Half of visits end with a plan")
    pdsa.do_notes.setPlainText("Used in 14 visits")
    pdsa.study_notes.setPlainText("Fewer than predicted")
    pdsa.act.setCurrentIndex(pdsa.act.findData("adapt"))
    pdsa.act_notes.setPlainText("Shorter form next")
    pdsa.cycle_list.setCurrentRow(1)  # moving on commits the first cycle's text
    plan_box(pdsa, "what").setPlainText("The shorter form")
    pdsa.act.setCurrentIndex(pdsa.act.findData("adopt"))
    assert page.save_pending()
    assert pdsa.cycle_list.item(0).text() == "Cycle 1: A one-page action plan form · Adapt"

    # a fresh page on a fresh connection to the same file
    page.close()
    again = make_page(connect(), demo_round)
    assert [p.id for p in again.priorities] == [p1.id, p2.id]
    again.select_priority(p2.id)
    e = again.editor
    assert e.goal.toPlainText().startswith("By 30 September")
    assert e.owner.text() == "Dana"
    assert e.start.value() == date(2026, 5, 1) and e.due.value() == date(2026, 9, 30)
    assert e.status.currentData() == "in_progress"
    assert e.measure_how.toPlainText() == "Chart audit of 20 records"
    assert (e.measure_who.text(), e.measure_frequency.text()) == ("QI lead", "Monthly")
    assert again.pdsa.cycle_list.count() == 0
    again.select_priority(p1.id)
    assert again.pdsa.cycle_list.count() == 2
    card = again.pdsa
    assert plan_box(card, "what").toPlainText() == "A one-page action plan form"
    assert plan_line(card, "who").text() == "Team A"
    assert plan_line(card, "collector").text() == "Front desk"
    assert card.do_notes.toPlainText() == "Used in 14 visits"
    assert card.study_notes.toPlainText() == "Fewer than predicted"
    assert card.act.currentData() == "adapt"
    assert card.act_notes.toPlainText() == "Shorter form next"
    card.cycle_list.setCurrentRow(1)
    assert plan_box(card, "what").toPlainText() == "The shorter form"
    assert card.act.currentData() == "adopt"
    first_cycle = action_plans.cycles_for_priority(conn, p1.id)[0]
    assert first_cycle.plan == {
        "what": "A one-page action plan form",
        "who": "Team A",
        "when": "May",
        "where": "Main clinic",
        "prediction": "Half of visits end with a plan",
        "data": "Forms completed",
        "collector": "Front desk",
    }


def test_unfinished_priorities_carry_into_the_next_round(
    conn: sqlite3.Connection, make_page: MakePage, demo_round: int, instrument: Instrument
) -> None:
    page = make_page(conn, demo_round)
    unfinished = page.add_priority("domain", "1.3")
    finished = page.add_priority("item", "1.1.2")
    assert unfinished is not None and finished is not None
    page.select_priority(finished.id)
    page.editor.status.setCurrentIndex(page.editor.status.findData("done"))
    page.select_priority(unfinished.id)
    page.editor.goal.setPlainText("Start a peer-led skills group")
    assert page.save_pending()

    old = rounds.get(conn, demo_round)
    end = old.period_end + timedelta(days=180)
    new = rounds.create(
        conn, old.organization_id, instrument, "Next", old.period_end + timedelta(days=1), end
    )
    action_plans.carry_forward(conn, demo_round, new.id)
    page.load(new.id)
    assert len(page.priorities) == 1
    carried = page.priorities[0]
    assert carried.carried_from_uuid == unfinished.uuid
    assert cell(page, 0, 0).startswith("↪ Domain 1.3")
    assert "carried from the previous round" in cell(page, 0, 0)
    assert not page.editor.carried_label.isHidden()
    assert page.editor.goal.toPlainText() == "Start a peer-led skills group"
    # the old round's own priorities are not marked as carried
    page.load(demo_round)
    assert page.editor.carried_label.isHidden()
    assert "carried" not in cell(page, 0, 0)


def test_a_closed_round_is_read_only_and_stores_nothing(
    qtbot: QtBot, conn: sqlite3.Connection, make_page: MakePage, demo_round: int
) -> None:
    priority = action_plans.create_priority(conn, demo_round, "domain", "1.2", goal="Agreed")
    action_plans.add_cycle(conn, priority.id, plan={"what": "A form"})
    rounds.set_status(conn, demo_round, "closed")
    before = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    page = make_page(conn, demo_round)
    assert not page.closed_label.isHidden()
    assert "closed" in page.closed_label.text()
    for button in (page.add_button, page.delete_button, page.add_suggestion_button):
        assert not button.isEnabled()
    e, card = page.editor, page.pdsa
    for text in (e.goal, e.owner, e.measure_how, e.measure_who, e.measure_frequency):
        assert text.isReadOnly()
    for widget in (e.status, e.start.check, e.due.check, e.copy_button, card.add_button, card.act):
        assert not widget.isEnabled()
    assert all(edit.isReadOnly() for edit in card.plan_edits.values())
    assert plan_box(card, "what").toPlainText() == "A form"

    # whatever reaches the widgets anyway is not stored
    e.goal.setPlainText("changed")
    e.status.setCurrentIndex(e.status.findData("dropped"))
    card.do_notes.setPlainText("changed")
    qtbot.wait(900)
    assert page.save_pending()
    assert page.add_priority("domain", "1.1") is None
    page.add_suggestion(page.suggestion_list.item(0))
    page.confirm = lambda *_a: True
    assert not page.delete_current()
    assert card.add_cycle() is None
    assert [(p.goal, p.status) for p in stored(conn, demo_round)] == [("Agreed", "planned")]
    assert action_plans.cycles_for_priority(conn, priority.id)[0].do_notes == ""
    assert conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before


def test_a_failed_save_says_so_stores_nothing_and_keeps_the_text(
    conn: sqlite3.Connection, make_page: MakePage, demo_round: int
) -> None:
    page = make_page(conn, demo_round)
    p1 = page.add_priority("domain", "1.1")
    p2 = page.add_priority("domain", "1.4")
    assert p1 is not None and p2 is not None
    e = page.editor
    conn.execute("PRAGMA query_only = ON")  # as a read-only folder or a full disk would
    try:
        e.goal.setPlainText("Typed while the disk was full")
        assert not page.save_pending()
        assert page.saved_label.text().startswith("✗ Not saved")
        e.status.setCurrentIndex(e.status.findData("done"))
        assert "Not saved" in page.saved_label.text()
        # the page stays on the priority whose text is not stored yet
        page.select_priority(p1.id)
        assert e.priority is not None and e.priority.id == p2.id
        assert page.add_priority("item", "2.1") is None
        assert page.pdsa.add_cycle() is None
        assert "Not saved" in page.saved_label.text()
    finally:
        conn.execute("PRAGMA query_only = OFF")
    assert [(p.goal, p.status) for p in stored(conn, demo_round)] == [
        ("", "planned"),
        ("", "planned"),
    ]
    assert action_plans.cycles_for_priority(conn, p2.id) == []
    # once writing works again, nothing that was typed is lost
    assert page.save_pending()
    assert saved(page)
    assert (stored(conn, demo_round)[1].goal, stored(conn, demo_round)[1].status) == (
        "Typed while the disk was full",
        "done",
    )


def test_due_date_before_start_is_refused_until_fixed(
    conn: sqlite3.Connection, make_page: MakePage, demo_round: int
) -> None:
    page = make_page(conn, demo_round)
    priority = page.add_priority("domain", "2")
    assert priority is not None
    e = page.editor
    e.start.check.setChecked(True)
    e.start.edit.setDate(QDate(2026, 6, 1))
    e.due.check.setChecked(True)  # offers a day not before the start
    assert saved(page) and e.due.value() == max(date.today(), date(2026, 6, 1))
    e.due.edit.setDate(QDate(2026, 5, 1))
    assert "due date is before the start date" in page.saved_label.text()
    assert stored(conn, demo_round)[0].due_date != date(2026, 5, 1)
    e.due.edit.setDate(QDate(2026, 7, 1))
    assert saved(page)
    after = stored(conn, demo_round)[0]
    assert (after.start_date, after.due_date) == (date(2026, 6, 1), date(2026, 7, 1))
    e.start.check.setChecked(False)  # "no date"
    assert stored(conn, demo_round)[0].start_date is None
    assert e.start.edit.text() == "no date"


def test_hostile_text_round_trips(
    conn: sqlite3.Connection,
    connect: Callable[[], sqlite3.Connection],
    make_page: MakePage,
    demo_round: int,
) -> None:
    page = make_page(conn, demo_round)
    priority = page.add_priority("item", "1.1.1")
    assert priority is not None
    page.editor.goal.setPlainText(HOSTILE)
    page.editor.owner.setText("<i>O'Brien</i> &amp; Ñúñez 👩🏽‍⚕️")
    page.editor.measure_how.setPlainText("a\nb\n<script>")
    page.pdsa.add_cycle()
    plan_box(page.pdsa, "what").setPlainText(HOSTILE)
    page.pdsa.act_notes.setPlainText("&lt;&gt; 🙂")
    page.hide()  # leaving the page commits, without waiting for the pause
    fresh = connect()
    p = stored(fresh, demo_round)[0]
    assert p.goal == HOSTILE
    assert p.owner == "<i>O'Brien</i> &amp; Ñúñez 👩🏽‍⚕️"
    assert p.measure_how == "a\nb\n<script>"
    cycle = action_plans.cycles_for_priority(fresh, priority.id)[0]
    assert cycle.plan["what"] == HOSTILE and cycle.act_notes == "&lt;&gt; 🙂"
    again = make_page(fresh, demo_round)
    assert again.editor.goal.toPlainText() == HOSTILE
    assert cell(again, 0, 1).startswith("<b>bold</b> &amp;")
    assert plan_box(again.pdsa, "what").toPlainText() == HOSTILE


def test_delete_asks_first_and_takes_the_cycles_with_it(
    conn: sqlite3.Connection, make_page: MakePage, demo_round: int
) -> None:
    page = make_page(conn, demo_round)
    keep = page.add_priority("domain", "1.1")
    gone = page.add_priority("domain", "1.5")
    assert keep is not None and gone is not None
    page.pdsa.add_cycle()
    asked: list[str] = []

    def no(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return False

    page.confirm = no
    assert not page.delete_current()
    assert "Domain 1.5" in asked[0] and "1 PDSA cycle" in asked[0]
    assert len(stored(conn, demo_round)) == 2
    page.confirm = lambda *_a: True
    assert page.delete_current()
    assert [p.id for p in stored(conn, demo_round)] == [keep.id]
    assert conn.execute("SELECT count(*) FROM pdsa_cycles").fetchone()[0] == 0
    current = page.current_priority()
    assert current is not None and current.id == keep.id


def test_a_suggestion_already_planned_is_selected_not_duplicated(
    conn: sqlite3.Connection, make_page: MakePage, demo_round: int
) -> None:
    page = make_page(conn, demo_round)
    first = page.add_suggestion(page.suggestion_list.item(0))
    page.add_priority("domain", "2")
    again = page.add_suggestion(page.suggestion_list.item(0))
    assert first is not None and again is not None and again.id == first.id
    assert page.current_priority() == first
    assert len(stored(conn, demo_round)) == 2


def test_without_answers_there_are_no_suggestions_and_the_editor_waits(
    conn: sqlite3.Connection, make_page: MakePage, instrument: Instrument
) -> None:
    rnd, _team = make_round(conn, instrument)
    page = make_page(conn, rnd.id)
    assert page.suggestion_list.count() == 0
    assert "No suggestions yet" in page.suggestion_hint.text()
    assert page.details.isHidden() and not page.empty_hint.isHidden()
    assert not page.delete_button.isEnabled() and page.add_button.isEnabled()
    assert page.save_pending()


def test_the_page_speaks_the_instruments_language(
    conn: sqlite3.Connection, make_page: MakePage, demo_round: int, instrument: Instrument
) -> None:
    action_plans.create_priority(conn, demo_round, "item", "1.1.1")
    page = make_page(conn, demo_round, lang="es")
    item, domain = instrument.item("1.1.1"), instrument.domain("1.1")
    assert item is not None and domain is not None
    prompt = item.prompt.get("es")
    assert cell(page, 0, 0) == f"Item 1.1.1 {prompt}"
    first_idea = page.editor.ideas.item(0)
    assert first_idea is not None and first_idea.text() == domain.suggestions[0].get("es")


def test_back_commits_and_names_the_round(
    qtbot: QtBot, conn: sqlite3.Connection, make_page: MakePage, demo_round: int
) -> None:
    page = make_page(conn, demo_round)
    page.add_priority("domain", "1.1")
    page.editor.measure_who.setText("typed, then straight back")
    with qtbot.waitSignal(page.back) as signal:
        page.back_button.click()
    assert signal.args == [demo_round]
    assert stored(conn, demo_round)[0].measure_who == "typed, then straight back"


def test_text_is_committed_when_the_focus_leaves_it(
    qtbot: QtBot, conn: sqlite3.Connection, make_page: MakePage, demo_round: int
) -> None:
    page = make_page(conn, demo_round)
    page.add_priority("domain", "1.1")
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.editor.goal.setFocus()
    qtbot.keyClicks(page.editor.goal, "Typed")
    assert stored(conn, demo_round)[0].goal == ""  # still within the pause
    page.editor.owner.setFocus()
    assert stored(conn, demo_round)[0].goal == "Typed"
    assert saved(page)


def test_every_control_has_an_accessible_name(
    conn: sqlite3.Connection, make_page: MakePage, demo_round: int
) -> None:
    page = make_page(conn, demo_round)
    page.add_priority("domain", "1.1")
    page.pdsa.add_cycle()
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QCheckBox, QListWidget, QTableWidget)
    unnamed = [
        w
        for kind in kinds
        for w in page.findChildren(kind)
        if not w.accessibleName() and not isinstance(w.parent(), QAbstractSpinBox)
    ]
    unnamed += [
        b
        for b in page.findChildren(QAbstractButton)
        if not b.accessibleName() + b.text() and not b.objectName().startswith("qt_")
    ]
    assert unnamed == []


def test_carried_priority_shows_earlier_cycles_read_only(
    qtbot: QtBot,
    conn: sqlite3.Connection,
    make_page: MakePage,
    demo_round: int,
    instrument: Instrument,
) -> None:
    first = action_plans.create_priority(conn, demo_round, "domain", "1.2", goal="Plans")
    cycle = action_plans.add_cycle(conn, first.id, plan={"what": "A one-page form"})
    action_plans.update_cycle(conn, cycle.id, act="adapt")
    old = rounds.get(conn, demo_round)
    new = rounds.create(
        conn,
        old.organization_id,
        instrument,
        "Next",
        old.period_end + timedelta(days=1),
        old.period_end + timedelta(days=180),
    )
    action_plans.carry_forward(conn, demo_round, new.id)
    page = make_page(conn, new.id)
    card = page.pdsa
    assert not card.chain_label.isHidden()
    assert "First raised in round" in card.chain_label.text()
    assert "Cycles 1–2; last decision: Adapt" in card.chain_label.text()
    texts = [card.cycle_list.item(i).text() for i in range(card.cycle_list.count())]
    assert texts[0].startswith("Cycle 1 (round ") and "read-only" in texts[0]
    assert texts[1].startswith("Cycle 2:")  # the new round's new cycle, editable
    assert card.cycle_list.currentRow() == 1 and card.act.isEnabled()
    card.cycle_list.setCurrentRow(0)
    assert plan_box(card, "what").toPlainText() == "A one-page form"
    assert plan_box(card, "what").isReadOnly() and not card.act.isEnabled()
    before = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    card.do_notes.setPlainText("typed into the old record")
    qtbot.wait(900)
    assert page.save_pending()
    assert conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before
    assert action_plans.get_cycle(conn, cycle.id).do_notes == ""
