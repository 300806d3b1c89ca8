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

from app.ui.main_window import MainWindow


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

    from app.ui.wheel_guard import WheelGuard

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
