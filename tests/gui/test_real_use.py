"""Traps found by driving the app on a real screen (issue 16), reproduced offscreen."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.db import responses
from app.ui.main_window import MainWindow
from app.ui.page_title import PageTitle
from app.ui.paper_entry import COL_ANSWER, COL_COMMENT, COL_STATUS, PaperEntryPage
from app.ui.walkthrough import WalkthroughPage
from tests.gui.helpers import add_agency, add_person, start_round


def _wheel(widget: QWidget, steps: int = -1) -> None:
    """One notch of the wheel over the middle of `widget`, delivered as Qt delivers it."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _long_form(qtbot: QtBot) -> tuple[QScrollArea, QLineEdit, list[QWidget]]:
    scroller = QScrollArea()
    scroller.setWidgetResizable(True)
    body = QWidget()
    layout = QVBoxLayout(body)
    text = QLineEdit()
    combo = QComboBox()
    combo.addItems(["Planned", "Doing", "Done", "Dropped"])
    spin = QSpinBox()
    spin.setValue(5)
    date = QDateEdit()
    fields: list[QWidget] = [combo, spin, date]
    layout.addWidget(text)
    for field in fields:
        layout.addWidget(field)
        layout.addSpacing(600)
    scroller.setWidget(body)
    qtbot.addWidget(scroller)
    scroller.resize(400, 300)
    scroller.show()
    qtbot.waitExposed(scroller)
    scroller.activateWindow()
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    return scroller, text, fields


def _value(field: QWidget) -> object:
    if isinstance(field, QComboBox):
        return field.currentIndex()
    if isinstance(field, QSpinBox):
        return field.value()
    assert isinstance(field, QDateEdit)
    return field.date()


def test_the_wheel_over_an_unfocused_field_scrolls_the_page(
    window: MainWindow, qtbot: QtBot
) -> None:
    scroller, text, fields = _long_form(qtbot)
    for field in fields:
        before = _value(field)
        position = scroller.verticalScrollBar().value()
        _wheel(field)
        assert _value(field) == before, f"the wheel changed an unfocused {type(field).__name__}"
        assert scroller.verticalScrollBar().value() > position, "the page did not scroll"
        assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives no focus
        assert text.hasFocus()  # the edited field keeps it


def test_the_wheel_still_changes_the_focused_field(window: MainWindow, qtbot: QtBot) -> None:
    scroller, _text, fields = _long_form(qtbot)
    combo = fields[0]
    assert isinstance(combo, QComboBox)
    scroller.ensureWidgetVisible(combo)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo)
    assert combo.currentIndex() == 1


def test_the_wheel_guard_is_cheap(window: MainWindow, qtbot: QtBot) -> None:
    """Every event of the application passes the guard: it must cost next to nothing."""
    from PySide6.QtCore import QEvent

    from app.ui.input_guard import WheelGuard

    guard = QApplication.instance().findChild(WheelGuard)  # type: ignore[union-attr]
    assert guard is not None
    label = QWidget()
    qtbot.addWidget(label)
    event = QEvent(QEvent.Type.UpdateRequest)
    rounds = 20_000
    start = time.perf_counter()
    for _ in range(rounds):
        guard.eventFilter(label, event)
    per_event = (time.perf_counter() - start) / rounds
    assert per_event < 20e-6, f"{per_event * 1e6:.1f} µs per event"


def test_clicking_the_scrollbar_keeps_the_typing_in_the_field(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Click into a field, click the page's scrollbar, type: the text goes into the field."""
    scroller, text, _fields = _long_form(qtbot)
    bar = scroller.verticalScrollBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.width() // 2, bar.height() - 5))
    assert bar.value() > 0  # the click scrolled
    assert text.hasFocus(), f"the focus went to {QApplication.focusWidget()}"
    qtbot.keyClicks(QApplication.focusWidget(), "plan")
    assert text.text() == "plan"


# ------------------------------------------------------------------ paper mode


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _paper(window: MainWindow, qtbot: QtBot) -> tuple[PaperEntryPage, int]:
    add_agency(window, "Paper Agency")
    start_round(window, "Paper round")
    person = add_person(window, "Pat", "other")
    window.activateWindow()
    window.start_paper(person)
    paper = window.paper
    qtbot.waitUntil(lambda: QApplication.focusWidget() is paper.table, timeout=3000)
    return paper, person


def test_enter_after_a_comment_goes_to_the_next_answer(window: MainWindow, qtbot: QtBot) -> None:
    """2, Tab, a comment, Enter: the next row's answer cell, where "3 Enter" is an answer."""
    paper, person = _paper(window, qtbot)
    qtbot.keyClicks(_focus(), "2")
    qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: paper.table.currentColumn() == COL_COMMENT, timeout=3000)
    qtbot.keyClicks(_focus(), "asked twice")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is paper.table, timeout=3000)
    assert (paper.table.currentRow(), paper.table.currentColumn()) == (1, COL_ANSWER)
    qtbot.keyClicks(_focus(), "3")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: paper.table.currentRow() == 2, timeout=3000)
    items = paper.items
    assert responses.choices_for_respondent(window.conn, person) == {
        items[0].id: "2",
        items[1].id: "3",
    }
    assert paper.table.item(0, COL_COMMENT).text() == "asked twice"


