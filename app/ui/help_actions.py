"""Settings, text size, the guide and the About box from the main window. A part of the main
window (a mixin), kept apart so the window itself only navigates. Its texts keep the
"MainWindow" translation context, where the catalogues already have them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app import APP_NAME, __version__
from app.ui.style import apply_text_size
from app.ui.window_part import WindowPart


class HelpActions(WindowPart):
    """Mixed into MainWindow (see app/ui/window_part.py for what it provides)."""

    def open_settings(self) -> None:
        from app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self, self.settings)
        dialog.text_size_changed.connect(apply_text_size)
        self.dialog = dialog
        dialog.open()

    def step_text_size(self, step: int) -> None:
        order = ["small", "medium", "large"]
        current = order.index(self.settings.text_size)
        new = order[max(0, min(len(order) - 1, current + step))]
        self.settings.text_size = new
        apply_text_size(new)

    def show_guide(self) -> None:
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

        from app.ui.guide import guide_html

        dialog = QDialog(self)
        dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Guide"))
        browser = QTextBrowser()
        browser.setHtml(guide_html())
        browser.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Guide to the self-assessment")
        )
        # a Close button: Tab inside the text only walks its links, and a screen-reader user
        # should not have to know that Escape closes it
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        dialog.resize(640, 480)
        self.dialog = dialog
        dialog.open()

    def about_text(self) -> str:
        parts = [
            f"{APP_NAME} {__version__}",
            QCoreApplication.translate(
                "MainWindow", "Offline organizational self-assessment of self-management support."
            ),
            QCoreApplication.translate("MainWindow", "Data file: {0}").format(self.db_path),
            "",
            QCoreApplication.translate("MainWindow", "Instruments:"),
        ]
        for inst in sorted(self.catalog.instruments.values(), key=lambda i: i.id):
            parts.append(
                f"• {inst.title.get(self.lang)} {inst.version}: {inst.attribution.get(self.lang)}"
            )
        return "\n".join(parts)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "About {0}").format(APP_NAME))
        box.setText(self.about_text())
        self.dialog = None
        box.open()
