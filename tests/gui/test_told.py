"""The `told` fixture itself: an unexpected message box fails the test that caused it."""

from __future__ import annotations

import pytest

from app.ui.main_window import MainWindow
from tests.gui.conftest import Told


def test_an_expected_message_is_taken(window: MainWindow, told: Told) -> None:
    window.current_round = None
    window._for_round(lambda _r: None)  # "Open a round first."
    assert told.take() == [window.tr("Open a round first.")]
    assert told.messages == []


def test_an_unexpected_message_fails_the_test(window: MainWindow, told: Told) -> None:
    window.current_round = None
    window._for_round(lambda _r: None)
    with pytest.raises(pytest.fail.Exception, match=r"did not expect.*Open a round first"):
        told.check_none_left()  # what the fixture does at teardown
    told.take()  # this test expected it after all
    told.check_none_left()
