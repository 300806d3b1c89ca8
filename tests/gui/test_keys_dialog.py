"""File › Exchange keys…: everything `smsoat keys` does, in the GUI (issue 15), driven as a state
coordinator and an agency lead would, hostile key files included. Each refusal is checked to
change nothing in the keys folder."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pyrage
import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.services.keys import KeyRing, parse_recipients
from app.ui.keys_dialog import KeysDialog
from app.ui.main_window import MainWindow
from tests.gui.test_exchange_wiring import _menu_action

WAIT = 30000


def _dialog(qtbot: QtBot, db_path: Path) -> KeysDialog:
    dialog = KeysDialog(None, db_path)
    qtbot.addWidget(dialog)
    return dialog


def _snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _wait(qtbot: QtBot, dialog: KeysDialog, start: object) -> str:
    with qtbot.waitSignal(dialog.task_done, timeout=WAIT) as blocker:
        assert callable(start)
        assert start() is dialog.last_task
    return str(blocker.args[0])


def test_the_coordinator_makes_a_key_copies_its_fingerprint_and_saves_the_public_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db_path = tmp_path / "state" / "smsoat.sqlite3"
    db_path.parent.mkdir()
    db_path.write_bytes(b"SQLite format 3\x00 stands in for the data")
    dialog = _dialog(qtbot, db_path)
    assert dialog.fingerprint.text() == "" and dialog.create_button.isEnabled()
    assert not dialog.save_public_button.isEnabled() and not dialog.copy_button.isEnabled()
    dialog.create_button.click()
    [key] = KeyRing.for_database(db_path).coordinator_keys()
    assert dialog.fingerprint.text() == key.fingerprint
    assert dialog.public_key.text() == key.recipient
    assert key.fingerprint in dialog.status.text()
    assert not dialog.create_button.isEnabled()  # once per state office
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == key.fingerprint
    # the public key file: parsed back, it is exactly this key
    public = tmp_path / "coordinator.pub"
    dialog.ask_save = lambda _title, _suggested, _filters: public
    assert dialog.save_public() == public
    assert [k.recipient for k in parse_recipients(public.read_text(), "f")] == [key.recipient]
    assert "AGE-SECRET-KEY" not in public.read_text()
    # a careless click on the data file, or on the private key itself, is refused
    keys_before = _snapshot(db_path.parent / "keys")
    data_before = db_path.read_bytes()
    for target in (db_path, KeyRing.for_database(db_path).coordinator_files()[0]):
        dialog.ask_save = lambda _t, _s, _f, target=target: target
        assert dialog.save_public() is None
        assert dialog.status.text().startswith("Nothing was written")
    assert db_path.read_bytes() == data_before
    assert _snapshot(db_path.parent / "keys") == keys_before


def _public_file(tmp_path: Path, name: str = "coordinator.pub") -> tuple[Path, str]:
    ring = KeyRing(tmp_path / f"{name}-state-keys")
    key = ring.create_coordinator()
    path = tmp_path / name
    path.write_text(ring.public_file_text(key))
    return path, key.recipient


def test_an_agency_adds_a_coordinator_and_a_deputy_and_removes_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db_path = tmp_path / "agency" / "smsoat.sqlite3"
    dialog = _dialog(qtbot, db_path)
    assert "not sealed" in dialog.recipients.item(0).text()
    assert not dialog.remove_button.isEnabled()
    first, first_key = _public_file(tmp_path, "state.pub")
    deputy, deputy_key = _public_file(tmp_path, "deputy.pub")
    for path in (first, deputy):
        dialog.ask_open = lambda _t, _f, path=path: path
        dialog.add_button.click()
        assert "now sealed" in dialog.status.text()
    ring = KeyRing.for_database(db_path)
    assert [k.recipient for k in ring.recipients()] == [first_key, deputy_key]
    assert dialog.recipients.count() == 2
    dialog.add_button.click()  # the deputy again
    assert "already installed" in dialog.status.text() and len(ring.recipients()) == 2
    # remove the first: asked first, and "no" changes nothing
    dialog.recipients.setCurrentRow(0)
    assert dialog.remove_button.isEnabled()
    dialog.confirm = lambda _text: False
    assert not dialog.remove_selected() and len(ring.recipients()) == 2
    dialog.confirm = lambda _text: True
    dialog.remove_button.click()
    assert [k.recipient for k in ring.recipients()] == [deputy_key]
    dialog.recipients.setCurrentRow(0)
    dialog.remove_button.click()
    assert ring.recipients() == [] and "will not be sealed" in dialog.status.text()


def _hostile_files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "hostile"
    folder.mkdir()
    files: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        files[name] = folder / name
        files[name].write_bytes(data)

    identity = pyrage.x25519.Identity.generate()
    put("private.key", f"# a private key\n{identity}\n".encode())
    put("garbage.pub", b"hello, this is not a key\n")
    put("binary.pub", bytes(range(256)) * 4)
    put("empty.pub", b"")
    put("comments-only.pub", b"# only a comment\n\n")
    put("huge.pub", b"age1" + b"q" * (5 * 1024 * 1024))
    put("nul-in-key.pub", str(identity.to_public()).encode()[:20] + b"\x00" * 40 + b"\n")
    put("saved-keys.age", pyrage.passphrase.encrypt(b"{}", "pw"))
    files["folder"] = folder / "a-folder.pub"
    files["folder"].mkdir()
    fifo = folder / "pipe.pub"
    os.mkfifo(fifo)
    files["fifo"] = fifo
    files["missing"] = folder / "missing.pub"
    if Path("/dev/zero").exists():
        files["dev-zero"] = Path("/dev/zero")
    return files


def test_hostile_public_key_files_are_refused_in_one_line_and_change_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db_path = tmp_path / "agency" / "smsoat.sqlite3"
    good, good_key = _public_file(tmp_path)
    dialog = _dialog(qtbot, db_path)
    dialog.ask_open = lambda _t, _f: good
    dialog.add_button.click()
    keys = db_path.parent / "keys"
    before = _snapshot(keys)
    expected = {
        "private.key": "private key",
        "garbage.pub": "no coordinator public key",
        "binary.pub": "cannot be a key file",
        "empty.pub": "no coordinator public key",
        "comments-only.pub": "no coordinator public key",
        "huge.pub": "cannot be a key file",
        "nul-in-key.pub": "no coordinator public key",
        "saved-keys.age": "Restore keys from a file",
        "folder": "cannot be a key file",
        "fifo": "cannot be a key file",
        "missing": "Cannot read missing.pub",
        "dev-zero": "cannot be a key file",
    }
    for name, path in _hostile_files(tmp_path).items():
        dialog.ask_open = lambda _t, _f, path=path: path
        dialog.add_button.click()
        shown = dialog.status.text()
        assert expected[name] in shown, (name, shown)
        assert "\n" not in shown and "Traceback" not in shown
        assert _snapshot(keys) == before, name
    assert [k.recipient for k in KeyRing.for_database(db_path).recipients()] == [good_key]


def test_keys_saved_with_a_passphrase_restore_on_a_new_laptop(qtbot: QtBot, tmp_path: Path) -> None:
    old_db = tmp_path / "old" / "smsoat.sqlite3"
    old = _dialog(qtbot, old_db)
    old.create_button.click()
    fingerprint = old.fingerprint.text()
    saved = tmp_path / "moving" / "keys.age"
    saved.parent.mkdir()
    old.ask_save = lambda _t, _s, _f: saved
    old.ask_passphrase = lambda twice: "" if twice else None
    assert old.export_keys() is None and "Give a passphrase" in old.status.text()
    assert not saved.exists()
    old.ask_passphrase = lambda twice: "correct horse" if twice else None
    shown = _wait(qtbot, old, old.export_keys)
    assert "Saved the keys" in shown
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert saved.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert b"AGE-SECRET-KEY" not in saved.read_bytes()

    new_db = tmp_path / "new" / "smsoat.sqlite3"
    new = _dialog(qtbot, new_db)
    new.ask_open = lambda _t, _f: saved
    new.ask_passphrase = lambda _twice: "wrong"
    shown = _wait(qtbot, new, new.restore_keys)
    assert "passphrase is wrong" in shown
    assert _snapshot(new_db.parent / "keys") == {} and new.fingerprint.text() == ""
    new.ask_passphrase = lambda _twice: "correct horse"
    shown = _wait(qtbot, new, new.restore_keys)
    assert shown.startswith("Restored") and new.fingerprint.text() == fingerprint
    assert new.import_button.isEnabled()


def test_hostile_saved_keys_files_are_refused_and_change_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db_path = tmp_path / "agency" / "smsoat.sqlite3"
    dialog = _dialog(qtbot, db_path)
    dialog.ask_passphrase = lambda _twice: "pw"
    folder = tmp_path / "saved"
    folder.mkdir()
    bundles = {
        "a-list.age": json.dumps(["not", "a", "bundle"]),
        "escaping-name.age": json.dumps(
            {"format": "smsoat-keys", "files": {"agency-signing.key": "x", "../../evil": "x"}}
        ),
    }
    for name, text in bundles.items():
        path = folder / name
        path.write_bytes(pyrage.passphrase.encrypt(text.encode(), "pw"))
        dialog.ask_open = lambda _t, _f, path=path: path
        shown = _wait(qtbot, dialog, dialog.restore_keys)
        assert "nothing was changed" in shown.lower(), (name, shown)
        assert _snapshot(db_path.parent / "keys") == {}, name
        assert not (tmp_path / "evil").exists()
    public, _ = _public_file(tmp_path)
    dialog.ask_open = lambda _t, _f: public  # a public key is not a saved-keys file
    assert dialog.restore_keys() is None and "not a keys file" in dialog.status.text()
    dialog.ask_open = lambda _t, _f: Path("/dev/zero")
    assert dialog.restore_keys() is None and "cannot be a key file" in dialog.status.text()
    assert _snapshot(db_path.parent / "keys") == {}


@pytest.mark.usefixtures("data_dir")
def test_the_file_menu_opens_the_keys_dialog(qtbot: QtBot, window: MainWindow) -> None:
    _menu_action(window, "Exchange keys…").trigger()  # type: ignore[attr-defined]
    dialog = window.dialog
    assert isinstance(dialog, KeysDialog) and dialog.isVisible()
    assert dialog.ring.folder == window.db_path.parent / "keys"
    dialog.create_button.click()
    assert KeyRing.for_database(window.db_path).coordinator_keys()
    dialog.close()


def test_a_read_only_window_shows_keys_and_changes_none(qtbot: QtBot, tmp_path: Path) -> None:
    db_path = tmp_path / "agency" / "smsoat.sqlite3"
    public, _ = _public_file(tmp_path)
    KeyRing.for_database(db_path).add_recipient(public.read_text())
    dialog = KeysDialog(None, db_path, read_only=True)
    qtbot.addWidget(dialog)
    dialog.recipients.setCurrentRow(0)
    assert dialog.recipients.count() == 1 and "age1" in dialog.recipients.item(0).toolTip()
    for button in (
        dialog.create_button,
        dialog.add_button,
        dialog.remove_button,
        dialog.import_button,
    ):
        assert not button.isEnabled(), button.text()
    assert dialog.export_button.isEnabled()  # saving the keys elsewhere changes nothing here
