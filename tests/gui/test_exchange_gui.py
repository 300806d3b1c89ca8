"""The exchange in the GUI: exporting a round, importing files with a preview, and coordinator
mode, driven like a lead and a state coordinator would, with the data checked in the database and
in the files written."""

from __future__ import annotations

import io
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.instrument import Instrument
from app.db import responses, rounds
from app.db.connection import open_database
from app.exchange import importer
from app.exchange.export import export_round
from app.exchange.reader import read_exchange_file
from app.services.catalog import default_catalog
from app.services.demo import create_demo
from app.services.rollup import compute_rollup
from app.ui.coordinator_page import CoordinatorPage
from app.ui.export_dialog import ExportDialog
from app.ui.file_dialogs import start_folder
from app.ui.import_dialog import STATUS_COLUMN, ImportDialog
from tests.helpers import make_round

WAIT = 20000
ROLE = 256  # Qt.ItemDataRole.UserRole
DEMO = "Riverbend Community Health (demo)"
HILLSIDE = "Hillside Clinic"
OLD_TOWN = "Old Town Center"


def _instrument() -> Instrument:
    return default_catalog().get("sms-oat-bh")


def _installed() -> list[Instrument]:
    return list(default_catalog().instruments.values())


def _answer_all(
    conn: sqlite3.Connection, people: list[int], inst: Instrument, value: float
) -> None:
    for person in people:
        for item in inst.iter_items():
            code = next(c.code for c in item.scale.choices if c.value == value)
            responses.save_answer(conn, person, item.id, code)


@dataclass(frozen=True)
class AgencyFiles:
    """One exchange file per round, made on the agencies' side."""

    folder: Path
    files: dict[str, Path]  # "demo", "hillside-autumn", "hillside-spring", "old-town"


@pytest.fixture(scope="module")
def agency_files(tmp_path_factory: pytest.TempPathFactory) -> AgencyFiles:
    """Three agencies: the demo (period ended yesterday), Hillside with an old and a recent round
    (answers 2 then 3), and Old Town with only a round from well over a year ago."""
    base = tmp_path_factory.mktemp("agencies")
    conn = open_database(base / "agencies.sqlite3")
    inst = _instrument()
    today = date.today()
    made = {"demo": create_demo(conn, inst).round.id}
    for key, agency, name, days, value in (
        ("hillside-autumn", HILLSIDE, "Autumn", 400, 2.0),
        ("hillside-spring", HILLSIDE, "Spring", 30, 3.0),
        ("old-town", OLD_TOWN, "Long ago", 500, 1.0),
    ):
        rnd, team = make_round(conn, inst, agency=agency, name=name, end=today - timedelta(days))
        _answer_all(conn, [p.id for p in team], inst, value)
        made[key] = rnd.id
    folder = base / "files"
    folder.mkdir()
    files = {}
    for key, round_id in made.items():
        path = folder / f"{key}.smsoat"
        path.write_bytes(export_round(conn, round_id, with_pdf=False))
        files[key] = path
    conn.close()
    return AgencyFiles(folder, files)


@pytest.fixture
def coordinator(tmp_path: Path) -> Iterator[tuple[Path, sqlite3.Connection]]:
    db_path = tmp_path / "coordinator" / "smsoat.sqlite3"
    conn = open_database(db_path)
    yield db_path, conn
    conn.close()


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def _statuses(dialog: ImportDialog) -> dict[str, str]:
    table = dialog.table
    return {
        table.item(r, 0).text(): table.item(r, STATUS_COLUMN).text()
        for r in range(table.rowCount())
    }


def _preview(qtbot: QtBot, dialog: ImportDialog, paths: list[Path]) -> None:
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT):
        assert dialog.set_paths(paths) is dialog.last_task


def _import(qtbot: QtBot, dialog: ImportDialog) -> list[int]:
    written: list[int] = []
    dialog.imported.connect(written.append)
    with qtbot.waitSignal(dialog.import_done, timeout=WAIT):
        dialog.import_button.click()
    return written


