"""Acting as a user: fill in and accept the dialog the window just opened."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui import dialogs
from app.ui.main_window import MainWindow


def add_agency(window: MainWindow, name: str) -> int:
    window.home.add_agency_button.click()
    dialog = window.dialog
    assert isinstance(dialog, dialogs.AgencyDialog)
    dialog.name.setText(name)
    dialog.buttons.accepted.emit()
    org_id = window.home.current_agency()
    assert org_id is not None
    return org_id


def start_round(
    window: MainWindow, name: str, instrument_id: str = "sms-oat-bh", *, private: bool = False
) -> int:
    """A new round; not private unless asked (the app's default is private: most tests walk the
    team view straight after rating, as a round whose results were opened would)."""
    window.home.new_round_button.click()
    dialog = window.dialog
    assert isinstance(dialog, dialogs.RoundDialog)
    dialog.private.setChecked(private)
    dialog.instrument.setCurrentIndex(dialog.instrument.findData(instrument_id))
    dialog.name.setText(name)
    dialog.buttons.accepted.emit()
    assert window.current_round is not None
    return window.current_round


def add_person(window: MainWindow, name: str, role: str) -> int:
    window.round_page.add_button.click()
    dialog = window.dialog
    assert isinstance(dialog, dialogs.PersonDialog)
    dialog.name.setText(name)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    dialog.buttons.accepted.emit()
    person = window.round_page.current_person()
    assert person is not None
    return person


def focused(inside: QWidget) -> QWidget:
    """The widget that has the keyboard focus in `inside`'s window (where a key press goes)."""
    widget = inside.window().focusWidget()
    return widget if widget is not None else inside
