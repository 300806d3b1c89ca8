"""Nothing is cut off at 1366×768 with the largest text: every item of the shipped instruments, in
English and in (longer) Spanish, fits the walkthrough's width; long choices wrap instead of widening
the page and cutting the prompt off."""

from __future__ import annotations

import pytest
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
