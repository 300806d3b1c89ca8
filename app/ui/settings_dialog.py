"""Settings: text size (applied at once), language (after a restart), paper size for reports."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.ui.settings import AppSettings


class SettingsDialog(QDialog):
    text_size_changed = Signal(str)

    def __init__(self, parent: QWidget | None, settings: AppSettings) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.text_size = QComboBox()
        self.text_size.setAccessibleName(self.tr("Text size"))
        for key, label in (
            ("small", self.tr("Small")),
            ("medium", self.tr("Medium")),
            ("large", self.tr("Large")),
        ):
            self.text_size.addItem(label, key)
        self.text_size.setCurrentIndex(self.text_size.findData(settings.text_size))
        self.text_size.currentIndexChanged.connect(self._text_size)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem("English", "en")
        self.language.addItem("Español", "es")
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.language.currentIndexChanged.connect(self._language)
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper size for reports"))
        self.paper.addItem(self.tr("Letter (US)"), "letter")
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.setCurrentIndex(self.paper.findData(settings.paper))
        self.paper.currentIndexChanged.connect(self._paper)
        self.note = QLabel(" ")
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Text size:"), self.text_size)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Paper size:"), self.paper)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def _text_size(self) -> None:
        size = self.text_size.currentData()
        self.settings.text_size = size
        self.text_size_changed.emit(size)

    def _language(self) -> None:
        self.settings.language = self.language.currentData()
        self.note.setText(self.tr("The new language is used from the next start of the app."))

    def _paper(self) -> None:
        self.settings.paper = self.paper.currentData()
