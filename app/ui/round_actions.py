"""A round's own actions from the main window: its histories, opening the results, who
facilitates, closing and reopening, and deleting it. A part of the main window (a mixin), kept
apart so the window itself only navigates. Its texts keep the "MainWindow" translation context,
where the catalogues already have them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.errors import SmsOatError
from app.services import agency_records, round_people
from app.ui.window_part import WindowPart

OPEN_FLAGS_LISTED = 30  # closing a round lists this many flagged item numbers, then "…"


class RoundActions(WindowPart):
    """Mixed into MainWindow (see app/ui/window_part.py for what it provides)."""

    def show_history(self, round_id: int) -> None:
        from app.ui.history_dialog import HistoryDialog

        if not self.privacy.results_door(round_id):
            return
        dialog = HistoryDialog(self, self.conn, round_id, self.lang)
        self.dialog = dialog
        dialog.open()

    def open_results(self, round_id: int) -> None:
        if self.privacy.open_results(round_id):
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "The results are open."), 10000
            )
            self.data_changed.emit()  # the round's page shows whether the results are open

    def make_private(self, round_id: int) -> None:
        """Round › Keep private until the meeting: for a round started before the rule (new
        rounds choose it in *Start a round*). Results once opened stay open."""
        from app.services import privacy

        if privacy.is_private(self.conn, round_id):
            self.inform(
                self,
                QCoreApplication.translate("MainWindow", "Private until the meeting"),
                QCoreApplication.translate(
                    "MainWindow", "This round is already private until the meeting."
                ),
            )
            return
        question = QCoreApplication.translate(
            "MainWindow",
            "Keep this round private until the meeting? Each person's answers, their scores and"
            " the team's results close until the facilitator opens them. The change log records"
            " it.",
        )
        title = QCoreApplication.translate("MainWindow", "Private until the meeting")
        if not self.confirm(self, title, question):
            return
        try:
            privacy.set_private(self.conn, round_id, True, actor=self.actor)
        except SmsOatError as exc:
            self._fail(exc)
            return
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "The round is private until the meeting."),
            10000,
        )
        self.data_changed.emit()  # the round's page says it is private

    def choose_facilitator(self, round_id: int) -> None:
        self.privacy.facilitator = None
        self.privacy.choose_facilitator(round_id)

    def show_change_history(self, round_id: int) -> None:
        from app.ui.change_history_dialog import ChangeHistoryDialog

        dialog = ChangeHistoryDialog(self, self.conn, round_id, self.db_path)
        self.dialog = dialog
        dialog.open()

    def toggle_round_status(self, round_id: int) -> None:
        rnd = round_people.get(self.conn, round_id)
        if rnd.status == "open":
            question = QCoreApplication.translate(
                "MainWindow",
                "Close {0}? Its answers, agreed scores and team are locked; the scorecard"
                " and action plan can still be printed. It can be reopened later.",
            ).format(rnd.name)
            title, new = QCoreApplication.translate("MainWindow", "Close round"), "closed"
            question = self._open_work_text(round_id, rnd.show_names) + question
        else:
            question = QCoreApplication.translate(
                "MainWindow",
                "Reopen {0}? Its answers can then be changed again. Reopening is recorded in"
                " the change log.",
            ).format(rnd.name)
            title, new = QCoreApplication.translate("MainWindow", "Reopen round"), "open"
        if not self.confirm(self, title, question):
            return
        try:
            round_people.set_status(self.conn, round_id, new, actor=self.actor)
        except SmsOatError as exc:
            self._fail(exc)
        else:
            self.data_changed.emit()
        self.show_team_view(round_id)

    def _open_work_text(self, round_id: int, show_names: bool) -> str:
        """What is unfinished in a round about to be closed, as the start of the question."""
        from app.services.round_close import open_work
        from app.services.team_review import column_labels
        from app.ui.texts import role_label

        work = open_work(self.conn, round_id)
        if work.empty:
            return ""
        lines = []
        if work.unfinished:
            people = [p for p, _, _ in work.unfinished]
            # named as the team view names them: by role unless the lead chose names
            names = column_labels(people, show_names, {p.role: role_label(p.role) for p in people})
            lines.append(
                QCoreApplication.translate("MainWindow", "Team members who have not finished:")
            )
            lines += [
                QCoreApplication.translate(
                    "MainWindow", "• {0}: {1} of %n item(s) answered", "", total
                ).format(name, answered)
                for name, (_, answered, total) in zip(names, work.unfinished, strict=True)
            ]
        if work.unagreed_flags:
            shown = ", ".join(work.unagreed_flags[:OPEN_FLAGS_LISTED])
            if len(work.unagreed_flags) > OPEN_FLAGS_LISTED:
                shown += " …"
            lines.append(
                QCoreApplication.translate(
                    "MainWindow", "Flagged items without an agreed answer ({0}): {1}"
                ).format(len(work.unagreed_flags), shown)
            )
        return "\n".join(lines) + "\n\n"

    def delete_round(self, round_id: int) -> None:
        from app.ui.texts import counted

        rnd = round_people.get(self.conn, round_id)
        org = agency_records.get(self.conn, rnd.organization_id)
        impact = round_people.deletion_impact(self.conn, round_id)
        question = QCoreApplication.translate(
            "MainWindow",
            "Delete the round {0} of {1}? This deletes its {2}, {3}, {4} and {5}. This cannot be"
            " undone; a backup copy is made first.",
        ).format(
            rnd.name,
            org.name,
            counted("team_member", impact.respondents),
            counted("saved_answer", impact.answers),
            counted("agreed_answer", impact.agreed),
            counted("priority", impact.priorities),
        )
        if not self.confirm(
            self, QCoreApplication.translate("MainWindow", "Delete round"), question
        ):
            return
        from app.services import removal

        try:
            done = removal.delete_round(self.conn, self.db_path, round_id, actor=self.actor)
        except SmsOatError as exc:
            self._fail(exc)
            return
        self._backup_note(done.backup)
        if self.settings.last_round == round_id:
            self.settings.last_round = None
        self.current_round = None
        self.show_home()
        self.data_changed.emit()
        self.home.select_agency(org.id)
