"""A large answer button whose text wraps onto more lines instead of widening the page.

A plain QPushButton asks for its whole text on one line, so a long choice ("Fully in place —
done reliably with every client…") at large text or in Spanish made the item's page wider than
the window and cut the prompt and the explanation off. This button paints its text word-wrapped
and tells the layout the height it needs for a given width.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap


class WrappingButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _padding(self) -> tuple[int, int]:
        """Room around the text for the style sheet's padding and border, from the font size."""
        line = self.fontMetrics().height()
        return max(12, int(line * 1.1)), max(8, int(line * 0.6))

    def _plain(self) -> str:
        return self.text().replace("&&", "\0").replace("&", "").replace("\0", "&")

    def _text_height(self, text_width: int) -> int:
        bounds = self.fontMetrics().boundingRect(
            QRect(0, 0, max(1, text_width), 1_000_000), int(WRAP), self._plain()
        )
        return bounds.height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        pad_x, pad_y = self._padding()
        return self._text_height(width - 2 * pad_x) + 2 * pad_y

    def sizeHint(self) -> QSize:
        pad_x, _ = self._padding()
        width = self.fontMetrics().horizontalAdvance(self._plain()) + 2 * pad_x
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        pad_x, _ = self._padding()
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(w) for w in self._plain().split()), default=0)
        width = min(longest, metrics.averageCharWidth() * 24) + 2 * pad_x
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""  # the panel, border and focus ring from the style (sheet); text below
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        role = (
            QPalette.ColorRole.HighlightedText
            if self.isChecked()
            else QPalette.ColorRole.ButtonText
        )
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, role))
        pad_x, pad_y = self._padding()
        painter.drawText(
            self.rect().adjusted(pad_x, pad_y, -pad_x, -pad_y), int(WRAP), self._plain()
        )


def check_exactly(buttons: Sequence[QAbstractButton], checked: Sequence[bool]) -> None:
    """Sets which answer buttons are checked. Auto-exclusive buttons (a radio group to a screen
    reader) refuse to uncheck the checked one, as for a cleared answer, so their exclusivity is
    lifted for the moment."""
    for button, on in zip(buttons, checked, strict=True):
        exclusive = button.autoExclusive()
        button.setAutoExclusive(False)
        button.setChecked(on)
        button.setAutoExclusive(exclusive)