def import_through_dialog(qtbot: QtBot, db_path: Path, paths: list[Path]) -> ImportDialog:
    dialog = ImportDialog(None, db_path, _installed())
    qtbot.addWidget(dialog)
    _preview(qtbot, dialog, paths)
    _import(qtbot, dialog)
    return dialog


# ------------------------------------------------------------------ import


def test_preview_writes_nothing_then_import_writes_and_a_second_import_changes_nothing(
    qtbot: QtBot, agency_files: AgencyFiles, coordinator: tuple[Path, sqlite3.Connection]
) -> None:
    db_path, conn = coordinator
    dialog = ImportDialog(None, db_path, _installed())
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    _preview(qtbot, dialog, [agency_files.folder])  # a folder stands for its files
    shown = _statuses(dialog)
    assert set(shown) == {p.name for p in agency_files.files.values()}
    assert all(text.startswith("New") for text in shown.values()), shown
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 2).text() == DEMO)
    assert dialog.table.item(row, 5).text() == "4"  # people
    assert int(dialog.table.item(row, 6).text()) > 0  # answers
    assert dialog.import_button.isEnabled()
    assert _count(conn, "rounds") == 0, "the preview wrote nothing"

    assert _import(qtbot, dialog) == [4]
    assert _count(conn, "rounds") == 4 and _count(conn, "organizations") == 3
    assert all(t.startswith("Imported: a new round") for t in _statuses(dialog).values())
    assert "Imported 4 rounds" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()

    changes = _count(conn, "change_log")
    again = ImportDialog(None, db_path, _installed())
    qtbot.addWidget(again)
    _preview(qtbot, again, list(agency_files.files.values()))
    assert all(t.startswith("Exact duplicate") for t in _statuses(again).values())
    assert not again.import_button.isEnabled(), "nothing to import"
    assert again.start_import() is None
    assert _count(conn, "rounds") == 4 and _count(conn, "change_log") == changes


def test_a_damaged_file_is_refused_with_its_reason_and_the_others_import(
    qtbot: QtBot,
    agency_files: AgencyFiles,
    coordinator: tuple[Path, sqlite3.Connection],
    tmp_path: Path,
) -> None:
    db_path, conn = coordinator
    folder = tmp_path / "inbox"
    folder.mkdir()
    for path in agency_files.files.values():
        shutil.copy(path, folder / path.name)
    damaged = folder / "hillside-spring.smsoat"
    damaged.write_bytes(damaged.read_bytes()[:-200])  # the end of the zip is lost
    dialog = ImportDialog(None, db_path, _installed())
    qtbot.addWidget(dialog)
    _preview(qtbot, dialog, [folder])
    before = _statuses(dialog)
    assert before[damaged.name].startswith("Refused: ")
    assert "incomplete or damaged" in before[damaged.name]
    assert "export the round again" in before[damaged.name], "and says what to do"
    assert damaged.name + ":" not in before[damaged.name], "the name is in its own column"
    row = next(
        r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == damaged.name
    )
    assert "truncated" in dialog.table.item(row, STATUS_COLUMN).toolTip(), "the detail, on hover"
    assert dialog.import_button.isEnabled()

    assert _import(qtbot, dialog) == [3]
    after = _statuses(dialog)
    assert after[damaged.name].startswith("Refused: ") and "damaged" in after[damaged.name]
    assert sum(t.startswith("Imported") for t in after.values()) == 3
    assert "1 refused" in dialog.summary.text()
    names = {r[0] for r in conn.execute("SELECT name FROM rounds")}
    assert names == {"Autumn", "Long ago"} | {
        r[0] for r in conn.execute("SELECT name FROM rounds WHERE name LIKE 'Demo round%'")
    }
    assert "Spring" not in names


