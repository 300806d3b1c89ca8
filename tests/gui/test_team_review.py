"""Team view, consensus meeting, closing a round, printing: driven like the lead would."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.errors import ValidationError
from app.db import action_plans, responses, rounds
from app.services.catalog import default_catalog
from app.services.demo import create_demo
from app.services.round_scores import round_scores
from app.ui.main_window import MainWindow
from app.ui.team_view import flag_text
from tests.gui.conftest import MakeWindow


def _demo(window: MainWindow) -> int:
    result = create_demo(window.conn, default_catalog().get("sms-oat-bh"))
    window.open_round(result.round.id)
    window.round_page.team_button.click()
    assert window.stack.currentWidget() is window.team_view
    return result.round.id


def _column(window: MainWindow, title: str) -> int:
    grid = window.team_view.grid
    return next(
        c
        for c in range(grid.columnCount())
        if grid.horizontalHeaderItem(c).text().replace("\n", " ") == title
    )


def test_flags_in_the_team_view_match_the_scoring_core(window: MainWindow) -> None:
    round_id = _demo(window)
    team = round_scores(window.conn, round_id).team
    grid = window.team_view.grid
    flags_col = _column(window, "Flags")
    shown = {
        grid.item(r, 0).data(256): grid.item(r, flags_col).text() for r in range(grid.rowCount())
    }
    assert len(shown) == len(team.items)
    for item_id, stats in team.items.items():
        assert ("LOW" in shown[item_id]) == stats.low, item_id
        assert ("SPLIT" in shown[item_id]) == stats.disagreement, item_id
        assert ("DON'T KNOW" in shown[item_id]) == (stats.dont_know > 0), item_id
    assert any(shown.values()), "the demo has flagged items"
    window.team_view.flagged_only.setChecked(True)
    assert grid.rowCount() == len(team.flagged_items)
    window.team_view.sort.setCurrentIndex(window.team_view.sort.findData("spread"))
    spread_col = _column(window, "Spread")
    spreads = [float(grid.item(r, spread_col).text()) for r in range(grid.rowCount())]
    assert spreads == sorted(spreads, reverse=True)


def test_names_only_when_the_lead_chooses(window: MainWindow) -> None:
    round_id = _demo(window)
    headers = lambda: [  # noqa: E731
        window.team_view.grid.horizontalHeaderItem(c).text().replace("\n", " ")
        for c in range(window.team_view.grid.columnCount())
    ]
    assert "Alex Rivera" not in headers() and "Clinical staff" in headers()
    window.team_view.show_names.setChecked(True)
    assert "Alex Rivera" in headers()
    assert rounds.get(window.conn, round_id).show_names


def test_meeting_records_agreed_answers_that_survive_reopening(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window()
    round_id = _demo(window)
    window.team_view.meeting_button.click()
    meeting = window.meeting
    assert window.stack.currentWidget() is meeting
    flagged = [r.item_id for r in meeting.rows]
    assert flagged and all(r.flags for r in meeting.rows)
    assert "Alex" not in meeting.spread.text()  # no names in the meeting
    agreed = {}
    for n, item_id in enumerate(flagged[:3]):
        meeting.go(n)
        assert meeting.item.id == item_id
        meeting.rationale.setPlainText(f"We agreed after discussing <{item_id}> & moved on 🙂")
        button = meeting.buttons[1]
        button.click()
        agreed[item_id] = meeting.item.scale.choices[1].code
    meeting.go(3)
    meeting.rationale.setPlainText("rationale typed before choosing")
    meeting.go(4)  # leaving commits the rationale at once
    window.close()
    window = make_window()
    stored = responses.consensus_for_round(window.conn, round_id)
    for item_id, code in agreed.items():
        assert stored[item_id].choice == code
        assert stored[item_id].rationale == f"We agreed after discussing <{item_id}> & moved on 🙂"
    assert stored[flagged[3]].rationale == "rationale typed before choosing"
    window.show_team_view(round_id)
    window.team_view.meeting_button.click()
    window.meeting.go(0)
    assert [b.isChecked() for b in window.meeting.buttons][1]


def test_a_closed_round_refuses_edits_and_reopening_asks(window: MainWindow) -> None:
    round_id = _demo(window)
    asked: list[str] = []
    window.confirm = lambda _p, _t, text: asked.append(text) or True
    window.team_view.status_button.click()
    assert rounds.get(window.conn, round_id).status == "closed"
    assert not window.team_view.meeting_button.isEnabled()
    with pytest.raises(ValidationError):
        responses.save_consensus(window.conn, round_id, "1.1.1", "2")
    person = rounds.respondents(window.conn, round_id)[0]
    window.start_rating(person.id)
    assert not any(b.isEnabled() for b in window.walkthrough.buttons)
    window.show_team_view(round_id)
    window.team_view.status_button.click()
    assert rounds.get(window.conn, round_id).status == "open"
    assert len(asked) == 2 and "Reopen" in asked[1]
    actions = [r["action"] for r in window.conn.execute("SELECT action FROM change_log")]
    assert "close" in actions and "reopen" in actions


def test_unfinished_priorities_carry_into_the_next_round(window: MainWindow) -> None:
    round_id = _demo(window)
    action_plans.create_priority(window.conn, round_id, "domain", "1.2", goal="Use one form")
    done = action_plans.create_priority(window.conn, round_id, "item", "2.1", goal="Survey")
    action_plans.update_priority(window.conn, done.id, status="done")
    window.show_home()
    window.home.new_round_button.click()
    dialog = window.dialog
    dialog.name.setText("Next spring")  # type: ignore[attr-defined]
    dialog.private.setChecked(False)  # type: ignore[attr-defined]  # team view at once
    dialog.buttons.accepted.emit()  # type: ignore[attr-defined]
    new_round = window.current_round
    assert new_round is not None and new_round != round_id
    carried = action_plans.priorities_for_round(window.conn, new_round)
    assert [(p.scope_id, p.goal) for p in carried] == [("1.2", "Use one form")]
    window.show_team_view(new_round)
    planned = _column(window, "Planned")
    grid = window.team_view.grid
    texts = {
        grid.item(r, 0).data(256): grid.item(r, planned).text() for r in range(grid.rowCount())
    }
    assert "Use one form" in texts["1.2.1"] and texts["2.1"] == ""


def test_print_scorecard_writes_a_pdf_in_the_background(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    round_id = _demo(window)
    target = tmp_path / "scorecard.pdf"
    task = window.write_report(target, "scorecard", round_id)
    with qtbot.waitSignal(task.signals.finished, timeout=20000):  # type: ignore[attr-defined]
        pass
    assert target.read_bytes().startswith(b"%PDF")
    assert window.last_report == target


def test_flag_text_uses_words_not_colour(window: MainWindow) -> None:
    """Every flag is a word of its own (so it reads without colour), in the flags' order."""
    from types import SimpleNamespace
    from typing import cast

    from app.services.team_review import ItemRow

    words = {"low": "LOW", "disagreement": "SPLIT", "dont_know": "DON'T KNOW"}
    every = cast(ItemRow, SimpleNamespace(flags=list(words)))
    assert flag_text(every).split(" · ") == list(words.values())
    assert flag_text(cast(ItemRow, SimpleNamespace(flags=[]))) == ""
    _demo(window)
    flagged = [r for r in window.team_view.visible_rows() if r.flags]
    assert flagged
    for row in flagged:
        assert flag_text(row).split(" · ") == [words[f] for f in row.flags]


