"""Screenshots of the main screens at 1366×768 for docs/screenshots (run under Xvfb).

    make screenshots          # xvfb-run .venv/bin/python build/screenshots.py

Uses a throw-away data folder with the demo agency; also a check that nothing is cut off, since
every screen is grabbed at the small laptop size and at the largest text size. Last, every page
again with 200-character agency, round and person names (`20-long-names-*`; a few are kept in
docs/screenshots, the rest go to a temporary folder): the script fails when a page's window or
minimum width passes the 1366 px screen.
"""

from __future__ import annotations


import os
import sys
import tempfile
from typing import Any
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))


STATE = (  # agency, site, how far its review period ended (days ago), typical rating
    ("Hillside Clinic", "Main", 20, 2),
    ("Old Town Center", "", 45, 3),
    ("Lakeview Recovery Services", "North", 60, 2),
    ("Mesa Behavioral Health", "", 90, 3),
    ("Pine Ridge Family Health", "", 120, 1),
    ("Valle Verde Clínica", "Sur", 150, 2),
)


def add_state_agencies(conn: object, instrument: object) -> None:
    """A few more agencies with a finished round each, so the coordinator view has a state."""
    from datetime import date, timedelta

    from app.db import organizations, responses, rounds

    today = date.today()
    for n, (name, site, days, typical) in enumerate(STATE):
        org = organizations.create(conn, name, site=site)  # type: ignore[arg-type]
        end = today - timedelta(days=days)
        rnd = rounds.create(conn, org.id, instrument, "Spring round", end - timedelta(days=90), end)  # type: ignore[arg-type]
        for p in range(3):
            person = rounds.add_respondent(conn, rnd.id, f"Person {p + 1}", "other")  # type: ignore[arg-type]
            for i, item in enumerate(instrument.iter_items()):  # type: ignore[attr-defined]
                if n == len(STATE) - 1 and p == 2 and i > 20:
                    break  # one agency's data is incomplete
                value = max(1, min(4, typical + ((i + p + n) % 3) - 1))
                code = next(c.code for c in item.scale.choices if c.value == value)
                responses.save_answer(conn, person.id, item.id, code)  # type: ignore[arg-type]


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
        round_id = window.home.selected_round()
        assert round_id is not None
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
            dialog_shots(app, window, round_id, OUT, suffix)
            add_state_agencies(conn, default_catalog().get("sms-oat-bh"))
            window.show_coordinator()
            window.coordinator.all_time.setChecked(True)
            shot("10-coordinator-view")
            window.coordinator.tabs.setCurrentIndex(1)
            shot("10-coordinator-domains")
            state_picture_shots(app, window, conn, OUT, suffix)
    carried_priority_shot(window, conn, round_id, shot)  # adds a newer round
    too_wide = long_name_shots(app, window, conn, suffix)  # last: adds a long-named agency
    window.close()
    conn.close()
    if too_wide:
        print(f"pages wider than the {SCREEN_W} px screen: {too_wide}", file=sys.stderr)
        return 1
    return 0


SCREEN_W = 1366
LONG = 200  # characters, as tests/x11/test_window_fits.py
# the long-name pages kept in docs/screenshots; the others go to a temporary folder (printed)
LONG_KEPT = ("round", "walkthrough", "team-view", "action-plan", "coordinator")


