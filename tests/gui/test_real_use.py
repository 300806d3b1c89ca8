"""Traps found by driving the app on a real screen (issue 16), reproduced offscreen."""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QPointF, Qt
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
from app.ui.paper_entry import COL_ANSWER, COL_COMMENT, COL_STATUS, PaperEntryPage
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
