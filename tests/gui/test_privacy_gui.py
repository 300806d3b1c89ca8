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
    # the file can exist a moment before the "saved" step has run on the GUI thread
    qtbot.waitUntil(lambda: getattr(window, "last_report", None) == target, timeout=WAIT)
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
    action = _menu_action(window, "Scorecard with team comments")
    assert action is window.act_scorecard_comments
    assert action.isCheckable() and not action.isChecked()  # type: ignore[attr-defined]
    target = tmp_path / "scorecard.pdf"
    text = _scorecard(qtbot, window, round_id, target)
    assert "Team members' comments" not in text and "Pilot" not in text
    action.trigger()  # type: ignore[attr-defined]
    text = _scorecard(qtbot, window, round_id, target)
    assert "Team members' comments" in text and "Pilot <this> & that" in text
    window.report_box.close()


def test_export_lists_text_that_may_still_name_someone_then_sends_anyway(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from app.db import action_plans
    from app.db.connection import open_database
    from app.exchange.reader import read_exchange_file
    from app.ui.export_dialog import ExportDialog

    db_path = tmp_path / "agency" / "smsoat.sqlite3"
    conn = open_database(db_path)
    inst = default_catalog().get("sms-oat-bh")
    round_id = create_demo(conn, inst).round.id
    people = rounds.respondents(conn, round_id)
    nickname = people[0].display_name.split()[0][:4] + "y"  # "Jordan" → "Jordy"
    item = next(inst.iter_items())
    responses.save_consensus(conn, round_id, item.id, "1", "We asked Dave for the numbers.")
    action_plans.create_priority(
        conn, round_id, "domain", inst.domains[0].id, goal="One intake form", owner=nickname
    )
    dialog = ExportDialog(None, db_path, round_id, conn)
    qtbot.addWidget(dialog)
    target = tmp_path / "out.smsoat"
    dialog.path_edit.setText(str(target))
    assert dialog.leak_list.isHidden()
    dialog.export_button.click()
    assert dialog.last_task is None and not target.exists()
    assert not dialog.leak_list.isHidden() and not dialog.leak_note.isHidden()
    shown = [dialog.leak_list.item(i).text() for i in range(dialog.leak_list.count())]
    assert any(line.startswith(f"Rationale for {item.id} — “Dave”") for line in shown), shown
    assert any(line.startswith(f"Priority 1: owner — “{nickname}”") for line in shown), shown
    assert len(shown) == 2  # the demo's own texts raise no false alarm
    assert dialog.export_button.text().replace("&", "") == "Export anyway"
    assert "may still name a team member" in dialog.status.text()
    # ticking names and unticking them again: the list is gone and Export checks again
    dialog.names.setChecked(True)
    assert dialog.leak_list.isHidden() and dialog.export_button.text() == "&Export"
    dialog.names.setChecked(False)
    dialog.export_button.click()
    assert not target.exists() and dialog.leak_list.count() == 2
    # pressing again sends as it is
    with qtbot.waitSignal(dialog.exported, timeout=WAIT):
        dialog.export_button.click()
    document = read_exchange_file(target).document
    assert document["consensus"][item.id]["rationale"] == "We asked Dave for the numbers."
    # with names, nothing is checked: the names leave anyway
    named = ExportDialog(None, db_path, round_id, conn)
    qtbot.addWidget(named)
    named.names.setChecked(True)
    named.path_edit.setText(str(tmp_path / "named.smsoat"))
    with qtbot.waitSignal(named.exported, timeout=WAIT):
        named.export_button.click()
    assert named.leak_list.isHidden()
    conn.close()


def test_a_newly_ticked_comment_with_a_name_is_shown_before_sending(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from app.db.connection import open_database
    from app.ui.export_dialog import ExportDialog

    db_path = tmp_path / "agency" / "smsoat.sqlite3"
    conn = open_database(db_path)
    inst = default_catalog().get("sms-oat-bh")
    round_id = create_demo(conn, inst).round.id
    person = rounds.respondents(conn, round_id)[0]
    item = next(iter(responses.choices_for_respondent(conn, person.id)))
    code = responses.choices_for_respondent(conn, person.id)[item]
    responses.save_answer(conn, person.id, item, code, comment="our Sofía keeps the list")
    dialog = ExportDialog(None, db_path, round_id, conn)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "out.smsoat"))
    before = dialog.name_leaks(_privacy(False))
    assert not any("Sofía" in leak.words for leak in before)
    dialog.comments.setChecked(True)
    with_comment = dialog.name_leaks(_privacy(True))
    assert [leak.field for leak in with_comment if "Sofía" in leak.words] == ["comment"]
    dialog.export_button.click()
    assert dialog.last_task is None
    assert any("Sofía" in dialog.leak_list.item(i).text() for i in range(dialog.leak_list.count()))
    conn.close()


def _privacy(comments: bool) -> object:
    from app.exchange.export import Privacy

    return Privacy(names=False, comments=comments)


ENVELOPES = {
    "unsigned": "Envelope: not sealed, unsigned (older format)",
    "no-ring": "Envelope: sealed, signed with key 4F2A-0000-0000-0001",
    "first": "Envelope: sealed, signed by Riverbend, key 4F2A-0000-0000-0001, first seen"
    " 2026-08-24 (first file from this key: trusted from now on)",
    "known": "Envelope: not sealed, signed by Riverbend, key 4F2A-0000-0000-0001, first seen"
    " 2026-08-24",
    "accepted": "Envelope: sealed, signed by Riverbend, key 4F2A-0000-0000-0001, first seen"
    " 2026-08-24 (a NEW key for this agency, accepted)",
}


def _envelopes() -> dict[str, object]:
    from app.exchange.importer import Envelope

    fp, day = "4F2A-0000-0000-0001", "2026-08-24"
    return {
        "unsigned": Envelope(False, False),
        "no-ring": Envelope(True, True, fp),
        "first": Envelope(True, True, fp, "Riverbend", day, "first"),
        "known": Envelope(False, True, fp, "Riverbend", day, "known"),
        "accepted": Envelope(True, True, fp, "Riverbend", day, "accepted"),
    }


def test_the_envelope_line_is_built_from_codes_in_the_interface_language(
    qtbot: QtBot, qapp: object, tmp_path: Path
) -> None:
    from app.ui import pseudo
    from app.ui.import_dialog import ImportDialog

    dialog = ImportDialog(None, tmp_path / "smsoat.sqlite3", [])
    qtbot.addWidget(dialog)
    infos = _envelopes()
    for key, info in infos.items():
        assert dialog.envelope_text(info) == ENVELOPES[key]  # type: ignore[arg-type]
    translator = pseudo.PseudoTranslator([])
    qapp.installTranslator(translator)  # type: ignore[attr-defined]
    try:
        for key, info in infos.items():
            shown = dialog.envelope_text(info)  # type: ignore[arg-type]
            # every word of the line is the translator's: only the values stay as they are
            rest = shown
            for value in ("Riverbend", "4F2A-0000-0000-0001", "2026-08-24"):
                rest = rest.replace(value, "")
            english = {w for w in ENVELOPES[key].split() if w.isalpha() and len(w) > 2}
            english -= {"Riverbend"}
            assert english and not any(w in rest.split() for w in english), (key, shown)
            assert shown.startswith("[") and shown.count("[") >= 2, shown
    finally:
        qapp.removeTranslator(translator)  # type: ignore[attr-defined]
