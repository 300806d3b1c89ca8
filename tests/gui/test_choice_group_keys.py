"""The choices are one radio group for the keyboard too: Tab enters it at the chosen answer and
leaves it for the comment, Shift+Tab leaves it backwards; the arrows, digits, D and N choose.

Before, Tab stopped on each of the six choices, and whether it did depended on how the focus got
there; a screen-reader user hears "radio button, 2 of 6" and expects the group to be one stop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "something must have the keyboard focus"
    return widget


def test_tab_treats_the_choices_as_one_stop(window: MainWindow, qtbot: QtBot) -> None:
    window.home.demo_button.click()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.start_rating(1)
    page = window.walkthrough
    for chosen in range(len(page.buttons)):
        page.buttons[chosen].setFocus()
        qtbot.keyClick(_focus(), Qt.Key.Key_Space)  # choose it as a person would
        assert page.buttons[chosen].isChecked()
        for start in (0, chosen, len(page.buttons) - 1):
            page.buttons[start].setFocus()
            qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
            assert _focus() is page.comment, (chosen, start)
            page.buttons[start].setFocus()
            qtbot.keyClick(_focus(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
            assert _focus() is page.examples_button, (chosen, start)
        # from the control before the group, Tab lands on the chosen answer
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        assert _focus() is page.buttons[chosen]
        # and back from the comment
        page.comment.setFocus()
        qtbot.keyClick(_focus(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert _focus() is page.buttons[chosen]


def test_rating_choices_are_radio_buttons_that_can_be_cleared(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Rating choices are radio buttons to a screen reader (they were check boxes); an
    auto-exclusive button refuses to uncheck, so clearing an answer must still clear it."""
    window.home.demo_button.click()
    window.start_rating(1)
    page = window.walkthrough
    roles = {QAccessible.queryAccessibleInterface(b).role() for b in page.buttons}
    assert roles == {QAccessible.Role.RadioButton}
    assert any(b.isChecked() for b in page.buttons)
    assert page.clear_answer()
    assert not any(b.isChecked() for b in page.buttons)
    page.go(page.index + 1)
    page.go(page.index - 1)  # the buttons are kept between items: still none checked here
    assert not any(b.isChecked() for b in page.buttons)


def test_the_meetings_choices_are_the_same_radio_group(window: MainWindow, qtbot: QtBot) -> None:
    """The meeting's agreed-answer buttons were check boxes to a screen reader and six Tab
    stops; they are now the rating screen's group: radio buttons named by the whole choice,
    "Key 2, 2 of 6", one Tab stop between "End meeting" (above, on the right) and the rationale."""
    window.home.demo_button.click()
    round_id = window.home.selected_round()
    assert round_id is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.show_meeting(round_id)
    meeting = window.meeting
    item = meeting.item
    roles = {QAccessible.queryAccessibleInterface(b).role() for b in meeting.buttons}
    assert roles == {QAccessible.Role.RadioButton}
    assert meeting.choices.accessibleName() == item.prompt.get("en")
    count = len(item.scale.choices)
    for position, (button, choice) in enumerate(
        zip(meeting.buttons, item.scale.choices, strict=True), 1
    ):
        assert button.accessibleName().startswith(choice.label.get("en"))
        if choice.description is not None:
            assert button.accessibleName().endswith(choice.description.get("en"))
        assert button.accessibleDescription().endswith(f", {position} of {count}")
    meeting.buttons[2].setFocus()
    qtbot.keyClick(_focus(), Qt.Key.Key_3)  # the digit agrees, as before
    assert [b.isChecked() for b in meeting.buttons].index(True) == 2
    for start in (0, 2, len(meeting.buttons) - 1):
        meeting.buttons[start].setFocus()
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        assert _focus() is meeting.rationale, start
        meeting.buttons[start].setFocus()
        qtbot.keyClick(_focus(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert _focus() is meeting.done_button, start
    qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
    assert _focus() is meeting.buttons[2]  # entering at the agreed answer
