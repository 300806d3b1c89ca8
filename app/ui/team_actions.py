"""A round's team from the main window: add, edit, withdraw, reinstate and remove a team member.
A part of the main window (a mixin), kept apart so the window itself only navigates; the rules
are in `app.services.round_people` and `app.services.removal`. Its texts keep the "MainWindow"
translation context, where the catalogues already have them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.core.errors import SmsOatError
from app.services import round_people
from app.ui.window_part import WindowPart

if TYPE_CHECKING:
    from app.ui import dialogs


class TeamActions(WindowPart):
    """Mixed into MainWindow (see app/ui/window_part.py for what it provides)."""

    def open_person_dialog(self, round_id: int | None, respondent_id: int | None) -> None:
        if round_id is None:
            return
        person = round_people.get_respondent(self.conn, respondent_id) if respondent_id else None
        from app.ui import dialogs

        dialog = dialogs.PersonDialog(self, person)
        dialog.accepted.connect(lambda: self._save_person(round_id, dialog))
        self.dialog = dialog
        dialog.open()

    def _save_person(self, round_id: int, d: dialogs.PersonDialog) -> None:
        try:
            if d.person_id is None:
                person = round_people.add_respondent(
                    self.conn, round_id, d.name.text(), d.role.currentData()
                )
            else:
                person = round_people.update_respondent(
                    self.conn, d.person_id, display_name=d.name.text(), role=d.role.currentData()
                )
        except SmsOatError as exc:
            self._fail(exc)
            return
        self._team_changed(person.id)

    def remove_person(self, respondent_id: int) -> None:
        person = round_people.get_respondent(self.conn, respondent_id)
        count = round_people.answer_count(self.conn, respondent_id)
        if count:
            question = QCoreApplication.translate(
                "MainWindow",
                "Remove {0} and their %n answer(s)? This cannot be undone; a backup copy is made"
                " first. (Withdraw keeps the answers and leaves them out of every score instead.)",
                "",
                count,
            ).format(person.display_name)
        else:
            question = QCoreApplication.translate(
                "MainWindow", "Remove {0} from this round?"
            ).format(person.display_name)
        if not self.confirm(
            self, QCoreApplication.translate("MainWindow", "Remove team member"), question
        ):
            return
        from app.services import removal

        try:
            done = removal.remove_member(self.conn, self.db_path, respondent_id, actor=self.actor)
        except SmsOatError as exc:
            self._fail(exc)
        else:
            self._backup_note(done.backup)
        self._team_changed()

    def withdraw_person(self, respondent_id: int) -> None:
        person = round_people.get_respondent(self.conn, respondent_id)
        count = round_people.answer_count(self.conn, respondent_id)
        question = QCoreApplication.translate(
            "MainWindow",
            "Withdraw {0} from this round? Their %n answer(s) are kept but left out of every"
            " score, report and export until they are reinstated. The change log records it.",
            "",
            count,
        ).format(person.display_name)
        if not self.confirm(
            self, QCoreApplication.translate("MainWindow", "Withdraw team member"), question
        ):
            return
        try:
            round_people.withdraw_respondent(self.conn, respondent_id, actor=self.actor)
        except SmsOatError as exc:
            self._fail(exc)
        self._team_changed()

    def reinstate_person(self, respondent_id: int) -> None:
        try:
            round_people.reinstate_respondent(self.conn, respondent_id, actor=self.actor)
        except SmsOatError as exc:
            self._fail(exc)
        self._team_changed(respondent_id)

    def _team_changed(self, select_person: int | None = None) -> None:
        """Tell every page the team changed (the round's page, on screen, reads it again), then
        select the member just written and give the team table the focus back."""
        self.data_changed.emit()
        if self.current_round is None:
            return
        if self.stack.currentWidget() is not self._round_page:
            self.open_round(self.current_round, select_person)
            return
        if select_person is not None:
            self.round_page.select_person(select_person)
        self.round_page.team.setFocus()
