"""Saying a change out loud: a polite (or, for a failure, assertive) screen-reader announcement.

A label that changes its text fires only a name change, which screen readers do not speak unless
focus is on it, and the status bar's message is not read unasked either. Qt 6.8+ sends
QAccessibleAnnouncementEvent through AT-SPI as object:announcement, which Orca speaks. Where the
running Qt has no such event, the label's own name change is all there is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

try:
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
except ImportError:  # Qt before 6.8
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]


def announce(source: QWidget, text: str, *, assertive: bool = False) -> None:
    if QAccessibleAnnouncementEvent is None or not text.strip():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


def show_status(label: QLabel, text: str, *, assertive: bool = False) -> None:
    """A status label's new text, said once: its accessible name is left to be its text (a
    fixed name such as "Export status" hid what it said), and the change is announced."""
    label.setText(text)
    announce(label, text, assertive=assertive)


def status_bar_message(bar: QStatusBar, text: str, timeout_ms: int = 0) -> None:
    """The status bar's message, announced as well: a screen reader does not read the status
    bar unasked, and a backup written or restored is said nowhere else."""
    bar.showMessage(text, timeout_ms)
    announce(bar, text)
