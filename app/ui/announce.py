"""Saying a change out loud: a polite (or, for a failure, assertive) screen-reader announcement.

A label that changes its text fires only a name change, which screen readers do not speak unless
focus is on it, and the status bar's message is not read unasked either. Qt 6.8+ sends
QAccessibleAnnouncementEvent through AT-SPI as object:announcement, which Orca speaks. Where the
running Qt has no such event, the label's own name change is all there is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

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