def test_a_newer_export_of_a_round_previews_as_a_revision_and_replaces_it(
    qtbot: QtBot, coordinator: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    db_path, conn = coordinator
    source = open_database(tmp_path / "agency.sqlite3")
    inst = _instrument()
    rnd, team = make_round(source, inst, agency="Lakeside", people=1)
    _answer_all(source, [team[0].id], inst, 2.0)
    first = tmp_path / "first.smsoat"
    first.write_bytes(export_round(source, rnd.id, with_pdf=False))
    import_through_dialog(qtbot, db_path, [first])
    responses.save_answer(source, team[0].id, inst.items[0].id, "4")
    second = tmp_path / "second.smsoat"
    second.write_bytes(export_round(source, rnd.id, with_pdf=False))
    source.close()

    dialog = ImportDialog(None, db_path, _installed())
    qtbot.addWidget(dialog)
    _preview(qtbot, dialog, [second])
    assert _statuses(dialog)["second.smsoat"].startswith("Newer revision of a round here")
    _preview(qtbot, dialog, [first])
    assert _statuses(dialog)["first.smsoat"].startswith("Exact duplicate")
    _preview(qtbot, dialog, [second])
    assert _import(qtbot, dialog) == [1]
    assert _statuses(dialog)["second.smsoat"].startswith("Imported: replaced")
    here = rounds.find_by_uuid(conn, rnd.uuid)
    assert here is not None
    person = rounds.respondents(conn, here.id)[0]
    assert responses.choices_for_respondent(conn, person.id)[inst.items[0].id] == "4"
    _preview(qtbot, dialog, [first])
    assert _statuses(dialog)["first.smsoat"].startswith("Older than the copy here")


def test_cancel_stops_between_files_and_keeps_what_was_imported(
    qtbot: QtBot,
    agency_files: AgencyFiles,
    coordinator: tuple[Path, sqlite3.Connection],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db_path, conn = coordinator
    dialog = ImportDialog(None, db_path, _installed())
    qtbot.addWidget(dialog)
    _preview(qtbot, dialog, [agency_files.folder])
    real_import_file = importer.import_file

    def import_then_cancel(*args: object, **kwargs: object) -> importer.FileReport:
        report = real_import_file(*args, **kwargs)  # type: ignore[arg-type]
        dialog._cancel.set()  # as if Cancel was pressed while the first file was imported
        return report

    monkeypatch.setattr(importer, "import_file", import_then_cancel)
    assert _import(qtbot, dialog) == [1]
    assert _count(conn, "rounds") == 1
    shown = list(_statuses(dialog).values())
    assert shown[0].startswith("Imported") and len(shown) == 4
    assert all(t.startswith("Not imported: stopped") for t in shown[1:])
    assert "Stopped: 3 files not imported" in dialog.summary.text()
    assert dialog.progress.isHidden() and dialog.cancel_button.isHidden()


# ------------------------------------------------------------------ export


@pytest.fixture
def agency_db(tmp_path: Path) -> Iterator[tuple[Path, sqlite3.Connection, int]]:
    db_path = tmp_path / "agency" / "smsoat.sqlite3"
    conn = open_database(db_path)
    round_id = create_demo(conn, _instrument()).round.id
    yield db_path, conn, round_id
    conn.close()


def _export(qtbot: QtBot, dialog: ExportDialog) -> None:
    with qtbot.waitSignal(dialog.exported, timeout=WAIT):
        dialog.export_button.click()
    assert dialog.last_task is not None


def test_export_by_role_only_writes_no_names(
    qtbot: QtBot, agency_db: tuple[Path, sqlite3.Connection, int], tmp_path: Path
) -> None:
    db_path, conn, round_id = agency_db
    dialog = ExportDialog(None, db_path, round_id, conn)
    qtbot.addWidget(dialog)
    assert not dialog.names.isChecked() and not dialog.comments.isChecked()
    assert dialog.comment_list.isHidden()
    default = Path(dialog.path_edit.text())
    assert default.parent == start_folder("exchange") and default.suffix == ".smsoat"
    assert default.name.startswith("Riverbend-Community-Health-demo-Demo-round")
    assert "by role only — no names" in dialog.contents.text()
    assert "WARNING: not sealed" in dialog.contents.text()  # no coordinator key installed
    target = tmp_path / "to-the-state"  # the extension is added
    dialog.path_edit.setText(str(target))
    _export(qtbot, dialog)
    written = target.with_name("to-the-state.smsoat")
    assert dialog.last_path == written
    exchange = read_exchange_file(written)
    assert exchange.manifest["privacy"] == {"names": False, "comments": False}
    assert exchange.signer_key is not None and not exchange.sealed  # signed on first export
    people = exchange.document["respondents"]
    assert len(people) == 4 and all("name" not in p for p in people)
    text = written.read_bytes()
    for person in rounds.respondents(conn, round_id):
        assert person.display_name.encode() not in text
    assert not any("comment" in a for p in people for a in p["answers"].values())
    assert "scorecard.pdf" in exchange.members
    assert dialog.status.text() == f"Saved {written}"
    opened: list[Path] = []
    dialog.open_folder = opened.append
    assert not dialog.folder_button.isHidden()
    dialog.folder_button.click()
    assert opened == [written.parent]


def test_export_with_names_and_without_comments(
    qtbot: QtBot, agency_db: tuple[Path, sqlite3.Connection, int], tmp_path: Path
) -> None:
    db_path, conn, round_id = agency_db
    dialog = ExportDialog(None, db_path, round_id, conn)
    qtbot.addWidget(dialog)
    dialog.names.setChecked(True)
    dialog.comments.setChecked(False)
    shown = dialog.contents.text()
    assert "with their names" in shown and "no names" not in shown
    assert "• no comments" in shown
    target = tmp_path / "named.smsoat"
    dialog.path_edit.setText(str(target))
    _export(qtbot, dialog)
    exchange = read_exchange_file(target)
    assert exchange.manifest["privacy"] == {"names": True, "comments": False}
    names = {p["name"] for p in exchange.document["respondents"]}
    assert names == {p.display_name for p in rounds.respondents(conn, round_id)}
    assert not any(
        "comment" in a for p in exchange.document["respondents"] for a in p["answers"].values()
    )


def test_ticked_comments_are_listed_one_by_one_and_suspicious_ones_start_unticked(
    qtbot: QtBot, agency_db: tuple[Path, sqlite3.Connection, int], tmp_path: Path
) -> None:
    db_path, conn, round_id = agency_db
    first, second = rounds.respondents(conn, round_id)[:2]
    items = list(responses.choices_for_respondent(conn, first.id))
    responses.save_answer(conn, first.id, items[0], "3", comment="Mr. Ortiz said no, 555-0142")
    responses.save_answer(conn, second.id, items[1], "3", comment=f"{first.display_name} agrees")
    dialog = ExportDialog(None, db_path, round_id, conn)
    qtbot.addWidget(dialog)
    dialog.comments.setChecked(True)
    assert not dialog.comment_list.isHidden()
    assert dialog.comment_list.count() == dialog.comment_count >= 2
    rows = {
        dialog.comment_list.item(i).data(Qt.ItemDataRole.UserRole): dialog.comment_list.item(i)
        for i in range(dialog.comment_list.count())
    }
    flagged = rows[(first.uuid, items[0])]
    assert flagged.text().startswith("⚠") and flagged.checkState() == Qt.CheckState.Unchecked
    plain = rows[(second.uuid, items[1])]
    assert plain.checkState() == Qt.CheckState.Checked
    assert first.display_name not in plain.text()  # roles only: shown as it will leave
    plain.setCheckState(Qt.CheckState.Unchecked)
    left = set(rows) - {(first.uuid, items[0]), (second.uuid, items[1])}
    target = tmp_path / "some-comments.smsoat"
    dialog.path_edit.setText(str(target))
    _export(qtbot, dialog)
    exchange = read_exchange_file(target)
    sent = {
        (p["uuid"], item)
        for p in exchange.document["respondents"]
        for item, a in p["answers"].items()
        if "comment" in a
    }
    assert sent == left
    assert exchange.manifest["privacy"]["comments"] is bool(left)


def test_export_to_a_missing_folder_says_why_and_writes_nothing(
    qtbot: QtBot, agency_db: tuple[Path, sqlite3.Connection, int], tmp_path: Path
) -> None:
    db_path, conn, round_id = agency_db
    dialog = ExportDialog(None, db_path, round_id, conn)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "no-such-folder" / "x.smsoat"))
    with qtbot.waitSignal(dialog.export_failed, timeout=WAIT):
        dialog.export_button.click()
    assert dialog.status.text().startswith("Not exported: ")
    assert "does not exist" in dialog.status.text()
    assert dialog.export_button.isEnabled() and dialog.folder_button.isHidden()
    assert not (tmp_path / "no-such-folder").exists()


