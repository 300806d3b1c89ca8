"""The main window's doors to the exchange: export a round for the state, import agencies'
files, the exchange keys, and adding an instrument file. A part of the main window (a mixin), kept
apart so the window itself only navigates. Its texts keep the "MainWindow" translation context,
where the catalogues already have them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app import APP_NAME
from app.ui.window_part import WindowPart

if TYPE_CHECKING:
    from app.core.catalog import Catalog


class ExchangeActions(WindowPart):
    """Mixed into MainWindow (see app/ui/window_part.py for what it provides)."""

    def _export_current(self) -> None:
        round_id = self.current_round
        if round_id is None and self.stack.currentWidget() is self.home:
            round_id = self.home.selected_round()
        if round_id is None:
            self.inform(
                self,
                APP_NAME,
                QCoreApplication.translate("MainWindow", "Open or select a round first."),
            )
            return
        self.open_export(round_id)

    def open_export(self, round_id: int) -> None:
        from app.ui.export_dialog import ExportDialog

        self._save_pending()
        if not self.privacy.results_door(round_id):
            return
        dialog = ExportDialog(self, self.db_path, round_id, self.conn, read_only=self.read_only)
        dialog.exported.connect(self._status_saved)
        self.dialog = dialog
        dialog.open()

    def open_import(self) -> None:
        if self.read_only:
            return
        from app.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self, self.db_path, list(self.catalog.instruments.values()))
        dialog.imported.connect(self._after_import)
        self.dialog = dialog
        from app.ui.window_hold import hold_window

        # not modal: Qt would drop the main window's title-bar × while the import runs
        hold_window(self, dialog)

    def open_keys(self) -> None:
        """Make, show, install and move the keys that seal and sign exports (issue 15)."""
        from app.ui.keys_dialog import KeysDialog

        dialog = KeysDialog(self, self.db_path, read_only=self.read_only)
        self.dialog = dialog
        dialog.open()

    def open_add_instrument(self) -> None:
        """Check, preview and install an instrument file beside the data file (issue 17)."""
        if self.read_only:
            return
        from app.services.instrument_install import instruments_folder
        from app.ui.add_instrument_dialog import AddInstrumentDialog

        dialog = AddInstrumentDialog(
            self,
            instruments_folder(self.db_path),
            list(self.catalog.instruments.values()),
            self.lang,
        )
        dialog.installed.connect(self._after_add_instrument)
        self.dialog = dialog
        dialog.open()

    def _after_add_instrument(self, _path: str) -> None:
        from app.services.catalog import default_catalog, use_data_file

        db_path = self.db_path

        def reread() -> Catalog:
            use_data_file(db_path)
            return default_catalog()

        self._catalog = reread  # read again on next use, the new file included

    def _after_import(self, written: int) -> None:
        if not written:
            return
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Imported %n round(s)", "", written), 10000
        )
        self.data_changed.emit()
