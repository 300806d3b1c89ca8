"""Screenshots of the main screens at 1366×768 for docs/screenshots (run under Xvfb).

    make screenshots          # xvfb-run .venv/bin/python build/screenshots.py

Uses a throw-away data folder with the demo agency; also a check that nothing is cut off, since
every screen is grabbed at the small laptop size and at the largest text size.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))


def main() -> int:
    os.environ["SMSOAT_DATA_DIR"] = tempfile.mkdtemp(prefix="smsoat-shots-")
    lang = os.environ.get("SMSOAT_SHOT_LANG", "en")
    from PySide6.QtWidgets import QApplication

    from app import paths
    from app.db.connection import open_database
    from app.services.catalog import default_catalog
    from app.ui.launch import install_translators
    from app.ui.main_window import MainWindow
    from app.ui.settings import AppSettings
    from app.ui.style import apply_text_size

    app = QApplication(sys.argv)
    settings = AppSettings()
    settings.language = lang
    install_translators(app, lang)
    db_path = paths.default_database_path()
    conn = open_database(db_path)
    window = MainWindow(conn, db_path, default_catalog(), settings)
    window.resize(1366, 768)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)
    suffix = "" if lang == "en" else f"-{lang}"

    def shot(name: str) -> None:
        for _ in range(5):
            app.processEvents()
        path = OUT / f"{name}{suffix}.png"
        window.grab().save(str(path))
        print(path.relative_to(ROOT))

    for size in ("medium", "large"):
        tag = "" if size == "medium" else "-large-text"
        settings.text_size = size
        apply_text_size(size)
        window.show_home()
        if size == "medium":
            shot("01-home-first-run")
            window.create_demo()
        shot(f"02-home{tag}")
        round_id = window.home.rounds.item(0, 0).data(256)
        window.open_round(round_id)
        shot(f"03-round-setup{tag}")
        person = window.round_page.current_person()
        assert person is not None
        window.resume_at(person, "1.1.3")
        window.walkthrough.examples_button.setChecked(True)
        shot(f"04-walkthrough{tag}")
        window.show_finish(person)
        shot(f"05-finish-page{tag}")
        if size == "medium":
            window.start_paper(person)
            shot("06-paper-mode")
            window.show_team_view(round_id)
            shot("07-team-view")
            window.team_view.flagged_only.setChecked(True)
            window.show_meeting(round_id)
            window.meeting.rationale.setPlainText("Most of us see this only with new clients.")
            window.meeting.buttons[1].click()
            shot("08-consensus-meeting")
            window.show_action_plan(round_id)
            page = window.action_plan
            for row in (0, 3):
                if page.suggestion_list.count() > row:
                    page.suggestion_list.setCurrentRow(row)
                    page.add_suggestion_button.click()
            shot("09-action-plan")
    window.close()
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
