"""The action plan page's Implementation group: folded until something is written in it, each
field committed as it is typed (with a change-log entry), read-only in a closed round."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.models import IMPLEMENTATION_FIELDS
from app.db import action_plans, rounds
from app.db.connection import open_database
from app.services.catalog import default_catalog
from app.services.demo import create_demo
from app.ui.action_plan_page import ActionPlanPage


def test_implementation_fields_are_typed_stored_and_shown_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    conn = open_database(tmp_path / "x.sqlite3")
    round_id = create_demo(
        conn, default_catalog().get("sms-oat-bh"), today=date(2026, 4, 15)
    ).round.id
    page = ActionPlanPage(conn, "en")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.load(round_id)
    page.show()
    try:
        first = page.add_priority("domain", "1.2")
        second = page.add_priority("domain", "1.3")
        assert first is not None and second is not None
        page.select_priority(first.id)
        group = page.editor.implementation
        assert not group.body.isVisibleTo(page)  # folded while empty
        assert group.toggle.text().replace("&", "") == "Implementation: 0 of 4 filled"
        qtbot.mouseClick(group.toggle, Qt.MouseButton.LeftButton)
        assert group.body.isVisibleTo(page)
        typed = {
            "target_population": "Adults with diabetes",
            "supports": "Worksheet",
            "team_roles": "Nurse; MA",
            "training": "MI, two hours",
        }
        logged_before = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        for key, text in typed.items():
            box = group.boxes[key]
            box.setFocus()
            qtbot.keyClicks(box, text)
        assert group.toggle.text().replace("&", "") == "Implementation: 4 of 4 filled"
        page.select_priority(second.id)  # leaving the priority commits what is pending
        stored = action_plans.get_priority(conn, first.id)
        assert {k: getattr(stored, k) for k in IMPLEMENTATION_FIELDS} == typed
        assert conn.execute("SELECT count(*) FROM change_log").fetchone()[0] > logged_before
        assert not group.body.isVisibleTo(page)  # the other priority has none: folded
        page.select_priority(first.id)
        assert group.body.isVisibleTo(page)  # written in: opens by itself
        assert group.boxes["training"].toPlainText() == "MI, two hours"

        rounds.set_status(conn, round_id, "closed")
        page.load(round_id)
        page.select_priority(first.id)
        assert all(box.isReadOnly() for box in group.boxes.values())
    finally:
        page.close()
        conn.close()