# ------------------------------------------------------------------ coordinator mode


@pytest.fixture
def state(
    qtbot: QtBot, agency_files: AgencyFiles, coordinator: tuple[Path, sqlite3.Connection]
) -> tuple[Path, sqlite3.Connection]:
    """The coordinator's database with every agency file imported through the dialog."""
    db_path, _conn = coordinator
    import_through_dialog(qtbot, db_path, [agency_files.folder])
    return coordinator


def _page(qtbot: QtBot, db_path: Path, conn: sqlite3.Connection) -> CoordinatorPage:
    page = CoordinatorPage(conn, "en", db_path)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    _shown(qtbot, page, page.load)
    return page


def _shown(qtbot: QtBot, page: CoordinatorPage, change: Callable[[], object]) -> None:
    """Make a change, then wait for the figures it asks for (worked out in a worker)."""
    change()
    if page.computing:
        with qtbot.waitSignal(page.picture_shown, timeout=WAIT):
            pass
    assert not page.computing


def _reported(page: CoordinatorPage) -> dict[str, str]:
    table = page.reporting
    return {table.item(r, 0).text(): table.item(r, 2).data(ROLE) for r in range(table.rowCount())}


def test_who_reported_in_the_period_and_the_state_medians(
    qtbot: QtBot, state: tuple[Path, sqlite3.Connection]
) -> None:
    db_path, conn = state
    page = _page(qtbot, db_path, conn)
    assert page.instrument.currentData() == "sms-oat-bh"
    since, until = page.period()
    assert until == date.today() and since is not None and 180 <= (until - since).days <= 185
    assert _reported(page) == {
        DEMO: "reported",
        HILLSIDE: "reported",
        OLD_TOWN: "not_reported",
    }
    table = page.reporting
    old_row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == OLD_TOWN)
    assert table.item(old_row, 3).text() == "Long ago (outside the period)"
    rollup = compute_rollup(conn, "sms-oat-bh", since=since, until=until)
    for r in range(table.rowCount()):
        name = table.item(r, 0).text()
        agency = next((a for a in rollup.agencies if a.organization.name == name), None)
        if agency is not None:
            assert table.item(r, 5).text().startswith("⚠") == agency.incomplete
    hill_row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == HILLSIDE)
    assert table.item(hill_row, 3).text() == "Spring"
    assert "no consensus" in table.item(hill_row, 5).text()
    assert "2 agencies reported" in page.summary.text()

    domains = page.domains
    medians = {
        domains.item(r, 0).data(ROLE): domains.item(r, 2).data(ROLE)
        for r in range(domains.rowCount())
    }
    assert set(medians) == {s.id for s in rollup.scopes}
    for scope in rollup.scopes:
        assert medians[scope.id] == pytest.approx(rollup.state[scope.id].median)
    assert [b.label for b in page.chart.rows] == [d.id for d in rollup.domains]
    assert "median" in page.chart.accessibleDescription()

    versus = page.versus
    assert versus.rowCount() == len(rollup.agencies)
    for r, agency in enumerate(rollup.agencies):
        for c, scope in enumerate(["all", *[d.id for d in rollup.domains]], 1):
            diff = rollup.vs_median(agency, scope)
            assert versus.item(r, c).data(ROLE) == pytest.approx(diff)
            text = versus.item(r, c).text()
            arrow = "▲" if round(diff, 2) > 0 else "▼" if round(diff, 2) < 0 else "at the median"
            assert arrow in text and "=" not in text, text

    _shown(qtbot, page, lambda: page.all_time.setChecked(True))
    assert not page.since.isEnabled()
    assert set(_reported(page).values()) == {"reported"}
    changes = page.changes
    hill = next(r for r in range(changes.rowCount()) if changes.item(r, 0).text() == HILLSIDE)
    assert changes.item(hill, 1).text() == "Autumn"
    assert changes.item(hill, 4).text() == "▲ +1.00"
    assert changes.item(hill, 4).data(ROLE) == pytest.approx(1.0)
    demo = next(r for r in range(changes.rowCount()) if changes.item(r, 0).text() == DEMO)
    assert changes.item(demo, 1).text() == "(first round here)"

    page.all_time.setChecked(False)
    page.since.setDate(page.since.date().addYears(-5))
    _shown(qtbot, page, lambda: page.until.setDate(page.until.date().addYears(-3)))
    assert set(_reported(page).values()) == {"not_reported"}
    assert page.versus.rowCount() == 0


