"""When a walkthrough comment is stored: after a pause in typing, or when the person moves on.

Apart from the walkthrough page so the page keeps to layout and answers. The helper only keeps
time and remembers whether the text changed since it was stored; the page does the storing
(a comment goes into the same answer row as the choice) and says "Saved".
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit

COMMENT_PAUSE_MS = 700
MAX_COMMENT = 5000


class CommentAutosave(QObject):
    """Watches a comment box: `typing` on each change, `paused` once typing stops."""

    typing = Signal()
    paused = Signal()

    def __init__(self, box: QPlainTextEdit) -> None:
        super().__init__(box)
        self.box = box
        self.read_only = False
        self.dirty = False  # typed since the comment was last shown or stored
        self._loading = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(COMMENT_PAUSE_MS)
        self.timer.timeout.connect(self.paused)
        box.textChanged.connect(self._changed)

    def show_text(self, text: str) -> None:
        """Show a stored comment; showing it is not typing."""
        self._loading = True
        try:
            self.box.setPlainText(text)
        finally:
            self._loading = False

    def text(self) -> str:
        """The comment as it is stored: at most MAX_COMMENT characters."""
        return self.box.toPlainText()[:MAX_COMMENT]

    def pending(self) -> str | None:
        """The typed comment if it is not stored yet, else None (leave the stored one)."""
        return self.text() if self.dirty else None

    def clear_pending(self) -> None:
        """Nothing is pending any more: the comment was stored, or another one is shown."""
        self.timer.stop()
        self.dirty = False

    def _changed(self) -> None:
        if self._loading or self.read_only:
            return
        self.dirty = True
        self.typing.emit()
        self.timer.start()
