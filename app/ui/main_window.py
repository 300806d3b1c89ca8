"""The main window: pages in a stack, menus and shortcuts, and the glue between them.

Dialogs are opened with open() and kept in `self.dialog`; questions go through `self.confirm`,
so tests (and a future automation) can answer them without a modal loop.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QWidget

from app import APP_NAME, __version__
from app.core.catalog import Catalog
from app.core.errors import SmsOatError
from app.db import organizations, rounds
from app.db.connection import open_database
from app.ui.home_page import HomePage
from app.ui.round_page import RoundPage
from app.ui.settings import AppSettings
from app.ui.style import apply_text_size
from app.ui.worker import run_task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from app.ui import dialogs
    from app.ui.finish_page import FinishPage
    from app.ui.paper_entry import PaperEntryPage
    from app.ui.walkthrough import WalkthroughPage

log = logging.getLogger(__name__)
BACKUP_CHECK_MS = 60 * 60 * 1000


def _confirm(parent: QWidget | None, title: str, text: str) -> bool:
    from app.ui import dialogs

    return dialogs.confirm(parent, title, text)


def _inform(parent: QWidget | None, title: str, text: str) -> None:
    from app.ui import dialogs

    dialogs.inform(parent, title, text)


class MainWindow(QMainWindow):
    def __init__(
        self,
        conn: sqlite3.Connection,
        db_path: Path,
        catalog: Catalog,
        settings: AppSettings,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__()
        self.conn = conn
        self.db_path = db_path
        self.catalog = catalog
        self.settings = settings
        self.lang = settings.language
        self.read_only = read_only
        self.dialog: QDialog | None = None
        self.confirm: Callable[[QWidget | None, str, str], bool] = _confirm
        self.inform: Callable[[QWidget | None, str, str], None] = _inform
        self.current_round: int | None = None
        self._tasks: list[object] = []
        self.setWindowTitle(APP_NAME + (self.tr(" (read-only)") if read_only else ""))

        self.home = HomePage(conn, self.lang)
        self.round_page = RoundPage(conn, self.lang)
        # The other pages are built on first use: each Qt class first touched costs start-up time.
        self._walkthrough: WalkthroughPage | None = None
        self._finish: FinishPage | None = None
        self._paper: PaperEntryPage | None = None
        self.stack = QStackedWidget()
        for page in (self.home, self.round_page):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self._connect_pages()
        self._build_menus()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.status_label.setText(self.tr("Data file: {0}").format(db_path))

        geometry = settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)
        last = settings.last_round
        self.show_home()
        if last is not None:
            try:
                self.open_round(last)
            except SmsOatError:
                self.show_home()
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self.backup_if_due)
        self._backup_timer.start()
        QTimer.singleShot(3000, self.backup_if_due)

    # ------------------------------------------------------------ wiring
    def _connect_pages(self) -> None:
        h = self.home
        h.open_round.connect(self.open_round)
        h.new_agency.connect(lambda: self.open_agency_dialog(None))
        h.edit_agency.connect(self.open_agency_dialog)
        h.delete_agency.connect(self.delete_agency)
        h.new_round.connect(self.open_round_dialog)
        h.demo_requested.connect(self.create_demo)
        r = self.round_page
        r.back_home.connect(self.show_home)
        r.add_person.connect(lambda rid: self.open_person_dialog(rid, None))
        r.edit_person.connect(lambda pid: self.open_person_dialog(self.current_round, pid))
        r.remove_person.connect(self.remove_person)
        r.rate.connect(self.start_rating)
        r.paper.connect(self.start_paper)
        r.results.connect(self.show_finish)

    @property
    def walkthrough(self) -> WalkthroughPage:
        if self._walkthrough is None:
            from app.ui.walkthrough import WalkthroughPage

            page = WalkthroughPage(self.conn, self.lang)
            page.finished.connect(self.show_finish)
            page.leave.connect(lambda _pid: self._back_to_round())
            page.saved.connect(lambda text: self.statusBar().showMessage(text, 5000))
            self.stack.addWidget(page)
            self._walkthrough = page
        return self._walkthrough

    @property
    def finish(self) -> FinishPage:
        if self._finish is None:
            from app.ui.finish_page import FinishPage

            page = FinishPage(self.conn, self.lang)
            page.back_to_round.connect(lambda _rid: self._back_to_round())
            page.go_to_item.connect(self.resume_at)
            self.stack.addWidget(page)
            self._finish = page
        return self._finish

    @property
    def paper(self) -> PaperEntryPage:
        if self._paper is None:
            from app.ui.paper_entry import PaperEntryPage

            page = PaperEntryPage(self.conn, self.lang)
            page.done.connect(lambda _rid: self._back_to_round())
            self.stack.addWidget(page)
            self._paper = page
        return self._paper

    def _save_pending(self) -> None:
        if self._walkthrough is not None:
            self._walkthrough.save_comment()

    def _action(
        self,
        menu: object,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self.act_new_agency = self._action(
            file,
            self.tr("&New agency…"),
            lambda: self.open_agency_dialog(None),
            QKeySequence.StandardKey.New,
        )
        self.act_new_round = self._action(
            file, self.tr("&Start a round…"), self._new_round_for_current, "Ctrl+Shift+N"
        )
        file.addSeparator()
        self._action(file, self.tr("&Back up data…"), self.backup_to_file, "Ctrl+B")
        self._action(file, self.tr("Open data &folder"), self.open_data_folder)
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu(self.tr("&Edit"))
        self._action(
            edit, self.tr("&Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences
        )
        view = bar.addMenu(self.tr("&View"))
        self._action(view, self.tr("&Home"), self.show_home, "Ctrl+Home")
        view.addSeparator()
        self._action(
            view,
            self.tr("&Larger text"),
            lambda: self.step_text_size(1),
            QKeySequence.StandardKey.ZoomIn,
        )
        self._action(
            view,
            self.tr("&Smaller text"),
            lambda: self.step_text_size(-1),
            QKeySequence.StandardKey.ZoomOut,
        )
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(
            help_menu,
            self.tr("&Guide to the self-assessment"),
            self.show_guide,
            QKeySequence.StandardKey.HelpContents,
        )
        self._action(help_menu, self.tr("&About"), self.show_about)
        for action in (self.act_new_agency, self.act_new_round):
            action.setEnabled(not self.read_only)

    # ------------------------------------------------------------ pages
    def show_home(self) -> None:
        self._save_pending()
        self.current_round = None
        self.home.refresh()
        self.stack.setCurrentWidget(self.home)
        self.settings.last_round = None
        self.home.agencies.setFocus()

    def open_round(self, round_id: int, select_person: int | None = None) -> None:
        self.round_page.load(round_id, select_person)
        self.current_round = round_id
        self.settings.last_round = round_id
        self.stack.setCurrentWidget(self.round_page)
        self.round_page.team.setFocus()

    def _back_to_round(self) -> None:
        if self.current_round is not None:
            page = self._walkthrough
            person = page.person.id if page is not None and page.person else None
            self.open_round(self.current_round, person)
        else:
            self.show_home()

    def start_rating(self, respondent_id: int) -> None:
        self.walkthrough.load(respondent_id)
        self.stack.setCurrentWidget(self.walkthrough)

    def resume_at(self, respondent_id: int, item_id: str) -> None:
        self.walkthrough.load(respondent_id)
        ids = [i.id for i in self.walkthrough.items]
        if item_id in ids:
            self.walkthrough.show_item(ids.index(item_id))
        self.stack.setCurrentWidget(self.walkthrough)

    def start_paper(self, respondent_id: int) -> None:
        self.paper.load(respondent_id)
        self.stack.setCurrentWidget(self.paper)

    def show_finish(self, respondent_id: int) -> None:
        self.finish.load(respondent_id)
        self.stack.setCurrentWidget(self.finish)
        self.finish.back_button.setFocus()

    # ------------------------------------------------------------ agencies, rounds, people
    def _fail(self, exc: Exception) -> None:
        self.inform(self, self.tr("Not done"), str(exc))

    def open_agency_dialog(self, org_id: int | None) -> None:
        org = organizations.get(self.conn, org_id) if org_id is not None else None
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
                org = organizations.create(self.conn, d.name.text(), **fields)
            else:
                org = organizations.update(self.conn, d.org.id, name=d.name.text(), **fields)
        except SmsOatError as exc:
            self._fail(exc)
            return
        self.settings.welcomed = True
        self.home.refresh(select_agency=org.id)

    def delete_agency(self, org_id: int) -> None:
        org = organizations.get(self.conn, org_id)
        impact = organizations.deletion_impact(self.conn, org_id)
        if impact.rounds:
            text = self.tr(
                "Delete {0}? This also deletes its {1} round(s), {2} team member(s) and {3}"
                " saved answer(s). This cannot be undone (automatic backups keep earlier copies)."
            ).format(org.name, impact.rounds, impact.respondents, impact.answers)
        else:
            text = self.tr("Delete {0}? It has no rounds yet.").format(org.name)
        if not self.confirm(self, self.tr("Delete agency"), text):
            return
        try:
            organizations.delete(self.conn, org_id)
        except SmsOatError as exc:
            self._fail(exc)
        self.home.refresh()

    def _new_round_for_current(self) -> None:
        org_id = self.home.current_agency()
        if org_id is None and self.current_round is not None:
            org_id = rounds.get(self.conn, self.current_round).organization_id
        if org_id is None:
            self.inform(
                self, self.tr("Start a round"), self.tr("Create or choose an agency first.")
            )
            return
        self.open_round_dialog(org_id)

    def open_round_dialog(self, org_id: int) -> None:
        from app.ui import dialogs

        dialog = dialogs.RoundDialog(self, self.catalog, self.lang)
        dialog.accepted.connect(lambda: self._save_round(org_id, dialog))
        self.dialog = dialog
        dialog.open()

    def _save_round(self, org_id: int, d: dialogs.RoundDialog) -> None:
        start, end = d.period()
        try:
            instrument = self.catalog.get(d.instrument.currentData())
            rnd = rounds.create(self.conn, org_id, instrument, d.name.text(), start, end)
        except SmsOatError as exc:
            self._fail(exc)
            return
        self.open_round(rnd.id)

    def open_person_dialog(self, round_id: int | None, respondent_id: int | None) -> None:
        if round_id is None:
            return
        person = rounds.get_respondent(self.conn, respondent_id) if respondent_id else None
        from app.ui import dialogs

        dialog = dialogs.PersonDialog(self, person)
        dialog.accepted.connect(lambda: self._save_person(round_id, dialog))
        self.dialog = dialog
        dialog.open()

    def _save_person(self, round_id: int, d: dialogs.PersonDialog) -> None:
        try:
            if d.person_id is None:
                person = rounds.add_respondent(
                    self.conn, round_id, d.name.text(), d.role.currentData()
                )
            else:
                person = rounds.update_respondent(
                    self.conn, d.person_id, display_name=d.name.text(), role=d.role.currentData()
                )
        except SmsOatError as exc:
            self._fail(exc)
            return
        self.open_round(round_id, person.id)

    def remove_person(self, respondent_id: int) -> None:
        person = rounds.get_respondent(self.conn, respondent_id)
        if not self.confirm(
            self,
            self.tr("Remove team member"),
            self.tr("Remove {0} from this round?").format(person.display_name),
        ):
            return
        try:
            rounds.remove_respondent(self.conn, respondent_id)
        except SmsOatError as exc:
            self._fail(exc)
        if self.current_round is not None:
            self.open_round(self.current_round)

    def create_demo(self) -> None:
        from app.services.demo import DEMO_INSTRUMENT, create_demo

        try:
            instrument = self.catalog.get(DEMO_INSTRUMENT)
            result = create_demo(self.conn, instrument)
        except SmsOatError as exc:
            self._fail(exc)
            return
        self.settings.welcomed = True
        self.home.refresh(select_agency=result.round.organization_id)

    # ------------------------------------------------------------ data safety
    def backup_if_due(self) -> None:
        if self.read_only:
            return
        db_path = self.db_path

        def work() -> Path | None:
            from app.services import backups

            conn = open_database(db_path, migrate=False)
            try:
                return backups.backup_if_due(conn, db_path)
            finally:
                conn.close()

        self._tasks.append(
            run_task(work, lambda _p: None, lambda msg: log.warning("backup: %s", msg))
        )

    def backup_to_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up data"),
            str(Path.home() / "smsoat-backup.sqlite3"),
            self.tr("SMS OAT data (*.sqlite3)"),
        )
        if target:
            self.write_backup(Path(target))

    def write_backup(self, target: Path) -> None:
        db_path = self.db_path

        def work() -> Path:
            from app.db.connection import backup_to

            conn = open_database(db_path, migrate=False)
            try:
                backup_to(conn, target)
            finally:
                conn.close()
            return target

        self.statusBar().showMessage(self.tr("Writing the backup…"))
        self._tasks.append(
            run_task(
                work,
                lambda p: self.statusBar().showMessage(
                    self.tr("Backup written to {0}").format(p), 10000
                ),
                lambda msg: self.inform(self, self.tr("Backup failed"), msg),
            )
        )

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db_path.parent)))

    # ------------------------------------------------------------ settings and help
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
        from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

        from app.ui.guide import guide_html

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Guide"))
        browser = QTextBrowser()
        browser.setHtml(guide_html())
        browser.setAccessibleName(self.tr("Guide to the self-assessment"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        dialog.resize(640, 480)
        self.dialog = dialog
        dialog.open()

    def about_text(self) -> str:
        parts = [
            f"{APP_NAME} {__version__}",
            self.tr("Offline organizational self-assessment of self-management support."),
            self.tr("Data file: {0}").format(self.db_path),
            "",
            self.tr("Instruments:"),
        ]
        for inst in sorted(self.catalog.instruments.values(), key=lambda i: i.id):
            parts.append(
                f"• {inst.title.get(self.lang)} {inst.version}: {inst.attribution.get(self.lang)}"
            )
        return "\n".join(parts)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About {0}").format(APP_NAME))
        box.setText(self.about_text())
        self.dialog = None
        box.open()

    # ------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        self.walkthrough.save_comment()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        if not self.read_only:
            from app.services import backups

            try:
                backups.backup_on_close(self.conn, self.db_path)
            except (SmsOatError, OSError) as exc:
                log.warning("backup on close failed: %s", exc)
        super().closeEvent(event)
