"""The focus ring never clips a button's text (issue 16).

The ring is a style-sheet border drawn only on the focused button, while the layout keeps the
size the button asked for without it; a ring plus padding wider than Fusion's own margins cut
the text's ends ("onsensus meeting") as soon as the button had the focus."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.ui.settings import TEXT_SIZES
from app.ui.style import apply_text_size

TEXTS = ["OK", "Consensus &meeting…", "Print / Save PDF…", "Guardar y seguir más tarde", "Wg"]


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_a_focused_button_shows_all_its_text(qtbot: QtBot, qapp: QApplication, size: str) -> None:
    apply_text_size(size)
    try:
        box = QWidget()
        qtbot.addWidget(box)
        row = QHBoxLayout(box)
        field = QLineEdit()
        row.addWidget(field)
        buttons = [QPushButton(text) for text in TEXTS]
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        box.show()
        clipped = []
        for button in buttons:
            field.setFocus()
            qapp.processEvents()
            unfocused = button.size()
            button.setFocus()
            qapp.processEvents()
            assert button.size() == unfocused  # the layout does not make room for the ring
            # what the style sheet leaves for the text inside the ring: border 2 + padding
            margins = button.style().subElementRect(
                button.style().SubElement.SE_PushButtonContents, _option(button), button
            )
            text = button.text().replace("&", "")
            metrics = button.fontMetrics()
            if metrics.horizontalAdvance(text) > margins.width() or (
                metrics.height() > margins.height()
            ):
                clipped.append(
                    f"{text!r}: {metrics.horizontalAdvance(text)}×{metrics.height()}"
                    f" in {margins.width()}×{margins.height()}"
                )
        assert clipped == [], f"at {size} text the focus ring clips: {clipped}"
    finally:
        apply_text_size("medium")


def _option(button: QPushButton) -> object:
    from PySide6.QtWidgets import QStyleOptionButton

    option = QStyleOptionButton()
    button.initStyleOption(option)
    return option
