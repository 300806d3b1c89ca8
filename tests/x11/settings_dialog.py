"""Driver for test_settings_dialog.py: the settings dialog on a real display at the text size
given first (small by default).

Prints "shown" once the dialog is up; the test then changes the text size with real keys. Once
the size is the one given second (large by default), it waits for the window manager and the
relayout, prints the room each part gives its text against what the text needs as one JSON line,
and quits."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QStyle, QStyleOptionComboBox

from app.ui.settings import AppSettings
from app.ui.settings_dialog import SettingsDialog
from app.ui.style import apply_text_size


def room_for_text(widget: QComboBox | QLabel) -> tuple[int, int, int, int]:
    """(width, height) the control gives its text, then what the text needs at the current
    font: a box's edit field as its style draws it, a label's own rectangle."""
    metrics = widget.fontMetrics()
    if isinstance(widget, QComboBox):
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            widget,
        )
        text = widget.currentText()
        return field.width(), field.height(), metrics.horizontalAdvance(text), metrics.height()
    text = widget.text().replace("&", "")  # a mnemonic's & takes no room
    rect = widget.contentsRect()
    return rect.width(), rect.height(), metrics.horizontalAdvance(text), metrics.height()


def measure(dialog: SettingsDialog) -> dict[str, object]:
    parts: dict[str, object] = {}
    for widget in dialog.findChildren(QComboBox) + dialog.findChildren(QLabel):
        if not widget.isVisible():
            continue
        name = widget.accessibleName() or (
            widget.text() if isinstance(widget, QLabel) else widget.currentText()
        )
        parts[name or type(widget).__name__] = list(room_for_text(widget))
    need = dialog.minimumSizeHint()
    return {
        "parts": parts,
        "dialog": [dialog.width(), dialog.height(), need.width(), need.height()],
        "font_pt": dialog.language.font().pointSize(),
    }


def main() -> int:
    app = QApplication(sys.argv[:1])
    settings = AppSettings()
    start, goal = (sys.argv[1], sys.argv[2]) if len(sys.argv) > 2 else ("small", "large")
    settings.text_size = start
    apply_text_size(start)

    dialog = SettingsDialog(None, settings)
    dialog.text_size_changed.connect(apply_text_size)

    def changed(size: str) -> None:
        if size == goal:
            QTimer.singleShot(1500, done)

    def done() -> None:
        print(json.dumps(measure(dialog)), flush=True)
        app.quit()

    dialog.text_size_changed.connect(changed)
    dialog.show()
    dialog.text_size.setFocus()
    QTimer.singleShot(500, lambda: print("shown", flush=True))
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
