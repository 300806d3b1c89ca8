"""The look: text size applied app-wide at once, large choice buttons, a visible focus ring.

Colours keep text contrast above 4.5:1 and never carry meaning alone: every state is also a word
or a mark (✓, "Saved", "Not saved"). The focus ring (#b45309, amber) is drawn as a border on every
kind of control the app uses; it is 5.0:1 against white, above the 3:1 asked of non-text marks.
A button keeps the size it asked for without the ring, so the ring and its padding stay within
Fusion's own margins (2 + 4 px a side): wider, they clipped the text of the focused button.
tests/gui/test_accessibility.py measures every colour pair here (docs/accessibility.md lists them).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from app.ui.settings import TEXT_SIZES

SELECTION = "#1e3a8a"
_SHEET = """
QWidget {{ font-size: {base}pt; }}
QLabel#prompt {{ font-size: {prompt}pt; font-weight: 600; }}
QLabel#pageTitle {{ font-size: {title}pt; font-weight: 600; }}
QLabel#itemNumber {{ color: #33415c; }}
QLabel#saved {{ color: #14532d; font-weight: 600; }}
QLabel#saved[state="error"] {{ color: #7f1d1d; }}
QPushButton#choice {{
    text-align: left; padding: {pad}px {pad2}px; border: 2px solid #5b6b82; border-radius: 6px;
    background: #ffffff; color: #111827;
}}
QPushButton#choice:checked {{ background: #1e3a8a; color: #ffffff; border-color: #1e3a8a; }}
QPushButton:focus, QToolButton:focus {{
    border: 2px solid #b45309; border-radius: 4px; padding: 1px 4px;
    background: #ffffff; color: #111827;
}}
QPushButton#choice:focus {{ border: 3px solid #b45309; padding: {pad}px {pad2}px; }}
QPushButton#choice:checked:focus {{ background: #1e3a8a; color: #ffffff; }}
QCheckBox:focus {{ border: 2px solid #b45309; border-radius: 4px; }}
QAbstractItemView:focus, QPlainTextEdit:focus, QTextEdit:focus, QLineEdit:focus,
QComboBox:focus, QAbstractSpinBox:focus {{
    border: 2px solid #b45309;
}}
"""


def apply_text_size(size: str) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    base = TEXT_SIZES.get(size, TEXT_SIZES["medium"])
    palette = app.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        # Fusion's selection blue is 3.6:1 under white text; this one is 10.4:1
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(SELECTION))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        # Fusion's hint text is half-transparent black, 3.9:1 on white; this grey is 7.6:1
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#4b5563"))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSize(base)
    app.setFont(font)
    app.setStyleSheet(
        _SHEET.format(base=base, prompt=base + 5, title=base + 4, pad=base - 2, pad2=base)
    )
