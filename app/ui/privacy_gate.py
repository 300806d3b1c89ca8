"""The window's side of *private until the meeting* (rules: app/services/privacy.py).

Every way into another person's answers or the team's results passes one of two doors here:

- `results_door`: the team view, the meeting, the action plan, rounds over time, the scorecard
  and the export stay shut while the round's results are closed; the person is told why and how
  they open.
- `person_door`: a person's own rating screen, paper entry and scores open only for that person.
  The app cannot see who sits at the keyboard, so it asks ("continue only if you are Ana") and,
  when Ana set a PIN, asks for it.

The facilitator opens the results (`open_results`), early only after a confirmation, and may reset
a forgotten PIN; both are logged with the facilitator chosen in the app (`Facilitator`).
Questions go through injected callables, so tests drive every door without a modal `exec()`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from app.core.errors import SmsOatError
from app.services import privacy
from app.services.progress import team_progress
from app.ui.error_text import user_message

Ask = Callable[[QWidget, str, str], bool]
Tell = Callable[[QWidget | None, str, str], None]
AskText = Callable[[QWidget, str, str], str | None]
AskChoice = Callable[[QWidget, str, str, list[str]], str | None]


def ask_pin_dialog(parent: QWidget, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def ask_name_dialog(parent: QWidget, title: str, label: str, names: list[str]) -> str | None:
    name, ok = QInputDialog.getItem(parent, title, label, names, 0, False)
    return name if ok and name else None


class PrivacyGate(QObject):
    """A QObject only for `tr()` (its words are in the PrivacyGate context)."""

    def __init__(self, parent: QWidget, conn: sqlite3.Connection, confirm: Ask, inform: Tell):
        super().__init__(parent)
        self.owner, self.conn = parent, conn
        self.confirm, self.inform = confirm, inform
        self.ask_pin: AskText = ask_pin_dialog
        self.ask_name: AskChoice = ask_name_dialog
        self.facilitator: str | None = None  # who the app records for facilitator actions

    # ----- doors
    def results_door(self, round_id: int) -> bool:
        """True when the round's results may be shown; otherwise says why, once."""
        if not privacy.results_closed(self.conn, round_id):
            return True
        self.inform(
            self.owner,
            self.tr("Private until the meeting"),
            self.tr(
                "Each person's answers and the team's results stay closed until the facilitator "
                "opens them (Round › Open the results…), so nobody is swayed by others' ratings.",
            ),
        )
        return False

    def person_door(self, respondent_id: int) -> bool:
        """True when this person's own answers may be shown to whoever is at the keyboard."""
        person = privacy.respondent(self.conn, respondent_id)
        if not privacy.results_closed(self.conn, person.round_id):
            return True
        name = person.display_name
        if not self.confirm(
            self.owner,
            self.tr("Private until the meeting"),
            self.tr("These are {0}'s own answers. Continue only if you are {0}.").format(name),
        ):
            return False
        if not privacy.has_pin(self.conn, respondent_id):
            return True
        pin = self.ask_pin(
            self.owner,
            self.tr("PIN"),
            self.tr("{0}'s PIN:").format(name),
        )
        if pin is None:
            return False
        if privacy.check_pin(self.conn, respondent_id, pin):
            return True
        self.inform(
            self.owner,
            self.tr("Wrong PIN"),
            self.tr(
                "That PIN is not right. If it is forgotten, the facilitator can reset it.",
            ),
        )
        return False

    # ----- facilitator
    def choose_facilitator(self, round_id: int) -> str | None:
        """Pick who you are from the round's team (or keep the one already chosen)."""
        if self.facilitator:
            return self.facilitator
        names = [p.respondent.display_name for p in team_progress(self.conn, round_id)]
        names.append(self.tr("Facilitator (not on the team)"))
        chosen = self.ask_name(
            self.owner,
            self.tr("Who are you?"),
            self.tr("You act as the facilitator:"),
            names,
        )
        if chosen:
            self.facilitator = chosen
        return chosen

    def open_results(self, round_id: int) -> bool:
        if not privacy.results_closed(self.conn, round_id):
            self.inform(
                self.owner,
                self.tr("Results"),
                self.tr("The results of this round are open."),
            )
            return False
        early = not privacy.everyone_finished(self.conn, round_id)
        if early and not self.confirm(
            self.owner,
            self.tr("Open the results early?"),
            self.tr(
                "Not everyone counted has finished rating. Open each person's answers and the "
                "team's results now anyway? This is recorded in the history of changes.",
            ),
        ):
            return False
        actor = self.choose_facilitator(round_id)
        if not actor:
            return False
        try:
            privacy.open_results(self.conn, round_id, actor=actor, early=early)
        except SmsOatError as exc:
            self.inform(
                self.owner,
                self.tr("Not done"),
                user_message(exc),
            )
            return False
        return True

    def set_pin(self, respondent_id: int) -> bool:
        """The person's own PIN; passing their door first (the old PIN, if any)."""
        if not self.person_door(respondent_id):
            return False
        person = privacy.respondent(self.conn, respondent_id)
        pin = self.ask_pin(
            self.owner,
            self.tr("Set a PIN"),
            self.tr("{0}, choose a PIN of 4 to 12 digits:").format(person.display_name),
        )
        if pin is None:
            return False
        try:
            privacy.set_pin(self.conn, respondent_id, pin, actor=person.display_name)
        except SmsOatError as exc:
            self.inform(
                self.owner,
                self.tr("Not done"),
                user_message(exc),
            )
            return False
        return True

    def reset_pin(self, respondent_id: int) -> bool:
        person = privacy.respondent(self.conn, respondent_id)
        if not privacy.has_pin(self.conn, respondent_id):
            self.inform(
                self.owner,
                self.tr("PIN"),
                self.tr("{0} has no PIN.").format(person.display_name),
            )
            return False
        actor = self.choose_facilitator(person.round_id)
        if not actor or not self.confirm(
            self.owner,
            self.tr("Reset the PIN?"),
            self.tr("Remove {0}'s PIN? They can set a new one. This is recorded.").format(
                person.display_name
            ),
        ):
            return False
        privacy.reset_pin(self.conn, respondent_id, actor=actor)
        return True