def long_name_shots(app: Any, window: Any, conn: Any, suffix: str) -> dict[str, int]:
    """Issue 16: a 200-character agency, round and person name on every page at 1366×768. Each
    page is grabbed; returns the pages whose window or minimum width passed the screen."""
    from datetime import date

    from app.db import organizations, responses, rounds

    org = organizations.create(conn, ("Riverbend Community Behavioral Health " * 6)[:LONG])
    instrument = window.catalog.get("sms-oat-bh")
    rnd = rounds.create(
        conn, org.id, instrument, ("Spring review " * 15)[:LONG], date(2026, 1, 1), date(2026, 3, 31)
    )
    person = rounds.add_respondent(
        conn, rnd.id, ("María José Fernández-Castellanos " * 7)[:LONG], "clinical_staff"
    )
    for item in instrument.items[:3]:
        responses.save_answer(conn, person.id, item.id, item.scale.choices[1].code)
    others = Path(tempfile.mkdtemp(prefix="smsoat-long-names-"))
    pages = [
        ("home", window.show_home),
        ("round", lambda: window.open_round(rnd.id)),
        ("walkthrough", lambda: window.resume_at(person.id, instrument.items[0].id)),
        ("finish", lambda: window.show_finish(person.id)),
        ("paper", lambda: window.start_paper(person.id)),
        ("team-view", lambda: window.show_team_view(rnd.id)),
        ("meeting", lambda: window.show_meeting(rnd.id)),
        ("action-plan", lambda: window.show_action_plan(rnd.id)),
        ("coordinator", window.show_coordinator),
    ]
    too_wide: dict[str, int] = {}
    for name, show in pages:
        show()
        for _ in range(5):
            app.processEvents()
        folder = OUT if name in LONG_KEPT else others
        path = folder / f"20-long-names-{name}{suffix}.png"
        window.grab().save(str(path))
        print(path.relative_to(ROOT) if folder is OUT else path)
        width = max(window.width(), window.minimumSizeHint().width())
        if width > SCREEN_W:
            too_wide[name] = width
    return too_wide


def state_picture_shots(app: object, window: object, conn: object, out: Path, suffix: str) -> None:
    """Issue 21: peer groups, a comparison within one, the agencies dialog and the due list."""
    from app.db import organizations
    from app.services.agencies import set_groups

    from datetime import date, timedelta

    for n, org in enumerate(organizations.list_all(conn)):  # type: ignore[arg-type]
        region = "North" if n % 3 else "South"
        setting = "rural" if n % 2 else "urban"
        set_groups(conn, org.id, [f"region={region}", f"setting={setting}"], actor="demo")  # type: ignore[arg-type]
        organizations.update(  # type: ignore[arg-type]
            conn,
            org.id,
            name=org.name,
            site=org.site,
            region=org.region,
            state_identifier=f"ST-{101 + n}",
        )
    # the same clinic again, from a second laptop: proposed for linking, not linked
    organizations.create(conn, "Hillside Clinic", state_identifier="ST-101")  # type: ignore[arg-type]
    page = window.coordinator  # type: ignore[attr-defined]
    page.load()
    page.tabs.setCurrentIndex(2)
    page.group.setCurrentIndex(max(page.group.findText("region = North"), 0))
    for _ in range(5):
        app.processEvents()  # type: ignore[attr-defined]
    path = out / f"14-coordinator-peer-group{suffix}.png"
    window.grab().save(str(path))  # type: ignore[attr-defined]
    print(path.relative_to(ROOT))
    dialog = page.open_agencies()
    dialog.resize(1100, 640)
    for index, name in ((0, "15-agencies-and-groups"), (1, "16-due-list")):
        dialog.tabs.setCurrentIndex(index)
        if index == 1:
            later = date.today() + timedelta(days=150)
            dialog.as_of.setDate(later)
            dialog.show_all.setChecked(True)
        for _ in range(5):
            app.processEvents()  # type: ignore[attr-defined]
        path = out / f"{name}{suffix}.png"
        dialog.grab().save(str(path))
        print(path.relative_to(ROOT))
    dialog.reject()
    sites_shot(app, window, conn, out, suffix)


def sites_shot(app: object, window: object, conn: object, out: Path, suffix: str) -> None:
    """Issue 21, both levels: an agency with two clinics, each with a round of its own, shown
    under the agency in the coordinator's *Agencies by site* tab."""
    from datetime import date, timedelta

    from app.db import organizations, responses, rounds, sites
    from app.services.catalog import default_catalog

    instrument = default_catalog().get("sms-oat-bh")
    org = organizations.find_by_name(conn, "Lakeview Recovery Services")  # type: ignore[arg-type]
    assert org is not None
    today = date.today()
    clinics = (("Eastside clinic", 20, 3), ("Westside clinic", 30, 2))
    for n, (clinic, days, typical) in enumerate(clinics):
        site = sites.add(conn, org.id, clinic)  # type: ignore[arg-type]
        end = today - timedelta(days=days)
        start = end - timedelta(days=90)
        rnd = rounds.create(conn, org.id, instrument, f"{clinic} round", start, end)  # type: ignore[arg-type]
        sites.set_round_site(conn, rnd.id, site.id)  # type: ignore[arg-type]
        for p in range(3):
            person = rounds.add_respondent(conn, rnd.id, f"Person {p + 1}", "other")  # type: ignore[arg-type]
            for i, item in enumerate(instrument.iter_items()):
                value = max(1, min(4, typical + ((i + p + n) % 3) - 1))
                code = next(c.code for c in item.scale.choices if c.value == value)
                responses.save_answer(conn, person.id, item.id, code)  # type: ignore[arg-type]
    page = window.coordinator  # type: ignore[attr-defined]
    page.load()
    page.group.setCurrentIndex(0)
    page.tabs.setCurrentWidget(page.view.sites)
    for _ in range(5):
        app.processEvents()  # type: ignore[attr-defined]
    path = out / f"18-coordinator-sites{suffix}.png"
    window.grab().save(str(path))  # type: ignore[attr-defined]
    print(path.relative_to(ROOT))


