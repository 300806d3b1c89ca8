"""A page's title: wraps, never widens the window, shows its whole text on hover.

Titles carry names (agency, round, person) of up to 500 characters. As plain labels, a 76-character
name made the window 1434 px wide on a 1366 px screen, for the rest of the session (a stacked
widget is as wide as its widest page). A title therefore asks for no width of its own: it wraps at
spaces, and a name with no space to wrap at is cut at the window's edge, with the full text in the
tooltip (and in the accessible name, for screen readers).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def wrap_freely(label: QLabel) -> QLabel:
    """A wrapping label that takes the width it is given instead of asking for its own.

    A word-wrapped QLabel still asks for a minimum width that grows with its text (a team view
    summary at the largest text asked for 2,100 px); this one wraps to whatever width it gets.
    """
    label.setWordWrap(True)
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


class PageTitle(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageTitle")
        wrap_freely(self)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