def test_exports_write_real_files_in_the_background(
    qtbot: QtBot, state: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    db_path, conn = state
    page = _page(qtbot, db_path, conn)
    _shown(qtbot, page, lambda: page.all_time.setChecked(True))
    asked: list[tuple[str, str]] = []

    def ask(title: str, name: str) -> Path:
        asked.append((title, name))
        return tmp_path / Path(name).stem  # no extension: the page adds it

    page.ask_path = ask
    opened: list[Path] = []
    page.open_file = opened.append
    page.open_folder = opened.append
    written = {}
    assert page.open_button.isHidden() and page.folder_button.isHidden()
    for kind, button in (
        ("xlsx", page.xlsx_button),
        ("csv", page.csv_button),
        ("pdf", page.pdf_button),
    ):
        with qtbot.waitSignal(page.file_written, timeout=WAIT) as blocker:
            button.click()
        assert page.last_task is not None
        path = blocker.args[0]
        assert path.suffix == f".{kind}" and path.exists()
        assert page.result.text() == f"Saved {path}"
        # like the PDF reports: Open, and Show in folder
        assert not page.open_button.isHidden() and not page.folder_button.isHidden()
        page.open_button.click()
        page.folder_button.click()
        assert opened[-2:] == [path, path.parent]
        written[kind] = path.read_bytes()
    assert [name.rsplit(".", 1)[1] for _title, name in asked] == ["xlsx", "csv", "pdf"]
    assert written["xlsx"].startswith(b"PK")
    csv_text = written["csv"].decode("utf-8-sig")
    assert HILLSIDE in csv_text and OLD_TOWN in csv_text
    assert written["pdf"].startswith(b"%PDF")
    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(written["pdf"])).pages)
    assert HILLSIDE in pdf_text

    page.ask_path = lambda _title, _name: None  # the user cancelled the file dialog
    assert page.export("pdf") is None