def carried_priority_shot(window: Any, conn: Any, round_id: int, shot: Any) -> None:
    """Issue 24: the next round's action plan, a priority carried in with its earlier cycle
    (read-only, marked with its round) and the decision taken on it."""
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from app.services import planning
    from app.services.round_setup import start_round

    first = planning.priorities_for_round(conn, round_id)
    if not first:
        return
    cycle = planning.add_cycle(conn, first[0].id)
    planning.update_cycle(
        conn,
        cycle.id,
        study_notes="Goal-setting sheet used with 12 of 20 new clients; most kept a goal.",
        act="adapt",
        act_notes="Keep the sheet; add a follow-up call at two weeks.",
    )
    rnd = conn.execute("SELECT organization_id FROM rounds WHERE id = ?", (round_id,)).fetchone()[0]
    instrument = window.catalog.get("sms-oat-bh")
    new = start_round(
        conn, rnd, instrument, "Spring 2027", date(2027, 1, 1), date(2027, 3, 31), private=False
    )
    window.show_action_plan(new.round.id)
    if new.carried:
        page = window.action_plan
        page.select_priority(new.carried[0].id)
        for _ in range(5):
            QApplication.processEvents()
        # the PDSA part below the form: the chain line and the earlier cycle, read-only
        page.scroller.ensureWidgetVisible(page.pdsa.chain_label, 0, 400)
    shot("17-carried-priority")


def dialog_shots(app: object, window: object, round_id: int, out: Path, suffix: str) -> None:
    """The export dialog for the demo round, and the import preview of its file beside a damaged
    one."""
    import time

    from app.exchange.export import export_round
    from app.ui.import_dialog import ImportDialog

    def settle(until: object = None, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            app.processEvents()  # type: ignore[attr-defined]
            if until is None or until() or time.monotonic() > deadline:  # type: ignore[operator]
                break
            time.sleep(0.02)
        for _ in range(5):
            app.processEvents()  # type: ignore[attr-defined]

    def grab(widget: object, name: str) -> None:
        settle()
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        print(path.relative_to(ROOT))

    window.open_export(round_id)  # type: ignore[attr-defined]
    export = window.dialog  # type: ignore[attr-defined]
    grab(export, "11-export-dialog")
    export.reject()
    folder = Path(tempfile.mkdtemp(prefix="smsoat-shot-files-"))
    good = folder / "riverbend-demo-round.smsoat"
    good.write_bytes(export_round(window.conn, round_id, with_pdf=False))  # type: ignore[attr-defined]
    (folder / "hillside-spring.smsoat").write_bytes(good.read_bytes()[:-200])  # truncated
    dialog = ImportDialog(window, window.db_path, list(window.catalog.instruments.values()))  # type: ignore[arg-type,attr-defined]
    dialog.resize(1000, 480)
    dialog.show()
    done: list[object] = []
    dialog.preview_ready.connect(done.append)
    dialog.set_paths(sorted(folder.glob("*.smsoat")))
    settle(lambda: bool(done))
    grab(dialog, "12-import-preview")
    dialog.reject()
    window.show_change_history(round_id)  # type: ignore[attr-defined]
    history = window.dialog  # type: ignore[attr-defined]
    history.resize(1100, 520)
    history.item.setCurrentIndex(history.item.findData("1.1.1"))  # one item's story
    grab(history, "13-history-of-changes")
    history.reject()


if __name__ == "__main__":
    sys.exit(main())
