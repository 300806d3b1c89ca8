"""Cycles are collected on the GUI thread only: automatic collection is off while the collector
runs, and it collects what passed the thresholds."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.ui.worker import GuiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.widget = QWidget()


def test_the_collector_turns_automatic_collection_off_and_collects_itself(qtbot: QtBot) -> None:
    collector = GuiThreadCollector()
    try:
        assert not gc.isenabled()
        gc.collect()
        for _ in range(collector.thresholds[0] + 50):
            _Cycle()  # cyclic garbage holding a widget, which only a collection frees
        assert gc.get_count()[0] > collector.thresholds[0]
        assert collector.collect_if_due() > 0
        assert gc.get_count()[0] < collector.thresholds[0]
        assert collector.collect_if_due() == 0  # nothing due
    finally:
        collector.stop()
    assert gc.isenabled()
    gc.disable()  # the package's collector is still installed for the other GUI tests


def test_the_timer_collects_while_the_event_loop_runs(qtbot: QtBot) -> None:
    collector = GuiThreadCollector()
    collector.timer.setInterval(10)
    try:
        gc.collect()
        for _ in range(collector.thresholds[0] + 50):
            _Cycle()
        qtbot.waitUntil(lambda: gc.get_count()[0] < collector.thresholds[0], timeout=2000)
    finally:
        collector.stop()
        gc.disable()


def test_while_a_task_runs_only_the_youngest_generation_is_collected(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older generation's pass over a PDF worker's live objects held the GUI thread for
    90–700 ms; while a task runs only generation 0 is collected, the rest once tasks end."""
    import threading

    from app.ui import worker

    collector = GuiThreadCollector()
    collector.timer.stop()  # ticks driven by hand
    calls: list[int] = []
    real_collect = gc.collect

    def recording_collect(generation: int = 2) -> int:
        calls.append(generation)
        return real_collect(generation)

    release = threading.Event()
    task = worker.run_task(lambda: release.wait(10), lambda _r: None, lambda _m: None)
    try:
        monkeypatch.setattr(gc, "collect", recording_collect)
        for _ in range(40):  # enough young passes that generations 1 and 2 would be due
            for _ in range(collector.thresholds[0] + 50):
                _Cycle()
            collector.tick()
        assert calls and set(calls) == {0}
        assert gc.get_count()[1] > collector.thresholds[1]  # older ones waited
        release.set()
        qtbot.waitUntil(task.ended.is_set, timeout=5000)
        calls.clear()
        ticks = collector.INTERVAL_MS // collector.BUSY_INTERVAL_MS
        for _ in range(collector.thresholds[0] + 50):
            _Cycle()
        for _ in range(ticks):
            collector.tick()
        assert 1 in calls  # the older generations' turn came once the task ended
    finally:
        release.set()
        monkeypatch.undo()
        collector.stop()
        gc.disable()