def test_an_empty_database_invites_an_import_and_the_page_refreshes_after_it(
    qtbot: QtBot, agency_files: AgencyFiles, coordinator: tuple[Path, sqlite3.Connection]
) -> None:
    db_path, conn = coordinator
    page = _page(qtbot, db_path, conn)
    assert page.instrument.count() == 0
    assert "No rounds here yet" in page.summary.text()
    assert not page.xlsx_button.isEnabled() and not page.pdf_button.isEnabled()
    assert page.export("xlsx") is None

    page.import_button.click()  # the default opens the import dialog
    dialog = page.dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    imported: list[int] = []
    page.imported.connect(imported.append)
    _preview(qtbot, dialog, [agency_files.folder])
    _import(qtbot, dialog)
    assert imported == [4]
    assert page.instrument.currentData() == "sms-oat-bh"
    assert "Working out the state picture" in page.summary.text()  # at once, in a worker
    _shown(qtbot, page, lambda: None)
    assert page.reporting.rowCount() == 3 and page.xlsx_button.isEnabled()

    opened: list[int] = []
    page.open_import = lambda: opened.append(1)
    page.import_button.click()
    assert opened == [1]


def test_a_file_renaming_an_agency_here_says_so_in_the_preview_and_the_outcome(
    qtbot: QtBot, coordinator: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    from app.db import organizations

    db_path, conn = coordinator
    source = open_database(tmp_path / "agency.sqlite3")
    rnd, _ = make_round(source, _instrument(), agency="Lakeside", people=1)
    path = tmp_path / "lakeside.smsoat"
    path.write_bytes(export_round(source, rnd.id, with_pdf=False))
    agency_uuid = organizations.get(source, rnd.organization_id).uuid
    source.close()
    organizations.create(conn, "State office", org_uuid=agency_uuid)

    dialog = ImportDialog(None, db_path, _installed())
    qtbot.addWidget(dialog)
    _preview(qtbot, dialog, [path])
    status = _statuses(dialog)["lakeside.smsoat"]
    assert status.startswith("New: a round not here yet")
    assert "Renames the agency “State office” to “Lakeside”" in status
    assert _import(qtbot, dialog) == [1]
    assert "Renamed the agency “State office” to “Lakeside”" in _statuses(dialog)["lakeside.smsoat"]


def test_sealed_files_import_and_a_changed_agency_key_is_asked_about(
    qtbot: QtBot,
    agency_db: tuple[Path, sqlite3.Connection, int],
    coordinator: tuple[Path, sqlite3.Connection],
    tmp_path: Path,
) -> None:
    from app.services.keys import KeyRing

    db_path, conn = coordinator
    state_ring = KeyRing.for_database(db_path)
    recipient = state_ring.create_coordinator().recipient
    agency_path, agency_conn, round_id = agency_db
    agency_ring = KeyRing.for_database(agency_path)
    agency_ring.add_recipient(recipient)
    first = tmp_path / "first.smsoat"
    first.write_bytes(
        export_round(
            agency_conn, round_id, signing_key=agency_ring.signing_key(), recipients=[recipient]
        )
    )
    dialog = import_through_dialog(qtbot, db_path, [first])
    assert _count(conn, "rounds") == 1 and dialog.accept_key.isHidden()
    # the agency's key is lost and remade: the next file is refused until the user accepts
    (agency_ring.folder / "agency-signing.key").unlink()
    second = tmp_path / "second.smsoat"
    second.write_bytes(
        export_round(
            agency_conn,
            round_id,
            signing_key=agency_ring.signing_key(),
            recipients=[recipient],
        )
    )
    again = ImportDialog(None, db_path, _installed())
    qtbot.addWidget(again)
    _preview(qtbot, again, [second])
    [status] = _statuses(again).values()
    assert status.startswith("Refused: WARNING") and "another key" in status
    assert not again.accept_key.isHidden() and not again.import_button.isEnabled()
    with qtbot.waitSignal(again.preview_ready, timeout=WAIT):
        again.accept_key.setChecked(True)
    [status] = _statuses(again).values()
    assert "NEW key" in status
