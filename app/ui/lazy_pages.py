"""The main window's pages, each built on first use and wired to the window's actions: every
Qt class first touched costs start-up time, so only home is built at start. A part of the main
window (a mixin), kept apart so the window itself only navigates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.ui.window_part import WindowPart

if TYPE_CHECKING:
    from app.ui.action_plan_page import ActionPlanPage
    from app.ui.coordinator_page import CoordinatorPage
    from app.ui.finish_page import FinishPage
    from app.ui.meeting_page import MeetingPage
    from app.ui.paper_entry import PaperEntryPage
    from app.ui.round_page import RoundPage
    from app.ui.team_view import TeamViewPage
    from app.ui.walkthrough import WalkthroughPage


class LazyPages(WindowPart):
    """Mixed into MainWindow (see app/ui/window_part.py for what it provides)."""

    _walkthrough: WalkthroughPage | None
    _finish: FinishPage | None
    _paper: PaperEntryPage | None
    _team: TeamViewPage | None
    _meeting: MeetingPage | None
    _plan: ActionPlanPage | None
    _coordinator: CoordinatorPage | None

    def _connect_pages(self) -> None:
        h = self.home
        h.open_round.connect(self.open_round)
        h.new_agency.connect(lambda: self.open_agency_dialog(None))
        h.edit_agency.connect(self.open_agency_dialog)
        h.delete_agency.connect(self.delete_agency)
        h.new_round.connect(self.open_round_dialog)
        h.demo_requested.connect(self.create_demo)
        h.export_round.connect(self.open_export)
        h.delete_round.connect(self.delete_round)
        h.import_files.connect(self.open_import)
        h.coordinator.connect(self.show_coordinator)

    @property
    def round_page(self) -> RoundPage:
        if self._round_page is None:
            from app.ui.round_page import RoundPage

            page = RoundPage(self.conn, self.lang)
            page.back_home.connect(self.show_home)
            page.add_person.connect(lambda rid: self.open_person_dialog(rid, None))
            page.edit_person.connect(lambda pid: self.open_person_dialog(self.current_round, pid))
            page.remove_person.connect(self.remove_person)
            page.withdraw_person.connect(self.withdraw_person)
            page.reinstate_person.connect(self.reinstate_person)
            page.delete_round.connect(self.delete_round)
            page.rate.connect(self.start_rating)
            page.paper.connect(self.start_paper)
            page.results.connect(self.show_person_scores)
            page.team_view.connect(self.show_team_view)
            page.site_picker.changed.connect(self.data_changed.emit)
            self.stack.addWidget(page)
            self._round_page = page
        return self._round_page

    @property
    def walkthrough(self) -> WalkthroughPage:
        if self._walkthrough is None:
            from app.ui.walkthrough import WalkthroughPage

            page = WalkthroughPage(self.conn, self.lang)
            page.finished.connect(self.show_finish)
            page.confirm = lambda *a: self.confirm(*a)
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
            page.save_copy.connect(self.print_respondent_copy)
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

    @property
    def team_view(self) -> TeamViewPage:
        if self._team is None:
            from app.ui.team_view import TeamViewPage

            page = TeamViewPage(self.conn, self.lang)
            page.back.connect(self.open_round)
            page.meeting.connect(self.show_meeting)
            page.action_plan.connect(self.show_action_plan)
            page.history.connect(self.show_history)
            page.toggle_status.connect(self.toggle_round_status)
            page.print_scorecard.connect(self.print_scorecard)
            self.stack.addWidget(page)
            self._team = page
        return self._team

    @property
    def meeting(self) -> MeetingPage:
        if self._meeting is None:
            from app.ui.meeting_page import MeetingPage

            page = MeetingPage(self.conn, self.lang)
            page.back.connect(self.show_team_view)
            self.stack.addWidget(page)
            self._meeting = page
        return self._meeting

    @property
    def action_plan(self) -> ActionPlanPage:
        if self._plan is None:
            from app.ui.action_plan_page import ActionPlanPage

            page = ActionPlanPage(self.conn, self.lang)
            page.back.connect(self.show_team_view)
            page.confirm = lambda *a: self.confirm(*a)
            self.stack.addWidget(page)
            self._plan = page
        return self._plan

    @property
    def coordinator(self) -> CoordinatorPage:
        if self._coordinator is None:
            from app.ui.coordinator_page import CoordinatorPage

            page = CoordinatorPage(self.conn, self.lang, self.db_path)
            page.paper = self.settings.paper
            page.back.connect(self.show_home)
            page.open_import = self.open_import
            page.file_written.connect(self._status_saved)
            page.import_button.setEnabled(not self.read_only)
            self.stack.addWidget(page)
            self._coordinator = page
        return self._coordinator

    def _save_pending(self) -> None:
        if self._walkthrough is not None:
            self._walkthrough.save_comment()
        if self._meeting is not None:
            self._meeting.save_rationale()
        if self._plan is not None:
            self._plan.save_pending()
