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

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QWidget

from app import APP_NAME
from app.core.errors import SmsOatError
from app.ui import refcount_guard
from app.ui.agency_actions import AgencyActions
from app.ui.data_safety_actions import DataSafetyActions
from app.ui.exchange_actions import ExchangeActions
from app.ui.help_actions import HelpActions
from app.ui.home_page import HomePage
from app.ui.lazy_pages import LazyPages
from app.ui.print_report import PrintActions
from app.ui.report_actions import ReportActions
from app.ui.round_actions import RoundActions
from app.ui.settings import AppSettings
from app.ui.team_actions import TeamActions
from app.ui.window_size import fit_first_start
from app.ui.worker import finish_all

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QDialog, QMessageBox

    from app.core.catalog import Catalog
    from app.ui.action_plan_page import ActionPlanPage
    from app.ui.coordinator_page import CoordinatorPage
    from app.ui.finish_page import FinishPage
    from app.ui.meeting_page import MeetingPage
    from app.ui.paper_entry import PaperEntryPage
    from app.ui.privacy_gate import PrivacyGate
    from app.ui.round_page import RoundPage
    from app.ui.team_view import TeamViewPage
    from app.ui.walkthrough import WalkthroughPage

log = logging.getLogger(__name__)
BACKUP_CHECK_MS = 60 * 60 * 1000
# instruments are read this long after the window shows (or on first use): start not slowed
INSTRUMENT_CHECK_MS = 1500
GUARD_AFTER_MS = 250
CLOSE_WAIT_MS = 30_000  # the longest work (a roll-up PDF of 1,000 agencies) takes about 4 s


def _install_input_guard() -> None:
    # imported here: its QEvent import builds QEvent.Type's 179 members (~1.6 ms of the start)
    from app.ui import input_guard

    input_guard.install()


def _confirm(parent: QWidget | None, title: str, text: str) -> bool:
    from app.ui import dialogs

    return dialogs.confirm(parent, title, text)


def _inform(parent: QWidget | None, title: str, text: str) -> None:
    from app.ui import dialogs

    dialogs.inform(parent, title, text)


