"""Nothing is cut off at 1366×768 with the largest text: every item of the shipped instruments, in
English and in (longer) Spanish, fits the walkthrough's width; long choices wrap instead of widening
the page and cutting the prompt off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.settings import AppSettings
from app.ui.style import apply_text_size
from tests.gui.conftest import MakeWindow
from tests.gui.helpers import add_agency, add_person, start_round


def _walk_every_item(window: MainWindow, qtbot: QtBot, instrument_id: str) -> list[str]:
    add_agency(window, "Clinic")
    start_round(window, "Spring", instrument_id)
    person = add_person(window, "Ana", "clinical_staff")
    window.start_rating(person)
    page = window.walkthrough
    page.examples_button.setChecked(True)
    wide = []
    for index in range(len(page.items)):
        page.show_item(index)
        QApplication.processEvents()
        bar = page.scroller.horizontalScrollBar()
        if bar.maximum() > 0:
            wide.append(f"{page.item.id}: {bar.maximum()} px too wide")
        for button in page.buttons:
            text_height = button.heightForWidth(button.width())
            if button.height() < text_height:
                wide.append(f"{page.item.id} [{button.key}]: text cut off")
    return wide


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("instrument_id", ["sms-oat-bh", "sms-primary-care"])
def test_every_item_fits_at_1366_with_large_text(
    make_window: MakeWindow, qtbot: QtBot, instrument_id: str, lang: str
) -> None:
    AppSettings().language = lang
    window = make_window()
    assert window.lang == lang
    window.resize(1366, 768)
    window.settings.text_size = "large"
    apply_text_size("large")
    try:
        assert window.width() <= 1366
        assert _walk_every_item(window, qtbot, instrument_id) == []
    finally:
        apply_text_size("medium")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("instrument_id", ["sms-oat-bh", "sms-primary-care"])
def test_the_meetings_choices_fit_at_1366_with_large_text(
    make_window: MakeWindow, qtbot: QtBot, instrument_id: str, lang: str
) -> None:
    from app.db import responses, rounds
    from app.services.catalog import default_catalog

    AppSettings().language = lang
    window = make_window()
    window.resize(1366, 768)
    apply_text_size("large")
    try:
        add_agency(window, "Clinic")
        round_id = start_round(window, "Spring", instrument_id)
        instrument = default_catalog().get(instrument_id)
        for name, pick in (("Ana", 0), ("Ben", -1)):  # opposite ends: every item is disputed
            person = add_person(window, name, "clinical_staff")
            for item in instrument.iter_items():
                scored = [c for c in item.scale.choices if c.value is not None]
                responses.save_answer(window.conn, person, item.id, scored[pick].code)
        assert rounds.get(window.conn, round_id).status == "open"
        window.show_meeting(round_id)
        page = window.meeting
        page.flagged_only.setChecked(False)
        QApplication.processEvents()
        assert page.buttons, "the meeting shows the choices"
        assert window.width() <= 1366
        assert page.minimumSizeHint().width() <= window.width()
        for button in page.buttons:
            assert button.height() >= button.heightForWidth(button.width()), button.text()
    finally:
        apply_text_size("medium")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_fits_at_1366_with_large_text(
    make_window: MakeWindow, qtbot: QtBot, lang: str
) -> None:
    AppSettings().language = lang
    previous_locale = QLocale()
    QLocale.setDefault(QLocale(lang))  # as launch does: dates and numbers as the user reads them
    window = make_window()
    window.resize(1366, 768)
    apply_text_size("large")
    wide = []
    try:
        window.create_demo()
        round_id = window.home.selected_round()
        assert round_id is not None
        window.open_round(round_id)
        person = window.round_page.current_person()
        assert person is not None
        pages = {
            "home": window.show_home,
            "round": lambda: window.open_round(round_id),
            "walkthrough": lambda: window.start_rating(person),
            "finish": lambda: window.show_finish(person),
            "paper": lambda: window.start_paper(person),
            "team view": lambda: window.show_team_view(round_id),
            "meeting": lambda: window.show_meeting(round_id),
            "action plan": lambda: window.show_action_plan(round_id),
            "coordinator": window.show_coordinator,
        }
        for name, show in pages.items():
            show()
            QApplication.processEvents()
            page = window.stack.currentWidget()
            if window.width() > 1366 or page.minimumSizeHint().width() > window.width():
                wide.append(f"{name}: needs {page.minimumSizeHint().width()} px")
        # on home, no column of the rounds is elided and agency names do not scroll sideways
        window.show_home()
        QApplication.processEvents()
        rounds, header = window.home.rounds, window.home.rounds.header()
        metrics = rounds.fontMetrics()
        for row in range(rounds.topLevelItemCount()):
            item = rounds.topLevelItem(row)
            for column in range(rounds.columnCount()):
                needs = metrics.horizontalAdvance(item.text(column)) + 6  # 3 px each side
                if needs > header.sectionSize(column):
                    wide.append(f"home: {item.text(column)!r} needs {needs} px")
        if window.home.agencies.horizontalScrollBar().maximum() > 0:
            wide.append("home: agency names scroll sideways")
    finally:
        apply_text_size("medium")
        QLocale.setDefault(previous_locale)
    assert wide == []