def test_a_row_shows_saved_only_with_an_answer(window: MainWindow, qtbot: QtBot) -> None:
    paper, person = _paper(window, qtbot)
    paper.table.item(0, COL_COMMENT).setText("only a comment")  # as a finished edit does
    assert paper.table.item(0, COL_STATUS).text() == ""
    assert "comment" in paper.status.text()  # the comment itself was saved, and it says so
    paper.table.item(0, COL_ANSWER).setText("4")
    assert paper.table.item(0, COL_STATUS).text() == "✓"
    paper.clear_row(0)
    assert paper.table.item(0, COL_STATUS).text() == ""  # the comment is kept, the ✓ is not
    paper.table.item(1, COL_ANSWER).setText("")  # an item left blank on paper
    assert paper.table.item(1, COL_STATUS).text() == ""
    window.start_paper(person)  # reopened: the row with a comment and no answer has no ✓
    assert paper.table.item(0, COL_STATUS).text() == ""


# ------------------------------------------------------------------ keys


def test_enter_on_the_focused_demo_button_opens_the_demo(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    home = window.home
    qtbot.waitUntil(lambda: QApplication.focusWidget() is home.demo_button, timeout=3000)
    qtbot.keyClick(home.demo_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: home.selected_round() is not None, timeout=3000)


def _rating_the_demo(window: MainWindow, qtbot: QtBot) -> WalkthroughPage:
    window.home.demo_button.click()
    round_id = window.home.selected_round()
    assert round_id is not None
    window.open_round(round_id)
    person = add_person(window, "Newcomer", "other")
    window.activateWindow()
    window.start_rating(person)
    page = window.walkthrough
    qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()), timeout=3000)
    return page


