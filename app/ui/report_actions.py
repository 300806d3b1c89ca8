"""Writing a report the user asked for: where to save it, building it off the GUI thread, and the
"PDF saved" box that offers to open it. A part of the main window (a mixin), kept apart so the
window itself only navigates; which reports exist and how they are built is
`app.reports.outputs`.

Its texts keep the "MainWindow" translation context, where the catalogues already have them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.reports.outputs import suggested_name
from app.services import round_people
from app.ui.window_part import WindowPart
from app.ui.worker import run_with_database

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


class ReportActions(WindowPart):
    """Mixed into MainWindow (see app/ui/window_part.py for what it provides)."""

    last_report: Path
    report_box: QMessageBox

    def ask_report_path(self, title: str, name: str, then: Callable[[Path], object]) -> None:
        from app.ui import file_dialogs

        target = file_dialogs.save_path(
            self,
            "report",
            title,
            name,
            QCoreApplication.translate("MainWindow", "PDF files (*.pdf)"),
            suffix=".pdf",
        )
        if target is not None:
            then(target)

    def write_report(
        self,
        path: Path,
        kind: str,
        round_id: int | None,
        instrument_id: str | None = None,
        *,
        respondent: int | None = None,
        comments: bool = False,
    ) -> object:
        """Build a PDF in a worker with its own connection, write it atomically, then offer to
        open it. Returns the task (tests wait on its signals). `comments`: the scorecard includes
        the team's comments."""
        db_path, lang, paper, catalog = self.db_path, self.lang, self.settings.paper, self.catalog
        unprintable: list[str] = []  # filled by the worker before it reports success

        def work(conn: sqlite3.Connection) -> Path:
            from app.reports import outputs
            from app.services.files import write_atomically
            from app.services.output_paths import checked_output

            checked_output(path, db_path)
            data = outputs.build(
                kind,
                conn=conn,
                round_id=round_id,
                respondent_id=respondent,
                instrument=catalog.get(instrument_id or "") if kind == "blank" else None,
                lang=lang,
                paper=paper,
                comments=comments,
            )
            write_atomically(path, data, private=outputs.output(kind).personal)
            from app.reports.common import take_unprintable

            unprintable.extend(take_unprintable())
            return path

        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Building the PDF…"))
        task = run_with_database(
            db_path,
            work,
            lambda done: self._report_ready(done, unprintable),
            lambda msg: self.inform(
                self, QCoreApplication.translate("MainWindow", "PDF not written"), msg
            ),
        )
        return task

    def _status_saved(self, path: Path) -> None:
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Saved {0}").format(path), 10000
        )

    def _report_ready(self, path: Path, unprintable: Sequence[str] = ()) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.last_report = path
        self._status_saved(path)
        box = QMessageBox(self)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "PDF saved"))
        box.setText(QCoreApplication.translate("MainWindow", "Saved {0}").format(path))
        if unprintable:  # characters no shipped font has (most emoji) print as □
            listed = ", ".join(unprintable[:12]) + (" …" if len(unprintable) > 12 else "")
            box.setInformativeText(
                QCoreApplication.translate(
                    "MainWindow", "Some characters could not be printed and show as □: {0}"
                ).format(listed)
            )
        open_button = box.addButton(
            QCoreApplication.translate("MainWindow", "&Open"), QMessageBox.ButtonRole.AcceptRole
        )
        folder_button = box.addButton(
            QCoreApplication.translate("MainWindow", "Show in &folder"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.addButton(QMessageBox.StandardButton.Close)

        def clicked(button: object) -> None:
            from app.ui.dialogs import open_path

            if button is open_button:
                open_path(path)
            elif button is folder_button:
                open_path(path.parent)

        box.buttonClicked.connect(clicked)
        self.report_box = box
        box.open()

    def print_scorecard(self, round_id: int) -> None:
        if not self.privacy.results_door(round_id):
            return
        rnd = round_people.get(self.conn, round_id)
        self.ask_report_path(
            QCoreApplication.translate("MainWindow", "Save the scorecard as PDF"),
            suggested_name("scorecard", rnd.name),
            lambda path: self.write_report(
                path, "scorecard", round_id, comments=self.act_scorecard_comments.isChecked()
            ),
        )

    def print_action_plan(self, round_id: int) -> None:
        rnd = round_people.get(self.conn, round_id)
        self.ask_report_path(
            QCoreApplication.translate("MainWindow", "Save the action plan as PDF"),
            suggested_name("action-plan", rnd.name),
            lambda path: self.write_report(path, "action-plan", round_id),
        )

    def print_respondent_copy(self, respondent_id: int) -> None:
        person = round_people.get_respondent(self.conn, respondent_id)
        self.ask_report_path(
            QCoreApplication.translate("MainWindow", "Save my copy as PDF"),
            suggested_name("respondent", person.display_name),
            lambda path: self.write_report(
                path, "respondent", person.round_id, respondent=person.id
            ),
        )

    def print_blank_form(self) -> None:
        from app.services.demo import DEMO_INSTRUMENT

        instrument_id = DEMO_INSTRUMENT
        if self.current_round is not None:
            instrument_id = round_people.get(self.conn, self.current_round).instrument_id
        self.ask_report_path(
            QCoreApplication.translate("MainWindow", "Save the blank paper form as PDF"),
            suggested_name("blank", instrument_id),
            lambda path: self.write_report(path, "blank", None, instrument_id),
        )