def test_rounds_over_time_show_each_round_and_the_change(window: MainWindow) -> None:
    from datetime import date

    from app.db import organizations
    from app.services.round_history import round_history

    round_id = _demo(window)
    rnd = rounds.get(window.conn, round_id)
    instrument = rounds.instrument_for(window.conn, rnd)
    later = rounds.create(
        window.conn, rnd.organization_id, instrument, "Later", date(2027, 1, 1), date(2027, 3, 31)
    )
    person = rounds.add_respondent(window.conn, later.id, "Solo", "other")
    for item in instrument.items:
        responses.save_answer(window.conn, person.id, item.id, "4")
    window.show_history(later.id)
    table = window.dialog.table  # type: ignore[union-attr]
    assert table.rowCount() == 2
    assert table.item(1, 0).text() == "Later"
    history = round_history(
        window.conn, organizations.get(window.conn, rnd.organization_id).id, "sms-oat-bh"
    )
    change = history[1].change["all"]
    assert change is not None and change > 0
    assert "▲" in table.item(1, 2).text() and table.item(1, 2).text().startswith("4.00")


def test_the_finish_page_saves_a_persons_own_copy(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    import io

    from pypdf import PdfReader

    round_id = _demo(window)
    people = rounds.respondents(window.conn, round_id)
    me, other = people[0], people[1]
    window.show_finish(me.id)
    target = tmp_path / "my-copy.pdf"
    asked: list[str] = []

    def ask(_title: str, name: str, then: object) -> None:
        asked.append(name)
        then(target)  # type: ignore[operator]

    window.ask_report_path = ask  # type: ignore[method-assign]
    window.finish.copy_button.click()
    qtbot.waitUntil(lambda: target.exists(), timeout=20000)
    assert asked and asked[0].startswith("my-answers-") and asked[0].endswith(".pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert me.display_name in text
    assert other.display_name not in text


def test_a_provisional_finish_page_shows_no_final_band(window: MainWindow) -> None:
    """12 of 29 answered: the overall line says provisional and no band is shown as final."""
    round_id = _demo(window)
    inst = default_catalog().get("sms-oat-bh")
    late = rounds.add_respondent(window.conn, round_id, "Late", "other")
    for item in inst.items[:12]:
        responses.save_answer(window.conn, late.id, item.id, "2")
    window.show_finish(late.id)
    summary = window.finish.summary.text()
    assert "Provisional overall so far" in summary and "Not counted" in summary
    bands = {b.label.get("en") for b in inst.bands}
    assert not any(f"— {band}" in summary for band in bands)
    table = window.finish.table
    for row in range(table.rowCount()):
        shown = table.item(row, 3).text()
        assert shown == "–" or shown.startswith("provisional"), shown
    window.open_round(round_id)
    window.round_page.team_button.click()
    assert "Not counted yet (1 of" in window.team_view.summary.text()
    assert "12 of 29 answered" in window.team_view.summary.text()


def test_the_team_sees_its_comments_by_role_or_by_name(window: MainWindow) -> None:
    round_id = _demo(window)
    team = rounds.respondents(window.conn, round_id)
    person = next(p for p in team if p.role == "peer_specialist")
    meeting_rows = window.team_view.review
    assert meeting_rows is not None
    item_id = meeting_rows.flagged[0].item_id
    code = responses.choices_for_respondent(window.conn, person.id).get(item_id)
    responses.save_answer(window.conn, person.id, item_id, code, comment="We never saw the form")
    window.show_team_view(round_id)
    grid = window.team_view.grid
    col = _column(window, "Comments")
    row = next(r for r in range(grid.rowCount()) if grid.item(r, 0).data(256) == item_id)
    assert "Peer specialist" in grid.item(row, col).text()
    assert "We never saw the form" in grid.item(row, col).text()
    assert person.display_name not in grid.item(row, col).text()
    window.team_view.show_names.setChecked(True)
    row = next(r for r in range(grid.rowCount()) if grid.item(r, 0).data(256) == item_id)
    assert f"{person.display_name}: We never saw the form" in grid.item(row, col).text()
    window.team_view.show_names.setChecked(False)
    window.team_view.meeting_button.click()
    meeting = window.meeting
    meeting.go(next(n for n, r in enumerate(meeting.rows) if r.item_id == item_id))
    shown = meeting.comments.text()
    assert "We never saw the form" in shown and "Peer specialist" in shown
    assert person.display_name not in shown
