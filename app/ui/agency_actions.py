"""Agencies from the main window: new, edit and delete an agency, start a round for one, and
the demo. A part of the main window (a mixin), kept apart so the window itself only navigates;
the rules are in `app.services` (`agency_records`, `round_setup`, `removal`, `demo`). Its texts
keep the "MainWindow" translation context, where the catalogues already have them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.core.errors import SmsOatError
from app.services import agency_records, round_people
from app.ui.error_text import user_message
from app.ui.window_part import WindowPart

if TYPE_CHECKING:
    from app.ui import dialogs


class AgencyActions(WindowPart):
    """Mixed into MainWindow (see app/ui/window_part.py for what it provides)."""

    def _fail(self, exc: Exception) -> None:
        self.inform(self, QCoreApplication.translate("MainWindow", "Not done"), user_message(exc))

    def open_agency_dialog(self, org_id: int | None) -> None:
        org = agency_records.get(self.conn, org_id) if org_id is not None else None
        from app.ui import dialogs

        dialog = dialogs.AgencyDialog(self, org)
        dialog.accepted.connect(lambda: self._save_agency(dialog))
        self.dialog = dialog
        dialog.open()

    def _save_agency(self, d: dialogs.AgencyDialog) -> None:
        fields = {
            "site": d.site.text(),
            "region": d.region.text(),
            "state_identifier": d.state_id.text(),
        }
        try:
            if d.org is None:
                org = agency_records.create(self.conn, d.name.text(), **fields)
            else:
                org = agency_records.update(self.conn, d.org.id, name=d.name.text(), **fields)
        except SmsOatError as exc:
            self._fail(exc)
            return
        self.settings.welcomed = True
        self._agency_changed(org.id)

    def _agency_changed(self, org_id: int) -> None:
        """Tell every page the agencies changed, then select the one just written on home (read
        now if home is not on screen, so it is selected when home shows)."""
        self.data_changed.emit()
        if self.stack.currentWidget() is self.home:
            self.home.select_agency(org_id)
        else:
            self.home.refresh(select_agency=org_id)

    def delete_agency(self, org_id: int) -> None:
        from app.ui.texts import counted

        org = agency_records.get(self.conn, org_id)
        impact = agency_records.deletion_impact(self.conn, org_id)
        if impact.rounds:
            text = QCoreApplication.translate(
                "MainWindow",
                "Delete {0}? This also deletes its {1}, {2} and {3}. This cannot be undone"
                " (automatic backups keep earlier copies).",
            ).format(
                org.name,
                counted("round", impact.rounds),
                counted("team_member", impact.respondents),
                counted("saved_answer", impact.answers),
            )
        else:
            text = QCoreApplication.translate(
                "MainWindow", "Delete {0}? It has no rounds yet."
            ).format(org.name)
        if not self.confirm(self, QCoreApplication.translate("MainWindow", "Delete agency"), text):
            return
        from app.services import removal

        try:
            done = removal.delete_agency(self.conn, self.db_path, org_id)
        except SmsOatError as exc:
            self._fail(exc)
        else:
            self._backup_note(done.backup)
        self.data_changed.emit()

    def _new_round_for_current(self) -> None:
        org_id = self.home.current_agency()
        if org_id is None and self.current_round is not None:
            org_id = round_people.get(self.conn, self.current_round).organization_id
        if org_id is None:
            self.inform(
                self,
                QCoreApplication.translate("MainWindow", "Start a round"),
                QCoreApplication.translate("MainWindow", "Create or choose an agency first."),
            )
            return
        self.open_round_dialog(org_id)

    def open_round_dialog(self, org_id: int) -> None:
        from app.services.sites import sites_of
        from app.ui import dialogs

        offered = [(s.id, s.name) for s in sites_of(self.conn, org_id)]
        dialog = dialogs.RoundDialog(self, self.catalog, self.lang, offered)
        dialog.accepted.connect(lambda: self._save_round(org_id, dialog))
        self.dialog = dialog
        dialog.open()

    def _save_round(self, org_id: int, d: dialogs.RoundDialog) -> None:
        start, end = d.period()
        try:
            from app.services.round_setup import start_round

            instrument = d.chosen_instrument()
            new = start_round(
                self.conn,
                org_id,
                instrument,
                d.name.text(),
                start,
                end,
                private=d.private.isChecked(),
                site_id=d.chosen_site(),
            )
        except SmsOatError as exc:
            self._fail(exc)
            return
        self.data_changed.emit()
        self.open_round(new.round.id)

    def _backup_note(self, backup: Path | None) -> None:
        if backup is not None:
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Done. A backup copy was made first: {0}"
                ).format(backup.name),
                15000,
            )

    def create_demo(self) -> None:
        from app.services.demo import DEMO_INSTRUMENT, create_demo

        try:
            instrument = self.catalog.get(DEMO_INSTRUMENT)
            result = create_demo(self.conn, instrument)
        except SmsOatError as exc:
            self._fail(exc)
            return
        self.settings.welcomed = True
        if result.existed:
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "The demo agency is already here; nothing was added."
                ),
                15000,
            )
        self._agency_changed(result.round.organization_id)
