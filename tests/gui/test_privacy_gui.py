"""Issue 15 in the window: the scorecard's comments tick box, the export dialog's list of text
that may still name a team member, and the import preview's envelope line in words built by the
interface (translatable), not the exchange layer's English."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from app.db import responses, rounds
from app.services.catalog import default_catalog
from app.services.demo import create_demo
from app.ui.main_window import MainWindow
from tests.gui.test_exchange_wiring import _menu_action

WAIT = 20000


def _pdf_text(path: Path) -> str:
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def _scorecard(qtbot: QtBot, window: MainWindow, round_id: int, target: Path) -> str:
    window.ask_report_path = lambda _title, _name, then: then(target)  # type: ignore[method-assign]
    target.unlink(missing_ok=True)
    window.print_scorecard(round_id)
    qtbot.waitUntil(target.exists, timeout=WAIT)
    qtbot.waitUntil(lambda: window.last_report == target, timeout=WAIT)
    return " ".join(_pdf_text(target).split())


def test_the_scorecard_includes_comments_only_when_ticked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    result = create_demo(window.conn, default_catalog().get("sms-oat-bh"))
    round_id = result.round.id
    person = rounds.respondents(window.conn, round_id)[0]
    item = next(iter(responses.choices_for_respondent(window.conn, person.id)))
    code = responses.choices_for_respondent(window.conn, person.id)[item]
    responses.save_answer(window.conn, person.id, item, code, comment="Pilot <this> & that")
    action = _menu_action(window, "Scorecard includes team comments")
    assert action is window.act_scorecard_comments
    assert action.isCheckable() and not action.isChecked()  # type: ignore[attr-defined]
    target = tmp_path / "scorecard.pdf"
    text = _scorecard(qtbot, window, round_id, target)
    assert "Team members' comments" not in text and "Pilot" not in text
    action.trigger()  # type: ignore[attr-defined]
    text = _scorecard(qtbot, window, round_id, target)
    assert "Team members' comments" in text and "Pilot <this> & that" in text
    window.report_box.close()
