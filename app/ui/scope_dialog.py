"""The "Add a priority" dialog: which domain or item the new priority is about.

Apart from the action plan page so the page stays about the plan; the class keeps its name, so
its words keep their "ScopeDialog" translation context.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.instrument import Instrument
from app.ui.plan_texts import scope_key, scope_label


class ScopeDialog(QDialog):
    """Which domain or item a new priority is about: the domains, each followed by its items."""

    def __init__(self, parent: QWidget, instrument: Instrument, lang: str, taken: set[str]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a priority"))
        self.setModal(True)
        label = QLabel(self.tr("Which &domain or item will the team work on?"))
        self.scope = QListWidget()
        self.scope.setAccessibleName(self.tr("Domain or item to improve"))
        self.scope.setWordWrap(True)
        label.setBuddy(self.scope)
        for domain in instrument.domains:
            entries = [("domain", domain.id)] + [("item", i.id) for i in domain.items]
            for kind, scope_id in entries:
                text = scope_label(instrument, kind, scope_id, lang)
                if scope_key(kind, scope_id) in taken:
                    text += self.tr(" (already a priority)")
                entry = QListWidgetItem(text)
                entry.setData(Qt.ItemDataRole.UserRole, scope_key(kind, scope_id))
                if kind == "domain":  # a heading over its items
                    font = entry.font()
                    font.setBold(True)
                    entry.setFont(font)
                self.scope.addItem(entry)
        self.scope.setCurrentRow(0)
        self.scope.itemActivated.connect(lambda _e: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.scope, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 560)

    def select(self, kind: str, scope_id: str) -> None:
        for row in range(self.scope.count()):
            if self.scope.item(row).data(Qt.ItemDataRole.UserRole) == scope_key(kind, scope_id):
                self.scope.setCurrentRow(row)

    def choice(self) -> tuple[str, str] | None:
        entry = self.scope.currentItem()
        if entry is None:
            return None
        kind, _, scope_id = str(entry.data(Qt.ItemDataRole.UserRole)).partition(":")
        return kind, scope_id
