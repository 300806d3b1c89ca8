"""Cycles are collected on the GUI thread only: automatic collection is off while the collector
runs, and it collects what passed the thresholds."""

from __future__ import annotations

import gc

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
