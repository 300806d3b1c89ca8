"""The look: text size applied app-wide at once, large choice buttons, a visible focus ring.

Colours keep text contrast above 4.5:1 and never carry meaning alone: every state is also a word
or a mark (✓, "Saved", "Not saved").
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app.ui.settings import TEXT_SIZES

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
QPushButton#choice:focus {{ border: 3px solid #b45309; }}
QPushButton:focus, QToolButton:focus {{ outline: 2px solid #b45309; }}
QTreeWidget:focus, QTableWidget:focus, QListWidget:focus, QPlainTextEdit:focus, QLineEdit:focus {{
    border: 2px solid #b45309;
}}
"""


def apply_text_size(size: str) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    base = TEXT_SIZES.get(size, TEXT_SIZES["medium"])
    font = QFont(app.font())
    font.setPointSize(base)
    app.setFont(font)
    app.setStyleSheet(
        _SHEET.format(base=base, prompt=base + 5, title=base + 4, pad=base - 2, pad2=base)
    )
