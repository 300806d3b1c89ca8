"""The import's progress reaches the window a step every 50 ms, not once a file (a group of 100
files committed at once made 100 signals in a row: a pause of the window)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.ui.import_dialog import _Progress


def test_a_burst_of_steps_is_one_signal_and_the_last_always_arrives(qtbot: QtBot) -> None:
    progress = _Progress()
    got: list[tuple[int, int]] = []
    progress.step.connect(lambda done, total: got.append((done, total)))
    for done in range(1, 101):  # one group committed: 100 reports at once
        progress.report(done, 300)
    assert got == [(1, 300)]
    progress.report(300, 300)  # the last file: always passed on
    assert got == [(1, 300), (300, 300)]


def test_steps_further_apart_than_the_interval_all_arrive(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_Progress, "EVERY_S", 0.0)
    progress = _Progress()
    got: list[int] = []
    progress.step.connect(lambda done, _total: got.append(done))
    for done in range(1, 6):
        progress.report(done, 10)
    assert got == [1, 2, 3, 4, 5]
