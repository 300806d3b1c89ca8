"""Issue 15: the export dialog's "not sealed" warning comes with a button to File › Exchange
keys…; once the keys dialog closes, the export dialog reads again whether the file will be sealed.
A read-only window's keys dialog only looks and saves, as from the menu."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.db.connection import open_database
from app.exchange.envelope import AGE_MAGIC
from app.services.catalog import default_catalog
from app.services.demo import create_demo
from app.services.keys import KeyRing
from app.ui.export_dialog import ExportDialog
from app.ui.keys_dialog import KeysDialog
from tests.gui.test_keys_dialog import _public_file

WAIT = 20000


@pytest.fixture
def agency(tmp_path: Path) -> Iterator[tuple[Path, sqlite3.Connection, int]]:
    db_path = tmp_path / "agency" / "smsoat.sqlite3"
    conn = open_database(db_path)
    round_id = create_demo(conn, default_catalog().get("sms-oat-bh")).round.id
    yield db_path, conn, round_id
    conn.close()


def test_the_not_sealed_warning_opens_the_keys_and_the_export_is_then_sealed(
    qtbot: QtBot, tmp_path: Path, agency: tuple[Path, sqlite3.Connection, int]
) -> None:
    db_path, conn, round_id = agency
    dialog = ExportDialog(None, db_path, round_id, conn)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "WARNING: not sealed" in dialog.contents.text()
    assert dialog.keys_button.isVisible()
    dialog.keys_button.click()
    keys = dialog.keys_dialog
    assert isinstance(keys, KeysDialog) and keys.isVisible()
    assert keys.add_button.isEnabled()  # a writable window may install a key
    public, recipient = _public_file(tmp_path, "state.pub")
    keys.ask_open = lambda _t, _f: public
    keys.add_button.click()
    assert [k.recipient for k in KeyRing.for_database(db_path).recipients()] == [recipient]
    assert "WARNING: not sealed" in dialog.contents.text()  # read again when the keys close
    keys.close()
    qtbot.waitUntil(lambda: "Sealed: only the state coordinator" in dialog.contents.text())
    fingerprint = KeyRing.for_database(db_path).recipients()[0].fingerprint
    assert fingerprint in dialog.contents.text()
    assert "not sealed" not in dialog.contents.text()
    assert not dialog.keys_button.isVisible()
    # and the file written now is sealed for that key
    target = tmp_path / "out.smsoat"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=WAIT):
        dialog.export_button.click()
        if dialog.last_task is None:  # roles only: a first press may list texts to check
            dialog.export_button.click()
    assert target.read_bytes().startswith(AGE_MAGIC)


def test_a_sealed_export_shows_no_keys_button(
    qtbot: QtBot, tmp_path: Path, agency: tuple[Path, sqlite3.Connection, int]
) -> None:
    db_path, conn, round_id = agency
    public, _ = _public_file(tmp_path)
    KeyRing.for_database(db_path).add_recipient(public.read_text())
    dialog = ExportDialog(None, db_path, round_id, conn)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Sealed: only the state coordinator" in dialog.contents.text()
    assert not dialog.keys_button.isVisible()


def test_a_read_only_window_opens_the_keys_only_to_look(
    qtbot: QtBot, agency: tuple[Path, sqlite3.Connection, int]
) -> None:
    db_path, conn, round_id = agency
    before = sorted(KeyRing.for_database(db_path).folder.glob("*"))
    dialog = ExportDialog(None, db_path, round_id, conn, read_only=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.keys_button.click()
    keys = dialog.keys_dialog
    assert isinstance(keys, KeysDialog) and keys.read_only
    for button in (keys.create_button, keys.add_button, keys.import_button):
        assert not button.isEnabled(), button.text()
    keys.close()
    qtbot.waitUntil(lambda: keys.isHidden())
    assert "WARNING: not sealed" in dialog.contents.text() and dialog.keys_button.isVisible()
    assert sorted(KeyRing.for_database(db_path).folder.glob("*")) == before