class MainWindow(
    LazyPages,
    AgencyActions,
    TeamActions,
    RoundActions,
    ExchangeActions,
    ReportActions,
    PrintActions,
    DataSafetyActions,
    HelpActions,
    QMainWindow,
):
    """Menus, the page stack and the glue between pages; each group of actions is a part of its
    own (the mixins above). A write that other pages show emits `data_changed`, and the page on
    screen reads the data again (`_refresh_shown_page`)."""

    data_changed = Signal()

    def __init__(
        self,
        conn: sqlite3.Connection,
        db_path: Path,
        catalog: Catalog | Callable[[], Catalog],
        settings: AppSettings,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__()
        # app-wide: the wheel scrolls pages, never edits an unfocused field. Installed a moment
        # after the window is up: as a filter on every event it cost the start about 35 ms
        # (1.38x -> 1.67x a bare window); home has no field it guards, and install() settles
        # the widgets built before it.
        QTimer.singleShot(GUARD_AFTER_MS, _install_input_guard)
        QTimer.singleShot(GUARD_AFTER_MS, refcount_guard.install)  # PySide6's None leak
        self.conn = conn
        self.db_path = db_path
        # a function is called on first use: home does not need the instruments, and reading and
        # checking every instrument file would add to the start-up time
        self._catalog = catalog
        self.settings = settings
        self.lang = settings.language
        self.read_only = read_only
        self.dialog: QDialog | None = None
        self._privacy: PrivacyGate | None = None
        self.instrument_notice: QMessageBox | None = None
        self.confirm: Callable[[QWidget | None, str, str], bool] = _confirm
        self.inform: Callable[[QWidget | None, str, str], None] = _inform
        self.current_round: int | None = None
        self.setWindowTitle(APP_NAME + (self.tr(" (read-only)") if read_only else ""))

        self.home = HomePage(conn, self.lang)
        self._round_page: RoundPage | None = None
        # The other pages are built on first use: each Qt class first touched costs start-up time.
        self._walkthrough: WalkthroughPage | None = None
        self._finish: FinishPage | None = None
        self._paper: PaperEntryPage | None = None
        self._team: TeamViewPage | None = None
        self._meeting: MeetingPage | None = None
        self._plan: ActionPlanPage | None = None
        self._coordinator: CoordinatorPage | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)
        self.setCentralWidget(self.stack)
        self._connect_pages()
        self.data_changed.connect(self._refresh_shown_page)
        self._build_menus()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.status_label.setText(self.tr("Data file: {0}").format(db_path))

        geometry = settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            fit_first_start(self)
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
        if callable(catalog):
            QTimer.singleShot(INSTRUMENT_CHECK_MS, lambda: self.catalog)
        else:
            self._report_broken_instruments(catalog)

    @property
    def catalog(self) -> Catalog:
        if callable(self._catalog):
            self._catalog = self._catalog()
            self._report_broken_instruments(self._catalog)
        return self._catalog

    def _report_broken_instruments(self, catalog: Catalog) -> None:
        """One dismissible notice naming each instrument file that could not be used and its
        first problem; the other instruments stay usable (never skipped silently)."""
        if not catalog.errors:
            return
        from PySide6.QtWidgets import QMessageBox  # its enums cost the start ~1 ms when imported

        lines = [(error.problems[0] if error.problems else str(error)) for error in catalog.errors]
        notice = QMessageBox(self)
        notice.setIcon(QMessageBox.Icon.Warning)
        notice.setWindowTitle(self.tr("Instrument files not used"))
        notice.setText(
            self.tr(
                "%n instrument file(s) could not be used; the other instruments work as usual. "
                "Fix each file (smsoat instrument check FILE shows every problem) and restart.",
                "",
                len(lines),
            )
        )
        notice.setInformativeText("\n\n".join(lines[:20]))
        notice.setStandardButtons(QMessageBox.StandardButton.Close)
        notice.setModal(False)  # it informs; the window stays usable behind it
        self.instrument_notice = notice
        notice.show()

    # ------------------------------------------------------------ wiring
    def _action(
        self,
        menu: object,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        # setShortcuts, not setShortcut: the latter's argument conversion creates every enum of
        # Qt's namespace on first use (about 17 ms of the cold start); the former does not.
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every platform binding, e.g. Ctrl++ and Ctrl+=
        elif shortcut is not None:
            action.setShortcuts([QKeySequence(shortcut)])
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
        self._action(
            file, self.tr("Print a b&lank paper form…"), self.print_blank_form, "Ctrl+Shift+P"
        )
        self._action(
            file,
            self.tr("Save the sc&orecard as PDF…"),
            lambda: self._for_round(self.print_scorecard),
            "Ctrl+P",
        )
        # a tick box, off at every start: comments are free text that may name clients
        self.act_scorecard_comments = QAction(self.tr("Scorecard &with team comments"), self)
        self.act_scorecard_comments.setCheckable(True)
        file.addAction(self.act_scorecard_comments)
        self._action(
            file,
            self.tr("Save the &action plan as PDF…"),
            lambda: self._for_round(self.print_action_plan),
        )
        self.add_print_menu(file)  # File › Print: the same reports on paper
        file.addSeparator()
        self._action(
            file,
            self.tr("E&xport the round for the state…"),
            self._export_current,
            "Ctrl+Shift+E",
        )
        self.act_import = self._action(
            file, self.tr("&Import files from agencies…"), self.open_import, "Ctrl+I"
        )
        self.act_add_instrument = self._action(
            file, self.tr("Add instr&ument…"), self.open_add_instrument
        )
        self._action(file, self.tr("Exchange &keys…"), self.open_keys)
        file.addSeparator()
        self._action(file, self.tr("&Back up data…"), self.backup_to_file, "Ctrl+B")
        self.act_restore = self._action(file, self.tr("&Restore from backup…"), self.open_restore)
        self._action(file, self.tr("Open data &folder"), self.open_data_folder)
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu(self.tr("&Edit"))
        self._action(
            edit, self.tr("&Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences
        )
        view = bar.addMenu(self.tr("&View"))
        self._action(view, self.tr("&Home"), self.show_home, "Ctrl+Home")
        self._action(
            view, self.tr("State &coordinator view"), self.show_coordinator, "Ctrl+Shift+K"
        )
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
        # No Alt letter: every letter of "Round" is taken on some screen (Alt+U would cycle with
        # the rating screen's "Next unanswered"); F10 or Alt reach it, and its shortcuts.
        round_menu = bar.addMenu(self.tr("Round"))
        self._action(
            round_menu,
            self.tr("&Open the results…"),
            lambda: self._for_round(self.open_results),
            "Ctrl+Shift+R",
        )
        self._action(
            round_menu,
            self.tr("&Keep private until the meeting…"),
            lambda: self._for_round(self.make_private),
        )
        self._action(
            round_menu,
            self.tr("Set &my PIN…"),
            lambda: self._for_person(self.privacy.set_pin),
        )
        self._action(
            round_menu,
            self.tr("&Reset this person's PIN…"),
            lambda: self._for_person(self.privacy.reset_pin),
        )
        self._action(
            round_menu,
            self.tr("&Facilitate as…"),
            lambda: self._for_round(self.choose_facilitator),
        )
        round_menu.addSeparator()
        self._action(
            round_menu,
            self.tr("History of &changes…"),
            lambda: self._for_round(self.show_change_history),
            "Ctrl+Shift+H",
        )
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(
            help_menu,
            self.tr("&Guide to the self-assessment"),
            self.show_guide,
            QKeySequence.StandardKey.HelpContents,
        )
        self._action(help_menu, self.tr("&About"), self.show_about)
        for action in (self.act_new_agency, self.act_new_round, self.act_restore, self.act_import):
            action.setEnabled(not self.read_only)

    # ------------------------------------------------------------ pages
    def show_home(self) -> None:
        self._save_pending()
        self.current_round = None
        self.home.refresh()
        self.stack.setCurrentWidget(self.home)
        self.settings.last_round = None
        if self.home.agencies.count():
            self.home.agencies.setFocus()
        else:  # first run: the welcome's "Open the demo" is where to begin
            self.home.demo_button.setFocus()

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

    @property
    def privacy(self) -> PrivacyGate:
        """Private until the meeting: the doors to answers and results (app/ui/privacy_gate.py)."""
        if self._privacy is None:
            from app.ui.privacy_gate import PrivacyGate

            self._privacy = PrivacyGate(
                self, self.conn, lambda *a: self.confirm(*a), lambda *a: self.inform(*a)
            )
        return self._privacy

    @property
    def actor(self) -> str:
        """Who the change log records: the facilitator chosen in the app (Round › Facilitate
        as…, or when opening the results), else "app" as before."""
        return self.privacy.facilitator or "app"

    def show_person_scores(self, respondent_id: int) -> None:
        if self.privacy.person_door(respondent_id):
            self.show_finish(respondent_id)

    def start_rating(self, respondent_id: int) -> None:
        if not self.privacy.person_door(respondent_id):
            return
        self.walkthrough.load(respondent_id)
        self.stack.setCurrentWidget(self.walkthrough)

    def resume_at(self, respondent_id: int, item_id: str) -> None:
        self.walkthrough.load(respondent_id)
        ids = [i.id for i in self.walkthrough.items]
        if item_id in ids:
            self.walkthrough.show_item(ids.index(item_id))
        self.stack.setCurrentWidget(self.walkthrough)

    def start_paper(self, respondent_id: int) -> None:
        if not self.privacy.person_door(respondent_id):
            return
        self.paper.load(respondent_id)
        self.stack.setCurrentWidget(self.paper)

    def show_team_view(self, round_id: int) -> None:
        self._save_pending()
        if not self.privacy.results_door(round_id):
            return
        self.current_round = round_id
        self.team_view.load(round_id)
        self.stack.setCurrentWidget(self.team_view)
        self.team_view.grid.setFocus()

    def show_meeting(self, round_id: int) -> None:
        if not self.privacy.results_door(round_id):
            return
        self.meeting.actor = self.privacy.facilitator or "meeting"
        self.meeting.load(round_id)
        self.stack.setCurrentWidget(self.meeting)

    def show_action_plan(self, round_id: int) -> None:
        if not self.privacy.results_door(round_id):
            return
        self.action_plan.actor = self.privacy.facilitator or "app"
        self.action_plan.load(round_id)
        self.stack.setCurrentWidget(self.action_plan)

    def show_coordinator(self) -> None:
        self._save_pending()
        self.current_round = None
        self.settings.last_round = None
        page = self.coordinator
        page.load()
        self.stack.setCurrentWidget(page)
        page.instrument.setFocus()

    # ------------------------------------------------------------ glue
    def _for_person(self, action: Callable[[int], object]) -> None:
        person = self.round_page.current_person() if self.current_round is not None else None
        if person is None:
            self.inform(self, APP_NAME, self.tr("Open a round and select a team member first."))
            return
        action(person)

    def _for_round(self, action: Callable[[int], None]) -> None:
        if self.current_round is None:
            self.inform(self, APP_NAME, self.tr("Open a round first."))
            return
        action(self.current_round)

    def show_finish(self, respondent_id: int) -> None:
        self.finish.load(respondent_id)
        self.stack.setCurrentWidget(self.finish)
        self.finish.back_button.setFocus()

    def _refresh_shown_page(self) -> None:
        """The one answer to `data_changed`: the page on screen reads the data again, keeping
        its selection (home, the coordinator view, a round's page). Other pages load on entry."""
        shown = self.stack.currentWidget()
        if shown is self.home:
            self.home.refresh()
        elif shown is not None and shown is self._coordinator:
            self._coordinator.load()
        elif shown is not None and shown is self._round_page and self.current_round is not None:
            self._round_page.load(self.current_round)

    # ------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        # an import asks first ("Stop it and close?"); a no keeps the window open
        from PySide6.QtWidgets import QDialog

        for dialog in self.findChildren(QDialog):
            ask = getattr(dialog, "ask_to_stop", None)
            if ask is not None and not ask():
                event.ignore()
                return
        self._save_pending()
        # running reports, exports, imports end first: the widgets must outlive their tasks
        if not finish_all(CLOSE_WAIT_MS):
            log.warning("closing with background work still running")
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        if not self.read_only:
            from app.services import backups

            try:
                backups.backup_on_close(self.conn, self.db_path)
            except (SmsOatError, OSError) as exc:
                log.warning("backup on close failed: %s", exc)
        super().closeEvent(event)