def test_enter_on_the_last_item_offers_to_finish_listing_the_unanswered(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = _rating_the_demo(window, qtbot)
    asked: list[str] = []
    window.confirm = lambda _parent, _title, text: asked.append(text) or False
    page.choose(page.buttons[0].choice.code)  # the first item answered, the rest not
    page.go(len(page.items) - 1)
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    assert len(asked) == 1, "Enter on the last item must offer to finish"
    missing = [item.id for item in page.items[1:]]
    assert f"Not answered yet ({len(missing)})" in asked[0]
    assert missing[0] in asked[0] and page.items[0].id + "," not in asked[0]
    assert window.stack.currentWidget() is page  # declined: still rating
    window.confirm = lambda *_a: True
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.finish


def test_a_new_unanswered_item_does_not_show_the_last_saved_time(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = _rating_the_demo(window, qtbot)
    page.choose(page.buttons[1].choice.code)
    assert "✓" in page.saved_label.text()
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)  # on to the next, unanswered item
    assert page.index == 1
    assert "✓" not in page.saved_label.text()
    qtbot.keyClick(_focus(), Qt.Key.Key_Left)  # back to an answered item: no false claim either
    assert page.index == 0


# ------------------------------------------------------------------ words


def test_dont_know_and_not_applicable_use_the_rating_screen_letters(
    window: MainWindow, qtbot: QtBot
) -> None:
    from app.ui.choice_group import choice_key
    from app.ui.team_view import code_text

    page = _rating_the_demo(window, qtbot)
    item = page.item
    unscored = [c for c in item.scale.choices if c.kind != "score"]
    assert unscored, "the instrument has don't know / not applicable"
    for choice in unscored:
        assert code_text(item, choice.code) == choice_key(item, choice)
    assert any(b.text().startswith(f"[{choice_key(item, unscored[0])}]") for b in page.buttons)


def test_the_paper_error_names_the_letters_its_help_names(window: MainWindow, qtbot: QtBot) -> None:
    paper, _person = _paper(window, qtbot)
    assert "D = " in paper.hint.text() and "N = " in paper.hint.text()
    paper.table.item(0, COL_ANSWER).setText("x")
    refused = paper.status.text()
    assert "not on the scale" in refused
    listed = refused[refused.rindex("(") + 1 : refused.rindex(")")].split(", ")
    assert "D" in listed and "N" in listed and "DK" not in listed and "NA" not in listed


@pytest.fixture
def us_dates() -> Iterator[None]:
    """The US short date format, M/d/yy: the action plan showed "3/31/27"."""
    previous = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(previous)


def test_the_action_plan_dates_show_four_digit_years(
    us_dates: None, window: MainWindow, qtbot: QtBot
) -> None:
    window.home.demo_button.click()
    round_id = window.home.selected_round()
    assert round_id is not None
    window.show_action_plan(round_id)
    plan = window.action_plan
    plan.add_priority("domain", "1.1")
    plan.pdsa.add_cycle()
    edits = [e for e in plan.findChildren(QDateEdit) if e.isVisibleTo(plan)]
    assert len(edits) >= 2, "the priority's start and due dates"
    for edit in plan.findChildren(QDateEdit):
        assert "yyyy" in edit.displayFormat(), edit.accessibleName()


# ------------------------------------------------------------------ closing a round


def test_closing_a_round_lists_unfinished_members_and_unagreed_flags(
    window: MainWindow, qtbot: QtBot
) -> None:
    from app.db import rounds
    from app.services.team_review import team_review

    window.home.demo_button.click()
    round_id = window.home.selected_round()
    assert round_id is not None
    window.open_round(round_id)
    add_person(window, "Late Lucia", "other")  # has answered nothing
    asked: list[str] = []
    window.confirm = lambda _parent, _title, text: asked.append(text) or False
    window.toggle_round_status(round_id)
    assert rounds.get(window.conn, round_id).status == "open"  # declined: nothing changed
    question = asked[-1]
    review = team_review(window.conn, round_id)
    open_flags = [r.item_id for r in review.flagged if r.consensus is None]
    assert open_flags, "the demo has flagged items without an agreed answer"
    assert "Late Lucia" in question or "Other" in question  # named as the team view names
    assert "not finished" in question
    assert all(item_id in question for item_id in open_flags[:10])
    window.confirm = lambda *_a: True
    window.toggle_round_status(round_id)
    assert rounds.get(window.conn, round_id).status == "closed"


# ------------------------------------------------------------------ layout


def test_the_first_start_fits_the_available_screen(qtbot: QtBot, data_dir: Path) -> None:
    from app.db.connection import open_database
    from app.services.catalog import default_catalog
    from app.ui.settings import AppSettings

    db_path = data_dir / "smsoat.sqlite3"
    conn = open_database(db_path)
    settings = AppSettings()
    assert settings.geometry is None  # a first start: no saved window geometry
    window = MainWindow(conn, db_path, default_catalog(), settings)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert available.width() < 1200 or available.height() < 760, "offscreen: a small screen"
    frame_extra = 60  # title bar and borders a window manager adds around the window
    assert window.width() <= available.width()
    assert window.height() + frame_extra <= available.height()
    window.close()
    conn.close()


LONG = 200  # characters in each agency, round and person name: well past a 1366 px screen
SCREEN_WIDTH = 1366


def _long_named_demo(window: MainWindow) -> tuple[int, int]:
    from app.db import organizations, rounds

    window.home.demo_button.click()
    round_id = window.home.selected_round()
    assert round_id is not None
    conn = window.conn
    rnd = rounds.get(conn, round_id)
    organizations.update(conn, rnd.organization_id, name=("Agency" + "x" * LONG)[:LONG])
    with conn:
        conn.execute(
            "UPDATE rounds SET name = ? WHERE id = ?", (("Round" + "y" * LONG)[:LONG], round_id)
        )
        conn.execute("UPDATE rounds SET show_names = 1 WHERE id = ?", (round_id,))
    person = rounds.add_respondent(conn, round_id, ("Person" + "z" * LONG)[:LONG], "other")
    return round_id, person.id


@pytest.fixture(params=["medium", "large"])
def text_size(request: pytest.FixtureRequest) -> Iterator[str]:
    from app.ui.style import apply_text_size

    apply_text_size(request.param)
    yield request.param
    apply_text_size("medium")


def test_long_names_do_not_widen_any_page_past_the_screen(
    text_size: str, window: MainWindow, qtbot: QtBot
) -> None:
    round_id, person = _long_named_demo(window)
    visits = [
        ("home", window.show_home),
        ("round", lambda: window.open_round(round_id)),
        ("walkthrough", lambda: window.start_rating(person)),
        ("finish", lambda: window.show_finish(person)),
        ("paper form", lambda: window.start_paper(person)),
        ("team view", lambda: window.show_team_view(round_id)),
        ("meeting", lambda: window.show_meeting(round_id)),
        ("action plan", lambda: window.show_action_plan(round_id)),
        ("coordinator", window.show_coordinator),
    ]
    too_wide = []
    for name, visit in visits:
        visit()
        page = window.stack.currentWidget()
        qtbot.wait(1)
        width = max(page.minimumSizeHint().width(), window.minimumSizeHint().width())
        if width > SCREEN_WIDTH:
            too_wide.append(f"{name}: {width} px")
        titles = [
            t for t in page.findChildren(PageTitle) if "zzzz" in t.text() or "yyyy" in t.text()
        ]
        for title in titles:  # the whole name stays readable on hover
            assert title.toolTip() == title.text(), name
    assert too_wide == [], "pages wider than the screen: " + ", ".join(too_wide)


# ------------------------------------------------------------------ files


def test_open_without_a_pdf_viewer_says_so_and_offers_the_folder(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.ui import dialogs

    pdf = tmp_path / "scorecard.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    opened: list[str] = []

    def open_url(url: object) -> bool:  # a computer with a file manager and no PDF viewer
        local = Path(url.toLocalFile())  # type: ignore[attr-defined]
        opened.append(local.name)
        return local.is_dir()

    asked: list[str] = []
    monkeypatch.setattr(dialogs.QDesktopServices, "openUrl", open_url)
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text: asked.append(text) or True)
    window._report_ready(pdf)
    box = window.report_box
    assert isinstance(box, QMessageBox)
    open_button = next(b for b in box.buttons() if b.text().replace("&", "") == "Open")
    open_button.click()
    assert len(asked) == 1 and "scorecard.pdf" in asked[0] and "PDF viewer" in asked[0]
    assert opened == ["scorecard.pdf", tmp_path.name]  # then its folder, as offered


def test_copies_of_one_file_preview_as_one_round_to_import(qtbot: QtBot, tmp_path: Path) -> None:
    """300 identical copies previewed as "302 to import / New": each distinct round counts once."""
    from app.db.connection import open_database
    from app.exchange.export import export_round
    from app.services.catalog import default_catalog
    from app.services.demo import create_demo
    from app.ui.import_dialog import STATUS_COLUMN, ImportDialog

    catalog = default_catalog()
    source = open_database(tmp_path / "agency.sqlite3")
    data = export_round(
        source, create_demo(source, catalog.get("sms-oat-bh")).round.id, with_pdf=False
    )
    source.close()
    folder = tmp_path / "files"
    folder.mkdir()
    for n in range(5):
        (folder / f"copy-{n}.smsoat").write_bytes(data)
    db_path = tmp_path / "state" / "smsoat.sqlite3"
    open_database(db_path).close()
    dialog = ImportDialog(None, db_path, list(catalog.instruments.values()))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        dialog.set_paths([folder])
    statuses = [dialog.table.item(r, STATUS_COLUMN).text() for r in range(dialog.table.rowCount())]
    assert sum(s.startswith("New") for s in statuses) == 1, statuses
    assert sum("copy-0.smsoat" in s for s in statuses) == 4  # each later copy names the first
    assert (
        "1 to import" in dialog.summary.text() and "4 with nothing to do" in dialog.summary.text()
    )


def test_the_input_guards_numbers_are_qts_enums() -> None:
    """The guard compares integer values (it must not touch `Qt` at start-up); each stands for
    the enum named beside it."""
    from PySide6.QtCore import QEvent, Qt

    from app.ui import input_guard as g

    assert (
        QEvent.Type.Wheel.value,
        QEvent.Type.KeyPress.value,
        QEvent.Type.Polish.value,
    ) == (g.WHEEL, g.KEY_PRESS, g.POLISH)
    assert (Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value) == (g.KEY_RETURN, g.KEY_ENTER)
    assert Qt.KeyboardModifier.KeypadModifier.value == g.KEYPAD_MODIFIER
    assert (
        Qt.FocusPolicy.NoFocus.value,
        Qt.FocusPolicy.StrongFocus.value,
        Qt.FocusPolicy.WheelFocus.value,
    ) == (g.NO_FOCUS, g.STRONG_FOCUS, g.WHEEL_FOCUS)


def test_the_window_installs_the_input_guard_once_it_is_up(qtbot: QtBot, data_dir: Path) -> None:
    """Not during start-up (as a filter on every event it cost the start about 35 ms), but a
    moment after the window is shown."""
    from PySide6.QtWidgets import QApplication

    from app.db.connection import open_database
    from app.services.catalog import default_catalog
    from app.ui.input_guard import WheelGuard
    from app.ui.main_window import GUARD_AFTER_MS, MainWindow
    from app.ui.settings import AppSettings

    app = QApplication.instance()
    assert app is not None
    for old in app.findChildren(WheelGuard):
        app.removeEventFilter(old)
        old.setParent(None)
        old.deleteLater()
    assert app.findChild(WheelGuard) is None
    conn = open_database(data_dir / "smsoat.sqlite3")
    window = MainWindow(conn, data_dir / "smsoat.sqlite3", default_catalog(), AppSettings())
    qtbot.addWidget(window)
    window.show()
    assert app.findChild(WheelGuard) is None  # not while starting
    qtbot.waitUntil(lambda: app.findChild(WheelGuard) is not None, timeout=GUARD_AFTER_MS + 2000)
    window.close()
    conn.close()
