"""A priority's implementation fields, in a group that folds away.

AHRQ's steps to implementing self-management support ask, per change: who it is for (target
population), which supports and tools are chosen, which care-team roles carry it and what
training they need. Most priorities are written first as a goal and an owner, so the group starts
folded and opens by itself when a priority already has any of these filled in; its button says
how many are filled, so a folded group never hides that something is written there. How impact is
measured (who reports, how often) stays with the priority's measure fields.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from app.core.models import IMPLEMENTATION_FIELDS
from app.ui.pdsa_editor import add_row, text_box


class ImplementationGroup(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        # Tab reaches it; no Alt letter: every letter of "Implementation" is taken on this page
        # or by the menu bar (tests/gui/test_accessibility.py checks for collisions).
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAccessibleDescription(
            self.tr("Show or hide the target population, supports, roles and training")
        )
        self.toggle.toggled.connect(self._expand)
        self.body = QWidget()
        form = QFormLayout(self.body)
        form.setContentsMargins(16, 0, 0, 0)
        captions = {
            "target_population": (self.tr("Target population:"), self.tr("Target population")),
            "supports": (
                self.tr("Supports and resources:"),
                self.tr("Supports and resources"),
            ),
            "team_roles": (self.tr("Care-team roles:"), self.tr("Care-team roles")),
            "training": (self.tr("Training needed:"), self.tr("Training needed")),
        }
        placeholders = {
            "target_population": self.tr("e.g. adults with diabetes seen at the main clinic"),
            "supports": self.tr("e.g. goal-setting worksheet, group visits, a peer coach"),
            "team_roles": self.tr("e.g. the nurse sets goals, the medical assistant follows up"),
            "training": self.tr("e.g. two hours of motivational interviewing for nurses"),
        }
        self.boxes: dict[str, QPlainTextEdit] = {}
        for key in IMPLEMENTATION_FIELDS:
            box = text_box(44)
            box.setPlaceholderText(placeholders[key])
            label, name = captions[key]
            add_row(form, label, box, name)
            box.textChanged.connect(self._update_title)
            self.boxes[key] = box
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)
        self._expand(False)

    def filled(self) -> int:
        return sum(1 for box in self.boxes.values() if box.toPlainText().strip())

    def set_values(self, values: dict[str, str]) -> None:
        """Fill from storage; the group opens when anything is written in it."""
        for key, box in self.boxes.items():
            box.setPlainText(values.get(key, ""))
        self.toggle.setChecked(self.filled() > 0)
        self._update_title()

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes.values():
            box.setReadOnly(read_only)

    def _expand(self, on: bool) -> None:
        self.body.setVisible(on)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self._update_title()

    def _update_title(self) -> None:
        self.toggle.setText(
            self.tr("Implementation: {0} of {1} filled").format(self.filled(), len(self.boxes))
        )
